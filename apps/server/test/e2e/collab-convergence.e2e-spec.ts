import * as Y from 'yjs';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import {
  contentParagraphs,
  createWritingTeam,
  docParagraphs,
  killAllServers,
  plainText,
  ServerProcess,
  storedContent,
  type WritingTeam,
} from '../server-process.js';
import { createScratchDatabase } from '../test-app.js';

const WRITERS = 10;
const SEED_PARAGRAPHS = ['Einleitung zum Bericht', 'Methodik und Daten', 'Ergebnisse im Überblick'];

/** A small seeded generator (mulberry32): a failure names its seed (the interleaving still depends on timing). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One random edit in one Y transaction: insert text, delete a range, or add a paragraph. */
function randomEdit(doc: Y.Doc, random: () => number): void {
  const int = (below: number): number => Math.floor(random() * below);
  const word = (): string => Array.from({ length: 1 + int(5) }, () => 'abcdefghijklmnopqrstuvwxyzäöüß '[int(31)]).join('');
  const fragment = doc.getXmlFragment('default');
  doc.transact(() => {
    const roll = random();
    if (roll < 0.06) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(word())]);
      fragment.insert(int(fragment.length + 1), [paragraph]);
      return;
    }
    const paragraph = fragment.get(int(fragment.length)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    if (roll < 0.36 && text.length > 0) {
      const at = int(text.length);
      text.delete(at, Math.min(1 + int(4), text.length - at));
    } else {
      text.insert(int(text.length + 1), word());
    }
  });
}

/** Edits until `until()` holds, dropping and restoring its connection now and then. */
async function editRandomly(
  client: CollabClient,
  random: () => number,
  until: () => boolean,
): Promise<{ edits: number; disconnects: number }> {
  let edits = 0;
  let disconnects = 0;
  let reconnect: NodeJS.Timeout | null = null;
  while (!until()) {
    randomEdit(client.doc, random);
    edits += 1;
    if (reconnect === null && random() < 0.05) {
      client.provider.disconnect();
      disconnects += 1;
      reconnect = setTimeout(
        () => {
          reconnect = null;
          client.provider.connect();
        },
        50 + Math.floor(random() * 350),
      );
    }
    await sleep(Math.floor(random() * 30));
  }
  if (reconnect !== null) {
    clearTimeout(reconnect);
  }
  client.provider.connect();
  return { edits, disconnects };
}

describe('convergence of many writers under random edits and disconnects', () => {
  let server: ServerProcess;
  let database: { url: string; drop(): Promise<void> } | undefined;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase();
    server = await ServerProcess.start({ databaseUrl: database.url, env: { COLLAB_UNLOAD_AFTER_MS: '1000' } });
  }, 90_000);
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
  });
  afterAll(async () => {
    await killAllServers();
    await database?.drop();
  });

  /** A team of ten writers on a section that holds a few paragraphs, every writer connected and synced. */
  async function tenWritersOnASection(): Promise<{ team: WritingTeam; writers: CollabClient[] }> {
    const team = await createWritingTeam(server, WRITERS - 1);
    const seeder = connectCollab(server.origin, team.lead, team.section.id);
    clients.push(seeder);
    await synced(seeder, 15_000);
    seeder.doc.transact(() => {
      const fragment = seeder.doc.getXmlFragment('default');
      fragment.insert(
        0,
        SEED_PARAGRAPHS.map((line) => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(line)]);
          return paragraph;
        }),
      );
    });
    const writers = team.writers.map((person) => connectCollab(server.origin, person, team.section.id));
    clients.push(...writers);
    await eventually(
      () => writers.every((writer) => writer.provider.synced && docParagraphs(writer.doc).length === SEED_PARAGRAPHS.length),
      'every writer to receive the seeded paragraphs',
      20_000,
    );
    seeder.destroy();
    return { team, writers };
  }

  /** All writers hold the same document, and it is what the server stores and what a newcomer receives. */
  async function expectConverged(team: WritingTeam, writers: CollabClient[], seed: number): Promise<void> {
    await eventually(
      () => {
        const first = JSON.stringify(docParagraphs(writers[0].doc));
        return writers.every((writer) => writer.provider.synced && JSON.stringify(docParagraphs(writer.doc)) === first);
      },
      `all ${writers.length} writers to converge (seed ${seed})`,
      30_000,
    );
    const agreed = docParagraphs(writers[0].doc);
    await eventually(
      async () => JSON.stringify(contentParagraphs(await storedContent(team))) === JSON.stringify(agreed),
      `the server's content to equal the writers' document (seed ${seed})`,
      15_000,
    );
    const content = await storedContent(team);
    expect({ seed, paragraphs: contentParagraphs(content), text: content.text }).toEqual({ seed, paragraphs: agreed, text: plainText(agreed) });

    const newcomer = connectCollab(server.origin, team.lead, team.section.id);
    clients.push(newcomer);
    await synced(newcomer, 15_000);
    expect({ seed, paragraphs: docParagraphs(newcomer.doc) }).toEqual({ seed, paragraphs: agreed });
  }

  it('ten writers editing at random positions with random disconnects converge to one document, the one the server stores and a newcomer receives', async () => {
    const seed = Date.now() % 1_000_000_007;
    const random = generator(seed);
    const { team, writers } = await tenWritersOnASection();
    const before = docParagraphs(writers[0].doc);

    const deadline = Date.now() + 2500;
    const runs = await Promise.all(writers.map((writer) => editRandomly(writer, random, () => Date.now() > deadline)));

    expect(runs.every((run) => run.edits > 10)).toBe(true);
    expect(runs.reduce((sum, run) => sum + run.disconnects, 0)).toBeGreaterThan(WRITERS);
    await expectConverged(team, writers, seed);
    expect(docParagraphs(writers[0].doc)).not.toEqual(before);
  }, 90_000);

  it('ten writers who keep editing while the server stops on SIGTERM and restarts on the same port reconnect by themselves and converge again', async () => {
    const seed = Date.now() % 1_000_000_007;
    const random = generator(seed);
    const { team, writers } = await tenWritersOnASection();

    let stopEditing = false;
    const editing = Promise.all(writers.map((writer) => editRandomly(writer, random, () => stopEditing)));
    try {
      await sleep(800);
      expect(await server.stop()).toBe(0);
      await eventually(() => writers.every((writer) => !writer.provider.wsconnected), 'every writer to notice the stop', 10_000);
      await sleep(300); // edits made while the server is away
      const resynced = new Set<CollabClient>();
      writers.forEach((writer) => writer.provider.on('sync', (state: boolean) => state && resynced.add(writer)));
      await server.start();
      await eventually(() => resynced.size === writers.length, 'every writer to reconnect to the new process by itself', 20_000);
      await sleep(800);
    } finally {
      stopEditing = true;
      await editing;
    }

    await expectConverged(team, writers, seed);
  }, 90_000);
});
