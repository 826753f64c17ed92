import {
  addedMentions,
  invalidField,
  can,
  commentAbilities,
  DomainError,
  findMentions,
  type Action,
  type CommentAnchor,
  type CommentCountsResponse,
  type CommentListResponse,
  type CommentStatus,
  type Mentionable,
  type Role,
  type Section,
  type SectionComment,
} from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberService } from '../members/member.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutlineService } from '../outline/outline.service.js';
import type { CreateCommentDto, UpdateCommentDto } from './comment.dto.js';
import { CommentRepository, type CommentLock, type CommentRow } from './comment.repository.js';
import { CommentSuggestions } from './comment-suggestions.js';
import { auditView, suggestsOpenChange, toComment, toThreads, type Viewer } from './comment-view.js';

/** A comment loaded for a change, with what decides who may change it. */
interface Loaded {
  role: Role;
  section: Section;
  comment: CommentRow;
  /** Null when the thread's author deleted their account. */
  threadAuthorId: string | null;
  viewer: Viewer;
}

/**
 * Comment threads on a section: create, reply, edit, resolve, reopen, delete. Every change
 * runs in one transaction with its audit row, its notifications and the `comments`
 * announcement; the rows it changes are locked first, so concurrent changes queue.
 */
@Injectable()
export class CommentService {
  constructor(
    private readonly comments: CommentRepository,
    private readonly outline: OutlineService,
    private readonly members: MemberService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly suggestions: CommentSuggestions,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async list(actor: Actor, projectId: string, sectionId: string, status: CommentStatus = 'all'): Promise<CommentListResponse> {
    const role = await this.members.assertCan(projectId, actor.userId, 'project.read');
    const section = await this.outline.numbered(projectId, sectionId);
    const threads = toThreads(await this.comments.listInSection(projectId, sectionId), viewerOf(actor, role, section));
    const wanted = threads.filter((thread) =>
      status === 'all' ? true : (thread.resolvedAt !== null) === (status === 'resolved'),
    );
    return { threads: wanted };
  }

  /**
   * Open and resolved threads of every live section, for the outline in one request. Readable
   * by whoever may read the threads themselves (`list`): every member, each section.
   */
  async countThreads(actor: Actor, projectId: string): Promise<CommentCountsResponse> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    return { counts: await this.comments.countThreads(projectId) };
  }

  async create(actor: Actor, projectId: string, sectionId: string, dto: CreateCommentDto): Promise<SectionComment> {
    const people = await this.mentionable(actor, projectId);
    return this.db.transaction(async (em) => {
      const role = await this.members.assertCan(projectId, actor.userId, 'comment.create', undefined, em);
      const section = await this.outline.numbered(projectId, sectionId, em);
      // `null` counts as omitted, for clients that send every field.
      const parentId = dto.parentId ?? null;
      let threadAuthorId: string | null = actor.userId;
      if (parentId !== null) {
        if (dto.anchor) {
          throw invalidField('anchor', 'a reply carries no anchor: it belongs to its thread');
        }
        // Key share: the thread cannot be deleted under the reply, yet resolving it goes on.
        const parent = await this.comments.find(projectId, sectionId, parentId, em, 'key share');
        if (!parent || parent.parentId !== null) {
          throw invalidField('parentId', 'parentId must name the first comment of a thread in this section');
        }
        threadAuthorId = parent.authorId;
      }
      const mentionIds = findMentions(dto.body, people);
      const anchor = dto.anchor ? anchorBytes(dto.anchor) : null;
      const suggestion = await this.suggestions.read(sectionId, dto, em);
      const id = await this.comments.insert(
        { projectId, sectionId, parentId, authorId: actor.userId, body: dto.body, anchor, mentionIds, suggestion },
        em,
      );
      const comment = await this.mustFind(projectId, sectionId, id, em);
      await this.record(actor, 'comment.created', comment, { after: auditView(comment), anchored: anchor !== null }, em);
      const event = { projectId, sectionId, commentId: id, actorId: actor.userId };
      const mentioned = await this.notifications.notify({ ...event, kind: 'mention' }, mentionIds, em);
      if (parentId !== null && threadAuthorId !== null && !mentioned.includes(threadAuthorId)) {
        await this.notifications.notify({ ...event, kind: 'reply' }, [threadAuthorId], em);
      }
      if (parentId === null) {
        // A new thread is news for whoever writes the section (told once: a mention is enough).
        const writers = section.assigneeIds.filter((userId) => !mentioned.includes(userId));
        await this.notifications.notify({ ...event, kind: suggestion === null ? 'commented' : 'suggested' }, writers, em);
      }
      if (parentId !== null) {
        await this.notifications.markThreadRead(actor.userId, parentId, em);
      }
      await announceChange(em, { projectId, topic: 'comments', sectionId });
      return toComment(comment, viewerOf(actor, role, section), threadAuthorId);
    });
  }

