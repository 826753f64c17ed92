import type { Language, Transition } from '@kapitel/domain';
import { useI18n } from '../../../i18n';
import { Alert } from '../../../ui';

export interface ChangeRequestProps {
  request: Transition;
  /** The report's language: the note is the reviewer's words. */
  language: Language | undefined;
}

/** What the reviewer (or the lead) asked to change, in full: the author's task while changes are requested. */
export function ChangeRequest({ request, language }: ChangeRequestProps) {
  const { t, formatDateTime } = useI18n();
  return (
    <Alert tone="info" title={t('review.request.title')}>
      <p className="review-request__who">
        {request.actorName ?? t('account.deletedName')}
        {' · '}
        <time dateTime={request.at}>{formatDateTime(request.at)}</time>
      </p>
      {request.note === null ? null : (
        <p className="review-request__note" lang={language}>
          {request.note}
        </p>
      )}
    </Alert>
  );
}
