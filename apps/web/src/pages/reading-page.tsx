import type { ReportTextVersion } from '@kapitel/domain';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useSession } from '../features/auth';
import { listAbbreviations } from '../features/abbreviations';
import { getProject } from '../features/projects';
import { changedSince, getReportText, isLater, ReportReader } from '../features/reading';
import { listSources } from '../features/sources';
import { ErrorAlert, useDocumentTitle, useI18n } from '../i18n';
import { projectPageReloads } from '../lib/live-reloads';
import { useReloadOnReturn } from '../lib/use-reload-on-return';
import { useThrottled } from '../lib/use-throttled';
import { useResource } from '../lib/use-resource';
import { Button, Loading, Segmented } from '../ui';
import { namesNothing } from './load-failure';
import { ProjectPageWait, useProjectAccess } from './project-access';

/** The sections whose text changed since it was read, each with when the last edit told of was stored. */
type Changed = ReadonlyMap<string, string | undefined>;
const NONE: Changed = new Map();

const RELOAD_AT_MOST_EVERY_MS = 3_000;

/** The address's word for the approved texts: `?fassung=freigegeben`. */
const VERSION_PARAM = 'fassung';
const APPROVED = 'freigegeben';

/**
 * `/projects/:projectId/read`: the whole report in one page as it stands, for every member
 * (docs/reading.md). It loads again when the outline or a section's state changes, when the
 * reader comes back to the tab, and on request; sections whose text changed meanwhile are
 * marked until then (their new text would move what the reader is reading).
 */
