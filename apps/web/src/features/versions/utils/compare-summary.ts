import type { MessageKey, Translate } from '../../../i18n';
import type { DiffSummary } from './block-diff';

const COUNTS: Array<[keyof DiffSummary, MessageKey, MessageKey]> = [
  ['wordsInserted', 'versions.compare.wordsInserted.one', 'versions.compare.wordsInserted.other'],
  ['wordsDeleted', 'versions.compare.wordsDeleted.one', 'versions.compare.wordsDeleted.other'],
  ['blocksChanged', 'versions.compare.blocksChanged.one', 'versions.compare.blocksChanged.other'],
  ['blocksAdded', 'versions.compare.blocksAdded.one', 'versions.compare.blocksAdded.other'],
  ['blocksRemoved', 'versions.compare.blocksRemoved.one', 'versions.compare.blocksRemoved.other'],
];

/** "12 Wörter eingefügt, 5 Wörter gelöscht, 2 Absätze neu.": the counts that are not zero. */
export function summaryText(summary: DiffSummary, t: Translate): string {
  const parts = COUNTS.flatMap(([field, one, other]) => {
    const count = summary[field];
    return count === 0 ? [] : [count === 1 ? t(one) : t(other, { count })];
  });
  return parts.length === 0 ? t('versions.compare.noChanges') : `${parts.join(', ')}.`;
}
