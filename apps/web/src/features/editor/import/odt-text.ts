import { sameMarks, type Block, type Inline, type Marks } from './model';
import { NS } from './odt-styles';
import { is, isElement, type XmlElement } from './xml';

/** The marks and the link of the text at hand. */
export interface Format {
  marks: Marks;
  href?: string;
}

export const TEXT_NODE = 3;
export const CDATA_NODE = 4;

/**
 * Elements without text of their own, or whose text is none of the document's: marks and anchors,
 * the deleted text of tracked changes, a note's citation and a list's or heading's number
 * (the numbers the editor counts itself).
 */
export const SILENT = new Set([
  ...['bookmark', 'bookmark-start', 'bookmark-end', 'reference-mark', 'reference-mark-start'],
  ...['reference-mark-end', 'change', 'change-start', 'change-end', 'tracked-changes'],
  ...['soft-page-break', 'note-citation', 'number'],
]);

export function addText(inlines: Inline[], text: string, format: Format, collapse: boolean): void {
  const last = inlines[inlines.length - 1];
  const afterSpace =
    last === undefined || last.kind === 'break' || (last.kind === 'text' && last.text.endsWith(' '));
  const added = collapse && afterSpace ? text.replace(/^ /, '') : text;
  if (added !== '') {
    const marks = Object.fromEntries(
      Object.entries(format.marks).filter(([, value]) => value === true),
    ) as Marks;
    inlines.push({
      kind: 'text',
      text: added,
      marks,
      ...(format.href === undefined ? {} : { href: format.href }),
    });
  }
}

/** Texts of the same marks and link joined; spaces and line breaks at either end dropped. */
export function tidy(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (
      inline.kind === 'text' &&
      last?.kind === 'text' &&
      sameMarks(last.marks, inline.marks) &&
      last.href === inline.href
    ) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else {
      out.push(inline);
    }
  }
  const blank = (inline: Inline | undefined) =>
    inline !== undefined &&
    (inline.kind === 'break' || (inline.kind === 'text' && inline.text.trim() === ''));
  while (blank(out[0])) {
    out.shift();
  }
  while (blank(out[out.length - 1])) {
    out.pop();
  }
  const first = out[0];
  if (first?.kind === 'text') {
    out[0] = { ...first, text: first.text.trimStart() };
  }
  const last = out[out.length - 1];
  if (last?.kind === 'text') {
    out[out.length - 1] = { ...last, text: last.text.trimEnd() };
  }
  return out;
}

/** Empty paragraphs are the office users' spacing, not text. */
export const hasContent = (inlines: readonly Inline[]): boolean =>
  inlines.some((inline) => inline.kind !== 'break');

/**
 * Images out of headings and captions. A heading holds text only: its images follow it. In
 * LibreOffice's captioned figure (a text box whose paragraph is "[image] Abbildung 1: …") the
 * image comes first, then its caption paragraph, which document-html.ts joins to it.
 */
export function withImagesApart(
  inlines: Inline[],
  block: (text: Inline[]) => Block,
  imagesFirst: boolean,
): Block[] {
  const text = tidy(inlines.filter((inline) => inline.kind !== 'image'));
  const images = inlines.filter((inline) => inline.kind === 'image');
  const parts: Block[][] = [
    hasContent(text) ? [block(text)] : [],
    images.length > 0 ? [{ kind: 'paragraph', inlines: images }] : [],
  ];
  return (imagesFirst ? parts.reverse() : parts).flat();
}

/** The text of a footnote's body: one line, its paragraphs joined by a space. */
export function plainText(parent: XmlElement): string {
  let text = '';
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
      text += node.textContent ?? '';
    } else if (!isElement(node) || is(node, NS.office) || is(node, NS.draw) || is(node, NS.dr3d)) {
      continue;
    } else if (node.namespaceURI === NS.text && SILENT.has(node.localName)) {
      continue;
    } else if (node.namespaceURI === NS.text && ['s', 'tab', 'line-break'].includes(node.localName)) {
      text += ' ';
    } else {
      const inner = plainText(node);
      text += is(node, NS.text, 'p') || is(node, NS.text, 'h') ? ` ${inner} ` : inner;
    }
  }
  return text;
}
