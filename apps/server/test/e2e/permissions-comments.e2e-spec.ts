import type {
  CommentCountsResponse, CommentListResponse, NotificationPage, Section, SectionComment, UnreadCountResponse,
} from '@kapitel/domain';
import { createAnchor } from '@kapitel/editor';
import * as Y from 'yjs';
import { createParticipant, createSection, invite, type Person } from '../factories.js';
import {
  anyUser,
  createTeamFixture,
  describeMatrix,
  type Expected,
  leadOnly,
  matrixApp,
  type MatrixContext,
  type MatrixRow as GenericMatrixRow,
  MEMBERS_READ as MEMBERS_READ_FOR_ROLES,
  mustSucceed,
  type TeamFixture,
} from '../permission-matrix.js';
import type { TestApp } from '../test-app.js';

/**
 * The permission matrix of the comment and notification routes, written out from
 * ARCHITECTURE.md ("Who may do what": comment, reply and resolve own threads: lead, author,
 * reviewer; resolve any thread: a lead, and an author assigned to the section; readers
 * nothing) and API.md ("Comments": edit by the author, delete by the author or a lead). An
 * author appears twice: assigned to the section acted on, and not. Every refused request
 * must leave the project's comments, notifications and audit trail exactly as they were.
 */

const CALLERS = ['anonymous', 'nonMember', 'reader', 'reviewer', 'author', 'assignedAuthor', 'lead'] as const;
type Caller = (typeof CALLERS)[number];

/**
 * A team plus a second author, and two sections: `sub`, assigned to the assigned author and
 * reviewed by the reviewer, with one thread (the reviewer's, anchored, mentioning the
 * assigned author, with a reply by the lead); and `other`, assigned to nobody.
 */
interface Fixture extends TeamFixture {
  assignedAuthor: Person;
  sub: Section;
  other: Section;
  thread: SectionComment;
  reply: SectionComment;
}

/** What `prepare` made for the request: a comment, and a notification (or a reply's) id. */
type Extra = { comment: SectionComment; notificationId: string };
type Row = GenericMatrixRow<Fixture, Caller, Extra>;
type Ctx = MatrixContext<Fixture, Caller, Extra>;

const MEMBERS_READ: Record<Caller, Expected> = { ...MEMBERS_READ_FOR_ROLES, assignedAuthor: '200' };
const ANY_USER = (ok: Expected): Record<Caller, Expected> => ({ ...anyUser(ok), assignedAuthor: ok });
const LEAD_ONLY = (ok: Expected): Record<Caller, Expected> => ({ ...leadOnly(ok), assignedAuthor: '403 FORBIDDEN' });
/** Comment, reply, and act on one's own comments: every role but reader. */
const WRITERS = (ok: Expected): Record<Caller, Expected> => ({
  ...LEAD_ONLY(ok), reviewer: ok, author: ok, assignedAuthor: ok,
});
/** Resolve or reopen any thread of the section: a lead, and the section's assignee. */
const RESOLVERS = (ok: Expected): Record<Caller, Expected> => ({ ...LEAD_ONLY(ok), assignedAuthor: ok });

const comments = (fixture: Fixture, section: Section = fixture.sub, suffix = '') =>
  `/api/projects/${fixture.project.id}/sections/${section.id}/comments${suffix}`;

async function commentAs(person: Person, fixture: Fixture, body: object, section: Section = fixture.sub): Promise<SectionComment> {
  const res = await mustSucceed(person, 'post', comments(fixture, section), body);
  return (res.body as { comment: SectionComment }).comment;
}

/** A valid anchor (the server checks its form, not the document). */
function anchor(): { start: string; end: string } {
  const doc = new Y.Doc();
  const text = new Y.XmlText('Die Stadt betreibt Server.');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return createAnchor(text, 4, 9);
}

/**
 * A comment the caller wrote. A reader wrote theirs while briefly an author; outsiders
 * cannot have one, so they get the lead's (they are refused before it matters).
 */
async function ownComment(ctx: Ctx, body: object = { body: 'Eigener Kommentar' }, section?: Section): Promise<SectionComment> {
  const { fixture, caller, self } = ctx;
  if (self === null || caller === 'nonMember') {
    return commentAs(fixture.lead, fixture, body, section);
  }
  if (caller !== 'reader') {
    return commentAs(self, fixture, body, section);
  }
  const member = `/api/projects/${fixture.project.id}/members/${self.user.id}`;
  await mustSucceed(fixture.lead, 'patch', member, { role: 'author' });
  const written = await commentAs(self, fixture, body, section);
  await mustSucceed(fixture.lead, 'patch', member, { role: 'reader' });
  return written;
}

