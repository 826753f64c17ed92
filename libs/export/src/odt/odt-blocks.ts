import type { Pieces, RenderBlock, RenderCell } from '../render-data.js';
import { frameSize } from './image-size.js';
import { chars, inlinesXml, piecesXml, type OdtContext } from './odt-inline.js';
import { attr } from './xml.js';

/** Where blocks are written: the paragraph style of their text, and whether inside a list item. */
interface Place {
  para: string;
  /** A list item may hold paragraphs, headings and lists only (ODF 1.3, 5.3.3): no tables. */
  inList: boolean;
}

export const BODY: Place = { para: 'Text_20_body', inList: false };

const MAX_OUTLINE_LEVEL = 10; // LibreOffice knows ten outline levels

/**
 * A heading of `level` in the document: its style by level (at most 6 exist), its outline level
 * for the structure. A section's title has "Heading N"; a heading in a section's text `inText`
 * "Text Heading N", which looks the same but stays out of the contents (the contents index
 * takes the "Heading N" styles only, as the PDF's contents lists the sections only).
 */
export function headingXml(level: number, content: string, inText = false): string {
  const style = `${inText ? 'Text_20_' : ''}Heading_20_${Math.min(Math.max(level, 1), 6)}`;
  return `<text:h text:style-name="${style}" text:outline-level="${Math.min(Math.max(level, 1), MAX_OUTLINE_LEVEL)}">${content}</text:h>`;
}

export function blocksXml(blocks: readonly RenderBlock[], ctx: OdtContext, place: Place): string {
  return blocks.map((block) => blockXml(block, ctx, place)).join('');
}

function blockXml(block: RenderBlock, ctx: OdtContext, place: Place): string {
  switch (block.k) {
    case 'p':
      return `<text:p text:style-name="${place.para}">${inlinesXml(block.c, ctx, ctx.quoter())}</text:p>`;
    case 'h':
      return headingXml(block.level, inlinesXml(block.c, ctx, ctx.quoter()), true);
    case 'ul':
    case 'ol':
      return listXml(block.k === 'ol' ? block.start : null, block.items, ctx, place);
    case 'quote':
      return blocksXml(block.c, ctx, { ...place, para: 'Quotations' });
    case 'table':
      return tableXml(block, ctx, place);
    case 'img':
      return imageXml(block, ctx, place);
    case 'noimg':
      return missingImageXml(block, ctx, place);
  }
}

/** The note in place of an image the export does not hold ("Bild nicht eingebettet: alt"), with the image's caption and number. */
function missingImageXml(
  block: Extract<RenderBlock, { k: 'img' | 'noimg' }>,
  ctx: OdtContext,
  place: Place,
): string {
  const words =
    block.alt === '' ? ctx.data.labels.imageNotEmbedded : `${ctx.data.labels.imageNotEmbedded}: ${block.alt}`;
  return (
    `<text:p text:style-name="${place.para}">${piecesXml([words], ctx, ctx.quoter(), { i: true })}</text:p>` +
    captionXml(block, 'figure', ctx)
  );
}

function listXml(
  start: number | null,
  items: readonly RenderBlock[][],
  ctx: OdtContext,
  place: Place,
): string {
  const style = start === null ? 'Bullets' : 'Numbers';
  const inner: Place = { ...place, inList: true };
  const content = items
    .map((item, index) => {
      const first = index === 0 && start !== null && start !== 1 ? ` text:start-value="${start}"` : '';
      const body = blocksXml(item, ctx, inner);
      return `<text:list-item${first}>${body === '' ? `<text:p text:style-name="${place.para}"/>` : body}</text:list-item>`;
    })
    .join('');
  return `<text:list text:style-name="${style}">${content}</text:list>`;
}

/**
 * A numbered caption, "Abbildung 3: …" / "Tabelle 2: …", its number a sequence field that
 * LibreOffice counts on (and that cross-references name by the figure's label).
 */
function captionXml(
  block: RenderBlock & { cap: Pieces | null; label?: string },
  kind: 'figure' | 'table',
  ctx: OdtContext,
): string {
  const number = ctx.numbers.of(block);
  if (block.cap === null || number === undefined) {
    return '';
  }
  const name = kind === 'figure' ? 'Figure' : 'Table';
  const word = kind === 'figure' ? ctx.data.labels.figure : ctx.data.labels.table;
  const ref = block.label === undefined ? '' : ` text:ref-name="${attr(block.label)}"`;
  const quotes = ctx.quoter();
  quotes.after(':');
  return (
    `<text:p text:style-name="${name}">${chars(word)} ` +
    `<text:sequence text:name="${name}" text:formula="ooow:${name}+1" style:num-format="1"${ref}>${number}</text:sequence>: ` +
    `${piecesXml(block.cap, ctx, quotes)}</text:p>`
  );
}

