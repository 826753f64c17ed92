import type { Identity } from './awareness.js';
import { CLOSE, type CollabLimits } from './limits.js';

/** The transport of one client (a `ws` WebSocket in the server). */
export interface CollabSocket {
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet sent. */
  readonly bufferedAmount: number;
}

/** Who is connected and what they may do; `canWrite` changes while the connection lives. */
export interface Principal extends Identity {
  canWrite: boolean;
}

/** One client in one room. */
export class CollabConnection {
  closed = false;
  /** Messages are handled strictly in the order they arrived. */
  queue: Promise<void> = Promise.resolve();
  private tokens: number;
  private refilledAt = Date.now();

  constructor(
    readonly socket: CollabSocket,
    readonly sectionId: string,
    readonly principal: Principal,
    private readonly limits: CollabLimits,
  ) {
    this.tokens = limits.messageBurst;
  }

  get userId(): string {
    return this.principal.id;
  }

  get canWrite(): boolean {
    return this.principal.canWrite;
  }

  set canWrite(value: boolean) {
    this.principal.canWrite = value;
  }

  /** Takes one message from the token bucket; false when the connection sends too much. */
  admit(now = Date.now()): boolean {
    const refill = ((now - this.refilledAt) / 1000) * this.limits.messagesPerSecond;
    this.tokens = Math.min(this.limits.messageBurst, this.tokens + refill);
    this.refilledAt = now;
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }

  send(frame: Uint8Array): void {
    if (this.closed) {
      return;
    }
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CLOSE.tooSlow, 'the connection does not keep up');
      return;
    }
    this.socket.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.socket.close(code, reason);
  }
}
