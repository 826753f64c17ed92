import type { Language, SearchCommentHit, SearchResponse } from '@kapitel/domain';
import { useId } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { MarkedText } from './marked-text';

export interface SearchCommentResultsProps {
  projectId: string;
  response: SearchResponse;
  /** The report's language, which titles are written in (comments may be in any). */
  language: Language;
}

/**
 * The comments found, below the sections: by section in outline order, newest first within
 * one. Each links to its section with the thread open (`?comment=`, as the section page reads it).
 */
export function SearchCommentResults({ projectId, response, language }: SearchCommentResultsProps) {
  const { t } = useI18n();
  const headingId = useId();
  if (response.comments.length === 0) {
    return null;
  }
  return (
    <section className="search-comments" aria-labelledby={headingId}>
      <h3 id={headingId} className="search-comments__heading">
        {t('search.comments.heading')}
      </h3>
      <ol className="search-results">
        {response.comments.map((hit) => (
          <SearchCommentItem key={hit.commentId} projectId={projectId} hit={hit} query={response.query} language={language} />
        ))}
      </ol>
      {response.commentTotal > response.comments.length ? (
        <p className="search-results__more">{t('search.comments.more', { shown: response.comments.length })}</p>
      ) : null}
    </section>
  );
}

interface SearchCommentItemProps {
  projectId: string;
  hit: SearchCommentHit;
  query: string;
  language: Language;
}

function SearchCommentItem({ projectId, hit, query, language }: SearchCommentItemProps) {
  const { t, formatDateTime } = useI18n();
  // The thread's first comment opens the thread, also for a reply found.
  const href = `/projects/${encodeURIComponent(projectId)}/sections/${encodeURIComponent(hit.sectionId)}?${new URLSearchParams({ comment: hit.threadId }).toString()}`;
  return (
    <li className="search-result">
      <h4 className="search-result__title">
        <Link to={href}>
          {hit.number === null ? null : <span className="search-result__number">{hit.number}</span>}
          {hit.number === null ? null : ' '}
          <span lang={language}>{hit.sectionTitle}</span>
        </Link>
      </h4>
      <p className="search-result__meta">
        <span>{hit.authorName ?? t('account.deletedName')}</span>
        <time dateTime={hit.createdAt}>{formatDateTime(hit.createdAt)}</time>
        {hit.resolved ? <span className="search-comment__resolved">{t('search.comments.resolved')}</span> : null}
      </p>
      <p className="search-comment__snippet">
        <MarkedText text={hit.snippet.before} query={query} />
        <mark>{hit.snippet.match}</mark>
        <MarkedText text={hit.snippet.after} query={query} />
      </p>
    </li>
  );
}
