import {
  DomainError,
  LIMITS,
  normaliseEmail,
  type AcceptInvitationResponse,
  type CreatedInvitation,
  type Invitation,
  type InvitationPreview,
  type InvitationViewer,
  type Role,
} from '@kapitel/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { RateLimiter } from '../../common/rate-limits/rate-limiter.js';
import { WINDOW_COUNTERS, type WindowCounters } from '../../common/rate-limits/counters.js';
import type { Actor } from '../../common/http/request-context.js';
import { announceChange } from '../../common/project-changes.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestHost } from '../auth/password-reset-link.js';
import { hashToken } from '../auth/session.service.js';
import { UserService } from '../auth/user.service.js';
import type { CreateInvitationDto } from './member.dto.js';
import { InvitationRepository } from './invitation.repository.js';
import { InvitationDelivery } from './invitation-delivery.js';
import type { InvitationEntity } from './invitation.entity.js';
import { newInvitationToken } from './invitation-token.pipe.js';
import { MemberRepository } from './member.repository.js';
import { MemberService } from './member.service.js';

const DAY_MS = 24 * 3600 * 1000;

function toInvitation(entity: InvitationEntity, now: Date): Invitation {
  return {
    id: entity.id,
    email: entity.email,
    role: entity.role,
    invitedBy: entity.invitedBy,
    createdAt: entity.createdAt.toISOString(),
    expiresAt: entity.expiresAt.toISOString(),
    expired: entity.expiresAt.getTime() <= now.getTime(),
    emailStatus: entity.emailStatus,
  };
}

/**
 * Refuses a link that can no longer be accepted, with why. Accepting and previewing share it,
 * so that the page says exactly what accepting would say.
 */
function assertOpen(invitation: InvitationEntity, now: Date): void {
  if (invitation.revokedAt) {
    throw new DomainError('INVITATION_REVOKED', 'This invitation has been withdrawn');
  }
  if (invitation.acceptedAt) {
    throw new DomainError('INVITATION_USED', 'This invitation has been used already');
  }
  if (invitation.expiresAt.getTime() <= now.getTime()) {
    throw new DomainError('INVITATION_EXPIRED', 'This invitation has expired; ask for a new one');
  }
}