  async update(
    actor: Actor,
    ids: { projectId: string; sectionId: string; commentId: string },
    dto: UpdateCommentDto,
  ): Promise<SectionComment> {
    const people = await this.mentionable(actor, ids.projectId);
    return this.db.transaction(async (em) => {
      const loaded = await this.load(actor, ids, 'no key update', em);
      const { comment, viewer, threadAuthorId } = loaded;
      if (!this.abilities(loaded).edit) {
        throw new DomainError('FORBIDDEN', 'Only the author of a comment can edit it');
      }
      if (dto.body.trim() === '' && comment.suggestion === null) {
        throw invalidField('body', 'body must not be empty');
      }
      if (dto.body === comment.body) {
        return toComment(comment, viewer, threadAuthorId);
      }
      const mentionIds = findMentions(dto.body, people);
      await this.comments.updateBody(comment.id, dto.body, mentionIds, em);
      const after = await this.mustFind(ids.projectId, ids.sectionId, comment.id, em);
      await this.record(actor, 'comment.edited', after, { before: auditView(comment), after: auditView(after) }, em);
      await this.notifications.notify(
        { kind: 'mention', projectId: ids.projectId, sectionId: ids.sectionId, commentId: comment.id, actorId: actor.userId },
        addedMentions(comment.mentionIds, mentionIds),
        em,
      );
      await announceChange(em, { projectId: ids.projectId, topic: 'comments', sectionId: ids.sectionId });
      return toComment(after, viewer, threadAuthorId);
    });
  }

  /** Resolves (`resolved` true) or reopens a thread through its first comment. */
  async setResolved(
    actor: Actor,
    ids: { projectId: string; sectionId: string; commentId: string },
    resolved: boolean,
  ): Promise<SectionComment> {
    return this.db.transaction(async (em) => {
      const loaded = await this.load(actor, ids, 'no key update', em);
      const { comment, role, viewer, threadAuthorId } = loaded;
      if (comment.parentId !== null) {
        throw invalidField('commentId', 'only the first comment of a thread can resolve or reopen it');
      }
      if (!this.abilities(loaded).resolve) {
        throw new DomainError('FORBIDDEN', `Your role (${role}) does not allow resolving or reopening this thread`);
      }
      if ((comment.resolvedAt !== null) === resolved) {
        throw new DomainError('CONFLICT', resolved ? 'This thread is already resolved' : 'This thread is already open');
      }
      await this.comments.setResolved(comment.id, resolved ? actor.userId : null, em);
      await this.notifications.markThreadRead(actor.userId, comment.id, em);
      const after = await this.mustFind(ids.projectId, ids.sectionId, comment.id, em);
      await this.record(
        actor,
        resolved ? 'comment.resolved' : 'comment.reopened',
        after,
        { before: { resolved: !resolved }, after: { resolved } },
        em,
      );
      await announceChange(em, { projectId: ids.projectId, topic: 'comments', sectionId: ids.sectionId });
      return toComment(after, viewer, threadAuthorId);
    });
  }

  /**
   * Puts a thread's suggested change into the section's text and resolves the thread, as one
   * step for the thread: its row stays locked while the room stores the edit, so of two
   * concurrent accepts the second finds it accepted (409), and the text changes once.
   */
  async accept(actor: Actor, ids: { projectId: string; sectionId: string; commentId: string }): Promise<SectionComment> {
    return this.db.transaction(async (em) => {
      // Any member gets this far: whether they may accept is about editing the text, not commenting.
      const loaded = await this.load(actor, ids, 'no key update', em, 'project.read');
      const { comment, role, viewer, threadAuthorId } = loaded;
      this.suggestions.assertMayAccept(comment, role, viewer, loaded.section);
      const anchor = await this.suggestions.apply(comment, ids.projectId);
      await this.comments.acceptSuggestion(comment.id, actor.userId, anchor === null ? null : anchorBytes(anchor), em);
      await this.notifications.markThreadRead(actor.userId, comment.id, em);
      const after = await this.mustFind(ids.projectId, ids.sectionId, comment.id, em);
      await this.record(
        actor,
        'comment.suggestion_accepted',
        after,
        { quote: comment.suggestionQuote, suggestion: comment.suggestion },
        em,
      );
      if (comment.authorId !== null) {
        await this.notifications.notify(
          { kind: 'suggestion_accepted', projectId: ids.projectId, sectionId: ids.sectionId, commentId: comment.id, actorId: actor.userId },
          [comment.authorId],
          em,
        );
      }
      await announceChange(em, { projectId: ids.projectId, topic: 'comments', sectionId: ids.sectionId });
      return toComment(after, viewer, threadAuthorId);
    });
  }

