import fc from 'fast-check';
import { LIMITS, REVIEW_ACTIONS, type ReviewAction, type Role } from '@kapitel/domain';

// The requests a model-based run is made of, and how fast-check draws them.

export const MEMBERS = ['lead', 'author1', 'author2', 'reviewer', 'reader'] as const;
export type MemberName = (typeof MEMBERS)[number];
export const ROLE_OF: Record<MemberName, Role> = {
  lead: 'lead',
  author1: 'author',
  author2: 'author',
  reviewer: 'reviewer',
  reader: 'reader',
};
export const MAY_BE_ASSIGNED: readonly Role[] = ['author', 'lead'];
export const MAY_REVIEW: readonly Role[] = ['reviewer', 'lead'];
export const MAX_DEPTH = LIMITS.outlineMaxDepth;
/** A well-formed section id that no project has. */
export const NEVER_EXISTED = '00000000-0000-4000-8000-000000000000';

// ---------------------------------------------------------------- commands

/** Where a new parent comes from; resolved against the model when the command runs. */
export type ParentChoice =
  | { kind: 'top' }
  | { kind: 'live'; pick: number }
  /** The deepest live section (outside the moved one), to reach the depth limit. */
  | { kind: 'deepest' }
  /** The moved section itself or one of its descendants. */
  | { kind: 'below'; pick: number }
  /** A section in the trash (or one that never existed). */
  | { kind: 'trashed'; pick: number };

/** Which section a command acts on: a live one, or any ever made (perhaps in the trash). */
export interface Target {
  pick: number;
  anySection: boolean;
}

export type Command =
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
export type CommandType = Command['type'];

export const title = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 20 }), weight: 8 },
  { arbitrary: fc.constant('   '), weight: 1 },
);
export const position = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 6 },
  { arbitrary: fc.constant(LIMITS.outlineMaxSections), weight: 1 },
);
export const target: fc.Arbitrary<Target> = fc.record({
  pick: fc.nat(),
  anySection: fc.oneof(
    { arbitrary: fc.constant(false), weight: 5 },
    { arbitrary: fc.constant(true), weight: 1 },
  ),
});
/** Review steps and assignments mostly land on the first sections, so that sections get far in their review. */
export const focusedTarget: fc.Arbitrary<Target> = fc.record({
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
export const TYPICAL_ACTORS: Record<ReviewAction, MemberName[]> = {
  submit: ['lead', 'author1', 'author2'],
  request_changes: ['reviewer', 'lead'],
  approve: ['lead'],
  reopen: ['lead'],
  withdraw: ['author1', 'author2', 'lead'],
};
export const parentChoice: fc.Arbitrary<ParentChoice> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'top' as const }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('live' as const), pick: fc.nat() }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'deepest' as const }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('below' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('trashed' as const), pick: fc.nat() }), weight: 1 },
);
export const member = fc.constantFrom(...MEMBERS);
/** Outline changes come mostly from the lead; the others are there to be refused. */
export const outlineActor = fc.oneof(
  { arbitrary: fc.constant('lead' as const), weight: 8 },
  { arbitrary: member, weight: 2 },
);

/** Request bodies that are malformed are only sent by the lead, whose answer is then 400 without doubt. */
export const wellFormedUnlessLead = (command: { by: MemberName; title?: string }): boolean =>
  command.by === 'lead' || command.title === undefined || command.title.trim() !== '';

export const createCommand = fc
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

export const COMMANDS: Record<CommandType, fc.Arbitrary<Command>> = {
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
export function scenario(
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
