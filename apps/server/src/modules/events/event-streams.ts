import type { ProjectChange, RevokedEventData } from '@kapitel/domain';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MemberRepository } from '../members/member.repository.js';
import { ChangeFeed } from './change-feed.js';
import { LiveSessions, type OpenedWith } from './live-sessions.js';

interface Stream {
  projectId: string;
  userId: string;
  res: Response;
  heartbeat: NodeJS.Timeout;
  /** Stops waiting for the end of the session the stream was opened with. */
  forgetSession: () => void;
}

// Proxies close idle connections after a minute or so; a comment line keeps the stream busy.
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent event streams, one per open project page: every change announced for the
 * project is passed on as `event: change`; `event: resync` after the feed was interrupted
 * (reload everything). A member who loses access gets `event: revoked` and the stream ends;
 * a deleted project's streams all get `event: revoked` with `{"reason":"project-deleted"}`;
 * a stream whose session ended (logout, in any tab or process, or its expiry) gets
 * `event: signed-out` and ends.
 */
@Injectable()
export class EventStreams implements OnModuleInit, OnModuleDestroy {
  private readonly streams = new Map<string, Set<Stream>>();
  private readonly unsubscribe: Array<() => void> = [];
  private dispatching: Promise<void> = Promise.resolve();

  constructor(
    private readonly feed: ChangeFeed,
    private readonly members: MemberRepository,
    private readonly sessions: LiveSessions,
  ) {}

  onModuleInit(): void {
    // One change at a time: a change that waits for a role lookup must not be overtaken by later ones.
    this.unsubscribe.push(
      this.feed.subscribe((change) => {
        this.dispatching = this.dispatching.then(() => this.dispatch(change)).catch(() => undefined);
      }),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe.forEach((unsubscribe) => unsubscribe());
    for (const streams of this.streams.values()) {
      for (const stream of streams) {
        this.end(stream);
      }
    }
  }

  open(projectId: string, userId: string, session: OpenedWith, req: Request, res: Response): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\nevent: ready\ndata: {}\n\n');
    const stream: Stream = {
      projectId,
      userId,
      res,
      heartbeat: setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS),
      forgetSession: () => undefined,
    };
    const set = this.streams.get(projectId) ?? new Set();
    set.add(stream);
    this.streams.set(projectId, set);
    req.on('close', () => this.remove(stream));
    // The web app treats `signed-out` as the end of the session, for either reason.
    stream.forgetSession = this.sessions.watch(session, () => {
      this.send(stream, 'signed-out', {});
      this.end(stream);
    });
  }

  private async dispatch(change: ProjectChange | null): Promise<void> {
    if (change === null) {
      for (const streams of this.streams.values()) {
        streams.forEach((stream) => this.send(stream, 'resync', {}));
      }
      return;
    }
    if (change.deleted === true) {
      // The project is gone for everybody: every stream ends, telling why (no reload could).
      const revoked: RevokedEventData = { reason: 'project-deleted' };
      for (const stream of [...(this.streams.get(change.projectId) ?? [])]) {
        this.send(stream, 'revoked', revoked);
        this.end(stream);
      }
      return;
    }
    for (const stream of [...(this.streams.get(change.projectId) ?? [])]) {
      if (change.topic === 'members' && change.userId === stream.userId) {
        const role = await this.members.findRole(stream.projectId, stream.userId).catch(() => null);
        if (role === null) {
          this.send(stream, 'revoked', {});
          this.end(stream);
          continue;
        }
      }
      this.send(stream, 'change', change);
    }
  }

  private send(stream: Stream, event: string, data: unknown): void {
    stream.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private end(stream: Stream): void {
    this.remove(stream);
    stream.res.end();
  }

  private remove(stream: Stream): void {
    clearInterval(stream.heartbeat);
    stream.forgetSession();
    const set = this.streams.get(stream.projectId);
    set?.delete(stream);
    if (set?.size === 0) {
      this.streams.delete(stream.projectId);
    }
  }

  /** Open streams, for tests and health. */
  count(): number {
    let count = 0;
    this.streams.forEach((set) => (count += set.size));
    return count;
  }
}
