import pg from 'pg';
import { connectCollab, eventually, synced, typeInto, type CollabClient } from '../collab-client.js';
import {
  adminQuery,
  contentParagraphs,
  createWritingTeam,
  databaseNameOf,
  docParagraphs,
  killAllServers,
  plainText,
  ServerProcess,
  storedContent,
  type WritingTeam,
} from '../server-process.js';
import { createScratchDatabase } from '../test-app.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const MARKER = /^r(\d+)w(\d+)n(\d+)$/;

/** The marker words in a text that writer `self` did not type. */
function markersFromOthers(text: string, self: number): string[] {
  return text.split(/\s+/).filter((word) => {
    const match = MARKER.exec(word);
    return match !== null && Number(match[2]) !== self;
  });
}

/**
 * Types " r<round>w<writer>n<n>" words until told to stop, each at a word boundary (before
 * a space or at the end), so that no word is ever split by another one.
 */
async function typeMarkers(client: CollabClient, round: number, writer: number, until: () => boolean): Promise<number> {
  let n = 0;
  while (!until()) {
    n += 1;
    const text = client.text();
    const boundaries = [...text.matchAll(/ /g)].map((match) => match.index).concat(text.length);
    typeInto(client.doc, ` r${round}w${writer}n${n}`, boundaries[Math.floor(Math.random() * boundaries.length)]);
    await sleep(10 + Math.floor(Math.random() * 30));
  }
  return n;
}

