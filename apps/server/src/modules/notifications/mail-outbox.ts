import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** A composed e-mail, ready to send. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends notification e-mails after the transaction that raised them commits, and never
 * when it rolls back: mails are held per transaction (query runner) and released by
 * TypeORM's `afterTransactionCommit`. Sending is best effort, one mail at a time; a failure
 * is logged and changes nothing. Without SMTP_URL nothing is held or sent.
 */
@Injectable()
export class MailOutbox implements EntitySubscriberInterface, OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private readonly from: string;
  private readonly held = new WeakMap<QueryRunner, OutgoingMail[]>();
  /** The chain of sends in flight; each link never rejects. */
  private sending: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() db: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.transport = config.smtp ? nodemailer.createTransport(config.smtp.url) : null;
    this.from = config.smtp?.from ?? '';
    if (this.transport) {
      db.subscribers.push(this);
    }
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Holds `mails` until the transaction of `em` commits. */
  hold(em: EntityManager, mails: readonly OutgoingMail[]): void {
    const runner = em.queryRunner;
    if (!this.transport || mails.length === 0) {
      return;
    }
    if (!runner?.isTransactionActive) {
      throw new Error('Notification mails must be held inside a transaction');
    }
    this.held.set(runner, [...(this.held.get(runner) ?? []), ...mails]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // Releasing a savepoint is reported as a commit too; only the outermost one counts.
    if (event.queryRunner.isTransactionActive) {
      return;
    }
    const mails = this.held.get(event.queryRunner);
    this.held.delete(event.queryRunner);
    for (const mail of mails ?? []) {
      this.sending = this.sending.then(() => this.send(mail));
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) {
      this.held.delete(event.queryRunner);
    }
  }

  /** Resolves when every mail released so far has been sent or given up. */
  settled(): Promise<void> {
    return this.sending;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.transport) {
      // Give mails in flight a moment, but never hold up a shutdown for a slow server.
      await Promise.race([this.sending, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      this.transport.close();
    }
  }

  private async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport?.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
    } catch (error) {
      this.logger.warn({ err: error }, 'A notification e-mail could not be sent');
    }
  }
}
