import { SEARCH_LIMITS, type CommentResponse, type Project, type SearchResponse, type Section } from '@kapitel/domain';
import { createParticipant, createProject, createSection, PASSWORD, registerUser, type Person } from '../factories.js';
import { mustSucceed } from '../permission-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { doc, paragraph, setContent, text } from './export-support.js';

/**
 * The report search also finds comments (docs/search.md, "Comments"): a thread's first
 * comment or a reply of a live section whose own body contains every word of the query, by
 * the sections' rule, listed apart from the sections, by section in outline order and newest
 * first within one, for every member (whoever may read comments).
 */
describe('search in a report: comments', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  async function setUp(): Promise<{ lead: Person; project: Project }> {
    const lead = await registerUser(app, { name: 'Lea Lead' });
    return { lead, project: await createProject(lead) };
  }

  async function sectionWith(lead: Person, projectId: string, title: string, body = 'Ohne Bezug.'): Promise<Section> {
    const section = await createSection(lead, projectId, { title });
    await setContent(app, section.id, doc(paragraph(text(body))));
    return section;
  }

  async function comment(person: Person, section: Section, body: string, parentId?: string): Promise<string> {
    const res = await person.client.post<CommentResponse>(
      `/api/projects/${section.projectId}/sections/${section.id}/comments`,
      parentId === undefined ? { body } : { body, parentId },
    );
    expect(res.status).toBe(201);
    return res.body.comment.id;
  }

  async function search(person: Person, projectId: string, q: string): Promise<SearchResponse> {
    const res = await person.client.get<SearchResponse>(`/api/projects/${projectId}/search?${new URLSearchParams({ q }).toString()}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  /** The bodies' matched words of the comments found, in the answer's order. */
  async function matchesFound(person: Person, projectId: string, q: string): Promise<string[]> {
    return (await search(person, projectId, q)).comments.map((hit) => hit.snippet.match);
  }

  it('finds a comment by a word of its body and answers with its thread, section, author, date, state and a snippet', async () => {
    const { lead, project } = await setUp();
    const section = await sectionWith(lead, project.id, 'Dateiformate');
    const before = Date.now();
    const id = await comment(lead, section, 'Bitte als ODF abgeben, nicht als DOCX.');

    const found = await search(lead, project.id, 'odf');
    // Sections keep their shape: the comment is no hit of its section's text.
    expect([found.total, found.results]).toEqual([0, []]);
    expect(found.commentTotal).toBe(1);
    expect(found.comments).toEqual([
      {
        commentId: id,
        threadId: id,
        sectionId: section.id,
        number: '1',
        sectionTitle: 'Dateiformate',
        authorName: 'Lea Lead',
        createdAt: expect.any(String) as unknown,
        resolved: false,
        snippet: { before: 'Bitte als ', match: 'ODF', after: ' abgeben, nicht als DOCX.' },
      },
    ]);
    expect(Date.parse(found.comments[0]?.createdAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it('finds every word in any order, a phrase only as it stands, and folds case, accents and umlaut spellings', async () => {
    const { lead, project } = await setUp();
    const section = await sectionWith(lead, project.id, 'Befragung');
    await comment(lead, section, 'Die Umfrage von Herrn Müller endet im März.');
    await comment(lead, section, 'Im März gibt es keine Umfrage.');

    expect(await matchesFound(lead, project.id, 'märz umfrage müller')).toEqual(['Umfrage']);
    expect(await matchesFound(lead, project.id, '„Umfrage von Herrn“')).toEqual(['Umfrage von Herrn']);
    expect(await matchesFound(lead, project.id, '"Herrn Umfrage"')).toEqual([]);
    expect(await matchesFound(lead, project.id, 'MUELLER')).toEqual(['Müller']);
    expect(await matchesFound(lead, project.id, 'marz')).toEqual(['März', 'März']);
  });

  it('finds replies, each comment on its own body, never words spread over a thread', async () => {
    const { lead, project } = await setUp();
    const section = await sectionWith(lead, project.id, 'Anhang');
    const root = await comment(lead, section, 'Wo liegt die Tabelle?');
    const reply = await comment(lead, section, 'Im Anhang als ODF.', root);

    const found = await search(lead, project.id, 'odf');
    expect(found.comments.map((hit) => [hit.commentId, hit.threadId])).toEqual([[reply, root]]);
    expect((await search(lead, project.id, 'Tabelle ODF')).commentTotal).toBe(0);
  });

  it('says whether the thread is resolved, also for its replies', async () => {
    const { lead, project } = await setUp();
    const section = await sectionWith(lead, project.id, 'Erledigtes');
    const root = await comment(lead, section, 'Quelle fehlt.');
    await comment(lead, section, 'Quelle ergänzt.', root);
    await mustSucceed(lead, 'post', `/api/projects/${project.id}/sections/${section.id}/comments/${root}/resolve`);

    const found = await search(lead, project.id, 'quelle');
    expect(found.comments.map((hit) => hit.resolved)).toEqual([true, true]);
  });

  it('leaves out deleted comments and the comments of sections in the trash', async () => {
    const { lead, project } = await setUp();
    const kept = await sectionWith(lead, project.id, 'Bleibt');
    const trashed = await sectionWith(lead, project.id, 'Geht');
    await comment(lead, kept, 'Windpark bleibt.');
    const deleted = await comment(lead, kept, 'Windpark gelöscht.');
    await comment(lead, trashed, 'Windpark im Papierkorb.');
    await mustSucceed(lead, 'delete', `/api/projects/${project.id}/sections/${kept.id}/comments/${deleted}`);
    await mustSucceed(lead, 'delete', `/api/projects/${project.id}/sections/${trashed.id}`);

    const found = await search(lead, project.id, 'windpark');
    expect(found.comments.map((hit) => hit.snippet.after)).toEqual([' bleibt.']);
    expect(found.commentTotal).toBe(1);
  });

  it('lists comments by section in outline order, newest first within a section', async () => {
    const { lead, project } = await setUp();
    const second = await sectionWith(lead, project.id, 'Zweites');
    const first = await createSection(lead, project.id, { title: 'Erstes', position: 0 });
    await comment(lead, second, 'Deich alt.');
    await comment(lead, first, 'Deich eins.');
    await comment(lead, second, 'Deich neu.');
    await comment(lead, first, 'Deich zwei.');

    const found = await search(lead, project.id, 'deich');
    expect(found.comments.map((hit) => [hit.number, hit.sectionTitle, hit.snippet.after])).toEqual([
      ['1', 'Erstes', ' zwei.'],
      ['1', 'Erstes', ' eins.'],
      ['2', 'Zweites', ' neu.'],
      ['2', 'Zweites', ' alt.'],
    ]);
  });

  it('answers with the first 50 comments and counts all of them', async () => {
    const { lead, project } = await setUp();
    const section = await sectionWith(lead, project.id, 'Viele');
    const count = SEARCH_LIMITS.maxComments + 1;
    for (let index = 0; index < count; index += 1) {
      await comment(lead, section, `Hinweis Nummer ${index}`);
    }

    const found = await search(lead, project.id, 'hinweis');
    expect(found.commentTotal).toBe(count);
    expect(found.comments).toHaveLength(SEARCH_LIMITS.maxComments);
    // Newest first: the first one written is the one left out.
    expect(found.comments[0]?.snippet.after).toBe(` Nummer ${count - 1}`);
    expect(found.comments.map((hit) => hit.snippet.after)).not.toContain(' Nummer 0');
  });

  it('names no author once the account is deleted', async () => {
    const { lead, project } = await setUp();
    const section = await sectionWith(lead, project.id, 'Konten');
    const reviewer = await createParticipant(app, lead, project.id, 'reviewer');
    await comment(reviewer, section, 'Ein Einwand zur Gliederung.');
    expect((await reviewer.client.post('/api/me/deletion', { currentPassword: PASSWORD })).status).toBe(204);

    const found = await search(lead, project.id, 'einwand');
    expect(found.comments.map((hit) => hit.authorName)).toEqual([null]);
  });

  it('shows comments to a reader, hides them from non-members (404) and never finds another project’s comments', async () => {
    const { lead, project } = await setUp();
    await comment(lead, await sectionWith(lead, project.id, 'Hier'), 'Geheimer Hinweis hier.');
    const other = await setUp();
    await comment(other.lead, await sectionWith(other.lead, other.project.id, 'Dort'), 'Geheimer Hinweis dort.');

    const reader = await createParticipant(app, lead, project.id, 'reader');
    expect((await search(reader, project.id, 'geheimer')).comments.map((hit) => hit.snippet.after)).toEqual([' Hinweis hier.']);
    expect((await search(lead, project.id, 'geheimer')).commentTotal).toBe(1);
    const refused = await other.lead.client.get(`/api/projects/${project.id}/search?q=geheimer`);
    expect(refused.status).toBe(404);
  });
});
