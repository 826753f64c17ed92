import { CLOSE, encodeUpdate } from '@kapitel/collab';
import type { SectionContent } from '@kapitel/editor';
import { WebSocket } from 'ws';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import { collabUrl, openPeer, paragraphUpdate, upgradeAnswer, upgradeHeaders, type RawPeer } from '../collab-frames.js';
import { createSection, createTeam, registerUser, type Person } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * A section moved to the trash is gone for its live connections, not forbidden: they close
 * with 4410, which tells the editors to wait for a restore instead of saying that the access
 * ended; once restored, the section opens again as before.
 */
describe('live collaboration with a section in the trash', () => {
  let app: TestApp;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const peers: RawPeer[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
    team = await createTeam(app);
  });
  afterEach(() => {
    peers.splice(0).forEach((peer) => peer.destroy());
    clients.splice(0).forEach((client) => client.destroy());
  });
  afterAll(async () => {
    await app.close();
  });

  const base = (sectionId: string) => `/api/projects/${team.project.id}/sections/${sectionId}`;

  async function peer(person: Person, sectionId: string): Promise<RawPeer> {
    const opened = await openPeer(app.origin, person, sectionId);
    peers.push(opened);
    return opened;
  }

  async function trash(sectionId: string): Promise<void> {
    expect((await team.lead.client.delete(base(sectionId))).status).toBe(204);
  }

  async function restore(sectionId: string): Promise<void> {
    expect((await team.lead.client.post(`${base(sectionId)}/restore`)).status).toBe(200);
  }

  /** Opens a WebSocket as `person` and waits for the server to close it: the code, and how many frames came first. */
  function closedAtOnce(person: Person, sectionId: string): Promise<{ code: number; reason: string; frames: number }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(collabUrl(app.origin, sectionId), { headers: upgradeHeaders(app.origin, person) });
      let frames = 0;
      ws.on('message', () => {
        frames += 1;
      });
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString('utf8'), frames });
      });
      ws.on('unexpected-response', (_request, response) => {
        reject(new Error(`the upgrade was refused with ${String(response.statusCode)}`));
      });
      ws.on('error', reject);
    });
  }

  it('closes every open connection with 4410, the lead’s who deleted it included, and those of its sub-sections', async () => {
    const chapter = await createSection(team.lead, team.project.id);
    const subsection = await createSection(team.lead, team.project.id, { parentId: chapter.id });
    const connections = [
      await peer(team.reader, chapter.id),
      await peer(team.lead, chapter.id),
      await peer(team.author, subsection.id),
    ];

    await trash(chapter.id);

    for (const connection of connections) {
      expect(await connection.closed()).toEqual({ code: CLOSE.gone, reason: 'the section was moved to the trash' });
    }
  });

  it('tells a member who connects to a section in the trash so with 4410, before sending any of its text', async () => {
    const section = await createSection(team.lead, team.project.id);
    const writer = await peer(team.lead, section.id);
    writer.send(encodeUpdate(paragraphUpdate('Vertraulich im Papierkorb')));
    await writer.roundTrip();
    await trash(section.id);

    for (const member of [team.author, team.reader, team.lead]) {
      expect(await closedAtOnce(member, section.id)).toEqual({
        code: CLOSE.gone,
        reason: 'the section is in the trash',
        frames: 0,
      });
    }
  });

  it('refuses someone outside the project as for any other section, so that the trash does not show', async () => {
    const section = await createSection(team.lead, team.project.id);
    await trash(section.id);
    const outsider = await registerUser(app);
    expect((await upgradeAnswer(collabUrl(app.origin, section.id), upgradeHeaders(app.origin, outsider))).status).toBe(403);
  });

  it('opens the section again once it is restored, with its text and the right to write', async () => {
    const chapter = await createSection(team.lead, team.project.id);
    const subsection = await createSection(team.lead, team.project.id, { parentId: chapter.id });
    const before = connectCollab(app.origin, team.lead, subsection.id);
    clients.push(before);
    await synced(before);
    before.type('Vor dem Löschen.');
    await eventually(async () => (await content(subsection.id)).text === 'Vor dem Löschen.', 'the text to be stored');
    before.destroy();
    await trash(chapter.id);
    expect((await closedAtOnce(team.lead, subsection.id)).code).toBe(CLOSE.gone);

    await restore(chapter.id);

    const after = connectCollab(app.origin, team.lead, subsection.id);
    clients.push(after);
    await synced(after);
    expect(after.text()).toBe('Vor dem Löschen.');
    after.type(' Und danach.', 'Vor dem Löschen.'.length);
    await eventually(
      async () => (await content(subsection.id)).text === 'Vor dem Löschen. Und danach.',
      'the new text to be stored',
    );
  });

  async function content(sectionId: string): Promise<SectionContent> {
    const res = await team.lead.client.get<SectionContent>(`${base(sectionId)}/content`);
    expect(res.status).toBe(200);
    return res.body;
  }
});
