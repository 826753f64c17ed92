import type { InvitationEmailStatus } from '@kapitel/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { resetLinkOrigin, type RequestHost } from '../auth/password-reset-link.js';
import { composeInvitationMail } from './invitation-mail.js';
import { InvitationMailer } from './invitation-mailer.js';
import { InvitationRepository } from './invitation.repository.js';

/** The web app's page that takes an invitation link's token (apps/web, route `invite/:token`). */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/invite/${token}`;
}

/**
 * Gets a new invitation link to the invited person: builds the links and, with SMTP_URL,
 * e-mails the link and records whether the mail server took it.
 */
@Injectable()
export class InvitationDelivery {
  private readonly logger = new Logger('Invitations');
  private warnedAboutOrigin = false;

  constructor(
    private readonly mailer: InvitationMailer,
    private readonly invitations: InvitationRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The link shown to the lead who made it: PUBLIC_ORIGIN, else the host the lead's own
   * browser asked (the lead sees it before passing it on, and it is no one else's choice).
   */
  shownLink(host: RequestHost, token: string): string {
    return invitationLink(this.config.publicOrigin ?? `${host.protocol}://${host.host}`, token);
  }

  /**
   * E-mails the link of invitation `id` to its address, in the project's language, and
   * records the outcome. The link in the mail is built as a password reset link is: from
   * PUBLIC_ORIGIN, else only from a request to this machine, never from another Host header
   * (it goes to someone else's inbox and must point to us). `off` when there is no e-mail.
   */
  async deliver(projectId: string, id: string, token: string, host: RequestHost): Promise<InvitationEmailStatus> {
    if (!this.mailer.enabled) {
      return 'off';
    }
    const origin = resetLinkOrigin(this.config.publicOrigin, host);
    if (origin === null) {
      this.warnOnce(host);
      return 'off';
    }
    const found = await this.invitations.findInContextById(projectId, id);
    if (!found) {
      // Revoked or replaced in the meantime does not matter; gone (project deleted) does.
      return 'off';
    }
    const { invitation } = found;
    const mail = composeInvitationMail({
      language: found.projectLanguage,
      projectTitle: found.projectTitle,
      inviterName: found.inviterName,
      inviterEmail: found.inviterEmail,
      email: invitation.email,
      role: invitation.role,
      link: invitationLink(origin, token),
      expiresAt: invitation.expiresAt,
    });
    const status: InvitationEmailStatus = (await this.mailer.send({ to: invitation.email, ...mail })) ? 'sent' : 'failed';
    await this.invitations.setEmailStatus(id, status);
    return status;
  }

  private warnOnce(host: RequestHost): void {
    if (!this.warnedAboutOrigin) {
      this.warnedAboutOrigin = true;
      this.logger.warn(
        `Invitation e-mails are off for requests to ${host.hostname}: set PUBLIC_ORIGIN, the links must not name a host the request chose`,
      );
    }
  }
}