/** A comment by someone other than the caller: the lead's, or for the lead the reviewer's. */
function othersComment(ctx: Ctx, body: object = { body: 'Fremder Kommentar' }, section?: Section): Promise<SectionComment> {
  const author = ctx.caller === 'lead' ? ctx.fixture.reviewer : ctx.fixture.lead;
  return commentAs(author, ctx.fixture, body, section);
}

async function commentRow(ctx: Ctx, id: string | undefined): Promise<Record<string, unknown> | undefined> {
  const { rows } = await ctx.app.db.query<Record<string, unknown>>(
    'SELECT author_id, parent_id, body, anchor_start IS NOT NULL AS anchored, edited_at, resolved_by FROM comments WHERE id = $1',
    [id],
  );
  return rows[0];
}

/** A resolve or reopen of a comment `prepare` makes; on success its row shows `resolvedBy`. */
function resolutionRow(
  name: string,
  expected: Record<Caller, Expected>,
  prepare: (ctx: Ctx) => Promise<SectionComment>,
  action: 'resolve' | 'reopen',
  section: (fixture: Fixture) => Section = (fixture) => fixture.sub,
): Row {
  return {
    name,
    expected,
    prepare: async (ctx) => {
      ctx.comment = await prepare(ctx);
    },
    send: (ctx) => ctx.client.post(comments(ctx.fixture, section(ctx.fixture), `/${ctx.comment?.id}/${action}`)),
    verify: async (ctx) => {
      const resolvedBy = action === 'resolve' ? ctx.self?.user.id : null;
      expect(await commentRow(ctx, ctx.comment?.id)).toMatchObject({ resolved_by: resolvedBy });
    },
  };
}

const resolved = async (ctx: Ctx, comment: SectionComment, section?: Section): Promise<SectionComment> => {
  await mustSucceed(ctx.fixture.lead, 'post', comments(ctx.fixture, section ?? ctx.fixture.sub, `/${comment.id}/resolve`));
  return comment;
};

/** The newest notification of `person`, made by a mention. */
async function notificationFor(ctx: Ctx, person: Person): Promise<string> {
  const by = person === ctx.fixture.lead ? ctx.fixture.reviewer : ctx.fixture.lead;
  await commentAs(by, ctx.fixture, { body: `@${person.user.name} bitte lesen` });
  const { rows } = await ctx.app.db.query<{ id: string }>(
    'SELECT id FROM notifications WHERE user_id = $1 AND project_id = $2 ORDER BY created_at DESC LIMIT 1',
    [person.user.id, ctx.fixture.project.id],
  );
  return rows[0]?.id ?? '';
}

async function visibleNotificationIds(ctx: Ctx): Promise<string[]> {
  const { rows } = await ctx.app.db.query<{ id: string }>(
    `SELECT n.id FROM notifications n JOIN project_members m ON m.project_id = n.project_id AND m.user_id = n.user_id
      WHERE n.user_id = $1 ORDER BY n.created_at DESC, n.id DESC`,
    [ctx.self?.user.id],
  );
  return rows.map((row) => row.id);
}

