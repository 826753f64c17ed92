/** Close codes of the collaboration server this app tells apart (libs/collab/README.md). */
export const CLOSED = {
  frameTooLarge: 1009,
  malformed: 4400,
  sessionEnded: 4401,
  forbidden: 4403,
  /** The section was moved to the trash; it may come back. */
  gone: 4410,
  documentTooLarge: 4413,
} as const;

/**
 * Close codes after which reconnecting by itself cannot help: the session ended (logged
 * out), access revoked, the section in the trash (`reconnect()` tries again once it may be
 * back), a malformed message, a document beyond its size limit, a frame beyond the server's
 * limit (1009, sent by the WebSocket server: the next connection would send the same edit
 * again and be closed again, three times a second, while nothing typed meanwhile is stored).
 * Everything else (4409 not editable any more, 1011 unavailable, 1012 restart, rate and
 * slow-consumer limits) is worth another try: the next connection is simply read-only or
 * finds the server back.
 */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set(Object.values(CLOSED));
