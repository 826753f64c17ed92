import { randomUUID } from 'node:crypto';
import type { CollabRelay, RelayMessage } from '@kapitel/collab';
import { Redis } from 'ioredis';

interface WireMessage {
  origin: string;
  update?: { id: string; bytes: string };
  awareness?: string;
  queryAwareness?: boolean;
}

const channelOf = (sectionId: string): string => `kapitel:collab:${sectionId}`;

/**
 * Shares rooms between processes through Redis pub/sub: one channel per section, carrying
 * updates that are already stored (nobody stores them twice) and presence. A process
 * ignores its own messages.
 */
export class RedisRelay implements CollabRelay {
  private readonly origin = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, Set<(message: RelayMessage) => void>>();

  constructor(
    url: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url, { lazyConnect: false });
    this.publisher.on('error', onError);
    this.subscriber.on('error', onError);
    this.subscriber.on('message', (channel: string, payload: string) => {
      const handlers = this.handlers.get(channel);
      if (!handlers) {
        return;
      }
      let wire: WireMessage;
      try {
        wire = JSON.parse(payload) as WireMessage;
      } catch (error) {
        onError(error);
        return;
      }
      if (wire.origin === this.origin) {
        return;
      }
      const message: RelayMessage = {
        ...(wire.update ? { update: { id: wire.update.id, bytes: new Uint8Array(Buffer.from(wire.update.bytes, 'base64')) } } : {}),
        ...(wire.awareness ? { awareness: new Uint8Array(Buffer.from(wire.awareness, 'base64')) } : {}),
        ...(wire.queryAwareness === true ? { queryAwareness: true } : {}),
      };
      handlers.forEach((handler) => handler(message));
    });
  }

  publish(sectionId: string, message: RelayMessage): void {
    const wire: WireMessage = {
      origin: this.origin,
      ...(message.update ? { update: { id: message.update.id, bytes: Buffer.from(message.update.bytes).toString('base64') } } : {}),
      ...(message.awareness ? { awareness: Buffer.from(message.awareness).toString('base64') } : {}),
      ...(message.queryAwareness ? { queryAwareness: true } : {}),
    };
    void this.publisher.publish(channelOf(sectionId), JSON.stringify(wire)).catch(this.onError);
  }

  async subscribe(sectionId: string, handler: (message: RelayMessage) => void): Promise<() => Promise<void>> {
    const channel = channelOf(sectionId);
    const handlers = this.handlers.get(channel) ?? new Set();
    handlers.add(handler);
    this.handlers.set(channel, handlers);
    if (handlers.size === 1) {
      await this.subscriber.subscribe(channel);
    }
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.handlers.get(channel) === handlers) {
        this.handlers.delete(channel);
        await this.subscriber.unsubscribe(channel);
      }
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
