import { normaliseEmail, type ErrorCode } from '@kapitel/domain';

/**
 * Client-side checks that mirror the server's validation, so that most mistakes are
 * explained before a request is sent. The server stays authoritative.
 */
export type Issue =
  | { kind: 'required' }
  | { kind: 'email' }
  | { kind: 'minLength'; limit: number }
  | { kind: 'maxLength'; limit: number }
  | { kind: 'date' }
  /** Not a whole number from `min` to `max` (thousands may be grouped: "1.500"). */
  | { kind: 'wholeNumber'; min: number; max: number }
  /** Not an absolute http(s) address. */
  | { kind: 'url' }
  /** A day after today where one that has been is asked for. */
  | { kind: 'future' }
  /** The signed-in person's own address where someone else's is asked for (an invitation). */
  | { kind: 'ownEmail' }
  /** The server refused the request for this field's sake with a code of its own (EMAIL_TAKEN). */
  | { kind: 'refused'; code: ErrorCode }
  /** The server refused the field; its message is not localised, so it is not shown as is. */
  | { kind: 'server'; message: string };

export type Rule = (value: string) => Issue | null;

// Lenient about the rest, but like the server a domain needs a top-level part of two letters
// or more (`name@localhost` and `a@b` are refused there, and then only got a vague message).
const EMAIL = /^[^\s@]+@([^\s@.]+\.)+([^\s@.\d]{2,}|xn--[^\s@.]+)$/u;

export const rules = {
  required: (): Rule => (value) => (value.trim() === '' ? { kind: 'required' } : null),
  email: (): Rule => (value) => (value.trim() !== '' && !EMAIL.test(value.trim()) ? { kind: 'email' } : null),
  minLength:
    (limit: number): Rule =>
    (value) =>
      value.length > 0 && value.length < limit ? { kind: 'minLength', limit } : null,
  maxLength:
    (limit: number): Rule =>
    (value) =>
      value.length > limit ? { kind: 'maxLength', limit } : null,
  /**
   * A date field's value as the server takes it, YYYY-MM-DD. A date input lets a year of
   * five or six digits through (`22026-01-31`), which the server refuses.
   */
  date: (): Rule => (value) => (value !== '' && !isCalendarDate(value) ? { kind: 'date' } : null),
  /** Empty, or a whole number from `min` to `max` as `parseWholeNumber` reads it. */
  wholeNumber:
    (min: number, max: number): Rule =>
    (value) => {
      if (value.trim() === '') {
        return null;
      }
      const number = parseWholeNumber(value);
      return number === null || number < min || number > max ? { kind: 'wholeNumber', min, max } : null;
    },
  /** Not `own` (compared as the server compares addresses: trimmed, case ignored). */
  notOwnEmail:
    (own: string | undefined): Rule =>
    (value) =>
      own !== undefined && normaliseEmail(value) === normaliseEmail(own) ? { kind: 'ownEmail' } : null,
};

/**
 * A field's text as the server stores and compares it: Unicode NFC, every run of white space
 * one plain space, trimmed. Sent in this form, so what a list shows is what was typed.
 */
export function normaliseFieldText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** At most `limit` characters once normalised (code points, as the server counts: an emoji is one). */
export const maxCodePoints =
  (limit: number): Rule =>
  (value) =>
    Array.from(normaliseFieldText(value)).length > limit ? { kind: 'maxLength', limit } : null;

/**
 * A whole number as people type it: digits, perhaps grouped by points or spaces as German
 * writes thousands ("1.500", "12 000"); null for anything else (a decimal, a sign, letters).
 */
export function parseWholeNumber(value: string): number | null {
  const digits = value.trim();
  if (!/^\d{1,3}(?:[.\s\u00a0\u202f]?\d{3})*$/.test(digits)) {
    return null;
  }
  return Number(digits.replace(/[.\s\u00a0\u202f]/g, ''));
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The first issue of each field, in the order the rules are listed. */
export function validate<F extends string>(
  values: Record<F, string>,
  fieldRules: Partial<Record<F, readonly Rule[]>>,
): Partial<Record<F, Issue>> {
  const issues: Partial<Record<F, Issue>> = {};
  for (const field of Object.keys(fieldRules) as F[]) {
    for (const rule of fieldRules[field] ?? []) {
      const issue = rule(values[field]);
      if (issue !== null) {
        issues[field] = issue;
        break;
      }
    }
  }
  return issues;
}
