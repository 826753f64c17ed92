import { labelSources, sourceEntry, type Abbreviation, type Language, type ReportTextSection, type LabelledSource, type ReportTextVersion, type Source } from '@kapitel/domain';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { createTranslator, useI18n, type Translate } from '../../../i18n';
import { targetLabel } from '../../editor';
import { FootnoteText } from '../../footnotes';
import { SourceEntryText } from '../../sources';
import { ReviewStateBadge } from '../../outline';
import { Badge } from '../../../ui';
import { isBlank, readReport, type ListedFigure, type ReadSection } from '../utils/reading-content';
import { sectionAnchor } from '../../../lib/reading-links';
import { noteAnchor, noteRefAnchor, ReadNodes, sourceAnchor, type ReadContext } from './read-nodes';
import './reading.css';

export interface ReportReaderProps {
  projectId: string;
  /** The report's language: its text and the words that belong to it ("Abbildung 3"). */
  language: Language;
  sections: readonly ReportTextSection[];
  /** The sections whose text changed since it was read (by id): marked so. */
  changed: ReadonlyMap<string, unknown>;
  /** Which texts these are: the current ones, or the approved ones (null where none). */
  version: ReportTextVersion;
  /** The report's list of abbreviations, after the text as its last part (none: left out). */
  abbreviations: readonly Abbreviation[];
  /** The project's sources: those the texts cite are listed right after the text, as in the PDF. */
  sources: readonly Source[];
}

/** The level of a section's title: chapters are h2 under the page's h1 (the report's title). */
const titleLevel = (depth: number): number => depth + 1;

/** "2.1 Kosten", or the title alone for an unnumbered section. */
const numbered = (section: ReportTextSection): string => (section.number === null ? section.title : `${section.number} ${section.title}`);

/**
 * The whole report in one page, as it stands: contents with links, then every section with
 * its number, title and review state, its text and its footnotes. The words of references
 * and captions are the PDF's, in the report's language; references are links in the page.
 */
