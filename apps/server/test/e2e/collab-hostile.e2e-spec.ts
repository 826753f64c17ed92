import {
  CLOSE,
  DEFAULT_COLLAB_LIMITS,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeUpdate,
} from '@kapitel/collab';
import type { SectionContent } from '@kapitel/editor';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import {
  openPeer,
  paragraphUpdate,
  paragraphUpdateV2,
  pseudoRandomBytes,
  storedRows,
  type RawPeer,
} from '../collab-frames.js';
import { createSection, createTeam } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * A connection that misbehaves is closed with the documented close code; it takes nobody
 * else down: the other clients of its room keep editing and converge, the server keeps
 * serving. Rooms everybody left are compacted and unloaded.
 */

const MAX_FRAME_BYTES = 64 * 1024;
const MAX_DOCUMENT_BYTES = 32 * 1024;
const MESSAGE_BURST = 100;

/** Bytes written with lib0's encoder, for frames no helper would build. */
function bytes(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

interface Hostile {
  what: string;
  code: number;
  send(peer: RawPeer): void;
}

const validUpdate = encodeUpdate(paragraphUpdate('Ein gültiger Absatz'));

const HOSTILE: Hostile[] = [
  { what: 'random bytes', code: CLOSE.malformed, send: (peer) => peer.send(pseudoRandomBytes(1, 200)) },
  {
    what: 'other random bytes',
    code: CLOSE.malformed,
    send: (peer) => peer.send(pseudoRandomBytes(20251, 2000)),
  },
  { what: 'an empty binary frame', code: CLOSE.malformed, send: (peer) => peer.send(new Uint8Array(0)) },
  {
    what: 'an update message cut in half (its length prefix exceeds the frame)',
    code: CLOSE.malformed,
    send: (peer) => peer.send(validUpdate.slice(0, Math.floor(validUpdate.length / 2))),
  },
  {
    what: 'an update message whose Yjs update is cut short',
    code: CLOSE.malformed,
    send: (peer) => {
      const update = paragraphUpdate('Abgeschnitten');
      peer.send(encodeUpdate(update.slice(0, update.length - 4)));
    },
  },
  {
    what: 'a truncated awareness message',
    code: CLOSE.malformed,
    send: (peer) => {
      const frame = encodeAwarenessMessage(
        bytes((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 77);
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, '{"cursor":"abgeschn');
        }),
      );
      peer.send(frame.slice(0, frame.length - 5));
    },
  },
  {
    what: 'an awareness state that is not JSON',
    code: CLOSE.malformed,
    send: (peer) =>
      peer.send(
        encodeAwarenessMessage(
          bytes((e) => {
            encoding.writeVarUint(e, 1);
            encoding.writeVarUint(e, 77);
            encoding.writeVarUint(e, 1);
            encoding.writeVarString(e, '{kein json');
          }),
        ),
      ),
  },
  {
    what: 'a sync message with a huge length prefix',
    code: CLOSE.malformed,
    send: (peer) =>
      peer.send(
        bytes((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint(e, 0xffffffff);
          encoding.writeUint8Array(e, Uint8Array.of(1, 2, 3));
        }),
      ),
  },
  {
    what: 'a message type varint longer than any number',
    code: CLOSE.malformed,
    send: (peer) => peer.send(new Uint8Array(16).fill(0xff)),
  },
  {
    what: 'an unknown message type',
    code: CLOSE.malformed,
    send: (peer) => peer.send(Uint8Array.of(9, 0, 0)),
  },
  {
    what: 'trailing bytes after a well-formed message',
    code: CLOSE.malformed,
    send: (peer) => peer.send(Uint8Array.from([...encodeSyncStep1(Uint8Array.of(0)), 0])),
  },
  {
    what: 'a V2-encoded update',
    code: CLOSE.malformed,
    send: (peer) => peer.send(encodeUpdate(paragraphUpdateV2('Im Format V2'))),
  },
  { what: 'a text frame', code: CLOSE.malformed, send: (peer) => peer.send('hallo') },
  {
    what: 'a frame beyond maxFrameBytes',
    code: CLOSE.frameTooLarge,
    send: (peer) => peer.send(encodeUpdate(paragraphUpdate('x'.repeat(MAX_FRAME_BYTES + 1024)))),
  },
  {
    what: 'a flood of messages beyond the rate limit',
    code: CLOSE.rateLimited,
    send: (peer) => {
      const frame = encodeSyncStep1(Uint8Array.of(0));
      for (let i = 0; i < MESSAGE_BURST * 3; i += 1) {
        peer.send(frame);
      }
    },
  },
  {
    what: 'an update that would grow the document beyond maxDocumentBytes',
    code: CLOSE.documentTooLarge,
    send: (peer) => peer.send(encodeUpdate(paragraphUpdate('Zu groß '.repeat(MAX_DOCUMENT_BYTES / 8 + 100)))),
  },
];

