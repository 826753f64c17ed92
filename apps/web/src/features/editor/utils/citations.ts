import { findMatches, foldForSearch, foldQuery, labelSources, type Language, type Source } from '@kapitel/domain';

/** A source as the citation dialog offers it: its label ("KGSt 2023a") beside its title. */
export interface CitableSource {
  id: string;
  label: string;
  title: string;
  /** What the filter looks in besides label and title. */
  authors: string;
}

/** The project's sources with their labels in the report's language, in the list's order. */
export function citableSources(sources: readonly Source[], language: Language): CitableSource[] {
  return labelSources(sources, language).map(({ source, label }) => ({
    id: source.id,
    label,
    title: source.title,
    authors: source.authors,
  }));
}

/** The labels by source id, for the citations in the text. */
export function citationLabels(sources: readonly CitableSource[]): Map<string, string> {
  return new Map(sources.map((source) => [source.id, source.label]));
}

/** The sources whose label, title or authors contain `query` by the report search's rule; a blank query finds all. */
export function filterCitable<T extends CitableSource>(sources: readonly T[], query: string): T[] {
  const spelled = foldQuery(query);
  if (spelled === '') {
    return [...sources];
  }
  return sources.filter((source) =>
    [source.label, source.title, source.authors].some((text) => findMatches(foldForSearch(text), spelled).length > 0),
  );
}
