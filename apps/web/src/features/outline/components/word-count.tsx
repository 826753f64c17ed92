import { overTarget } from '@kapitel/domain';
import { useI18n } from '../../../i18n';
import { Badge } from '../../../ui';

export interface WordCountProps {
  words: number;
  /** The section's length target; null when none is set. */
  target: number | null;
}

/**
 * A section's words, against its target when it has one ("850 von 1.500 Wörtern"), with
 * "über dem Umfang" in words (not colour alone) once the count passed it.
 */
export function WordCount({ words, target }: WordCountProps) {
  const { t, formatNumber } = useI18n();
  const count = formatNumber(words);
  return (
    <span className="word-count">
      {target === null
        ? t(words === 1 ? 'length.words.one' : 'length.words.other', { count })
        : t('length.progress', { count, target: formatNumber(target) })}
      {overTarget(words, target) ? (
        <>
          {' '}
          <Badge tone="warning">{t('length.over')}</Badge>
        </>
      ) : null}
    </span>
  );
}