describe('live collaboration under hostile clients', () => {
  let app: TestApp;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const clients: CollabClient[] = [];
  const peers: RawPeer[] = [];

  beforeAll(async () => {
    app = await startTestApp({
      loginRateLimitPerIp: 100_000,
      invitationRateLimitPerHour: 100_000,
      collab: {
        ...DEFAULT_COLLAB_LIMITS,
        maxFrameBytes: MAX_FRAME_BYTES,
        maxDocumentBytes: MAX_DOCUMENT_BYTES,
        messagesPerSecond: 50,
        messageBurst: MESSAGE_BURST,
        unloadAfterMs: 200,
      },
    });
    team = await createTeam(app);
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
    peers.splice(0).forEach((peer) => peer.destroy());
  });
  afterAll(async () => {
    await app.close();
  });

  const contentPath = (sectionId: string) => `/api/projects/${team.project.id}/sections/${sectionId}/content`;

  async function storedText(sectionId: string): Promise<string> {
    const res = await team.lead.client.get<SectionContent>(contentPath(sectionId));
    expect(res.status).toBe(200);
    return res.body.text;
  }

  function client(sectionId: string, person = team.lead): CollabClient {
    const opened = connectCollab(app.origin, person, sectionId);
    clients.push(opened);
    return opened;
  }

  /** A section the lead and the (assigned) author are editing together. */
  async function sharedRoom(): Promise<{ sectionId: string; lead: CollabClient; author: CollabClient }> {
    const { id: sectionId } = await createSection(team.lead, team.project.id);
    const res = await team.lead.client.patch(`/api/projects/${team.project.id}/sections/${sectionId}`, {
      assigneeIds: [team.author.user.id],
    });
    expect(res.status).toBe(200);
    const lead = client(sectionId);
    const author = client(sectionId, team.author);
    await Promise.all([synced(lead), synced(author)]);
    lead.type('Vorher');
    await eventually(() => author.text() === 'Vorher', 'the author to see the lead');
    return { sectionId, lead, author };
  }

  it.each(HOSTILE)(
    'closes a connection that sends $what with close code $code; the room and the server keep working',
    async (hostile) => {
      const { sectionId, lead, author } = await sharedRoom();
      const sockets = [lead.provider.ws, author.provider.ws];
      const offender = await openPeer(app.origin, team.lead, sectionId);
      peers.push(offender);

      hostile.send(offender);
      const { code } = await offender.closed();
      expect(code).toBe(hostile.code);

      author.type(' und nachher', 6);
      lead.type('Ganz ', 0);
      const expected = 'Ganz Vorher und nachher';
      await eventually(
        () => lead.text() === expected && author.text() === expected,
        'the others to converge',
      );
      await eventually(
        async () => (await storedText(sectionId)) === expected,
        'the server to store the text',
      );
      expect([lead.provider.ws, author.provider.ws]).toEqual(sockets);
      expect(sockets.every((ws) => ws?.readyState === WebSocket.OPEN)).toBe(true);

      const late = await openPeer(app.origin, team.reader, sectionId);
      peers.push(late);
      expect(late.text()).toBe(expected);
      expect(late.unreadable).toEqual([]);
      const health = await new HttpClient(app.origin).get('/api/health');
      expect(health.status).toBe(200);
    },
  );

  it('compacts and unloads rooms everybody left, not one that still has a client: the log is folded into a snapshot holding the text', async () => {
    const sections = await Promise.all(
      Array.from({ length: 16 }, () => createSection(team.lead, team.project.id)),
    );
    const ids = sections.map((section) => section.id);
    const editors = ids.map((id) => client(id));
    await Promise.all(editors.map((editor) => synced(editor)));
    editors.forEach((editor, i) => {
      editor.type(`Raum ${i}: `);
      editor.type('fertig', `Raum ${i}: `.length);
    });
    await eventually(
      async () =>
        (await Promise.all(ids.map((id) => storedRows(app.db, id)))).every((rows) => rows.updates > 0),
      'every room to store its updates',
    );
    // Nothing compacted yet: far fewer updates than the compaction bound, and everybody is still there.
    for (const id of ids) {
      expect((await storedRows(app.db, id)).documents).toBe(0);
    }

    const [stays, ...leave] = ids;
    const [staying, ...leaving] = editors;
    leaving.forEach((editor) => editor.destroy());
    const compacted = async (sectionIds: string[]) =>
      (
        await app.db.query<{ section_id: string; text: string }>(
          `SELECT d.section_id, d.text FROM section_documents d
            WHERE d.section_id = ANY($1::uuid[])
              AND NOT EXISTS (SELECT 1 FROM section_updates u WHERE u.section_id = d.section_id)`,
          [sectionIds],
        )
      ).rows;
    await eventually(
      async () => (await compacted(leave)).length === leave.length,
      'every room left to be compacted on unload',
      10_000,
    );
    const texts = new Map((await compacted(leave)).map((row) => [row.section_id, row.text]));
    expect(leave.map((id) => texts.get(id))).toEqual(leave.map((_id, i) => `Raum ${i + 1}: fertig`));
    expect(await storedRows(app.db, stays)).toEqual({ updates: expect.any(Number) as number, documents: 0 });
    expect((await storedRows(app.db, stays)).updates).toBeGreaterThan(0);

    staying.destroy();
    await eventually(
      async () => (await compacted([stays])).length === 1,
      'the last room to be compacted',
      10_000,
    );
    expect((await compacted([stays]))[0]?.text).toBe('Raum 0: fertig');

    // A room loaded again from its snapshot serves the same text.
    const again = await openPeer(app.origin, team.reader, leave[2]);
    peers.push(again);
    expect(again.text()).toBe('Raum 3: fertig');
  });
});
