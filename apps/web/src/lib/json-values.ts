/**
 * Reading fields of JSON from an answer (a stored document, an audit entry) whose shape is
 * not to be trusted: each gives a safe value of the expected kind, never throws.
 */

/** `value` as an object, or an empty one when it is none (null, an array, a string …). */
export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `value` as an array, or an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** `value` as a whole number from 1 to `max`, or `fallback` when it is none. */
export function count(value: unknown, fallback: number, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}
