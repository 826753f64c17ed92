import { CHANGE_TOPICS, type ChangeTopic, type ProjectChange, type RevokedEventData } from '@kapitel/domain';
import { api, apiPath, isApiError, onSignedInAgain, reportSessionEnded } from './api';

/**
 * What a project's event stream says (API: `GET /api/projects/:projectId/events`):
 * something changed; changes may have been missed (reload everything); or the caller is
 * no longer a member.
 */
export type ProjectEvent =
  | { type: 'change'; change: ProjectChange }
  | { type: 'resync' }
  | { type: 'revoked'; reason?: RevokedEventData['reason'] };

/** Whether a `revoked` event's data says that the project itself was deleted. */
export function isProjectDeleted(data: string): boolean {
  try {
    return (JSON.parse(data) as RevokedEventData | null)?.reason === 'project-deleted';
  } catch {
    return false;
  }
}

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
  const { projectId, topic, sectionId, userId, exportId, at, restored } = value as Record<string, unknown>;
  if (typeof projectId !== 'string' || typeof topic !== 'string' || !TOPICS.has(topic)) {
    return null;
  }
  return {
    projectId,
    topic: topic as ChangeTopic,
    ...(typeof sectionId === 'string' ? { sectionId } : {}),
    ...(typeof userId === 'string' ? { userId } : {}),
    ...(typeof exportId === 'string' ? { exportId } : {}),
    ...(typeof at === 'string' ? { at } : {}),
    ...(restored === true ? { restored: true as const } : {}),
  };
}

/** How long to wait before opening a stream again that the browser gave up on (grows to a minute). */
export function retryDelay(attempt: number): number {
  return Math.min(60_000, 2000 * 2 ** Math.max(0, attempt - 1));
}

/** How often a refused stream may ask why (the retries come every 2 s at first). */
export const ASK_WHY_EVERY_MS = 10_000;

/**
 * Why the server refused a project's stream, which an EventSource cannot tell (it sees an
 * error, no status): asks for the project. A 401 there reaches the app's unauthenticated
 * listeners (the session ended: the sign-in page), as any call's does; a 404 means that the
 * caller is no member (any more), which this returns as `revoked`. Anything else: null.
 */
export async function askWhyRefused(projectId: string): Promise<'revoked' | null> {
  try {
    await api.get(apiPath`/projects/${projectId}`);
    return null;
  } catch (error) {
    return isApiError(error) && error.status === 404 ? 'revoked' : null;
  }
}

export interface ProjectEventsOptions {
  /** The EventSource constructor (the browser's). */
  EventSourceImpl?: typeof EventSource;
  /** Asks why the server refused the stream (askWhyRefused). */
  askWhy?: (projectId: string) => Promise<'revoked' | null>;
  /**
   * Where `focus` and `online` are heard (the window): a stream waiting for its next try
   * opens at once then, not after up to a minute. Someone invited anew accepts in another
   * tab and comes back to this one; a network that is back is worth a try now.
   */
  wakeUps?: EventTarget | null;
}

/**
 * Listens to a project's event stream until the returned function is called. The browser
 * reconnects a dropped stream by itself (the server asks for 2 s); a stream it gave up on
 * (the server answered with an error: restarting, 401, 404) is opened again here with a
 * growing delay, and, if it was open before, the server is asked why (at most every 10 s, `askWhy`): an ended
 * session goes to the sign-in page, a membership that ended while the stream was away is
 * reported as `revoked`. Every reconnection reports `resync`, since changes may have been
 * missed meanwhile. After `revoked` the stream is opened again later in the same way: for a
 * member invited anew it opens, and the `resync` says that the access is back. After
 * `signed-out` the stream stays closed and the session is reported as ended
 * (`reportSessionEnded`).
 */
export function listenToProject(
  projectId: string,
  onEvent: (event: ProjectEvent) => void,
  {
    EventSourceImpl = EventSource,
    askWhy = askWhyRefused,
    wakeUps = typeof window === 'undefined' ? null : window,
  }: ProjectEventsOptions = {},
): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let opened = false;
  let stopped = false;
  /** `revoked` was reported and the stream has not opened since. */
  let revoked = false;
  let askedAt = Number.NEGATIVE_INFINITY;

  const stop = (): void => {
    stopped = true;
    stopFollowingSignIns();
    wakeUps?.removeEventListener('focus', tryNow);
    wakeUps?.removeEventListener('online', tryNow);
    source?.close();
    source = null;
    if (retry !== null) {
      clearTimeout(retry);
      retry = null;
    }
  };

  const reportRevoked = (reason?: RevokedEventData['reason']): void => {
    if (!revoked && !stopped) {
      revoked = true;
      onEvent(reason === undefined ? { type: 'revoked' } : { type: 'revoked', reason });
    }
  };

  const openLater = (): void => {
    if (stopped) {
      return;
    }
    failures += 1;
    retry = setTimeout(() => {
      retry = null;
      if (!stopped) {
        open();
      }
    }, retryDelay(failures));
  };

  const findOutWhy = (): void => {
    if (Date.now() - askedAt < ASK_WHY_EVERY_MS) {
      return;
    }
    askedAt = Date.now();
    void askWhy(projectId).then((answer) => {
      if (answer === 'revoked') {
        reportRevoked();
      }
    });
  };

  const open = (): void => {
    // Same origin: the session cookie goes along by itself.
    const current = new EventSourceImpl(`/api/projects/${encodeURIComponent(projectId)}/events`);
    source = current;
    current.addEventListener('ready', () => {
      failures = 0;
      revoked = false;
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
    current.addEventListener('revoked', (event: MessageEvent<string>) => {
      current.close();
      // A deleted project never comes back: no stream to wait for (a new invitation can bring back a membership).
      if (isProjectDeleted(event.data)) {
        reportRevoked('project-deleted');
        source = null;
        return;
      }
      reportRevoked();
      openLater();
    });
    // The session ended (a logout, perhaps in another tab): the app shows the sign-in page,
    // or, holding unsaved work, a way to sign in again; the stream waits for that.
    current.addEventListener('signed-out', () => {
      current.close();
      source = null;
      reportSessionEnded();
    });
    current.addEventListener('error', () => {
      if (stopped || current.readyState !== EventSourceImpl.CLOSED) {
        return;
      }
      // The browser gave up (an error answer, not a dropped connection): try again later.
      current.close();
      openLater();
      // Only a stream that was open can have lost its member; one refused from the start
      // (an unknown project) is the page's own load to explain ("not found").
      if (opened) {
        findOutWhy();
      }
    });
  };

  // The same user signed in again: a stream closed by `signed-out` (or waiting) opens now.
  const stopFollowingSignIns = onSignedInAgain(() => {
    if (stopped || (source !== null && source.readyState !== EventSourceImpl.CLOSED)) {
      return;
    }
    if (retry !== null) {
      clearTimeout(retry);
      retry = null;
    }
    failures = 0;
    open();
  });

  // Only a stream waiting for its next try; one closed by `signed-out` waits for a sign-in.
  function tryNow(): void {
    if (stopped || retry === null) {
      return;
    }
    clearTimeout(retry);
    retry = null;
    open();
  }
  wakeUps?.addEventListener('focus', tryNow);
  wakeUps?.addEventListener('online', tryNow);

  open();
  return stop;
}
