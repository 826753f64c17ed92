import { HEADING_LEVELS } from '@kapitel/editor';
import {
  eachBlock,
  inlineText,
  sameMarks,
  type Block,
  type Cell,
  type DocumentImage,
  type Inline,
  type Marks,
} from './model';

const HIGHEST = Math.min(...HEADING_LEVELS);
const LOWEST = Math.max(...HEADING_LEVELS);

/** "Abbildung 3: ", "Tab. 2 – ", "Figure 1." …: the export numbers figures and tables itself. */
const CAPTION_LABEL =
  /^\s*(?:abbildung|abb\.|grafik|bild|illustration|zeichnung|figure|fig\.|tabelle|tab\.|table)\s*\d+(?:[.-]\d+)*\s*[:.\u2013\u2014-]?\s*/i;

export const captionWithoutLabel = (text: string): string => text.replace(CAPTION_LABEL, '').trim();

/**
 * The HTML of a document's blocks, as the editor's paste reads it (the schema's own tags and
 * attributes: `data-footnote`, `data-caption`, `<caption>`). Every text and attribute is
 * escaped here; nothing of the document is ever taken as markup. Its images are `data:` URLs,
 * which the paste uploads (image-uploads.ts) like those of a paste from an office program.
 */
export function documentHtml(blocks: readonly Block[]): string {
  const levelOf = headingLevels(blocks);
  const write = (list: readonly Block[]): string => withCaptions(list).map(block).join('');
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'paragraph':
        return paragraph(b.inlines);
      case 'heading': {
        const level = levelOf(b.level);
        return `<h${String(level)}>${inlines(b.inlines)}</h${String(level)}>`;
      }
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        const start = b.ordered && b.start !== undefined && b.start > 1 ? ` start="${String(b.start)}"` : '';
        return `<${tag}${start}>${b.items.map((item) => `<li>${item.length === 0 ? '<p></p>' : write(item)}</li>`).join('')}</${tag}>`;
      }
      case 'quote':
        return `<blockquote>${write(b.blocks)}</blockquote>`;
      case 'table': {
        const caption =
          b.caption === undefined || b.caption === '' ? '' : `<caption>${escape(b.caption)}</caption>`;
        return `<table>${caption}<tbody>${b.rows.map((row) => `<tr>${row.map((c) => cell(c, write)).join('')}</tr>`).join('')}</tbody></table>`;
      }
    }
  };
  return write(blocks);
}

/**
 * The section's level of each of the document's heading levels: the levels it uses, in order,
 * become the section's from the highest on, so that its top heading is the section's highest
 * and no level is skipped (document levels 1, 3, 5 become H2, H3, H4); deeper ones the lowest.
 */
function headingLevels(blocks: readonly Block[]): (level: number) => number {
  const used = new Set<number>();
  eachBlock(blocks, (b) => {
    if (b.kind === 'heading') {
      used.add(b.level);
    }
  });
  const order = [...used].sort((a, b) => a - b);
  return (level) => Math.min(LOWEST, HIGHEST + order.indexOf(level));
}

/**
 * A caption paragraph (the office program's "Beschriftung") becomes the caption of the image
 * before it or of the table next to it, without its "Abbildung 3:" (the export numbers them).
 */
function withCaptions(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let forNextTable: string | undefined;
  blocks.forEach((b, i) => {
    if (b.kind === 'table') {
      out.push({ ...b, caption: b.caption ?? forNextTable });
      forNextTable = undefined;
      return;
    }
    if (b.kind !== 'paragraph' || b.caption !== true) {
      out.push(b);
      return;
    }
    const text = captionWithoutLabel(inlineText(b.inlines));
    const before = out[out.length - 1];
    const after = blocks[i + 1];
    // The blocks are the converter's, made for this one import: the image takes its caption in place.
    const image = before?.kind === 'paragraph' ? lastImage(before.inlines) : null;
    if (image !== null && image.image.caption === undefined) {
      image.image.caption = text;
    } else if (after?.kind === 'table' && after.caption === undefined) {
      forNextTable = text; // tables are captioned above them
    } else if (before?.kind === 'table' && before.caption === undefined) {
      before.caption = text;
    } else {
      out.push({ kind: 'paragraph', inlines: b.inlines });
    }
  });
  return out;
}

