import { describe, expect, it } from '@jest/globals';
import { myWork } from './my-work.js';
import type { MyWorkRow } from './my-work.repository.js';

const ME = 'me';
const TODAY = '2026-05-10';

type Section = NonNullable<MyWorkRow['section']>;

function section(id: string, changes: Partial<Section> = {}): Section {
  return {
    id,
    parentId: null,
    position: 0,
    title: `Titel ${id}`,
    numbered: true,
    state: 'draft',
    dueDate: null,
    assigneeIds: [],
    reviewerId: null,
    ...changes,
  };
}

function rows(projectId: string, projectTitle: string, sections: Section[]): MyWorkRow[] {
  const head = { projectId, projectTitle, projectLanguage: 'de' as const };
  return sections.length === 0
    ? [{ ...head, section: null }]
    : sections.map((s) => ({ ...head, section: s }));
}

describe('myWork()', () => {
  it('lists the sections assigned to the person and those they review while in review, numbered as in the outline', () => {
    const work = myWork(
      rows('p', 'Bericht', [
        section('a', { position: 0, numbered: false, assigneeIds: [ME] }),
        section('b', { position: 1 }),
        section('b1', { parentId: 'b', position: 0, reviewerId: ME, state: 'in_review' }),
        section('b2', { parentId: 'b', position: 1, reviewerId: ME, state: 'draft' }),
        section('c', { position: 2, assigneeIds: ['other', ME], state: 'approved' }),
      ]),
      ME,
      TODAY,
    );
    expect(work.sections.map((s) => [s.id, s.number, s.assigned, s.reviewing])).toEqual([
      ['a', null, true, false],
      ['b1', '1.1', false, true],
      ['c', '2', true, false],
    ]);
    expect(work.projects).toEqual([{ projectId: 'p', total: 5, approved: 1, progress: 0.2, open: 2 }]);
  });

  it('sorts by due date, the earliest first and undated last, then by project title and outline order; approved ones after all open ones', () => {
    const work = myWork(
      [
        ...rows('p2', 'Zweiter Bericht', [
          section('late', { position: 0, assigneeIds: [ME], dueDate: '2026-06-01' }),
          section('undated', { position: 1, assigneeIds: [ME] }),
        ]),
        ...rows('p1', 'Erster Bericht', [
          section('second', { position: 1, assigneeIds: [ME], dueDate: '2026-05-01' }),
          section('first', { position: 0, assigneeIds: [ME], dueDate: '2026-05-01' }),
          section('also-undated', { position: 2, assigneeIds: [ME] }),
          section('done', { position: 3, assigneeIds: [ME], dueDate: '2026-04-01', state: 'approved' }),
        ]),
        ...rows('p3', 'Anderer Bericht', [section('soon', { assigneeIds: [ME], dueDate: '2026-05-01' })]),
      ],
      ME,
      TODAY,
    );
    expect(work.sections.map((s) => s.id)).toEqual([
      'soon',
      'first',
      'second',
      'late',
      'also-undated',
      'undated',
      'done',
    ]);
  });

  it('marks as overdue what is not approved and due before today', () => {
    const work = myWork(
      rows('p', 'Bericht', [
        section('yesterday', { position: 0, assigneeIds: [ME], dueDate: '2026-05-09' }),
        section('today', { position: 1, assigneeIds: [ME], dueDate: TODAY }),
        section('approved', { position: 2, assigneeIds: [ME], dueDate: '2026-05-01', state: 'approved' }),
      ]),
      ME,
      TODAY,
    );
    expect(work.sections.map((s) => [s.id, s.overdue])).toEqual([
      ['yesterday', true],
      ['today', false],
      ['approved', false],
    ]);
  });

  it('gives a project without sections a progress of 0 of 0', () => {
    expect(myWork(rows('p', 'Leer', []), ME, TODAY)).toEqual({
      sections: [],
      projects: [{ projectId: 'p', total: 0, approved: 0, progress: 0, open: 0 }],
    });
  });
});
