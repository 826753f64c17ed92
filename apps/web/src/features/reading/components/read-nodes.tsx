import type { Language } from '@kapitel/domain';
import { citationShown } from '@kapitel/editor';
import type { ReactNode } from 'react';
import type { Translate } from '../../../i18n';
import { sectionAnchor } from '../../../lib/reading-links';
import type { FigurePlace, ReadMark, ReadNode } from '../utils/reading-content';

/** What the nodes need from around them: words in two languages and the report's targets. */
export interface ReadContext {
  /** The report's language: the words that are part of the text ("Abbildung 3", "Abschnitt 2.1"). */
  report: Translate;
  /** The app's language: what is said to the reader ("Fußnote 3", "Verweis fehlt"). */
  ui: Translate;
  /** The label of a section reference's target ("Abschnitt 2.1"), or null when it is not in the report. */
  sectionLabel: (sectionId: string) => string | null;
  /** Where a figure reference's target stands, or undefined when it is not in the report. */
  figure: (figureId: string) => FigurePlace | undefined;
  /** The current label of a cited source ("KGSt 2023a"), or undefined when it is not in the list of sources. */
  sourceLabel: (sourceId: string) => string | undefined;
  /** The heading level of the section's own title (its headings go below it). */
  titleLevel: number;
  /** The app's language, for what the page says in it inside the report's text. */
  uiLanguage: Language;
}

/**
 * A short reference ("Kapitel 3", "Abbildung 2") is kept on one line; a longer one (an
 * unnumbered section's title, a citation) may wrap, or it would push a narrow page sideways.
 */
const refClass = (label: string): string => (label.length <= 24 ? 'reading__ref reading__ref--short' : 'reading__ref');

export const sourceAnchor = (sourceId: string): string => `quelle-${sourceId}`;
export const noteAnchor = (number: number): string => `fussnote-${String(number)}`;
export const noteRefAnchor = (number: number): string => `fussnote-${String(number)}-verweis`;

function withMarks(text: string, marks: readonly ReadMark[]): ReactNode {
  return marks.reduce<ReactNode>((inner, mark) => {
    switch (mark.kind) {
      case 'bold':
        return <strong>{inner}</strong>;
      case 'italic':
        return <em>{inner}</em>;
      case 'strike':
        return <s>{inner}</s>;
      case 'underline':
        return <u>{inner}</u>;
      case 'superscript':
        return <sup>{inner}</sup>;
      case 'subscript':
        return <sub>{inner}</sub>;
      case 'link':
        return (
          <a href={mark.href} rel="noopener noreferrer nofollow">
            {inner}
          </a>
        );
    }
  }, text);
}

function figureLabelOf(place: FigurePlace, context: ReadContext): string {
  return context.report(place.kind === 'table' ? 'figureRefs.table' : 'figureRefs.figure', { number: place.number });
}

function Caption({ text, place, context }: { text: string; place: FigurePlace | null; context: ReadContext }) {
  return place === null ? (
    <>{text}</>
  ) : (
    <>
      <span className="reading__figure-label">{figureLabelOf(place, context)}:</span> {text}
    </>
  );
}

function Heading({ level, children }: { level: number; children: ReactNode }) {
  // Deeper than h6 the page says the level to assistive technology and shows it as h6.
  switch (Math.min(level, 7)) {
    case 2:
      return <h2>{children}</h2>;
    case 3:
      return <h3>{children}</h3>;
    case 4:
      return <h4>{children}</h4>;
    case 5:
      return <h5>{children}</h5>;
    case 6:
      return <h6>{children}</h6>;
    default:
      return (
        <p role="heading" aria-level={level} className="reading__deep-heading">
          {children}
        </p>
      );
  }
}

/** A table row made only of header cells. */
const isHeaderRow = (row: ReadNode): boolean =>
  row.kind === 'tableRow' && row.children.length > 0 && row.children.every((cell) => cell.kind === 'cell' && cell.header);

export function ReadNodes({ nodes, context }: { nodes: readonly ReadNode[]; context: ReadContext }) {
  return nodes.map((node, index) => <ReadNodeView key={index} node={node} context={context} />);
}