function lastImage(list: readonly Inline[]): Extract<Inline, { kind: 'image' }> | null {
  const rest = list.filter((inline) => !(inline.kind === 'text' && inline.text.trim() === ''));
  const last = rest[rest.length - 1];
  return last?.kind === 'image' ? last : null;
}

function cell(c: Cell, write: (list: readonly Block[]) => string): string {
  const tag = c.header ? 'th' : 'td';
  const spans = `${c.colspan > 1 ? ` colspan="${String(c.colspan)}"` : ''}${c.rowspan > 1 ? ` rowspan="${String(c.rowspan)}"` : ''}`;
  return `<${tag}${spans}>${c.blocks.length === 0 ? '<p></p>' : write(c.blocks)}</${tag}>`;
}

/** A paragraph; its images stand as blocks of their own (the schema's images are blocks). */
function paragraph(list: readonly Inline[]): string {
  const parts: string[] = [];
  let run: Inline[] = [];
  const flush = () => {
    if (run.some((inline) => inline.kind !== 'text' || inline.text.trim() !== '') || parts.length === 0) {
      parts.push(`<p>${inlines(run)}</p>`);
    }
    run = [];
  };
  for (const inline of list) {
    if (inline.kind === 'image') {
      if (run.length > 0) {
        flush();
      }
      parts.push(image(inline.image));
    } else {
      run.push(inline);
    }
  }
  if (run.length > 0 || parts.length === 0) {
    flush();
  }
  return parts.join('');
}

function image(picture: DocumentImage): string {
  if (picture.bytes === null || picture.contentType === null) {
    return '';
  }
  const caption = picture.caption ? ` data-caption="${escape(picture.caption)}"` : '';
  const alt = picture.alt === null ? '' : ` alt="${escape(picture.alt)}"`;
  return `<img src="data:${picture.contentType};base64,${base64(picture.bytes)}"${alt}${caption}>`;
}

function inlines(list: readonly Inline[]): string {
  let html = '';
  let i = 0;
  while (i < list.length) {
    const inline = list[i] as Inline;
    if (inline.kind === 'text') {
      // Runs of equal marks and link are one element, however the office program split them.
      let text = inline.text;
      for (i += 1; i < list.length; i += 1) {
        const next = list[i] as Inline;
        if (next.kind !== 'text' || !sameMarks(next.marks, inline.marks) || next.href !== inline.href) {
          break;
        }
        text += next.text;
      }
      html += marked(escape(text), inline.marks, inline.href);
      continue;
    }
    html +=
      inline.kind === 'break'
        ? '<br>'
        : inline.kind === 'footnote'
          ? `<span data-footnote="${escape(inline.text)}"></span>`
          : '';
    i += 1;
  }
  return html;
}

const MARK_TAGS = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strike: 's',
  superscript: 'sup',
  subscript: 'sub',
} as const;

function marked(html: string, marks: Marks, href: string | undefined): string {
  const tags = (['bold', 'italic', 'underline', 'strike', 'superscript', 'subscript'] as const)
    .filter((mark) => marks[mark] === true && !(mark === 'subscript' && marks.superscript === true))
    // A link's underline is the office program's look of links (its "Hyperlink" style), not an emphasis.
    .filter((mark) => !(mark === 'underline' && href !== undefined))
    .map((mark) => MARK_TAGS[mark]);
  const inner = tags.reduceRight((content, tag) => `<${tag}>${content}</${tag}>`, html);
  return href === undefined ? inner : `<a href="${escape(href)}">${inner}</a>`;
}

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
