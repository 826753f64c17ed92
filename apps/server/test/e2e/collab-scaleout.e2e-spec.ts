import pg from 'pg';
import type * as Y from 'yjs';
import { connectCollab, eventually, synced, typeInto, type CollabClient } from '../collab-client.js';
import {
  contentParagraphs,
  createWritingTeam,
  docParagraphs,
  killAllServers,
  ServerProcess,
  storedContent,
  type WritingTeam,
} from '../server-process.js';
import { runMigrations } from '../../src/database/data-source.js';
import { createScratchDatabase } from '../test-app.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One random insert or delete in the first paragraph, in one Y transaction. A writer deletes
 * only characters it typed itself: two writers deleting the same character at the same
 * moment would send byte-identical updates, which are two updates (both rightly stored) and
 * would look like one stored twice to the check of distinct rows below.
 */
function randomEdit(doc: Y.Doc): void {
  const text = (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  doc.transact(() => {
    const own = Math.random() < 0.3 ? ownCharacterAt(text, doc.clientID) : null;
    if (own !== null) {
      text.delete(own, 1);
    } else {
      text.insert(Math.floor(Math.random() * (text.length + 1)), Math.random().toString(36).slice(2, 2 + Math.ceil(Math.random() * 4)));
    }
  });
}

/** The index of a random character that `clientId` typed and nobody has deleted, or null. */
function ownCharacterAt(text: Y.XmlText, clientId: number): number | null {
  const offsets: number[] = [];
  let index = 0;
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.deleted && item.countable) {
      if (item.id.client === clientId) {
        offsets.push(...Array.from({ length: item.length }, (_, i) => index + i));
      }
      index += item.length;
    }
  }
  return offsets.length === 0 ? null : offsets[Math.floor(Math.random() * offsets.length)];
}

interface PresenceState {
  user?: { id?: string; name?: string };
}

