import type { ProjectEvent } from '../../../lib/project-events';

/**
 * The section (and when) whose text an event says changed after the text on screen was read (`readAt`,
 * the server's time of the read), or null: another event, or an edit the text has already
 * (stored before the read, told of later, as the stream tells of typing every few seconds).
 */
export function changedSince(event: ProjectEvent, readAt: string | undefined): { sectionId: string; at: string | undefined } | null {
  if (event.type !== 'change' || event.change.topic !== 'text' || event.change.sectionId === undefined) {
    return null;
  }
  const { at, sectionId } = event.change;
  return isLater(at, readAt) ? { sectionId, at } : null;
}

/**
 * Whether an edit stored at `at` is missing from a text read at `readAt`; when either time is
 * unknown it may be. Both are the server's times in ISO 8601 (UTC): as strings they sort as times.
 */
export function isLater(at: string | undefined, readAt: string | undefined): boolean {
  return at === undefined || readAt === undefined || at > readAt;
}
