import { eventually } from '../collab-client.js';
import { openEventStream, settledStream, type EventStreamClient } from '../event-stream.js';
import { createSection, createTeam, registerUser } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';

describe('project event stream', () => {
  let app: TestApp;
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterEach(() => {
    streams.splice(0).forEach((stream) => stream.close());
  });
  afterAll(async () => {
    await app.close();
  });

  async function open(
    ...args: Parameters<typeof openEventStream> extends [string, ...infer Rest] ? Rest : never
  ) {
    const stream = await openEventStream(app.origin, ...args);
    streams.push(stream);
    return stream;
  }

  it('tells every member of outline changes, transitions, member and project changes', async () => {
    const { lead, author, reader, project } = await createTeam(app);
    const stream = await open(reader, project.id);
    expect(stream.status).toBe(200);
    const seen = await settledStream(stream, lead, project.id);
    const section = await createSection(lead, project.id, { title: 'Einleitung' });
    await lead.client.post(`/api/projects/${project.id}/sections/${section.id}/transitions`, {
      action: 'submit',
    });
    await lead.client.patch(`/api/projects/${project.id}/members/${author.user.id}`, { role: 'reviewer' });
    await lead.client.patch(`/api/projects/${project.id}`, { title: 'Neuer Titel' });
    const expected = [
      { projectId: project.id, topic: 'outline', sectionId: section.id },
      { projectId: project.id, topic: 'section', sectionId: section.id },
      { projectId: project.id, topic: 'members', userId: author.user.id },
      { projectId: project.id, topic: 'project' },
    ];
    const changes = () => stream.events.slice(seen).filter((e) => e.event === 'change');
    await eventually(() => changes().length >= 4, 'four changes', 5000);
    expect(changes().map((e) => e.data)).toEqual(expected);
  });

  it('ends the stream of a member who is removed, after telling them', async () => {
    const { lead, author, project } = await createTeam(app);
    const stream = await open(author, project.id);
    const seen = await settledStream(stream, lead, project.id);
    await lead.client.delete(`/api/projects/${project.id}/members/${author.user.id}`);
    await stream.ended;
    expect(stream.events.slice(seen).map((e) => e.event)).toEqual(['revoked']);
  });

  it('answers 401 without a session and 404 to a non-member', async () => {
    const { project } = await createTeam(app);
    expect((await open(null, project.id)).status).toBe(401);
    expect((await open(await registerUser(app), project.id)).status).toBe(404);
  });
});
