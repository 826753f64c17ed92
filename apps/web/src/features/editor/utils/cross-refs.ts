import type { OutlineNode } from '@kapitel/domain';
import type { Translate } from '../../../i18n';

/** A section a cross-reference can point to, as the live outline has it. */
export interface SectionTarget {
  id: string;
  /** "3.2"; null for unnumbered sections (Vorwort, Anhang) and everything below them. */
  number: string | null;
  title: string;
  /** 1 for a chapter, 2 for its sub-sections, ... */
  depth: number;
}

/** The outline's sections in reading order (depth first), each with its depth. */
export function sectionTargets(nodes: readonly OutlineNode[]): SectionTarget[] {
  const targets: SectionTarget[] = [];
  const visit = (siblings: readonly OutlineNode[], depth: number): void => {
    for (const node of siblings) {
      targets.push({ id: node.id, number: node.number, title: node.title, depth });
      visit(node.children, depth + 1);
    }
  };
  visit(nodes, 1);
  return targets;
}

/**
 * How the text names a target, in the words the PDF prints for it (libs/export): a numbered
 * chapter "Kapitel 3", a numbered deeper section "Abschnitt 3.2", an unnumbered one its
 * title in quotes („Anhang“). `report` speaks the report's language, as the PDF does.
 */
export function targetLabel(target: SectionTarget, report: Translate): string {
  if (target.number === null) {
    return report('crossRefs.titled', { title: target.title });
  }
  return report(target.depth === 1 ? 'crossRefs.chapter' : 'crossRefs.section', { number: target.number });
}

/** What a cross-reference shows: its words, what a screen reader hears, its tooltip. */
export interface CrossRefFace {
  shown: string;
  spoken: string;
  tooltip: string;
  /**
   * `found`: the target is in the outline; `missing`: it is not (trashed, deleted, or of
   * another project after a paste); `unknown`: the outline has not arrived yet.
   */
  state: 'found' | 'missing' | 'unknown';
}

/**
 * The face of a cross-reference to `target` (undefined: not in the outline; null: the outline
 * is not known yet), with `storedTitle` the title kept in the reference. The words of the
 * text are in the report's language (`report`), what is said to the user in `ui`'s.
 */
export function crossRefFace(
  target: SectionTarget | null | undefined,
  storedTitle: string,
  report: Translate,
  ui: Translate,
): CrossRefFace {
  if (target === null) {
    // Not a warning: the outline is on its way, and the stored title is the best guess meanwhile.
    const shown = report('crossRefs.titled', { title: storedTitle });
    return { shown, spoken: ui('crossRefs.spoken', { label: shown }), tooltip: storedTitle, state: 'unknown' };
  }
  if (target === undefined) {
    return {
      shown: ui('crossRefs.missing', { title: storedTitle }),
      spoken: ui('crossRefs.spokenMissing', { title: storedTitle }),
      tooltip: ui('crossRefs.tooltipMissing', { title: storedTitle }),
      state: 'missing',
    };
  }
  const shown = targetLabel(target, report);
  if (target.number === null) {
    return { shown, spoken: ui('crossRefs.spoken', { label: shown }), tooltip: target.title, state: 'found' };
  }
  return {
    shown,
    spoken: ui('crossRefs.spokenNumbered', { label: shown, title: target.title }),
    tooltip: `${target.number} ${target.title}`,
    state: 'found',
  };
}

/**
 * The targets the dialog lists for `filter`: those whose number starts with it or whose
 * title contains it, ignoring case and surrounding spaces. An empty filter lists all.
 */
export function filterTargets(targets: readonly SectionTarget[], filter: string): SectionTarget[] {
  const wanted = filter.trim().toLocaleLowerCase();
  if (wanted === '') {
    return [...targets];
  }
  return targets.filter(
    (target) => (target.number ?? '').startsWith(wanted) || target.title.toLocaleLowerCase().includes(wanted),
  );
}