describe('live co-editing across two server processes sharing Redis and PostgreSQL', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let databaseUrl: string;
  let database: { url: string; drop(): Promise<void> } | undefined;
  const clients: CollabClient[] = [];
  /** Which of the team's writers a client connected as. */
  const writerOf = new Map<CollabClient, number>();

  beforeAll(async () => {
    database = await createScratchDatabase();
    databaseUrl = database.url;
    // Migrated once up front, so that the two processes can start side by side.
    await runMigrations(databaseUrl);
    const env = { REDIS_URL, COLLAB_UNLOAD_AFTER_MS: '100' };
    [a, b] = await Promise.all([ServerProcess.start({ databaseUrl, env }), ServerProcess.start({ databaseUrl, env })]);
  }, 90_000);
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
    writerOf.clear();
  });
  afterAll(async () => {
    await killAllServers();
    await database?.drop();
  });

  function open(server: ServerProcess, team: WritingTeam, writer: number): CollabClient {
    const client = connectCollab(server.origin, team.writers[writer], team.section.id);
    clients.push(client);
    writerOf.set(client, writer);
    return client;
  }

  async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** The section's log rows, and how many of them differ. */
  async function storedRows(team: WritingTeam): Promise<{ rows: number; distinct: number }> {
    const [counts] = await query<{ rows: number; distinct: number }>(
      'SELECT count(*)::int AS rows, count(DISTINCT md5(data))::int AS distinct FROM section_updates WHERE section_id = $1',
      [team.section.id],
    );
    return counts;
  }

  /** Each of `viewers` sees each of `present` (but itself), stamped with the account that one connected with. */
  function sees(viewers: CollabClient[], present: CollabClient[], team: WritingTeam): boolean {
    return viewers.every((viewer) =>
      present.every((other) => {
        const state = viewer.provider.awareness.getStates().get(other.doc.clientID) as PresenceState | undefined;
        const user = team.writers[writerOf.get(other) ?? -1].user;
        return other === viewer || (state?.user?.id === user.id && state.user.name === user.name);
      }),
    );
  }

  it('writers on different processes converge to the stored document, and every update is stored once', async () => {
    const team = await createWritingTeam(a, 3);
    const writers = [a, a, b, b].map((server, index) => open(server, team, index));
    await Promise.all(writers.map((writer) => synced(writer, 20_000)));
    typeInto(writers[0].doc, 'Gemeinsamer Anfang');
    await eventually(() => writers.every((writer) => writer.text() === 'Gemeinsamer Anfang'), 'the first words to reach both processes', 15_000);

    const deadline = Date.now() + 1500;
    await Promise.all(
      writers.map(async (writer) => {
        while (Date.now() < deadline) {
          randomEdit(writer.doc);
          await sleep(5 + Math.floor(Math.random() * 30));
        }
      }),
    );

    await eventually(() => writers.every((writer) => writer.text() === writers[0].text()), 'the writers on both processes to converge', 20_000);
    const agreed = docParagraphs(writers[0].doc);
    expect(agreed[0]).not.toBe('Gemeinsamer Anfang');
    for (const server of [a, b]) {
      const reader = open(server, team, 0);
      await synced(reader, 15_000);
      expect(docParagraphs(reader.doc)).toEqual(agreed);
    }
    expect(contentParagraphs(await storedContent(team))).toEqual(agreed);

    const stored = await storedRows(team);
    expect(stored.rows).toBeGreaterThan(0);
    expect(stored.distinct).toBe(stored.rows);
  }, 60_000);

  it('writers who reconnect store nothing that is already stored', async () => {
    const team = await createWritingTeam(a, 1);
    const writers = [open(a, team, 0), open(b, team, 1)];
    await Promise.all(writers.map((writer) => synced(writer, 20_000)));
    typeInto(writers[0].doc, 'Hallo Welt, wie geht es');
    await eventually(() => writers[1].text() === 'Hallo Welt, wie geht es', 'the words to reach B', 10_000);
    writers[1].doc.transact(() => ((writers[1].doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 6));
    await eventually(() => writers[0].text() === 'Welt, wie geht es', 'the deletion to reach A', 10_000);
    const before = await storedRows(team);

    for (let round = 0; round < 2; round += 1) {
      // A network blip or a restart behind a load balancer: every writer syncs again.
      writers.forEach((writer) => writer.provider.disconnect());
      writers.forEach((writer) => writer.provider.connect());
      await Promise.all(writers.map((writer) => synced(writer, 10_000)));
    }
    await sleep(300); // a few ticks for anything the reconnects might store

    expect(writers.map((writer) => writer.text())).toEqual(['Welt, wie geht es', 'Welt, wie geht es']);
    expect(await storedRows(team)).toEqual(before);
  }, 60_000);

  it('presence crosses to the other process stamped with the real user, whatever user a client claims to be', async () => {
    const team = await createWritingTeam(a, 3);
    const writers = [a, a, b, b].map((server, index) => open(server, team, index));
    await Promise.all(writers.map((writer) => synced(writer, 20_000)));
    await sleep(200); // both processes hold the room
    writers.forEach((writer, index) => writer.provider.awareness.setLocalState({ user: { id: 'someone-else', name: 'Mallory' }, cursor: { index } }));
    await eventually(() => sees(writers, writers, team), 'every writer to see the other three under their own names', 10_000);
  }, 60_000);

  it('a process that opens a room later shows the writers who were already present on the other process', async () => {
    const team = await createWritingTeam(a, 2);
    const early = [0, 1].map((index) => open(a, team, index));
    // A state the writer set (clock 1): y-protocols peers ignore the initial empty state (clock 0).
    early.forEach((writer, index) => writer.provider.awareness.setLocalState({ cursor: { index } }));
    await Promise.all(early.map((writer) => synced(writer, 20_000)));
    await eventually(() => sees(early, early, team), 'the writers on A to see each other', 10_000);

    const late = open(b, team, 2);
    late.provider.awareness.setLocalState({ cursor: { index: 2 } });
    await synced(late, 20_000);
    // Clients renew their presence only every 15 s; a newcomer must not wait for that.
    await eventually(() => sees(early, [late], team), 'the writers on A to see the newcomer on B', 4000);
    await eventually(() => sees([late], early, team), 'the newcomer on B to see the writers already on A', 4000);
  }, 60_000);

  it('a process that opens a room while another process is committing to it misses none of those commits', async () => {
    const team = await createWritingTeam(a, 3);
    const typists = [0, 1, 2].map((index) => open(a, team, index));
    await Promise.all(typists.map((typist) => synced(typist, 20_000)));
    typeInto(typists[0].doc, 'Start');
    await eventually(() => typists.every((typist) => typist.text() === 'Start'), 'the typists to share a paragraph', 15_000);

    const late = connectCollab(b.origin, team.writers[3], team.section.id, { connect: false });
    clients.push(late);
    let stop = false;
    const typing = Promise.all(
      typists.map(async (typist, index) => {
        for (let n = 1; !stop; n += 1) {
          typeInto(typist.doc, ` ${'abc'[index]}${n}`);
          await sleep(20 + Math.floor(Math.random() * 20));
        }
      }),
    );
    try {
      // A slow load on B: its read waits for this lock (having taken its snapshot) while A keeps committing.
      const locker = new pg.Client({ connectionString: databaseUrl });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE section_documents IN ACCESS EXCLUSIVE MODE');
        late.provider.connect();
        await eventually(
          async () => (await query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`, [])).length > 0,
          "B's load to wait",
          10_000,
        );
        await sleep(400);
      } finally {
        await locker.query('ROLLBACK').catch(() => undefined);
        await locker.end();
      }
      await synced(late, 15_000);
      await sleep(300);
    } finally {
      stop = true;
      await typing;
    }
    await eventually(() => typists.every((typist) => typist.text() === typists[0].text()), 'the typists to converge', 10_000);
    await eventually(() => late.text() === typists[0].text(), "the writer on B to hold everything the typists on A wrote", 5000);
  }, 60_000);
});
