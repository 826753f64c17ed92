import type { ErrorBody, ReviewAction, ReviewState, Section, Transition, TrashedSection } from '@kapitel/domain';
import {
  createParticipant,
  createProject,
  createSection,
  flattenOutline,
  outlineOf,
  registerUser,
  type Person,
} from '../factories.js';
import type { Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * Two leads working on one outline at the same moment, through real HTTP against real
 * PostgreSQL. Whatever order the database lets the requests run in, the outline must stay a
 * tree with dense sibling positions, nothing may be lost or orphaned, of two conflicting
 * steps exactly one may win, and no request may end in a 500.
 */

interface TwoLeads {
  projectId: string;
  lead: Person;
  /** A second member with role lead, invited by the first. */
  colead: Person;
}

async function twoLeads(app: TestApp): Promise<TwoLeads> {
  const lead = await registerUser(app, { name: 'Lea Lead' });
  const project = await createProject(lead);
  const colead = await createParticipant(app, lead, project.id, 'lead');
  return { projectId: project.id, lead, colead };
}

/** A small seeded random source (mulberry32): the same mix of requests on every run. */
function seeded(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

/** "200", "409 OUTLINE_CYCLE": an answer written the way the expectations below write it. */
function outcome(answer: Answer): string {
  return answer.status >= 400 ? `${answer.status} ${(answer.body as ErrorBody).error.code}` : String(answer.status);
}

/** Asserts that `actual` is one of `allowed`; a failure names both, and `context`. */
function expectOneOf(actual: string, allowed: readonly string[], context: unknown): void {
  const wanted = allowed.includes(actual) ? actual : `one of: ${allowed.join(', ')}`;
  expect({ context, outcome: actual }).toEqual({ context, outcome: wanted });
}

/** `send` after `ms` milliseconds. */
async function after<T>(ms: number, send: () => Promise<T>): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return send();
}

const sectionOf = (answer: Answer): Section => (answer.body as { section: Section }).section;

interface SectionRow {
  id: string;
  parent_id: string | null;
  position: number;
  state: ReviewState;
  deleted: boolean;
  trashed_with: string | null;
}

async function sectionRows(app: TestApp, projectId: string): Promise<SectionRow[]> {
  const res = await app.db.query<SectionRow>(
    `SELECT id, parent_id, position, state, deleted_at IS NOT NULL AS deleted, trashed_with
       FROM sections WHERE project_id = $1 ORDER BY id`,
    [projectId],
  );
  return res.rows;
}

async function sectionRow(app: TestApp, projectId: string, id: string): Promise<SectionRow | undefined> {
  return (await sectionRows(app, projectId)).find((row) => row.id === id);
}

/** Everything wrong with the live sections as a tree: gaps or duplicates among siblings, orphans, cycles. */
function treeProblems(live: readonly SectionRow[]): string[] {
  const problems: string[] = [];
  const byId = new Map(live.map((row) => [row.id, row]));
  const positions = new Map<string | null, number[]>();
  for (const row of live) {
    positions.set(row.parent_id, [...(positions.get(row.parent_id) ?? []), row.position]);
    if (row.parent_id !== null && !byId.has(row.parent_id)) {
      problems.push(`${row.id} names a parent ${row.parent_id} that is not a live section`);
    }
    const seen = new Set<string>();
    for (let at = byId.get(row.id); at?.parent_id; at = byId.get(at.parent_id)) {
      if (seen.has(at.id)) {
        problems.push(`${row.id} lies on a cycle`);
        break;
      }
      seen.add(at.id);
    }
  }
  for (const [parentId, list] of positions) {
    const sorted = [...list].sort((a, b) => a - b);
    if (sorted.some((position, index) => position !== index)) {
      problems.push(`the children of ${parentId ?? 'the top level'} hold positions ${sorted.join(',')}`);
    }
  }
  return problems;
}

/** Asserts a sound tree in the database and that GET /outline shows exactly that tree; returns the live rows. */
async function expectSoundOutline(app: TestApp, person: Person, projectId: string): Promise<SectionRow[]> {
  const live = (await sectionRows(app, projectId)).filter((row) => !row.deleted);
  expect(treeProblems(live)).toEqual([]);
  const shown = flattenOutline(await outlineOf(person, projectId));
  const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
  expect(shown.map((node) => [node.id, node.parentId, node.position]).sort(byId)).toEqual(
    live.map((row) => [row.id, row.parent_id, row.position]).sort(byId),
  );
  return live;
}

describe('outline under concurrent requests', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      loginRateLimitPerIp: 100_000,
      loginRateLimitPerEmail: 100_000,
      invitationRateLimitPerHour: 100_000,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  describe('two leads reshaping one outline', () => {
    it('keeps positions dense and unique and loses or orphans nothing under 40 parallel moves and creates', async () => {
      const { projectId, lead, colead } = await twoLeads(app);
      const parentOf = new Map<string, string | null>();
      for (let chapter = 1; chapter <= 4; chapter += 1) {
        const parent = await createSection(lead, projectId, { title: `Kapitel ${chapter}` });
        parentOf.set(parent.id, null);
        for (let sub = 1; sub <= 3; sub += 1) {
          const child = await createSection(lead, projectId, { title: `${chapter}.${sub}`, parentId: parent.id });
          parentOf.set(child.id, parent.id);
        }
      }
      const ids = [...parentOf.keys()];
      const random = seeded(20_260_611);
      const pick = () => ids[random(ids.length)] ?? null;
      const base = `/api/projects/${projectId}/sections`;
      const requests = Array.from({ length: 40 }, (_unused, index) => {
        const client = (index % 2 === 0 ? lead : colead).client;
        const kind = (['create', 'reorder', 'reparent'] as const)[index % 3] ?? 'create';
        if (kind === 'create') {
          const body = { title: `Neu ${index}`, parentId: random(3) === 0 ? null : pick(), position: 0 };
          return { kind, send: () => client.post(base, body) };
        }
        const id = pick();
        const parentId = kind === 'reorder' ? (parentOf.get(id ?? '') ?? null) : random(4) === 0 ? null : pick();
        return { kind, send: () => client.post(`${base}/${id}/move`, { parentId, position: random(5) }) };
      });
      const auditBefore = await app.db.query('SELECT 1 FROM audit_events WHERE project_id = $1', [projectId]);

      const answers = await Promise.all(requests.map((request) => request.send()));

      // A create may only fail as too deep; a move also as a cycle. Nothing else, and never a 500.
      answers.forEach((answer, index) => {
        const kind = requests[index]?.kind;
        const allowed = kind === 'create' ? ['201', '400 VALIDATION'] : ['200', '409 OUTLINE_CYCLE', '400 VALIDATION'];
        expectOneOf(outcome(answer), allowed, { index, kind });
      });
      const created = answers.filter((answer) => answer.status === 201).map((answer) => sectionOf(answer).id);
      const succeeded = answers.filter((answer) => answer.status < 300).length;
      expect(succeeded).toBeGreaterThanOrEqual(30);

      const live = await expectSoundOutline(app, lead, projectId);
      expect(live.map((row) => row.id).sort()).toEqual([...ids, ...created].sort());
      // Every change that was answered as done was recorded once, and none more.
      const auditAfter = await app.db.query('SELECT 1 FROM audit_events WHERE project_id = $1', [projectId]);
      expect(auditAfter.rowCount).toBe((auditBefore.rowCount ?? 0) + succeeded);
    });

    it('lets exactly one of two crossing moves (A under B, B under A) win and answers the other OUTLINE_CYCLE', async () => {
      const { projectId, lead, colead } = await twoLeads(app);
      for (let round = 0; round < 8; round += 1) {
        const a = await createSection(lead, projectId, { title: `A ${round}` });
        const b = await createSection(lead, projectId, { title: `B ${round}` });
        const [first, second] = round % 2 === 0 ? [lead, colead] : [colead, lead];

        const answers = await Promise.all([
          first.client.post(`/api/projects/${projectId}/sections/${a.id}/move`, { parentId: b.id, position: 0 }),
          second.client.post(`/api/projects/${projectId}/sections/${b.id}/move`, { parentId: a.id, position: 0 }),
        ]);

        const outcomes = answers.map(outcome).sort();
        expect({ round, outcomes }).toEqual({ round, outcomes: ['200', '409 OUTLINE_CYCLE'] });
        const aWon = answers[0]?.status === 200;
        const rows = await sectionRows(app, projectId);
        const parents = [a.id, b.id].map((id) => rows.find((row) => row.id === id)?.parent_id);
        expect(parents).toEqual(aWon ? [b.id, null] : [null, a.id]);
        await expectSoundOutline(app, lead, projectId);
      }
    });

    /** Milliseconds before the delete, the move and the create go out: delete first, last, between. */
    const STAGGER = [
      [0, 10, 10],
      [10, 0, 0],
      [5, 10, 0],
    ] as const;

    it('orphans nothing when a parent is deleted while its child is moved away and a sub-section is created under it', async () => {
      const { projectId, lead, colead } = await twoLeads(app);
      const elsewhere = await createSection(lead, projectId, { title: 'Anderswo' });
      const everyId = new Set([elsewhere.id]);
      for (let round = 0; round < 9; round += 1) {
        const parent = await createSection(lead, projectId, { title: `Eltern ${round}`, position: 0 });
        const moving = await createSection(lead, projectId, { parentId: parent.id });
        const staying = await createSection(lead, projectId, { parentId: parent.id });
        const grandchild = await createSection(lead, projectId, { parentId: staying.id });
        [parent, moving, staying, grandchild].forEach((section) => everyId.add(section.id));
        const base = `/api/projects/${projectId}/sections`;

        // Each round staggers the three by a few milliseconds in another order, so that every order occurs.
        const [removeLag, moveLag, createLag] = STAGGER[round % STAGGER.length] ?? [0, 0, 0];
        const [removed, moved, created] = await Promise.all([
          after(removeLag, () => lead.client.delete(`${base}/${parent.id}`)),
          after(moveLag, () => colead.client.post(`${base}/${moving.id}/move`, { parentId: elsewhere.id, position: 0 })),
          after(createLag, () => colead.client.post(base, { title: `Neu ${round}`, parentId: parent.id, position: 0 })),
        ]);

        expect(outcome(removed)).toBe('204');
        expectOneOf(outcome(moved), ['200', '404 NOT_FOUND'], { round, request: 'move the child away' });
        expectOneOf(outcome(created), ['201', '400 VALIDATION'], { round, request: 'create under the parent' });
        // A move that won ran first and took the child out; one that lost found it in the trash.
        // A create that won ran before the delete, so its section went into the trash with the parent.
        const goneWithParent = [parent.id, staying.id, grandchild.id];
        if (moved.status !== 200) {
          goneWithParent.push(moving.id);
        }
        if (created.status === 201) {
          goneWithParent.push(sectionOf(created).id);
          everyId.add(sectionOf(created).id);
        }
        const rows = await sectionRows(app, projectId);
        const trashedWithParent = rows.filter((row) => row.trashed_with === parent.id).map((row) => row.id);
        expect(trashedWithParent.sort()).toEqual(goneWithParent.sort());
        expect(await sectionRow(app, projectId, moving.id)).toMatchObject(
          moved.status === 200 ? { deleted: false, parent_id: elsewhere.id } : { deleted: true },
        );
        const trash = await lead.client.get<TrashedSection[]>(`/api/projects/${projectId}/trash`);
        expect(trash.body.find((entry) => entry.id === parent.id)?.descendantCount).toBe(goneWithParent.length - 1);

        // Live and trash together hold every section ever made, each exactly once.
        await expectSoundOutline(app, lead, projectId);
        expect(rows.map((row) => row.id).sort()).toEqual([...everyId].sort());
        const trashRoots = new Set(trash.body.map((entry) => entry.id));
        expect(rows.filter((row) => row.deleted && !trashRoots.has(row.trashed_with ?? ''))).toEqual([]);
      }
    });
  });

  describe('conflicting review steps on one section', () => {
    const STATE_AFTER: Record<ReviewAction, ReviewState> = {
      submit: 'in_review',
      request_changes: 'changes_requested',
      approve: 'approved',
      reopen: 'draft',
      withdraw: 'draft',
    };

    it.each([
      ['a lead approves while the reviewer requests changes', 'reviewer'],
      ['two leads approve at once', 'colead'],
    ] as const)('lets exactly one of two conflicting transitions win when %s', async (_case, rival) => {
      const team = await twoLeads(app);
      const [author, reviewer] = await Promise.all([
        createParticipant(app, team.lead, team.projectId, 'author'),
        createParticipant(app, team.lead, team.projectId, 'reviewer'),
      ]);
      for (let round = 0; round < 10; round += 1) {
        const section = await createSection(team.lead, team.projectId);
        const path = `/api/projects/${team.projectId}/sections/${section.id}`;
        const people = { assigneeIds: [author.user.id], reviewerId: reviewer.user.id };
        expect((await team.lead.client.patch(path, people)).status).toBe(200);
        expect((await author.client.post(`${path}/transitions`, { action: 'submit' })).status).toBe(200);
        const steps: Array<{ person: Person; action: ReviewAction; note?: string }> = [
          { person: team.lead, action: 'approve' },
          rival === 'reviewer'
            ? { person: reviewer, action: 'request_changes', note: `Runde ${round}: bitte belegen.` }
            : { person: team.colead, action: 'approve' },
        ];
        if (round % 2 === 1) {
          steps.reverse();
        }

        const answers = await Promise.all(
          steps.map((step) => step.person.client.post(`${path}/transitions`, { action: step.action, note: step.note })),
        );

        const outcomes = answers.map(outcome).sort();
        expect({ round, outcomes }).toEqual({ round, outcomes: ['200', '409 ILLEGAL_TRANSITION'] });
        const winner = steps[answers.findIndex((answer) => answer.status === 200)];
        const state = STATE_AFTER[winner?.action ?? 'submit'];
        const history = await app.db.query(
          'SELECT action, actor_id, to_state, note FROM section_transitions WHERE section_id = $1 ORDER BY id',
          [section.id],
        );
        expect(history.rows).toEqual([
          { action: 'submit', actor_id: author.user.id, to_state: 'in_review', note: null },
          { action: winner?.action, actor_id: winner?.person.user.id, to_state: state, note: winner?.note ?? null },
        ]);
        expect((await sectionRow(app, team.projectId, section.id))?.state).toBe(state);
        const shown = await author.client.get<Transition[]>(`${path}/transitions`);
        expect(shown.body.map((step) => [step.action, step.to])).toEqual([
          ['submit', 'in_review'],
          [winner?.action, state],
        ]);
      }
    });
  });

  describe('assignments while membership changes', () => {
    it.each([
      ['removed while a lead assigns them as author', 'author', 'assigneeIds', 'remove'],
      ['removed while a lead makes them reviewer', 'reviewer', 'reviewerId', 'remove'],
      ['changed to reader while a lead assigns them as author', 'author', 'assigneeIds', 'demote'],
    ] as const)('leaves a member %s assigned to no section', async (_case, role, field, change) => {
      const { projectId, lead, colead } = await twoLeads(app);
      const rounds: Array<{ round: number; assignment: string; stillAssignedTo: string[] }> = [];
      for (let round = 0; round < 10; round += 1) {
        const member = await createParticipant(app, lead, projectId, role);
        const section = await createSection(lead, projectId);
        const memberPath = `/api/projects/${projectId}/members/${member.user.id}`;
        const patch = field === 'assigneeIds' ? { assigneeIds: [member.user.id] } : { reviewerId: member.user.id };

        const [assigned, changed] = await Promise.all([
          lead.client.patch(`/api/projects/${projectId}/sections/${section.id}`, patch),
          change === 'remove' ? colead.client.delete(memberPath) : colead.client.patch(memberPath, { role: 'reader' }),
        ]);

        expect(outcome(changed)).toBe(change === 'remove' ? '204' : '200');
        // Either the assignment ran first and went with the membership, or it ran second and was refused.
        expectOneOf(outcome(assigned), ['200', '400 VALIDATION'], { round });
        const left = await app.db.query<{ id: string }>(
          `SELECT s.id FROM sections s LEFT JOIN section_assignees a ON a.section_id = s.id AND a.user_id = $2
            WHERE s.project_id = $1 AND (a.user_id IS NOT NULL OR s.reviewer_id = $2)`,
          [projectId, member.user.id],
        );
        const shown = flattenOutline(await outlineOf(lead, projectId)).filter(
          (node) => node.assigneeIds.includes(member.user.id) || node.reviewerId === member.user.id,
        );
        const stillAssignedTo = [...new Set([...left.rows.map((row) => row.id), ...shown.map((node) => node.id)])];
        rounds.push({ round, assignment: outcome(assigned), stillAssignedTo });
      }
      // Every round first, then the verdict: a failure shows how often the race was lost.
      expect(rounds.filter((r) => r.stillAssignedTo.length > 0)).toEqual([]);
    });
  });
});
