/**
 * The PostgreSQL channel on which an ended session (a logout) is announced to every process,
 * with the session id as payload: live connections opened with it are closed.
 */
export const SESSION_ENDS_CHANNEL = 'kapitel_session_ends';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session id of a notification payload; null for anything else. */
export function parseSessionEnd(payload: string | undefined): string | null {
  return payload !== undefined && UUID.test(payload) ? payload.toLowerCase() : null;
}
