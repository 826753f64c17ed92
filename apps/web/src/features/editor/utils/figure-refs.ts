import type { ReportFigure } from '@kapitel/domain';
import type { FigureKind } from '@kapitel/editor';
import type { Translate } from '../../../i18n';
import type { CrossRefFace, SectionTarget } from './cross-refs';

/** How many figures and tables there are (before a section, or in all). */
export type FigureCounts = Record<FigureKind, number>;

/** A numbered figure or table of the text being edited, as the live document has it now. */
export interface LocalFigure {
  /** '' until the editor has given it an id (figure-ids.ts). */
  figureId: string;
  kind: FigureKind;
  caption: string;
}

/**
 * What the editor knows of the report's figures from outside its own text: the server's list
 * (other sections' figures, numbered through the report) and the outline's sections in
 * reading order, to know which sections come before the one being edited.
 */
export interface FigureReport {
  figures: readonly ReportFigure[];
  /** The report's sections in reading order (cross-refs.ts sectionTargets). */
  sections: readonly SectionTarget[];
  /** The section being edited: its figures are taken from the live text, not from the list. */
  sectionId: string;
}

/** A figure or table a cross-reference can point to, numbered as the PDF numbers it. */
export interface FigureTarget extends ReportFigure {
  /** It stands in the text being edited (the live one, not the server's list). */
  here: boolean;
}

function sectionIndexes(report: FigureReport): Map<string, number> {
  return new Map(report.sections.map((section, index) => [section.id, index]));
}

/**
 * How many figures and tables the sections before the edited one hold: the edited text's
 * first captioned image is "Abbildung {figure + 1}". Null when the edited section is not in
 * the outline (not yet, or no longer): no number then rather than a wrong one.
 */
export function figureOffsets(report: FigureReport): FigureCounts | null {
  const indexes = sectionIndexes(report);
  const here = indexes.get(report.sectionId);
  if (here === undefined) {
    return null;
  }
  const counts: FigureCounts = { figure: 0, table: 0 };
  for (const figure of report.figures) {
    const index = indexes.get(figure.sectionId);
    if (index !== undefined && index < here) {
      counts[figure.kind] += 1;
    }
  }
  return counts;
}

/**
 * Every figure and table of the report in reading order, the edited section's taken from its
 * live text (`local`), all numbered again per kind: a figure captioned here a moment ago is
 * counted at once, and so are the numbers after it. Null when the edited section is not in
 * the outline.
 */
export function reportFigureTargets(report: FigureReport, local: readonly LocalFigure[]): FigureTarget[] | null {
  const indexes = sectionIndexes(report);
  const hereIndex = indexes.get(report.sectionId);
  const section = report.sections[hereIndex ?? -1];
  if (hereIndex === undefined || section === undefined) {
    return null;
  }
  const others = report.figures.filter((figure) => figure.sectionId !== report.sectionId);
  const before = others.filter((figure) => (indexes.get(figure.sectionId) ?? Infinity) < hereIndex);
  const after = others.filter((figure) => (indexes.get(figure.sectionId) ?? Infinity) >= hereIndex);
  const mine: ReportFigure[] = local.map((figure) => ({
    ...figure,
    number: 0,
    sectionId: section.id,
    sectionNumber: section.number,
    sectionTitle: section.title,
  }));
  const counts: FigureCounts = { figure: 0, table: 0 };
  return [...before, ...mine, ...after].map((figure) => {
    counts[figure.kind] += 1;
    return { ...figure, number: counts[figure.kind], here: figure.sectionId === report.sectionId };
  });
}

/** The targets by id (those without an id cannot be pointed to), the first of a duplicated id winning as in the PDF. */
export function figureTargetsById(targets: readonly FigureTarget[]): Map<string, FigureTarget> {
  const byId = new Map<string, FigureTarget>();
  for (const target of targets) {
    if (target.figureId !== '' && !byId.has(target.figureId)) {
      byId.set(target.figureId, target);
    }
  }
  return byId;
}

/** "Abbildung 3" / "Tabelle 2": the words the PDF prints before a caption and for a reference, in `report`'s language. */
export function figureLabel(kind: FigureKind, number: number, report: Translate): string {
  return report(kind === 'table' ? 'figureRefs.table' : 'figureRefs.figure', { number });
}

/** Where a figure stands, for the dialog: "Abschnitt 2.1 Kosten", or „Anhang“ for an unnumbered section. */
export function figureSectionLabel(target: Pick<ReportFigure, 'sectionNumber' | 'sectionTitle'>, ui: Translate): string {
  return target.sectionNumber === null
    ? ui('figureRefs.inUnnumbered', { title: target.sectionTitle })
    : ui('figureRefs.inSection', { number: target.sectionNumber, title: target.sectionTitle });
}

/**
 * The face of a reference to a figure: `target` undefined when it is not in the report (deleted,
 * or its caption removed), null while the report's figures are not known yet. `stored` is what
 * the reference kept (its kind and the caption when it was set).
 */
export function figureRefFace(
  target: FigureTarget | null | undefined,
  stored: { kind: FigureKind; caption: string },
  report: Translate,
  ui: Translate,
): CrossRefFace {
  const kindWord = ui(stored.kind === 'table' ? 'figureRefs.kindTable' : 'figureRefs.kindFigure');
  if (target === null) {
    const shown = report(stored.kind === 'table' ? 'figureRefs.tableUnknown' : 'figureRefs.figureUnknown');
    return { shown, spoken: ui('figureRefs.spokenUnknown', { kind: kindWord, caption: stored.caption }), tooltip: stored.caption, state: 'unknown' };
  }
  if (target === undefined) {
    return {
      shown: ui('figureRefs.missing', { kind: kindWord, caption: stored.caption }),
      spoken: ui('figureRefs.spokenMissing', { kind: kindWord, caption: stored.caption }),
      tooltip: ui('figureRefs.tooltipMissing', { kind: kindWord, caption: stored.caption }),
      state: 'missing',
    };
  }
  const shown = figureLabel(target.kind, target.number, report);
  const tooltip = target.here
    ? `${shown}: ${target.caption}`
    : `${shown}: ${target.caption} (${figureSectionLabel(target, ui)})`;
  return { shown, spoken: ui('crossRefs.spokenNumbered', { label: shown, title: target.caption }), tooltip, state: 'found' };
}

/**
 * The targets of `kind` the dialog lists for `filter`: those whose number starts with it or
 * whose caption contains it, ignoring case and surrounding spaces. An empty filter lists all.
 */
export function filterFigureTargets(targets: readonly FigureTarget[], kind: FigureKind, filter: string): FigureTarget[] {
  const wanted = filter.trim().toLocaleLowerCase();
  return targets.filter(
    (target) =>
      target.kind === kind &&
      (wanted === '' || String(target.number).startsWith(wanted) || target.caption.toLocaleLowerCase().includes(wanted)),
  );
}
