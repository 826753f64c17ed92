/** The four roles a member can hold in a project, from most to least powerful. */
export const ROLES = ['lead', 'author', 'reviewer', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** True when `value` names one of the project roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
