import { randomUUID } from 'node:crypto';
import { encodeSyncStep2, encodeUpdate } from '@kapitel/collab';
import type { SectionContent } from '@kapitel/editor';
import * as Y from 'yjs';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import {
  awarenessFrame,
  collabUrl,
  deleteAllUpdate,
  identityOf,
  openPeer,
  paragraphUpdate,
  pause,
  rejectedWriteAudits,
  storedRows,
  storedRowsWith,
  upgradeAnswer,
  upgradeHeaders,
  type RawPeer,
} from '../collab-frames.js';
import { createParticipant, createSection, createTeam, registerUser, type Person } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * Who may open a section's live document, who may change it, and who others see: the
 * upgrade checks, the write check on every update and sync-step-2 message, permission
 * changes reaching open sockets, and the server-stamped identity in presence.
 */
describe('live collaboration: access, write checks and identity', () => {
  let app: TestApp;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const clients: CollabClient[] = [];
  const peers: RawPeer[] = [];

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
    team = await createTeam(app);
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
    peers.splice(0).forEach((peer) => peer.destroy());
  });
  afterAll(async () => {
    await app.close();
  });

  const base = (sectionId: string) => `/api/projects/${team.project.id}/sections/${sectionId}`;

  function client(person: Person, sectionId: string): CollabClient {
    const opened = connectCollab(app.origin, person, sectionId);
    clients.push(opened);
    return opened;
  }

  async function peer(person: Person, sectionId: string): Promise<RawPeer> {
    const opened = await openPeer(app.origin, person, sectionId);
    peers.push(opened);
    return opened;
  }

  async function content(sectionId: string, person: Person = team.lead): Promise<SectionContent> {
    const res = await person.client.get<SectionContent>(`${base(sectionId)}/content`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function assign(sectionId: string, ...people: Person[]): Promise<void> {
    const res = await team.lead.client.patch(base(sectionId), { assigneeIds: people.map((p) => p.user.id) });
    expect(res.status).toBe(200);
  }

  async function transition(sectionId: string, action: string): Promise<void> {
    const res = await team.lead.client.post(`${base(sectionId)}/transitions`, { action });
    expect(res.status).toBe(200);
  }

  describe('the upgrade request', () => {
    let sectionId: string;
    beforeAll(async () => {
      sectionId = (await createSection(team.lead, team.project.id)).id;
    });

    const answer = (headers: Record<string, string>, id = sectionId) =>
      upgradeAnswer(collabUrl(app.origin, id), headers);

    it('opens a WebSocket (101) for a member with the session cookie and the app Origin', async () => {
      expect((await answer(upgradeHeaders(app.origin, team.reader))).status).toBe(101);
    });

    it('answers 401 and opens no WebSocket without a session cookie', async () => {
      const res = await answer({ origin: app.origin });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    });

    it('answers 401 to a cookie whose session was logged out, and to a made-up cookie', async () => {
      const member = await createParticipant(app, team.lead, team.project.id, 'reader');
      const cookie = member.client.cookie ?? '';
      expect((await answer({ origin: app.origin, cookie })).status).toBe(101);
      expect((await member.client.post('/api/auth/logout')).status).toBeLessThan(300);
      expect((await answer({ origin: app.origin, cookie })).status).toBe(401);
      expect((await answer({ origin: app.origin, cookie: 'kapitel_session=erfunden' })).status).toBe(401);
    });

    it('answers 403 to a request from a foreign Origin, even with a valid cookie', async () => {
      const res = await answer({ ...upgradeHeaders(app.origin, team.lead), origin: 'https://evil.example' });
      expect(res.status).toBe(403);
    });

    it('answers 403 to a request without an Origin', async () => {
      expect((await answer({ cookie: team.lead.client.cookie ?? '' })).status).toBe(403);
    });

    it('answers 403 to a logged-in user who is not a member of the project', async () => {
      const outsider = await registerUser(app);
      expect((await answer(upgradeHeaders(app.origin, outsider))).status).toBe(403);
    });

    it('answers 403 for a section that does not exist', async () => {
      expect((await answer(upgradeHeaders(app.origin, team.lead), randomUUID())).status).toBe(403);
    });

    it('answers 400 for a section id that is not a UUID', async () => {
      expect((await answer(upgradeHeaders(app.origin, team.lead), 'kapitel-1')).status).toBe(400);
    });

    // A section in the trash: collab-trash.e2e-spec.ts.
  });

  describe.each([
    ['a reader', 'reader'],
    ['a reviewer', 'reviewer'],
    ['an author who is not assigned', 'author'],
  ] as const)('write checks for %s', (_label, role) => {
    it('discards its update and sync-step-2 messages (insertions and deletions): not applied, not stored, not relayed, and audited', async () => {
      const offender = team[role];
      const section = await createSection(team.lead, team.project.id);
      const writer = client(team.lead, section.id);
      await synced(writer);
      writer.type('Grundtext');
      await eventually(
        async () => (await content(section.id)).text === 'Grundtext',
        'the writer text to be stored',
      );
      const observer = await peer(team.lead, section.id);
      expect(observer.text()).toBe('Grundtext');
      const before = await storedRows(app.db, section.id);

      const viaUpdate = `Update-${randomUUID().slice(0, 8)}`;
      const viaStep2 = `Schritt2-${randomUUID().slice(0, 8)}`;
      const hostile = await peer(offender, section.id);
      hostile.send(encodeUpdate(paragraphUpdate(viaUpdate)));
      hostile.send(encodeSyncStep2(paragraphUpdate(viaStep2)));
      hostile.send(encodeUpdate(deleteAllUpdate(Y.encodeStateAsUpdate(hostile.doc))));
      await hostile.roundTrip();
      await eventually(
        async () => (await rejectedWriteAudits(app.db, offender.user.id, section.id)) > 0,
        'the audit row',
      );
      await pause(300);
      expect(await storedRows(app.db, section.id)).toEqual(before);

      // A later edit by the writer is a barrier: anything accepted before it would arrive first.
      writer.type(' weiter', 9);
      await eventually(() => observer.text() === 'Grundtext weiter', 'the observer to see the writer');
      await eventually(
        async () => (await content(section.id)).text === 'Grundtext weiter',
        'the stored text',
      );
      const late = await peer(team.reviewer, section.id);
      for (const marker of [viaUpdate, viaStep2]) {
        expect(observer.received(marker)).toBe(false);
        expect(late.received(marker)).toBe(false);
        expect(writer.text()).not.toContain(marker);
        expect(await storedRowsWith(app.db, section.id, marker)).toBe(0);
      }
      expect(late.text()).toBe('Grundtext weiter');
      expect(await rejectedWriteAudits(app.db, offender.user.id, section.id)).toBe(1);
    });
  });

  describe('permission changes on open connections', () => {
    /** Sends an update from `from` and checks that it reached neither the observer nor the store, and the socket stayed open. */
    async function expectDiscarded(from: RawPeer, observer: RawPeer, sectionId: string): Promise<void> {
      const marker = `Gesperrt-${randomUUID().slice(0, 8)}`;
      from.send(encodeUpdate(paragraphUpdate(marker)));
      await from.roundTrip();
      await pause(300);
      expect(from.open).toBe(true);
      expect(observer.received(marker)).toBe(false);
      expect(await storedRowsWith(app.db, sectionId, marker)).toBe(0);
      expect((await content(sectionId)).text).not.toContain(marker);
    }

    async function expectAccepted(from: RawPeer, observer: RawPeer, sectionId: string): Promise<void> {
      const marker = `Frei-${randomUUID().slice(0, 8)}`;
      from.send(encodeUpdate(paragraphUpdate(marker)));
      await eventually(() => observer.text().includes(marker), 'the observer to receive the update');
      expect((await content(sectionId)).text).toContain(marker);
      expect(from.open).toBe(true);
    }

    it('makes an assigned author read-only within a second of approval, audits the refused write, and writable again within a second of reopen', async () => {
      const section = await createSection(team.lead, team.project.id);
      await assign(section.id, team.author);
      const author = await peer(team.author, section.id);
      const observer = await peer(team.reader, section.id);
      await expectAccepted(author, observer, section.id);

      await transition(section.id, 'submit');
      await transition(section.id, 'approve');
      await pause(1000);
      await expectDiscarded(author, observer, section.id);
      expect(await rejectedWriteAudits(app.db, team.author.user.id, section.id)).toBe(1);

      await transition(section.id, 'reopen');
      await pause(1000);
      await expectAccepted(author, observer, section.id);
    });

    it('makes an assigned author read-only within a second of submitting, and writable again within a second of withdrawing', async () => {
      const section = await createSection(team.lead, team.project.id);
      await assign(section.id, team.author);
      const author = await peer(team.author, section.id);
      const observer = await peer(team.reader, section.id);
      const step = (action: string) => team.author.client.post(`${base(section.id)}/transitions`, { action });

      expect((await step('submit')).status).toBe(200);
      await pause(1000);
      await expectDiscarded(author, observer, section.id);
      expect((await step('withdraw')).status).toBe(200);
      await pause(1000);
      await expectAccepted(author, observer, section.id);
    });

    it('closes the connection of a removed member with 4403 within a second, and refuses a new one with 403', async () => {
      const author = await createParticipant(app, team.lead, team.project.id, 'author');
      const section = await createSection(team.lead, team.project.id);
      await assign(section.id, author);
      const connection = await peer(author, section.id);
      const res = await team.lead.client.delete(`/api/projects/${team.project.id}/members/${author.user.id}`);
      expect(res.status).toBe(204);
      const removedAt = Date.now();
      const { code } = await connection.closed();
      expect(code).toBe(4403);
      expect(Date.now() - removedAt).toBeLessThanOrEqual(1000);
      const again = await upgradeAnswer(
        collabUrl(app.origin, section.id),
        upgradeHeaders(app.origin, author),
      );
      expect(again.status).toBe(403);
    });

    it('makes an author who is unassigned from the section read-only within a second', async () => {
      const section = await createSection(team.lead, team.project.id);
      await assign(section.id, team.author);
      const author = await peer(team.author, section.id);
      const observer = await peer(team.reviewer, section.id);
      await expectAccepted(author, observer, section.id);
      await assign(section.id);
      await pause(1000);
      await expectDiscarded(author, observer, section.id);
    });

    it('makes an author whose role becomes reader read-only within a second, keeping the connection open', async () => {
      const author = await createParticipant(app, team.lead, team.project.id, 'author');
      const section = await createSection(team.lead, team.project.id);
      await assign(section.id, author);
      const connection = await peer(author, section.id);
      const observer = await peer(team.lead, section.id);
      await expectAccepted(connection, observer, section.id);

      const res = await team.lead.client.patch(`/api/projects/${team.project.id}/members/${author.user.id}`, {
        role: 'reader',
      });
      expect(res.status).toBe(200);
      await pause(1000);
      await expectDiscarded(connection, observer, section.id);
      expect(await rejectedWriteAudits(app.db, author.user.id, section.id)).toBe(1);
    });
  });

  describe('presence', () => {
    it('shows a client that claims another user name and id with its own server-stamped identity', async () => {
      const section = await createSection(team.lead, team.project.id);
      const impostor = client(team.author, section.id);
      const watcher = client(team.reviewer, section.id);
      await Promise.all([synced(impostor), synced(watcher)]);
      const forged = { id: team.lead.user.id, name: team.lead.user.name, color: '#000000' };
      impostor.provider.awareness.setLocalState({ user: forged, cursor: 'hier' });

      const own = identityOf(team.author);
      const seen = () => watcher.provider.awareness.getStates().get(impostor.doc.clientID);
      await eventually(() => seen()?.cursor === 'hier', 'the watcher to see the impostor');
      expect(seen()?.user).toMatchObject(own);
      expect(own.color).toMatch(/^#[0-9a-f]{6}$/);

      const late = await peer(team.reader, section.id);
      expect(late.presenceOf(impostor.doc.clientID)?.state).toMatchObject({ user: own, cursor: 'hier' });
    });

    it('stamps exactly id, name and colour into the presence user, nothing else the server knows about the connection', async () => {
      const section = await createSection(team.lead, team.project.id);
      const reader = client(team.reader, section.id);
      await synced(reader);
      reader.provider.awareness.setLocalState({ cursor: 'da' });
      const watcher = await peer(team.lead, section.id);
      await eventually(
        () => watcher.presenceOf(reader.doc.clientID)?.state?.cursor === 'da',
        'the watcher to see the reader',
      );
      expect(watcher.presenceOf(reader.doc.clientID)?.state?.user).toEqual(identityOf(team.reader));
    });

    it('ignores a client that sends presence for (or removes) a Yjs client id another connection introduced', async () => {
      const section = await createSection(team.lead, team.project.id);
      const victim = client(team.reviewer, section.id);
      await synced(victim);
      victim.provider.awareness.setLocalState({ cursor: 'Opfer' });
      const watcher = await peer(team.lead, section.id);
      const victimId = victim.doc.clientID;
      await eventually(
        () => watcher.presenceOf(victimId)?.state?.cursor === 'Opfer',
        'the watcher to see the victim',
      );

      const attacker = await peer(team.author, section.id);
      attacker.send(awarenessFrame(victimId, 1000, { cursor: 'gekapert', user: { name: 'Gekapert' } }));
      attacker.send(awarenessFrame(victimId, 1001, null));
      const table = await attacker.roundTrip();
      const reviewer = identityOf(team.reviewer);
      expect(table.find((entry) => entry.clientId === victimId)?.state).toMatchObject({
        cursor: 'Opfer',
        user: reviewer,
      });

      // The victim's next change is a barrier: the attacker's entries would have been fanned out before it.
      victim.provider.awareness.setLocalStateField('cursor', 'Opfer 2');
      await eventually(() => watcher.presenceOf(victimId)?.state?.cursor === 'Opfer 2', 'the victim change');
      const forVictim = watcher.presence.filter((entry) => entry.clientId === victimId);
      expect(forVictim.length).toBeGreaterThan(1);
      for (const entry of forVictim) {
        expect(entry.state).toMatchObject({ user: reviewer });
        expect(entry.state?.cursor).not.toBe('gekapert');
      }
      expect(victim.provider.awareness.getLocalState()).toMatchObject({ cursor: 'Opfer 2' });
    });
  });

  describe('GET .../content', () => {
    it('gives every member {json, html, text}, a non-member 404 and an anonymous caller 401', async () => {
      const section = await createSection(team.lead, team.project.id);
      const writer = client(team.lead, section.id);
      await synced(writer);
      writer.type('Zusammenfassung');
      await eventually(
        async () => (await content(section.id)).text === 'Zusammenfassung',
        'the text to be stored',
      );

      for (const member of [team.lead, team.author, team.reviewer, team.reader]) {
        const body = await content(section.id, member);
        expect(body.text).toBe('Zusammenfassung');
        expect(body.html).toBe('<p>Zusammenfassung</p>');
        expect(body.json).toEqual({
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zusammenfassung' }] }],
        });
      }
      const outsider = await registerUser(app);
      expect((await outsider.client.get(`${base(section.id)}/content`)).status).toBe(404);
      expect((await new HttpClient(app.origin).get(`${base(section.id)}/content`)).status).toBe(401);
    });

    it('stores the approved text as a version in section_versions when the lead approves', async () => {
      const section = await createSection(team.lead, team.project.id);
      const writer = client(team.lead, section.id);
      await synced(writer);
      writer.type('Freigegebener Text');
      await eventually(
        async () => (await content(section.id)).text === 'Freigegebener Text',
        'the text to be stored',
      );
      await transition(section.id, 'submit');
      await transition(section.id, 'approve');
      const { rows } = await app.db.query<{ kind: string; text: string; created_by: string }>(
        'SELECT kind, text, created_by FROM section_versions WHERE section_id = $1',
        [section.id],
      );
      expect(rows).toEqual([{ kind: 'approval', text: 'Freigegebener Text', created_by: team.lead.user.id }]);
    });
  });
});
