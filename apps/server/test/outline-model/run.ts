import fc from 'fast-check';
import {
  can,
  depthOf,
  moveProblem,
  nextReviewState,
  numberOutline,
  outlineProblems,
  placeAmongSiblings,
  replayReviewHistory,
  REVIEW_ACTIONS,
  subtreeIds,
  type OutlineNode,
  type ReviewState,
  type SectionDetailResponse,
  type Transition,
  type TrashedSection,
} from '@kapitel/domain';
import { createParticipant, createTeam, outlineOf, type Person } from '../factories.js';
import { type TestApp } from '../test-app.js';
import {
  type MemberName,
  ROLE_OF,
  MAY_BE_ASSIGNED,
  MAY_REVIEW,
  MAX_DEPTH,
  NEVER_EXISTED,
  type ParentChoice,
  type Target,
  type Command,
  TYPICAL_ACTORS,
} from './commands.js';
import {
  OutlineModel,
  viewOf,
  apiTree,
  type Expected,
  type Plan,
  type SectionRow,
  refused,
} from './model.js';

// One model-based run against a real server: sends each command, predicts its answer, checks every invariant.

export class Run {
  readonly model = new OutlineModel();
  readonly trace: string[] = [];

  private constructor(
    private readonly app: TestApp,
    readonly projectId: string,
    readonly people: Record<MemberName, Person>,
  ) {}

  /** A fresh project with a lead, two authors, a reviewer and a reader. */
  static async start(app: TestApp): Promise<Run> {
    const team = await createTeam(app);
    const author2 = await createParticipant(app, team.lead, team.project.id, 'author');
    return new Run(app, team.project.id, {
      lead: team.lead,
      author1: team.author,
      author2,
      reviewer: team.reviewer,
      reader: team.reader,
    });
  }

  private get base(): string {
    return `/api/projects/${this.projectId}`;
  }
  private userId(name: MemberName): string {
    return this.people[name].user.id;
  }

  async execute(command: Command): Promise<void> {
    const plan = await this.plan(command);
    // Only a refusal needs the rows from before: an unexpected answer fails on its status anyway.
    const before = plan.expected.status >= 400 ? await this.snapshot() : null;
    const answer = await plan.send();
    this.trace.push(
      `${plan.describe} -> ${answer.status}${answer.body?.error ? ` ${answer.body.error.code}` : ''} (model: ${plan.expected.status}, ${plan.expected.because})`,
    );
    expect({ request: plan.describe, status: answer.status, code: answer.body?.error?.code }).toEqual({
      request: plan.describe,
      status: plan.expected.status,
      code: plan.expected.code,
    });
    if (plan.expected.fields) {
      const fields = (answer.body.error.details ?? []).map((detail) => detail.field).sort();
      expect({ request: plan.describe, fields }).toEqual({
        request: plan.describe,
        fields: [...plan.expected.fields].sort(),
      });
    }
    if (before !== null) {
      expect(await this.snapshot()).toEqual(before);
    } else {
      const shown = plan.apply(answer.body);
      if (shown !== null) {
        expect(viewOf(answer.body.section)).toEqual(viewOf(this.model.get(shown)));
        expect(answer.body.section.number).toBe(this.model.view(shown).number);
      }
    }
    await this.checkInvariants(command.type === 'delete' || command.type === 'restore');
  }

  // ---- resolving picks against the model

  private target(choice: Target): string {
    const pool = choice.anySection ? this.model.all() : this.model.live();
    return pool.length === 0 ? NEVER_EXISTED : pool[choice.pick % pool.length].id;
  }

  private parent(choice: ParentChoice, moved: string | null): string | null {
    const live = this.model.live();
    const links = this.model.links();
    switch (choice.kind) {
      case 'top':
        return null;
      case 'deepest': {
        // Outside the moved subtree: moves under it are what 'below' is for.
        const inside =
          moved !== null && this.model.isLive(moved) ? subtreeIds(links, moved) : new Set<string>();
        const outside = live.filter((section) => !inside.has(section.id));
        const depths = outside.map((section) => depthOf(links, section.id));
        return outside[depths.indexOf(Math.max(0, ...depths))]?.id ?? null;
      }
      case 'below': {
        if (moved !== null && this.model.isLive(moved)) {
          const below = subtreeIds(links, moved);
          const ordered = live.filter((section) => below.has(section.id));
          return ordered[choice.pick % ordered.length].id;
        }
        return live.length === 0 ? null : live[choice.pick % live.length].id;
      }
      case 'live':
        return live.length === 0 ? null : live[choice.pick % live.length].id;
      case 'trashed': {
        const trashed = this.model.all().filter((section) => section.trashedWith !== null);
        return trashed.length === 0 ? NEVER_EXISTED : trashed[choice.pick % trashed.length].id;
      }
    }
  }

