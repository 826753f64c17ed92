import type { ReactNode } from 'react';
import { useT, type Translate } from '../../../i18n';
import type { BlockChange } from '../utils/block-diff';
import type { CompareBlock } from '../utils/compare-blocks';
import { ChangedWords } from './changed-words';

function textOf(block: CompareBlock, t: Translate): string {
  return block.kind === 'image' && block.text === '' ? t('versions.compare.imageWithoutAlt') : block.text;
}

/** The block's words with their changes: whole blocks added or removed in one <ins>/<del>. */
function contentOf(change: BlockChange<CompareBlock>, t: Translate): ReactNode {
  switch (change.type) {
    case 'equal':
      return textOf(change.after, t);
    case 'changed':
      return change.segments.map((segment, index) => <ChangedWords key={index} segment={segment} />);
    // The visible tag ("Neu", "Entfernt") before the text already says it in words.
    case 'added':
      return <ins className="compare__ins">{textOf(change.after, t)}</ins>;
    case 'removed':
      return <del className="compare__del">{textOf(change.before, t)}</del>;
  }
}

const KINDS = {
  tableCaption: 'versions.compare.kind.tableCaption',
  row: 'versions.compare.kind.row',
  image: 'versions.compare.kind.image',
  caption: 'versions.compare.kind.caption',
  footnote: 'versions.compare.kind.footnote',
} as const;

const TAGS = {
  added: 'versions.compare.tag.added',
  removed: 'versions.compare.tag.removed',
  changed: 'versions.compare.tag.changed',
} as const;

export interface CompareBlockViewProps {
  change: BlockChange<CompareBlock>;
  /** Set on the first block a "… unchanged passages …" button revealed: it takes the focus. */
  focusRef?: (element: HTMLElement | null) => void;
}

/**
 * One block of the comparison, in the element of its kind (a heading stays a heading, one
 * level below the dialog's title), with a visible tag for what became of it and, for rows,
 * images, captions and footnotes, the name of its kind.
 */
export function CompareBlockView({ change, focusRef }: CompareBlockViewProps) {
  const t = useT();
  const block = change.type === 'removed' ? change.before : change.after;
  const kind = block.kind in KINDS ? KINDS[block.kind as keyof typeof KINDS] : null;
  const inner = (
    <>
      {change.type === 'equal' ? null : (
        <span className={`compare__tag compare__tag--${change.type}`}>{t(TAGS[change.type])}</span>
      )}
      {kind === null ? null : <span className="compare__kind">{t(kind)}: </span>}
      {block.marker === undefined || block.marker === '' ? null : (
        <span className="compare__marker" aria-hidden="true">
          {block.marker}{' '}
        </span>
      )}
      {contentOf(change, t)}
    </>
  );
  const className = `compare__block compare__block--${change.type} compare__block--${block.kind}`;
  const shared = { className, ref: focusRef, tabIndex: focusRef === undefined ? undefined : -1 };
  if (block.kind === 'heading') {
    const Heading = block.level === 3 ? 'h4' : block.level === 4 ? 'h5' : 'h3';
    return <Heading {...shared}>{inner}</Heading>;
  }
  return (
    <p {...shared}>
      {inner}
      {change.type === 'changed' && !change.complete ? (
        <span className="compare__coarse">{t('versions.compare.coarse')}</span>
      ) : null}
    </p>
  );
}
