import { eventually } from './collab-client.js';
import type { Person } from './factories.js';

export interface StreamEvent {
  event: string;
  data: unknown;
}

/** A project's server-sent event stream as a browser's EventSource would read it. */
export interface EventStreamClient {
  status: number;
  events: StreamEvent[];
  /** Settles when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEventStream(
  origin: string,
  person: Person | null,
  projectId: string,
): Promise<EventStreamClient> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (person?.client.cookie) {
    headers.cookie = person.client.cookie;
  }
  const res = await fetch(`${origin}/api/projects/${projectId}/events`, {
    headers,
    signal: controller.signal,
  });
  const events: StreamEvent[] = [];
  let ended: Promise<void> = Promise.resolve();
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    ended = (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            return;
          }
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data !== undefined) {
              events.push({ event, data: JSON.parse(data) as unknown });
            }
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  } else {
    await res.body?.cancel();
  }
  return { status: res.status, events, ended, close: () => controller.abort() };
}

/**
 * Waits until the changes made before now have all reached an opened stream (a team's own
 * joins may still be on their way) and returns the index of the events after them. Changes
 * reach a stream in commit order, so once a change of title made now is seen, they are in.
 */
export async function settledStream(
  stream: EventStreamClient,
  lead: Person,
  projectId: string,
): Promise<number> {
  await eventually(() => stream.events.some((e) => e.event === 'ready'), 'the ready event');
  await lead.client.patch(`/api/projects/${projectId}`, { title: 'Bericht vor dem Test' });
  const isTitleChange = (e: StreamEvent) =>
    e.event === 'change' && (e.data as { topic?: string }).topic === 'project';
  await eventually(() => stream.events.some(isTitleChange), 'the change of title');
  return stream.events.findLastIndex(isTitleChange) + 1;
}
