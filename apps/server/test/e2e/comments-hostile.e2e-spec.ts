import type { CommentListResponse, CommentResponse, ErrorBody, Section } from '@kapitel/domain';
import { createSection, createTeam } from '../factories.js';
import type { Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

type Team = Awaited<ReturnType<typeof createTeam>>;

/**
 * What a comment body may be: plain text stored exactly as sent and returned as JSON text,
 * never interpreted; anything that is not text (lone surrogates, control characters) or too
 * long is refused with a 400 naming `body`, and nothing is stored.
 */
describe('hostile comment bodies', () => {
  let app: TestApp;
  let team: Team;
  let section: Section;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
    team = await createTeam(app);
    section = await createSection(team.lead, team.project.id, { title: 'Sicherheit' });
  });
  afterAll(async () => {
    await app.close();
  });

  const path = () => `/api/projects/${section.projectId}/sections/${section.id}/comments`;

  async function storedBodies(): Promise<string[]> {
    const { rows } = await app.db.query<{ body: string }>('SELECT body FROM comments WHERE section_id = $1', [section.id]);
    return rows.map((row) => row.body);
  }

  it.each([
    ['HTML', '<b onmouseover="alert(1)">fett</b><img src=x onerror=alert(1)>'],
    ['a script element', '<script>alert(document.cookie)</script>'],
    ['a javascript: link', '[klick](javascript:alert(1)) <a href="javascript:alert(1)">hier</a>'],
    ['Markdown and template syntax', '**fett** {{7*7}} ${7*7} <%= 7*7 %>'],
    ['SQL', "'); DROP TABLE comments; --"],
    ['surrounding whitespace, tabs and newlines', '  Zeile 1\n\tZeile 2\n\n'],
    ['exactly 10,000 characters counted as code points (20,000 UTF-16 units)', '😀'.repeat(10_000)],
    ['right-to-left and zero-width characters', 'abc\u202Edcb\u200B\u2060'],
  ])('stores %s verbatim and returns it as inert JSON text', async (_what, body) => {
    const res = await team.reviewer.client.post<CommentResponse>(path(), { body });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.body.comment.body).toBe(body);
    const { rows } = await app.db.query<{ body: string }>('SELECT body FROM comments WHERE id = $1', [res.body.comment.id]);
    expect(rows).toEqual([{ body }]);
    const list = await team.reader.client.get<CommentListResponse>(path());
    expect(list.body.threads.find((t) => t.id === res.body.comment.id)?.body).toBe(body);
  });

  /** Sends `raw` as the JSON body, to say exactly which characters arrive. */
  function postRaw(raw: string): Promise<Answer<ErrorBody>> {
    return team.reviewer.client.request<ErrorBody>('POST', path(), undefined, { raw });
  }

  it.each([
    ['an empty body', JSON.stringify({ body: '' }), /empty/],
    ['only whitespace', JSON.stringify({ body: ' \n\t ' }), /empty/],
    ['10,001 characters', JSON.stringify({ body: 'x'.repeat(10_001) }), /at most 10000/],
    ['10,001 emoji', JSON.stringify({ body: '😀'.repeat(10_001) }), /at most 10000/],
    ['a lone high surrogate', '{"body":"abc\\ud83d"}', /Unicode/],
    ['a lone low surrogate', '{"body":"\\ude00abc"}', /Unicode/],
    ['a NUL character', '{"body":"a\\u0000b"}', /control/],
    ['a bell character', '{"body":"ding\\u0007"}', /control/],
    ['a carriage return', '{"body":"Zeile\\r\\nZeile"}', /control/],
    ['an escape sequence', '{"body":"\\u001b[31mrot"}', /control/],
    ['a number', '{"body":42}', /text/],
    ['no body at all', '{}', /text/],
  ])('refuses %s with a 400 naming body and stores nothing', async (_what, raw, message) => {
    const before = await storedBodies();
    const res = await postRaw(raw);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.details).toEqual([{ field: 'body', message: expect.stringMatching(message) as string }]);
    expect(await storedBodies()).toEqual(before);
  });

  it('refuses the same in an edit and keeps the text as it was', async () => {
    const created = await team.reviewer.client.post<CommentResponse>(path(), { body: 'Unverändert' });
    const res = await team.reviewer.client.request<ErrorBody>('PATCH', `${path()}/${created.body.comment.id}`, undefined, {
      raw: '{"body":"a\\u0000\\ud800"}',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.field)).toEqual(['body']);
    const { rows } = await app.db.query('SELECT body, edited_at FROM comments WHERE id = $1', [created.body.comment.id]);
    expect(rows).toEqual([{ body: 'Unverändert', edited_at: null }]);
  });

  it('refuses unknown fields, so that nobody can set an author, a resolver or mentions', async () => {
    const res = await team.reviewer.client.post<ErrorBody>(path(), {
      body: 'Ich bin die Leitung',
      authorId: team.lead.user.id,
      mentions: [team.author.user.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.field).sort()).toEqual(['authorId', 'mentions']);
  });
});
