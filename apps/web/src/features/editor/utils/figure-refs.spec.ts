import { describe, expect, it } from '@jest/globals';
import type { ReportFigure } from '@kapitel/domain';
import { createTranslator } from '../../../i18n/translate';
import type { SectionTarget } from './cross-refs';
import {
  figureLabel,
  figureOffsets,
  figureRefFace,
  figureSectionLabel,
  figureTargetsById,
  filterFigureTargets,
  reportFigureTargets,
  type FigureReport,
  type FigureTarget,
} from './figure-refs';

const de = createTranslator('de');
const en = createTranslator('en');

const sections: SectionTarget[] = [
  { id: 'a', number: '1', title: 'Ausgangslage', depth: 1 },
  { id: 'b', number: '2', title: 'Kosten', depth: 1 },
  { id: 'b1', number: '2.1', title: 'Personal', depth: 2 },
  { id: 'z', number: null, title: 'Anhang', depth: 1 },
];

function figure(sectionId: string, kind: ReportFigure['kind'], number: number, figureId = `${sectionId}-${kind}-${String(number)}`): ReportFigure {
  const section = sections.find((candidate) => candidate.id === sectionId);
  return {
    figureId,
    kind,
    number,
    caption: `${kind} ${String(number)}`,
    sectionId,
    sectionNumber: section?.number ?? null,
    sectionTitle: section?.title ?? '?',
  };
}

// As the server lists them: a: figure 1, table 1; b: figure 2 (stored text); b1: figure 3, table 2; z: table 3.
const listed = [figure('a', 'figure', 1), figure('a', 'table', 1), figure('b', 'figure', 2), figure('b1', 'figure', 3), figure('b1', 'table', 2), figure('z', 'table', 3)];
const editing = (sectionId: string, figures: readonly ReportFigure[] = listed): FigureReport => ({ figures, sections, sectionId });

describe('figureOffsets()', () => {
  it('counts the figures and tables of the sections before the edited one, per kind', () => {
    expect(figureOffsets(editing('a'))).toEqual({ figure: 0, table: 0 });
    expect(figureOffsets(editing('b'))).toEqual({ figure: 1, table: 1 });
    expect(figureOffsets(editing('b1'))).toEqual({ figure: 2, table: 1 });
    expect(figureOffsets(editing('z'))).toEqual({ figure: 3, table: 2 });
  });

  it('counts for a section without figures of its own in the list, from where the outline places it', () => {
    expect(figureOffsets(editing('b', listed.filter((entry) => entry.sectionId !== 'b')))).toEqual({ figure: 1, table: 1 });
  });

  it('knows no offset for a section the outline does not hold (yet): no number rather than a wrong one', () => {
    expect(figureOffsets(editing('new'))).toBeNull();
  });
});

describe('reportFigureTargets()', () => {
  it('takes the edited section\'s figures from its live text and numbers everything after them again', () => {
    const local = [
      { figureId: 'new', kind: 'figure' as const, caption: 'Neu' },
      { figureId: 'b-figure-2', kind: 'figure' as const, caption: 'figure 2' },
      { figureId: '', kind: 'table' as const, caption: 'Frisch beschriftet' },
    ];
    const targets = reportFigureTargets(editing('b'), local);
    expect(targets?.map((target) => [target.figureId, target.kind, target.number, target.here])).toEqual([
      ['a-figure-1', 'figure', 1, false],
      ['a-table-1', 'table', 1, false],
      ['new', 'figure', 2, true],
      ['b-figure-2', 'figure', 3, true],
      ['', 'table', 2, true],
      ['b1-figure-3', 'figure', 4, false],
      ['b1-table-2', 'table', 3, false],
      ['z-table-3', 'table', 4, false],
    ]);
    expect(targets?.[2]).toMatchObject({ sectionNumber: '2', sectionTitle: 'Kosten', caption: 'Neu' });
  });

  it('is null while the edited section is not in the outline', () => {
    expect(reportFigureTargets(editing('new'), [])).toBeNull();
  });
});

