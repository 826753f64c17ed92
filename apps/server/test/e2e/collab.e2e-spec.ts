import type { SectionContent } from '@kapitel/editor';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import { createParticipant, createSection, createTeam } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';

describe('live co-editing', () => {
  let app: TestApp;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
  });
  afterAll(async () => {
    await app.close();
  });

  function open(...args: Parameters<typeof connectCollab> extends [string, ...infer Rest] ? Rest : never): CollabClient {
    const client = connectCollab(app.origin, ...args);
    clients.push(client);
    return client;
  }

  it('lets two assigned authors type into one section and converge, stored on the server', async () => {
    const { lead, project, author } = await createTeam(app);
    const second = await createParticipant(app, lead, project.id, 'author');
    const section = await createSection(lead, project.id, { title: 'Fallbeispiele' });
    await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, {
      assigneeIds: [author.user.id, second.user.id],
    });
    const a = open(author, section.id);
    const b = open(second, section.id);
    await Promise.all([synced(a), synced(b)]);
    a.type('Hallo ');
    await eventually(() => b.text() === 'Hallo ', 'b to see a');
    b.type('Welt', 6);
    await eventually(() => a.text() === 'Hallo Welt', 'a to see b');
    await eventually(async () => {
      const res = await lead.client.get<SectionContent>(`/api/projects/${project.id}/sections/${section.id}/content`);
      return res.body.text === 'Hallo Welt';
    }, 'the server content');
    const rows = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM section_updates WHERE section_id = $1', [section.id]);
    expect(rows.rows[0]?.n).toBeGreaterThan(0);
  });

  it('fetches edits made while read-only once the author may write again, so nobody drifts apart', async () => {
    const { lead, project, author } = await createTeam(app);
    const section = await createSection(lead, project.id, { title: 'Stufenweises Vorgehen' });
    const path = `/api/projects/${project.id}/sections/${section.id}`;
    await lead.client.patch(path, { assigneeIds: [author.user.id] });
    const writer = open(author, section.id);
    const watcher = open(lead, section.id);
    await Promise.all([synced(writer), synced(watcher)]);
    writer.type('eins');
    await eventually(() => watcher.text() === 'eins', 'the first edit to arrive');
    await lead.client.post(`${path}/transitions`, { action: 'submit' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.type(' zwei', 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watcher.text()).toBe('eins');
    await lead.client.post(`${path}/transitions`, { action: 'request_changes', note: 'Bitte ergänzen' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.type(' drei', 9);
    await eventually(() => watcher.text() === 'eins zwei drei', 'the watcher to get every edit');
    await eventually(async () => {
      const res = await lead.client.get<SectionContent>(`${path}/content`);
      return res.body.text === 'eins zwei drei';
    }, 'the server to store every edit');
  });
});