  // ---- predictions, from the rules of API.md and ARCHITECTURE.md

  /**
   * The answer the rules give. A malformed body is refused before anything else (such bodies
   * come only from the lead). An outline change then needs `outline.manage`, which does not
   * depend on the section, so a non-lead gets 403 whatever the section; next the section must be
   * live (404), and only then is the change itself judged. A review step needs the live section
   * first (its state and assignees decide), then the role (403), the note (400), the state (409).
   */
  private async plan(command: Command): Promise<Plan> {
    if (command.type === 'transition') {
      return this.planTransition(command);
    }
    const { by } = command;
    const client = this.people[by].client;
    const mayManage = can(ROLE_OF[by], 'outline.manage');
    const model = this.model;
    switch (command.type) {
      case 'create': {
        const parentId = this.parent(command.parent, null);
        const body = {
          title: command.title,
          parentId,
          ...(command.position === undefined ? {} : { position: command.position }),
          ...(command.numbered === undefined ? {} : { numbered: command.numbered }),
        };
        let expected: Expected = { status: 201, because: 'created' };
        if (command.title.trim() === '') {
          expected = refused(400, 'VALIDATION', 'blank title', ['title']);
        } else if (!mayManage) {
          expected = refused(403, 'FORBIDDEN', 'only a lead manages the outline');
        } else if (parentId !== null && !model.isLive(parentId)) {
          expected = refused(400, 'VALIDATION', 'parent not in the outline', ['parentId']);
        } else if (parentId !== null && depthOf(model.links(), parentId) >= MAX_DEPTH) {
          expected = refused(400, 'VALIDATION', 'too deep', ['parentId']);
        }
        return {
          describe: `${by} POST /sections ${JSON.stringify(body)}`,
          expected,
          send: () => client.post(`${this.base}/sections`, body),
          apply: ({ section }) => {
            const siblings = model.children(parentId);
            model.sections.set(section.id, {
              id: section.id,
              parentId,
              position: siblings.length,
              title: command.title.trim(),
              numbered: command.numbered ?? true,
              state: 'draft',
              history: [],
              assigneeIds: [],
              reviewerId: null,
              trashedWith: null,
            });
            model.place(
              parentId,
              placeAmongSiblings(siblings, section.id, command.position ?? siblings.length),
            );
            return section.id;
          },
        };
      }
      case 'move': {
        const id = this.target(command.target);
        const parentId = this.parent(command.parent, id);
        const body = { parentId, position: command.position };
        let expected: Expected = { status: 200, because: 'moved' };
        if (!mayManage) {
          expected = refused(403, 'FORBIDDEN', 'only a lead manages the outline');
        } else if (!model.isLive(id)) {
          expected = refused(404, 'NOT_FOUND', 'no such live section');
        } else if (parentId !== null && !model.isLive(parentId)) {
          expected = refused(400, 'VALIDATION', 'parent not in the outline', ['parentId']);
        } else {
          const problem = moveProblem(model.links(), id, parentId, MAX_DEPTH);
          if (problem === 'cycle') {
            expected = refused(409, 'OUTLINE_CYCLE', 'under itself');
          } else if (problem === 'too_deep') {
            expected = refused(400, 'VALIDATION', 'too deep', ['parentId']);
          }
        }
        return {
          describe: `${by} POST /sections/${id}/move ${JSON.stringify(body)}`,
          expected,
          send: () => client.post(`${this.base}/sections/${id}/move`, body),
          apply: () => {
            const old = model.get(id).parentId;
            model.place(
              old,
              model.children(old).filter((sibling) => sibling !== id),
            );
            model.place(parentId, placeAmongSiblings(model.children(parentId), id, command.position));
            return id;
          },
        };
      }
      case 'delete': {
        const id = this.target(command.target);
        const expected = !mayManage
          ? refused(403, 'FORBIDDEN', 'only a lead manages the outline')
          : model.isLive(id)
            ? { status: 204, because: 'deleted' }
            : refused(404, 'NOT_FOUND', 'no such live section');
        return {
          describe: `${by} DELETE /sections/${id}`,
          expected,
          send: () => client.delete(`${this.base}/sections/${id}`),
          apply: () => {
            const parentId = model.get(id).parentId;
            for (const gone of subtreeIds(model.links(), id)) {
              model.get(gone).trashedWith = id;
            }
            model.place(parentId, model.children(parentId));
            return null;
          },
        };
      }
      case 'restore': {
        let id = this.target(command.target);
        if (!command.target.anySection) {
          const trash = await this.people.lead.client.get<TrashedSection[]>(`${this.base}/trash`);
          expect(trash.status).toBe(200);
          id = trash.body.length === 0 ? id : trash.body[command.target.pick % trash.body.length].id;
        }
        const root = model.sections.get(id);
        const isRoot = root?.trashedWith === id;
        // Back to the former parent and place while that parent lives and the depth allows it, else last at the top.
        let parentId: string | null = null;
        let because = 'restored to the end of the top level: its parent is gone';
        if (root && isRoot && root.parentId !== null && model.isLive(root.parentId)) {
          const withSubtree = model
            .all()
            .filter((section) => section.trashedWith === null || section.trashedWith === id)
            .map(({ id: sectionId, parentId: parent, position: at }) => ({
              id: sectionId,
              parentId: parent,
              position: at,
            }));
          if (moveProblem(withSubtree, id, root.parentId, MAX_DEPTH) === null) {
            parentId = root.parentId;
            because = 'restored to its former place';
          } else {
            because = 'restored to the end of the top level: too deep under its former parent';
          }
        } else if (root?.parentId === null) {
          because = 'restored to its former place at the top level';
        }
        const expected = !mayManage
          ? refused(403, 'FORBIDDEN', 'only a lead manages the outline')
          : isRoot
            ? { status: 200, because }
            : refused(404, 'NOT_FOUND', 'not a deletion in the trash');
        return {
          describe: `${by} POST /sections/${id}/restore`,
          expected,
          send: () => client.post(`${this.base}/sections/${id}/restore`),
          apply: () => {
            const restored = model.get(id);
            const at = parentId === restored.parentId ? restored.position : Number.MAX_SAFE_INTEGER;
            for (const section of model.all().filter((section) => section.trashedWith === id)) {
              section.trashedWith = null;
            }
            const siblings = model.children(parentId).filter((sibling) => sibling !== id);
            model.place(parentId, placeAmongSiblings(siblings, id, at));
            return id;
          },
        };
      }
      case 'update': {
        const id = this.target(command.target);
        const body = {
          ...(command.title === undefined ? {} : { title: command.title }),
          ...(command.numbered === undefined ? {} : { numbered: command.numbered }),
        };
        let expected: Expected = { status: 200, because: 'updated' };
        if (command.title !== undefined && command.title.trim() === '') {
          expected = refused(400, 'VALIDATION', 'blank title', ['title']);
        } else if (!mayManage) {
          expected = refused(403, 'FORBIDDEN', 'only a lead manages the outline');
        } else if (!model.isLive(id)) {
          expected = refused(404, 'NOT_FOUND', 'no such live section');
        }
        return {
          describe: `${by} PATCH /sections/${id} ${JSON.stringify(body)}`,
          expected,
          send: () => client.patch(`${this.base}/sections/${id}`, body),
          apply: () => {
            const section = model.get(id);
            section.title = command.title?.trim() ?? section.title;
            section.numbered = command.numbered ?? section.numbered;
            return id;
          },
        };
      }
      case 'assign': {
        const id = this.target(command.target);
        const body = {
          assigneeIds: command.assignees.map((name) => this.userId(name)),
          ...(command.reviewer === undefined
            ? {}
            : { reviewerId: command.reviewer && this.userId(command.reviewer) }),
        };
        const fields = [
          ...command.assignees.flatMap((name, index) =>
            MAY_BE_ASSIGNED.includes(ROLE_OF[name]) ? [] : [`assigneeIds[${index}]`],
          ),
          ...(command.reviewer && !MAY_REVIEW.includes(ROLE_OF[command.reviewer]) ? ['reviewerId'] : []),
        ];
        let expected: Expected = { status: 200, because: 'assigned' };
        if (!mayManage) {
          expected = refused(403, 'FORBIDDEN', 'only a lead assigns');
        } else if (!model.isLive(id)) {
          expected = refused(404, 'NOT_FOUND', 'no such live section');
        } else if (fields.length > 0) {
          expected = refused(400, 'VALIDATION', 'role does not fit', fields);
        }
        const describe = `${by} PATCH /sections/${id} assignees=[${command.assignees.join(',')}] reviewer=${String(command.reviewer)}`;
        return {
          describe,
          expected,
          send: () => client.patch(`${this.base}/sections/${id}`, body),
          apply: () => {
            const section = model.get(id);
            section.assigneeIds = [...body.assigneeIds];
            section.reviewerId = body.reviewerId === undefined ? section.reviewerId : body.reviewerId;
            return id;
          },
        };
      }
    }
  }

