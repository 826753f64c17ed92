import { jest } from '@jest/globals';
import { SECTION_FRAGMENT, stateOfJson, storedContentOfState, type SectionContent } from '@kapitel/editor';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { stateNotFittingTheSchema } from '../../../test/broken-state.js';
import { ContentRenderer, contentThreadPath, type ContentRendererOptions } from './content-renderer.js';

const paragraph = (text: string): SectionContent['json'] => ({ type: 'paragraph', content: [{ type: 'text', text }] });

const SNAPSHOT = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ausgangslage' }] },
    paragraph('Die Stadt nutzt Open Source.'),
  ],
};

/** A stored snapshot and a newer state of the same document, as a room hands it to compaction. */
function snapshotAndNewer(): { previous: Uint8Array; state: Uint8Array } {
  const previous = stateOfJson(SNAPSHOT);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, previous);
  const added = new Y.XmlElement('paragraph');
  added.insert(0, [new Y.XmlText('Neu geschrieben.')]);
  doc.getXmlFragment(SECTION_FRAGMENT).push([added]);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { previous, state };
}

describe('ContentRenderer', () => {
  const renderers: ContentRenderer[] = [];
  const start = (options?: ContentRendererOptions): ContentRenderer => {
    const renderer = new ContentRenderer(options);
    renderers.push(renderer);
    return renderer;
  };
  afterEach(async () => {
    jest.useRealTimers();
    await Promise.all(renderers.splice(0).map((renderer) => renderer.onApplicationShutdown()));
  });

  it('merges and renders in a worker thread exactly as the main thread does', async () => {
    const { previous, state } = snapshotAndNewer();
    const expected = Y.mergeUpdates([previous, state]);
    const renderer = start();

    const result = await renderer.mergeAndRender(previous, state);

    expect(Buffer.from(result.merged).equals(Buffer.from(expected))).toBe(true);
    expect(result.content).toEqual(storedContentOfState(expected));
    expect(result.content?.text).toBe('Ausgangslage\n\nDie Stadt nutzt Open Source.\n\nNeu geschrieben.');
    expect(result.renderError).toBeUndefined();
    expect(renderer.thread?.threadId).toBeGreaterThan(0);
  });

  it("leaves the caller's bytes usable: they are copied, not moved to the thread", async () => {
    const { previous, state } = snapshotAndNewer();
    const before = { previous: Buffer.from(previous).toString('hex'), state: Buffer.from(state).toString('hex') };

    await start().mergeAndRender(Buffer.from(previous), state);

    expect({ previous: Buffer.from(previous).toString('hex'), state: Buffer.from(state).toString('hex') }).toEqual(before);
  });

  it('takes the state as it is when there is no stored snapshot', async () => {
    const { state } = snapshotAndNewer();

    const result = await start().mergeAndRender(null, state);

    expect(Buffer.from(result.merged).equals(Buffer.from(state))).toBe(true);
    expect(result.content).toEqual(storedContentOfState(state));
  });

  it('answers requests sent together, each with its own result', async () => {
    const renderer = start();
    const texts = ['Erstens.', 'Zweitens.', 'Drittens.'];

    const results = await Promise.all(texts.map((text) => renderer.mergeAndRender(null, stateOfJson({ type: 'doc', content: [paragraph(text)] }))));

    expect(results.map((result) => result.content?.text)).toEqual(texts);
  });

  it('returns the merged state with a renderError, and no content, when the state does not fit the schema', async () => {
    const previous = stateOfJson(SNAPSHOT);
    const state = stateNotFittingTheSchema();
    expect(() => storedContentOfState(Y.mergeUpdates([previous, state]))).toThrow();

    const result = await start().mergeAndRender(previous, state);

    expect(result.content).toBeNull();
    expect(result.renderError).toMatch(/Invalid content for node doc/);
    expect(Buffer.from(result.merged).equals(Buffer.from(Y.mergeUpdates([previous, state])))).toBe(true);
  });

  it('rejects bytes that are not a Yjs update, and keeps the thread for the next request', async () => {
    const renderer = start();
    const garbage = new Uint8Array([1, 2, 3, 4, 5]);

    await expect(renderer.mergeAndRender(garbage, stateOfJson(SNAPSHOT))).rejects.toThrow(/^A section state could not be merged: /);
    const thread = renderer.thread;
    expect((await renderer.mergeAndRender(null, stateOfJson(SNAPSHOT))).content?.text).toContain('Ausgangslage');
    expect(renderer.thread).toBe(thread);
  });

  it('fails every waiting request when the thread stops, and starts a fresh thread for the next', async () => {
    const renderer = start();
    const { previous, state } = snapshotAndNewer();
    const waiting = [renderer.mergeAndRender(previous, state), renderer.mergeAndRender(null, state)];
    const crashed = renderer.thread as Worker;

    await crashed.terminate();

    for (const request of waiting) {
      await expect(request).rejects.toThrow(/^The content thread stopped unexpectedly \(exit code \d+\)$/);
    }
    expect(renderer.thread).toBeNull();
    const result = await renderer.mergeAndRender(previous, state);
    expect(result.content).toEqual(storedContentOfState(Y.mergeUpdates([previous, state])));
    expect(renderer.thread).not.toBe(crashed);
  });

  it('stops a thread that takes longer than the timeout (60 s by default), failing its requests, and uses a fresh one next', async () => {
    const renderer = start();
    const { previous, state } = snapshotAndNewer();
    // Only setTimeout is simulated: the thread and its messages stay real.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'queueMicrotask', 'Date', 'hrtime', 'performance'] });
    const request = renderer.mergeAndRender(previous, state);
    const stuck = renderer.thread as Worker;
    const exited = once(stuck, 'exit');

    jest.advanceTimersByTime(59_999);
    expect(renderer.thread).toBe(stuck);
    jest.advanceTimersByTime(1);

    await expect(request).rejects.toThrow('Merging and rendering a section took longer than 60000 ms; the content thread was stopped');
    await exited;
    jest.useRealTimers();
    const result = await renderer.mergeAndRender(previous, state);
    expect(result.content).toEqual(storedContentOfState(Y.mergeUpdates([previous, state])));
    expect(renderer.thread).not.toBe(stuck);
  });

  it('ends its thread at shutdown and refuses requests afterwards', async () => {
    const renderer = start();
    await renderer.mergeAndRender(null, stateOfJson(SNAPSHOT));
    const thread = renderer.thread as Worker;
    const exited = once(thread, 'exit');

    await renderer.onApplicationShutdown();

    await exited;
    expect(renderer.thread).toBeNull();
    await expect(renderer.mergeAndRender(null, stateOfJson(SNAPSHOT))).rejects.toThrow('The content renderer has shut down');
  });

  it('has a thread script that refuses to run on its own', () => {
    const run = spawnSync(process.execPath, [contentThreadPath()], { encoding: 'utf8' });

    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('content-thread.js runs as a worker thread of ContentRenderer, not on its own');
  });
});
