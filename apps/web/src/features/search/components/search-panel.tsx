import { SEARCH_LIMITS, searchQueryProblem, type Language, type SearchResponse } from '@kapitel/domain';
import { useEffect, useId } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert, issueText, useI18n, type Translate } from '../../../i18n';
import { useForm } from '../../../lib/use-form';
import { useResource } from '../../../lib/use-resource';
import type { Issue } from '../../../lib/validation';
import { Button, Card, Loading, TextField } from '../../../ui';
import { searchReport } from '../api/search-api';
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
    case 'nothing_to_find':
      return { kind: 'server', message: '' };
  }
}

/** What the live region says about an answer. */
function summary(t: Translate, response: SearchResponse): string {
  if (response.total === 0) {
    return t('search.none', { query: response.query });
  }
  return t('search.summary', {
    hits: response.totalHits === 1 ? t('search.hits.one') : t('search.hits.other', { count: response.totalHits }),
    sections: response.total === 1 ? t('search.sections.one') : t('search.sections.other', { count: response.total }),
    query: response.query,
  });
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
            error={issueText(t, issue)}
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
        </p>
        {data ? <SearchResults projectId={projectId} response={data} language={language} /> : null}
      </section>
    </Card>
  );
}
