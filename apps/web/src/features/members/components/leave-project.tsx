import { useId } from 'react';
import { useT } from '../../../i18n';
import { Button, ConfirmButton } from '../../../ui';

export interface LeaveProjectProps {
  /** The caller is the project's only lead: leaving would leave it without one. */
  onlyLead: boolean;
  onLeave: () => Promise<void>;
}

/**
 * "Projekt verlassen" for every member. The only lead gets the button disabled with the reason
 * beside it, instead of a request the server would refuse (LAST_LEAD).
 */
export function LeaveProject({ onlyLead, onLeave }: LeaveProjectProps) {
  const t = useT();
  const reasonId = useId();
  return (
    <div className="members-leave">
      {onlyLead ? (
        <>
          <Button variant="danger-outline" size="small" disabled aria-describedby={reasonId}>
            {t('members.leave')}
          </Button>
          <p id={reasonId} className="members-leave__reason">
            {t('members.leaveOnlyLead')}
          </p>
        </>
      ) : (
        <ConfirmButton
          label={t('members.leave')}
          question={t('members.leaveQuestion')}
          confirmLabel={t('members.leaveConfirm')}
          cancelLabel={t('common.cancel')}
          onConfirm={onLeave}
        />
      )}
    </div>
  );
}
