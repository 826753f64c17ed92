import type {
  AuditPage, Dashboard, OutlineResponse, Project, ReviewAction, ReviewState, Section, SectionAbilities,
  SectionDetailResponse, Template, Transition, TrashedSection,
} from '@kapitel/domain';
import { createParticipant, createSection, flattenOutline, outlineOf, type Person } from '../factories.js';
import type { Answer } from '../http-client.js';
import {
  anyUser,
  createTeamFixture,
  describeMatrix,
  type Expected,
  leadOnly,
  matrixApp,
  type MatrixRow as GenericMatrixRow,
  MEMBERS_READ as MEMBERS_READ_FOR_ROLES,
  mustSucceed,
  type TeamFixture,
} from '../permission-matrix.js';
import type { TestApp } from '../test-app.js';

/**
 * The permission matrix of the outline, review, trash, dashboard and audit routes. The
 * expectations are written out from ARCHITECTURE.md ("Who may do what", review states) and
 * API.md, not derived from the server. An author appears twice: assigned to the section
 * acted on, and not. Every refused request must leave the project's sections, assignees,
 * transitions and audit trail exactly as they were.
 */

const CALLERS = ['anonymous', 'nonMember', 'reader', 'reviewer', 'author', 'assignedAuthor', 'lead'] as const;
type Caller = (typeof CALLERS)[number];

/**
 * A project with one member of each role, a second author who is assigned to every section
 * made for a request, and an outline: chapter 1 (in review) with 1.1 (draft), chapter 2, and
 * one section in the trash. The reviewer reviews 1.1.
 */
interface Fixture extends TeamFixture {
  assignedAuthor: Person;
  chapter: Section;
  sub: Section;
  second: Section;
  trashed: Section;
}

/** `section`: the section `prepare` made for this request. */
type Row = GenericMatrixRow<Fixture, Caller, { section: Section }>;

// The shared columns (leadOnly, MEMBERS_READ, anyUser), each with the assigned author's column added.
const LEAD_ONLY = (ok: Expected): Record<Caller, Expected> => ({ ...leadOnly(ok), assignedAuthor: '403 FORBIDDEN' });
const MEMBERS_READ: Record<Caller, Expected> = { ...MEMBERS_READ_FOR_ROLES, assignedAuthor: '200' };
const ANY_USER = (ok: Expected): Record<Caller, Expected> => ({ ...anyUser(ok), assignedAuthor: ok });
/** Submit: lead or an assignee. */
const SUBMITTERS = (ok: Expected): Record<Caller, Expected> => ({ ...LEAD_ONLY(ok), assignedAuthor: ok });
/** Request changes: lead or reviewer. */
const CHANGE_REQUESTERS = (ok: Expected): Record<Caller, Expected> => ({ ...LEAD_ONLY(ok), reviewer: ok });

const NOTE = 'Kapitel 2 braucht eine Quelle.';

/** The steps, all by a lead, that bring a new section from draft into `state`. */
const PATH_TO: Record<ReviewState, ReviewAction[]> = {
  draft: [],
  in_review: ['submit'],
  changes_requested: ['submit', 'request_changes'],
  approved: ['submit', 'approve'],
};

/** A new chapter assigned to the assigned author, reviewed by the reviewer, in `state`. */
async function sectionIn(fixture: Fixture, state: ReviewState): Promise<Section> {
  const created = await createSection(fixture.lead, fixture.project.id);
  const base = inProject(fixture, `/sections/${created.id}`);
  const people = { assigneeIds: [fixture.assignedAuthor.user.id], reviewerId: fixture.reviewer.user.id };
  const res = await mustSucceed(fixture.lead, 'patch', base, people);
  for (const action of PATH_TO[state]) {
    const note = action === 'request_changes' ? NOTE : undefined;
    await mustSucceed(fixture.lead, 'post', `${base}/transitions`, { action, note });
  }
  return { ...(res.body as { section: Section }).section, state };
}

/** `/api/projects/<the fixture's project><suffix>`. */
function inProject(fixture: Fixture, suffix = ''): string {
  return `/api/projects/${fixture.project.id}${suffix}`;
}

/** The path of the section `prepare` made. */
function sectionPath(ctx: { fixture: Fixture; section?: Section }, suffix = ''): string {
  return inProject(ctx.fixture, `/sections/${ctx.section?.id}${suffix}`);
}

