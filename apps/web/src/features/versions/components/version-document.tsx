import type { ReactNode } from 'react';
import { useT } from '../../../i18n';
import { FootnoteText } from '../../footnotes';
import { footnotesOf, isBlank, toViewNodes, type ViewMark, type ViewNode } from '../utils/version-content';

function withMarks(text: string, marks: readonly ViewMark[]): ReactNode {
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
        // A preview is for reading: the linked words are marked, nothing is followed.
        return <span className="version-document__link">{inner}</span>;
    }
  }, text);
}

interface Labels {
  image: (alt: string) => string;
  footnote: (number: number) => string;
}

function Nodes({ nodes, labels }: { nodes: readonly ViewNode[]; labels: Labels }) {
  return nodes.map((node, index) => <Node key={index} node={node} labels={labels} />);
}

function Node({ node, labels }: { node: ViewNode; labels: Labels }) {
  const inner = 'children' in node ? <Nodes nodes={node.children} labels={labels} /> : null;
  switch (node.kind) {
    case 'text':
      return withMarks(node.text, node.marks);
    case 'break':
      return <br />;
    case 'image':
      // With a caption, a figure: the caption below the label, as under the image in the editor.
      return node.caption === '' ? (
        <p className="version-document__image">{labels.image(node.alt)}</p>
      ) : (
        <figure className="version-document__figure">
          <p className="version-document__image">{labels.image(node.alt)}</p>
          <figcaption className="version-document__caption">{node.caption}</figcaption>
        </figure>
      );
    case 'footnote':
      // The number as the page shows it; a screen reader hears "Fußnote 1" instead of a bare "1".
      return (
        <sup className="version-document__footnote">
          <span aria-hidden="true">{node.number}</span>
          <span className="visually-hidden">{labels.footnote(node.number)}</span>
        </sup>
      );
    case 'paragraph':
      return <p>{inner}</p>;
    // The dialog's title is the h2: the section's headings (2 to 4) go one level down.
    case 'heading': {
      const Heading = node.level === 2 ? 'h3' : node.level === 3 ? 'h4' : 'h5';
      return <Heading>{inner}</Heading>;
    }
    case 'bulletList':
      return <ul>{inner}</ul>;
    case 'orderedList':
      return <ol start={node.start === 1 ? undefined : node.start}>{inner}</ol>;
    case 'listItem':
      return <li>{inner}</li>;
    case 'blockquote':
      return <blockquote>{inner}</blockquote>;
    case 'table':
      return (
        <table className="version-document__table">
          {/* The table's accessible name, above it as in the editor. */}
          {node.caption === '' ? null : <caption className="version-document__caption version-document__table-caption">{node.caption}</caption>}
          <tbody>{inner}</tbody>
        </table>
      );
    case 'tableRow':
      return <tr>{inner}</tr>;
    case 'cell': {
      const Cell = node.header ? 'th' : 'td';
      return (
        <Cell
          colSpan={node.colspan === 1 ? undefined : node.colspan}
          rowSpan={node.rowspan === 1 ? undefined : node.rowspan}
        >
          {inner}
        </Cell>
      );
    }
  }
}

export interface VersionDocumentProps {
  /** The version's ProseMirror JSON as the server sent it. */
  json: unknown;
  /** The version's plain text, shown when the JSON holds nothing to render. */
  text: string;
}

/**
 * A version's text, read-only, as React elements built from its checked JSON (never as
 * HTML): the formatting of the editor without trusting markup from an answer.
 */
export function VersionDocument({ json, text }: VersionDocumentProps) {
  const t = useT();
  const nodes = toViewNodes(json);
  const labels: Labels = {
    image: (alt) => (alt === '' ? t('versions.image') : t('versions.imageWithAlt', { alt })),
    footnote: (number) => t('versions.footnoteRef', { number }),
  };
  if (isBlank(nodes)) {
    const paragraphs = text.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '');
    return paragraphs.length === 0 ? (
      <p className="muted">{t('versions.emptyText')}</p>
    ) : (
      paragraphs.map((paragraph, index) => <p key={index}>{paragraph}</p>)
    );
  }
  const notes = footnotesOf(nodes);
  return (
    <>
      <Nodes nodes={nodes} labels={labels} />
      {notes.length > 0 ? (
        <div className="version-document__notes">
          <h3>{t('versions.footnotes')}</h3>
          <ol>
            {notes.map((note) => (
              // Unlike a link in the text, an address in a note is its visible words already:
              // following it from here shows nothing the page hides.
              <li key={note.number}>
                <FootnoteText text={note.text} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </>
  );
}
