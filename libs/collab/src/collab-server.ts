import type { Identity } from './awareness.js';
import { CollabConnection, type CollabSocket } from './connection.js';
import { CLOSE, type CollabLimits } from './limits.js';
import type { CollabEvents, CollabPersistence, CollabRelay } from './ports.js';
import { parseClientMessage, ProtocolError } from './protocol.js';
import { Room } from './room.js';

export interface CollabServerOptions {
  persistence: CollabPersistence;
  relay?: CollabRelay | null;
  events: CollabEvents;
  limits: CollabLimits;
}

/** Where a connection goes and who it is; decided by the host before the upgrade. */
export interface Admission {
  sectionId: string;
  projectId: string;
  identity: Identity;
  canWrite: boolean;
}

/**
 * The rooms of this process. The host authenticates and authorises a client, then hands
 * its socket over with `connect`, feeds it every frame with `receive` and reports its end
 * with `disconnect`; permission changes arrive through `connectionsIn` and `revoke`.
 */
export class CollabServer {
  private readonly rooms = new Map<string, Room>();
  private readonly idle = new Map<Room, NodeJS.Timeout>();
  private stopping = false;

  constructor(private readonly options: CollabServerOptions) {}

  connect(socket: CollabSocket, admission: Admission): CollabConnection {
    const connection = new CollabConnection(
      socket,
      admission.sectionId,
      { ...admission.identity, canWrite: admission.canWrite },
      this.options.limits,
    );
    connection.queue = this.admit(connection, admission.projectId);
    return connection;
  }

  private async admit(connection: CollabConnection, projectId: string): Promise<void> {
    if (this.stopping) {
      connection.close(CLOSE.restart, 'the server is restarting');
      return;
    }
    let room: Room;
    try {
      room = await this.roomFor(connection.sectionId, projectId);
      await room.ready;
    } catch {
      connection.close(CLOSE.unavailable, 'the document could not be loaded');
      return;
    }
    if (connection.closed) {
      this.scheduleUnload(room);
      return;
    }
    this.keep(room);
    room.join(connection);
  }

  /** The loaded room of a section, waiting for one that is unloading to finish first. */
  private async roomFor(sectionId: string, projectId: string): Promise<Room> {
    for (;;) {
      const existing = this.rooms.get(sectionId);
      if (existing && (existing.status === 'loading' || existing.status === 'ready')) {
        return existing;
      }
      if (existing && existing.status === 'unloading') {
        await existing.unloadDone;
        continue;
      }
      const room = new Room(sectionId, projectId, { ...this.options, relay: this.options.relay ?? null });
      this.rooms.set(sectionId, room);
      room.ready.catch(() => {
        if (this.rooms.get(sectionId) === room) {
          this.rooms.delete(sectionId);
        }
      });
      return room;
    }
  }

  /**
   * Stores an update the server made itself (a restore of an older version) through the
   * section's room, loading it if needed: committed in the next tick, then sent to every
   * connection. True when stored; false when the section cannot be edited now.
   */
  async submit(sectionId: string, projectId: string, update: Uint8Array): Promise<boolean> {
    if (this.stopping) {
      throw new Error('the server is stopping');
    }
    const room = await this.roomFor(sectionId, projectId);
    this.keep(room);
    try {
      await room.ready;
      return await room.submit(update);
    } finally {
      if (room.connections.size === 0) {
        this.scheduleUnload(room);
      }
    }
  }

  receive(connection: CollabConnection, frame: Uint8Array): void {
    if (connection.closed) {
      return;
    }
    if (!connection.admit()) {
      this.closeWith(connection, CLOSE.rateLimited, 'too many messages');
      return;
    }
    connection.queue = connection.queue.then(() => {
      const room = this.rooms.get(connection.sectionId);
      if (connection.closed || !room || room.status !== 'ready' || !room.connections.has(connection)) {
        return;
      }
      try {
        room.handle(connection, parseClientMessage(frame));
      } catch (error) {
        if (error instanceof ProtocolError) {
          this.closeWith(connection, CLOSE.malformed, `malformed message: ${error.message}`.slice(0, 120));
          return;
        }
        this.options.events.error('a message could not be handled', error, { sectionId: connection.sectionId });
        this.closeWith(connection, CLOSE.unavailable, 'the message could not be handled');
      }
    });
  }

  disconnect(connection: CollabConnection): void {
    connection.closed = true;
    const room = this.rooms.get(connection.sectionId);
    if (room) {
      room.leave(connection);
      if (room.connections.size === 0 && room.status === 'failed') {
        // Storage failed: free it now, so that reconnecting clients get a fresh load.
        void this.unload(room);
      } else if (room.connections.size === 0) {
        this.scheduleUnload(room);
      }
    }
  }

  /** Live connections, for the host to re-check their permissions. */
  *connectionsIn(filter: { projectId?: string; sectionId?: string; userId?: string }): Iterable<CollabConnection> {
    for (const room of this.rooms.values()) {
      if ((filter.sectionId && room.sectionId !== filter.sectionId) || (filter.projectId && room.projectId !== filter.projectId)) {
        continue;
      }
      for (const connection of room.connections) {
        if (!filter.userId || connection.userId === filter.userId) {
          yield connection;
        }
      }
    }
  }

  /** Closes a connection whose access is gone (or, with `CLOSE.sessionEnded`, whose session). */
  revoke(connection: CollabConnection, reason: string, code: number = CLOSE.forbidden): void {
    this.closeWith(connection, code, reason);
  }

  private closeWith(connection: CollabConnection, code: number, reason: string): void {
    if (connection.closed) {
      return;
    }
    connection.close(code, reason);
    this.options.events.closed({ sectionId: connection.sectionId, userId: connection.userId, code, reason });
    this.disconnect(connection);
  }

  private keep(room: Room): void {
    const timer = this.idle.get(room);
    if (timer) {
      clearTimeout(timer);
      this.idle.delete(room);
    }
  }

  private scheduleUnload(room: Room): void {
    if (this.idle.has(room) || this.stopping) {
      return;
    }
    const timer = setTimeout(() => {
      this.idle.delete(room);
      if (room.connections.size === 0) {
        void this.unload(room);
      }
    }, this.options.limits.unloadAfterMs);
    this.idle.set(room, timer);
  }

  private async unload(room: Room, code?: number, reason?: string): Promise<void> {
    const done = room.unload(code, reason);
    await done;
    if (this.rooms.get(room.sectionId) === room) {
      this.rooms.delete(room.sectionId);
    }
  }

  /** Flushes and compacts every room, then closes all connections (clients reconnect). */
  async shutdown(): Promise<void> {
    this.stopping = true;
    for (const timer of this.idle.values()) {
      clearTimeout(timer);
    }
    this.idle.clear();
    const rooms = [...this.rooms.values()];
    await Promise.all(
      rooms.map(async (room) => {
        await room.ready.catch(() => undefined);
        await this.unload(room, CLOSE.restart, 'the server is restarting');
      }),
    );
  }

  stats(): { rooms: number; connections: number } {
    let connections = 0;
    for (const room of this.rooms.values()) {
      connections += room.connections.size;
    }
    return { rooms: this.rooms.size, connections };
  }
}