const sectionOf = (answer: Answer): Section => (answer.body as { section: Section }).section;

/**
 * A transition on a section prepared in `from`; on success the answer must show `to` and the
 * history must end in the caller's step.
 */
function transitionRow(
  request: { from: ReviewState; action: ReviewAction; note?: string },
  expected: Record<Caller, Expected>,
  to: ReviewState = request.from,
): Row {
  const { from, action, note } = request;
  const noteless = action === 'request_changes' && note === undefined ? ' without a note' : '';
  return {
    name: `POST .../sections/:sectionId/transitions ${action}${noteless} (${from})`,
    expected,
    prepare: async (ctx) => {
      ctx.section = await sectionIn(ctx.fixture, from);
    },
    send: (ctx) => ctx.client.post(sectionPath(ctx, '/transitions'), { action, note }),
    verify: async ({ app, section, self }, answer) => {
      expect(sectionOf(answer)).toMatchObject({ id: section?.id, state: to });
      const rows = await app.db.query(
        `SELECT action, from_state, to_state, actor_id, note FROM section_transitions
          WHERE section_id = $1 ORDER BY id DESC LIMIT 1`,
        [section?.id],
      );
      const step = { action, from_state: from, to_state: to, actor_id: self?.user.id, note: note ?? null };
      expect(rows.rows).toEqual([step]);
    },
  };
}

/**
 * ARCHITECTURE.md, "Who may do what": the abilities a caller has on a draft section (1.1)
 * assigned to `assignedAuthor`; every other ability is false.
 */
const DRAFT_ABILITIES: Record<Exclude<Caller, 'anonymous' | 'nonMember'>, Array<keyof SectionAbilities>> = {
  reader: [],
  reviewer: ['comment.create'],
  author: ['comment.create'],
  assignedAuthor: ['comment.create', 'review.submit', 'section.edit', 'version.create'],
  lead: ['comment.create', 'outline.manage', 'review.submit', 'section.edit', 'version.create'],
};
const ALL_SECTION_ABILITIES = ['comment.create', 'outline.manage', 'review.approve', 'review.no_objections',
  'review.reopen', 'review.request_changes', 'review.submit', 'review.withdraw', 'section.edit', 'version.create'];
/** "No objections": a reviewer, or a lead who is the section's named reviewer (here the reviewer is). */
const VERDICT_GIVERS = (ok: Expected): Record<Caller, Expected> => ({ ...LEAD_ONLY('403 FORBIDDEN'), reviewer: ok });

/** "No objections" on a section prepared in `from`: on success it stays there and shows the verdict. */
function noObjectionsRow(from: ReviewState, expected: Record<Caller, Expected>): Row {
  return {
    name: `POST .../sections/:sectionId/no-objections (${from})`,
    expected,
    prepare: async (ctx) => {
      ctx.section = await sectionIn(ctx.fixture, from);
    },
    send: (ctx) => ctx.client.post(sectionPath(ctx, '/no-objections'), { note: NOTE }),
    verify: async ({ app, section, self }, answer) => {
      const verdict = { actorId: self?.user.id, actorName: self?.user.name, note: NOTE };
      expect(sectionOf(answer)).toMatchObject({ id: section?.id, state: from, noObjections: [verdict] });
      const sql = 'SELECT action, to_state, actor_id FROM section_transitions WHERE section_id = $1 ORDER BY id DESC LIMIT 1';
      const rows = await app.db.query(sql, [section?.id]);
      expect(rows.rows).toEqual([{ action: 'no_objections', to_state: from, actor_id: self?.user.id }]);
    },
  };
}

