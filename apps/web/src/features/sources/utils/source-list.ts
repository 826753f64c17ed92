import { EMPTY_SOURCE, findMatches, foldForSearch, foldQuery, LIMITS, type SOURCE_FIELDS, type Source, type SourceInput } from '@kapitel/domain';
import { isCalendarDate, maxCodePoints, normaliseFieldText, type Rule } from '../../../lib/validation';

/** Above this many entries the list gets a filter field. */
export const FILTER_FROM = 13;

/** A field of the source form. */
export type SourceField = (typeof SOURCE_FIELDS)[number];

export { EMPTY_SOURCE };

/** The form's values of a source. */
export function sourceValues(source: Source): Record<SourceField, string> {
  const { authors, title, year, publication, url, accessed } = source;
  return { authors, title, year, publication, url, accessed };
}

/** The form's values as the server stores them; a day looked at means nothing without an address. */
export function sourceInput(values: Record<SourceField, string>): SourceInput {
  const url = values.url.trim();
  return {
    authors: normaliseFieldText(values.authors),
    title: normaliseFieldText(values.title),
    year: normaliseFieldText(values.year),
    publication: normaliseFieldText(values.publication),
    url,
    accessed: url === '' ? '' : values.accessed.trim(),
  };
}

const httpAddress: Rule = (value) => {
  const trimmed = value.trim();
  if (trimmed === '') {
    return null;
  }
  // Written out, as the server wants it: "www.kgst.de" and spaces are refused there too.
  if (!/^https?:\/\//i.test(trimmed) || /\s/u.test(trimmed)) {
    return { kind: 'url' };
  }
  try {
    const { protocol } = new URL(trimmed);
    return protocol === 'http:' || protocol === 'https:' ? null : { kind: 'url' };
  } catch {
    return { kind: 'url' };
  }
};

/** Today as `YYYY-MM-DD` in the user's time zone (the day a date field offers as today). */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The client's checks of the fields (the server's, docs/sources.md, decide). */
export function sourceRules(today: string): Record<SourceField, Rule[]> {
  const required: Rule = (value) => (value.trim() === '' ? { kind: 'required' } : null);
  const day: Rule = (value) => (value !== '' && !isCalendarDate(value) ? { kind: 'date' } : null);
  const past: Rule = (value) => (value !== '' && value > today ? { kind: 'future' } : null);
  return {
    authors: [maxCodePoints(LIMITS.sourceAuthorsMaxLength)],
    title: [required, maxCodePoints(LIMITS.sourceTitleMaxLength)],
    year: [maxCodePoints(LIMITS.sourceYearMaxLength)],
    publication: [maxCodePoints(LIMITS.sourcePublicationMaxLength)],
    url: [httpAddress, maxCodePoints(LIMITS.sourceUrlMaxLength)],
    accessed: [day, past],
  };
}

/**
 * The sources the filter `query` finds: those whose authors, title, year or publication
 * contain it by the report search's rule (case, accents, "oe" for "ö" ignored). A blank
 * query finds all.
 */
export function filterSources<T extends Source>(list: readonly T[], query: string): T[] {
  const spelled = foldQuery(query);
  if (spelled === '') {
    return [...list];
  }
  return list.filter((source) =>
    [source.authors, source.title, source.year, source.publication].some(
      (text) => findMatches(foldForSearch(text), spelled).length > 0,
    ),
  );
}
