import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import type { DocumentDiff } from '../utils/block-diff';
import { viewItems } from '../utils/collapse';
import type { CompareBlock } from '../utils/compare-blocks';
import { CompareBlockView, type CompareBlockViewProps } from './compare-block';
import './compare.css';

/** A text as the API gives it: ProseMirror JSON and plain text (the fallback when the JSON is empty). */
export interface ComparedText {
  json: unknown;
  text: string;
}

/** One block, when the index names one (it always does: the items come from the changes). */
function Block({ change, focusRef }: Partial<CompareBlockViewProps>) {
  return change === undefined ? null : <CompareBlockView change={change} focusRef={focusRef} />;
}

export interface VersionCompareProps {
  /** The changes from the older text to the newer (diffBlocks over compareBlocks). */
  diff: DocumentDiff<CompareBlock>;
}

/**
 * The changes block by block with the changed words marked, and unchanged stretches folded
 * into buttons that show them. The caller gives it a `key` per pair of texts, so that
 * nothing stays unfolded from another pair.
 */
export function VersionCompare({ diff }: VersionCompareProps) {
  const t = useT();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  // The first block the last "… unchanged passages …" button showed, to take the focus.
  const [revealed, setRevealed] = useState<number | null>(null);
  const focusTarget = useRef<HTMLElement | null>(null);
  const items = viewItems(
    diff.changes.map((change) => change.type !== 'equal'),
    expanded,
  );

  // The button that showed the blocks is gone: the focus goes to the first of them, so that
  // reading goes on where it was.
  useEffect(() => {
    if (revealed !== null) {
      focusTarget.current?.focus();
    }
  }, [revealed]);

  return (
    <div className="compare">
      <div className="compare__blocks">
        {items.map((item) =>
          item.kind === 'collapsed' ? (
            <p key={`fold-${item.start}`} className="compare__fold">
              <button
                type="button"
                className="compare__more"
                aria-expanded="false"
                onClick={() => {
                  setRevealed(item.start);
                  setExpanded((previous) => new Set([...previous, item.start]));
                }}
              >
                {t('versions.compare.unchanged', { count: item.count })}
              </button>
            </p>
          ) : (
            <Block
              key={item.index}
              change={diff.changes[item.index]}
              focusRef={
                revealed === item.index
                  ? (element) => {
                      focusTarget.current = element;
                    }
                  : undefined
              }
            />
          ),
        )}
      </div>
    </div>
  );
}