const MATRIX: Row[] = [
  {
    name: 'GET /api/templates',
    expected: ANY_USER('200'),
    send: ({ client }) => client.get('/api/templates'),
    verify: (_ctx, answer) => {
      expect((answer.body as Template[]).map((t) => t.id)).toContain('kommunaler-bericht-open-source');
    },
  },
  {
    name: 'POST /api/projects with a template',
    expected: ANY_USER('201'),
    send: ({ client, marker }) =>
      client.post('/api/projects', { title: marker, template: 'kommunaler-bericht-open-source' }),
    verify: async ({ self }, answer) => {
      const { project } = answer.body as { project: Project };
      const outline = await outlineOf(self as Person, project.id);
      expect(outline.map((node) => node.number)).toEqual([null, '1', '2', '3', '4', '5', null]);
    },
  },
  {
    name: 'POST /api/projects/:projectId/sections (at the start of chapter 1)',
    expected: LEAD_ONLY('201'),
    send: ({ client, fixture, marker }) =>
      client.post(inProject(fixture, '/sections'), { title: marker, parentId: fixture.chapter.id, position: 0 }),
    verify: async ({ fixture, marker }, answer) => {
      const section = sectionOf(answer);
      expect(section).toMatchObject({ title: marker, parentId: fixture.chapter.id, position: 0, number: '1.1' });
      const numbers = flattenOutline(await outlineOf(fixture.lead, fixture.project.id)).map((s) => [s.id, s.number]);
      expect(numbers).toEqual([
        [fixture.chapter.id, '1'],
        [section.id, '1.1'],
        [fixture.sub.id, '1.2'],
        [fixture.second.id, '2'],
      ]);
    },
  },
  {
    name: 'GET /api/projects/:projectId/outline',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(inProject(fixture, '/outline')),
    verify: ({ fixture }, answer) => {
      const tree = (answer.body as OutlineResponse).sections;
      expect(tree.map((n) => [n.id, n.number, n.children.map((c) => [c.id, c.number])])).toEqual([
        [fixture.chapter.id, '1', [[fixture.sub.id, '1.1']]],
        [fixture.second.id, '2', []],
      ]);
    },
  },
  {
    name: 'GET /api/projects/:projectId/sections/:sectionId',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(inProject(fixture, `/sections/${fixture.sub.id}`)),
    verify: ({ caller, fixture }, answer) => {
      const body = answer.body as SectionDetailResponse;
      expect(body.section).toMatchObject({ id: fixture.sub.id, number: '1.1', state: 'draft' });
      expect(Object.keys(body.abilities).sort()).toEqual(ALL_SECTION_ABILITIES);
      const granted = Object.entries(body.abilities).filter(([, yes]) => yes).map(([ability]) => ability);
      expect(granted.sort()).toEqual(DRAFT_ABILITIES[caller as keyof typeof DRAFT_ABILITIES]);
    },
  },
  {
    name: 'PATCH /api/projects/:projectId/sections/:sectionId (title, assignees, reviewer, due date)',
    expected: LEAD_ONLY('200'),
    prepare: async (ctx) => {
      ctx.section = await sectionIn(ctx.fixture, 'draft');
    },
    send: (ctx) =>
      ctx.client.patch(sectionPath(ctx), {
        title: ctx.marker,
        assigneeIds: [ctx.fixture.author.user.id],
        reviewerId: ctx.fixture.lead.user.id,
        dueDate: '2030-01-31',
      }),
    verify: ({ fixture, marker }, answer) => {
      expect(sectionOf(answer)).toMatchObject({
        title: marker,
        assigneeIds: [fixture.author.user.id],
        reviewerId: fixture.lead.user.id,
        dueDate: '2030-01-31',
      });
    },
  },
  {
    name: 'PATCH /api/projects/:projectId/sections/:sectionId (assigning a reader)',
    expected: LEAD_ONLY('400 VALIDATION'),
    send: ({ client, fixture }) =>
      client.patch(inProject(fixture, `/sections/${fixture.sub.id}`), { assigneeIds: [fixture.reader.user.id] }),
  },
  {
    name: 'POST .../sections/:sectionId/move (under chapter 1, first)',
    expected: LEAD_ONLY('200'),
    prepare: async (ctx) => {
      ctx.section = await createSection(ctx.fixture.lead, ctx.fixture.project.id);
    },
    send: (ctx) => ctx.client.post(sectionPath(ctx, '/move'), { parentId: ctx.fixture.chapter.id, position: 0 }),
    verify: ({ fixture }, answer) => {
      expect(sectionOf(answer)).toMatchObject({ parentId: fixture.chapter.id, position: 0, number: '1.1' });
    },
  },
  {
    name: 'POST .../sections/:sectionId/move (chapter 1 under its own sub-section)',
    expected: LEAD_ONLY('409 OUTLINE_CYCLE'),
    send: ({ client, fixture }) =>
      client.post(inProject(fixture, `/sections/${fixture.chapter.id}/move`), {
        parentId: fixture.sub.id,
        position: 0,
      }),
  },
  {
    name: 'DELETE /api/projects/:projectId/sections/:sectionId (with a sub-section)',
    expected: LEAD_ONLY('204'),
    prepare: async (ctx) => {
      ctx.section = await createSection(ctx.fixture.lead, ctx.fixture.project.id);
      await createSection(ctx.fixture.lead, ctx.fixture.project.id, { parentId: ctx.section.id });
    },
    send: (ctx) => ctx.client.delete(sectionPath(ctx)),
    verify: async ({ fixture, section }) => {
      const trash = await fixture.lead.client.get<TrashedSection[]>(inProject(fixture, '/trash'));
      const entry = trash.body.find((t) => t.id === section?.id);
      expect(entry).toMatchObject({ descendantCount: 1, deletedBy: fixture.lead.user.id });
      const live = flattenOutline(await outlineOf(fixture.lead, fixture.project.id)).map((s) => s.id);
      expect(live).not.toContain(section?.id);
    },
  },
  {
    name: 'GET /api/projects/:projectId/trash',
    expected: LEAD_ONLY('200'),
    send: ({ client, fixture }) => client.get(inProject(fixture, '/trash')),
    verify: ({ fixture }, answer) => {
      expect(answer.body as TrashedSection[]).toEqual([
        expect.objectContaining({ id: fixture.trashed.id, parentId: null, descendantCount: 0 }),
      ]);
    },
  },
  {
    name: 'POST .../sections/:sectionId/restore',
    expected: LEAD_ONLY('200'),
    prepare: async (ctx) => {
      const place = { parentId: ctx.fixture.chapter.id, position: 0 };
      ctx.section = await createSection(ctx.fixture.lead, ctx.fixture.project.id, place);
      await mustSucceed(ctx.fixture.lead, 'delete', sectionPath(ctx));
    },
    send: (ctx) => ctx.client.post(sectionPath(ctx, '/restore')),
    verify: async ({ fixture, section }, answer) => {
      const place = { parentId: fixture.chapter.id, position: 0, number: '1.1' };
      expect(sectionOf(answer)).toMatchObject({ id: section?.id, ...place });
      const trash = await fixture.lead.client.get<TrashedSection[]>(inProject(fixture, '/trash'));
      expect(trash.body.map((t) => t.id)).not.toContain(section?.id);
    },
  },
  transitionRow({ from: 'draft', action: 'submit' }, SUBMITTERS('200'), 'in_review'),
  transitionRow({ from: 'changes_requested', action: 'submit' }, SUBMITTERS('200'), 'in_review'),
  transitionRow({ from: 'in_review', action: 'submit' }, SUBMITTERS('409 ILLEGAL_TRANSITION')),
  transitionRow({ from: 'approved', action: 'submit' }, SUBMITTERS('409 ILLEGAL_TRANSITION')),
  transitionRow(
    { from: 'in_review', action: 'request_changes', note: NOTE },
    CHANGE_REQUESTERS('200'),
    'changes_requested',
  ),
  transitionRow({ from: 'in_review', action: 'request_changes' }, CHANGE_REQUESTERS('400 VALIDATION')),
  transitionRow({ from: 'draft', action: 'request_changes', note: NOTE }, CHANGE_REQUESTERS('409 ILLEGAL_TRANSITION')),
  transitionRow({ from: 'in_review', action: 'approve' }, LEAD_ONLY('200'), 'approved'),
  transitionRow({ from: 'changes_requested', action: 'approve' }, LEAD_ONLY('409 ILLEGAL_TRANSITION')),
  transitionRow({ from: 'approved', action: 'reopen' }, LEAD_ONLY('200'), 'draft'),
  transitionRow({ from: 'in_review', action: 'reopen' }, LEAD_ONLY('409 ILLEGAL_TRANSITION')),
  transitionRow({ from: 'in_review', action: 'withdraw', note: NOTE }, SUBMITTERS('200'), 'draft'),
  transitionRow({ from: 'changes_requested', action: 'withdraw' }, SUBMITTERS('409 ILLEGAL_TRANSITION')),
  transitionRow({ from: 'approved', action: 'withdraw' }, SUBMITTERS('409 ILLEGAL_TRANSITION')),
  noObjectionsRow('in_review', VERDICT_GIVERS('200')),
  noObjectionsRow('draft', VERDICT_GIVERS('409 ILLEGAL_TRANSITION')),
  {
    name: 'GET .../sections/:sectionId/transitions',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(inProject(fixture, `/sections/${fixture.chapter.id}/transitions`)),
    verify: ({ fixture }, answer) => {
      expect(answer.body as Transition[]).toEqual([
        expect.objectContaining({ from: 'draft', to: 'in_review', action: 'submit', actorId: fixture.lead.user.id }),
      ]);
    },
  },
  {
    name: 'GET /api/projects/:projectId/dashboard',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(inProject(fixture, '/dashboard')),
    verify: ({ fixture }, answer) => {
      const dashboard = answer.body as Dashboard;
      const counts = { draft: 2, in_review: 1, changes_requested: 0, approved: 0 };
      expect(dashboard).toMatchObject({ total: 3, approved: 0, progress: 0, counts });
      const assigned = dashboard.members.find((m) => m.userId === fixture.assignedAuthor.user.id);
      expect(assigned?.assigned.map((s) => s.id)).toEqual([fixture.chapter.id, fixture.sub.id]);
    },
  },
  {
    name: 'GET /api/projects/:projectId/audit?limit=2',
    expected: LEAD_ONLY('200'),
    send: ({ client, fixture }) => client.get(inProject(fixture, '/audit?limit=2')),
    verify: async ({ client, fixture }, answer) => {
      const page = answer.body as AuditPage;
      expect(page.events.map((e) => [e.action, e.targetId])).toEqual([
        ['section.deleted', fixture.trashed.id],
        ['section.created', fixture.trashed.id],
      ]);
      expect(page.nextBefore).toEqual(expect.any(String));
      const next = await client.get<AuditPage>(inProject(fixture, `/audit?limit=2&before=${page.nextBefore}`));
      expect(next.body.events.map((e) => e.action)).toEqual(['section.transition', 'section.updated']);
    },
  },
];

