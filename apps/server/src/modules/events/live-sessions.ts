import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { callAt } from './call-at.js';
import { ChangeFeed } from './change-feed.js';

/** Why a session ended while something was open with it. */
export type SessionEnd = 'expired' | 'logged-out';

/** The session something was opened with: its id and when it expires. */
export interface OpenedWith {
  sessionId: string;
  expiresAt: Date;
}

/**
 * What stays open after the request that opened it, collaboration WebSockets and event
 * streams, ends with the session it was opened with, as a new request would be refused from
 * then on: at the expiry, fixed when the session opens (so nobody needs to announce it),
 * and at a logout in any process (announced on the change feed).
 */
@Injectable()
export class LiveSessions implements OnModuleInit, OnModuleDestroy {
  /** The end handlers of what is open, by session. */
  private readonly bySession = new Map<string, Set<(why: SessionEnd) => void>>();
  private unsubscribe: () => void = () => undefined;

  constructor(private readonly feed: ChangeFeed) {}

  onModuleInit(): void {
    this.unsubscribe = this.feed.subscribeSessionEnds((sessionId) => this.end(sessionId));
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  /**
   * Calls `onEnd` once when the session ends, unless the returned function was called first
   * (when the connection closed for another reason).
   */
  watch({ sessionId, expiresAt }: OpenedWith, onEnd: (why: SessionEnd) => void): () => void {
    let done = false;
    let expiry: { cancel: () => void } | null = null;
    const handlers = this.bySession.get(sessionId) ?? new Set<(why: SessionEnd) => void>();
    const forget = (): void => {
      done = true;
      expiry?.cancel();
      handlers.delete(handler);
      if (handlers.size === 0 && this.bySession.get(sessionId) === handlers) {
        this.bySession.delete(sessionId);
      }
    };
    const handler = (why: SessionEnd): void => {
      if (!done) {
        forget();
        onEnd(why);
      }
    };
    handlers.add(handler);
    this.bySession.set(sessionId, handlers);
    // Calls at once for a session that expired between its check and now.
    expiry = callAt(expiresAt, () => handler('expired'));
    return forget;
  }

  private end(sessionId: string): void {
    for (const handler of [...(this.bySession.get(sessionId) ?? [])]) {
      handler('logged-out');
    }
  }
}
