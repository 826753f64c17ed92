import { useEffect, useRef } from 'react';
import { announceActivity } from './activity';
import { listenToProject, type ProjectEvent } from './project-events';

export type { ProjectEvent } from './project-events';

/**
 * Calls `onEvent` for every event of the project's stream while the component is mounted
 * (one EventSource, closed on unmount or when the project changes). `onEvent` may be a new
 * function on every render; the latest one is called. Every event is also announced
 * through `announceActivity()` (the notification bell listens).
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
      // Comments, assignments and review steps may have brought notifications.
      announceActivity();
    });
  }, [projectId]);
}
