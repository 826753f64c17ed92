import { diffWords, SUGGESTION_DIFF_LIMITS, type CommentSuggestion, type Language, type PersonRef } from '@kapitel/domain';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { Badge } from '../../../ui';
import { ChangedWords } from '../../versions/components/changed-words';
import { personName } from '../utils/person-name';
import { shortened } from '../utils/shortened';
import type { PassagePlace } from '../utils/thread-order';


export interface SuggestionViewProps {
  suggestion: CommentSuggestion;
  /** Where the passage lies now (its current text). */
  place: PassagePlace;
  /** The thread's resolution: without acceptance, the suggestion was declined (or withdrawn). */
  resolvedAt: string | null;
  resolvedBy: PersonRef | null;
  /** Who suggested it: resolved by them, it was withdrawn. */
  suggestedBy: PersonRef | null;
  /** The caller may put it into the text, but not in the section's review state now. */
  waiting: boolean;
  language: Language;
}

/**
 * What a thread suggests: the passage with the suggested wording, word by word (deleted words
 * struck through, new ones underlined, long unchanged stretches cut), and what became of it:
 * accepted (by whom, when), declined or withdrawn, or no longer applicable because the
 * passage was edited, replaced or deleted since.
 */
export function SuggestionView(props: SuggestionViewProps) {
  const { suggestion, place, resolvedAt, resolvedBy, suggestedBy, waiting, language } = props;
  const { t, formatDateTime } = useI18n();
  const segments = useMemo(
    () => shortened(diffWords(suggestion.quote, suggestion.text, SUGGESTION_DIFF_LIMITS).segments),
    [suggestion.quote, suggestion.text],
  );
  const accepted = suggestion.acceptedAt !== null;
  const open = !accepted && resolvedAt === null;
  const changed = open && typeof place === 'object' && place.quote !== suggestion.quote;
  const gone = open && place === 'detached';
  const withdrawn = resolvedBy !== null && resolvedBy.id === suggestedBy?.id;
  return (
    <div className="suggestion">
      <p className="suggestion__label">
        {suggestion.text === '' ? t('suggestions.deletion') : t('suggestions.label')}
        {accepted ? (
          <>
            {' '}
            <Badge tone="success">{t('suggestions.acceptedBadge')}</Badge>{' '}
            <span className="suggestion__by">
              {t('comments.resolvedBy', {
                name: personName(suggestion.acceptedBy, t),
                date: formatDateTime(suggestion.acceptedAt ?? ''),
              })}
            </span>
          </>
        ) : resolvedAt !== null ? (
          <>
            {' '}
            <Badge>{t(withdrawn ? 'suggestions.withdrawnBadge' : 'suggestions.declinedBadge')}</Badge>{' '}
            <span className="suggestion__by">
              {t('comments.resolvedBy', { name: personName(resolvedBy, t), date: formatDateTime(resolvedAt) })}
            </span>
          </>
        ) : null}
      </p>
      <p className="suggestion__words" lang={language}>
        {segments.map((segment, index) => (
          <ChangedWords key={index} segment={segment} />
        ))}
      </p>
      {changed ? <p className="suggestion__note">{t('suggestions.changed')}</p> : null}
      {gone ? <p className="suggestion__note">{t('suggestions.gone')}</p> : null}
      {waiting && open && !changed && !gone ? <p className="suggestion__note">{t('suggestions.waiting')}</p> : null}
    </div>
  );
}

/** The suggestion can be put into the text as it stands: the passage still reads as it did. */
export function isApplicable(suggestion: CommentSuggestion, place: PassagePlace): boolean {
  return suggestion.acceptedAt === null && typeof place === 'object' && place.quote === suggestion.quote;
}
