import { stateOfJson } from '@kapitel/editor';
import { DataSource } from 'typeorm';
import { ContentRenderer, type MergedContent } from '../../src/modules/documents/content-renderer.js';
import { DocumentRepository } from '../../src/modules/documents/document.repository.js';
import { UpdateLog } from '../../src/modules/documents/update-log.js';
import { stateNotFittingTheSchema } from '../broken-state.js';
import { createSection, createTeam } from '../factories.js';
import { LogCapture, startTestApp, type TestApp } from '../test-app.js';

/**
 * Compaction (DocumentRepository.compact) folds log rows into the snapshot; the merge and
 * the rendering run in the content thread (ContentRenderer), the event loop only waits.
 */

/** The real renderer, holding each request until the test lets it go: a moment to look at the database in. */
class HeldRenderer extends ContentRenderer {
  readonly requests: Array<() => void> = [];
  private arrived: () => void = () => undefined;

  override async mergeAndRender(previous: Uint8Array | null, state: Uint8Array): Promise<MergedContent> {
    await new Promise<void>((release) => {
      this.requests.push(release);
      this.arrived();
    });
    return super.mergeAndRender(previous, state);
  }

  /** Resolves once `count` requests have arrived in all. */
  async waitFor(count: number): Promise<void> {
    while (this.requests.length < count) {
      await new Promise<void>((resolve) => {
        this.arrived = resolve;
      });
    }
  }
}

const doc = (...texts: string[]): Record<string, unknown> => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

