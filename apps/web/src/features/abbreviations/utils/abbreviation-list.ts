import { findMatches, foldForSearch, foldQuery, LIMITS } from '@kapitel/domain';
import { maxCodePoints, normaliseFieldText, type Issue, type Rule } from '../../../lib/validation';

/** Above this many entries the list gets a filter field. */
export const FILTER_FROM = 13;

// The server's order (apps/server abbreviation-order.ts) and the PDF's: German collation by
// the abbreviation, case and accents ignored first, then finer differences, then code points
// and id, so that two clients never show one list in two orders.
const BASE = new Intl.Collator('de', { sensitivity: 'base' });
const VARIANT = new Intl.Collator('de', { sensitivity: 'variant' });

const byCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders two entries as the list and the PDF show them. */
export function compareAbbreviations(
  a: { short: string; id: string },
  b: { short: string; id: string },
): number {
  return (
    BASE.compare(a.short, b.short) ||
    VARIANT.compare(a.short, b.short) ||
    byCodePoints(a.short, b.short) ||
    byCodePoints(a.id, b.id)
  );
}

/** A sorted copy of the list. */
export function sortAbbreviations<T extends { short: string; id: string }>(list: readonly T[]): T[] {
  return [...list].sort(compareAbbreviations);
}

/** Lower case, without accents and umlaut dots, runs of spaces as one: "Ämter" finds "amter" and "ÄMTER". */
function folded(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();
}

/** Without dots and spaces: "zB" and "z.B." find "z. B.". */
const compact = (value: string): string => folded(value).replace(/[\s.]/g, '');

/**
 * The entries the filter `query` finds: those whose abbreviation or meaning contains it,
 * ignoring case and accents; an abbreviation also ignoring its dots and spaces. A blank
 * query finds all.
 */
export function filterAbbreviations<T extends { short: string; long: string }>(
  list: readonly T[],
  query: string,
): T[] {
  const wanted = folded(query);
  if (wanted === '') {
    return [...list];
  }
  const wantedCompact = compact(query);
  // Also by the report search's rule (libs/domain search-text.ts): "oe" finds "ö" ("oepnv" finds "ÖPNV").
  const spelled = foldQuery(query);
  const found = (text: string): boolean => findMatches(foldForSearch(text), spelled).length > 0;
  return list.filter(
    (entry) =>
      folded(entry.short).includes(wanted) ||
      folded(entry.long).includes(wanted) ||
      (wantedCompact !== '' && compact(entry.short).includes(wantedCompact)) ||
      (spelled !== '' && (found(entry.short) || found(entry.long))),
  );
}

/** The server's comparison of abbreviations: the same one in any case ("ozg" is "OZG"; PostgreSQL's lower()). */
export function sameShort(a: string, b: string): boolean {
  return normaliseFieldText(a).toLowerCase() === normaliseFieldText(b).toLowerCase();
}

/**
 * An abbreviation the list has already (another entry than `exceptId`): refused at the field
 * before the request, in the server's words (ABBREVIATION_EXISTS). The server still decides;
 * a list that is behind is caught there.
 */
export const notInList =
  (list: readonly { id: string; short: string }[], exceptId: string | null): Rule =>
  (value): Issue | null =>
    list.some((entry) => entry.id !== exceptId && sameShort(entry.short, value))
      ? { kind: 'refused', code: 'ABBREVIATION_EXISTS' }
      : null;

/** The rules of the two fields, for adding (exceptId null) or changing an entry. */
export function abbreviationRules(list: readonly { id: string; short: string }[], exceptId: string | null) {
  const required: Rule = (value) => (value.trim() === '' ? { kind: 'required' } : null);
  return {
    short: [required, maxCodePoints(LIMITS.abbreviationShortMaxLength), notInList(list, exceptId)],
    long: [required, maxCodePoints(LIMITS.abbreviationLongMaxLength)],
  };
}
