import {
  assertNever,
  can,
  DomainError,
  nextReviewState,
  NO_OBJECTIONS,
  sectionContext,
  stepReviewState,
  type ReviewAction,
  type Section,
  type Transition,
} from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { DocumentRepository } from '../documents/document.repository.js';
import { MemberService } from '../members/member.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import type { TransitionDto } from './outline.dto.js';
import { OutlineService } from './outline.service.js';
import type { NoObjectionsDto } from './review.dto.js';
import { SectionRepository, type SectionRow } from './section.repository.js';
import { TransitionRepository } from './transition.repository.js';

/**
 * The review workflow of a section. The section row is locked for the transition, so of
 * two conflicting steps taken at once the second sees the first one's state and is refused.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly sections: SectionRepository,
    private readonly transitions: TransitionRepository,
    private readonly outline: OutlineService,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    private readonly documents: DocumentRepository,
    private readonly notifications: NotificationService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async transition(actor: Actor, projectId: string, sectionId: string, dto: TransitionDto): Promise<Section> {
    return this.db.transaction(async (em) => {
      const role = await this.members.roleOf(projectId, actor.userId, em);
      const section = await this.sections.findLive(projectId, sectionId, em, true);
      if (!can(role, `review.${dto.action}`, sectionContext(section, actor.userId))) {
        throw new DomainError('FORBIDDEN', `Your role (${role}) does not allow ${dto.action} on this section`);
      }
      const note = dto.note ? dto.note : null;
      if (dto.action === 'request_changes' && note === null) {
        const message = 'note is required when requesting changes';
        throw new DomainError('VALIDATION', message, [{ field: 'note', message }]);
      }
      const next = nextReviewState(section.state, dto.action);
      if (next === null) {
        throw new DomainError('ILLEGAL_TRANSITION', `Cannot ${dto.action} a section in state ${section.state}`);
      }
      await this.sections.setState(sectionId, next, em);
      await this.transitions.insert(
        { sectionId, action: dto.action, from: section.state, to: next, actorId: actor.userId, note },
        em,
      );
      if (dto.action === 'approve') {
        // The approved text, kept as a version: history and the final export build on it.
        await this.documents.createVersion(sectionId, { kind: 'approval', label: null, createdBy: actor.userId }, em);
      }
      await this.notifyTransition(dto.action, section, actor.userId, note, em);
      await announceChange(em, { projectId, topic: 'section', sectionId });
      await this.audit.record(
        { action: 'section.transition', actorId: actor.userId, projectId, targetType: 'section', targetId: sectionId,
          data: { action: dto.action, before: { state: section.state }, after: { state: next }, note }, client: actor },
        em,
      );
      return this.outline.numbered(projectId, sectionId, em);
    });
  }

  /**
   * A reviewer's "checked, no objections" on a section in review: recorded in its history
   * (state in_review to in_review) and told to the leads, who still approve. Checked like a
   * transition: role (403), state (409), and once per person and review round (409).
   */
  async recordNoObjections(actor: Actor, projectId: string, sectionId: string, dto: NoObjectionsDto): Promise<Section> {
    return this.db.transaction(async (em) => {
      const role = await this.members.roleOf(projectId, actor.userId, em);
      await this.sections.findLive(projectId, sectionId, em, true);
      // Read again once the lock is held: the locking statement's snapshot predates a verdict
      // committed while it waited (a verdict inserts a row but leaves the section's row alone).
      const section = await this.sections.findLive(projectId, sectionId, em);
      const context = sectionContext(section, actor.userId);
      if (!can(role, 'review.no_objections', context)) {
        const message = `Your role (${role}) does not allow recording no objections on this section`;
        throw new DomainError('FORBIDDEN', message);
      }
      if (stepReviewState(section.state, NO_OBJECTIONS) === null) {
        throw new DomainError('ILLEGAL_TRANSITION', `Cannot record no objections on a section in state ${section.state}`);
      }
      if (context.hasNoObjection) {
        throw new DomainError('ILLEGAL_TRANSITION', 'You already recorded no objections in this review round');
      }
      const note = dto.note ? dto.note : null;
      await this.transitions.insert(
        { sectionId, action: NO_OBJECTIONS, from: section.state, to: section.state, actorId: actor.userId, note },
        em,
      );
      const leads = await this.leads(projectId, em);
      await this.notifications.notify(
        { projectId, sectionId, actorId: actor.userId, kind: 'no_objections', note },
        leads,
        em,
      );
      await announceChange(em, { projectId, topic: 'section', sectionId });
      await this.audit.record(
        { action: 'section.no_objections', actorId: actor.userId, projectId, targetType: 'section', targetId: sectionId,
          data: { note }, client: actor },
        em,
      );
      return this.outline.numbered(projectId, sectionId, em);
    });
  }

  /**
   * Submit tells the reviewer and the leads (only they approve, so without this they learnt
   * of a section waiting for them only by looking); withdrawing tells the same people that it
   * waits for them no longer. Request changes, approve and reopen tell the assignees; request
   * changes with what is asked for, reopen with its reason, since the text is theirs to change.
   */
  private async notifyTransition(
    action: ReviewAction,
    section: SectionRow,
    actorId: string,
    note: string | null,
    em: EntityManager,
  ): Promise<void> {
    const event = { projectId: section.projectId, sectionId: section.id, actorId };
    const deciders = async (): Promise<string[]> => [
      ...(section.reviewerId ? [section.reviewerId] : []),
      ...(await this.leads(section.projectId, em)),
    ];
    switch (action) {
      case 'submit':
        await this.notifications.notify({ ...event, kind: 'review_requested' }, await deciders(), em);
        return;
      case 'withdraw':
        await this.notifications.notify({ ...event, kind: 'withdrawn', note }, await deciders(), em);
        return;
      case 'request_changes':
        await this.notifications.notify({ ...event, kind: 'changes_requested', note }, section.assigneeIds, em);
        return;
      case 'approve':
        await this.notifications.notify({ ...event, kind: 'approved' }, section.assigneeIds, em);
        return;
      case 'reopen':
        await this.notifications.notify({ ...event, kind: 'reopened', note }, section.assigneeIds, em);
        return;
      default:
        assertNever(action);
    }
  }

  private async leads(projectId: string, em: EntityManager): Promise<string[]> {
    const roles = await this.members.roles(projectId, em);
    return [...roles].filter(([, role]) => role === 'lead').map(([userId]) => userId);
  }

  async history(actor: Actor, projectId: string, sectionId: string): Promise<Transition[]> {
    await this.members.assertCan(projectId, actor.userId, 'project.read');
    await this.sections.findLive(projectId, sectionId);
    return this.transitions.list(sectionId);
  }
}
