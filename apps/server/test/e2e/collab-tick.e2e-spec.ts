import { decodeAwarenessUpdate, DEFAULT_COLLAB_LIMITS, encodeUpdate, parseClientMessage, type CollabLimits } from '@kapitel/collab';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import * as Y from 'yjs';
import { eventually } from '../collab-client.js';
import { awarenessFrame, openPeer, paragraphUpdate, storedRows, storedRowsWith, type RawPeer } from '../collab-frames.js';
import { CollabService } from '../../src/modules/collab/collab.service.js';
import { createSection, createTeam } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * The tick (libs/collab/src/tick.ts): a room within its fan-out budget stores and relays an
 * update at once; a room beyond it gathers what arrives for up to `tickMs` into one INSERT
 * and one frame per connection, each sender getting everybody's updates but its own.
 */

async function roomWith(limits: Partial<CollabLimits>): Promise<{
  app: TestApp;
  team: Awaited<ReturnType<typeof createTeam>>;
  sectionId: string;
  open: (count: number) => Promise<RawPeer[]>;
  /** What the server stores and sends itself (a restore), through CollabServer.submit. */
  submit: (update: Uint8Array) => Promise<boolean>;
}> {
  const app = await startTestApp({ collab: { ...DEFAULT_COLLAB_LIMITS, ...limits } });
  const team = await createTeam(app);
  const { id: sectionId } = await createSection(team.lead, team.project.id);
  const open = (count: number): Promise<RawPeer[]> =>
    Promise.all(Array.from({ length: count }, () => openPeer(app.origin, team.lead, sectionId)));
  const submit = (update: Uint8Array): Promise<boolean> => app.app.get(CollabService).server.submit(sectionId, team.project.id, update);
  return { app, team, sectionId, open, submit };
}

/**
 * Makes PostgreSQL hold every INSERT into the update log whose data carries `marker` for
 * `seconds` (a trigger of the test database), to see what the room does meanwhile.
 */
async function slowInsertsOf(db: pg.Pool, marker: string, seconds: number): Promise<{ drop(): Promise<void> }> {
  const name = `slow_update_${randomUUID().replaceAll('-', '')}`;
  const needle = Buffer.from(marker, 'utf8').toString('hex');
  await db.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(${seconds}); RETURN NEW; END $$`);
  await db.query(
    `CREATE TRIGGER ${name} BEFORE INSERT ON section_updates FOR EACH ROW
       WHEN (position(decode('${needle}', 'hex') IN NEW.data) > 0) EXECUTE FUNCTION ${name}()`,
  );
  return {
    drop: async () => {
      await db.query(`DROP TRIGGER IF EXISTS ${name} ON section_updates`);
      await db.query(`DROP FUNCTION IF EXISTS ${name}()`);
    },
  };
}

/** Backends of this database sleeping in such a trigger. */
async function sleepingInserts(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`,
  );
  return rows[0]?.n ?? 0;
}

/** Updates of one Yjs client, written in two steps: the second holds the first. */
function twoStepsOfOneClient(): { first: Uint8Array; both: Uint8Array } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('default');
  const paragraph = (text: string): Y.XmlElement => {
    const element = new Y.XmlElement('paragraph');
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };
  fragment.insert(0, [paragraph('Erster Schritt')]);
  const first = Y.encodeStateAsUpdate(doc);
  fragment.insert(1, [paragraph('Zweiter Schritt')]);
  return { first, both: Y.encodeStateAsUpdate(doc) };
}