function ReadNodeView({ node, context }: { node: ReadNode; context: ReadContext }): ReactNode {
  const inner = 'children' in node ? <ReadNodes nodes={node.children} context={context} /> : null;
  switch (node.kind) {
    case 'text':
      return withMarks(node.text, node.marks);
    case 'break':
      return <br />;
    case 'footnote':
      return (
        <sup className="reading__note-ref" id={noteRefAnchor(node.number)}>
          <a href={`#${noteAnchor(node.number)}`} aria-label={context.ui('reading.noteRef', { number: node.number })}>
            {node.number}
          </a>
        </sup>
      );
    case 'sectionRef': {
      const label = context.sectionLabel(node.sectionId);
      return label === null ? (
        <span className="reading__ref reading__ref--missing" lang={context.uiLanguage}>{context.ui('crossRefs.missing', { title: node.title })}</span>
      ) : (
        <a className={refClass(label)} href={`#${sectionAnchor(node.sectionId)}`}>
          {label}
        </a>
      );
    }
    case 'citation': {
      const label = context.sourceLabel(node.sourceId);
      return label === undefined ? (
        <span className="reading__ref reading__ref--missing">
          {citationShown(node.label, node.locator, node.prefix)}
          <span className="visually-hidden" lang={context.uiLanguage}>
            {' '}
            {context.ui('citations.missing', { label: node.label })}
          </span>
        </span>
      ) : (
        <a className="reading__ref" href={`#${sourceAnchor(node.sourceId)}`}>
          {citationShown(label, node.locator, node.prefix)}
        </a>
      );
    }
    case 'figureRef': {
      const place = context.figure(node.figureId);
      if (place === undefined) {
        const kind = context.ui(node.figureKind === 'table' ? 'figureRefs.kindTable' : 'figureRefs.kindFigure');
        return <span className="reading__ref reading__ref--missing" lang={context.uiLanguage}>{context.ui('figureRefs.missing', { kind, caption: node.caption })}</span>;
      }
      const label = figureLabelOf(place, context);
      return (
        <a className={refClass(label)} href={`#${place.anchor}`}>
          {label}
        </a>
      );
    }
    case 'image': {
      const picture =
        node.src === null ? (
          <span className="reading__image-missing">{node.alt === '' ? context.ui('versions.image') : context.ui('versions.imageWithAlt', { alt: node.alt })}</span>
        ) : (
          <img src={node.src} alt={node.alt} loading="lazy" />
        );
      return node.caption === '' ? (
        <p className="reading__image">{picture}</p>
      ) : (
        <figure className="reading__figure" id={node.figure?.anchor}>
          {picture}
          <figcaption>
            <Caption text={node.caption} place={node.figure} context={context} />
          </figcaption>
        </figure>
      );
    }
    case 'paragraph':
      return <p>{inner}</p>;
    case 'heading':
      // The section's title is at `titleLevel`: its headings 2 to 4 go one to three levels below.
      return <Heading level={context.titleLevel + node.level - 1}>{inner}</Heading>;
    case 'bulletList':
      return <ul>{inner}</ul>;
    case 'orderedList':
      return <ol start={node.start === 1 ? undefined : node.start}>{inner}</ol>;
    case 'listItem':
      return <li>{inner}</li>;
    case 'blockquote':
      return <blockquote>{inner}</blockquote>;
    case 'table': {
      // Leading rows of header cells go into <thead>: a printed table repeats them on each page.
      const body = node.children.findIndex((row) => !isHeaderRow(row));
      const headRows = body === -1 ? node.children : node.children.slice(0, body);
      const bodyRows = body === -1 ? [] : node.children.slice(body);
      return (
        // Scrolls sideways when wider than the page: focusable, so that the keyboard can scroll it too.
        <div className="reading__table-wrap" role="region" tabIndex={0} aria-label={node.caption === '' ? context.ui('reading.table') : node.caption}>
          <table className="reading__table" id={node.figure?.anchor}>
            {node.caption === '' ? null : (
              <caption>
                <Caption text={node.caption} place={node.figure} context={context} />
              </caption>
            )}
            {headRows.length === 0 ? null : (
              <thead>
                <ReadNodes nodes={headRows} context={context} />
              </thead>
            )}
            {bodyRows.length === 0 ? null : (
              <tbody>
                <ReadNodes nodes={bodyRows} context={context} />
              </tbody>
            )}
          </table>
        </div>
      );
    }
    case 'tableRow':
      return <tr>{inner}</tr>;
    case 'cell': {
      const Cell = node.header ? 'th' : 'td';
      return (
        <Cell
          colSpan={node.colspan === 1 ? undefined : node.colspan}
          rowSpan={node.rowspan === 1 ? undefined : node.rowspan}
          className={node.flushRight === true ? 'reading__figure-cell' : undefined}
        >
          {inner}
        </Cell>
      );
    }
  }
}
