import { describe, expect, it } from '@jest/globals';
import { assignmentsLost } from './roles.js';

const section = (id: string, assigneeIds: string[], reviewerId: string | null) => ({
  id,
  assigneeIds,
  reviewerId,
});

describe('assignmentsLost', () => {
  const sections = [
    section('a', ['rita', 'ali'], null),
    section('b', ['ali'], 'rita'),
    section('c', [], 'lea'),
  ];

  it('drops the writing of an author who becomes a reviewer or a reader, and the reviewing of a reviewer who becomes an author or a reader', () => {
    expect(assignmentsLost(sections, 'rita', 'reviewer').map(({ section: s, as }) => [s.id, as])).toEqual([
      ['a', 'assignee'],
    ]);
    expect(assignmentsLost(sections, 'rita', 'author').map(({ section: s, as }) => [s.id, as])).toEqual([
      ['b', 'reviewer'],
    ]);
    expect(assignmentsLost(sections, 'rita', 'reader').map(({ section: s, as }) => [s.id, as])).toEqual([
      ['a', 'assignee'],
      ['b', 'reviewer'],
    ]);
  });

  it('keeps everything of a lead, and drops everything of someone who leaves', () => {
    expect(assignmentsLost(sections, 'rita', 'lead')).toEqual([]);
    expect(assignmentsLost(sections, 'ali', null).map(({ section: s }) => s.id)).toEqual(['a', 'b']);
    expect(assignmentsLost(sections, 'nobody', 'reader')).toEqual([]);
  });
});
