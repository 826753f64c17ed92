import {
  ACTIONS,
  can,
  projectAbilities,
  sectionAbilities,
  sectionContext,
  type Action,
  type PermissionContext,
} from './permissions.js';
import { REVIEW_STATES, type ReviewState } from './review-state.js';
import { ROLES, type Role } from './roles.js';

// The table of ARCHITECTURE.md written out as data, independently of the code under test.
type Rule = (ctx: Required<PermissionContext>) => boolean;
const yes: Rule = () => true;
const no: Rule = () => false;
const notLocked: Rule = (c) => c.reviewState !== 'in_review' && c.reviewState !== 'approved';
const TABLE: Record<Action, Record<Role, Rule>> = {
  'project.read': { lead: yes, author: yes, reviewer: yes, reader: yes },
  'project.update': { lead: yes, author: no, reviewer: no, reader: no },
  'section.edit': {
    lead: notLocked,
    author: (c) => c.isAssignee && (c.reviewState === 'draft' || c.reviewState === 'changes_requested'),
    reviewer: no,
    reader: no,
  },
  'version.create': { lead: yes, author: (c) => c.isAssignee, reviewer: no, reader: no },
  'image.upload': { lead: yes, author: yes, reviewer: no, reader: no },
  'comment.create': { lead: yes, author: yes, reviewer: yes, reader: no },
  'comment.resolve': {
    lead: yes,
    author: (c) => c.isThreadAuthor || c.isAssignee,
    reviewer: (c) => c.isThreadAuthor,
    reader: no,
  },
  'review.submit': { lead: yes, author: (c) => c.isAssignee, reviewer: no, reader: no },
  'review.request_changes': { lead: yes, author: no, reviewer: yes, reader: no },
  'review.approve': { lead: yes, author: no, reviewer: no, reader: no },
  'review.reopen': { lead: yes, author: no, reviewer: no, reader: no },
  // Withdrawing a submission: whoever may submit (docs/outline.md).
  'review.withdraw': { lead: yes, author: (c) => c.isAssignee, reviewer: no, reader: no },
  // Added to the table with the verdict (docs/outline.md): a lead only as the named reviewer.
  'review.no_objections': { lead: (c) => c.isReviewer, author: no, reviewer: yes, reader: no },
  'outline.manage': { lead: yes, author: no, reviewer: no, reader: no },
  'members.manage': { lead: yes, author: no, reviewer: no, reader: no },
  'audit.read': { lead: yes, author: no, reviewer: no, reader: no },
  'export.draft': { lead: yes, author: yes, reviewer: yes, reader: yes },
  'export.final': { lead: yes, author: no, reviewer: no, reader: no },
  // Added with the list of abbreviations (docs/abbreviations.md): whoever writes text.
  'abbreviations.edit': { lead: yes, author: yes, reviewer: no, reader: no },
  // Added with the list of sources (docs/sources.md): whoever writes text, as for abbreviations.
  'sources.edit': { lead: yes, author: yes, reviewer: no, reader: no },
};

const contexts: Required<PermissionContext>[] = REVIEW_STATES.flatMap((reviewState: ReviewState) =>
  [false, true].flatMap((isAssignee) =>
    [false, true].flatMap((isThreadAuthor) =>
      [false, true].map((isReviewer) => ({ reviewState, isAssignee, isThreadAuthor, isReviewer })),
    ),
  ),
);

describe('can()', () => {
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      it(`answers ${action} for a ${role} as the table says, in every context`, () => {
        for (const ctx of contexts) {
          expect({ ctx, allowed: can(role, action, ctx) }).toEqual({ ctx, allowed: TABLE[action][role](ctx) });
        }
      });
    }
  }

  it('lets a lead edit a section whose state is not given (a new section)', () => {
    expect(can('lead', 'section.edit')).toBe(true);
  });

  it('refuses an author edits when the review state is not known', () => {
    expect(can('author', 'section.edit', { isAssignee: true })).toBe(false);
  });
});

describe('projectAbilities()', () => {
  it('gives a lead every project-level ability', () => {
    expect(Object.values(projectAbilities('lead')).every(Boolean)).toBe(true);
  });

  it('gives a reader only reading and draft export', () => {
    const granted = Object.entries(projectAbilities('reader'))
      .filter(([, allowed]) => allowed)
      .map(([action]) => action);
    expect(granted.sort()).toEqual(['export.draft', 'project.read']);
  });

  it('lets an author and a reviewer comment but not manage the outline', () => {
    for (const role of ['author', 'reviewer'] as const) {
      expect(projectAbilities(role)).toMatchObject({ 'comment.create': true, 'outline.manage': false });
    }
  });
});

