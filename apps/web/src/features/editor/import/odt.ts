import { BlockList } from './block-list';
import {
  documentImage,
  ImportError,
  type Block,
  type Cell,
  type DocumentImage,
  type Inline,
  type ReadDocument,
} from './model';
import { NS, odtStyles, type OdtStyles } from './odt-styles';
import {
  addText,
  CDATA_NODE,
  hasContent,
  plainText,
  SILENT,
  TEXT_NODE,
  tidy,
  withImagesApart,
  type Format,
} from './odt-text';
import { child, children, is, isElement, rootOf, type XmlElement, type XmlNode, type XmlParser } from './xml';
import { readUnlessTooLarge, type ZipArchive } from './zip-reader';

const XML_LIMIT = 32 * 1024 * 1024;
const IMAGE_LIMIT = 20 * 1024 * 1024;

type ImageInline = Extract<Inline, { kind: 'image' }>;
/** An image of the document with its alt text, once its bytes are read. */
type Describe = (bytes: Uint8Array | null) => DocumentImage;

const XML = 'http://www.w3.org/XML/1998/namespace';
const LOEXT = 'urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0';

/** Where blocks stand: in a table cell (no tables there), in lists of this depth and style. */
interface Place {
  inCell: boolean;
  depth: number;
  listStyle: string | null;
}

/** A paragraph's inlines, and the blocks of text boxes anchored in it (they follow it). */
interface Run {
  inlines: Inline[];
  after: Block[];
  place: Place;
}

const TOP: Place = { inCell: false, depth: 0, listStyle: null };

/** Elements whose blocks are read as if they stood in their place. */
const CONTAINERS = new Set(['section', 'soft-page-break', 'numbered-paragraph']);

/** What a frame may hold besides images and text boxes: charts, formulas, OLE objects, applets, plugins. */
const OBJECTS = new Set(['object', 'object-ole', 'applet', 'plugin', 'floating-frame']);

/** Only these links survive: a document may link anywhere (javascript:, file:). */
const SAFE_HREF = /^(?:https?:|mailto:)/i;

/** Reads an OpenDocument text (.odt) into blocks: its text, lists, tables, images and footnotes. */
export async function readOdt(zip: ZipArchive, parse: XmlParser): Promise<ReadDocument> {
  const content = rootOf(parse, await zip.text('content.xml', XML_LIMIT), 'content.xml');
  const styles = zip.has('styles.xml')
    ? rootOf(parse, await zip.text('styles.xml', XML_LIMIT), 'styles.xml')
    : null;
  const body = child(content, NS.office, 'body');
  const text = body === null ? null : child(body, NS.office, 'text');
  if (text === null) {
    throw new ImportError('notDocument', 'content.xml holds no text');
  }
  const reader = new OdtReader(odtStyles(content, styles));
  const blocks = reader.blocks(text, TOP);
  for (const { inline, sources, describe } of reader.images) {
    inline.image = await loadImage(zip, sources, describe);
  }
  return { blocks, leftOut: reader.leftOut };
}

class OdtReader {
  leftOut = 0;
  /** Images are read from the archive once the text is read (reading is asynchronous). */
  readonly images: Array<{ inline: ImageInline; sources: XmlElement[]; describe: Describe }> = [];

  /** The last number of the numbered lists so far: the latest, and those with an id. */
  private counted: { id: string | null; last: number } | null = null;
  private readonly lastById = new Map<string, number>();

  constructor(private readonly styles: OdtStyles) {}

  blocks(container: XmlElement, place: Place): Block[] {
    // Consecutive quoted paragraphs become one quote, as in a Word document (block-list.ts).
    const out = new BlockList();
    const add = (blocks: Block[], quoted = false) => {
      blocks.forEach((block) => {
        if (quoted) {
          out.addQuoted(block);
        } else {
          out.add(block);
        }
      });
    };
    for (const element of children(container)) {
      if (is(element, NS.text, 'p') || is(element, NS.text, 'h')) {
        const style = element.getAttributeNS(NS.text, 'style-name');
        const heading = element.localName === 'h';
        const role = heading ? null : this.styles.role(style);
        const run: Run = { inlines: [], after: [], place };
        this.inlines(element, { marks: heading ? {} : this.styles.paragraphMarks(style) }, run);
        const inlines = tidy(run.inlines);
        if (heading || role === 'title') {
          const level = Number(element.getAttributeNS(NS.text, 'outline-level') ?? '1');
          const at = Number.isInteger(level) && level >= 1 ? level : 1;
          const title = heading ? {} : { title: true as const };
          add(
            withImagesApart(
              inlines,
              (text) => ({ kind: 'heading', level: at, inlines: text, ...title }),
              false,
            ),
          );
        } else if (role === 'caption') {
          add(
            withImagesApart(inlines, (text) => ({ kind: 'paragraph', caption: true, inlines: text }), true),
          );
        } else if (hasContent(inlines)) {
          add([{ kind: 'paragraph', inlines }], role === 'quote');
        }
        add(run.after);
      } else if (is(element, NS.text, 'list')) {
        add(this.list(element, place));
      } else if (is(element, NS.table, 'table')) {
        add(this.table(element, place));
      } else if (is(element, NS.text) && CONTAINERS.has(element.localName)) {
        add(this.blocks(element, place));
      } else if (is(element, NS.draw) || is(element, NS.dr3d)) {
        // A frame anchored to the page stands between paragraphs.
        const run: Run = { inlines: [], after: [], place };
        this.inline(element, { marks: {} }, run);
        const inlines = tidy(run.inlines);
        add(hasContent(inlines) ? [{ kind: 'paragraph', inlines }, ...run.after] : run.after);
      }
      // Everything else is skipped: indexes (generated from the text), declarations, forms, tracked changes.
    }
    return out.blocks;
  }

