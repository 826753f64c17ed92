import type { ReviewState } from '@kapitel/domain';
import { useT } from '../../../i18n';
import { Badge, type BadgeTone } from '../../../ui';

const TONES: Record<ReviewState, BadgeTone> = {
  draft: 'neutral',
  in_review: 'info',
  changes_requested: 'warning',
  approved: 'success',
};

/** The review state in words, tinted by state. */
export function ReviewStateBadge({ state }: { state: ReviewState }) {
  const t = useT();
  return <Badge tone={TONES[state]}>{t(`reviewState.${state}`)}</Badge>;
}
