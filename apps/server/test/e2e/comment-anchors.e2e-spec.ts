import type { CommentResponse, ErrorBody, Section } from '@kapitel/domain';
import { createAnchor } from '@kapitel/editor';
import * as Y from 'yjs';
import { createSection, createTeam, type Person } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';

type Team = Awaited<ReturnType<typeof createTeam>>;

/** A valid anchor on `words` of a paragraph (the server checks its form, not the document). */
function anchorOn(words: string): { start: string; end: string } {
  const doc = new Y.Doc();
  const text = new Y.XmlText(`Die Stadt ${words}.`);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return createAnchor(text, 10, 10 + words.length);
}

/**
 * `POST …/comments/:id/anchor` (docs/comments.md, "Anchors"): an undo brought back the deleted
 * passage of a thread as new text, and the writer's browser points the thread at it again.
 */
describe('moving a thread’s anchor after an undo', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  /** A team whose author is assigned to a section with the reviewer's thread on a passage, and a reply. */
  async function threadOnPassage(): Promise<{
    team: Team;
    section: Section;
    threadId: string;
    replyId: string;
    path: (id: string) => string;
  }> {
    const team = await createTeam(app);
    const section = await createSection(team.lead, team.project.id, { title: 'Ausgangslage' });
    await team.lead.client.patch(`/api/projects/${team.project.id}/sections/${section.id}`, {
      assigneeIds: [team.author.user.id],
    });
    const base = `/api/projects/${team.project.id}/sections/${section.id}/comments`;
    const thread = await team.reviewer.client.post<CommentResponse>(base, {
      body: 'Stimmt das?',
      anchor: anchorOn('betreibt'),
    });
    const reply = await team.lead.client.post<CommentResponse>(base, {
      body: 'Ja.',
      parentId: thread.body.comment.id,
    });
    return {
      team,
      section,
      threadId: thread.body.comment.id,
      replyId: reply.body.comment.id,
      path: (id) => `${base}/${id}/anchor`,
    };
  }

  async function anchorBytes(threadId: string): Promise<string> {
    const { rows } = await app.db.query<{ anchor: string }>(
      `SELECT encode(anchor_start, 'base64') || ' ' || encode(anchor_end, 'base64') AS anchor FROM comments WHERE id = $1`,
      [threadId],
    );
    return rows[0]?.anchor ?? '';
  }

  it('lets the section’s writer point the thread at its passage again, audited and announced in the thread list', async () => {
    const { team, section, threadId, path } = await threadOnPassage();
    const moved = anchorOn('nutzt');
    const res = await team.author.client.post<CommentResponse>(path(threadId), { anchor: moved });
    expect(res.status).toBe(200);
    expect(res.body.comment.anchor).toEqual(moved);
    const listed = await team.reviewer.client.get<{ threads: Array<{ id: string; anchor: unknown }> }>(
      `/api/projects/${team.project.id}/sections/${section.id}/comments`,
    );
    expect(listed.body.threads.find((thread) => thread.id === threadId)?.anchor).toEqual(moved);
    const { rows } = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE project_id = $1 AND action LIKE 'comment.%' ORDER BY id`,
      [team.project.id],
    );
    expect(rows.map((row) => row.action)).toContain('comment.anchor_moved');
  });

  it('refuses whoever may not write the text: reviewer, reader, an author not assigned; the anchor stays', async () => {
    const { team, section, threadId, path } = await threadOnPassage();
    const before = await anchorBytes(threadId);
    await team.lead.client.patch(`/api/projects/${team.project.id}/sections/${section.id}`, {
      assigneeIds: [],
    });
    for (const person of [team.reviewer, team.reader, team.author] as Person[]) {
      const res = await person.client.post<ErrorBody>(path(threadId), { anchor: anchorOn('nutzt') });
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
    expect(await anchorBytes(threadId)).toBe(before);
  });

  it('refuses a reply, a bad anchor and a section in review, naming what is wrong', async () => {
    const { team, section, threadId, replyId, path } = await threadOnPassage();
    const reply = await team.author.client.post<ErrorBody>(path(replyId), { anchor: anchorOn('nutzt') });
    expect({ status: reply.status, field: reply.body.error.details?.[0]?.field }).toEqual({
      status: 400,
      field: 'commentId',
    });
    const bad = await team.author.client.post<ErrorBody>(path(threadId), {
      anchor: { start: 'kein base64!', end: 'AAAA' },
    });
    expect({ status: bad.status, field: bad.body.error.details?.[0]?.field }).toEqual({
      status: 400,
      field: 'anchor.start',
    });
    const none = await team.author.client.post<ErrorBody>(path(threadId), {});
    expect({ status: none.status, field: none.body.error.details?.[0]?.field }).toEqual({
      status: 400,
      field: 'anchor',
    });
    await team.author.client.post(`/api/projects/${team.project.id}/sections/${section.id}/transitions`, {
      action: 'submit',
    });
    const inReview = await team.author.client.post<ErrorBody>(path(threadId), { anchor: anchorOn('nutzt') });
    expect({ status: inReview.status, code: inReview.body.error.code }).toEqual({
      status: 409,
      code: 'NOT_EDITABLE',
    });
  });
});
