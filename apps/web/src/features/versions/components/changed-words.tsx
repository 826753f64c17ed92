import { useT } from '../../../i18n';
import type { Segment } from '../utils/text-diff';
import './changed-words.css';

/**
 * Inserted and deleted words: underlined and struck through (not colour alone), each
 * opened by words for screen readers, which announce neither <ins> nor <del> by default.
 */
export function ChangedWords({ segment }: { segment: Segment }) {
  const t = useT();
  switch (segment.op) {
    case 'equal':
      return segment.text;
    case 'insert':
      return (
        <ins className="compare__ins">
          <span className="visually-hidden">{t('versions.compare.inserted')} </span>
          {segment.text}
        </ins>
      );
    case 'delete':
      return (
        <del className="compare__del">
          <span className="visually-hidden">{t('versions.compare.deleted')} </span>
          {segment.text}
        </del>
      );
  }
}
