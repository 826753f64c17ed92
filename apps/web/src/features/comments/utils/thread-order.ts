import type { CommentThread } from '@kapitel/domain';

/**
 * Where a thread's passage lies in the text now: a range with the text it covers, `detached`
 * when its text was deleted, `unknown` while the document has not arrived (or the editor
 * has not drawn it yet).
 */
export type PassagePlace = { from: number; to: number; quote: string } | 'detached' | 'unknown';

export const THREAD_FILTERS = ['open', 'resolved', 'all'] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];

export function isResolved(thread: Pick<CommentThread, 'resolvedAt'>): boolean {
  return thread.resolvedAt !== null;
}

export function matchesFilter(thread: Pick<CommentThread, 'resolvedAt'>, filter: ThreadFilter): boolean {
  switch (filter) {
    case 'open':
      return !isResolved(thread);
    case 'resolved':
      return isResolved(thread);
    case 'all':
      return true;
  }
}

/** How many threads each filter shows. */
export function countByFilter(
  threads: readonly Pick<CommentThread, 'resolvedAt'>[],
): Record<ThreadFilter, number> {
  const resolved = threads.filter(isResolved).length;
  return { open: threads.length - resolved, resolved, all: threads.length };
}

export interface PlacedThread<T> {
  thread: T;
  place: PassagePlace;
}

/** The sidebar's groups: comments on the whole section, on passages (in text order), on deleted passages. */
export interface ThreadGroups<T> {
  section: PlacedThread<T>[];
  passages: PlacedThread<T>[];
  detached: PlacedThread<T>[];
}

const byCreation = (a: { createdAt: string }, b: { createdAt: string }): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

/**
 * Sorts threads the way a reader meets them: comments on the whole section first, then
 * those on passages by where the passage starts (then ends) in the text, and apart from
 * them the threads whose passage was deleted. Threads whose place is not known yet follow
 * the placed ones, oldest first. Ties keep the order of creation.
 */
export function groupThreads<T extends Pick<CommentThread, 'anchor' | 'createdAt'>>(
  threads: readonly T[],
  placeOf: (thread: T) => PassagePlace,
): ThreadGroups<T> {
  const groups: ThreadGroups<T> = { section: [], passages: [], detached: [] };
  for (const thread of [...threads].sort(byCreation)) {
    if (thread.anchor === null) {
      groups.section.push({ thread, place: 'unknown' });
      continue;
    }
    const place = placeOf(thread);
    (place === 'detached' ? groups.detached : groups.passages).push({ thread, place });
  }
  groups.passages.sort((a, b) => {
    if (a.place === 'unknown' || b.place === 'unknown' || a.place === 'detached' || b.place === 'detached') {
      return (a.place === 'unknown' ? 1 : 0) - (b.place === 'unknown' ? 1 : 0);
    }
    return a.place.from - b.place.from || a.place.to - b.place.to;
  });
  return groups;
}
