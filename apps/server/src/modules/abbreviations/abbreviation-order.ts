/**
 * The order of a list of abbreviations, in the app and in the PDF: German collation by
 * `short`, case and accents ignored first ("Amt", "AMT2", "Ämter", "amtlich"); entries that
 * compare equal there are ordered by the finer German collation, then by code points, then by
 * id, so that the order never depends on the database's row order or its collation.
 */
const BASE = new Intl.Collator('de', { sensitivity: 'base' });
const VARIANT = new Intl.Collator('de', { sensitivity: 'variant' });

export function compareAbbreviations(a: { short: string; id?: string }, b: { short: string; id?: string }): number {
  return (
    BASE.compare(a.short, b.short) ||
    VARIANT.compare(a.short, b.short) ||
    (a.short < b.short ? -1 : a.short > b.short ? 1 : 0) ||
    ((a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : 0)
  );
}

/** A sorted copy. */
export function sortAbbreviations<T extends { short: string; id?: string }>(entries: readonly T[]): T[] {
  return [...entries].sort(compareAbbreviations);
}
