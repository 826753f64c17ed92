import type { Language, SearchResponse, SearchResult } from '@kapitel/domain';
import { Link } from 'react-router';
import { useT } from '../../../i18n';
import { ReviewStateBadge } from '../../outline';
import { MarkedText } from './marked-text';

export interface SearchResultsProps {
  projectId: string;
  response: SearchResponse;
  /** The report's language, which titles and text are written in. */
  language: Language;
}

/** The sections found, in outline order: number and title as a link to the section, state, hits, snippets. */
export function SearchResults({ projectId, response, language }: SearchResultsProps) {
  const t = useT();
  if (response.results.length === 0) {
    return null;
  }
  return (
    <>
      <ol className="search-results">
        {response.results.map((result) => (
          <SearchResultItem key={result.sectionId} projectId={projectId} result={result} query={response.query} language={language} />
        ))}
      </ol>
      {response.total > response.results.length ? (
        <p className="search-results__more">{t('search.more', { shown: response.results.length })}</p>
      ) : null}
    </>
  );
}

interface SearchResultItemProps {
  projectId: string;
  result: SearchResult;
  query: string;
  language: Language;
}

function SearchResultItem({ projectId, result, query, language }: SearchResultItemProps) {
  const t = useT();
  // The query goes along: the section page marks its matches in the text (docs/search.md).
  const href = `/projects/${encodeURIComponent(projectId)}/sections/${encodeURIComponent(result.sectionId)}?${new URLSearchParams({ q: query }).toString()}`;
  return (
    <li className="search-result">
      <h3 className="search-result__title">
        <Link to={href}>
          {result.number === null ? null : <span className="search-result__number">{result.number}</span>}
          {result.number === null ? null : ' '}
          <span lang={language}>
            <MarkedText text={result.title} query={query} />
          </span>
        </Link>
      </h3>
      <p className="search-result__meta">
        <ReviewStateBadge state={result.state} />
        <span>{result.hits === 1 ? t('search.hits.one') : t('search.hits.other', { count: result.hits })}</span>
      </p>
      {result.snippets.length === 0 ? (
        <p className="search-result__title-only">{t('search.titleOnly')}</p>
      ) : (
        <ul className="search-result__snippets" aria-label={t('search.snippets')} lang={language}>
          {result.snippets.map((snippet, index) => (
            // Snippets have no identity of their own; their order is the text's.
            <li key={index}>
              <MarkedText text={snippet.before} query={query} />
              <mark>{snippet.match}</mark>
              <MarkedText text={snippet.after} query={query} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