describe('the collaboration tick', () => {
  const apps: TestApp[] = [];
  const peers: RawPeer[] = [];
  afterEach(async () => {
    peers.splice(0).forEach((peer) => peer.destroy());
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('relays an update of a room within its fan-out budget once it is stored, without waiting for the tick', async () => {
    // A tick of 10 s: an update that waited for it could not arrive within the 5 s checked below.
    const room = await roomWith({ tickMs: 10_000 });
    apps.push(room.app);
    const [writer, reader] = await room.open(2);
    peers.push(writer, reader);
    const sent = Date.now();
    writer.send(encodeUpdate(paragraphUpdate('Sofort da')));
    await eventually(() => reader.received('Sofort da'), 'the update to arrive');
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect((await storedRows(room.app.db, room.sectionId)).updates).toBe(1);
  });

  it('gathers the updates of several senders into one row when the budget is spent, and sends each sender the others’ text only', async () => {
    // One frame a second: every tick of this room waits the whole tickMs.
    const room = await roomWith({ tickMs: 400, fanOutFramesPerSecond: 1 });
    apps.push(room.app);
    const [watcher, ...senders] = await room.open(4);
    peers.push(watcher, ...senders);
    const texts = ['Absatz von A', 'Absatz von B', 'Absatz von C'];
    senders.forEach((sender, i) => sender.send(encodeUpdate(paragraphUpdate(texts[i]))));
    await eventually(() => texts.every((text) => watcher.received(text)), 'the watcher to see all three');
    expect((await storedRows(room.app.db, room.sectionId)).updates).toBe(1);
    await eventually(
      () => senders.every((sender, i) => texts.every((text, j) => j === i || sender.text().includes(text))),
      'each sender to see the other two',
    );
    senders.forEach((sender, i) => expect(sender.received(texts[i])).toBe(false));
    expect(watcher.unreadable.concat(...senders.map((sender) => sender.unreadable))).toEqual([]);
  });

  it('merges instead of joining when two other senders carry structs of the same Yjs client', async () => {
    const room = await roomWith({ tickMs: 400, fanOutFramesPerSecond: 1 });
    apps.push(room.app);
    const [watcher, late, early, third] = await room.open(4);
    peers.push(watcher, late, early, third);
    const { first, both } = twoStepsOfOneClient();
    // In this order within one tick: joined as bytes, the third sender would get two blocks
    // of that client, and Yjs keeps only the last (the first step).
    late.send(encodeUpdate(both));
    await late.roundTrip();
    early.send(encodeUpdate(first));
    await early.roundTrip();
    third.send(encodeUpdate(paragraphUpdate('Dritter Absatz')));
    await eventually(() => watcher.text().includes('Dritter Absatz'), 'the watcher to see the tick');
    expect((await storedRows(room.app.db, room.sectionId)).updates).toBe(1);
    await eventually(() => third.text().includes('Zweiter Schritt'), 'the third sender to get both steps');
    expect(third.text()).toContain('Erster Schritt');
    expect(third.doc.store.pendingStructs).toBeNull();
    await eventually(() => early.text().includes('Zweiter Schritt') && late.text().includes('Dritter Absatz'), 'the two others to get the rest');
    expect([watcher, late, early, third].flatMap((peer) => peer.unreadable)).toEqual([]);
  });

  it('stores a later tick while an earlier tick’s INSERT is still running, and sends them in the order of the ticks', async () => {
    const room = await roomWith({});
    apps.push(room.app);
    const [slowWriter, fastWriter, reader] = await room.open(3);
    peers.push(slowWriter, fastWriter, reader);
    const slow = `Langsam ${Date.now()}`;
    const trigger = await slowInsertsOf(room.app.db, slow, 2);
    try {
      slowWriter.send(encodeUpdate(paragraphUpdate(slow)));
      await eventually(async () => (await sleepingInserts(room.app.db)) > 0, 'the first INSERT to be held up');
      fastWriter.send(encodeUpdate(paragraphUpdate('Schnell')));
      await eventually(async () => (await storedRowsWith(room.app.db, room.sectionId, 'Schnell')) > 0, 'the second tick to be stored meanwhile');
      // Stored, but not sent ahead of the tick before it, which is not yet stored.
      expect({ slowStored: await storedRowsWith(room.app.db, room.sectionId, slow), fastSent: reader.received('Schnell') }).toEqual({
        slowStored: 0,
        fastSent: false,
      });
      await eventually(() => reader.received('Schnell'), 'both ticks to arrive', 10_000);
      const order = [slow, 'Schnell'].map((text) => reader.frames.findIndex((frame) => new TextDecoder().decode(frame).includes(text)));
      expect(order[0]).toBeGreaterThanOrEqual(0);
      expect(order[0]).toBeLessThan(order[1]);
      expect(reader.text()).toContain(slow);
    } finally {
      await trigger.drop();
    }
  });

  it('sends an edit at once, but gathers the presence changes of a tick into one frame after it', async () => {
    const room = await roomWith({ tickMs: 300 });
    apps.push(room.app);
    const [watcher, anna, bert] = await room.open(3);
    peers.push(watcher, anna, bert);
    const mark = watcher.frames.length;
    bert.send(awarenessFrame(102, 1, { cursor: 7 }));
    await bert.roundTrip();
    anna.send(encodeUpdate(paragraphUpdate('Annas Satz')));
    anna.send(awarenessFrame(101, 1, { cursor: 3 }));
    await eventually(() => watcher.presenceOf(101) !== undefined && watcher.presenceOf(102) !== undefined, 'both cursors to arrive');
    const messages = watcher.frames.slice(mark).map((frame) => parseClientMessage(frame));
    expect(messages.map((message) => message.kind)).toEqual(['update', 'awareness']);
    const presence = messages[1].kind === 'awareness' ? decodeAwarenessUpdate(messages[1].update) : [];
    expect(presence.map((entry) => entry.clientId).sort()).toEqual([101, 102]);
  });

  it('compacts beside the ticks without losing the rows stored meanwhile', async () => {
    const room = await roomWith({ compactAfterUpdates: 3, unloadAfterMs: 100 });
    apps.push(room.app);
    const writers = await room.open(3);
    peers.push(...writers);
    const texts = writers.flatMap((_, w) => Array.from({ length: 40 }, (__, i) => `Zeile ${w}-${i}`));
    for (let i = 0; i < 40; i += 1) {
      writers.forEach((writer, w) => writer.send(encodeUpdate(paragraphUpdate(`Zeile ${w}-${i}`))));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(writers.map((writer) => writer.roundTrip()));
    writers.forEach((writer) => writer.destroy());
    await eventually(async () => (await storedRows(room.app.db, room.sectionId)).updates === 0, 'the room to unload and compact');
    const [reader] = await room.open(1);
    peers.push(reader);
    expect(texts.filter((text) => !reader.text().includes(text))).toEqual([]);
  });

  it('stores an update the server submits and sends it to everyone, senders of the same tick included', async () => {
    const room = await roomWith({ tickMs: 400, fanOutFramesPerSecond: 1 });
    apps.push(room.app);
    const [watcher, sender] = await room.open(2);
    peers.push(watcher, sender);
    sender.send(encodeUpdate(paragraphUpdate('Vom Autor')));
    await sender.roundTrip();
    const stored = room.submit(paragraphUpdate('Vom Server wiederhergestellt'));

    await expect(stored).resolves.toBe(true);
    await eventually(() => watcher.text().includes('Vom Server wiederhergestellt') && watcher.text().includes('Vom Autor'), 'the watcher to get both');
    await eventually(() => sender.text().includes('Vom Server wiederhergestellt'), 'the sender to get the server’s update');
    expect(sender.received('Vom Autor')).toBe(false);
    expect((await storedRows(room.app.db, room.sectionId)).updates).toBe(1);
  });

  it('loads the room to store a submitted update when nobody has the section open, and unloads it again', async () => {
    const room = await roomWith({ unloadAfterMs: 100 });
    apps.push(room.app);
    await expect(room.submit(paragraphUpdate('Ohne offene Verbindung'))).resolves.toBe(true);
    await eventually(async () => {
      const rows = await storedRows(room.app.db, room.sectionId);
      return rows.updates === 0 && rows.documents === 1;
    }, 'the room to unload and compact');
    const [reader] = await room.open(1);
    peers.push(reader);
    expect(reader.text()).toContain('Ohne offene Verbindung');
  });

  it('stores nothing the server submits while the section cannot be edited, and says so', async () => {
    const room = await roomWith({});
    apps.push(room.app);
    const path = `/api/projects/${room.team.project.id}/sections/${room.sectionId}/transitions`;
    expect((await room.team.lead.client.post(path, { action: 'submit' })).status).toBe(200);
    await expect(room.submit(paragraphUpdate('Zu spät'))).resolves.toBe(false);
    expect(await storedRows(room.app.db, room.sectionId)).toEqual({ updates: 0, documents: 0 });
  });
});