describe('compaction', () => {
  let app: TestApp;
  let logs: LogCapture;
  beforeEach(async () => {
    logs = new LogCapture();
    app = await startTestApp({ logLevel: 'error' }, undefined, logs);
  });
  afterEach(async () => {
    await app.close();
  });

  /** A new section with `updates` in its log; returns the section and the log rows' ids. */
  async function sectionWithLog(updates: Uint8Array[]): Promise<{ sectionId: string; logIds: string[] }> {
    const team = await createTeam(app);
    const { id: sectionId } = await createSection(team.lead, team.project.id);
    const log = app.app.get(UpdateLog);
    const logIds: string[] = [];
    for (const update of updates) {
      logIds.push((await log.append(sectionId, update)) as string);
    }
    return { sectionId, logIds };
  }

  async function stored(sectionId: string): Promise<{ updates: number; snapshot: { state: Buffer; json: unknown; text: string } | undefined }> {
    const log = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM section_updates WHERE section_id = $1', [sectionId]);
    const snapshot = await app.db.query<{ state: Buffer; json: unknown; text: string }>(
      'SELECT state, json, text FROM section_documents WHERE section_id = $1',
      [sectionId],
    );
    return { updates: log.rows[0].n, snapshot: snapshot.rows[0] };
  }

  it('merges the given state into the stored snapshot (which may hold more) and stores JSON and text of the result', async () => {
    const first = stateOfJson(doc('Erster Stand.'));
    const { sectionId, logIds } = await sectionWithLog([first]);
    const documents = app.app.get(DocumentRepository);
    await documents.compact(sectionId, first, logIds);
    // Written by a client that never saw the snapshot: compacting its state alone must not drop what the snapshot holds.
    const elsewhere = stateOfJson(doc('Anderswo geschrieben.'));
    const next = (await app.app.get(UpdateLog).append(sectionId, elsewhere)) as string;

    await documents.compact(sectionId, elsewhere, [next]);

    const after = await stored(sectionId);
    expect(after.updates).toBe(0);
    expect(after.snapshot?.text.split('\n\n').sort()).toEqual(['Anderswo geschrieben.', 'Erster Stand.']);
    expect(after.snapshot?.json).toMatchObject({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph' }] });
    expect((await documents.content(sectionId)).text).toBe(after.snapshot?.text);
  });

  it('stores a state that does not fit the schema with empty JSON and text, keeping the state, and logs an error naming the section', async () => {
    const state = stateNotFittingTheSchema();
    const { sectionId, logIds } = await sectionWithLog([state]);

    await app.app.get(DocumentRepository).compact(sectionId, state, logIds);

    const after = await stored(sectionId);
    expect(after.updates).toBe(0);
    expect(after.snapshot?.json).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(after.snapshot?.text).toBe('');
    expect(Buffer.from(state).equals(after.snapshot?.state as Buffer)).toBe(true);
    const logged = logs.lines.find((line) => line.sectionId === sectionId);
    expect(logged).toMatchObject({ level: 50, msg: 'A section state does not fit the editor schema; stored with empty JSON' });
    expect(JSON.stringify(logged?.err)).toContain('Invalid content for node doc');
  });

  it('fails and leaves log and snapshot as they were when the content thread cannot answer', async () => {
    const state = stateOfJson(doc('Bleibt im Protokoll.'));
    const { sectionId, logIds } = await sectionWithLog([state]);
    // A renderer that has shut down refuses every request, as one whose thread crashed fails them.
    await app.app.get(ContentRenderer).onApplicationShutdown();

    await expect(app.app.get(DocumentRepository).compact(sectionId, state, logIds)).rejects.toThrow('The content renderer has shut down');

    expect(await stored(sectionId)).toEqual({ updates: 1, snapshot: undefined });
  });

  describe('while the content thread renders', () => {
    let renderer: HeldRenderer;
    beforeEach(() => {
      renderer = new HeldRenderer();
    });
    afterEach(async () => {
      renderer.requests.forEach((release) => release());
      await renderer.onApplicationShutdown();
    });
    const heldRepository = (): DocumentRepository => new DocumentRepository(app.app.get(DataSource), renderer);

    it('holds no lock on the section or its snapshot, so a transition need not wait for it', async () => {
      const state = stateOfJson(doc('Lang zu rendern.'));
      const { sectionId, logIds } = await sectionWithLog([state]);
      // A snapshot row to lock.
      await app.app.get(DocumentRepository).compact(sectionId, stateOfJson(doc('Vorher.')), []);

      const compacting = heldRepository().compact(sectionId, state, logIds);
      await renderer.waitFor(1);

      const client = await app.db.connect();
      try {
        await client.query('BEGIN');
        // NOWAIT: fails at once (55P03) instead of waiting when the compaction holds the row.
        await expect(client.query('SELECT id FROM sections WHERE id = $1 FOR UPDATE NOWAIT', [sectionId])).resolves.toMatchObject({ rowCount: 1 });
        await expect(client.query('SELECT 1 FROM section_documents WHERE section_id = $1 FOR UPDATE NOWAIT', [sectionId])).resolves.toMatchObject({ rowCount: 1 });
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
      renderer.requests[0]();
      await compacting;
      // Rendered once: nothing changed the snapshot meanwhile.
      expect(renderer.requests).toHaveLength(1);
      const after = await stored(sectionId);
      expect(after.updates).toBe(0);
      expect(after.snapshot?.text.split('\n\n').sort()).toEqual(['Lang zu rendern.', 'Vorher.']);
    });

    it('merges with a snapshot that another process stored meanwhile, losing neither', async () => {
      const mine = stateOfJson(doc('Von diesem Prozess.'));
      const theirs = stateOfJson(doc('Vom anderen Prozess.'));
      const { sectionId, logIds } = await sectionWithLog([mine, theirs]);

      const compacting = heldRepository().compact(sectionId, mine, [logIds[0]]);
      await renderer.waitFor(1);
      // The other process compacts its row while this one renders against the old (no) snapshot.
      await app.app.get(DocumentRepository).compact(sectionId, theirs, [logIds[1]]);
      renderer.requests.forEach((release) => release());
      await renderer.waitFor(2);
      renderer.requests[1]();
      await compacting;

      const after = await stored(sectionId);
      expect(after.updates).toBe(0);
      expect(after.snapshot?.text.split('\n\n').sort()).toEqual(['Vom anderen Prozess.', 'Von diesem Prozess.']);
      expect((await app.app.get(DocumentRepository).content(sectionId)).text).toBe(after.snapshot?.text);
    });
  });
});