describe('sectionAbilities()', () => {
  it('offers a lead exactly the review steps the state allows', () => {
    expect(sectionAbilities('lead', { reviewState: 'in_review', isAssignee: false })).toEqual({
      'section.edit': false,
      'version.create': true,
      'comment.create': true,
      'outline.manage': true,
      'review.submit': false,
      'review.request_changes': true,
      'review.approve': true,
      'review.reopen': false,
      'review.withdraw': true,
      'review.no_objections': false,
    });
    expect(sectionAbilities('lead', { reviewState: 'approved', isAssignee: false })['review.reopen']).toBe(true);
  });

  it('lets an assigned author edit and submit a draft, and nothing more', () => {
    const abilities = sectionAbilities('author', { reviewState: 'draft', isAssignee: true });
    const granted = Object.entries(abilities).filter(([, allowed]) => allowed).map(([action]) => action);
    expect(granted.sort()).toEqual(['comment.create', 'review.submit', 'section.edit', 'version.create']);
  });

  it('lets an assigned author withdraw a submission in review, and nothing else there', () => {
    const abilities = sectionAbilities('author', { reviewState: 'in_review', isAssignee: true });
    const granted = Object.entries(abilities).filter(([, allowed]) => allowed).map(([action]) => action);
    expect(granted.sort()).toEqual(['comment.create', 'review.withdraw', 'version.create']);
    for (const reviewState of REVIEW_STATES.filter((state) => state !== 'in_review')) {
      expect({ reviewState, withdraw: sectionAbilities('author', { reviewState, isAssignee: true })['review.withdraw'] })
        .toEqual({ reviewState, withdraw: false });
    }
  });

  it('offers withdrawing to neither a reviewer, a reader nor an author who is not assigned', () => {
    for (const role of ['reviewer', 'reader', 'author'] as const) {
      const context = { reviewState: 'in_review', isAssignee: false, isReviewer: role === 'reviewer' } as const;
      expect({ role, withdraw: sectionAbilities(role, context)['review.withdraw'] }).toEqual({ role, withdraw: false });
    }
  });

  it('gives an author who is not assigned neither editing nor submitting', () => {
    expect(sectionAbilities('author', { reviewState: 'draft', isAssignee: false })).toMatchObject({
      'section.edit': false,
      'review.submit': false,
    });
  });

  it('lets a reviewer request changes only while the section is in review', () => {
    expect(sectionAbilities('reviewer', { reviewState: 'in_review', isAssignee: false })['review.request_changes']).toBe(true);
    expect(sectionAbilities('reviewer', { reviewState: 'draft', isAssignee: false })['review.request_changes']).toBe(false);
  });

  it('offers "no objections" to a reviewer only while the section is in review', () => {
    for (const reviewState of REVIEW_STATES) {
      const offered = sectionAbilities('reviewer', { reviewState, isAssignee: false })['review.no_objections'];
      expect({ reviewState, offered }).toEqual({ reviewState, offered: reviewState === 'in_review' });
    }
  });

  it('offers "no objections" once per review round: not again to whoever recorded it', () => {
    const context = { reviewState: 'in_review' as const, isAssignee: false, isReviewer: true };
    expect(sectionAbilities('reviewer', { ...context, hasNoObjection: true })['review.no_objections']).toBe(false);
    expect(sectionAbilities('lead', { ...context, hasNoObjection: false })['review.no_objections']).toBe(true);
    expect(sectionAbilities('lead', { ...context, hasNoObjection: true })['review.no_objections']).toBe(false);
  });

  it('offers "no objections" to a lead only where they are the named reviewer', () => {
    expect(sectionAbilities('lead', { reviewState: 'in_review', isAssignee: false })['review.no_objections']).toBe(false);
  });
});

describe('sectionContext()', () => {
  const section = {
    state: 'in_review' as const,
    assigneeIds: ['ali'],
    reviewerId: 'rita',
    noObjections: [{ actorId: 'rita' }, { actorId: null }],
  };

  it('names what the caller is to the section', () => {
    expect(sectionContext(section, 'rita')).toEqual({
      reviewState: 'in_review',
      isAssignee: false,
      isReviewer: true,
      hasNoObjection: true,
    });
    expect(sectionContext(section, 'ali')).toEqual({
      reviewState: 'in_review',
      isAssignee: true,
      isReviewer: false,
      hasNoObjection: false,
    });
  });
});
