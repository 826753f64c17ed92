import type { NoObjection } from '@kapitel/domain';
import { useT } from '../../../i18n';
import { Badge } from '../../../ui';

/**
 * "geprüft" beside a section in review whose reviewer recorded "no objections": the lead
 * sees at a glance that it waits only for the approval. The names are in the accessible
 * text (and the tooltip), not on the badge, to keep the row short.
 */
export function ReviewedBadge({ noObjections }: { noObjections: readonly NoObjection[] }) {
  const t = useT();
  if (noObjections.length === 0) {
    return null;
  }
  const names = noObjections.map((verdict) => verdict.actorName ?? t('account.deletedName')).join(', ');
  const full = t('outline.reviewedBy', { names });
  return (
    <span className="outline-item__reviewed" title={full}>
      <span aria-hidden="true">
        <Badge tone="success">
          <svg viewBox="0 0 16 16" width="12" height="12" className="outline-item__reviewed-icon">
            <path
              d="M3 8.5l3 3 7-7"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          {t('outline.reviewed')}
        </Badge>
      </span>
      <span className="visually-hidden">{full}</span>
    </span>
  );
}
