import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { onUnauthenticated, reportSignedInAgain } from './api';
import { listenToProject, parseChange, retryDelay, type ProjectEvent } from './project-events';

/** Enough of the browser's EventSource to drive it from a test. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  closed = false;
  private readonly listeners = new Map<string, Array<(event: { data: string }) => void>>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(type: string, listener: (event: { data: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }

  emit(type: string, data = '{}'): void {
    this.listeners.get(type)?.forEach((listener) => {
      listener({ data });
    });
  }
}

/** Every listener a test started, stopped after it (they also follow sign-ins, app-wide). */
const listening: Array<() => void> = [];

function listen(
  projectId = 'p1',
  askWhy: (projectId: string) => Promise<'revoked' | null> = () => Promise.resolve(null),
  wakeUps: EventTarget | null = null,
) {
  const events: ProjectEvent[] = [];
  const stop = listenToProject(projectId, (event) => events.push(event), {
    EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
    askWhy,
    wakeUps,
  });
  listening.push(stop);
  const source = FakeEventSource.opened[FakeEventSource.opened.length - 1];
  if (source === undefined) {
    throw new Error('no EventSource opened');
  }
  return { events, stop, source };
}

describe('parseChange()', () => {
  it('accepts a ProjectChange and drops unknown fields', () => {
    expect(parseChange('{"projectId":"p","topic":"section","sectionId":"s","extra":1}')).toEqual({
      projectId: 'p',
      topic: 'section',
      sectionId: 's',
    });
  });

  it('keeps the export job of an exports change', () => {
    expect(parseChange('{"projectId":"p","topic":"exports","exportId":"e"}')).toEqual({
      projectId: 'p',
      topic: 'exports',
      exportId: 'e',
    });
  });

  it('keeps that a text change comes from a restore, and who restored', () => {
    expect(parseChange('{"projectId":"p","topic":"text","sectionId":"s","userId":"u","restored":true}')).toEqual({
      projectId: 'p',
      topic: 'text',
      sectionId: 's',
      userId: 'u',
      restored: true,
    });
    expect(parseChange('{"projectId":"p","topic":"text","sectionId":"s","restored":"yes"}')).toEqual({
      projectId: 'p',
      topic: 'text',
      sectionId: 's',
    });
  });

  it('keeps when the edits of a text change were stored', () => {
    expect(parseChange('{"projectId":"p","topic":"text","sectionId":"s","at":"2026-11-30T13:00:00.000Z"}')).toEqual({
      projectId: 'p',
      topic: 'text',
      sectionId: 's',
      at: '2026-11-30T13:00:00.000Z',
    });
  });

  it.each(['not json', 'null', '[]', '{"projectId":"p","topic":"weather"}', '{"topic":"outline"}'])(
    'refuses %s',
    (data) => {
      expect(parseChange(data)).toBeNull();
    },
  );
});

