import { commentExcerpt, type UserNotification } from '@kapitel/domain';
import { Link } from 'react-router';
import { nestQuotes, useI18n } from '../../../i18n';
import { notificationTarget } from '../utils/notification-target';

export interface NotificationItemProps {
  notification: UserNotification;
  /** The user follows the link: mark it read and close the panel. */
  onOpen: (notification: UserNotification) => void;
}

/** One notification: what happened (who did what), where, the comment's start or the step's note, and when. A link to it. */
export function NotificationItem({ notification, onOpen }: NotificationItemProps) {
  const { t, language, formatDateTime } = useI18n();
  const unread = notification.readAt === null;
  // Every kind has a person behind it: no actor any more means their account was deleted.
  const actor = notification.actor?.name ?? t('notifications.deletedAccount');
  return (
    <li className={`notification${unread ? ' notification--unread' : ''}`}>
      <Link
        to={notificationTarget(notification)}
        className="notification__link"
        onClick={() => {
          onOpen(notification);
        }}
      >
        {unread ? <span className="visually-hidden">{t('notifications.unread')} </span> : null}
        <span className="notification__what">{t(`notifications.kind.${notification.kind}`, { actor })}</span>
        <span className="notification__where">
          <span lang={notification.project.language}>{notification.project.title}</span>
          {' · '}
          {notification.section === null ? (
            t('notifications.sectionGone')
          ) : (
            <span lang={notification.project.language}>
              {notification.section.number === null ? '' : `${notification.section.number} `}
              {notification.section.title}
            </span>
          )}
        </span>
        {notification.comment === null || notification.comment.excerpt === '' ? null : (
          <span className="notification__excerpt">
            {t('notifications.quoteOpen')}
            <span lang={notification.project.language}>{nestQuotes(notification.comment.excerpt, language)}</span>
            {t('notifications.quoteClose')}
          </span>
        )}
        {notification.note === null ? null : (
          // The note of a review step (the reason of a reopen), cut like a comment's start.
          <span className="notification__excerpt">
            {t('notifications.quoteOpen')}
            <span lang={notification.project.language}>{nestQuotes(commentExcerpt(notification.note), language)}</span>
            {t('notifications.quoteClose')}
          </span>
        )}
        <time className="notification__time" dateTime={notification.createdAt}>
          {formatDateTime(notification.createdAt)}
        </time>
      </Link>
    </li>
  );
}