async function createFixture(app: TestApp): Promise<Fixture> {
  const team = await createTeamFixture(app);
  const { lead, project } = team;
  const assignedAuthor = await createParticipant(app, lead, project.id, 'author');
  const chapter = await createSection(lead, project.id, { title: 'Ausgangslage' });
  const sub = await createSection(lead, project.id, { title: 'Stufen', parentId: chapter.id });
  const second = await createSection(lead, project.id, { title: 'Fallbeispiele' });
  const sections = `/api/projects/${project.id}/sections`;
  const people = { assigneeIds: [assignedAuthor.user.id], reviewerId: team.reviewer.user.id };
  await mustSucceed(lead, 'patch', `${sections}/${sub.id}`, people);
  await mustSucceed(lead, 'patch', `${sections}/${chapter.id}`, people);
  await mustSucceed(lead, 'post', `${sections}/${chapter.id}/transitions`, { action: 'submit' });
  const trashed = await createSection(lead, project.id, { title: 'Entwurf' });
  await mustSucceed(lead, 'delete', `${sections}/${trashed.id}`);
  return { ...team, assignedAuthor, chapter, sub, second, trashed };
}

/** The project's outline rows, review history and audit trail, and any project titled `marker`. */
async function snapshot(app: TestApp, fixture: Fixture, marker: string): Promise<Record<string, unknown[]>> {
  const params = [fixture.project.id, marker];
  const inScope = 'SELECT id FROM projects WHERE id = $1 OR title = $2';
  const [projects, sections, assignees, transitions, audit] = await Promise.all([
    app.db.query(`SELECT * FROM projects WHERE id IN (${inScope}) ORDER BY id`, params),
    app.db.query(`SELECT * FROM sections WHERE project_id IN (${inScope}) ORDER BY id`, params),
    app.db.query(
      `SELECT a.* FROM section_assignees a JOIN sections s ON s.id = a.section_id
        WHERE s.project_id IN (${inScope}) ORDER BY a.section_id, a.user_id`,
      params,
    ),
    app.db.query(
      `SELECT t.* FROM section_transitions t JOIN sections s ON s.id = t.section_id
        WHERE s.project_id IN (${inScope}) ORDER BY t.id`,
      params,
    ),
    app.db.query(`SELECT * FROM audit_events WHERE project_id IN (${inScope}) ORDER BY id`, params),
  ]);
  return {
    projects: projects.rows,
    sections: sections.rows,
    assignees: assignees.rows,
    transitions: transitions.rows,
    audit: audit.rows,
  };
}

describe('permissions of the outline, review, dashboard and audit routes', () => {
  const app = matrixApp();

  describeMatrix(app, { callers: CALLERS, rows: MATRIX, createFixture, snapshot });
});
