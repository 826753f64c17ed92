import {
  DomainError,
  LIMITS,
  type NotificationPage,
  type UnreadCountResponse,
} from '@kapitel/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/http/request-context.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { MemberService } from '../members/member.service.js';
import { composeMail } from './mail-text.js';
import { MailOutbox } from './mail-outbox.js';
import { NotificationRepository, type NotificationEvent } from './notification.repository.js';
import { RequestOrigin } from './request-origin.js';

export type { NotificationEvent } from './notification.repository.js';

/**
 * In-app notifications (and, with SMTP configured, their e-mails). Other features call
 * `notify()` inside the transaction of their event, so a notification exists exactly when
 * the event does. Readers see only their own notifications of projects they belong to.
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly members: MemberService,
    private readonly outbox: MailOutbox,
    private readonly origin: RequestOrigin,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Notifies each of `recipients` once of `event`: never the actor, and nobody who is not a
   * member of the project (any more). Returns who was notified.
   */
  async notify(event: NotificationEvent, recipients: readonly string[], em: EntityManager): Promise<string[]> {
    const candidates = [...new Set(recipients)].filter((userId) => userId !== event.actorId);
    if (candidates.length === 0) {
      return [];
    }
    const roles = await this.members.roles(event.projectId, em);
    const userIds = candidates.filter((userId) => roles.has(userId));
    if (userIds.length === 0) {
      return [];
    }
    const ids = await this.notifications.insert(event, userIds, em);
    if (this.outbox.enabled) {
      await this.holdMails(ids, em);
    }
    return userIds;
  }

  /**
   * Whoever replies to a thread or resolves (or reopens) it has read it: their notifications
   * about its comments (a mention, a reply) are marked read in the same transaction, instead of
   * waiting in the bell for a click.
   */
  async markThreadRead(userId: string, threadId: string, em: EntityManager): Promise<void> {
    await this.notifications.markThreadRead(userId, threadId, em);
  }

  async list(actor: Actor, query: { unread?: boolean; before?: string; limit?: number }): Promise<NotificationPage> {
    const limit = query.limit ?? LIMITS.notificationPageSize;
    // One row more than asked tells whether an older page exists.
    const rows = await this.notifications.list(actor.userId, {
      unread: query.unread ?? false,
      before: query.before ?? null,
      limit: limit + 1,
    });
    const notifications = rows.slice(0, limit);
    return {
      notifications,
      unread: await this.notifications.countUnread(actor.userId),
      nextBefore: rows.length > limit ? (notifications.at(-1)?.id ?? null) : null,
    };
  }

  async unreadCount(actor: Actor): Promise<UnreadCountResponse> {
    return { unread: await this.notifications.countUnread(actor.userId) };
  }

  async markRead(actor: Actor, notificationId: string): Promise<UnreadCountResponse> {
    if (!(await this.notifications.markRead(actor.userId, notificationId))) {
      throw new DomainError('NOT_FOUND', 'No such notification');
    }
    return this.unreadCount(actor);
  }

  async markAllRead(actor: Actor): Promise<UnreadCountResponse> {
    await this.notifications.markAllRead(actor.userId);
    return this.unreadCount(actor);
  }

  private async holdMails(ids: readonly string[], em: EntityManager): Promise<void> {
    const origin = this.config.publicOrigin ?? this.origin.current();
    const rows = await this.notifications.mailRows(ids, em);
    const mails = rows.map((row) => {
      const link = origin && row.section_id ? `${origin}/projects/${row.project_id}/sections/${row.section_id}` : null;
      const { subject, text } = composeMail({
        kind: row.kind,
        language: row.language,
        recipientName: row.recipient_name,
        projectTitle: row.project_title,
        sectionTitle: row.section_title,
        actorName: row.actor_name,
        commentBody: row.comment_body,
        note: row.note,
        link,
      });
      return { to: row.email, subject, text };
    });
    this.outbox.hold(em, mails);
  }
}