describe('figureTargetsById()', () => {
  it('leaves out figures without an id and keeps the first of a repeated one', () => {
    const targets = reportFigureTargets(editing('a', []), [
      { figureId: '', kind: 'figure', caption: 'ohne' },
      { figureId: 'x', kind: 'figure', caption: 'erste' },
      { figureId: 'x', kind: 'figure', caption: 'Kopie' },
    ]) as FigureTarget[];
    const byId = figureTargetsById(targets);
    expect([...byId.keys()]).toEqual(['x']);
    expect(byId.get('x')?.caption).toBe('erste');
  });
});

describe('figure labels', () => {
  it('say "Abbildung 3" and "Tabelle 2" as the PDF prints them, in the report\'s language', () => {
    expect(figureLabel('figure', 3, de)).toBe('Abbildung 3');
    expect(figureLabel('table', 2, de)).toBe('Tabelle 2');
    expect(figureLabel('figure', 3, en)).toBe('Figure 3');
    expect(figureLabel('table', 2, en)).toBe('Table 2');
  });

  it('name the section a figure is in for the dialog', () => {
    expect(figureSectionLabel({ sectionNumber: '2.1', sectionTitle: 'Personal' }, de)).toBe('Abschnitt 2.1 Personal');
    expect(figureSectionLabel({ sectionNumber: null, sectionTitle: 'Anhang' }, de)).toBe('„Anhang“');
    expect(figureSectionLabel({ sectionNumber: null, sectionTitle: 'Annex' }, en)).toBe('“Annex”');
  });
});

describe('figureRefFace()', () => {
  const targets = reportFigureTargets(editing('b'), [{ figureId: 'here', kind: 'table', caption: 'Kosten je Einwohner' }]) as FigureTarget[];
  const there = targets.find((target) => target.figureId === 'b1-figure-3');
  const here = targets.find((target) => target.figureId === 'here');

  it('shows the number in the report\'s words, with the caption and section in the tooltip and for screen readers', () => {
    // The edited section's live text has no figure any more (the server's list had one): one fewer before.
    expect(figureRefFace(there, { kind: 'figure', caption: 'alt' }, de, de)).toEqual({
      shown: 'Abbildung 2',
      spoken: 'Querverweis: Abbildung 2 „figure 3“',
      tooltip: 'Abbildung 2: figure 3 (Abschnitt 2.1 Personal)',
      state: 'found',
    });
    expect(figureRefFace(here, { kind: 'table', caption: 'alt' }, en, de)).toMatchObject({
      shown: 'Table 2',
      tooltip: 'Table 2: Kosten je Einwohner',
      state: 'found',
    });
  });

  it('warns with the kept caption when the figure is gone', () => {
    expect(figureRefFace(undefined, { kind: 'table', caption: 'Kosten je Einwohner' }, de, de)).toEqual({
      shown: 'Verweis fehlt: Tabelle „Kosten je Einwohner“',
      spoken: 'Querverweis auf eine fehlende Tabelle: „Kosten je Einwohner“',
      tooltip: 'Tabelle „Kosten je Einwohner“ ist nicht mehr im Bericht (gelöscht oder ohne Beschriftung).',
      state: 'missing',
    });
  });

  it('shows no number while the report\'s figures are not known, and no warning either', () => {
    expect(figureRefFace(null, { kind: 'figure', caption: 'Karte' }, de, de)).toEqual({
      shown: 'Abbildung …',
      spoken: 'Querverweis: Abbildung „Karte“',
      tooltip: 'Karte',
      state: 'unknown',
    });
  });
});

describe('filterFigureTargets()', () => {
  const targets = reportFigureTargets(editing('a', listed.filter((entry) => entry.sectionId !== 'a')), [
    { figureId: 'k', kind: 'figure', caption: 'Karte des Landkreises' },
  ]) as FigureTarget[];

  it('lists the targets of one kind whose number starts with, or whose caption contains, the filter', () => {
    expect(filterFigureTargets(targets, 'figure', '').map((target) => target.number)).toEqual([1, 2, 3]);
    expect(filterFigureTargets(targets, 'table', ' ').map((target) => target.number)).toEqual([1, 2]);
    expect(filterFigureTargets(targets, 'figure', 'LANDKREIS').map((target) => target.figureId)).toEqual(['k']);
    expect(filterFigureTargets(targets, 'figure', '3').map((target) => target.figureId)).toEqual(['b1-figure-3']);
  });
});
