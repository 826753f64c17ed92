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
});
