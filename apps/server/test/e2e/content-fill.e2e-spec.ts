import type { ErrorBody } from '@kapitel/domain';
import type { SectionContent } from '@kapitel/editor';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import { createSection, createTeam, registerUser, type Person } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { doc, heading, paragraph, setContent, text } from './export-support.js';

/**
 * Filling an empty section with a text (`POST …/sections/:id/content`, docs/import.md): what
 * the outline made from a document puts into each new section. One edit through the room,
 * only into an empty section, for whoever may write the text.
 */
describe('filling an empty section', () => {
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

  async function setUp() {
    const team = await createTeam(app);
    const section = await createSection(team.lead, team.project.id, { title: 'Einleitung' });
    const path = `/api/projects/${team.project.id}/sections/${section.id}/content`;
    return { ...team, section, path };
  }

  const chapter = doc(heading(2, 'Ziele'), paragraph(text('Offene Standards für alle Kommunen.')));
  const fill = (person: Person, path: string, body: unknown) => person.client.post<ErrorBody>(path, body);
  const contentOf = async (person: Person, path: string) => (await person.client.get<SectionContent>(path)).body;

  it('puts the text into an empty section as one edit that an open editor receives live, and audits it', async () => {
    const { lead, project, section, path } = await setUp();
    const watcher = connectCollab(app.origin, lead, section.id);
    clients.push(watcher);
    await synced(watcher);

    const res = await fill(lead, path, { json: chapter });

    expect(res.status).toBe(204);
    await eventually(() => watcher.text().includes('Offene Standards für alle Kommunen.'), 'the text in the open editor');
    expect(await contentOf(lead, path)).toMatchObject({
      html: '<h2>Ziele</h2><p>Offene Standards für alle Kommunen.</p>',
      text: 'Ziele\n\nOffene Standards für alle Kommunen.',
    });
    const audit = await app.db.query<{ actor_id: string; project_id: string; data: Record<string, unknown> }>(
      `SELECT actor_id, project_id, data FROM audit_events WHERE action = 'section.content_filled' AND target_id = $1`,
      [section.id],
    );
    expect(audit.rows).toEqual([{ actor_id: lead.user.id, project_id: project.id, data: { characters: 42 } }]);
  });

  it('refuses a section that has text: nothing is replaced', async () => {
    const { lead, section, path } = await setUp();
    await setContent(app, section.id, doc(paragraph(text('Schon geschrieben.'))));

    const res = await fill(lead, path, { json: chapter });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect((await contentOf(lead, path)).text).toBe('Schon geschrieben.');
  });

  it('names what is wrong with a body that is no document of the editor schema', async () => {
    const { lead, path } = await setUp();
    for (const body of [{}, { json: 'Text' }, { json: { type: 'doc', content: [{ type: 'video' }] } }, { json: { type: 'paragraph' } }]) {
      const res = await fill(lead, path, body);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION']);
      expect(res.body.error.message + JSON.stringify(res.body.error.details ?? [])).toContain('json');
    }
    expect((await contentOf(lead, path)).text).toBe('');
  });

  it('fills a section once when several fill it at the same moment', async () => {
    const { lead, path } = await setUp();
    const answers = await Promise.all(
      [1, 2, 3, 4].map((n) => fill(lead, path, { json: doc(paragraph(text(`Fassung ${String(n)}`))) })),
    );
    expect(answers.map((res) => res.status).sort()).toEqual([204, 409, 409, 409]);
    expect((await contentOf(lead, path)).text).toMatch(/^Fassung \d$/);
  });

  it('refuses images that are not the project’s own uploads, and headings outside the section’s levels', async () => {
    const { lead, project, path } = await setUp();
    const other = await createTeam(app);
    const image = (src: string) => doc({ type: 'image', attrs: { src, alt: 'Bild' } });
    for (const json of [
      image('data:image/png;base64,iVBORw0KGgo='),
      image('https://example.org/bild.png'),
      image(`/api/projects/${other.project.id}/images/0b7d8a44-9f1e-4c55-8b8e-4f2a1d3c5e6f`),
      doc(heading(1, 'Zu hoch')),
    ]) {
      const res = await fill(lead, path, { json });
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION']);
      expect(res.body.error.message + JSON.stringify(res.body.error.details ?? [])).toMatch(/json has (an image|a heading)/);
    }
    const own = await fill(lead, path, { json: image(`/api/projects/${project.id}/images/0b7d8a44-9f1e-4c55-8b8e-4f2a1d3c5e6f`) });
    expect(own.status).toBe(204);
  });

  it('answers 403 to a reviewer and a reader, 409 while the section is in review, 404 to a non-member', async () => {
    const { lead, author, reviewer, reader, project, section, path } = await setUp();
    expect((await fill(reviewer, path, { json: chapter })).status).toBe(403);
    expect((await fill(reader, path, { json: chapter })).status).toBe(403);
    // An author not assigned to the section may not write it either.
    expect((await fill(author, path, { json: chapter })).status).toBe(403);
    expect((await fill(await registerUser(app), path, { json: chapter })).status).toBe(404);

    const submitted = await lead.client.post(`/api/projects/${project.id}/sections/${section.id}/transitions`, { action: 'submit' });
    expect(submitted.status).toBe(200);
    const inReview = await fill(lead, path, { json: chapter });
    expect([inReview.status, inReview.body.error.code]).toEqual([409, 'NOT_EDITABLE']);
    expect((await contentOf(lead, path)).text).toBe('');
  });
});
