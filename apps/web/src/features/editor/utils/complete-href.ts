const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/**
 * What people type into a link field, made into an absolute address: "www.kommune.de"
 * becomes https://www.kommune.de, "info@kommune.de" becomes mailto:info@kommune.de.
 * Anything that already names a scheme is left as typed, for `isAllowedHref` to judge.
 */
export function completeHref(input: string): string {
  const value = input.trim();
  if (value === '' || SCHEME.test(value)) {
    return value;
  }
  if (EMAIL.test(value)) {
    return `mailto:${value}`;
  }
  return `https://${value}`;
}
