import fc from 'fast-check';
import {
  can,
  depthOf,
  LIMITS,
  moveProblem,
  nextReviewState,
  numberOutline,
  outlineProblems,
  placeAmongSiblings,
  replayReviewHistory,
  REVIEW_ACTIONS,
  subtreeIds,
  type ErrorBody,
  type ErrorCode,
  type OutlineLink,
  type OutlineNode,
  type ReviewAction,
  type ReviewState,
  type Role,
  type SectionDetailResponse,
  type SectionResponse,
  type Transition,
  type TrashedSection,
} from '@kapitel/domain';
import { createParticipant, createTeam, outlineOf, type Person } from '../factories.js';
import type { Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * Model-based property tests of the outline and review API: random sequences of requests by
 * random members against a real server, each answer predicted by an in-memory model written
 * from API.md, ARCHITECTURE.md ("Who may do what", review states) and the pure rules of
 * libs/domain. After every request the database and GET /outline must agree with the model
 * and keep every invariant; a refused request must leave every row as it was.
 */

const MEMBERS = ['lead', 'author1', 'author2', 'reviewer', 'reader'] as const;
type MemberName = (typeof MEMBERS)[number];
const ROLE_OF: Record<MemberName, Role> = {
  lead: 'lead',
  author1: 'author',
  author2: 'author',
  reviewer: 'reviewer',
  reader: 'reader',
};
const MAY_BE_ASSIGNED: readonly Role[] = ['author', 'lead'];
const MAY_REVIEW: readonly Role[] = ['reviewer', 'lead'];
const MAX_DEPTH = LIMITS.outlineMaxDepth;
/** A well-formed section id that no project has. */
const NEVER_EXISTED = '00000000-0000-4000-8000-000000000000';

// ---------------------------------------------------------------- commands

/** Where a new parent comes from; resolved against the model when the command runs. */
type ParentChoice =
  | { kind: 'top' }
  | { kind: 'live'; pick: number }
  /** The deepest live section (outside the moved one), to reach the depth limit. */
  | { kind: 'deepest' }
  /** The moved section itself or one of its descendants. */
  | { kind: 'below'; pick: number }
  /** A section in the trash (or one that never existed). */
  | { kind: 'trashed'; pick: number };

/** Which section a command acts on: a live one, or any ever made (perhaps in the trash). */
interface Target {
  pick: number;
  anySection: boolean;
}

type Command =
  | {
      type: 'create';
      by: MemberName;
      title: string;
      parent: ParentChoice;
      position?: number;
      numbered?: boolean;
    }
  | { type: 'move'; by: MemberName; target: Target; parent: ParentChoice; position: number }
  | { type: 'delete'; by: MemberName; target: Target }
  /** `anySection: false` picks from GET /trash. */
  | { type: 'restore'; by: MemberName; target: Target }
  | { type: 'update'; by: MemberName; target: Target; title?: string; numbered?: boolean }
  | { type: 'assign'; by: MemberName; target: Target; assignees: MemberName[]; reviewer?: MemberName | null }
  /**
   * `action: 'legal'` takes one of the steps the section's state allows and `by: 'usual'` one of the
   * members who usually take that step (both chosen by `pick` when the command runs), so that sections
   * get far in their review; the other commands try steps and members at random.
   */
  | {
      type: 'transition';
      by: MemberName | 'usual';
      target: Target;
      action: ReviewAction | 'legal';
      pick: number;
      note?: string;
    };
type CommandType = Command['type'];

const title = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 20 }), weight: 8 },
  { arbitrary: fc.constant('   '), weight: 1 },
);
const position = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 6 },
  { arbitrary: fc.constant(LIMITS.outlineMaxSections), weight: 1 },
);
const target: fc.Arbitrary<Target> = fc.record({
  pick: fc.nat(),
  anySection: fc.oneof(
    { arbitrary: fc.constant(false), weight: 5 },
    { arbitrary: fc.constant(true), weight: 1 },
  ),
});
/** Review steps and assignments mostly land on the first sections, so that sections get far in their review. */
const focusedTarget: fc.Arbitrary<Target> = fc.record({
  pick: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 1 }), weight: 3 },
    { arbitrary: fc.nat(), weight: 1 },
  ),
  anySection: fc.oneof(
    { arbitrary: fc.constant(false), weight: 7 },
    { arbitrary: fc.constant(true), weight: 1 },
  ),
});
/** Who usually takes each review step (by the table); anyone else now and then, to be refused. */
const TYPICAL_ACTORS: Record<ReviewAction, MemberName[]> = {
  submit: ['lead', 'author1', 'author2'],
  request_changes: ['reviewer', 'lead'],
  approve: ['lead'],
  reopen: ['lead'],
};
const parentChoice: fc.Arbitrary<ParentChoice> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'top' as const }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('live' as const), pick: fc.nat() }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'deepest' as const }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('below' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('trashed' as const), pick: fc.nat() }), weight: 1 },
);
const member = fc.constantFrom(...MEMBERS);
/** Outline changes come mostly from the lead; the others are there to be refused. */
const outlineActor = fc.oneof(
  { arbitrary: fc.constant('lead' as const), weight: 8 },
  { arbitrary: member, weight: 2 },
);

