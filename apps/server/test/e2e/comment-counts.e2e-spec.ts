import type {
  CommentCountsResponse,
  CommentResponse,
  ErrorBody,
  Section,
  SectionCommentCount,
} from '@kapitel/domain';
import {
  createProject,
  createSection,
  createTeam,
  flattenOutline,
  outlineOf,
  registerUser,
  type Person,
} from '../factories.js';
import { HttpClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * `GET /api/projects/:projectId/comment-counts`: the open and resolved threads of every live
 * section in one answer, for the outline. Threads are counted, never replies; a section in
 * the trash is left out; the route is readable exactly where the threads are (every member).
 */
describe('comment counts', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  const commentsOf = (section: Section, suffix = '') =>
    `/api/projects/${section.projectId}/sections/${section.id}/comments${suffix}`;
  const countsPath = (projectId: string) => `/api/projects/${projectId}/comment-counts`;

  async function comment(person: Person, section: Section, body: object): Promise<string> {
    const res = await person.client.post<CommentResponse>(commentsOf(section), body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.comment.id;
  }

  async function act(
    person: Person,
    section: Section,
    suffix: string,
    method: 'post' | 'delete' = 'post',
  ): Promise<void> {
    const res =
      method === 'post'
        ? await person.client.post(commentsOf(section, suffix))
        : await person.client.delete(commentsOf(section, suffix));
    expect({ status: res.status, body: res.body }).toMatchObject({ status: method === 'post' ? 200 : 204 });
  }

  /** The caller's answer, ordered by section id (the route promises no order). */
  async function counts(person: Person, projectId: string): Promise<SectionCommentCount[]> {
    const res = await person.client.get<CommentCountsResponse>(countsPath(projectId));
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return [...res.body.counts].sort((a, b) => a.sectionId.localeCompare(b.sectionId));
  }

  /** What `counts` should answer: `[section, open, resolved]` per section. */
  function expected(...rows: Array<[Section, number, number]>): SectionCommentCount[] {
    return rows
      .map(([section, open, resolved]) => ({ sectionId: section.id, open, resolved }))
      .sort((a, b) => a.sectionId.localeCompare(b.sectionId));
  }

  it('counts open and resolved threads per section, not replies, with 0s for a section without threads', async () => {
    const { lead, author, reviewer, project } = await createTeam(app);
    const [intro, method, outlook] = [
      await createSection(lead, project.id, { title: 'Einleitung' }),
      await createSection(lead, project.id, { title: 'Methode' }),
      await createSection(lead, project.id, { title: 'Ausblick' }),
    ];
    const first = await comment(reviewer, intro, { body: 'Erster Punkt' });
    await comment(author, intro, { body: 'Antwort', parentId: first });
    await comment(lead, intro, { body: 'Noch eine Antwort', parentId: first });
    const second = await comment(lead, intro, { body: 'Zweiter Punkt' });
    await act(lead, intro, `/${second}/resolve`);
    await comment(reviewer, method, { body: 'Quelle?' });

    expect(await counts(lead, project.id)).toEqual(expected([intro, 1, 1], [method, 1, 0], [outlook, 0, 0]));
  });

  it('follows resolving, reopening and deleting: a deleted reply changes nothing, a deleted thread is gone', async () => {
    const { lead, reviewer, project } = await createTeam(app);
    const section = await createSection(lead, project.id);
    const thread = await comment(reviewer, section, { body: 'Prüfen' });
    const other = await comment(lead, section, { body: 'Auch prüfen' });
    const reply = await comment(lead, section, { body: 'Antwort', parentId: thread });
    expect(await counts(reviewer, project.id)).toEqual(expected([section, 2, 0]));

    await act(reviewer, section, `/${thread}/resolve`);
    expect(await counts(reviewer, project.id)).toEqual(expected([section, 1, 1]));
    // A reply to a resolved thread leaves it resolved, and is not counted.
    await comment(reviewer, section, { body: 'Nachtrag', parentId: thread });
    expect(await counts(reviewer, project.id)).toEqual(expected([section, 1, 1]));
    await act(lead, section, `/${thread}/reopen`);
    expect(await counts(reviewer, project.id)).toEqual(expected([section, 2, 0]));
    await act(lead, section, `/${reply}`, 'delete');
    expect(await counts(reviewer, project.id)).toEqual(expected([section, 2, 0]));
    await act(lead, section, `/${thread}`, 'delete');
    expect(await counts(reviewer, project.id)).toEqual(expected([section, 1, 0]));
    await act(lead, section, `/${other}/resolve`);
    await act(lead, section, `/${other}`, 'delete');
    expect(await counts(reviewer, project.id)).toEqual(expected([section, 0, 0]));
  });

  it('never lists the sections of another project', async () => {
    const { lead, reviewer, project } = await createTeam(app);
    const mine = await createSection(lead, project.id);
    await comment(reviewer, mine, { body: 'Hier' });
    // The same lead's second project, with threads of its own.
    const elsewhere = await createProject(lead);
    const theirs = await createSection(lead, elsewhere.id);
    await comment(lead, theirs, { body: 'Anderswo' });
    await comment(lead, theirs, { body: 'Anderswo auch' });

    expect(await counts(lead, project.id)).toEqual(expected([mine, 1, 0]));
    expect(await counts(lead, elsewhere.id)).toEqual(expected([theirs, 2, 0]));
  });

  it('leaves out a section in the trash with everything below it, and counts it again once restored', async () => {
    const { lead, reviewer, project } = await createTeam(app);
    const kept = await createSection(lead, project.id, { title: 'Bleibt' });
    const trashed = await createSection(lead, project.id, { title: 'Kommt weg' });
    const child = await createSection(lead, project.id, { title: 'Darunter', parentId: trashed.id });
    await comment(reviewer, trashed, { body: 'Oben' });
    const resolvedBelow = await comment(reviewer, child, { body: 'Unten' });
    await act(lead, child, `/${resolvedBelow}/resolve`);
    expect(await counts(lead, project.id)).toEqual(expected([kept, 0, 0], [trashed, 1, 0], [child, 0, 1]));

    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${trashed.id}`)).status).toBe(204);
    expect(await counts(reviewer, project.id)).toEqual(expected([kept, 0, 0]));

    expect(
      (await lead.client.post(`/api/projects/${project.id}/sections/${trashed.id}/restore`)).status,
    ).toBe(200);
    expect(await counts(reviewer, project.id)).toEqual(
      expected([kept, 0, 0], [trashed, 1, 0], [child, 0, 1]),
    );
  });

  it('lists exactly the sections of the outline', async () => {
    const { lead, reader, project } = await createTeam(app);
    const parent = await createSection(lead, project.id);
    await createSection(lead, project.id, { parentId: parent.id });
    await createSection(lead, project.id, { numbered: false });
    const ids = flattenOutline(await outlineOf(reader, project.id)).map((node) => node.id);
    expect((await counts(reader, project.id)).map((row) => row.sectionId)).toEqual([...ids].sort());
  });

  it('answers every member the same counts, a non-member or an unknown project 404, and anonymous 401', async () => {
    const { lead, author, reviewer, reader, project } = await createTeam(app);
    const section = await createSection(lead, project.id);
    await comment(reviewer, section, { body: 'Für alle sichtbar' });
    for (const member of [lead, author, reviewer, reader]) {
      expect(await counts(member, project.id)).toEqual(expected([section, 1, 0]));
    }

    const outsider = await registerUser(app);
    const hidden = await outsider.client.get<ErrorBody>(countsPath(project.id));
    const unknown = await lead.client.get<ErrorBody>(countsPath('00000000-0000-4000-8000-000000000000'));
    const anonymous = await new HttpClient(app.origin).get<ErrorBody>(countsPath(project.id));
    const malformed = await lead.client.get<ErrorBody>(countsPath('kein-projekt'));
    expect([hidden, unknown, anonymous, malformed].map((res) => [res.status, res.body.error.code])).toEqual([
      [404, 'NOT_FOUND'],
      [404, 'NOT_FOUND'],
      [401, 'UNAUTHENTICATED'],
      [400, 'VALIDATION'],
    ]);

    // A member who was removed sees nothing any more.
    expect((await lead.client.delete(`/api/projects/${project.id}/members/${reader.user.id}`)).status).toBe(
      204,
    );
    expect((await reader.client.get(countsPath(project.id))).status).toBe(404);
  });

  it('is described in the OpenAPI document under comments', async () => {
    const res = await new HttpClient(app.origin).get<{
      paths: Record<string, { get?: { tags?: string[] } }>;
    }>('/api/docs-json');
    expect(res.body.paths['/api/projects/{projectId}/comment-counts']?.get?.tags).toEqual(['comments']);
  });
});
