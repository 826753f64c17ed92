import { randomUUID } from 'node:crypto';
import type { CollabRelay, RelayMessage } from '@kapitel/collab';
import { Redis } from 'ioredis';

interface WireMessage {
  origin: string;
  update?: { id: string; bytes: string };
  awareness?: string;
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
  private readonly handlers = new Map<string, (message: RelayMessage) => void>();

  constructor(
    url: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url, { lazyConnect: false });
    this.publisher.on('error', onError);
    this.subscriber.on('error', onError);
    this.subscriber.on('message', (channel: string, payload: string) => {
      const handler = this.handlers.get(channel);
      if (!handler) {
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
      handler({
        ...(wire.update ? { update: { id: wire.update.id, bytes: new Uint8Array(Buffer.from(wire.update.bytes, 'base64')) } } : {}),
        ...(wire.awareness ? { awareness: new Uint8Array(Buffer.from(wire.awareness, 'base64')) } : {}),
      });
    });
  }

  publish(sectionId: string, message: RelayMessage): void {
    const wire: WireMessage = {
      origin: this.origin,
      ...(message.update ? { update: { id: message.update.id, bytes: Buffer.from(message.update.bytes).toString('base64') } } : {}),
      ...(message.awareness ? { awareness: Buffer.from(message.awareness).toString('base64') } : {}),
    };
    void this.publisher.publish(channelOf(sectionId), JSON.stringify(wire)).catch(this.onError);
  }

  async subscribe(sectionId: string, handler: (message: RelayMessage) => void): Promise<void> {
    this.handlers.set(channelOf(sectionId), handler);
    await this.subscriber.subscribe(channelOf(sectionId));
  }

  async unsubscribe(sectionId: string): Promise<void> {
    this.handlers.delete(channelOf(sectionId));
    await this.subscriber.unsubscribe(channelOf(sectionId));
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
