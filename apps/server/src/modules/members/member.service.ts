import { can, DomainError, type Action, type Member, type PermissionContext, type Role } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberRepository } from './member.repository.js';
import { MembershipHooks } from './membership-hooks.js';

@Injectable()
export class MemberService {
  constructor(
    private readonly members: MemberRepository,
    private readonly audit: AuditService,
    private readonly hooks: MembershipHooks,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The caller's role; NOT_FOUND for a non-member, so that a project's existence does not leak. */
  async roleOf(projectId: string, userId: string, em?: EntityManager): Promise<Role> {
    const role = await this.members.findRole(projectId, userId, em);
    if (!role) {
      throw new DomainError('NOT_FOUND', 'No such project');
    }
    return role;
  }

  /** Checks membership and the permission table; returns the role. */
  async assertCan(
    projectId: string,
    userId: string,
    action: Action,
    context?: PermissionContext,
    em?: EntityManager,
  ): Promise<Role> {
    const role = await this.roleOf(projectId, userId, em);
    if (!can(role, action, context)) {
      throw new DomainError('FORBIDDEN', `Your role (${role}) does not allow ${action}`);
    }
    return role;
  }

  async list(actor: Actor, projectId: string): Promise<Member[]> {
    await this.assertCan(projectId, actor.userId, 'project.read');
    return this.members.list(projectId);
  }

  /** userId -> role of every member, for checks inside the caller's transaction. */
  roles(projectId: string, em: EntityManager): Promise<Map<string, Role>> {
    return this.members.roles(projectId, em);
  }

  /** Adds a member inside the caller's transaction (project creation, invitation accept). */
  async add(projectId: string, userId: string, role: Role, em: EntityManager): Promise<void> {
    await this.members.insert(projectId, userId, role, em);
  }

  async changeRole(actor: Actor, projectId: string, userId: string, role: Role): Promise<Member> {
    await this.db.transaction(async (em) => {
      await this.assertCan(projectId, actor.userId, 'members.manage', undefined, em);
      const before = await this.lockTarget(projectId, userId, role, em);
      if (before === role) {
        return;
      }
      await this.members.updateRole(projectId, userId, role, em);
      await this.audit.record(
        { action: 'member.role_changed', actorId: actor.userId, projectId, targetType: 'user', targetId: userId,
          data: { before, after: role }, client: actor },
        em,
      );
      await this.hooks.changed({ actor, projectId, userId, before, after: role }, em);
      await announceChange(em, { projectId, topic: 'members', userId });
    });
    const member = await this.members.findMember(projectId, userId);
    if (!member) {
      throw new DomainError('NOT_FOUND', 'No such member');
    }
    return member;
  }

  /**
   * A lead removes anyone; any member may remove themselves (leave the project). With `outer`,
   * inside that transaction (an account's deletion ends all its memberships in one).
   */
  async remove(actor: Actor, projectId: string, userId: string, outer?: EntityManager): Promise<void> {
    const run = (work: (em: EntityManager) => Promise<void>): Promise<void> =>
      outer ? work(outer) : this.db.transaction(work);
    await run(async (em) => {
      if (userId === actor.userId) {
        await this.roleOf(projectId, actor.userId, em);
      } else {
        await this.assertCan(projectId, actor.userId, 'members.manage', undefined, em);
      }
      const before = await this.lockTarget(projectId, userId, null, em);
      await this.members.delete(projectId, userId, em);
      await this.audit.record(
        { action: 'member.removed', actorId: actor.userId, projectId, targetType: 'user', targetId: userId,
          data: { before }, client: actor },
        em,
      );
      await this.hooks.changed({ actor, projectId, userId, before, after: null }, em);
      await announceChange(em, { projectId, topic: 'members', userId });
    });
  }

  /**
   * Locks the lead rows first, then the target row: one lock order for every change of
   * membership, so that concurrent changes queue up instead of deadlocking. A change that
   * would take the last lead away is refused.
   */
  private async lockTarget(projectId: string, userId: string, newRole: Role | null, em: EntityManager): Promise<Role> {
    const leads = await this.members.lockLeads(projectId, em);
    const role = await this.members.findRoleForUpdate(projectId, userId, em);
    if (!role) {
      throw new DomainError('NOT_FOUND', 'No such member in this project');
    }
    if (role === 'lead' && newRole !== 'lead' && leads <= 1) {
      throw new DomainError('LAST_LEAD', 'A project must keep at least one lead');
    }
    return role;
  }
}
