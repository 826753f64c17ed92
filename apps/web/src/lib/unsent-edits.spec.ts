import { describe, expect, it } from '@jest/globals';
import {
  allowUnsent,
  dropUnsent,
  forgetUnsent,
  keepUnsent,
  keptUnsent,
  KEEP_UNSENT_MS,
  unsentKey,
  type UnsentEditsStore,
} from './unsent-edits';

/** localStorage's shape over a Map; `full` makes it refuse writes as a full storage does. */
function memoryStore(): UnsentEditsStore & { full: boolean; entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    full: false,
    getItem: (key) => entries.get(key) ?? null,
    setItem(key, value) {
      if (this.full) {
        throw new Error('QuotaExceededError');
      }
      entries.set(key, value);
    },
    removeItem: (key) => {
      entries.delete(key);
    },
    key: (index) => [...entries.keys()][index] ?? null,
    get length() {
      return entries.size;
    },
  };
}

const bytes = (...values: number[]) => new Uint8Array(values);

describe('unsent edits kept in the browser', () => {
  it('gives back the records of other pages of the same person and section, oldest first, byte for byte', () => {
    const store = memoryStore();
    const big = new Uint8Array(100_000).map((_, index) => index % 251);
    keepUnsent(store, unsentKey('u1', 's1', 'page-b'), big, new Date('2026-11-30T10:05:00Z'));
    keepUnsent(store, unsentKey('u1', 's1', 'page-a'), bytes(1, 2, 3), new Date('2026-11-30T10:00:00Z'));
    keepUnsent(store, unsentKey('u1', 's1', 'mine'), bytes(9), new Date('2026-11-30T10:06:00Z'));
    keepUnsent(store, unsentKey('u1', 's2', 'page-c'), bytes(4));
    keepUnsent(store, unsentKey('u2', 's1', 'page-d'), bytes(5));

    const kept = keptUnsent(store, 'u1', 's1', unsentKey('u1', 's1', 'mine'));
    expect(kept.map((record) => record.key)).toEqual([unsentKey('u1', 's1', 'page-a'), unsentKey('u1', 's1', 'page-b')]);
    expect([...(kept[0]?.update ?? [])]).toEqual([1, 2, 3]);
    expect(kept[1]?.update).toEqual(big);
    expect(kept[0]?.savedAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('drops a damaged record instead of giving it back', () => {
    const store = memoryStore();
    store.setItem(unsentKey('u1', 's1', 'broken'), '{"update": 12}');
    store.setItem(unsentKey('u1', 's1', 'no-json'), 'kaputt');
    expect(keptUnsent(store, 'u1', 's1', 'x')).toEqual([]);
    expect(store.entries.size).toBe(0);
  });

  it('says false when the browser refuses to store, and dropping what is not there does nothing', () => {
    const store = memoryStore();
    store.full = true;
    expect(keepUnsent(store, unsentKey('u1', 's1', 'p'), bytes(1))).toBe(false);
    dropUnsent(store, unsentKey('u1', 's1', 'p'));
    expect(store.entries.size).toBe(0);
  });

  it('forgets records older than a month, and on sign-out all of that person, who has nothing kept until signed in again', () => {
    const store = memoryStore();
    const now = new Date('2026-11-30T12:00:00Z');
    keepUnsent(store, unsentKey('u1', 's1', 'old'), bytes(1), new Date(now.getTime() - KEEP_UNSENT_MS - 1000));
    keepUnsent(store, unsentKey('u1', 's1', 'new'), bytes(2), now);
    keepUnsent(store, unsentKey('u2', 's1', 'other'), bytes(3), now);
    store.setItem('kapitel.language', 'de');
    forgetUnsent(store, { now });
    expect([...store.entries.keys()].sort()).toEqual(['kapitel.language', unsentKey('u1', 's1', 'new'), unsentKey('u2', 's1', 'other')].sort());

    forgetUnsent(store, { userId: 'u1', now });
    expect([...store.entries.keys()].sort()).toEqual(['kapitel.language', unsentKey('u2', 's1', 'other')].sort());
    // An editor going after the sign-out cannot write it back.
    expect(keepUnsent(store, unsentKey('u1', 's1', 'late'), bytes(4))).toBe(false);
    expect(keepUnsent(store, unsentKey('u2', 's1', 'late'), bytes(5))).toBe(true);
    allowUnsent('u1');
    expect(keepUnsent(store, unsentKey('u1', 's1', 'late'), bytes(4))).toBe(true);
  });
});
