import { findQueryMatches, foldForSearch, parseSearchQuery } from '@kapitel/domain';
import type { Editor } from '@tiptap/core';
import { useEffect, useSyncExternalStore } from 'react';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';
import { markableQuery, type SearchMarks } from '../internal/search-marks';
import './search-hits-bar.css';

export interface SearchHitsBarProps {
  marks: SearchMarks;
  editor: Editor;
  /** The report search's query the section was opened with (`?q=`), or null. */
  query: string | null;
  /** The stored text has arrived: the count means something now. */
  loaded: boolean;
  /** The section's title: a search can have found the section by it alone. */
  title: string;
  /** Ends the search (the page takes the query out of its address); without it there is no bar. */
  onEnd: (() => void) | undefined;
}

/**
 * Above the text of a section opened from a search result: which match is current and how
 * many the text holds, announced politely, with the way to the previous and next one and to
 * remove the marks (SearchMarks draws them). Nothing without a query.
 */
export function SearchHitsBar({ marks, editor, query, loaded, title, onEnd }: SearchHitsBarProps) {
  const t = useT();
  const status = useSyncExternalStore(marks.subscribe, marks.getStatus);
  const shown = onEnd === undefined ? null : markableQuery(query);

  useEffect(() => {
    marks.setQuery(shown);
  }, [marks, shown]);
  useEffect(() => {
    marks.setLoaded(loaded);
  }, [marks, loaded]);

  if (onEnd === undefined || shown === null) {
    return null;
  }
  // With one match there is nowhere to step to: the buttons say so by being off.
  const message = !status.counted
    ? ''
    : status.count === 0
      ? findQueryMatches(foldForSearch(title), parseSearchQuery(shown)).length > 0
        ? t('search.inText.titleOnly', { query: shown })
        : t('search.inText.none', { query: shown })
      : t('search.inText.position', { query: shown, current: status.current + 1, count: status.count });
  return (
    <div className="search-hits-bar" role="group" aria-label={t('search.inText.label')}>
      {/* There before its words, so that screen readers announce the count once the text is here. */}
      <p role="status" className="search-hits-bar__status">
        {message}
      </p>
      <div className="search-hits-bar__actions">
        <Button
          size="small"
          variant="secondary"
          disabled={status.count < 2}
          onClick={() => {
            marks.previous();
          }}
        >
          {t('search.inText.previous')}
        </Button>
        <Button
          size="small"
          variant="secondary"
          disabled={status.count < 2}
          onClick={() => {
            marks.next();
          }}
        >
          {t('search.inText.next')}
        </Button>
        <Button
          size="small"
          variant="ghost"
          onClick={() => {
            // The bar goes with its button: the focus moves on to the text, with the caret at
            // the current match, where the reader is (and without scrolling away from it).
            editor.commands.focus(marks.currentStart(), { scrollIntoView: false });
            onEnd();
          }}
        >
          {t('search.inText.clear')}
        </Button>
      </div>
    </div>
  );
}
