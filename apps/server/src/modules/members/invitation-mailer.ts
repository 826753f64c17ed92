import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/**
 * How long the lead's request waits for the mail server. The answer says whether the mail
 * went out, so it has to wait; but a mail server that hangs must not hang the page: after
 * this the invitation counts as not mailed and the lead passes the link on.
 */
const SEND_TIMEOUT_MS = 15_000;

/**
 * Sends invitation e-mails over SMTP_URL and says whether the mail server took them. Unlike
 * the notification and reset mails (sent after answering, best effort), the lead waits for
 * this one: they must know whether to pass the link on themselves. Without SMTP_URL there is
 * no transport (`enabled` false).
 */
@Injectable()
export class InvitationMailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.transport = config.smtp
      ? nodemailer.createTransport({
          url: config.smtp.url,
          connectionTimeout: SEND_TIMEOUT_MS,
          greetingTimeout: SEND_TIMEOUT_MS,
          socketTimeout: SEND_TIMEOUT_MS,
        })
      : null;
    this.from = config.smtp?.from ?? '';
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** True when the mail server accepted the mail; false (logged) when it refused, failed or took too long. */
  async send(mail: { to: string; subject: string; text: string }): Promise<boolean> {
    if (!this.transport) {
      return false;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`no answer from the mail server within ${String(SEND_TIMEOUT_MS / 1000)} s`));
      }, SEND_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.transport.sendMail({ from: this.from, ...mail }), timeout]);
      return true;
    } catch (error) {
      this.logger.warn({ err: error }, 'An invitation e-mail could not be sent');
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
