import type { Language, NoObjection } from '@kapitel/domain';
import { useI18n } from '../../../i18n';
import { Alert } from '../../../ui';

export interface NoObjectionsListProps {
  noObjections: readonly NoObjection[];
  /** The report's language: the notes are the reviewers' words. */
  language: Language | undefined;
}

/** Who checked the section in this review round and found nothing to object to, with their notes. */
export function NoObjectionsList({ noObjections, language }: NoObjectionsListProps) {
  const { t, formatDateTime } = useI18n();
  if (noObjections.length === 0) {
    return null;
  }
  return (
    <Alert tone="success" title={t('review.noObjections.title')}>
      <ul className="review-verdicts">
        {noObjections.map((verdict) => (
          <li key={`${verdict.actorId ?? ''}${verdict.at}`}>
            <span className="review-verdicts__who">{verdict.actorName ?? t('account.deletedName')}</span>
            {' · '}
            <time dateTime={verdict.at}>{formatDateTime(verdict.at)}</time>
            {verdict.note === null ? null : (
              <span className="review-verdicts__note" lang={language}>
                {verdict.note}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
