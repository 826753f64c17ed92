import { DomainError, type AccountDeletionPreview, type AccountProjectRef } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../../common/http/request-context.js';
import { announceChange } from '../../../common/project-changes.js';
import { AuditService } from '../../audit/audit.service.js';
import { MemberService } from '../../members/member.service.js';
import { ProjectService } from '../../projects/project.service.js';
import type { DeleteAccountDto } from '../account.dto.js';
import { AccountEraser } from '../account-eraser.js';
import { CurrentPasswordCheck } from '../current-password.js';
import { AccountDeletionRepository, type MembershipOfLeaver } from './account-deletion.repository.js';

/** What deleting the account does to each of its projects (docs/accounts.md, "Deleting the account"). */
export function classify(memberships: readonly MembershipOfLeaver[]): AccountDeletionPreview {
  const ref = (membership: MembershipOfLeaver): AccountProjectRef => ({ id: membership.projectId, title: membership.title });
  return {
    blocking: memberships.filter((m) => m.otherMembers > 0 && m.role === 'lead' && m.otherLeads === 0).map(ref),
    deletedWithAccount: memberships.filter((m) => m.otherMembers === 0).map(ref),
    left: memberships.filter((m) => m.otherMembers > 0 && (m.role !== 'lead' || m.otherLeads > 0)).map(ref),
  };
}

function soleLead(projects: readonly AccountProjectRef[]): DomainError {
  const titles = projects.map((project) => `"${project.title}"`).join(', ');
  return new DomainError(
    'ACCOUNT_SOLE_LEAD',
    `You are the only lead of ${titles}: appoint another lead there first (or remove the other members)`,
    projects.map((project) => ({ field: `projects.${project.id}`, message: project.title })),
  );
}

/**
 * Deletes an account for good: the person's data goes, their work stays without their name.
 * Refused while they are the only lead of a project with other members (a project must keep a
 * lead); projects in which nobody else is a member are deleted with the account.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly current: CurrentPasswordCheck,
    private readonly eraser: AccountEraser,
    private readonly members: MemberService,
    private readonly projects: ProjectService,
    private readonly deletion: AccountDeletionRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async preview(actor: Actor): Promise<AccountDeletionPreview> {
    return classify(await this.deletion.memberships(actor.userId));
  }

  async remove(actor: Actor, dto: DeleteAccountDto): Promise<void> {
    await this.current.verify(actor, dto.currentPassword, 'deletion');
    const before = classify(await this.deletion.memberships(actor.userId));
    if (before.blocking.length > 0) {
      throw soleLead(before.blocking);
    }
    await this.db.transaction(async (em) => {
      const account = await this.eraser.lock(actor.userId, em);
      await this.deletion.lockProjectsOf(actor.userId, em);
      const now = classify(await this.deletion.memberships(actor.userId, em));
      // Someone left or was demoted meanwhile: refused as the check above would have. So is the
      // deletion of a project the person was not shown (its other members left meanwhile).
      const confirmed = new Set(before.deletedWithAccount.map((project) => project.id));
      const blocking = [...now.blocking, ...now.deletedWithAccount.filter((project) => !confirmed.has(project.id))];
      if (blocking.length > 0) {
        throw soleLead(blocking);
      }
      // Projects nobody else is in go the way a lead deletes a project (their audit trails emptied
      // of content, their streams told), in this transaction: a refusal keeps them.
      for (const project of now.deletedWithAccount) {
        await this.projects.remove(actor, project.id, em);
      }
      for (const project of now.left) {
        // Leaving as a member does: assignments end, open editors and event streams are told.
        await this.members.remove(actor, project.id, actor.userId, em);
      }
      await this.cleanUpInvitations(actor, account, em);
      await this.deletion.scrubAudit(account.id, account.email, em);
      const endedSessions = await this.eraser.erase(account.id, em);
      await this.audit.record(
        { action: 'user.deleted', actorId: account.id, targetType: 'user', targetId: account.id,
          data: { projectsLeft: now.left.map((p) => p.id), projectsDeleted: now.deletedWithAccount.map((p) => p.id), endedSessions },
          client: actor },
        em,
      );
    });
  }

  private async cleanUpInvitations(actor: Actor, account: { id: string; email: string }, em: EntityManager): Promise<void> {
    for (const projectId of await this.deletion.deleteInvitationsTo(account.email, em)) {
      await announceChange(em, { projectId, topic: 'members' });
    }
    for (const revoked of await this.deletion.revokeInvitationsFrom(account.id, new Date(), em)) {
      await this.audit.record(
        { action: 'invitation.revoked', actorId: account.id, projectId: revoked.projectId, targetType: 'invitation',
          targetId: revoked.id, data: { reason: 'account_deleted' }, client: actor },
        em,
      );
      await announceChange(em, { projectId: revoked.projectId, topic: 'members' });
    }
  }
}
