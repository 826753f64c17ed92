import { imageTypeOfBytes, type ImageContentType } from '@kapitel/domain';

/**
 * What a converter (docx.ts, odt.ts) reads out of an office document: the few things a
 * section's text can hold. Formatting beyond them (fonts, colours, sizes, alignment) is left
 * behind on purpose: the report's look comes from its template, not from each author's file.
 */
export interface Marks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  superscript?: boolean;
  subscript?: boolean;
}

export type Inline =
  | { kind: 'text'; text: string; marks: Marks; href?: string }
  | { kind: 'break' }
  | { kind: 'footnote'; text: string }
  | { kind: 'image'; image: DocumentImage };

export interface DocumentImage {
  /** null: a format the text cannot show (EMF, WMF, SVG, TIFF …); the image is left out and counted. */
  bytes: Uint8Array | null;
  contentType: ImageContentType | null;
  /** null: the document says nothing (the editor asks for it); '' decorative. */
  alt: string | null;
  /** Taken from a caption paragraph after it (document-html.ts). */
  caption?: string;
}

export interface Cell {
  blocks: Block[];
  colspan: number;
  rowspan: number;
  header: boolean;
}

export type Block =
  | { kind: 'paragraph'; inlines: Inline[]; caption?: boolean }
  /** `level` as the document has it (1 = its top level); levelled to the section's (document-html.ts). */
  /** `title`: the document's title (a "Title" paragraph): a heading in a section, no chapter of an outline. */
  | { kind: 'heading'; level: number; inlines: Inline[]; title?: true }
  /** `start`: the first number of a numbered list that continues one before it (1 when absent). */
  | { kind: 'list'; ordered: boolean; items: Block[][]; start?: number }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'table'; rows: Cell[][]; caption?: string };

/** What a converter gives back: the blocks, and what it had to leave out (told to the user). */
export interface ReadDocument {
  blocks: Block[];
  /** Things that have no place in a section's text: charts, drawn shapes, embedded objects. */
  leftOut: number;
}

/** Why a file could not be read; the code picks the message (import.* in the dictionaries). */
export type ImportFailure = 'notDocument' | 'oldFormat' | 'damaged' | 'tooLarge' | 'empty';

export class ImportError extends Error {
  constructor(
    readonly failure: ImportFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** An image of the document; its type is told by its bytes (a name or a declared type may lie). */
export function documentImage(
  bytes: Uint8Array | null,
  alt: string | null,
  decorative = false,
): DocumentImage {
  const contentType = bytes === null ? null : imageTypeOfBytes(bytes);
  const text = alt?.replace(/\s+/g, ' ').trim() ?? '';
  // An empty description is no decision: only a document that marks the image decorative says ''.
  return {
    bytes: contentType === null ? null : bytes,
    contentType,
    alt: decorative ? '' : text === '' ? null : text,
  };
}

/** Visits every block, also those in lists, quotes and table cells, in document order. */
export function eachBlock(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    if (block.kind === 'list') {
      block.items.forEach((item) => eachBlock(item, visit));
    } else if (block.kind === 'quote') {
      eachBlock(block.blocks, visit);
    } else if (block.kind === 'table') {
      block.rows.forEach((row) => row.forEach((cell) => eachBlock(cell.blocks, visit)));
    }
  }
}

/** Plain text of inlines (captions and footnotes are one line of text). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => (inline.kind === 'text' ? inline.text : inline.kind === 'break' ? ' ' : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export const sameMarks = (a: Marks, b: Marks): boolean =>
  !!a.bold === !!b.bold &&
  !!a.italic === !!b.italic &&
  !!a.underline === !!b.underline &&
  !!a.strike === !!b.strike &&
  !!a.superscript === !!b.superscript &&
  !!a.subscript === !!b.subscript;