  private planTransition(command: Extract<Command, { type: 'transition' }>): Plan {
    const id = this.target(command.target);
    const section = this.model.sections.get(id);
    const legal = REVIEW_ACTIONS.filter((step) => section && nextReviewState(section.state, step) !== null);
    const action =
      command.action !== 'legal' ? command.action : (legal[command.pick % legal.length] ?? 'submit');
    const by =
      command.by !== 'usual'
        ? command.by
        : TYPICAL_ACTORS[action][command.pick % TYPICAL_ACTORS[action].length];
    const body = { action, ...(command.note === undefined ? {} : { note: command.note }) };
    const note = command.note?.trim() ? command.note.trim() : null;
    let expected: Expected = { status: 200, because: 'allowed' };
    let next: ReviewState | null = null;
    if (!section || section.trashedWith !== null) {
      expected = refused(404, 'NOT_FOUND', 'no such live section');
    } else if (
      !can(ROLE_OF[by], `review.${action}`, {
        reviewState: section.state,
        isAssignee: section.assigneeIds.includes(this.userId(by)),
      })
    ) {
      expected = refused(403, 'FORBIDDEN', 'role may not');
    } else if (action === 'request_changes' && note === null) {
      expected = refused(400, 'VALIDATION', 'no note', ['note']);
    } else {
      next = nextReviewState(section.state, action);
      if (next === null) {
        expected = refused(409, 'ILLEGAL_TRANSITION', 'state does not allow');
      }
    }
    return {
      describe: `${by} (${ROLE_OF[by]}) POST /sections/${id}/transitions ${JSON.stringify(body)} in ${section?.state ?? '-'}`,
      expected,
      send: () => this.people[by].client.post(`${this.base}/sections/${id}/transitions`, body),
      apply: () => {
        const changed = this.model.get(id);
        const to = next as ReviewState;
        changed.history.push({ action, from: changed.state, to, actorId: this.userId(by), note });
        changed.state = to;
        return id;
      },
    };
  }