  /**
   * Points a thread at `anchor`: a writer's undo brought back the deleted text of its passage
   * as new characters, which only the writer's browser can tell are the old ones (Yjs keeps
   * that link locally), so that browser sends the passage anew. Whoever may write the text
   * now may do this; the anchor's form is checked, as at creation.
   */
  async moveAnchor(
    actor: Actor,
    ids: { projectId: string; sectionId: string; commentId: string },
    anchor: CommentAnchor,
  ): Promise<SectionComment> {
    return this.db.transaction(async (em) => {
      const loaded = await this.load(actor, ids, 'no key update', em, 'project.read');
      const { comment, role, viewer, threadAuthorId } = loaded;
      if (comment.parentId !== null || comment.anchorStart === null) {
        throw invalidField('commentId', 'only a thread on a passage has an anchor to move');
      }
      this.suggestions.assertMayWrite(role, viewer, loaded.section);
      await this.comments.moveAnchor(comment.id, anchorBytes(anchor), em);
      const after = await this.mustFind(ids.projectId, ids.sectionId, comment.id, em);
      await this.record(actor, 'comment.anchor_moved', after, {}, em);
      await announceChange(em, { projectId: ids.projectId, topic: 'comments', sectionId: ids.sectionId });
      return toComment(after, viewer, threadAuthorId);
    });
  }

  /** Deletes a comment; deleting a thread's first comment deletes the thread. */
  async remove(actor: Actor, ids: { projectId: string; sectionId: string; commentId: string }): Promise<void> {
    await this.db.transaction(async (em) => {
      const loaded = await this.load(actor, ids, 'update', em);
      if (!this.abilities(loaded).delete) {
        throw new DomainError('FORBIDDEN', 'Only the author of a comment or a lead can delete it');
      }
      const { comment } = loaded;
      const replies = await this.comments.delete(comment.id, em);
      await this.record(
        actor,
        'comment.deleted',
        comment,
        { before: { ...auditView(comment), authorId: comment.authorId, replies } },
        em,
      );
      await announceChange(em, { projectId: ids.projectId, topic: 'comments', sectionId: ids.sectionId });
    });
  }

  /** The project's members with their names, for mentions; NOT_FOUND for a non-member. */
  private async mentionable(actor: Actor, projectId: string): Promise<Mentionable[]> {
    return (await this.members.list(actor, projectId)).map((member) => ({ userId: member.userId, name: member.name }));
  }

  /**
   * The checks every change starts with, in order: member (404), allowed to comment at all
   * (403, so readers never get further; `project.read` for accepting a suggested change,
   * which is an edit of the text and checked as one), live section (404), the comment locked (404).
   */
  private async load(
    actor: Actor,
    ids: { projectId: string; sectionId: string; commentId: string },
    lock: CommentLock,
    em: EntityManager,
    action: Extract<Action, 'comment.create' | 'project.read'> = 'comment.create',
  ): Promise<Loaded> {
    const role = await this.members.assertCan(ids.projectId, actor.userId, action, undefined, em);
    const section = await this.outline.numbered(ids.projectId, ids.sectionId, em);
    const comment = await this.comments.find(ids.projectId, ids.sectionId, ids.commentId, em, lock);
    if (!comment) {
      throw new DomainError('NOT_FOUND', 'No such comment');
    }
    const root =
      comment.parentId === null ? comment : await this.comments.find(ids.projectId, ids.sectionId, comment.parentId, em);
    return { role, section, comment, threadAuthorId: root ? root.authorId : comment.authorId, viewer: viewerOf(actor, role, section) };
  }

  private abilities(loaded: Loaded): ReturnType<typeof commentAbilities> {
    const { role, comment, threadAuthorId, viewer } = loaded;
    return commentAbilities(role, {
      isAuthor: comment.authorId === viewer.userId,
      isRoot: comment.parentId === null,
      isThreadAuthor: threadAuthorId === viewer.userId,
      isAssignee: viewer.isAssignee,
      suggestsOpenChange: suggestsOpenChange(comment),
      mayEditText: viewer.mayEditText,
    });
  }

  private async mustFind(projectId: string, sectionId: string, commentId: string, em: EntityManager): Promise<CommentRow> {
    const comment = await this.comments.find(projectId, sectionId, commentId, em);
    if (!comment) {
      throw new Error(`comment ${commentId} vanished inside its own transaction`);
    }
    return comment;
  }

  private async record(
    actor: Actor,
    action: string,
    comment: CommentRow,
    data: Record<string, unknown>,
    em: EntityManager,
  ): Promise<void> {
    await this.audit.record(
      { action, actorId: actor.userId, projectId: comment.projectId, targetType: 'comment', targetId: comment.id,
        data: { sectionId: comment.sectionId, ...data }, client: actor },
      em,
    );
  }
}

function viewerOf(actor: Actor, role: Role, section: Section): Viewer {
  const isAssignee = section.assigneeIds.includes(actor.userId);
  return {
    userId: actor.userId,
    role,
    isAssignee,
    mayEditText: can(role, 'section.edit', { reviewState: section.state, isAssignee }),
  };
}

function anchorBytes(anchor: CommentAnchor): { start: Buffer; end: Buffer } {
  return { start: Buffer.from(anchor.start, 'base64'), end: Buffer.from(anchor.end, 'base64') };
}
