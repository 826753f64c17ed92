import type { Member } from '@kapitel/domain';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n';
import { followProjectEvents } from '../../../lib/use-project-events';
import { Alert, Button } from '../../../ui';

export interface RestoredNoticeProps {
  projectId: string;
  sectionId: string;
  /** The signed-in person: their own restores are announced by the versions panel instead. */
  selfId: string;
  members: readonly Member[];
  /** After "Verstanden": where the focus goes (the text), since the button it was on is gone. */
  onDismissed: () => void;
}

/**
 * Says in an open editor that someone else restored a version of its section: the text was
 * replaced under the writer's eyes, and what they typed into a replaced paragraph is gone
 * from it (it is in the version kept of the text before). Stays until dismissed, so that
 * someone who looked away still learns why their paragraph changed.
 */
export function RestoredNotice({ projectId, sectionId, selfId, members, onDismissed }: RestoredNoticeProps) {
  const t = useT();
  // Who restored (a user id, '' when the event did not say), null while there is nothing to say.
  const [by, setBy] = useState<string | null>(null);
  useEffect(
    () =>
      followProjectEvents(projectId, (event) => {
        if (event.type !== 'change') {
          return;
        }
        const { topic, restored, userId, sectionId: changed } = event.change;
        if (topic === 'text' && restored === true && changed === sectionId && userId !== selfId) {
          setBy(userId ?? '');
        }
      }),
    [projectId, sectionId, selfId],
  );
  if (by === null) {
    return null;
  }
  const name = members.find((member) => member.userId === by)?.name ?? t('versions.restoredBySomeone');
  return (
    <Alert tone="info">
      <p>{t('versions.restoredByOther', { name })}</p>
      <div className="form-actions">
        <Button
          variant="secondary"
          size="small"
          onClick={() => {
            setBy(null);
            onDismissed();
          }}
        >
          {t('versions.restoredByOther.dismiss')}
        </Button>
      </div>
    </Alert>
  );
}
