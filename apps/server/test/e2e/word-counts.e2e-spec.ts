import type { ErrorBody, Section, SectionResponse, WordCountsResponse } from '@kapitel/domain';
import type { SectionContent } from '@kapitel/editor';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import { expectError } from '../expect-error.js';
import { createSection, registerUser, type Person } from '../factories.js';
import type { Answer } from '../http-client.js';
import { reviewTeam } from '../review-team.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * A section's length (docs/outline.md, "Length"): the lead sets a target in words, and every
 * member reads how many words each section's current text holds, counted by one rule.
 */
describe('section length', () => {
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

  function setTarget(
    person: Person,
    section: Section,
    targetWords: unknown,
  ): Promise<Answer<SectionResponse & ErrorBody>> {
    return person.client.patch<SectionResponse & ErrorBody>(
      `/api/projects/${section.projectId}/sections/${section.id}`,
      {
        targetWords,
      },
    );
  }

  async function wordCounts(person: Person, projectId: string): Promise<Map<string, number>> {
    const res = await person.client.get<WordCountsResponse>(`/api/projects/${projectId}/word-counts`);
    expect(res.status).toBe(200);
    return new Map(res.body.counts.map((row) => [row.sectionId, row.words]));
  }

  it('lets the lead set, change and clear a target in words, audited with the other settings', async () => {
    const { lead, author, section } = await reviewTeam(app);
    const set = await setTarget(lead, section, 1500);
    expect(set.status).toBe(200);
    expect(set.body.section.targetWords).toBe(1500);
    expect((await setTarget(lead, section, 2000)).body.section.targetWords).toBe(2000);
    expect((await setTarget(lead, section, null)).body.section.targetWords).toBeNull();
    // Leaving it out leaves it as it is.
    await setTarget(lead, section, 800);
    const renamed = await lead.client.patch<SectionResponse>(
      `/api/projects/${section.projectId}/sections/${section.id}`,
      {
        title: 'Neuer Titel',
      },
    );
    expect(renamed.body.section.targetWords).toBe(800);

    const audit = await app.db.query<{
      data: { before: Record<string, unknown>; after: Record<string, unknown> };
    }>(`SELECT data FROM audit_events WHERE action = 'section.updated' AND target_id = $1 ORDER BY id`, [
      section.id,
    ]);
    const targets = audit.rows.filter((row) => 'targetWords' in row.data.after);
    expect(targets.map((row) => [row.data.before, row.data.after])).toEqual([
      [{ targetWords: null }, { targetWords: 1500 }],
      [{ targetWords: 1500 }, { targetWords: 2000 }],
      [{ targetWords: 2000 }, { targetWords: null }],
      [{ targetWords: null }, { targetWords: 800 }],
    ]);
    expectError(await setTarget(author, section, 1000), 403, 'FORBIDDEN');
  });

  it.each([0, -5, 1.5, '1500', 100_001, true])(
    'refuses %j as a target, naming targetWords',
    async (value) => {
      const { lead, section } = await reviewTeam(app);
      expectError(await setTarget(lead, section, value), 400, 'VALIDATION', 'targetWords');
    },
  );

  it("counts the words of every live section's current text, edits not yet compacted included", async () => {
    const { lead, author, reader, project, section } = await reviewTeam(app);
    const empty = await createSection(lead, project.id, { title: 'Noch leer' });
    const trashed = await createSection(lead, project.id, { title: 'Weg damit' });
    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${trashed.id}`)).status).toBe(204);

    const writer = connectCollab(app.origin, author, section.id);
    clients.push(writer);
    await synced(writer, 10_000);
    writer.type('Die Stadt nutzt seit 2019 Open-Source-Software, z. B. LibreOffice.');
    await eventually(
      async () => {
        const res = await lead.client.get<SectionContent>(
          `/api/projects/${project.id}/sections/${section.id}/content`,
        );
        return res.body.text.endsWith('LibreOffice.');
      },
      'the stored text',
      10_000,
    );

    const counts = await wordCounts(reader, project.id);
    // Die, Stadt, nutzt, seit, 2019, Open-Source-Software, z, B, LibreOffice
    expect(counts).toEqual(
      new Map([
        [section.id, 9],
        [empty.id, 0],
      ]),
    );

    // Asked again after more typing: the count follows (a text rendered before is not kept past a new edit).
    writer.type(' Und mehr.', writer.text().length);
    await eventually(
      async () => (await wordCounts(reader, project.id)).get(section.id) === 11,
      'the count after more typing',
      10_000,
    );
  });

  it('answers a non-member 404 and a stranger without a session 401', async () => {
    const { project } = await reviewTeam(app);
    expectError(
      await (await registerUser(app)).client.get(`/api/projects/${project.id}/word-counts`),
      404,
      'NOT_FOUND',
    );
    const anonymous = await registerUser(app);
    expect((await anonymous.client.post('/api/auth/logout')).status).toBe(204);
    expect((await anonymous.client.get(`/api/projects/${project.id}/word-counts`)).status).toBe(401);
  });
});