  // ---- what must hold after every request

  /** Every row of the project's outline as stored, for "a refused request changed nothing". */
  private async snapshot(): Promise<unknown> {
    const { rows } = await this.app.db.query<{ sections: unknown }>(
      `SELECT json_agg(x ORDER BY x.id) AS sections FROM (
         SELECT s.*,
                (SELECT json_agg(a ORDER BY a.user_id) FROM section_assignees a WHERE a.section_id = s.id) AS assignees,
                (SELECT json_agg(t ORDER BY t.id) FROM section_transitions t WHERE t.section_id = s.id) AS transitions
           FROM sections s WHERE s.project_id = $1) x`,
      [this.projectId],
    );
    return rows[0].sections;
  }

  /** The project's sections as stored, with their assignees and recorded review steps (in id order). */
  private async rows(): Promise<SectionRow[]> {
    const { rows } = await this.app.db.query<SectionRow>(
      `SELECT s.id, s.parent_id, s.position, s.title, s.numbered, s.state, s.reviewer_id, s.trashed_with,
              s.deleted_at IS NOT NULL AS deleted,
              COALESCE((SELECT array_agg(a.user_id::text) FROM section_assignees a WHERE a.section_id = s.id), '{}') AS assignee_ids,
              COALESCE((SELECT json_agg(json_build_object('action', t.action, 'from', t.from_state, 'to', t.to_state,
                                                          'actorId', t.actor_id, 'note', t.note) ORDER BY t.id)
                          FROM section_transitions t WHERE t.section_id = s.id), '[]') AS steps
         FROM sections s WHERE s.project_id = $1`,
      [this.projectId],
    );
    return rows;
  }

