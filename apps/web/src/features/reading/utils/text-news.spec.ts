import { describe, expect, it } from '@jest/globals';
import type { ProjectEvent } from '../../../lib/project-events';
import { changedSince } from './text-news';

const text = (at?: string): ProjectEvent => ({
  type: 'change',
  change: { projectId: 'p', topic: 'text', sectionId: 's', ...(at === undefined ? {} : { at }) },
});
const READ_AT = '2026-11-30T13:00:05.000Z';

describe('changedSince()', () => {
  it('names the section of an edit stored after the text was read', () => {
    expect(changedSince(text('2026-11-30T13:00:06.000Z'), READ_AT)).toEqual({ sectionId: 's', at: '2026-11-30T13:00:06.000Z' });
  });

  it('names none for an edit stored before the read, told of only after it', () => {
    expect(changedSince(text('2026-11-30T13:00:04.999Z'), READ_AT)).toBeNull();
  });

  it('names the section when it cannot tell (no time on the event, or nothing read yet)', () => {
    expect(changedSince(text(), READ_AT)).toEqual({ sectionId: 's', at: undefined });
    expect(changedSince(text('2026-11-30T13:00:04.000Z'), undefined)).toEqual({ sectionId: 's', at: '2026-11-30T13:00:04.000Z' });
  });

  it('names none for other events', () => {
    expect(changedSince({ type: 'change', change: { projectId: 'p', topic: 'outline' } }, READ_AT)).toBeNull();
    expect(changedSince({ type: 'resync' }, READ_AT)).toBeNull();
  });
});
