import { DomainError, normaliseEmail, type PasswordResetInfo } from '@kapitel/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { ClientInfo } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { AccountLimits } from './account-limits.js';
import type { PasswordResetConfirmDto, PasswordResetDto } from './account.dto.js';
import { PasswordHasher } from './password.js';
import type { PasswordResetEntity } from './password-reset.entity.js';
import { newResetToken, resetExpiry, resetLink, resetLinkOrigin, type RequestHost } from './password-reset-link.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { PasswordWriter } from './password-writer.js';
import { composeResetMail } from './reset-mail.js';
import { ResetMailer } from './reset-mailer.js';
import { hashToken } from './session.service.js';
import { UserRepository } from './user.repository.js';

/** Throws why a link cannot be used, if it cannot. Spent beats expired: that is what happened first. */
function assertUsable(reset: PasswordResetEntity | null, now: Date): asserts reset is PasswordResetEntity {
  if (!reset) {
    throw new DomainError('RESET_LINK_INVALID', 'This password reset link is not valid', [{ field: 'token', message: 'token is not valid' }]);
  }
  if (reset.usedAt) {
    throw new DomainError('RESET_LINK_USED', 'This password reset link has been used already', [{ field: 'token', message: 'token was used' }]);
  }
  if (reset.expiresAt <= now) {
    throw new DomainError('RESET_LINK_EXPIRED', 'This password reset link has expired', [{ field: 'token', message: 'token expired' }]);
  }
}

/**
 * The forgotten-password flow: a single-use link by e-mail (when SMTP_URL is set), valid for
 * an hour, that sets a new password and ends every session of the account. Whether an account
 * exists is never told: every request is answered alike.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');
  private readonly passwords: PasswordHasher;
  private warnedAboutOrigin = false;

  constructor(
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly writer: PasswordWriter,
    private readonly mailer: ResetMailer,
    private readonly limits: AccountLimits,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.passwords = new PasswordHasher(config.argon2MemoryKiB);
  }

  /** Whether links go out by e-mail for requests to this host; the same for every address. */
  info(host: RequestHost): PasswordResetInfo {
    return { byEmail: this.linkOrigin(host) !== null };
  }

  async request(dto: PasswordResetDto, host: RequestHost, client: ClientInfo): Promise<PasswordResetInfo> {
    const email = normaliseEmail(dto.email);
    await this.limits.perIp.hit(`password-reset:${client.ip ?? 'unknown'}`);
    await this.limits.resetMails.hit(email);
    const origin = this.linkOrigin(host);
    const user = await this.users.findByEmail(email);
    await this.audit.record({ action: 'password_reset.requested', actorId: user?.id ?? null, data: { email, byEmail: origin !== null }, client });
    if (user && origin !== null) {
      const { token, tokenHash } = newResetToken();
      const now = new Date();
      await this.resets.insert({ userId: user.id, tokenHash, expiresAt: resetExpiry(now) }, now);
      this.mailer.send({ to: user.email, ...composeResetMail(dto.language ?? 'de', user.name, resetLink(origin, token)) });
    }
    return { byEmail: origin !== null };
  }

  /** Sets the new password with a link's token, spends it, and ends every session of the account. */
  async confirm(dto: PasswordResetConfirmDto, client: ClientInfo): Promise<void> {
    await this.limits.perIp.hit(`password-reset-confirm:${client.ip ?? 'unknown'}`);
    const tokenHash = hashToken(dto.token);
    // Checked before the slow hash, so that a dead link costs no argon2; checked again under
    // the row's lock, where a concurrent use of the same link would show.
    const found = await this.resets.findByTokenHash(tokenHash);
    assertUsable(found, new Date());
    const passwordHash = await this.passwords.hash(dto.newPassword);
    await this.writer.write({
      userId: found.userId,
      passwordHash,
      keepSessionId: null,
      action: 'password.reset',
      client,
      before: async (em: EntityManager) => {
        assertUsable(await this.resets.findByTokenHash(tokenHash, em), new Date());
      },
    });
    const user = await this.users.getById(found.userId);
    // Locked out by failed sign-ins before? The new password works at once.
    await this.limits.passwordGuesses.reset(AccountLimits.guessKey(user.email));
  }

  private linkOrigin(host: RequestHost): string | null {
    if (!this.mailer.enabled) {
      return null;
    }
    const origin = resetLinkOrigin(this.config.publicOrigin, host);
    if (origin === null && !this.warnedAboutOrigin) {
      this.warnedAboutOrigin = true;
      this.logger.warn(
        `Password reset e-mails are off for requests to ${host.hostname}: set PUBLIC_ORIGIN, the links must not name a host the request chose`,
      );
    }
    return origin;
  }
}
