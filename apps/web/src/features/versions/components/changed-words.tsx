import type { Segment } from '@kapitel/domain';
import { useT } from '../../../i18n';
import './changed-words.css';

/**
 * Inserted and deleted words: underlined and struck through (not colour alone), each
 * opened by words for screen readers, which announce neither <ins> nor <del> by default.
 * Spaces at either end of a change stay outside the mark: "robust und" -> "robust, aber"
 * shows "robust ~~und~~, aber" rather than a struck space and a gap before the comma.
 */
export function ChangedWords({ segment }: { segment: Segment }) {
  const t = useT();
  if (segment.op === 'equal') {
    return segment.text;
  }
  const [, before = '', words = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(segment.text) ?? [];
  // A change of spaces alone keeps them inside the mark: else nothing would show it.
  const [outsideBefore, marked, outsideAfter] = words === '' ? ['', segment.text, ''] : [before, words, after];
  return (
    <>
      {outsideBefore}
      {segment.op === 'insert' ? (
        <ins className="compare__ins">
          <span className="visually-hidden">{t('versions.compare.inserted')} </span>
          {marked}
        </ins>
      ) : (
        <del className="compare__del">
          <span className="visually-hidden">{t('versions.compare.deleted')} </span>
          {marked}
        </del>
      )}
      {outsideAfter}
    </>
  );
}