const MATRIX: Row[] = [
  {
    name: 'GET .../comments',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(comments(fixture)),
    verify: ({ caller, fixture }, answer) => {
      const [thread, ...more] = (answer.body as CommentListResponse).threads;
      expect(more).toEqual([]);
      expect(thread).toMatchObject({ id: fixture.thread.id, anchor: fixture.thread.anchor, mentions: [fixture.assignedAuthor.user.id] });
      expect(thread?.replies.map((r) => r.id)).toEqual([fixture.reply.id]);
      const abilities: Record<string, [boolean, boolean, boolean]> = {
        reader: [false, false, false],
        reviewer: [true, true, true],
        author: [false, false, false],
        assignedAuthor: [false, false, true],
        lead: [false, true, true],
      };
      const [edit, remove, resolve] = abilities[caller] ?? [];
      // The thread suggests no change: nobody accepts one.
      expect(thread?.abilities).toEqual({ edit, delete: remove, resolve, accept: false });
    },
  },
  {
    name: 'GET /api/projects/:projectId/comment-counts',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(`/api/projects/${fixture.project.id}/comment-counts`),
    verify: ({ fixture: { sub, other } }, answer) => {
      // A Set: the route promises no order. Every member sees every section, the reply is not counted.
      expect(new Set((answer.body as CommentCountsResponse).counts)).toEqual(
        new Set([{ sectionId: sub.id, open: 1, resolved: 0 }, { sectionId: other.id, open: 0, resolved: 0 }]),
      );
    },
  },
  {
    name: 'POST .../comments (a thread on a text range)',
    expected: WRITERS('201'),
    send: ({ client, fixture, marker }) => client.post(comments(fixture), { body: marker, anchor: anchor() }),
    verify: async (ctx, answer) => {
      const { comment } = answer.body as { comment: SectionComment };
      expect(await commentRow(ctx, comment.id)).toMatchObject({ author_id: ctx.self?.user.id, parent_id: null, body: ctx.marker, anchored: true });
    },
  },
  {
    name: 'POST .../comments (a reply to a thread)',
    expected: WRITERS('201'),
    send: ({ client, fixture, marker }) => client.post(comments(fixture), { body: marker, parentId: fixture.thread.id }),
    verify: async (ctx, answer) => {
      const { comment } = answer.body as { comment: SectionComment };
      expect(await commentRow(ctx, comment.id)).toMatchObject({ author_id: ctx.self?.user.id, parent_id: ctx.fixture.thread.id });
    },
  },
  {
    name: 'POST .../comments (a reply to a reply)',
    expected: WRITERS('400 VALIDATION'),
    send: ({ client, fixture, marker }) => client.post(comments(fixture), { body: marker, parentId: fixture.reply.id }),
  },
  {
    name: 'PATCH .../comments/:commentId (own comment)',
    expected: WRITERS('200'),
    prepare: async (ctx) => {
      ctx.comment = await ownComment(ctx);
    },
    send: (ctx) => ctx.client.patch(comments(ctx.fixture, ctx.fixture.sub, `/${ctx.comment?.id}`), { body: ctx.marker }),
    verify: async (ctx) => {
      expect(await commentRow(ctx, ctx.comment?.id)).toMatchObject({ body: ctx.marker, edited_at: expect.any(Date) as Date });
    },
  },
  {
    name: "PATCH .../comments/:commentId (someone else's comment)",
    expected: WRITERS('403 FORBIDDEN'),
    prepare: async (ctx) => {
      ctx.comment = await othersComment(ctx);
    },
    send: (ctx) => ctx.client.patch(comments(ctx.fixture, ctx.fixture.sub, `/${ctx.comment?.id}`), { body: ctx.marker }),
  },
  resolutionRow('POST .../resolve (own thread)', WRITERS('200'), (ctx) => ownComment(ctx), 'resolve'),
  resolutionRow(
    "POST .../resolve (someone else's thread in the assigned section)",
    RESOLVERS('200'),
    (ctx) => othersComment(ctx),
    'resolve',
  ),
  resolutionRow(
    "POST .../resolve (someone else's thread in a section assigned to nobody)",
    LEAD_ONLY('200'),
    (ctx) => othersComment(ctx, undefined, ctx.fixture.other),
    'resolve',
    (fixture) => fixture.other,
  ),
  resolutionRow(
    "POST .../reopen (someone else's resolved thread in the assigned section)",
    RESOLVERS('200'),
    async (ctx) => resolved(ctx, await othersComment(ctx)),
    'reopen',
  ),
  resolutionRow('POST .../reopen (own resolved thread)', WRITERS('200'), async (ctx) => resolved(ctx, await ownComment(ctx)), 'reopen'),
  resolutionRow(
    'POST .../resolve (own thread, already resolved)',
    WRITERS('409 CONFLICT'),
    async (ctx) => resolved(ctx, await ownComment(ctx)),
    'resolve',
  ),
  resolutionRow('POST .../reopen (own thread, still open)', WRITERS('409 CONFLICT'), (ctx) => ownComment(ctx), 'reopen'),
  resolutionRow(
    'POST .../resolve (a reply)',
    WRITERS('400 VALIDATION'),
    (ctx) => ownComment(ctx, { body: 'Antwort', parentId: ctx.fixture.thread.id }),
    'resolve',
  ),
  {
    name: 'DELETE .../comments/:commentId (own reply)',
    expected: WRITERS('204'),
    prepare: async (ctx) => {
      ctx.comment = await ownComment(ctx, { body: 'Weg damit', parentId: ctx.fixture.thread.id });
    },
    send: (ctx) => ctx.client.delete(comments(ctx.fixture, ctx.fixture.sub, `/${ctx.comment?.id}`)),
    verify: async (ctx) => {
      expect(await commentRow(ctx, ctx.comment?.id)).toBeUndefined();
      expect(await commentRow(ctx, ctx.fixture.thread.id)).toBeDefined();
    },
  },
  {
    name: "DELETE .../comments/:commentId (someone else's thread, with its reply)",
    expected: LEAD_ONLY('204'),
    prepare: async (ctx) => {
      ctx.comment = await othersComment(ctx);
      ctx.notificationId = (await commentAs(ctx.fixture.reviewer, ctx.fixture, { body: 'Antwort', parentId: ctx.comment.id })).id;
    },
    send: (ctx) => ctx.client.delete(comments(ctx.fixture, ctx.fixture.sub, `/${ctx.comment?.id}`)),
    verify: async (ctx) => {
      expect(await commentRow(ctx, ctx.comment?.id)).toBeUndefined();
      expect(await commentRow(ctx, ctx.notificationId)).toBeUndefined();
    },
  },
  {
    name: 'GET /api/notifications',
    expected: ANY_USER('200'),
    send: ({ client }) => client.get('/api/notifications'),
    verify: async (ctx, answer) => {
      const page = answer.body as NotificationPage;
      expect(page.notifications.map((n) => n.id)).toEqual(await visibleNotificationIds(ctx));
    },
  },
  {
    name: 'GET /api/notifications/unread-count',
    expected: ANY_USER('200'),
    send: ({ client }) => client.get('/api/notifications/unread-count'),
    verify: async (ctx, answer) => {
      expect((answer.body as UnreadCountResponse).unread).toBe((await visibleNotificationIds(ctx)).length);
    },
  },
  {
    name: "POST /api/notifications/:id/read (the caller's own; an outsider's from a project they were removed from)",
    expected: { ...ANY_USER('200'), nonMember: '404 NOT_FOUND' },
    prepare: async (ctx) => {
      const { fixture, self, caller } = ctx;
      if (self === null) {
        ctx.notificationId = await notificationFor(ctx, fixture.reader);
        return;
      }
      if (caller === 'nonMember') {
        const invitation = await invite(fixture.lead, fixture.project.id, self.user.email, 'reader');
        await mustSucceed(self, 'post', `/api/invitations/${invitation.token}/accept`);
        ctx.notificationId = await notificationFor(ctx, self);
        await mustSucceed(fixture.lead, 'delete', `/api/projects/${fixture.project.id}/members/${self.user.id}`);
        return;
      }
      ctx.notificationId = await notificationFor(ctx, self);
    },
    send: (ctx) => ctx.client.post(`/api/notifications/${ctx.notificationId}/read`),
    verify: async (ctx) => {
      const { rows } = await ctx.app.db.query('SELECT read_at FROM notifications WHERE id = $1', [ctx.notificationId]);
      expect(rows).toEqual([{ read_at: expect.any(Date) as Date }]);
    },
  },
  {
    name: "POST /api/notifications/:id/read (someone else's)",
    expected: ANY_USER('404 NOT_FOUND'),
    prepare: async (ctx) => {
      const other = ctx.caller === 'assignedAuthor' ? ctx.fixture.reviewer : ctx.fixture.assignedAuthor;
      ctx.notificationId = await notificationFor(ctx, other);
    },
    send: (ctx) => ctx.client.post(`/api/notifications/${ctx.notificationId}/read`),
  },
  {
    name: 'POST /api/notifications/read-all',
    expected: ANY_USER('200'),
    send: ({ client }) => client.post('/api/notifications/read-all'),
    verify: async (ctx, answer) => {
      expect(answer.body).toEqual({ unread: 0 });
      const { rows } = await ctx.app.db.query('SELECT id FROM notifications WHERE user_id = $1 AND read_at IS NULL', [
        ctx.self?.user.id,
      ]);
      expect(rows).toEqual([]);
    },
  },
];

