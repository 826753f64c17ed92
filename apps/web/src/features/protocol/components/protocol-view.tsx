import { AUDIT_KINDS, type AuditKind, type AuditLogEvent, type Language, type Member } from '@kapitel/domain';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, useI18n, type Translate } from '../../../i18n';
import { Button, Card, DataTable, Loading, SelectField } from '../../../ui';
import { useAuditLog } from '../hooks/use-audit-log';
import { describeEvent } from '../utils/describe-event';
import './protocol.css';

export interface ProtocolViewProps {
  projectId: string;
  /** The project's members, offered as the person filter (former members' entries still show, unfiltered). */
  members: readonly Member[];
  /** The report's language, for section titles (user content). */
  language: Language;
  /** Counts the changes the project's stream announced since the page opened: the log may have new entries. */
  liveChanges: number;
}

function isKind(value: string): value is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(value);
}

function whoOf(t: Translate, event: AuditLogEvent): string {
  if (event.actorId === null) {
    return t('protocol.system');
  }
  return event.actorName ?? t('protocol.deletedAccount');
}

function SectionCell({ projectId, event, language }: { projectId: string; event: AuditLogEvent; language: Language }) {
  const { t } = useI18n();
  const section = event.section;
  if (section === null) {
    return <span aria-hidden="true">{t('protocol.noSection')}</span>;
  }
  if (section.title === null) {
    return <span className="muted">{t('protocol.sectionGone')}</span>;
  }
  if (section.trashed) {
    return <span lang={language}>{t('protocol.sectionTrashed', { title: section.title })}</span>;
  }
  return (
    <Link to={`/projects/${encodeURIComponent(projectId)}/sections/${encodeURIComponent(section.id)}`} lang={language}>
      {section.title}
    </Link>
  );
}

/**
 * The project's protocol for leads: filters by kind and person, a table of who did what
 * when and in which section (newest first), and "Mehr laden" while older entries exist.
 * How many entries are shown is said in a live region, so a filter's effect is heard.
 */
export function ProtocolView({ projectId, members, language, liveChanges }: ProtocolViewProps) {
  const { t, formatDateTime } = useI18n();
  const [kind, setKind] = useState<AuditKind | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const log = useAuditLog(projectId, { kind, actorId });
  // The changes already shown: newer ones are offered, not loaded by themselves, so that the
  // table does not move under someone reading it (or after "Mehr laden").
  const [shownChanges, setShownChanges] = useState(liveChanges);
  const { retry } = log;
  const showNew = (): void => {
    setShownChanges(liveChanges);
    retry();
  };
  const moreButton = useRef<HTMLButtonElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  const moreHadFocus = useRef(false);

  // "Mehr laden" disappears with the last page: the focus it had goes to the summary below the table.
  useEffect(() => {
    if (!log.hasMore && moreHadFocus.current) {
      moreHadFocus.current = false;
      summary.current?.focus();
    }
  }, [log.hasMore]);

  const filtered = kind !== null || actorId !== null;
  const count = log.events.length;
  return (
    <Card title={t('protocol.table')} description={t('protocol.intro')} className="protocol">
      <div className="protocol__filters" role="group" aria-label={t('protocol.filters')}>
        <SelectField
          label={t('protocol.filter.kind')}
          value={kind ?? ''}
          onChange={(event) => {
            setKind(isKind(event.target.value) ? event.target.value : null);
            setShownChanges(liveChanges);
          }}
          options={[
            { value: '', label: t('protocol.filter.allKinds') },
            ...AUDIT_KINDS.map((value) => ({ value, label: t(`protocol.kind.${value}`) })),
          ]}
        />
        <SelectField
          label={t('protocol.filter.person')}
          value={actorId ?? ''}
          onChange={(event) => {
            setActorId(event.target.value === '' ? null : event.target.value);
            setShownChanges(liveChanges);
          }}
          options={[
            { value: '', label: t('protocol.filter.allPeople') },
            ...members.map((member) => ({ value: member.userId, label: member.name })),
          ]}
        />
      </div>
      <div role="status">
        {liveChanges > shownChanges ? (
          <div className="protocol__news">
            <p>{t('protocol.news')}</p>
            <Button variant="secondary" onClick={showNew}>
              {t('protocol.showNews')}
            </Button>
          </div>
        ) : null}
      </div>
      <ErrorAlert error={log.error} onRetry={log.retry} />
      {log.loading ? <Loading label={t('app.loading')} /> : null}
      {!log.loading && count > 0 ? (
        <DataTable
          caption={t('protocol.table')}
          columns={[t('protocol.column.when'), t('protocol.column.who'), t('protocol.column.what'), t('protocol.column.section')]}
        >
          {log.events.map((event) => (
            <tr key={event.id}>
              <th scope="row">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </th>
              <td>{whoOf(t, event)}</td>
              <td>{describeEvent(t, event)}</td>
              <td>
                <SectionCell projectId={projectId} event={event} language={language} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <p className="protocol__summary" role="status" ref={summary} tabIndex={-1}>
        {log.loading || log.error !== null
          ? null
          : count === 0
            ? t(filtered ? 'protocol.emptyFiltered' : 'protocol.empty')
            : `${count === 1 ? t('protocol.shown.one') : t('protocol.shown.other', { count })}${log.hasMore ? '' : ` ${t('protocol.allShown')}`}`}
      </p>
      {!log.loading && log.hasMore ? (
        <Button
          ref={moreButton}
          variant="secondary"
          busy={log.loadingMore}
          onClick={() => {
            moreHadFocus.current = document.activeElement === moreButton.current;
            log.loadMore();
          }}
        >
          {t('protocol.more')}
        </Button>
      ) : null}
    </Card>
  );
}
