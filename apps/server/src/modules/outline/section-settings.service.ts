import { DomainError, MAY_BE_ASSIGNED, MAY_REVIEW, type FieldError, type Role, type Section } from '@kapitel/domain';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { announceChange } from '../../common/project-changes.js';
import type { Actor } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberService } from '../members/member.service.js';
import { MembershipHooks, type MembershipChange } from '../members/membership-hooks.js';
import { NotificationService } from '../notifications/notification.service.js';
import type { UpdateSectionDto } from './outline.dto.js';
import { OutlineService } from './outline.service.js';
import { auditView } from './section-view.js';
import { SectionRepository } from './section.repository.js';

/**
 * A section's title, numbering, assignees, reviewer, due date and length target. Assignees must be
 * authors or leads and the reviewer a reviewer or lead, also after role changes: a member
 * who leaves or changes role loses the assignments the new role does not allow.
 */
@Injectable()
export class SectionSettingsService implements OnModuleInit {
  constructor(
    private readonly outline: OutlineService,
    private readonly sections: SectionRepository,
    private readonly members: MemberService,
    private readonly audit: AuditService,
    private readonly hooks: MembershipHooks,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.hooks.register((change, em) => this.followMembership(change, em));
  }

  async update(actor: Actor, projectId: string, sectionId: string, dto: UpdateSectionDto): Promise<Section> {
    return this.outline.change(actor, projectId, async (_rows, em) => {
      const before = await this.outline.numbered(projectId, sectionId, em);
      await this.checkPeople(projectId, dto, em);
      await this.sections.update(
        sectionId,
        {
          title: dto.title,
          numbered: dto.numbered,
          reviewerId: dto.reviewerId,
          dueDate: dto.dueDate,
          targetWords: dto.targetWords,
        },
        em,
      );
      if (dto.assigneeIds !== undefined) {
        await this.sections.replaceAssignees(sectionId, dto.assigneeIds, em);
      }
      const after = await this.outline.numbered(projectId, sectionId, em);
      const [was, is] = [auditView(before), auditView(after)];
      const changed = Object.keys(is).filter((key) => JSON.stringify(was[key]) !== JSON.stringify(is[key]));
      if (changed.length > 0) {
        await announceChange(em, { projectId, topic: 'outline', sectionId });
        const pick = (view: Record<string, unknown>) => Object.fromEntries(changed.map((key) => [key, view[key]]));
        await this.audit.record(
          { action: 'section.updated', actorId: actor.userId, projectId, targetType: 'section', targetId: sectionId,
            data: { before: pick(was), after: pick(is) }, client: actor },
          em,
        );
      }
      // Everyone who has just become an assignee or the reviewer; one notification each.
      const assigned = [
        ...after.assigneeIds.filter((userId) => !before.assigneeIds.includes(userId)),
        ...(after.reviewerId !== null && after.reviewerId !== before.reviewerId ? [after.reviewerId] : []),
      ];
      await this.notifications.notify({ kind: 'assigned', projectId, sectionId, actorId: actor.userId }, assigned, em);
      return after;
    });
  }

  /** Every named person must be a member whose role fits; each misfit is named. */
  private async checkPeople(projectId: string, dto: UpdateSectionDto, em: EntityManager): Promise<void> {
    if (dto.assigneeIds === undefined && (dto.reviewerId === undefined || dto.reviewerId === null)) {
      return;
    }
    const roles = await this.members.roles(projectId, em);
    const details: FieldError[] = [];
    (dto.assigneeIds ?? []).forEach((userId, index) => {
      if (!MAY_BE_ASSIGNED.includes(roles.get(userId) as Role)) {
        details.push({ field: `assigneeIds[${index}]`, message: `${userId} is not an author or lead of this project` });
      }
    });
    if (dto.reviewerId && !MAY_REVIEW.includes(roles.get(dto.reviewerId) as Role)) {
      details.push({ field: 'reviewerId', message: `${dto.reviewerId} is not a reviewer or lead of this project` });
    }
    if (details.length > 0) {
      throw new DomainError('VALIDATION', 'Only authors and leads can be assigned, only reviewers and leads can review', details);
    }
  }

  private async followMembership(change: MembershipChange, em: EntityManager): Promise<void> {
    // Wait for assignments in flight: an assignment that read the old membership commits
    // first, and is then removed here; one that starts later reads the new membership.
    await this.sections.lockOutline(change.projectId, em);
    const keeps = (allowed: readonly Role[]): boolean => change.after !== null && allowed.includes(change.after);
    const removed = await this.sections.removeMemberAssignments(
      change.projectId,
      change.userId,
      { assignee: !keeps(MAY_BE_ASSIGNED), reviewer: !keeps(MAY_REVIEW) },
      em,
    );
    for (const { sectionId, role } of removed) {
      await this.audit.record(
        { action: 'section.unassigned', actorId: change.actor.userId, projectId: change.projectId,
          targetType: 'section', targetId: sectionId,
          data: { before: { [role]: change.userId }, after: { [role]: null }, reason: change.after === null ? 'removed' : 'role_changed' },
          client: change.actor },
        em,
      );
    }
  }
}