async function createFixture(app: TestApp): Promise<Fixture> {
  const team = await createTeamFixture(app);
  const { lead, project, reviewer } = team;
  const assignedAuthor = await createParticipant(app, lead, project.id, 'author');
  const sub = await createSection(lead, project.id, { title: 'Ausgangslage' });
  const other = await createSection(lead, project.id, { title: 'Ausblick' });
  await mustSucceed(lead, 'patch', `/api/projects/${project.id}/sections/${sub.id}`, {
    assigneeIds: [assignedAuthor.user.id],
    reviewerId: reviewer.user.id,
  });
  const fixture = { ...team, assignedAuthor, sub, other } as Fixture;
  fixture.thread = await commentAs(reviewer, fixture, {
    body: `@${assignedAuthor.user.name} welche Stadt?`,
    anchor: anchor(),
  });
  fixture.reply = await commentAs(lead, fixture, { body: 'Bonn.', parentId: fixture.thread.id });
  return fixture;
}

/** The project's comments, notifications and audit trail, and any comment titled `marker`. */
async function snapshot(app: TestApp, fixture: Fixture, marker: string): Promise<Record<string, unknown[]>> {
  const [rows, notifications, audit, marked] = await Promise.all([
    app.db.query('SELECT * FROM comments WHERE project_id = $1 ORDER BY id', [fixture.project.id]),
    app.db.query('SELECT * FROM notifications WHERE project_id = $1 ORDER BY id', [fixture.project.id]),
    app.db.query('SELECT * FROM audit_events WHERE project_id = $1 ORDER BY id', [fixture.project.id]),
    app.db.query('SELECT * FROM comments WHERE body = $1', [marker]),
  ]);
  return { comments: rows.rows, notifications: notifications.rows, audit: audit.rows, marked: marked.rows };
}

describe('permissions of the comment and notification routes', () => {
  const app = matrixApp();

  describeMatrix(app, { callers: CALLERS, rows: MATRIX, createFixture, snapshot });
});