describe('durability of live edits across crashes, restarts and database outages', () => {
  let server: ServerProcess;
  let databaseUrl: string;
  let database: { url: string; drop(): Promise<void> } | undefined;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase();
    databaseUrl = database.url;
    server = await ServerProcess.start({ databaseUrl, env: { COLLAB_UNLOAD_AFTER_MS: '200' } });
  }, 90_000);
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
  });
  afterAll(async () => {
    await killAllServers();
    if (database) {
      await adminQuery(`ALTER DATABASE ${databaseNameOf(database.url)} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await database.drop();
    }
  });

  function open(team: WritingTeam, writer: number): CollabClient {
    const client = connectCollab(server.origin, team.writers[writer], team.section.id);
    clients.push(client);
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

  const logRows = async (team: WritingTeam): Promise<number> =>
    (await query<{ n: number }>('SELECT count(*)::int AS n FROM section_updates WHERE section_id = $1', [team.section.id]))[0].n;
  const snapshotText = async (team: WritingTeam): Promise<string | null> =>
    (await query<{ text: string }>('SELECT text FROM section_documents WHERE section_id = $1', [team.section.id]))[0]?.text ?? null;

  it('after a kill -9 at a random moment, the restarted server has every update any writer had received from another (several rounds)', async () => {
    const team = await createWritingTeam(server, 4);
    const seeder = open(team, 0);
    await synced(seeder, 15_000);
    seeder.type('Anfang');
    await eventually(async () => (await storedContent(team)).text === 'Anfang', 'the first paragraph to be stored', 10_000);
    seeder.destroy();

    for (let round = 1; round <= 3; round += 1) {
      const expected = contentParagraphs(await storedContent(team));
      const writers = team.writers.map((_, index) => open(team, index));
      await Promise.all(writers.map((writer) => synced(writer, 20_000)));
      // The restarted server serves exactly what it stores.
      expect({ round, views: writers.map((writer) => docParagraphs(writer.doc)) }).toEqual({ round, views: writers.map(() => expected) });

      let stop = false;
      const typing = Promise.all(writers.map((writer, index) => typeMarkers(writer, round, index, () => stop)));
      try {
        await eventually(
          () => writers.every((writer, index) => markersFromOthers(writer.text(), index).some((word) => word.startsWith(`r${round}`))),
          `every writer to receive a word of another in round ${round}`,
          15_000,
        );
        await sleep(Math.floor(Math.random() * 400));
        await server.kill();
      } finally {
        stop = true;
        await typing;
      }
      // Whatever was already on its way arrives before the close: the socket is drained first.
      await eventually(() => writers.every((writer) => !writer.provider.wsconnected), 'every writer to lose its connection', 10_000);
      const observed = writers.flatMap((writer, index) => markersFromOthers(writer.text(), index));
      // Nobody may send anything to the restarted server: only what was stored counts.
      writers.forEach((writer) => writer.destroy());

      await server.start();
      const stored = new Set((await storedContent(team)).text.split(/\s+/));
      const missing = [...new Set(observed)].filter((word) => !stored.has(word));
      expect({ round, observed: observed.length > 0, missing }).toEqual({ round, observed: true, missing: [] });
    }
  }, 90_000);

  it('a graceful stop (SIGTERM) keeps every edit and folds the update log into the snapshot', async () => {
    const team = await createWritingTeam(server, 2);
    const writers = team.writers.map((_, index) => open(team, index));
    await synced(writers[0], 15_000);
    writers[0].type('Zusammenfassung');
    await eventually(() => writers.every((writer) => writer.provider.synced && writer.text() === 'Zusammenfassung'), 'every writer to sync', 15_000);

    let stop = false;
    await Promise.all([
      ...writers.map((writer, index) => typeMarkers(writer, 1, index, () => stop)),
      sleep(700).then(() => (stop = true)),
    ]);
    await eventually(
      () => writers.every((writer) => writer.provider.synced && writer.text() === writers[0].text()),
      'the writers to converge',
      15_000,
    );
    const agreed = docParagraphs(writers[0].doc);
    await eventually(async () => JSON.stringify(contentParagraphs(await storedContent(team))) === JSON.stringify(agreed), 'the server to hold it all', 10_000);
    expect(await logRows(team)).toBeGreaterThan(0);

    expect(await server.stop()).toBe(0);
    expect({ log: await logRows(team), snapshot: await snapshotText(team) }).toEqual({ log: 0, snapshot: plainText(agreed) });

    const resynced = new Set<CollabClient>();
    writers.forEach((writer) => writer.provider.on('sync', (state: boolean) => state && resynced.add(writer)));
    await server.start();
    await eventually(() => resynced.size === writers.length, 'the writers to reconnect by themselves', 20_000);
    expect(writers.map((writer) => docParagraphs(writer.doc))).toEqual(writers.map(() => agreed));
    expect(contentParagraphs(await storedContent(team))).toEqual(agreed);
    expect({ log: await logRows(team), snapshot: await snapshotText(team) }).toEqual({ log: 0, snapshot: plainText(agreed) });
  }, 90_000);

  /** A section whose text is stored in the snapshot only: the room has unloaded, so a connection must load it. */
  async function storedAndUnloaded(text: string): Promise<WritingTeam> {
    const team = await createWritingTeam(server, 1);
    const writer = open(team, 0);
    await synced(writer, 15_000);
    writer.type(text);
    await eventually(async () => (await storedContent(team)).text === text, 'the text to be stored', 10_000);
    writer.destroy();
    await eventually(async () => (await logRows(team)) === 0 && (await snapshotText(team)) === text, 'the room to unload', 10_000);
    return team;
  }

  /** A client, not yet connected, that records how its connections end and whether it ever synced. */
  function watchedClient(team: WritingTeam): { client: CollabClient; events: string[] } {
    const client = connectCollab(server.origin, team.writers[1], team.section.id, { connect: false });
    clients.push(client);
    const events: string[] = [];
    client.provider.on('connection-close', (event: { code?: number } | null) => events.push(`close ${event?.code ?? 'local'}`));
    client.provider.on('sync', (state: boolean) => state && events.push('synced'));
    return { client, events };
  }

  /**
   * Connects the client while the database connection that loads its document is cut: the
   * load waits for a lock (admission reads no section_documents) and its backend is terminated.
   */
  async function connectWhileTheLoadBreaks(watched: { client: CollabClient; events: string[] }): Promise<void> {
    const locker = new pg.Client({ connectionString: databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE section_documents IN ACCESS EXCLUSIVE MODE');
      watched.client.provider.connect();
      await eventually(
        async () => {
          const waiting = await query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
            [],
          );
          await Promise.all(waiting.map(({ pid }) => query('SELECT pg_terminate_backend($1)', [pid])));
          return watched.events.length > 0;
        },
        'the load to fail and the connection to end',
        15_000,
      );
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
  }

  it('while the database refuses connections a client is turned away without a document, and afterwards receives the stored text, which nothing overwrote', async () => {
    const text = 'Dieser Text ist gespeichert und darf nicht verloren gehen.';
    const team = await storedAndUnloaded(text);
    const name = databaseNameOf(databaseUrl);
    const { client, events } = watchedClient(team);
    try {
      await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
      client.provider.connect();
      await eventually(() => events.length >= 3, 'three refused attempts', 15_000);
      expect({ events: events.includes('synced'), text: client.text(), serverAlive: server.running }).toEqual({
        events: false,
        text: '',
        serverAlive: true,
      });
    } finally {
      await adminQuery(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }

    await synced(client, 20_000);
    await eventually(() => client.text() === text, 'the client to receive the stored text', 10_000);
    expect({ content: (await storedContent(team)).text, snapshot: await snapshotText(team) }).toEqual({ content: text, snapshot: text });
  }, 60_000);

  it('when the database connection breaks while a document loads, the client is closed with 1011 instead of being served an empty document', async () => {
    const text = 'Nur geladen, nie erfunden.';
    const team = await storedAndUnloaded(text);
    const watched = watchedClient(team);
    await connectWhileTheLoadBreaks(watched);
    expect(watched.events[0]).toBe('close 1011');
    expect(server.running).toBe(true);

    await synced(watched.client, 20_000);
    await eventually(() => watched.client.text() === text, 'the client to receive the stored text', 10_000);
    expect({ content: (await storedContent(team)).text, snapshot: await snapshotText(team) }).toEqual({ content: text, snapshot: text });
  }, 60_000);

  it('a document that could not be loaded is logged with its section id and the database error', async () => {
    const team = await storedAndUnloaded('Fehler gehören ins Protokoll.');
    const watched = watchedClient(team);
    const logBefore = server.outputMark;
    await connectWhileTheLoadBreaks(watched);
    expect(watched.events[0]).toBe('close 1011');

    await eventually(() => server.outputSince(logBefore).includes('"level":50'), 'an error to be logged', 5000);
    const errors = server
      .outputSince(logBefore)
      .split('\n')
      .filter((line) => line.includes('"level":50'));
    // The message, the section and the cause PostgreSQL gave ("terminating connection due to administrator command").
    const complete = new RegExp(`^(?=.*could not load a document)(?=.*${team.section.id})(?=.*terminating connection)`);
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(complete)]));
  }, 60_000);
});