@Injectable()
export class InvitationService {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly invitations: InvitationRepository,
    private readonly members: MemberService,
    private readonly memberRows: MemberRepository,
    private readonly users: UserService,
    private readonly audit: AuditService,
    private readonly delivery: InvitationDelivery,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(WINDOW_COUNTERS) counters: WindowCounters,
  ) {
    this.limiter = new RateLimiter('invitations', config.invitationRateLimitPerHour, 3600 * 1000, counters);
  }

  /**
   * Creates a single-use link for one email (an older open link for that email stops
   * working) and, with SMTP_URL, e-mails it. A mail that cannot be sent leaves the invitation
   * as it is; the answer says so (`emailStatus`), and the lead passes the link on.
   */
  async create(actor: Actor, projectId: string, dto: CreateInvitationDto, host: RequestHost): Promise<CreatedInvitation> {
    await this.members.assertCan(projectId, actor.userId, 'members.manage');
    await this.limiter.hit(actor.userId);
    const email = normaliseEmail(dto.email);
    await this.assertNotMember(projectId, email);
    const issued = await this.db.transaction((em) =>
      this.issue(em, actor, projectId, { email, role: dto.role }, { action: 'invitation.created' }),
    );
    return this.delivered(projectId, issued, host);
  }

  /**
   * A new link for an invitation that has not been accepted or revoked (an expired one too):
   * the old link stops working (it answers INVITATION_REVOKED, as a replaced one always has),
   * the seven days start anew, and the new link is e-mailed as on creation. The invitation
   * gets a new id: each row is one link.
   */
  async renew(actor: Actor, projectId: string, invitationId: string, host: RequestHost): Promise<CreatedInvitation> {
    await this.members.assertCan(projectId, actor.userId, 'members.manage');
    await this.limiter.hit(actor.userId);
    const issued = await this.db.transaction(async (em) => {
      // Locked: of two renewals at once, the second finds the first's revocation and fails.
      const old = await this.invitations.findByIdForUpdate(projectId, invitationId, em);
      if (!old) {
        throw new DomainError('NOT_FOUND', 'No such invitation');
      }
      if (old.acceptedAt) {
        throw new DomainError('INVITATION_USED', 'This invitation has been accepted already');
      }
      if (old.revokedAt) {
        throw new DomainError('INVITATION_REVOKED', 'This invitation has been withdrawn or replaced by a newer link');
      }
      return this.issue(em, actor, projectId, old, { action: 'invitation.renewed', replaces: old.id });
    });
    return this.delivered(projectId, issued, host);
  }

  private async assertNotMember(projectId: string, email: string): Promise<void> {
    if (await this.memberRows.findMemberByEmail(projectId, email)) {
      throw new DomainError('ALREADY_MEMBER', `${email} is already a member of this project`, [
        { field: 'email', message: 'email belongs to a member already' },
      ]);
    }
  }

  /** Stores a new link for `email` in place of any open one, with its audit entry. */
  private async issue(
    em: EntityManager,
    actor: Actor,
    projectId: string,
    { email, role }: { email: string; role: Role },
    audit: { action: 'invitation.created' | 'invitation.renewed'; replaces?: string },
  ): Promise<{ invitation: InvitationEntity; token: string }> {
    const token = newInvitationToken();
    const now = new Date();
    await this.invitations.revokeOpenFor(projectId, email, now, em);
    const invitation = await this.invitations.insert(
      {
        projectId,
        email,
        role,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(now.getTime() + LIMITS.invitationValidDays * DAY_MS),
      },
      em,
    );
    const replaces = audit.replaces === undefined ? {} : { replaces: audit.replaces };
    await this.audit.record(
      { action: audit.action, actorId: actor.userId, projectId, targetType: 'invitation',
        targetId: invitation.id, data: { email, role, ...replaces }, client: actor },
      em,
    );
    return { invitation, token };
  }

  /** After the commit: e-mails the link (the lead waits for the outcome) and answers with it. */
  private async delivered(
    projectId: string,
    { invitation, token }: { invitation: InvitationEntity; token: string },
    host: RequestHost,
  ): Promise<CreatedInvitation> {
    const emailStatus = await this.delivery.deliver(projectId, invitation.id, token, host);
    return {
      id: invitation.id,
      token,
      url: this.delivery.shownLink(host, token),
      expiresAt: invitation.expiresAt.toISOString(),
      emailStatus,
    };
  }

  async list(actor: Actor, projectId: string): Promise<Invitation[]> {
    await this.members.assertCan(projectId, actor.userId, 'members.manage');
    const now = new Date();
    const expiredSince = new Date(now.getTime() - LIMITS.invitationExpiredListedDays * 24 * 60 * 60 * 1000);
    return (await this.invitations.listUnused(projectId, expiredSince)).map((entity) => toInvitation(entity, now));
  }

  async revoke(actor: Actor, projectId: string, invitationId: string): Promise<void> {
    await this.members.assertCan(projectId, actor.userId, 'members.manage');
    const invitation = await this.invitations.findById(projectId, invitationId);
    if (!invitation) {
      throw new DomainError('NOT_FOUND', 'No such invitation');
    }
    if (invitation.acceptedAt) {
      throw new DomainError('INVITATION_USED', 'This invitation has been accepted already');
    }
    await this.invitations.markRevoked(invitation.id, new Date());
    await this.audit.record({ action: 'invitation.revoked', actorId: actor.userId, projectId,
      targetType: 'invitation', targetId: invitation.id, client: actor });
  }

  /**
   * What an open link offers, for its page. Holding the token is the permission to see it (it
   * was sent to the invited address); a link that cannot be accepted any more shows nothing
   * of the project, so a withdrawn or used link stops revealing it.
   */
  async preview(actor: Actor | null, token: string): Promise<InvitationPreview> {
    const found = await this.invitations.findInContextByTokenHash(hashToken(token));
    if (!found) {
      throw new DomainError('NOT_FOUND', 'No such invitation');
    }
    const { invitation } = found;
    assertOpen(invitation, new Date());
    return {
      projectTitle: found.projectTitle,
      projectLanguage: found.projectLanguage,
      role: invitation.role,
      inviterName: found.inviterName,
      email: invitation.email,
      expiresAt: invitation.expiresAt.toISOString(),
      viewer: await this.viewerOf(actor, invitation),
    };
  }

  private async viewerOf(actor: Actor | null, invitation: InvitationEntity): Promise<InvitationViewer> {
    if (!actor) {
      return 'anonymous';
    }
    if (await this.memberRows.findRole(invitation.projectId, actor.userId)) {
      return 'member';
    }
    // Both addresses are stored normalised, as accept() compares them.
    const user = await this.users.getById(actor.userId);
    return user.email === invitation.email ? 'invited_account' : 'other_account';
  }

  /** Joins the project with the invited role; only the invited email's account may. */
  async accept(actor: Actor, token: string): Promise<AcceptInvitationResponse> {
    const user = await this.users.getById(actor.userId);
    return this.db.transaction(async (em) => {
      const invitation = token.length <= 100 ? await this.invitations.findByTokenHashForUpdate(hashToken(token), em) : null;
      if (!invitation) {
        throw new DomainError('NOT_FOUND', 'No such invitation');
      }
      assertOpen(invitation, new Date());
      if (invitation.email !== user.email) {
        throw new DomainError('INVITATION_WRONG_ACCOUNT', 'This invitation is for another email address');
      }
      if (await this.memberRows.findRole(invitation.projectId, user.id, em)) {
        throw new DomainError('ALREADY_MEMBER', 'You are a member of this project already');
      }
      await this.members.add(invitation.projectId, user.id, invitation.role, em);
      await this.invitations.markAccepted(invitation.id, user.id, new Date(), em);
      await announceChange(em, { projectId: invitation.projectId, topic: 'members', userId: user.id });
      await this.audit.record(
        { action: 'invitation.accepted', actorId: user.id, projectId: invitation.projectId,
          targetType: 'invitation', targetId: invitation.id, data: { role: invitation.role }, client: actor },
        em,
      );
      return { projectId: invitation.projectId, role: invitation.role };
    });
  }
}