  private list(list: XmlElement, place: Place): Block[] {
    const items = children(list, NS.text).filter(
      (e) => e.localName === 'list-item' || e.localName === 'list-header',
    );
    // A nested list keeps the style of the list around it; a list without one may be numbered by its paragraphs' style.
    const firstParagraph =
      items[0] === undefined
        ? undefined
        : children(items[0], NS.text).find((e) => e.localName === 'p' || e.localName === 'h');
    const listStyle =
      list.getAttributeNS(NS.text, 'style-name') ??
      place.listStyle ??
      this.styles.paragraphListStyle(firstParagraph?.getAttributeNS(NS.text, 'style-name') ?? null);
    const inner: Place = { inCell: place.inCell, depth: place.depth + 1, listStyle };
    const blocks = items.map((item) => this.blocks(item, inner)).filter((item) => item.length > 0);
    const ordered = listStyle !== null && this.styles.ordered(listStyle, inner.depth);
    if (blocks.length === 0) {
      return [];
    }
    const start = place.depth === 0 && ordered ? this.startOf(list) : 1;
    if (place.depth === 0 && ordered) {
      this.counted = { id: list.getAttributeNS(XML, 'id'), last: start + blocks.length - 1 };
      if (this.counted.id !== null) {
        this.lastById.set(this.counted.id, this.counted.last);
      }
    }
    return [
      start > 1 ? { kind: 'list', ordered, items: blocks, start } : { kind: 'list', ordered, items: blocks },
    ];
  }

  /** The first number of a numbered list that continues an earlier one (LibreOffice's "Nummerierung fortsetzen"). */
  private startOf(list: XmlElement): number {
    const continues = list.getAttributeNS(NS.text, 'continue-list');
    if (continues !== null) {
      return (this.lastById.get(continues) ?? 0) + 1;
    }
    return list.getAttributeNS(NS.text, 'continue-numbering') === 'true' ? (this.counted?.last ?? 0) + 1 : 1;
  }

  private table(table: XmlElement, place: Place): Block[] {
    const rows: Cell[][] = [];
    const readRows = (container: XmlElement, header: boolean) => {
      for (const element of children(container, NS.table)) {
        if (element.localName === 'table-header-rows') {
          readRows(element, true);
        } else if (element.localName === 'table-rows' || element.localName === 'table-row-group') {
          readRows(element, header);
        } else if (element.localName === 'table-row') {
          const row = children(element, NS.table, 'table-cell').map((cell) => ({
            blocks: this.blocks(cell, { inCell: true, depth: 0, listStyle: null }),
            colspan: span(cell, 'number-columns-spanned'),
            rowspan: span(cell, 'number-rows-spanned'),
            header,
          }));
          if (row.length > 0) {
            rows.push(row);
          }
        }
      }
    };
    readRows(table, false);
    if (place.inCell) {
      // The editor has no tables in tables: a nested table gives its cells' text.
      return rows.flatMap((row) => row.flatMap((cell) => cell.blocks));
    }
    return rows.length === 0 ? [] : [{ kind: 'table', rows }];
  }

  private inlines(parent: XmlElement, format: Format, run: Run): void {
    for (const node of Array.from(parent.childNodes)) {
      this.inline(node, format, run);
    }
  }

