import { Table } from '@tiptap/extension-table';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { FIGURE_CAPTION_MAX_LENGTH, figureIdAttribute } from './figure-id.js';
import { oneLine } from './one-line.js';

/** The longest caption: as for figures (figure-id.ts). */
export const TABLE_CAPTION_MAX_LENGTH = FIGURE_CAPTION_MAX_LENGTH;

/** A table's caption as stored: one line of plain text within the length limit; '' for none. */
export function tableCaption(raw: unknown): string {
  return oneLine(raw, TABLE_CAPTION_MAX_LENGTH);
}

/** What the document keeps: the caption, or null for none (so that an empty one is no caption either). */
const stored = (raw: unknown): string | null => tableCaption(raw) || null;

/** The part of a DOM element the parse rule reads (named here: libs/editor is checked without DOM types). */
interface ElementLike {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<ElementLike>;
}

/** The caption of a pasted `<table>`: its own `<caption>` element (a direct child: a table nested in a cell brings its own). */
function captionOfElement(table: ElementLike): string | null {
  const element = Array.from(table.children).find((child) => child.tagName.toUpperCase() === 'CAPTION');
  return stored(element?.textContent);
}

/** An element of a DOM output spec: tag, attributes, children (named here, as ProseMirror's type names DOM types). */
type ElementSpec = readonly [string, ...unknown[]];

/** `spec` with a `<caption>` as the first child of its `<table>` (Tiptap may wrap the table in a div). */
function withCaptionElement(spec: readonly unknown[], caption: string): readonly unknown[] {
  const [tag, attrs, ...children] = spec;
  if (tag === 'table') {
    return [tag, attrs, ['caption', {}, caption], ...children];
  }
  return [tag, attrs, ...children.map((child): unknown => (Array.isArray(child) ? withCaptionElement(child, caption) : child))];
}

/**
 * Tiptap's Table with a caption: `attrs.caption`, printed above the table in the PDF as a
 * numbered table ("Tabelle 3: …") and listed after the contents. An attribute, not a node
 * with content: a caption is one line of plain text, the table's Yjs element carries it as
 * one attribute (two people setting it at once: the last one wins, the rows are untouched),
 * and documents written before captions stay valid as they are (null). Our HTML carries it
 * as the table's `<caption>`, its accessible name, which pasted HTML gives back.
 */
export const CaptionedTable = Table.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      ...figureIdAttribute,
      caption: {
        default: null,
        parseHTML: (element: ElementLike) => captionOfElement(element),
        // Written as an element by renderHTML below, never as an attribute of the table.
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [
      ...(this.parent?.() ?? []),
      // The caption's words are read by the table's rule above; read as content as well, they
      // would be put into the table's cells.
      { tag: 'caption', ignore: true },
    ];
  },

  // Tiptap's table as its own renderHTML writes it (`['table', attrs, colgroup, ['tbody', 0]]`),
  // with the caption put in.
  renderHTML(props) {
    const spec: unknown = this.parent?.(props);
    const caption = tableCaption(props.node.attrs.caption);
    return (Array.isArray(spec) && caption !== '' ? withCaptionElement(spec, caption) : spec) as ElementSpec;
  },

  // Tiptap calls this for every node type; the Table's own (tableRole of rows and cells) is kept.
  // `captionText` is read by content.ts: the plain text has the caption as a block before the
  // table's cells, as image captions are (search finds it, versions show it).
  extendNodeSchema(extension) {
    const inherited = this.parent?.(extension) ?? {};
    return extension.name === 'table'
      ? { ...inherited, captionText: (node: ProseMirrorNode) => tableCaption(node.attrs.caption) }
      : inherited;
  },
});
