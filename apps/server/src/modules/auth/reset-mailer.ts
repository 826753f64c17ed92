import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/**
 * Sends the account's e-mails (password reset links, the notice of a changed address) over SMTP_URL, one at a time and after the request has been
 * answered: the answer must not wait for (or reveal anything through) the mail server, and a
 * failure is logged, never shown. Without SMTP_URL there is no transport (`enabled` false).
 */
@Injectable()
export class ResetMailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private readonly from: string;
  /** The chain of sends in flight; each link never rejects. */
  private sending: Promise<void> = Promise.resolve();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.transport = config.smtp ? nodemailer.createTransport(config.smtp.url) : null;
    this.from = config.smtp?.from ?? '';
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Queues a mail; returns at once. */
  send(mail: { to: string; subject: string; text: string }): void {
    const transport = this.transport;
    if (!transport) {
      return;
    }
    this.sending = this.sending.then(async () => {
      try {
        await transport.sendMail({ from: this.from, ...mail });
      } catch (error) {
        this.logger.warn({ err: error }, 'An account e-mail could not be sent');
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.transport) {
      // Give mails in flight a moment, but never hold up a shutdown for a slow server.
      await Promise.race([this.sending, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      this.transport.close();
    }
  }
}
