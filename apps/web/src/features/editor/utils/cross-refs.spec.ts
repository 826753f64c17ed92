import { describe, expect, it } from '@jest/globals';
import type { OutlineNode } from '@kapitel/domain';
import { createTranslator } from '../../../i18n/translate';
import { crossRefFace, filterTargets, sectionTargets, targetLabel, type SectionTarget } from './cross-refs';

const de = createTranslator('de');
const en = createTranslator('en');

const chapter: SectionTarget = { id: 'c', number: '3', title: 'Kosten und Nutzen', depth: 1 };
const sub: SectionTarget = { id: 's', number: '3.2', title: 'Kosten', depth: 2 };
const annex: SectionTarget = { id: 'a', number: null, title: 'Anhang', depth: 1 };
const underAnnex: SectionTarget = { id: 'u', number: null, title: 'Tabellen', depth: 2 };

function node(id: string, number: string | null, title: string, children: OutlineNode[] = []): OutlineNode {
  return {
    id,
    projectId: 'p',
    parentId: null,
    position: 0,
    number,
    title,
    numbered: number !== null,
    state: 'draft',
    assigneeIds: [],
    reviewerId: null,
    dueDate: null,
    targetWords: null,
    noObjections: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    children,
  };
}

describe('targetLabel()', () => {
  it('names a numbered chapter "Kapitel 3" and a deeper numbered section "Abschnitt 3.2", as the PDF does', () => {
    expect(targetLabel(chapter, de)).toBe('Kapitel 3');
    expect(targetLabel(sub, de)).toBe('Abschnitt 3.2');
    expect(targetLabel(chapter, en)).toBe('Chapter 3');
    expect(targetLabel(sub, en)).toBe('Section 3.2');
  });

  it('names an unnumbered section, at any depth, by its title in the language’s quotes', () => {
    expect(targetLabel(annex, de)).toBe('„Anhang“');
    expect(targetLabel(underAnnex, de)).toBe('„Tabellen“');
    expect(targetLabel({ ...annex, title: 'Annex' }, en)).toBe('“Annex”');
  });
});

describe('crossRefFace()', () => {
  it('shows the label, tells screen readers that it is a reference to which title, and gives number and title as tooltip', () => {
    expect(crossRefFace(sub, 'Alter Titel', de, de)).toEqual({
      shown: 'Abschnitt 3.2',
      spoken: 'Querverweis: Abschnitt 3.2 „Kosten“',
      tooltip: '3.2 Kosten',
      state: 'found',
    });
    expect(crossRefFace(annex, 'Anhang', de, de)).toEqual({
      shown: '„Anhang“',
      spoken: 'Querverweis: „Anhang“',
      tooltip: 'Anhang',
      state: 'found',
    });
    expect(crossRefFace(chapter, '', en, en).spoken).toBe('Cross-reference: Chapter 3 “Kosten und Nutzen”');
  });

  it('uses the current title and number of the target, not the title stored with the reference', () => {
    expect(crossRefFace({ ...chapter, number: '4', title: 'Wirtschaftlichkeit' }, 'Kosten und Nutzen', de, de)).toMatchObject({
      shown: 'Kapitel 4',
      tooltip: '4 Wirtschaftlichkeit',
    });
  });

  it('writes the text’s words in the report’s language and speaks to the user in theirs', () => {
    expect(crossRefFace(sub, 'Kosten', en, de)).toMatchObject({ shown: 'Section 3.2', spoken: 'Querverweis: Section 3.2 „Kosten“' });
  });

  it('warns with the stored title when the target is not in the outline', () => {
    expect(crossRefFace(undefined, 'Kosten', de, de)).toEqual({
      shown: 'Verweis fehlt: „Kosten“',
      spoken: 'Querverweis auf einen fehlenden Abschnitt: „Kosten“',
      tooltip: 'Der Abschnitt „Kosten“ ist nicht mehr im Bericht (gelöscht oder im Papierkorb).',
      state: 'missing',
    });
    expect(crossRefFace(undefined, 'Costs', en, en).shown).toBe('Missing reference: “Costs”');
  });

  it('shows the stored title without a warning while the outline is not known yet', () => {
    expect(crossRefFace(null, 'Kosten', de, de)).toMatchObject({ shown: '„Kosten“', state: 'unknown' });
  });
});

describe('sectionTargets()', () => {
  it('lists the outline in reading order with each section’s depth', () => {
    const outline = [
      node('v', null, 'Vorwort'),
      node('1', '1', 'Einleitung', [node('11', '1.1', 'Auftrag', [node('111', '1.1.1', 'Umfang')])]),
      node('2', '2', 'Kosten'),
    ];
    expect(sectionTargets(outline).map(({ id, depth }) => [id, depth])).toEqual([
      ['v', 1],
      ['1', 1],
      ['11', 2],
      ['111', 3],
      ['2', 1],
    ]);
    expect(sectionTargets(outline)[2]).toEqual({ id: '11', number: '1.1', title: 'Auftrag', depth: 2 });
  });
});

describe('filterTargets()', () => {
  const targets = [chapter, sub, annex];

  it('keeps every target for an empty filter', () => {
    expect(filterTargets(targets, '  ')).toEqual(targets);
  });

  it('finds targets by the start of their number or by a part of their title, ignoring case', () => {
    expect(filterTargets(targets, '3.')).toEqual([sub]);
    expect(filterTargets(targets, 'kosten')).toEqual([chapter, sub]);
    expect(filterTargets(targets, ' ANH ')).toEqual([annex]);
    expect(filterTargets(targets, 'Zeitplan')).toEqual([]);
  });
});