  private inline(node: XmlNode, format: Format, run: Run): void {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
      // Whitespace in a paragraph's XML is layout of the file; spaces of the text are text:s.
      addText(run.inlines, (node.textContent ?? '').replace(/[ \t\r\n]+/g, ' '), format, true);
      return;
    }
    if (!isElement(node)) {
      return;
    }
    if (node.namespaceURI === NS.text) {
      switch (node.localName) {
        case 's':
          addText(run.inlines, ' '.repeat(Math.min(span(node, 'c', NS.text), 1000)), format, false);
          return;
        case 'tab':
          addText(run.inlines, ' ', format, false);
          return;
        case 'line-break':
          run.inlines.push({ kind: 'break' });
          return;
        case 'span': {
          const marks = this.styles.marks(node.getAttributeNS(NS.text, 'style-name'));
          this.inlines(node, { ...format, marks: { ...format.marks, ...marks } }, run);
          return;
        }
        case 'a': {
          const target = node.getAttributeNS(NS.xlink, 'href')?.trim() ?? '';
          this.inlines(node, SAFE_HREF.test(target) ? { ...format, href: target } : format, run);
          return;
        }
        case 'note': {
          const body = child(node, NS.text, 'note-body');
          const text = body === null ? '' : plainText(body).replace(/\s+/g, ' ').trim();
          const kind = node.getAttributeNS(NS.text, 'note-class') ?? 'footnote';
          if (text !== '' && (kind === 'footnote' || kind === 'endnote')) {
            run.inlines.push({ kind: 'footnote', text });
          }
          return;
        }
      }
      if (SILENT.has(node.localName)) {
        return;
      }
    }
    if (is(node, NS.office, 'annotation') || is(node, NS.office, 'annotation-end')) {
      return; // comments are the authors' notes to each other, not text
    }
    if (is(node, NS.draw, 'frame')) {
      this.frame(node, run);
    } else if (is(node, NS.draw, 'a')) {
      this.inlines(node, format, run);
    } else if (is(node, NS.draw) || is(node, NS.dr3d)) {
      // A drawn shape has no place in a section's text; words written in it do, after the
      // paragraph, as of a text box (and as Word's shapes, which are text boxes, give them).
      const words = children(node, NS.text).some((e) => ['p', 'h', 'list'].includes(e.localName));
      if (words) {
        run.after.push(...this.blocks(node, { ...run.place, depth: 0, listStyle: null }));
      } else {
        this.leftOut += 1;
      }
    } else {
      this.inlines(node, format, run); // fields (page number, date, sequence, reference) and the unknown: their text
    }
  }

  private frame(frame: XmlElement, run: Run): void {
    if (children(frame, NS.draw).some((e) => OBJECTS.has(e.localName))) {
      // Charts and formulas (draw:object), OLE objects, plugins: their replacement image is no figure of the text.
      this.leftOut += 1;
      return;
    }
    const box = child(frame, NS.draw, 'text-box');
    if (box !== null) {
      run.after.push(...this.blocks(box, { ...run.place, depth: 0, listStyle: null }));
      return;
    }
    const sources = children(frame, NS.draw, 'image');
    if (sources.length === 0) {
      this.leftOut += 1;
      return;
    }
    const title = child(frame, NS.svg, 'title')?.textContent?.trim() ?? '';
    const alt = title !== '' ? title : (child(frame, NS.svg, 'desc')?.textContent ?? null);
    // LibreOffice's "Decorative" (an image a screen reader skips) has no ODF attribute of its own yet.
    const decorative = frame.getAttributeNS(LOEXT, 'decorative') === 'true';
    const describe: Describe = (bytes) => documentImage(bytes, alt, decorative);
    const inline: ImageInline = { kind: 'image', image: describe(null) };
    run.inlines.push(inline);
    this.images.push({ inline, sources, describe });
  }
}

/** A positive count attribute (spans, repeated spaces); 1 when absent or nonsense. */
function span(element: XmlElement, name: string, namespace: string = NS.table): number {
  const value = Number(element.getAttributeNS(namespace, name) ?? '1');
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

/** The first of a frame's images in a format the text can show (LibreOffice adds a PNG to an SVG). */
async function loadImage(zip: ZipArchive, sources: XmlElement[], describe: Describe): Promise<DocumentImage> {
  for (const source of sources) {
    const image = describe(await imageBytes(zip, source));
    if (image.bytes !== null) {
      return image;
    }
  }
  return describe(null);
}

async function imageBytes(zip: ZipArchive, source: XmlElement): Promise<Uint8Array | null> {
  const data = child(source, NS.office, 'binary-data');
  if (data !== null) {
    const base64 = (data.textContent ?? '').replace(/\s+/g, '');
    if (base64.length > (IMAGE_LIMIT / 3) * 4 + 4) {
      return null;
    }
    try {
      return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    } catch {
      return null;
    }
  }
  const name = (source.getAttributeNS(NS.xlink, 'href') ?? '').replace(/^\.\//, '');
  if (name === '' || !zip.has(name)) {
    return null; // linked from outside the file, or lost
  }
  return readUnlessTooLarge(zip, name, IMAGE_LIMIT);
}
