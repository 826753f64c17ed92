import { labelSources, sourceEntry, type Language, type SourceFields } from '@kapitel/domain';
import { citationSourceId, citedSourceIds } from '@kapitel/editor';
import type { ReportSection, ReportSource } from './model.js';

/** The ids of the sources the texts of `sections` cite (`citation` nodes), as stored (lower-case UUIDs). */
export function reportCitedSourceIds(sections: readonly ReportSection[]): Set<string> {
  return new Set(sections.flatMap((section) => [...citedSourceIds(section.content)]));
}

/**
 * The report model's `sources`: those of the project's list (`all`) that the texts of
 * `sections` cite, labelled and sorted in the report's language. Labelled over the whole list
 * and only then filtered: "KGSt 2023b" stays "b" when "KGSt 2023a" is cited nowhere in the
 * report, as the editor and the reading view (which label the whole list) show it.
 */
export function reportSources(
  all: readonly SourceFields[],
  sections: readonly ReportSection[],
  language: Language,
): ReportSource[] {
  const cited = reportCitedSourceIds(sections);
  return labelSources(all, language)
    .filter((labelled) => cited.has(citationSourceId(labelled.source.id)))
    .map((labelled) => ({
      id: labelled.source.id,
      label: labelled.label,
      entry: sourceEntry(labelled, language),
    }));
}
