import { useEffect, useRef } from 'react';
import { announceActivity } from './activity';
import { listenToProject, type ProjectEvent } from './project-events';

export type { ProjectEvent } from './project-events';

type Follower = (event: ProjectEvent) => void;
const followers = new Map<string, Set<Follower>>();

/**
 * Calls `listener` with every event of the project's stream that the page holds open
 * (through useProjectEvents), for parts of the page that need them too (the editor) without
 * a stream of their own: a browser keeps at most six connections to a host over HTTP/1.1,
 * and every stream holds one. Returns the function that stops it.
 */
export function followProjectEvents(projectId: string, listener: Follower): () => void {
  const set = followers.get(projectId) ?? new Set<Follower>();
  set.add(listener);
  followers.set(projectId, set);
  return () => {
    set.delete(listener);
    if (set.size === 0 && followers.get(projectId) === set) {
      followers.delete(projectId);
    }
  };
}

/**
 * Calls `onEvent` for every event of the project's stream while the component is mounted
 * (one EventSource, closed on unmount or when the project changes). `onEvent` may be a new
 * function on every render; the latest one is called. Every event is also passed to
 * `followProjectEvents` listeners and announced through `announceActivity()` (the
 * notification bell listens).
 */
export function useProjectEvents(projectId: string, onEvent: (event: ProjectEvent) => void): void {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    if (projectId === '') {
      return undefined;
    }
    return listenToProject(projectId, (event) => {
      latest.current(event);
      followers.get(projectId)?.forEach((follow) => {
        follow(event);
      });
      // Comments, assignments and review steps may have brought notifications.
      announceActivity();
    });
  }, [projectId]);
}
