import { describe, expect, it } from '@jest/globals';
import { assignmentChanged, assignmentOf, settingsChanged, settingsOf } from './section-changes';

describe('settingsChanged', () => {
  const saved = settingsOf({ title: 'Vorwort', numbered: false });

  it('sees no change in the saved title and numbering', () => {
    expect(settingsChanged(saved, { title: 'Vorwort', numbered: false })).toBe(false);
  });

  it('sees no change in spaces around the title, which the save trims away', () => {
    expect(settingsChanged(saved, { title: '  Vorwort ', numbered: false })).toBe(false);
  });

  it('sees a new title', () => {
    expect(settingsChanged(saved, { title: 'Vorbemerkung', numbered: false })).toBe(true);
  });

  it('sees a new numbering', () => {
    expect(settingsChanged(saved, { title: 'Vorwort', numbered: true })).toBe(true);
  });
});

describe('assignmentChanged', () => {
  const saved = assignmentOf({ assigneeIds: ['a', 'b'], reviewerId: null, dueDate: '2030-01-31', targetWords: 1500 });

  it('reads a section without reviewer, due date or length as empty strings, as the form holds them', () => {
    expect(assignmentOf({ assigneeIds: [], reviewerId: null, dueDate: null, targetWords: null })).toEqual({
      assigneeIds: [],
      reviewerId: '',
      dueDate: '',
      targetWords: '',
    });
  });

  it('sees no change in the same people ticked in another order', () => {
    expect(assignmentChanged(saved, { assigneeIds: ['b', 'a'], reviewerId: '', dueDate: '2030-01-31', targetWords: '1500' })).toBe(
      false,
    );
  });

  it('sees a person ticked or unticked', () => {
    expect(
      assignmentChanged(saved, { assigneeIds: ['a', 'b', 'c'], reviewerId: '', dueDate: '2030-01-31', targetWords: '1500' }),
    ).toBe(true);
    expect(assignmentChanged(saved, { assigneeIds: ['a'], reviewerId: '', dueDate: '2030-01-31', targetWords: '1500' })).toBe(
      true,
    );
    expect(assignmentChanged(saved, { assigneeIds: ['a', 'c'], reviewerId: '', dueDate: '2030-01-31', targetWords: '1500' })).toBe(
      true,
    );
  });

  it('sees a chosen reviewer and a changed or cleared due date', () => {
    expect(
      assignmentChanged(saved, { assigneeIds: ['a', 'b'], reviewerId: 'r', dueDate: '2030-01-31', targetWords: '1500' }),
    ).toBe(true);
    expect(assignmentChanged(saved, { assigneeIds: ['a', 'b'], reviewerId: '', dueDate: '2030-02-01', targetWords: '1500' })).toBe(
      true,
    );
    expect(assignmentChanged(saved, { assigneeIds: ['a', 'b'], reviewerId: '', dueDate: '', targetWords: '1500' })).toBe(true);
  });
});
