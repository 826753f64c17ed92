import {
  parseSearchQuery,
  SEARCH_LIMITS,
  searchQueryProblem,
  type Language,
  type SearchResponse,
} from '@kapitel/domain';
import { useEffect, useId } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert, issueText, useI18n, type Translate } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { useResource } from '../../../lib/use-resource';
import type { Issue } from '../../../lib/validation';
import { Button, Card, Loading, TextField } from '../../../ui';
import { searchReport } from '../api/search-api';
import { SearchCommentResults } from './search-comment-results';
import { SearchResults } from './search-results';
import './search.css';

export interface SearchPanelProps {
  projectId: string;
  /** The report's language, which titles and text are written in. */
  language: Language;
}

/** The server's rule for a query (trimmed), as an issue of the form's field. */
function queryIssue(value: string): Issue | null {
  const query = value.trim();
  if (query === '') {
    return { kind: 'required' };
  }
  switch (searchQueryProblem(query)) {
    case null:
      return null;
    case 'too_short':
      return { kind: 'minLength', limit: SEARCH_LIMITS.queryMinLength };
    case 'too_long':
      return { kind: 'maxLength', limit: SEARCH_LIMITS.queryMaxLength };
    case 'too_many_words':
    case 'words_too_short':
    case 'nothing_to_find':
      // Said in the search's own words (queryIssueText).
      return { kind: 'server', message: '' };
  }
}

/** Quoted for the reader: „a“, „b“ in German, “a”, “b” in English. */
function quotedWords(t: Translate, words: readonly string[]): string {
  return words.map((word) => t('search.quoted', { word })).join(', ');
}

/** What is wrong with `value`: the search's own problems named, the length ones as every form says them. */
function queryIssueText(t: Translate, value: string, issue: Issue | undefined): string | null {
  if (issue === undefined) {
    return null;
  }
  const query = value.trim();
  switch (query === '' ? null : searchQueryProblem(query)) {
    case 'too_many_words':
      return t('search.issue.tooManyWords', { max: SEARCH_LIMITS.maxWords, count: parseSearchQuery(query).count });
    case 'words_too_short':
      return t('search.issue.wordsTooShort', { words: quotedWords(t, parseSearchQuery(query).ignored) });
    case 'nothing_to_find':
      return t('search.issue.nothingToFind');
    case 'too_short':
    case 'too_long':
    case null:
      return issueText(t, issue);
  }
}

/** What the live region says about an answer: the sections' hits, and the comments found. */
function summary(t: Translate, response: SearchResponse): string {
  const { query, total, totalHits, commentTotal } = response;
  const comments = commentTotal === 1 ? t('search.comments.one') : t('search.comments.other', { count: commentTotal });
  if (total === 0) {
    return commentTotal === 0 ? t('search.none', { query }) : t('search.summaryCommentsOnly', { comments, query });
  }
  const hits = totalHits === 1 ? t('search.hits.one') : t('search.hits.other', { count: totalHits });
  const sections = total === 1 ? t('search.sections.one') : t('search.sections.other', { count: total });
  return commentTotal === 0
    ? t('search.summary', { hits, sections, query })
    : t('search.summaryWithComments', { hits, sections, comments, query });
}

/**
 * Full-text search through the report. The query lives in the address (`?q=`): every search
 * is a step in the history, so that the back button returns from a section to its results,
 * and a search can be shared as a link. The number of hits is announced politely.
 */
export function SearchPanel({ projectId, language }: SearchPanelProps) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const fromAddress = params.get('q') ?? '';
  const query = fromAddress.trim();
  const addressIssue = query === '' ? null : queryIssue(query);
  const form = useForm({ q: fromAddress }, { q: [queryIssue] });
  const { setValue } = form;

  // The field follows the address when it changes from outside (back and forward buttons).
  useEffect(() => {
    setValue('q', fromAddress);
  }, [fromAddress, setValue]);

  const results = useResource<SearchResponse | null>(
    (signal) =>
      query === '' || addressIssue !== null ? Promise.resolve(null) : searchReport(projectId, query, { signal }),
    [projectId, query],
  );

  // A new query is a new address (the results load from it); the same one again loads anew,
  // since the text may have changed since.
  const submit = form.onSubmit((values) => {
    const next = values.q.trim();
    if (next === query) {
      results.reload();
    } else {
      setParams((previous) => {
        const changed = new URLSearchParams(previous);
        changed.set('q', next);
        return changed;
      });
    }
    return Promise.resolve();
  });

  const data = results.resource.data;
  // A query typed into the address is checked like one typed into the field.
  const issue = form.issues.q ?? (form.values.q === fromAddress ? (addressIssue ?? undefined) : undefined);
  // The field's issues are cleared when it changes, so the value shown is the one checked.
  const issueMessage = queryIssueText(t, form.values.q, issue);
  const headingId = useId();
  // No card heading: the field's label names the search, and the card stays one row high
  // until there are results (the outline below it is what a lead works in).
  return (
    <Card className="search-panel">
      <form role="search" aria-label={t('search.form')} noValidate onSubmit={submit} className="search-form">
        <div className="search-form__row">
          <TextField
            {...form.field('q')}
            type="search"
            label={t('search.field')}
            hint={t('search.hint')}
            autoComplete="off"
            enterKeyHint="search"
            error={issueMessage}
          />
          <Button type="submit" busy={results.resource.status === 'loading' && query !== ''}>
            {t('search.submit')}
          </Button>
        </div>
      </form>
      {results.resource.status === 'error' ? (
        <ErrorAlert error={results.resource.error} onRetry={results.reload} />
      ) : null}
      {results.resource.status === 'loading' && query !== '' && addressIssue === null && data === undefined ? (
        <Loading label={t('app.loading')} />
      ) : null}
      <section className="search-panel__results" aria-labelledby={data ? headingId : undefined}>
        {data ? (
          <h2 id={headingId} className="search-panel__heading">
            {t('search.results')}
          </h2>
        ) : null}
        {/* Always in the page, so that screen readers announce each new answer. */}
        <p role="status" className="search-panel__summary">
          {data ? summary(t, data) : null}
          {/* In the same live region: the count is only right together with what was left out. */}
          {data && data.ignored.length > 0 ? (
            <span className="search-panel__ignored"> {t('search.ignored', { words: quotedWords(t, data.ignored) })}</span>
          ) : null}
        </p>
        {data ? <SearchResults projectId={projectId} response={data} language={language} /> : null}
        {data ? <SearchCommentResults projectId={projectId} response={data} language={language} /> : null}
      </section>
    </Card>
  );
}