/** Request bodies that are malformed are only sent by the lead, whose answer is then 400 without doubt. */
const wellFormedUnlessLead = (command: { by: MemberName; title?: string }): boolean =>
  command.by === 'lead' || command.title === undefined || command.title.trim() !== '';

const createCommand = fc
  .record(
    {
      type: fc.constant('create' as const),
      by: outlineActor,
      title,
      parent: parentChoice,
      position,
      numbered: fc.oneof(
        { arbitrary: fc.constant(true), weight: 3 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
    },
    { requiredKeys: ['type', 'by', 'title', 'parent'] },
  )
  .filter(wellFormedUnlessLead);

const COMMANDS: Record<CommandType, fc.Arbitrary<Command>> = {
  create: createCommand,
  move: fc.record({
    type: fc.constant('move' as const),
    by: outlineActor,
    target,
    parent: parentChoice,
    position,
  }),
  delete: fc.record({ type: fc.constant('delete' as const), by: outlineActor, target }),
  restore: fc.record({ type: fc.constant('restore' as const), by: outlineActor, target }),
  update: fc
    .record(
      { type: fc.constant('update' as const), by: outlineActor, target, title, numbered: fc.boolean() },
      { requiredKeys: ['type', 'by', 'target'] },
    )
    .filter(wellFormedUnlessLead),
  assign: fc.record(
    {
      type: fc.constant('assign' as const),
      by: outlineActor,
      target: focusedTarget,
      assignees: fc.oneof(
        { arbitrary: fc.shuffledSubarray(['lead', 'author1', 'author2'] as MemberName[]), weight: 4 },
        { arbitrary: fc.shuffledSubarray([...MEMBERS], { maxLength: 3 }), weight: 1 },
      ),
      reviewer: fc.oneof(fc.constant(null), member),
    },
    { requiredKeys: ['type', 'by', 'target', 'assignees'] },
  ),
  transition: fc.record(
    {
      type: fc.constant('transition' as const),
      by: fc.oneof({ arbitrary: fc.constant('usual' as const), weight: 3 }, { arbitrary: member, weight: 1 }),
      target: focusedTarget,
      action: fc.oneof(
        { arbitrary: fc.constant('legal' as const), weight: 2 },
        { arbitrary: fc.constantFrom(...REVIEW_ACTIONS), weight: 1 },
      ),
      pick: fc.nat(),
      note: fc.oneof(
        { arbitrary: fc.constant('  Bitte die Quellen ergänzen. '), weight: 4 },
        { arbitrary: fc.constantFrom('', '  '), weight: 1 },
      ),
    },
    { requiredKeys: ['type', 'by', 'target', 'action', 'pick'] },
  ),
};

/** A random outline made by the lead, then `length` random commands drawn with `weights`. */
function scenario(
  weights: Record<CommandType, number>,
  length: { min: number; max: number },
): fc.Arbitrary<Command[]> {
  const seedOutline = fc.array(
    fc.record({
      type: fc.constant('create' as const),
      by: fc.constant('lead' as const),
      title: fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== ''),
      // Often under the deepest section, so that the outline reaches the depth limit.
      parent: fc.oneof(
        { arbitrary: fc.constant({ kind: 'top' as const }), weight: 1 },
        { arbitrary: fc.constant({ kind: 'deepest' as const }), weight: 4 },
        { arbitrary: fc.record({ kind: fc.constant('live' as const), pick: fc.nat() }), weight: 2 },
      ),
      position,
      numbered: fc.oneof(
        { arbitrary: fc.constant(true), weight: 4 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
    }),
    { minLength: 4, maxLength: 12 },
  );
  const command = fc.oneof(
    ...(Object.keys(COMMANDS) as CommandType[])
      .filter((type) => weights[type] > 0)
      .map((type) => ({ arbitrary: COMMANDS[type], weight: weights[type] })),
  );
  const commands = fc.array(command, { minLength: length.min, maxLength: length.max });
  return fc.tuple(seedOutline, commands).map(([seed, rest]) => [...seed, ...rest]);
}

// ---------------------------------------------------------------- the model

interface HistoryStep {
  action: ReviewAction;
  from: ReviewState;
  to: ReviewState;
  actorId: string;
  note: string | null;
}

interface ModelSection {
  id: string;
  parentId: string | null;
  /** Kept as it was when the section went to the trash. */
  position: number;
  title: string;
  numbered: boolean;
  state: ReviewState;
  history: HistoryStep[];
  assigneeIds: string[];
  reviewerId: string | null;
  /** The root of the deletion that took it to the trash; null while live. */
  trashedWith: string | null;
}

/** The comparable face of a section, from the model, the database or the API. */
interface SectionView {
  id: string;
  parentId: string | null;
  position: number;
  title: string;
  numbered: boolean;
  state: ReviewState;
  assigneeIds: string[];
  reviewerId: string | null;
}

class OutlineModel {
  /** In order of creation, which picks depend on. */
  readonly sections = new Map<string, ModelSection>();

  all(): ModelSection[] {
    return [...this.sections.values()];
  }
  live(): ModelSection[] {
    return this.all().filter((section) => section.trashedWith === null);
  }
  get(id: string): ModelSection {
    const section = this.sections.get(id);
    if (!section) {
      throw new Error(`the model has no section ${id}`);
    }
    return section;
  }
  isLive(id: string | null): boolean {
    return id !== null && this.sections.get(id)?.trashedWith === null;
  }
  links(): OutlineLink[] {
    return this.live().map(({ id, parentId, position }) => ({ id, parentId, position }));
  }
  /** Live children of `parentId`, in order. */
  children(parentId: string | null): string[] {
    return this.live()
      .filter((section) => section.parentId === parentId)
      .sort((a, b) => a.position - b.position)
      .map((section) => section.id);
  }
  /** Makes `ids` the children of `parentId` in this order. */
  place(parentId: string | null, ids: readonly string[]): void {
    ids.forEach((id, index) => Object.assign(this.get(id), { parentId, position: index }));
  }
  numbers(): Map<string, string | null> {
    return numberOutline(this.live());
  }
  view(id: string): SectionView & { number: string | null } {
    const section = this.get(id);
    return {
      ...viewOf(section),
      number: section.trashedWith === null ? (this.numbers().get(id) ?? null) : null,
    };
  }
  /** The outline as GET /outline should show it. */
  tree(parentId: string | null = null, numbers = this.numbers()): unknown[] {
    return this.children(parentId).map((id) => ({
      ...viewOf(this.get(id)),
      number: numbers.get(id) ?? null,
      children: this.tree(id, numbers),
    }));
  }
}

function viewOf(section: SectionView): SectionView {
  return {
    id: section.id,
    parentId: section.parentId,
    position: section.position,
    title: section.title,
    numbered: section.numbered,
    state: section.state,
    assigneeIds: [...section.assigneeIds].sort(),
    reviewerId: section.reviewerId,
  };
}

function apiTree(nodes: readonly OutlineNode[]): unknown[] {
  return nodes.map((node) => ({ ...viewOf(node), number: node.number, children: apiTree(node.children) }));
}

// ---------------------------------------------------------------- one run against the server

interface Expected {
  status: number;
  code?: ErrorCode;
  /** Why the model expects this answer, for the trace and the failure message. */
  because: string;
  /** The fields a 400 names. */
  fields?: string[];
}

/** A request ready to send, with the model's prediction and what a success changes in the model. */
interface Plan {
  describe: string;
  expected: Expected;
  send(): Promise<Answer<SectionResponse & ErrorBody>>;
  /** Updates the model after a success; returns the id of the section the answer shows, if any. */
  apply(answer: SectionResponse): string | null;
}

interface SectionRow {
  id: string;
  parent_id: string | null;
  position: number;
  title: string;
  numbered: boolean;
  state: ReviewState;
  reviewer_id: string | null;
  assignee_ids: string[];
  trashed_with: string | null;
  deleted: boolean;
  steps: HistoryStep[];
}

const refused = (status: number, code: ErrorCode, because: string, fields?: string[]): Expected => ({
  status,
  code,
  because,
  fields,
});

class Run {
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
async function runScenario(app: TestApp, commands: readonly Command[]): Promise<void> {
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
const assertOptions = (numRuns: number): fc.Parameters<[Command[]]> => ({
  numRuns,
  plugins: [fc.interruptAfterTimeLimit(60_000)],
});

describe('outline and review under random sequences of requests (model-based properties)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  it('keeps the outline a tree with dense positions, numbered as the tree says, under random outline changes by a lead and refused ones by the others', async () => {
    const commands = scenario(
      { create: 5, move: 6, delete: 3, restore: 3, update: 2, assign: 1, transition: 1 },
      { min: 15, max: 25 },
    );
    await fc.assert(
      fc.asyncProperty(commands, (sequence) => runScenario(app, sequence)),
      assertOptions(10),
    );
  }, 120_000);

  it('lets only the review transitions the rules allow succeed and keeps every history replaying to its section state', async () => {
    const commands = scenario(
      { create: 2, move: 1, delete: 1, restore: 1, update: 1, assign: 3, transition: 8 },
      { min: 15, max: 25 },
    );
    await fc.assert(
      fc.asyncProperty(commands, (sequence) => runScenario(app, sequence)),
      assertOptions(10),
    );
  }, 120_000);
});
