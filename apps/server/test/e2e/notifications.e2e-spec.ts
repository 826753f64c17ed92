import {
  commentExcerpt,
  type CommentResponse,
  type ErrorBody,
  type NotificationKind,
  type NotificationPage,
  type Section,
  type SectionComment,
  type UnreadCountResponse,
} from '@kapitel/domain';
import { createParticipant, createSection, createTeam, registerUser, type Person } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';

type Team = Awaited<ReturnType<typeof createTeam>>;

/**
 * In-app notifications: each kind is created exactly once for its event, never for the
 * actor and never for a non-member; everyone reads and marks only their own, and only of
 * projects they still belong to.
 */
describe('notifications', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  const commentsPath = (section: Section, suffix = '') =>
    `/api/projects/${section.projectId}/sections/${section.id}/comments${suffix}`;
  const sectionPath = (section: Section, suffix = '') => `/api/projects/${section.projectId}/sections/${section.id}${suffix}`;

  async function comment(person: Person, section: Section, body: object): Promise<SectionComment> {
    const res = await person.client.post<CommentResponse>(commentsPath(section), body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.comment;
  }

  async function must(person: Person, method: 'PATCH' | 'POST', path: string, body?: object): Promise<void> {
    const res = await person.client.request(method, path, body);
    expect({ path, status: res.status, body: res.body }).toMatchObject({ status: 200 });
  }

  /** Every notification row of the project as [recipient, kind, actor, comment], oldest first. */
  async function rows(projectId: string): Promise<Array<[string, NotificationKind, string | null, string | null]>> {
    const result = await app.db.query<{ user_id: string; kind: NotificationKind; actor_id: string | null; comment_id: string | null }>(
      'SELECT user_id, kind, actor_id, comment_id FROM notifications WHERE project_id = $1 ORDER BY created_at, id',
      [projectId],
    );
    return result.rows.map((row) => [row.user_id, row.kind, row.actor_id, row.comment_id]);
  }

  async function page(person: Person, query = ''): Promise<NotificationPage> {
    const res = await person.client.get<NotificationPage>(`/api/notifications${query}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function teamWithSection(): Promise<Team & { section: Section }> {
    const team = await createTeam(app);
    return { ...team, section: await createSection(team.lead, team.project.id, { title: 'Fallbeispiele' }) };
  }

  it('notifies the members a new comment mentions, once each, never the actor and never a non-member', async () => {
    const { lead, author, reviewer, reader, section, project } = await teamWithSection();
    const outsider = await registerUser(app, { name: 'Nina Außenstehend' });
    const body =
      `@${author.user.name} und @${reader.user.name}, bitte mit @${author.user.name} klären. ` +
      `@${reviewer.user.name} (ich selbst) und @${outsider.user.name}.`;
    const created = await comment(reviewer, section, { body });
    expect(created.mentions).toEqual([author.user.id, reader.user.id, reviewer.user.id]);
    expect(commentExcerpt(body)).toMatch(/…$/);
    expect(await rows(project.id)).toEqual([
      [author.user.id, 'mention', reviewer.user.id, created.id],
      [reader.user.id, 'mention', reviewer.user.id, created.id],
    ]);
    expect((await page(outsider)).notifications).toEqual([]);
    const [first] = (await page(author)).notifications;
    expect(first).toEqual({
      id: expect.any(String) as string,
      kind: 'mention',
      project: { id: project.id, title: project.title, language: 'de' },
      section: { id: section.id, title: 'Fallbeispiele', number: '1' },
      actor: { id: reviewer.user.id, name: reviewer.user.name },
      comment: { id: created.id, excerpt: commentExcerpt(body) },
      note: null,
      createdAt: expect.any(String) as string,
      readAt: null,
    });
    expect((await page(lead)).notifications).toEqual([]);
  });

  it('notifies only the members an edit newly mentions', async () => {
    const { author, reviewer, reader, lead, section, project } = await teamWithSection();
    const created = await comment(reviewer, section, { body: `Frage an @${author.user.name}` });
    const edit = (body: string) => must(reviewer, 'PATCH', commentsPath(section, `/${created.id}`), { body });
    await edit(`Frage an @${author.user.name} und @${reader.user.name}`);
    await edit(`Frage an @${author.user.name} und @${reader.user.name}, danke`);
    await edit(`Frage an @${reader.user.name} und @${lead.user.name}`);
    expect((await rows(project.id)).map(([user, kind]) => [user, kind])).toEqual([
      [author.user.id, 'mention'],
      [reader.user.id, 'mention'],
      [lead.user.id, 'mention'],
    ]);
  });

  it('tells the author of a thread about replies by others, once, and as a mention when the reply names them', async () => {
    const { author, reviewer, lead, section, project } = await teamWithSection();
    const root = await comment(author, section, { body: 'Ist das richtig?' });
    const byReviewer = await comment(reviewer, section, { body: 'Ja.', parentId: root.id });
    await comment(author, section, { body: 'Danke!', parentId: root.id });
    const naming = await comment(lead, section, { body: `@${author.user.name} siehe oben`, parentId: root.id });
    expect(await rows(project.id)).toEqual([
      [author.user.id, 'reply', reviewer.user.id, byReviewer.id],
      [author.user.id, 'mention', lead.user.id, naming.id],
    ]);
  });

  it('tells the assignees of a section about a new thread by someone else, once (as a mention when it names them), not about replies', async () => {
    const { lead, author, reviewer, section, project } = await teamWithSection();
    await must(lead, 'PATCH', sectionPath(section), { assigneeIds: [author.user.id, lead.user.id] });
    const assigned = (await rows(project.id)).length;
    const plain = await comment(reviewer, section, { body: 'Bitte eine Quelle ergänzen.' });
    const naming = await comment(reviewer, section, { body: `@${author.user.name} stimmt die Zahl?` });
    const own = await comment(author, section, { body: 'Notiz für mich.' });
    const reply = await comment(reviewer, section, { body: 'Gern.', parentId: own.id });
    expect((await rows(project.id)).slice(assigned)).toEqual([
      [author.user.id, 'commented', reviewer.user.id, plain.id],
      [lead.user.id, 'commented', reviewer.user.id, plain.id],
      [author.user.id, 'mention', reviewer.user.id, naming.id],
      [lead.user.id, 'commented', reviewer.user.id, naming.id],
      [lead.user.id, 'commented', author.user.id, own.id],
      [author.user.id, 'reply', reviewer.user.id, reply.id],
    ]);
    const told = (await page(lead)).notifications.find((item) => item.comment?.id === plain.id);
    expect(told).toMatchObject({ kind: 'commented', section: { id: section.id }, comment: { excerpt: 'Bitte eine Quelle ergänzen.' } });
  });

  it('marks read what someone had about a thread once they reply to it or resolve it, and nothing else of theirs', async () => {
    const { author, reviewer, lead, section } = await teamWithSection();
    const root = await comment(author, section, { body: `@${reviewer.user.name} bitte prüfen` });
    const other = await comment(lead, section, { body: `@${reviewer.user.name} und hier?` });
    await comment(author, section, { body: `@${lead.user.name} zur Info`, parentId: root.id });
    // Their unread notifications about comments (an assignment may have brought others).
    const unread = async (person: Person) =>
      (await page(person, '?unread=true')).notifications.flatMap((item) => (item.comment === null ? [] : [item.comment.id]));
    expect(await unread(reviewer)).toEqual([other.id, root.id]);
    expect(await unread(lead)).toHaveLength(1);

    // The reviewer answers the first thread: its mention is read, the other thread's waits.
    await comment(reviewer, section, { body: 'Erledigt.', parentId: root.id });
    expect(await unread(reviewer)).toEqual([other.id]);
    // The lead resolves the thread they were mentioned in (through a reply): read too.
    await must(lead, 'POST', commentsPath(section, `/${root.id}/resolve`));
    expect(await unread(lead)).toEqual([]);
  });

  it('tells people who become assignees or the reviewer of a section, once, and not the lead who assigns', async () => {
    const { lead, author, reviewer, section, project } = await teamWithSection();
    const secondLead = await createParticipant(app, lead, project.id, 'lead');
    const assign = (body: object) => must(lead, 'PATCH', sectionPath(section), body);
    await assign({ assigneeIds: [author.user.id, lead.user.id], reviewerId: reviewer.user.id });
    await assign({ assigneeIds: [author.user.id, lead.user.id], reviewerId: reviewer.user.id, title: 'Neu' });
    await assign({ assigneeIds: [author.user.id, secondLead.user.id], reviewerId: secondLead.user.id });
    expect(await rows(project.id)).toEqual([
      [author.user.id, 'assigned', lead.user.id, null],
      [reviewer.user.id, 'assigned', lead.user.id, null],
      [secondLead.user.id, 'assigned', lead.user.id, null],
    ]);
  });

  it('tells the reviewer and the leads of a submission, the assignees of changes requested, approval and reopening, never the actor', async () => {
    const { lead, author, reviewer, section, project } = await teamWithSection();
    await must(lead, 'PATCH', sectionPath(section), { assigneeIds: [author.user.id, lead.user.id], reviewerId: reviewer.user.id });
    const secondLead = await createParticipant(app, lead, project.id, 'lead');
    const before = (await rows(project.id)).length;
    const step = (person: Person, action: string, note?: string) =>
      must(person, 'POST', sectionPath(section, '/transitions'), { action, note });
    await step(author, 'submit');
    await step(reviewer, 'request_changes', 'Quellen fehlen');
    await step(lead, 'submit');
    await step(lead, 'approve');
    await step(lead, 'reopen');
    const submitted = (by: Person) => [reviewer, lead, secondLead].filter((person) => person !== by).map((person) => [person.user.id, 'review_requested', by.user.id, null]);
    const made = (await rows(project.id)).slice(before);
    expect(made.slice(0, 3)).toEqual(expect.arrayContaining(submitted(author)));
    expect(made.slice(3, 5)).toEqual([
      [author.user.id, 'changes_requested', reviewer.user.id, null],
      [lead.user.id, 'changes_requested', reviewer.user.id, null],
    ]);
    expect(made.slice(5, 7)).toEqual(expect.arrayContaining(submitted(lead)));
    expect(made.slice(7)).toEqual([
      [author.user.id, 'approved', lead.user.id, null],
      [author.user.id, 'reopened', lead.user.id, null],
    ]);
  });

  it('lists newest first in pages, filters unread, counts and marks read, only for the recipient', async () => {
    const { author, reviewer, reader, section } = await teamWithSection();
    const made: SectionComment[] = [];
    for (let i = 1; i <= 5; i += 1) {
      made.push(await comment(reviewer, section, { body: `Punkt ${i} für @${author.user.name}` }));
    }
    const first = await page(author, '?limit=2');
    expect(first.unread).toBe(5);
    expect(first.notifications.map((n) => n.comment?.id)).toEqual([made[4]?.id, made[3]?.id]);
    const second = await page(author, `?limit=2&before=${first.nextBefore}`);
    expect(second.notifications.map((n) => n.comment?.id)).toEqual([made[2]?.id, made[1]?.id]);
    const last = await page(author, `?limit=2&before=${second.nextBefore}`);
    expect(last.notifications.map((n) => n.comment?.id)).toEqual([made[0]?.id]);
    expect(last.nextBefore).toBeNull();

    const target = first.notifications[0]?.id ?? '';
    expect((await reader.client.post<ErrorBody>(`/api/notifications/${target}/read`)).status).toBe(404);
    const read = await author.client.post<UnreadCountResponse>(`/api/notifications/${target}/read`);
    expect(read.body).toEqual({ unread: 4 });
    const readAt = (await page(author)).notifications[0]?.readAt;
    expect(readAt).toEqual(expect.any(String));
    expect((await author.client.post<UnreadCountResponse>(`/api/notifications/${target}/read`)).body).toEqual({ unread: 4 });
    expect((await page(author)).notifications[0]?.readAt).toBe(readAt);
    expect((await page(author, '?unread=true')).notifications.map((n) => n.comment?.id)).toEqual(
      [made[3], made[2], made[1], made[0]].map((c) => c?.id),
    );
    expect((await author.client.get<UnreadCountResponse>('/api/notifications/unread-count')).body).toEqual({ unread: 4 });
    expect((await author.client.post<UnreadCountResponse>('/api/notifications/read-all')).body).toEqual({ unread: 0 });
    expect((await page(author, '?unread=true')).notifications).toEqual([]);
    expect((await page(reader)).notifications).toEqual([]);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?unread=ja', 'unread'],
    ['?before=gestern', 'before'],
  ])('refuses %s with a 400 naming the field', async (query, field) => {
    const person = await registerUser(app);
    const res = await person.client.get<ErrorBody>(`/api/notifications${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details?.map((d) => d.field)).toEqual([field]);
  });

  it('hides the notifications of a project from a member who was removed from it', async () => {
    const { lead, author, reviewer, section } = await teamWithSection();
    await comment(reviewer, section, { body: `@${author.user.name} bitte ansehen` });
    const mine = await page(author);
    expect(mine.unread).toBe(1);
    expect((await lead.client.delete(`/api/projects/${section.projectId}/members/${author.user.id}`)).status).toBe(204);
    expect(await page(author)).toEqual({ notifications: [], unread: 0, nextBefore: null });
    const id = mine.notifications[0]?.id ?? '';
    expect((await author.client.post(`/api/notifications/${id}/read`)).status).toBe(404);
    expect((await author.client.get<UnreadCountResponse>('/api/notifications/unread-count')).body).toEqual({ unread: 0 });
  });

  it('keeps a notification whose comment was deleted, without the text', async () => {
    const { author, reviewer, section } = await teamWithSection();
    const created = await comment(reviewer, section, { body: `@${author.user.name} Geheimnis` });
    expect((await reviewer.client.delete(commentsPath(section, `/${created.id}`))).status).toBe(204);
    const [notification] = (await page(author)).notifications;
    expect(notification).toMatchObject({ kind: 'mention', comment: null, section: { id: section.id } });
  });

  it('answers 401 without a session', async () => {
    const anonymous = (await registerUser(app)).client;
    anonymous.cookie = null;
    expect((await anonymous.get('/api/notifications')).status).toBe(401);
    expect((await anonymous.get('/api/notifications/unread-count')).status).toBe(401);
  });
});
