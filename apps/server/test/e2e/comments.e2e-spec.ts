import { randomUUID } from 'node:crypto';
import { encodeUpdate } from '@kapitel/collab';
import type {
  CommentListResponse,
  CommentResponse,
  CommentThread,
  ErrorBody,
  ProjectChange,
  Section,
  SectionComment,
} from '@kapitel/domain';
import { createAnchor, resolveAnchor, type SectionContent } from '@kapitel/editor';
import * as Y from 'yjs';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import { openPeer, paragraphUpdate, pause, rejectedWriteAudits, storedRowsWith, type RawPeer } from '../collab-frames.js';
import { openEventStream, settledStream, type EventStreamClient } from '../event-stream.js';
import { createSection, createTeam, registerUser, type Person } from '../factories.js';
import type { Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

type Team = Awaited<ReturnType<typeof createTeam>>;

/**
 * Comment threads over REST: a reviewer comments without write access to the text, replies,
 * edits, resolve and reopen, deletion, anchors, and the live `comments` change. Who may do
 * what is checked route by route in permissions-comments.e2e-spec.ts; hostile bodies in
 * comments-hostile.e2e-spec.ts.
 */
describe('comments', () => {
  let app: TestApp;
  const clients: CollabClient[] = [];
  const peers: RawPeer[] = [];
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
    peers.splice(0).forEach((peer) => peer.destroy());
    streams.splice(0).forEach((stream) => stream.close());
  });
  afterAll(async () => {
    await app.close();
  });

  const path = (section: Section, suffix = '') =>
    `/api/projects/${section.projectId}/sections/${section.id}/comments${suffix}`;

  async function post(person: Person, section: Section, body: object): Promise<Answer<CommentResponse & ErrorBody>> {
    return person.client.post<CommentResponse & ErrorBody>(path(section), body);
  }

  async function comment(person: Person, section: Section, body: object): Promise<SectionComment> {
    const res = await post(person, section, body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.comment;
  }

  async function threads(person: Person, section: Section, status?: string): Promise<CommentThread[]> {
    const res = await person.client.get<CommentListResponse>(path(section, status ? `?status=${status}` : ''));
    expect(res.status).toBe(200);
    return res.body.threads;
  }

  /** A team with one section assigned to its author and reviewed by its reviewer. */
  async function teamWithSection(): Promise<Team & { section: Section }> {
    const team = await createTeam(app);
    const created = await createSection(team.lead, team.project.id, { title: 'Ausgangslage' });
    const res = await team.lead.client.patch<{ section: Section }>(`/api/projects/${team.project.id}/sections/${created.id}`, {
      assigneeIds: [team.author.user.id],
      reviewerId: team.reviewer.user.id,
    });
    expect(res.status).toBe(200);
    return { ...team, section: res.body.section };
  }

  it('lets a reviewer comment on a text range and resolve their own thread while their live connection stays read-only', async () => {
    const { lead, reviewer, section } = await teamWithSection();
    const writer = connectCollab(app.origin, lead, section.id);
    clients.push(writer);
    await synced(writer, 10_000);
    writer.type('Die Stadt betreibt Server.');
    await eventually(async () => {
      const res = await lead.client.get<SectionContent>(`/api/projects/${section.projectId}/sections/${section.id}/content`);
      return res.body.text === 'Die Stadt betreibt Server.';
    }, 'the stored text', 10_000);

    const peer = await openPeer(app.origin, reviewer, section.id);
    peers.push(peer);
    const paragraph = peer.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    const anchor = createAnchor(paragraph.get(0) as Y.XmlText, 4, 9);
    const created = await comment(reviewer, section, { body: 'Welche Stadt genau?', anchor });
    expect(created).toMatchObject({
      body: 'Welche Stadt genau?',
      anchor,
      parentId: null,
      author: { id: reviewer.user.id, name: reviewer.user.name },
      abilities: { edit: true, delete: true, resolve: true, accept: false },
    });

    // The reviewer's connection still may not write: the edit is discarded and audited.
    const marker = `Rezensent-${randomUUID().slice(0, 8)}`;
    peer.send(encodeUpdate(paragraphUpdate(marker)));
    await peer.roundTrip();
    await eventually(async () => (await rejectedWriteAudits(app.db, reviewer.user.id, section.id)) === 1, 'the refused write');
    await pause(300);
    expect(await storedRowsWith(app.db, section.id, marker)).toBe(0);
    expect(writer.text()).not.toContain(marker);

    const resolved = await reviewer.client.post<CommentResponse>(path(section, `/${created.id}/resolve`));
    expect(resolved.status).toBe(200);
    expect(resolved.body.comment.resolvedBy).toEqual({ id: reviewer.user.id, name: reviewer.user.name });

    // The anchor keeps covering "Stadt" while the text around it changes.
    writer.type('Heute: ', 0);
    const [thread] = await threads(lead, section, 'resolved');
    expect(thread?.anchor).toEqual(anchor);
    const range = resolveAnchor(writer.doc, thread?.anchor ?? anchor);
    expect(range === 'detached' ? null : range.text.toJSON().slice(range.start, range.end)).toBe('Stadt');
  });

  it('lists threads oldest first, each with its replies, names, timestamps, edits and resolution, filtered by status', async () => {
    const { lead, author, reviewer, reader, section } = await teamWithSection();
    const first = await comment(reviewer, section, { body: 'Erster Punkt' });
    const reply = await comment(author, section, { body: 'Antwort', parentId: first.id });
    const second = await comment(lead, section, { body: 'Zweiter Punkt' });
    await comment(reviewer, section, { body: 'Noch eine Antwort', parentId: first.id });
    expect((await author.client.patch(path(section, `/${reply.id}`), { body: 'Antwort, ergänzt' })).status).toBe(200);
    expect((await lead.client.post(path(section, `/${second.id}/resolve`))).status).toBe(200);

    const all = await threads(reader, section);
    expect(all.map((t) => [t.id, t.body, t.replies.map((r) => r.body)])).toEqual([
      [first.id, 'Erster Punkt', ['Antwort, ergänzt', 'Noch eine Antwort']],
      [second.id, 'Zweiter Punkt', []],
    ]);
    const [open, resolved] = all;
    expect(open).toMatchObject({ anchor: null, resolvedAt: null, resolvedBy: null, edited: false, editedAt: null });
    expect(open?.replies[0]).toMatchObject({ author: { id: author.user.id, name: author.user.name }, edited: true });
    expect(Date.parse(open?.replies[0]?.editedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(open?.replies[0]?.createdAt ?? ''));
    expect(resolved).toMatchObject({ resolvedBy: { id: lead.user.id, name: lead.user.name } });
    expect(Number.isNaN(Date.parse(resolved?.resolvedAt ?? ''))).toBe(false);
    // A reader may do nothing with any of them.
    expect(all.flatMap((t) => [t, ...t.replies]).map((c) => c.abilities)).toEqual(
      Array(4).fill({ edit: false, delete: false, resolve: false, accept: false }),
    );
    expect((await threads(reader, section, 'open')).map((t) => t.id)).toEqual([first.id]);
    expect((await threads(reader, section, 'resolved')).map((t) => t.id)).toEqual([second.id]);
    const bad = await reader.client.get<ErrorBody>(path(section, '?status=closed'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.map((d) => d.field)).toEqual(['status']);
  });

  it('refuses a reply to a reply, to another section or to nothing, and a reply with an anchor, naming the field', async () => {
    const { lead, reviewer, section, project } = await teamWithSection();
    const other = await createSection(lead, project.id);
    const root = await comment(reviewer, section, { body: 'Wurzel' });
    const reply = await comment(lead, section, { body: 'Antwort', parentId: root.id });
    const elsewhere = await comment(lead, other, { body: 'Anderswo' });
    const anchor = someAnchor();
    for (const [body, field] of [
      [{ body: 'x', parentId: reply.id }, 'parentId'],
      [{ body: 'x', parentId: elsewhere.id }, 'parentId'],
      [{ body: 'x', parentId: randomUUID() }, 'parentId'],
      [{ body: 'x', parentId: 'nicht-uuid' }, 'parentId'],
      [{ body: 'x', parentId: root.id, anchor }, 'anchor'],
    ] as const) {
      const res = await post(reviewer, section, body);
      expect({ status: res.status, fields: res.body.error.details?.map((d) => d.field) }).toEqual({ status: 400, fields: [field] });
    }
    expect((await threads(lead, section)).map((t) => t.replies.length)).toEqual([1]);
  });

  it('takes null for an omitted anchor or parent: a thread on the whole section', async () => {
    const { reviewer, section } = await teamWithSection();
    const created = await comment(reviewer, section, { body: 'Zum ganzen Abschnitt', anchor: null, parentId: null });
    expect(created).toMatchObject({ anchor: null, parentId: null });
    expect((await threads(reviewer, section)).map((t) => t.id)).toEqual([created.id]);
  });

  /** A valid anchor, made on a document of its own (the server checks the form only). */
  function someAnchor(): { start: string; end: string } {
    const doc = new Y.Doc();
    const text = new Y.XmlText('Ein Satz');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    doc.getXmlFragment('default').insert(0, [paragraph]);
    return createAnchor(text, 0, 3);
  }

  it.each([
    ['start that is not base64', (a: { start: string; end: string }) => ({ ...a, start: 'kein base64!' }), ['anchor.start']],
    ['end with bytes after the position', (a: { start: string; end: string }) => ({ ...a, end: `${a.end.replace(/=+$/, '')}AAAA` }), ['anchor.end']],
    ['start longer than 1024 characters', (a: { start: string; end: string }) => ({ ...a, start: 'A'.repeat(1028) }), ['anchor.start']],
    ['missing end', (a: { start: string; end: string }) => ({ start: a.start }), ['anchor.end']],
    ['number as end', (a: { start: string; end: string }) => ({ ...a, end: 5 }), ['anchor.end']],
    ['string as anchor', () => 'mitte', ['anchor']],
  ])('refuses an anchor with a %s, naming the field', async (_what, change, fields) => {
    const { reviewer, section } = await teamWithSection();
    const anchor = someAnchor();
    const res = await post(reviewer, section, { body: 'Hier', anchor: change(anchor) });
    expect(res.status).toBe(400);
    expect([...new Set(res.body.error.details?.map((d) => d.field))]).toEqual(fields);
    expect(await threads(reviewer, section)).toEqual([]);
  });

  it('lets only its author edit a comment, and finds new mentions', async () => {
    const { lead, author, reviewer, section } = await teamWithSection();
    const own = await comment(reviewer, section, { body: 'Erster Gedanke' });
    const byLead = await lead.client.patch<ErrorBody>(path(section, `/${own.id}`), { body: 'Übernommen' });
    expect(byLead.status).toBe(403);
    expect(byLead.body.error.code).toBe('FORBIDDEN');
    const edited = await reviewer.client.patch<CommentResponse>(path(section, `/${own.id}`), { body: `Frage an @${author.user.name}` });
    expect(edited.status).toBe(200);
    expect(edited.body.comment).toMatchObject({ body: `Frage an @${author.user.name}`, edited: true, mentions: [author.user.id] });
    const same = await reviewer.client.patch<CommentResponse>(path(section, `/${own.id}`), { body: `Frage an @${author.user.name}` });
    expect(same.body.comment.editedAt).toBe(edited.body.comment.editedAt);
    const audit = await app.db.query<{ data: { before: { body: string }; after: { body: string } } }>(
      `SELECT data FROM audit_events WHERE action = 'comment.edited' AND target_id = $1`,
      [own.id],
    );
    expect(audit.rows.map((row) => [row.data.before.body, row.data.after.body])).toEqual([
      ['Erster Gedanke', `Frage an @${author.user.name}`],
    ]);
  });

  it('resolves and reopens threads as the table allows, with a 409 for the state it is already in', async () => {
    const { lead, author, reviewer, section, project } = await teamWithSection();
    const other = await createSection(lead, project.id);
    const byReviewer = await comment(reviewer, section, { body: 'Prüfen' });
    const reply = await comment(lead, section, { body: 'Antwort', parentId: byReviewer.id });
    const act = (person: Person, target: Section, id: string, action: 'resolve' | 'reopen') =>
      person.client.post<CommentResponse & ErrorBody>(path(target, `/${id}/${action}`));

    // The assigned author may resolve any thread of their section, not of another one.
    expect((await act(author, section, byReviewer.id, 'resolve')).status).toBe(200);
    const again = await act(lead, section, byReviewer.id, 'resolve');
    expect({ status: again.status, code: again.body.error.code, message: again.body.error.message }).toEqual({
      status: 409, code: 'CONFLICT', message: 'This thread is already resolved',
    });
    expect((await act(reviewer, section, byReviewer.id, 'reopen')).status).toBe(200);
    const open = await act(reviewer, section, byReviewer.id, 'reopen');
    expect({ status: open.status, message: open.body.error.message }).toEqual({ status: 409, message: 'This thread is already open' });
    const onReply = await act(lead, section, reply.id, 'resolve');
    expect({ status: onReply.status, fields: onReply.body.error.details?.map((d) => d.field) }).toEqual({ status: 400, fields: ['commentId'] });

    const elsewhere = await comment(lead, other, { body: 'Anderer Abschnitt' });
    expect((await act(author, other, elsewhere.id, 'resolve')).status).toBe(403);
    expect((await act(reviewer, other, elsewhere.id, 'resolve')).status).toBe(403);
    expect((await act(lead, other, elsewhere.id, 'resolve')).status).toBe(200);
  });

  it('answers exactly one of two concurrent resolves with 409', async () => {
    const { lead, reviewer, section } = await teamWithSection();
    const root = await comment(reviewer, section, { body: 'Gleichzeitig' });
    const answers = await Promise.all([
      lead.client.post(path(section, `/${root.id}/resolve`)),
      reviewer.client.post(path(section, `/${root.id}/resolve`)),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const audit = await app.db.query(`SELECT 1 FROM audit_events WHERE action = 'comment.resolved' AND target_id = $1`, [root.id]);
    expect(audit.rowCount).toBe(1);
  });

  it('deletes a reply alone, a thread with its replies, and audits what was deleted', async () => {
    const { lead, author, reviewer, section } = await teamWithSection();
    const root = await comment(reviewer, section, { body: 'Wurzel' });
    const mine = await comment(author, section, { body: 'Meine Antwort', parentId: root.id });
    const theirs = await comment(lead, section, { body: 'Antwort der Leitung', parentId: root.id });
    expect((await author.client.delete(path(section, `/${theirs.id}`))).status).toBe(403);
    expect((await author.client.delete(path(section, `/${mine.id}`))).status).toBe(204);
    expect((await threads(lead, section))[0]?.replies.map((r) => r.id)).toEqual([theirs.id]);
    expect((await author.client.delete(path(section, `/${mine.id}`))).status).toBe(404);
    expect((await lead.client.delete(path(section, `/${root.id}`))).status).toBe(204);
    expect(await threads(lead, section)).toEqual([]);
    const rows = await app.db.query('SELECT id FROM comments WHERE section_id = $1', [section.id]);
    expect(rows.rows).toEqual([]);
    const audit = await app.db.query<{ actor_id: string; data: { before: Record<string, unknown> } }>(
      `SELECT actor_id, data FROM audit_events WHERE action = 'comment.deleted' AND project_id = $1 ORDER BY id`,
      [section.projectId],
    );
    expect(audit.rows.map((r) => [r.actor_id, r.data.before.body, r.data.before.replies])).toEqual([
      [author.user.id, 'Meine Antwort', 0],
      [lead.user.id, 'Wurzel', 1],
    ]);
  });

  it('announces every change as a `comments` change of the section on the project stream', async () => {
    const { lead, reviewer, reader, section } = await teamWithSection();
    const stream = await openEventStream(app.origin, reader, section.projectId);
    streams.push(stream);
    const seen = await settledStream(stream, lead, section.projectId);
    const root = await comment(reviewer, section, { body: 'Live' });
    await reviewer.client.patch(path(section, `/${root.id}`), { body: 'Live, geändert' });
    await lead.client.post(path(section, `/${root.id}/resolve`));
    await lead.client.delete(path(section, `/${root.id}`));
    const changes = () => stream.events.slice(seen).filter((e) => e.event === 'change').map((e) => e.data as ProjectChange);
    await eventually(() => changes().length >= 4, 'four changes', 10_000);
    expect(changes()).toEqual(Array(4).fill({ projectId: section.projectId, topic: 'comments', sectionId: section.id }));
  });

  it('answers 403 to every write of a reader and 404 to a non-member, and 404 for a section in the trash', async () => {
    const { lead, reader, reviewer, section, project } = await teamWithSection();
    const root = await comment(reviewer, section, { body: 'Da' });
    const outsider = await registerUser(app);
    for (const person of [reader, outsider]) {
      const status = person === reader ? 403 : 404;
      expect((await post(person, section, { body: 'Ich auch' })).status).toBe(status);
      expect((await person.client.patch(path(section, `/${root.id}`), { body: 'x' })).status).toBe(status);
      expect((await person.client.post(path(section, `/${root.id}/resolve`))).status).toBe(status);
      expect((await person.client.delete(path(section, `/${root.id}`))).status).toBe(status);
    }
    expect((await outsider.client.get(path(section))).status).toBe(404);
    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${section.id}`)).status).toBe(204);
    expect((await lead.client.get(path(section))).status).toBe(404);
    expect((await post(reviewer, section, { body: 'Zu spät' })).status).toBe(404);
  });
});
