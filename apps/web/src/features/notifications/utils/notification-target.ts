import type { UserNotification } from '@kapitel/domain';

/**
 * Where a notification leads: its section (with the comment it is about, which the section
 * page then shows), or the project when the section is gone.
 */
export function notificationTarget(
  notification: Pick<UserNotification, 'project' | 'section' | 'comment'>,
): string {
  const project = `/projects/${encodeURIComponent(notification.project.id)}`;
  if (notification.section === null) {
    return project;
  }
  const section = `${project}/sections/${encodeURIComponent(notification.section.id)}`;
  return notification.comment === null
    ? section
    : `${section}?comment=${encodeURIComponent(notification.comment.id)}`;
}
