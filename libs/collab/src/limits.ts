/** Bounds of the collaboration core; the server reads them from its configuration. */
export interface CollabLimits {
  /** The longest updates and presence are gathered before one commit and one fan-out. */
  tickMs: number;
  /**
   * Fan-out budget of a room: frames per second it may send before its ticks wait (up to
   * `tickMs`) to gather more per frame. Below it, an update goes out once it is stored.
   */
  fanOutFramesPerSecond: number;
  /** A frame larger than this closes the connection (enforced by the WebSocket server). */
  maxFrameBytes: number;
  /** An update that would grow the document beyond this closes the sender's connection. */
  maxDocumentBytes: number;
  /** Messages per second a connection may send on average, and the burst it may save up. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Fold the update log into the snapshot after this many updates or bytes. */
  compactAfterUpdates: number;
  compactAfterBytes: number;
  /** A room without connections stays loaded this long, then compacts and unloads. */
  unloadAfterMs: number;
  /** A connection whose unsent output grows beyond this is too slow to keep. */
  maxBufferedBytes: number;
}

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  tickMs: 15,
  // Measured on two cores (docs/benchmarks.md): at 20,000 a room of 100 people typing 1.5 keys/s
  // (about 22,000 frames a second with presence) already waited for budget, and its p99 lost
  // to the bare relay; 40,000 was better in every scenario, 200 people at 5 keys/s included.
  fanOutFramesPerSecond: 40_000,
  maxFrameBytes: 2 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 400,
  compactAfterUpdates: 500,
  compactAfterBytes: 256 * 1024,
  unloadAfterMs: 30_000,
  maxBufferedBytes: 16 * 1024 * 1024,
};

/** Close codes the server uses; 4xxx mirror the HTTP statuses they stand for. */
export const CLOSE = {
  /** The server is restarting; clients reconnect. */
  restart: 1012,
  /** The document could not be loaded or stored; clients reconnect later. */
  unavailable: 1011,
  /** A frame beyond maxFrameBytes (sent by the WebSocket server itself). */
  frameTooLarge: 1009,
  malformed: 4400,
  /** The session ended (logged out): the client must sign in again. */
  sessionEnded: 4401,
  /** Access ended: removed from the project (or the section no longer exists). */
  forbidden: 4403,
  notEditable: 4409,
  /**
   * The section was moved to the trash: gone for now, not forbidden. Clients stop
   * reconnecting until it is restored (a member's new connection is closed with it too).
   */
  gone: 4410,
  documentTooLarge: 4413,
  rateLimited: 4429,
  tooSlow: 4408,
} as const;
