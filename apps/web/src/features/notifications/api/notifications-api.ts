import type { NotificationPage, UnreadCountResponse } from '@kapitel/domain';
import { api, apiPath, type RequestOptions } from '../../../lib/api';

/** The caller's notifications, newest first; `before` continues after the last one of a page. */
export function listNotifications(
  query: { before?: string; limit?: number } = {},
  options: RequestOptions = {},
): Promise<NotificationPage> {
  const params = new URLSearchParams();
  if (query.before !== undefined) {
    params.set('before', query.before);
  }
  if (query.limit !== undefined) {
    params.set('limit', String(query.limit));
  }
  const search = params.toString();
  return api.get<NotificationPage>(`/notifications${search === '' ? '' : `?${search}`}`, options);
}

export async function unreadCount(options: RequestOptions = {}): Promise<number> {
  return (await api.get<UnreadCountResponse>('/notifications/unread-count', options)).unread;
}

/** Marks one notification read; answers the new unread count. */
export async function markRead(notificationId: string): Promise<number> {
  return (await api.post<UnreadCountResponse>(apiPath`/notifications/${notificationId}/read`)).unread;
}

export async function markAllRead(): Promise<number> {
  return (await api.post<UnreadCountResponse>('/notifications/read-all')).unread;
}