export function ReadingPage() {
  const { t, formatDateTime } = useI18n();
  const { projectId = '' } = useParams();
  const session = useSession();
  const project = useResource((signal) => getProject(projectId, { signal }), [projectId]);
  // Which text: as it stands, or as last approved (`?fassung=freigegeben`, a link can keep it).
  const [search, setSearch] = useSearchParams();
  const inAddress: ReportTextVersion = search.get(VERSION_PARAM) === APPROVED ? 'approved' : 'current';
  // Chosen at once (the radio button must not jump back until the address has followed), and
  // following the address when it changes otherwise (Back, Forward).
  const [version, setVersion] = useState<ReportTextVersion>(inAddress);
  useEffect(() => {
    setVersion(inAddress);
  }, [inAddress]);
  const text = useResource((signal) => getReportText(projectId, version, { signal }), [projectId, version]);
  const abbreviations = useResource((signal) => listAbbreviations(projectId, { signal }), [projectId]);
  const sources = useResource((signal) => listSources(projectId, { signal }), [projectId]);
  const detail = project.resource.data;
  const missing = project.resource.status === 'error' && namesNothing(project.resource.error);
  useDocumentTitle(missing ? t('notFound.title') : detail ? `${t('reading.title')}: ${detail.project.title}` : null);

  // The sections whose text changed since the text on screen was read (the stream's `text`
  // topic) are marked, and a reload shows their new text.
  const [changed, setChanged] = useState<Changed>(NONE);
  useEffect(() => {
    if (text.resource.status === 'ready') {
      // What was told of while it loaded stays marked only when it is known to be newer.
      const { readAt } = text.resource.data;
      setChanged((before) => new Map([...before].filter(([, at]) => at !== undefined && isLater(at, readAt))));
    }
  }, [text.resource]);

  // Opened at a section (`#abschnitt-…`, from its page): the browser looked for it before the
  // text was there, so it is scrolled to once the text has come.
  const { hash } = useLocation();
  const scrolledTo = useRef<string | null>(null);
  const shown = text.resource.status === 'ready' && project.resource.data !== undefined;
  useEffect(() => {
    const target = shown && hash !== '' && scrolledTo.current !== hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (target === null) {
      return;
    }
    scrolledTo.current = hash;
    // The focus goes there too (after the page's heading got it), as after following a link in a page.
    target.setAttribute('tabindex', '-1');
    target.focus();
  }, [shown, hash]);

  // The whole report is a large answer: a lead rearranging the outline (an event per step)
  // reloads it at most every few seconds, the last change always included.
  const [outlineChanges, setOutlineChanges] = useState(0);
  useThrottled(outlineChanges, text.reload, RELOAD_AT_MOST_EVERY_MS);

  const access = useProjectAccess(projectId, (event) => {
    // What is typed changes the current texts, not the approved ones.
    const news = version === 'current' ? changedSince(event, text.resource.data?.readAt) : null;
    if (news !== null) {
      setChanged((before) => new Map([...before, [news.sectionId, news.at]]));
    }
    const parts = projectPageReloads(event, session.user?.id);
    if (parts.includes('project')) {
      project.reload();
    }
    if (parts.includes('outline')) {
      setOutlineChanges((count) => count + 1);
    }
    if (parts.includes('abbreviations')) {
      abbreviations.reload();
    }
    if (parts.includes('sources')) {
      sources.reload();
    }
  });
  useReloadOnReturn(text.reload);

  const backLink = (
    <p className="page-header__eyebrow">
      <Link to={`/projects/${encodeURIComponent(projectId)}`}>
        ← <span lang={detail?.project.language}>{detail?.project.title ?? t('reading.toProject')}</span>
      </Link>
    </p>
  );
  if (access.ended || detail === undefined) {
    return <ProjectPageWait backLink={backLink} access={access} resource={project.resource} onRetry={project.reload} />;
  }
  const info = detail.project;
  const sections = text.resource.data?.sections;
  const readAt = text.resource.data?.readAt;
  const approved = sections?.filter((section) => section.state === 'approved').length ?? 0;
  return (
    <>
      <header className="page-header reading-page__header">
        {backLink}
        <h1 lang={info.language}>{info.title}</h1>
        {info.subtitle ? (
          <p className="page-header__lead" lang={info.language}>
            {info.subtitle}
          </p>
        ) : null}
        <Segmented<ReportTextVersion>
          className="reading-page__version"
          legend={t('reading.version')}
          value={version}
          options={[
            { value: 'current', label: t('reading.version.current') },
            { value: 'approved', label: t('reading.version.approved') },
          ]}
          onChange={(chosen) => {
            setVersion(chosen);
            setSearch(chosen === 'approved' ? { [VERSION_PARAM]: APPROVED } : {}, { replace: true });
          }}
        />
        <div className="reading-page__status">
          <p aria-live="polite">
            {/* On paper the version chosen is said here; on screen the choice above says it. */}
            <span className="reading-page__print-only">
              {t(version === 'approved' ? 'reading.version.approved' : 'reading.version.current')}
              {' · '}
            </span>
            {sections === undefined
              ? null
              : version === 'approved'
                ? t('reading.summaryApproved', { count: sections.length, approved: sections.filter((section) => section.json !== null).length })
                : t('reading.summary', { count: sections.length, approved })}
            {/* "Stand": when the server read the text on screen. */}
            {readAt === undefined ? null : (
              <>
                {' · '}
                <time dateTime={readAt}>{t('reading.asOf', { time: formatDateTime(readAt) })}</time>
              </>
            )}
            {changed.size === 0 ? null : (
              <strong className="reading-page__changed">
                {' · '}
                {changed.size === 1 ? t('reading.changedOne') : t('reading.changedMany', { count: changed.size })}
              </strong>
            )}
          </p>
          {/* Busy, not disabled, while it loads: the focus stays on the button. */}
          <Button variant="secondary" onClick={text.reload} busy={text.resource.status === 'loading'}>
            {t('reading.reload')}
          </Button>
          <Button variant="secondary" onClick={() => window.print()}>
            {t('reading.print')}
          </Button>
        </div>
      </header>
      {text.resource.status === 'error' ? <ErrorAlert error={text.resource.error} onRetry={text.reload} /> : null}
      {sections === undefined ? (
        text.resource.status === 'loading' ? <Loading label={t('reading.loading')} /> : null
      ) : (
        <ReportReader
          projectId={projectId}
          language={info.language}
          sections={sections}
          changed={changed}
          version={version}
          abbreviations={abbreviations.resource.data ?? []}
          sources={sources.resource.data ?? []}
        />
      )}
    </>
  );
}