describe('listenToProject()', () => {
  afterEach(() => {
    listening.splice(0).forEach((stop) => {
      stop();
    });
    FakeEventSource.opened = [];
  });

  it('opens the project’s stream on our origin and passes changes of that project on', () => {
    const { events, source, stop } = listen('p1');
    expect(source.url).toBe('/api/projects/p1/events');
    source.emit('ready');
    source.emit('change', '{"projectId":"p1","topic":"outline"}');
    source.emit('change', '{"projectId":"other","topic":"outline"}');
    source.emit('resync');
    expect(events).toEqual([{ type: 'change', change: { projectId: 'p1', topic: 'outline' } }, { type: 'resync' }]);
    stop();
    expect(source.closed).toBe(true);
  });

  it('reports a resync when the stream came back after an interruption', () => {
    const { events, source, stop } = listen();
    source.emit('ready');
    source.emit('error');
    source.emit('ready');
    expect(events).toEqual([{ type: 'resync' }]);
    stop();
  });

  it('after revoked, opens the stream again later, which says with a resync that a new invitation brought the access back', () => {
    jest.useFakeTimers();
    try {
      const { events, source, stop } = listen();
      source.emit('ready');
      source.emit('revoked');
      expect(events).toEqual([{ type: 'revoked' }]);
      expect(source.closed).toBe(true);
      jest.advanceTimersByTime(retryDelay(1));
      const again = FakeEventSource.opened[1];
      again?.emit('ready');
      expect(events).toEqual([{ type: 'revoked' }, { type: 'resync' }]);
      stop();
    } finally {
      jest.useRealTimers();
    }
  });

  it('asks why the server refused a stream, at most every ten seconds, and reports a membership that ended meanwhile once', async () => {
    jest.useFakeTimers();
    try {
      const asked: string[] = [];
      const { events, source, stop } = listen('p1', (projectId) => {
        asked.push(projectId);
        return Promise.resolve('revoked');
      });
      source.emit('ready');
      source.readyState = FakeEventSource.CLOSED;
      source.emit('error');
      await Promise.resolve();
      expect(asked).toEqual(['p1']);
      expect(events).toEqual([{ type: 'revoked' }]);
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        jest.advanceTimersByTime(retryDelay(attempt));
        const next = FakeEventSource.opened[attempt];
        if (next === undefined) {
          throw new Error(`no stream opened after ${String(attempt)} failures`);
        }
        next.readyState = FakeEventSource.CLOSED;
        next.emit('error');
        await Promise.resolve();
      }
      // 2 + 4 + 8 s later: asked once more (after 6 s it was too soon), reported once.
      expect(asked).toEqual(['p1', 'p1']);
      expect(events).toEqual([{ type: 'revoked' }]);
      stop();
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not ask why a stream was refused that never opened: for an unknown project the page says "not found"', async () => {
    jest.useFakeTimers();
    try {
      const asked: string[] = [];
      const { events, source, stop } = listen('p1', (projectId) => {
        asked.push(projectId);
        return Promise.resolve('revoked');
      });
      source.readyState = FakeEventSource.CLOSED;
      source.emit('error');
      await Promise.resolve();
      expect(asked).toEqual([]);
      expect(events).toEqual([]);
      stop();
    } finally {
      jest.useRealTimers();
    }
  });

  it('closes after signed-out, reports the session as ended as a 401 would, and opens again only when the same user signs in again', () => {
    jest.useFakeTimers();
    const ended: string[] = [];
    const unsubscribe = onUnauthenticated((error) => ended.push(error.code));
    try {
      const { events, source, stop } = listen();
      source.emit('ready');
      source.emit('signed-out');
      expect(ended).toEqual(['UNAUTHENTICATED']);
      expect(events).toEqual([]);
      expect(source.closed).toBe(true);
      jest.advanceTimersByTime(120_000);
      expect(FakeEventSource.opened).toHaveLength(1);

      reportSignedInAgain();
      expect(FakeEventSource.opened).toHaveLength(2);
      FakeEventSource.opened[1]?.emit('ready');
      // Whatever happened while signed out is loaded again.
      expect(events).toEqual([{ type: 'resync' }]);
      stop();
      reportSignedInAgain();
      expect(FakeEventSource.opened).toHaveLength(2);
    } finally {
      unsubscribe();
      jest.useRealTimers();
    }
  });

  it('opens a stream waiting for its next try at once when the same user signs in again, and leaves an open one alone', () => {
    jest.useFakeTimers();
    try {
      const { source, stop } = listen();
      reportSignedInAgain();
      expect(FakeEventSource.opened).toHaveLength(1);
      source.readyState = FakeEventSource.CLOSED;
      source.emit('error');
      reportSignedInAgain();
      expect(FakeEventSource.opened).toHaveLength(2);
      // The try that was waiting is not made as well.
      jest.advanceTimersByTime(retryDelay(1));
      expect(FakeEventSource.opened).toHaveLength(2);
      stop();
    } finally {
      jest.useRealTimers();
    }
  });

  it('opens a new stream later when the browser gave up on one', () => {
    jest.useFakeTimers();
    try {
      const { source, stop } = listen();
      source.readyState = FakeEventSource.CLOSED;
      source.emit('error');
      expect(FakeEventSource.opened).toHaveLength(1);
      jest.advanceTimersByTime(retryDelay(1));
      expect(FakeEventSource.opened).toHaveLength(2);
      stop();
      expect(FakeEventSource.opened[1]?.closed).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('opens a stream waiting for its next try at once when the window gets the focus or the network is back', () => {
    jest.useFakeTimers();
    try {
      const window = new EventTarget();
      const { source, stop } = listen('p1', () => Promise.resolve(null), window);
      window.dispatchEvent(new Event('focus'));
      // Open streams are left alone.
      expect(FakeEventSource.opened).toHaveLength(1);
      source.readyState = FakeEventSource.CLOSED;
      source.emit('error');
      window.dispatchEvent(new Event('focus'));
      expect(FakeEventSource.opened).toHaveLength(2);
      const second = FakeEventSource.opened[1];
      if (second === undefined) {
        throw new Error('no second stream');
      }
      second.readyState = FakeEventSource.CLOSED;
      second.emit('error');
      window.dispatchEvent(new Event('online'));
      expect(FakeEventSource.opened).toHaveLength(3);
      // The try that was waiting is not made as well, and none after stop().
      jest.advanceTimersByTime(retryDelay(5));
      expect(FakeEventSource.opened).toHaveLength(3);
      stop();
      window.dispatchEvent(new Event('focus'));
      expect(FakeEventSource.opened).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits longer after each failure, up to a minute', () => {
    expect([1, 2, 3, 10].map(retryDelay)).toEqual([2000, 4000, 8000, 60_000]);
  });
});
