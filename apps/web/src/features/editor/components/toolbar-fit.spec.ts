import { describe, expect, it } from '@jest/globals';
import { overflowingGroups, type MeasuredGroup } from './toolbar-fit';

const GROUPS: MeasuredGroup[] = [
  { key: 'history', width: 80 },
  { key: 'blocks', width: 160 },
  { key: 'marks', width: 240 },
  { key: 'lists', width: 120 },
  { key: 'inserts', width: 160 },
  { key: 'objects', width: 120 },
];
const PRIORITY = ['blocks', 'marks', 'history', 'lists', 'inserts', 'objects', 'tableTools'];
// All six with five dividers of 10 px: 880 + 50.
const ALL = 930;

describe('overflowingGroups', () => {
  it('keeps every group in the row when all fit, without room for "Mehr"', () => {
    expect(overflowingGroups(GROUPS, PRIORITY, { available: ALL, divider: 10, more: 60 })).toEqual([]);
  });

  it('moves the least important groups out, from the end, keeping room for "Mehr"', () => {
    // One px short of all: with room for "Mehr" (60) the objects (120 + 10) no longer fit.
    expect(overflowingGroups(GROUPS, PRIORITY, { available: ALL - 1, divider: 10, more: 60 })).toEqual([
      'objects',
    ]);
    expect(overflowingGroups(GROUPS, PRIORITY, { available: 700, divider: 10, more: 60 })).toEqual([
      'inserts',
      'objects',
    ]);
  });

  it('keeps headings and text formatting longest, before undo and redo', () => {
    // blocks + marks + divider = 410, with "Mehr" 470: history (80 + 10) no longer fits.
    expect(overflowingGroups(GROUPS, PRIORITY, { available: 500, divider: 10, more: 60 })).toEqual([
      'history',
      'lists',
      'inserts',
      'objects',
    ]);
  });

  it('stops at the first group that does not fit instead of filling the gap with a lesser one', () => {
    const wideTable = [...GROUPS, { key: 'tableTools', width: 600 }];
    const priority = ['blocks', 'marks', 'history', 'tableTools', 'lists', 'inserts', 'objects'];
    // Room for blocks, marks, history (500 with dividers) and "Mehr", not the table's 600:
    // the lists (120) would fit after them, but stay in the menu with everything after.
    expect(overflowingGroups(wideTable, priority, { available: 700, divider: 10, more: 60 })).toEqual([
      'lists',
      'inserts',
      'objects',
      'tableTools',
    ]);
  });

  it('counts a group missing from the priority as least important', () => {
    const groups = [{ key: 'extra', width: 100 }, ...GROUPS.slice(0, 2)];
    expect(overflowingGroups(groups, PRIORITY, { available: 300, divider: 10, more: 40 })).toEqual(['extra']);
  });

  it('moves everything into the menu when not even the first group fits', () => {
    expect(
      overflowingGroups(GROUPS.slice(0, 2), PRIORITY, { available: 150, divider: 10, more: 60 }),
    ).toEqual(['history', 'blocks']);
  });
});
