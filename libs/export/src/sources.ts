import { labelSources, sourceEntry, type Language, type SourceFields } from '@kapitel/domain';
import { citationSourceId } from '@kapitel/editor';
import { attr, forEachNode } from './json-nodes.js';
import type { ReportSection, ReportSource } from './model.js';

/** The ids of the sources the texts of `sections` cite (`citation` nodes), as stored (lower-case UUIDs). */
export function citedSourceIds(sections: readonly ReportSection[]): Set<string> {
  const ids = new Set<string>();
  forEachNode(
    sections.map((section) => section.content),
    (node) => {
      const id = node.type === 'citation' ? citationSourceId(attr(node, 'sourceId')) : '';
      if (id !== '') {
        ids.add(id);
      }
    },
  );
  return ids;
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
  const cited = citedSourceIds(sections);
  return labelSources(all, language)
    .filter((labelled) => cited.has(citationSourceId(labelled.source.id)))
    .map((labelled) => ({
      id: labelled.source.id,
      label: labelled.label,
      entry: sourceEntry(labelled, language),
    }));
}
