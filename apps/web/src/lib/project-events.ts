import { CHANGE_TOPICS, type ChangeTopic, type ProjectChange } from '@kapitel/domain';
import { reportSessionEnded } from './api';

/**
 * What a project's event stream says (API: `GET /api/projects/:projectId/events`):
 * something changed; changes may have been missed (reload everything); or the caller is
 * no longer a member.
 */
export type ProjectEvent = { type: 'change'; change: ProjectChange } | { type: 'resync' } | { type: 'revoked' };

const TOPICS: ReadonlySet<string> = new Set(CHANGE_TOPICS);

/** The data of a `change` event, checked; null for anything that is not a ProjectChange. */
export function parseChange(data: string): ProjectChange | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const { projectId, topic, sectionId, userId, exportId } = value as Record<string, unknown>;
  if (typeof projectId !== 'string' || typeof topic !== 'string' || !TOPICS.has(topic)) {
    return null;
  }
  return {
    projectId,
    topic: topic as ChangeTopic,
    ...(typeof sectionId === 'string' ? { sectionId } : {}),
    ...(typeof userId === 'string' ? { userId } : {}),
    ...(typeof exportId === 'string' ? { exportId } : {}),
  };
}

/** How long to wait before opening a stream again that the browser gave up on (grows to a minute). */
export function retryDelay(attempt: number): number {
  return Math.min(60_000, 2000 * 2 ** Math.max(0, attempt - 1));
}

export interface ProjectEventsOptions {
  /** The EventSource constructor (the browser's). */
  EventSourceImpl?: typeof EventSource;
}

/**
 * Listens to a project's event stream until the returned function is called. The browser
 * reconnects a dropped stream by itself (the server asks for 2 s); a stream it gave up on
 * (the server answered with an error, e.g. while restarting) is opened again here with a
 * growing delay. Every reconnection reports `resync`, since changes may have been missed
 * meanwhile. After `revoked` and `signed-out` the stream stays closed; `signed-out` is passed
 * on as an ended session (`reportSessionEnded`), as a 401 answer would be.
 */
export function listenToProject(
  projectId: string,
  onEvent: (event: ProjectEvent) => void,
  { EventSourceImpl = EventSource }: ProjectEventsOptions = {},
): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let opened = false;
  let stopped = false;

  const stop = (): void => {
    stopped = true;
    source?.close();
    source = null;
    if (retry !== null) {
      clearTimeout(retry);
      retry = null;
    }
  };

  const open = (): void => {
    // Same origin: the session cookie goes along by itself.
    const current = new EventSourceImpl(`/api/projects/${encodeURIComponent(projectId)}/events`);
    source = current;
    current.addEventListener('ready', () => {
      failures = 0;
      if (opened) {
        onEvent({ type: 'resync' });
      }
      opened = true;
    });
    current.addEventListener('change', (event: MessageEvent<string>) => {
      const change = parseChange(event.data);
      if (change !== null && change.projectId === projectId) {
        onEvent({ type: 'change', change });
      }
    });
    current.addEventListener('resync', () => {
      onEvent({ type: 'resync' });
    });
    current.addEventListener('revoked', () => {
      stop();
      onEvent({ type: 'revoked' });
    });
    // The session ended (a logout, perhaps in another tab): the app shows the sign-in page.
    current.addEventListener('signed-out', () => {
      stop();
      reportSessionEnded();
    });
    current.addEventListener('error', () => {
      if (stopped || current.readyState !== EventSourceImpl.CLOSED) {
        return;
      }
      // The browser gave up (an error answer, not a dropped connection): try again later.
      current.close();
      failures += 1;
      retry = setTimeout(() => {
        retry = null;
        if (!stopped) {
          open();
        }
      }, retryDelay(failures));
    });
  };

  open();
  return stop;
}