export function ReportReader({ projectId, language, sections, changed, version, abbreviations, sources }: ReportReaderProps) {
  const { t: ui, language: uiLanguage } = useI18n();
  const report = useMemo(() => createTranslator(language), [language]);
  const read = useMemo(() => readReport(projectId, sections), [projectId, sections]);
  const labels = useMemo(
    () => new Map(sections.map((section) => [section.id, targetLabel(section, report)])),
    [sections, report],
  );
  // Labelled among all of the project's sources, as the editor and the PDF label them ("KGSt 2023a").
  const labelled = useMemo(() => labelSources(sources, language), [sources, language]);
  const sourceLabels = useMemo(() => new Map(labelled.map((entry) => [entry.source.id, entry.label])), [labelled]);
  if (sections.length === 0) {
    return <p className="muted">{ui('reading.noSections')}</p>;
  }
  // After the text: the cited sources (as in the PDF), then what the PDF has before the text,
  // the lists of figures, tables and abbreviations.
  const backMatter: Array<{ anchor: string; title: string; body: ReactNode }> = [];
  const cited = labelled.filter((entry) => read.cited.has(entry.source.id));
  if (cited.length > 0) {
    backMatter.push({ anchor: SOURCES_ANCHOR, title: report('reading.sources'), body: <SourceList entries={cited} language={language} /> });
  }
  for (const [kind, anchor, title] of FIGURE_LISTS) {
    const entries = read.listed.filter((entry) => entry.kind === kind);
    if (entries.length > 0) {
      backMatter.push({ anchor, title: report(title), body: <FigureList entries={entries} report={report} /> });
    }
  }
  if (abbreviations.length > 0) {
    backMatter.push({ anchor: ABBREVIATIONS_ANCHOR, title: report('reading.abbreviations'), body: <AbbreviationList abbreviations={abbreviations} /> });
  }
  const context = (section: ReportTextSection): ReadContext => ({
    report,
    ui,
    sectionLabel: (id) => labels.get(id) ?? null,
    figure: (id) => read.figures.get(id),
    sourceLabel: (id) => sourceLabels.get(id),
    titleLevel: titleLevel(section.depth),
    uiLanguage,
  });
  return (
    <div className="reading">
      <nav className="reading__contents" aria-labelledby="reading-contents">
        <h2 id="reading-contents">{ui('reading.contents')}</h2>
        <ol>
          {sections.map((section) => (
            <li key={section.id} className={`reading__contents-item reading__contents-item--depth-${String(Math.min(section.depth, 4))}`}>
              <a href={`#${sectionAnchor(section.id)}`} lang={language}>
                {numbered(section)}
              </a>
            </li>
          ))}
          {backMatter.map((part) => (
            <li key={part.anchor} className="reading__contents-item reading__contents-item--depth-1">
              <a href={`#${part.anchor}`} lang={language}>
                {part.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <article className="reading__text" lang={language}>
        {read.sections.map((entry) => (
          <ReadSectionView
            key={entry.section.id}
            entry={entry}
            projectId={projectId}
            context={context(entry.section)}
            changed={changed.has(entry.section.id)}
            version={version}
          />
        ))}
        {backMatter.map((part) => (
          <section key={part.anchor} className="reading__section" aria-labelledby={part.anchor}>
            <h2 id={part.anchor} className="reading__title">
              {part.title}
            </h2>
            {part.body}
          </section>
        ))}
      </article>
    </div>
  );
}

const ABBREVIATIONS_ANCHOR = 'abkuerzungen';
const FIGURE_LISTS = [
  ['figure', 'abbildungsverzeichnis', 'reading.figures'],
  ['table', 'tabellenverzeichnis', 'reading.tables'],
] as const;
const SOURCES_ANCHOR = 'quellen';

/** The cited sources as the PDF's bibliography lists them; each entry the target of its citations. */
function SourceList({ entries, language }: { entries: readonly LabelledSource<Source>[]; language: Language }) {
  return (
    <ul className="reading__sources">
      {entries.map((entry) => (
        <li key={entry.source.id} id={sourceAnchor(entry.source.id)}>
          <SourceEntryText pieces={sourceEntry(entry, language)} />
        </li>
      ))}
    </ul>
  );
}

/** The list of abbreviations, as the PDF has it: each abbreviation beside what it stands for. */
function AbbreviationList({ abbreviations }: { abbreviations: readonly Abbreviation[] }) {
  return (
    <dl className="reading__abbreviations">
      {abbreviations.map((entry) => (
        <div key={entry.id}>
          <dt>{entry.short}</dt>
          <dd>{entry.long}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A list of figures or tables: each one's number and caption, a link to it. */
function FigureList({ entries, report }: { entries: readonly ListedFigure[]; report: Translate }) {
  return (
    <ol className="reading__figure-list">
      {entries.map((entry) => (
        <li key={entry.anchor}>
          <a href={`#${entry.anchor}`}>
            <span className="reading__figure-label">{report(entry.kind === 'table' ? 'figureRefs.table' : 'figureRefs.figure', { number: entry.number })}:</span>{' '}
            {entry.caption}
          </a>
        </li>
      ))}
    </ol>
  );
}

interface ReadSectionProps {
  entry: ReadSection;
  projectId: string;
  context: ReadContext;
  /** Its text changed since the page loaded it. */
  changed: boolean;
  version: ReportTextVersion;
}

function ReadSectionView({ entry, projectId, context, changed, version }: ReadSectionProps) {
  const { section, nodes, notes } = entry;
  const { ui } = context;
  const { formatDate } = useI18n();
  const Title = `h${String(Math.min(context.titleLevel, 6))}` as 'h2';
  return (
    <section className="reading__section" aria-labelledby={sectionAnchor(section.id)}>
      <header className="reading__section-header">
        <Title id={sectionAnchor(section.id)} className="reading__title" aria-level={context.titleLevel > 6 ? context.titleLevel : undefined}>
          {numbered(section)}
        </Title>
        <p className="reading__section-meta" lang={context.uiLanguage}>
          <ReviewStateBadge state={section.state} />{' '}
          {changed ? (
            <>
              <Badge tone="warning">{ui('reading.changedHere')}</Badge>{' '}
            </>
          ) : null}
          <Link to={`/projects/${encodeURIComponent(projectId)}/sections/${encodeURIComponent(section.id)}`}>
            {ui('reading.open')}
            <span className="visually-hidden"> {ui('reading.openWhich', { title: numbered(section) })}</span>
          </Link>
        </p>
      </header>
      {version === 'approved' && section.approvedAt ? (
        <p className="reading__approved" lang={context.uiLanguage}>
          {section.state === 'approved'
            ? ui('reading.approvedOn', { date: formatDate(section.approvedAt) })
            : ui('reading.approvedOnReopened', { date: formatDate(section.approvedAt) })}
        </p>
      ) : null}
      {section.json === null ? (
        <p className="muted reading__empty" lang={context.uiLanguage}>
          {ui('reading.notApproved')}
        </p>
      ) : isBlank(nodes) ? (
        <p className="muted reading__empty" lang={context.uiLanguage}>
          {ui('reading.emptySection')}
        </p>
      ) : (
        <ReadNodes nodes={nodes} context={context} />
      )}
      {notes.length > 0 ? (
        <aside className="reading__notes" aria-label={ui('reading.notesOf', { title: numbered(section) })}>
          <ol>
            {notes.map((note) => (
              <li key={note.number} id={noteAnchor(note.number)} value={note.number}>
                <FootnoteText text={note.text} />{' '}
                <a className="reading__back" href={`#${noteRefAnchor(note.number)}`} aria-label={ui('reading.backToText', { number: note.number })}>
                  ↩
                </a>
              </li>
            ))}
          </ol>
        </aside>
      ) : null}
    </section>
  );
}
