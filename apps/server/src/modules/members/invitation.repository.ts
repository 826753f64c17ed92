import type { InvitationEmailStatus, Language } from '@kapitel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { InvitationEntity } from './invitation.entity.js';

/** An invitation with what its link page and e-mail name: the project's title and language, the inviter. */
export interface InvitationInContext {
  invitation: InvitationEntity;
  projectTitle: string;
  projectLanguage: Language;
  inviterName: string;
  inviterEmail: string;
}

@Injectable()
export class InvitationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(em?: EntityManager) {
    return (em ?? this.db.manager).getRepository(InvitationEntity);
  }

  async insert(
    invitation: Pick<InvitationEntity, 'projectId' | 'email' | 'role' | 'tokenHash' | 'invitedBy' | 'expiresAt'>,
    em: EntityManager,
  ): Promise<InvitationEntity> {
    const result = await this.repo(em).insert(invitation);
    const id = (result.identifiers[0] as { id: string }).id;
    return this.repo(em).findOneByOrFail({ id });
  }

  /** Neither accepted nor revoked, and not expired before `expiredSince` (open ones and recently expired ones). */
  listUnused(projectId: string, expiredSince: Date): Promise<InvitationEntity[]> {
    return this.repo().find({
      where: { projectId, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(expiredSince) },
      order: { createdAt: 'ASC' },
    });
  }

  /** Revokes the open invitations of `email` in a project (a new link replaces older ones). */
  async revokeOpenFor(projectId: string, email: string, now: Date, em: EntityManager): Promise<void> {
    await this.repo(em).update({ projectId, email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
  }

  findById(projectId: string, id: string, em?: EntityManager): Promise<InvitationEntity | null> {
    return this.repo(em).findOneBy({ projectId, id });
  }

  /** The invitation behind a token, locked so that two accepts cannot both succeed. */
  async findByTokenHashForUpdate(tokenHash: string, em: EntityManager): Promise<InvitationEntity | null> {
    return this.repo(em)
      .createQueryBuilder('invitation')
      .setLock('pessimistic_write')
      .where('invitation.token_hash = :tokenHash', { tokenHash })
      .getOne();
  }

  /** An invitation by id, locked, so that two renewals of it cannot both succeed. */
  findByIdForUpdate(projectId: string, id: string, em: EntityManager): Promise<InvitationEntity | null> {
    return this.repo(em)
      .createQueryBuilder('invitation')
      .setLock('pessimistic_write')
      .where('invitation.project_id = :projectId AND invitation.id = :id', { projectId, id })
      .getOne();
  }

  /** Reads through the declared relations in one query; a token is unique, so at most one row. */
  findInContextByTokenHash(tokenHash: string): Promise<InvitationInContext | null> {
    return this.findInContext('invitation.token_hash = :tokenHash', { tokenHash });
  }

  /** The same for an invitation by id, for its e-mail. */
  findInContextById(projectId: string, id: string): Promise<InvitationInContext | null> {
    return this.findInContext('invitation.project_id = :projectId AND invitation.id = :id', { projectId, id });
  }

  private async findInContext(where: string, parameters: Record<string, string>): Promise<InvitationInContext | null> {
    const invitation = await this.repo()
      .createQueryBuilder('invitation')
      .innerJoin('invitation.project', 'project')
      .addSelect(['project.title', 'project.language'])
      .innerJoin('invitation.inviter', 'inviter')
      .addSelect(['inviter.name', 'inviter.email'])
      .where(where, parameters)
      .getOne();
    if (!invitation?.project || !invitation.inviter) {
      return null;
    }
    return {
      invitation,
      projectTitle: invitation.project.title,
      projectLanguage: invitation.project.language,
      inviterName: invitation.inviter.name,
      inviterEmail: invitation.inviter.email,
    };
  }

  async setEmailStatus(id: string, emailStatus: InvitationEmailStatus): Promise<void> {
    await this.repo().update({ id }, { emailStatus });
  }

  async markAccepted(id: string, userId: string, now: Date, em: EntityManager): Promise<void> {
    await this.repo(em).update({ id }, { acceptedAt: now, acceptedBy: userId });
  }

  async markRevoked(id: string, now: Date, em?: EntityManager): Promise<void> {
    await this.repo(em).update({ id }, { revokedAt: now });
  }
}
