import type { UserNotification } from '@kapitel/domain';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { Alert, Button, Loading } from '../../../ui';
import { listNotifications, markAllRead, markRead } from '../api/notifications-api';
import { useUnreadCount } from '../hooks/use-unread-count';
import { NotificationItem } from './notification-item';
import './notifications.css';

const PAGE_SIZE = 20;

function BellIcon() {
  return (
    <svg className="notification-bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6z M9.5 19.5a2.5 2.5 0 0 0 5 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

/**
 * The bell in the header: how many notifications are unread, and a panel that lists them
 * (newest first, older ones on request). Opening one goes to its section and marks it read;
 * "Alle als gelesen markieren" marks all. The panel takes the focus when it opens; Escape
 * closes it and gives the focus back to the bell, as does leaving it.
 */
export function NotificationBell() {
  const t = useT();
  const id = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const bell = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<UserNotification[] | null>(null);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const openRef = useRef(open);
  openRef.current = open;

  const loadFirstPage = useCallback(async (): Promise<void> => {
    setLoading(true);
    try {
      const page = await listNotifications({ limit: PAGE_SIZE });
      setItems(page.notifications);
      setNextBefore(page.nextBefore);
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, []);

  // New notifications while the panel is open appear in it.
  const count = useUnreadCount(() => {
    if (openRef.current) {
      void loadFirstPage();
    }
  });
  const unread = count.unread ?? 0;

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    setAnnouncement('');
    void loadFirstPage();
    heading.current?.focus();
    const onPointer = (event: PointerEvent): void => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, loadFirstPage]);

  const close = (returnFocus: boolean): void => {
    setOpen(false);
    if (returnFocus) {
      bell.current?.focus();
    }
  };

  const readOne = (notification: UserNotification): void => {
    setOpen(false);
    if (notification.readAt !== null) {
      return;
    }
    const now = new Date().toISOString();
    setItems(
      (previous) =>
        previous?.map((item) => (item.id === notification.id ? { ...item, readAt: now } : item)) ?? null,
    );
    markRead(notification.id).then(count.set, () => {
      count.refresh();
    });
  };

  const readAll = async (): Promise<void> => {
    try {
      count.set(await markAllRead());
      const now = new Date().toISOString();
      setItems((previous) => previous?.map((item) => ({ ...item, readAt: item.readAt ?? now })) ?? null);
      setAnnouncement(t('notifications.allRead'));
      heading.current?.focus();
    } catch (caught) {
      setError(caught);
    }
  };

  const loadMore = async (): Promise<void> => {
    if (nextBefore === null) {
      return;
    }
    setLoading(true);
    try {
      const page = await listNotifications({ before: nextBefore, limit: PAGE_SIZE });
      setItems((previous) => [...(previous ?? []), ...page.notifications]);
      setNextBefore(page.nextBefore);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };

  const panelId = `${id}-panel`;
  return (
    <div
      ref={wrapper}
      className="notification-bell"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          close(true);
        }
      }}
      onBlur={(event) => {
        if (open && event.relatedTarget instanceof Node && !wrapper.current?.contains(event.relatedTarget)) {
          setOpen(false);
        }
      }}
    >
      <button
        ref={bell}
        type="button"
        className="notification-bell__button"
        aria-label={
          unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button')
        }
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <BellIcon />
        {unread > 0 ? (
          <span className="notification-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div id={panelId} className="notification-panel" role="dialog" aria-labelledby={`${id}-title`}>
          <div className="notification-panel__head">
            <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="notification-panel__title">
              {t('notifications.title')}
            </h2>
            {unread > 0 ? (
              <Button variant="ghost" size="small" onClick={() => void readAll()}>
                {t('notifications.markAll')}
              </Button>
            ) : null}
          </div>
          <p className="notification-panel__count">{t('notifications.unreadCount', { count: unread })}</p>
          <div role="status">{announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}</div>
          <ErrorAlert error={error} />
          {items === null ? (
            loading ? (
              <Loading label={t('app.loading')} />
            ) : null
          ) : items.length === 0 ? (
            <p className="muted">{t('notifications.empty')}</p>
          ) : (
            <ul className="notification-panel__list" aria-labelledby={`${id}-title`}>
              {items.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} onOpen={readOne} />
              ))}
            </ul>
          )}
          {nextBefore === null || items === null ? null : (
            <Button variant="secondary" size="small" busy={loading} onClick={() => void loadMore()}>
              {t('notifications.more')}
            </Button>
          )}
        </div>
      ) : null}
    </div>
  );
}