  /** Every invariant, against the database and GET /outline; GET /trash too when `withTrash`. */
  async checkInvariants(withTrash = true): Promise<void> {
    const [rows, outline] = await Promise.all([this.rows(), outlineOf(this.people.reader, this.projectId)]);
    const live = rows
      .filter((row) => !row.deleted)
      .map((row) => ({
        id: row.id,
        parentId: row.parent_id,
        position: row.position,
        numbered: row.numbered,
      }));

    // A tree: no missing parents, no cycles, positions 0..n-1 under every parent, no deeper than allowed.
    expect(outlineProblems(live)).toEqual([]);
    expect(Math.max(0, ...live.map((section) => depthOf(live, section.id)))).toBeLessThanOrEqual(MAX_DEPTH);
    // The trash holds exactly what was deleted, each row with the root it went with.
    for (const row of rows) {
      expect({ id: row.id, deleted: row.deleted }).toEqual({
        id: row.id,
        deleted: row.trashed_with !== null,
      });
    }

    // The stored outline is the model's, row by row (trashed rows keep their former place).
    const stored = rows
      .map((row) => ({
        ...viewOf({
          id: row.id,
          parentId: row.parent_id,
          position: row.position,
          title: row.title,
          numbered: row.numbered,
          state: row.state,
          assigneeIds: row.assignee_ids,
          reviewerId: row.reviewer_id,
        }),
        trashedWith: row.trashed_with,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const modelled = this.model
      .all()
      .map((section) => ({ ...viewOf(section), trashedWith: section.trashedWith }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(stored).toEqual(modelled);

    // Every state is the replay of its recorded steps, and the steps are the model's.
    for (const row of rows) {
      expect({ id: row.id, replayed: replayReviewHistory(row.steps.map((step) => step.action)) }).toEqual({
        id: row.id,
        replayed: row.state,
      });
      expect({ id: row.id, steps: row.steps }).toEqual({ id: row.id, steps: this.model.get(row.id).history });
    }

    // GET /outline shows the model's tree, numbered as numberOutline numbers the stored rows.
    expect(apiTree(outline)).toEqual(this.model.tree());
    const numbers = numberOutline(live);
    const shown = new Map<string, string | null>();
    const collect = (nodes: readonly OutlineNode[]): void =>
      nodes.forEach((node) => {
        shown.set(node.id, node.number);
        collect(node.children);
      });
    collect(outline);
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(numbers));

    if (!withTrash) {
      return;
    }
    // GET /trash lists the roots of the deletions, each with what went with it.
    const trash = await this.people.lead.client.get<TrashedSection[]>(`${this.base}/trash`);
    expect(trash.status).toBe(200);
    const roots = this.model.all().filter((section) => section.trashedWith === section.id);
    expect(
      trash.body
        .map((entry) => ({ id: entry.id, parentId: entry.parentId, descendantCount: entry.descendantCount }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual(
      roots
        .map((root) => ({
          id: root.id,
          parentId: root.parentId,
          descendantCount: this.model.all().filter((section) => section.trashedWith === root.id).length - 1,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  }

  /**
   * Every section as GET /sections/:id and its review history as GET .../transitions tell them
   * (404 for those in the trash), and the trash closed to non-leads.
   */
  async checkHistories(): Promise<void> {
    const reader = this.people.reader.client;
    for (const section of this.model.all()) {
      const [detail, history] = await Promise.all([
        reader.get<SectionDetailResponse>(`${this.base}/sections/${section.id}`),
        reader.get<Transition[]>(`${this.base}/sections/${section.id}/transitions`),
      ]);
      if (section.trashedWith !== null) {
        expect({ id: section.id, statuses: [detail.status, history.status] }).toEqual({
          id: section.id,
          statuses: [404, 404],
        });
        continue;
      }
      expect([detail.status, history.status]).toEqual([200, 200]);
      expect({ ...viewOf(detail.body.section), number: detail.body.section.number }).toEqual(
        this.model.view(section.id),
      );
      expect(
        history.body.map((step) => ({
          action: step.action,
          from: step.from,
          to: step.to,
          actorId: step.actorId,
          note: step.note,
        })),
      ).toEqual(section.history);
    }
    expect((await reader.get(`${this.base}/trash`)).status).toBe(403);
  }
}

/** Runs the commands on a fresh project; a failure carries the requests of the run. */
export async function runScenario(app: TestApp, commands: readonly Command[]): Promise<void> {
  const run = await Run.start(app);
  try {
    for (const command of commands) {
      await run.execute(command);
    }
    await run.checkInvariants();
    await run.checkHistories();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${message}\n\nRequests of this run:\n${run.trace.map((line, i) => `${i + 1}. ${line}`).join('\n')}`,
      {
        cause: error,
      },
    );
  }
}

// Shrinking a failure replays whole runs on new projects; this bounds the time it may take
// (ten passing runs take a fraction of it).
export const assertOptions = (numRuns: number): fc.Parameters<[Command[]]> => ({
  numRuns,
  plugins: [fc.interruptAfterTimeLimit(60_000)],
});