function imageXml(block: Extract<RenderBlock, { k: 'img' }>, ctx: OdtContext, place: Place): string {
  const bytes = ctx.files.get(block.path);
  if (bytes === undefined) {
    // Not among the files: the note the PDF sets for an image it cannot embed.
    return missingImageXml(block, ctx, place);
  }
  ctx.frames += 1;
  const { width, height } = frameSize(bytes);
  // Alternative text as the frame's title and description (LibreOffice's "Text Alternative");
  // a decorative image, or one whose text nobody gave, has none.
  const alt =
    block.alt === ''
      ? ''
      : `<svg:title>${chars(block.alt)}</svg:title><svg:desc>${chars(block.alt)}</svg:desc>`;
  const frame =
    `<draw:frame draw:style-name="Graphics" draw:name="Image${ctx.frames}" text:anchor-type="as-char" svg:width="${width}" svg:height="${height}" draw:z-index="0">` +
    `<draw:image xlink:href="${attr(picturePath(block.path))}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>${alt}</draw:frame>`;
  // With a caption below it, the image keeps with it on one page.
  const style = block.cap === null ? 'Figure' : 'ImageWithCaption';
  return `<text:p text:style-name="${style}">${frame}</text:p>` + captionXml(block, 'figure', ctx);
}

/** Where an image of the render data's files lies in the package: "/img-0.png" -> "Pictures/img-0.png". */
export const picturePath = (path: string): string => `Pictures/${path.replace(/^\/+/, '')}`;

/** A table's cells placed on its grid: a cell where it starts, `covered` under another's span, `empty` where a short row ends. */
type Slot = RenderCell | 'covered' | 'empty';

function grid(rows: readonly RenderCell[][], cols: number): Slot[][] {
  const slots: Slot[][] = rows.map(() => new Array<Slot>(cols).fill('empty'));
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row) {
      while (column < cols && slots[r][column] !== 'empty') {
        column += 1;
      }
      if (column >= cols) {
        break; // wider than the table's width (capped in tables.ts): left out, as Typst would fail on it
      }
      const colspan = Math.min(cell.colspan, cols - column);
      const rowspan = Math.min(cell.rowspan, rows.length - r);
      for (let dr = 0; dr < rowspan; dr += 1) {
        for (let dc = 0; dc < colspan; dc += 1) {
          slots[r + dr][column + dc] = 'covered';
        }
      }
      slots[r][column] = { ...cell, colspan, rowspan };
      column += colspan;
    }
  });
  return slots;
}

function rowsXml(rows: readonly RenderCell[][], cols: number, ctx: OdtContext): string {
  return grid(rows, cols)
    .map((row) => {
      const cells = row.map((slot) => {
        if (slot === 'covered') {
          return '<table:covered-table-cell/>';
        }
        const cell = slot === 'empty' ? { colspan: 1, rowspan: 1, th: false, c: [] } : slot;
        const para = `${cell.th ? 'Table_20_Heading' : 'Table_20_Contents'}${cell.num === true ? '_20_Figures' : ''}`;
        const spans =
          (cell.colspan > 1 ? ` table:number-columns-spanned="${cell.colspan}"` : '') +
          (cell.rowspan > 1 ? ` table:number-rows-spanned="${cell.rowspan}"` : '');
        const body = blocksXml(cell.c, ctx, { para, inList: false });
        return (
          `<table:table-cell table:style-name="${cell.th ? 'CellHead' : 'Cell'}" office:value-type="string"${spans}>` +
          `${body === '' ? `<text:p text:style-name="${para}"/>` : body}</table:table-cell>`
        );
      });
      return `<table:table-row>${cells.join('')}</table:table-row>`;
    })
    .join('');
}

function tableXml(block: Extract<RenderBlock, { k: 'table' }>, ctx: OdtContext, place: Place): string {
  const caption = captionXml(block, 'table', ctx);
  if (place.inList) {
    // ODF allows no table in a list item: its cells' text follows the caption as paragraphs.
    return (
      caption +
      [...block.header, ...block.rows]
        .flatMap((row) => row.map((cell) => blocksXml(cell.c, ctx, place)))
        .join('')
    );
  }
  ctx.tables += 1;
  // Header rows repeat on every page the table spans, as in the PDF; row spans never leave their part (tables.ts).
  const header =
    block.header.length > 0
      ? `<table:table-header-rows>${rowsXml(block.header, block.cols, ctx)}</table:table-header-rows>`
      : '';
  return (
    caption +
    `<table:table table:name="Table${ctx.tables}" table:style-name="Tbl">` +
    `<table:table-column table:number-columns-repeated="${block.cols}"/>` +
    header +
    rowsXml(block.rows, block.cols, ctx) +
    `</table:table>`
  );
}
