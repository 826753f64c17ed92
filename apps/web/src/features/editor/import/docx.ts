import { DocxNumbering, DocxStyles, W, val, type Numbering } from './docx-styles';
import { docxTable } from './docx-table';
import { BlockList } from './block-list';
import {
  documentImage,
  ImportError,
  inlineText,
  type Block,
  type DocumentImage,
  type Inline,
  type Marks,
  type ReadDocument,
} from './model';
import { child, children, descendants, is, rootOf, type XmlElement, type XmlParser } from './xml';
import { readUnlessTooLarge, type ZipArchive } from './zip-reader';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PICTURE = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const VML = 'urn:schemas-microsoft-com:vml';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const A16_DECORATIVE = 'http://schemas.microsoft.com/office/drawing/2017/decorative';

const XML_LIMIT = 32 * 1024 * 1024;
const IMAGE_LIMIT = 20 * 1024 * 1024;

interface Relationship {
  target: string;
  external: boolean;
}

/** An open field (`w:fldChar` begin … separate … end): its instruction is not text; its result is. */
interface Field {
  instruction: string;
  showing: boolean;
  href?: string;
  /** A HYPERLINK field, whether its target is kept or not. */
  hyperlink?: boolean;
}

/** Where a paragraph's content goes: its inlines, the blocks of its text boxes, its open fields. */
interface Sink {
  out: Inline[];
  boxed: Block[];
  fields: Field[];
}

/**
 * Reads a Word document (Office Open XML, .docx): word/document.xml with its styles, numbering,
 * relationships, footnotes and endnotes, and the images it embeds.
 */
export async function readDocx(zip: ZipArchive, parse: XmlParser): Promise<ReadDocument> {
  const part = async (name: string): Promise<XmlElement | null> =>
    zip.has(name) ? rootOf(parse, await zip.text(name, XML_LIMIT), name) : null;
  const document = await part('word/document.xml');
  const body = document === null ? null : child(document, W, 'body');
  if (body === null) {
    throw new ImportError('damaged', 'word/document.xml has no body');
  }
  const reader = new DocxReader(
    new DocxStyles(await part('word/styles.xml')),
    new DocxNumbering(await part('word/numbering.xml')),
    relationships(await part('word/_rels/document.xml.rels')),
  );
  await reader.readNotes(await part('word/footnotes.xml'), 'footnote');
  await reader.readNotes(await part('word/endnotes.xml'), 'endnote');
  const blocks = reader.blocks(children(body), false);
  // One image at a time: a document with many large pictures is not held unpacked twice.
  for (const load of reader.images) {
    const bytes = zip.has(load.path) ? await readUnlessTooLarge(zip, load.path, IMAGE_LIMIT) : null;
    Object.assign(load.image, documentImage(bytes, load.image.alt, load.image.alt === ''));
  }
  return { blocks, leftOut: reader.leftOut };
}

function relationships(root: XmlElement | null): Map<string, Relationship> {
  const found = new Map<string, Relationship>();
  for (const relation of root === null ? [] : children(root, RELS, 'Relationship')) {
    found.set(relation.getAttribute('Id') ?? '', {
      target: relation.getAttribute('Target') ?? '',
      external: relation.getAttribute('TargetMode') === 'External',
    });
  }
  return found;
}

/** A part's path in the archive from a target relative to word/document.xml. */
function partPath(target: string): string {
  const parts = target.startsWith('/') ? [] : ['word'];
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') {
      parts.pop();
    } else if (segment !== '.' && segment !== '') {
      parts.push(segment);
    }
  }
  return parts.join('/');
}

const SAFE_HREF = /^(?:https?:|mailto:)/i;

class DocxReader {
  leftOut = 0;
  readonly images: Array<{ image: DocumentImage; path: string }> = [];
  private readonly notes = new Map<string, string>();
  /** Items so far of each list level (`numId:level`): Word counts on across paragraphs between. */
  private readonly counted = new Map<string, number>();

  constructor(
    private readonly styles: DocxStyles,
    private readonly numbering: DocxNumbering,
    private readonly rels: Map<string, Relationship>,
  ) {}

  async readNotes(root: XmlElement | null, kind: 'footnote' | 'endnote'): Promise<void> {
    for (const note of root === null ? [] : children(root, W, kind)) {
      const type = note.getAttributeNS(W, 'type');
      if (type === null || type === 'normal') {
        const inlines: Inline[] = [];
        children(note, W, 'p').forEach((p, i) => {
          if (i > 0) {
            inlines.push({ kind: 'text', text: ' ', marks: {} });
          }
          this.inlines(p, undefined, { out: inlines, boxed: [], fields: [] });
        });
        this.notes.set(`${kind}:${note.getAttributeNS(W, 'id') ?? ''}`, inlineText(inlines));
      }
    }
    return Promise.resolve();
  }

  /** The blocks of body-level elements; `inCell`: a table in a table cell is read as its paragraphs. */
  blocks(elements: readonly XmlElement[], inCell: boolean): Block[] {
    const list = new BlockList();
    const walk = (items: readonly XmlElement[]) => {
      for (const element of items) {
        if (is(element, W, 'p')) {
          this.paragraph(element, list);
        } else if (is(element, W, 'tbl')) {
          const table = docxTable(element, (cell) => this.blocks(children(cell), true));
          if (inCell) {
            table.rows.forEach((row) =>
              row.forEach((cell) => cell.blocks.forEach((block) => list.add(block))),
            );
          } else {
            list.add(table);
          }
        } else if (is(element, W, 'sdt')) {
          // A content control; Word's table of contents is one, and the export makes its own.
          if (!isContents(element)) {
            walk(children(child(element, W, 'sdtContent') ?? element));
          }
        } else if (is(element, W, 'customXml') || is(element, W, 'ins') || is(element, W, 'moveTo')) {
          walk(children(element));
        } else if (is(element, W, 'altChunk')) {
          this.leftOut += 1;
        }
      }
    };
    walk(elements);
    return list.blocks;
  }

  private paragraph(p: XmlElement, list: BlockList): void {
    const role = this.styles.paragraphRole(child(p, W, 'pPr'));
    if (role.contents) {
      return;
    }
    const inlines: Inline[] = [];
    const boxed: Block[] = [];
    this.inlines(p, undefined, { out: inlines, boxed, fields: [] });
    if (inlines.some((inline) => inline.kind !== 'text' || inline.text.trim() !== '')) {
      const kind = role.numbering === null ? 'none' : this.numbering.kind(role.numbering);
      if (role.headingLevel !== null) {
        list.add({
          kind: 'heading',
          level: role.headingLevel,
          inlines,
          ...(role.title ? { title: true as const } : {}),
        });
      } else if (kind !== 'none' && role.numbering !== null) {
        list.addItem(
          { kind: 'paragraph', inlines },
          kind === 'ordered',
          role.numbering.level,
          this.count(role.numbering),
        );
      } else if (role.quote) {
        list.addQuoted({ kind: 'paragraph', inlines });
      } else {
        list.add(
          role.caption ? { kind: 'paragraph', inlines, caption: true } : { kind: 'paragraph', inlines },
        );
      }
    }
    boxed.forEach((block) => list.add(block));
  }

  /** The number of a list item; the levels below its own start again after it, as Word's do. */
  private count(numbering: Numbering): number {
    const key = `${numbering.numId}:${String(numbering.level)}`;
    const before = this.counted.get(key) ?? 0;
    this.counted.set(key, before + 1);
    for (const other of [...this.counted.keys()]) {
      const [numId, level] = other.split(':');
      if (numId === numbering.numId && Number(level) > numbering.level) {
        this.counted.delete(other);
      }
    }
    return this.numbering.start(numbering) + before;
  }

  /** The inline content of a paragraph or of an element within it (links, insertions, fields). */
  private inlines(parent: XmlElement, href: string | undefined, sink: Sink): void {
    for (const element of children(parent)) {
      if (is(element, W, 'r')) {
        this.run(element, href, sink);
      } else if (is(element, W, 'hyperlink')) {
        const relation = this.rels.get(element.getAttributeNS(R, 'id') ?? '');
        const target =
          relation?.external === true && SAFE_HREF.test(relation.target) ? relation.target : href;
        const from = sink.out.length;
        this.inlines(element, target, sink);
        withoutUnderline(sink.out, from);
      } else if (is(element, W, 'sdt')) {
        this.inlines(child(element, W, 'sdtContent') ?? element, href, sink);
      } else if (
        ['ins', 'moveTo', 'smartTag', 'customXml', 'fldSimple', 'dir', 'bdo'].some((name) =>
          is(element, W, name),
        )
      ) {
        this.inlines(element, href, sink);
      } else if (is(element, MC, 'AlternateContent')) {
        this.inlines(child(element, MC, 'Choice') ?? element, href, sink);
      }
      // Deleted text (w:del, w:moveFrom), bookmarks, comments' ranges and proofing marks are not text.
    }
  }

  private run(r: XmlElement, href: string | undefined, sink: Sink): void {
    const marks = this.styles.runMarks(child(r, W, 'rPr'));
    this.runContent(children(r), marks, href, sink);
  }

  private runContent(items: XmlElement[], marks: Marks, href: string | undefined, sink: Sink): void {
    const { fields } = sink;
    for (const element of items) {
      const field = fields[fields.length - 1];
      if (is(element, W, 'fldChar')) {
        const type = element.getAttributeNS(W, 'fldCharType');
        if (type === 'begin') {
          fields.push({ instruction: '', showing: false });
        } else if (type === 'separate' && field !== undefined) {
          field.showing = true;
          const link = /^\s*HYPERLINK\s+"([^"]+)"/i.exec(field.instruction)?.[1];
          field.href = link !== undefined && SAFE_HREF.test(link) ? link : undefined;
          field.hyperlink = link !== undefined;
        } else if (type === 'end') {
          fields.pop();
        }
        continue;
      }
      if (is(element, W, 'instrText')) {
        if (field !== undefined) {
          field.instruction += element.textContent ?? '';
        }
        continue;
      }
      if (fields.some((open) => !open.showing)) {
        continue; // an instruction's runs, not the field's result
      }
      const link = [...fields].reverse().find((open) => open.href !== undefined)?.href ?? href;
      const from = sink.out.length;
      this.runElement(element, marks, link, sink);
      if (fields.some((open) => open.hyperlink)) {
        withoutUnderline(sink.out, from);
      }
    }
  }

  private runElement(element: XmlElement, marks: Marks, href: string | undefined, sink: Sink): void {
    const { out } = sink;
    const text = (value: string) =>
      out.push(
        href === undefined
          ? { kind: 'text', text: value, marks }
          : { kind: 'text', text: value, marks, href },
      );
    if (is(element, W, 't')) {
      text(element.textContent ?? '');
    } else if (is(element, W, 'tab') || is(element, W, 'ptab')) {
      text(' ');
    } else if (is(element, W, 'softHyphen')) {
      text('\u00ad');
    } else if (is(element, W, 'noBreakHyphen')) {
      text('\u2011');
    } else if (
      is(element, W, 'cr') ||
      (is(element, W, 'br') && !['page', 'column'].includes(element.getAttributeNS(W, 'type') ?? ''))
    ) {
      out.push({ kind: 'break' });
    } else if (is(element, W, 'footnoteReference') || is(element, W, 'endnoteReference')) {
      const kind = is(element, W, 'footnoteReference') ? 'footnote' : 'endnote';
      const note = this.notes.get(`${kind}:${element.getAttributeNS(W, 'id') ?? ''}`);
      if (note !== undefined && note !== '') {
        out.push({ kind: 'footnote', text: note });
      }
    } else if (is(element, W, 'drawing')) {
      this.drawing(element, sink);
    } else if (is(element, W, 'pict') || is(element, W, 'object')) {
      this.vml(element, out);
    } else if (is(element, MC, 'AlternateContent')) {
      this.runContent(children(child(element, MC, 'Choice') ?? element), marks, href, sink);
    }
  }

  /** A DrawingML object: a picture is an image; a text box's text follows the paragraph; a chart or shape is left out. */
  private drawing(drawing: XmlElement, { out, boxed }: Sink): void {
    for (const holder of [...children(drawing, WP, 'inline'), ...children(drawing, WP, 'anchor')]) {
      const properties = child(holder, WP, 'docPr');
      const data = descendants(holder, A, 'graphicData')[0];
      const blip = data?.getAttribute('uri') === PICTURE ? descendants(data, A, 'blip')[0] : undefined;
      const textBox = descendants(holder, W, 'txbxContent')[0];
      if (blip !== undefined) {
        const decorative =
          properties !== null &&
          descendants(properties, A16_DECORATIVE, 'decorative').some((d) => d.getAttribute('val') !== '0');
        const alt = properties?.getAttribute('descr') || properties?.getAttribute('title') || null;
        this.image(blip.getAttributeNS(R, 'embed'), decorative ? '' : alt, out);
      } else if (textBox !== undefined) {
        boxed.push(...this.blocks(children(textBox), false));
      } else {
        this.leftOut += 1;
      }
    }
  }

  /** Word's older pictures (VML), and embedded objects, which are left out. */
  private vml(element: XmlElement, out: Inline[]): void {
    const data = descendants(element, VML, 'imagedata')[0];
    if (is(element, W, 'object') || data === undefined) {
      this.leftOut += 1;
      return;
    }
    const shape = descendants(element, VML, 'shape')[0];
    this.image(data.getAttributeNS(R, 'id'), shape?.getAttribute('alt') || null, out);
  }

  private image(relationId: string | null, alt: string | null, out: Inline[]): void {
    const relation = this.rels.get(relationId ?? '');
    const image: DocumentImage = { bytes: null, contentType: null, alt };
    out.push({ kind: 'image', image });
    if (relation !== undefined && !relation.external) {
      this.images.push({ image, path: partPath(relation.target) });
    }
  }
}

/**
 * The text of a link (from `from` on) without the underline of Word's "Hyperlink" style: it is
 * the look of links, no emphasis, and a link not kept (javascript:, an anchor) would look like one.
 */
function withoutUnderline(inlines: Inline[], from: number): void {
  for (let i = from; i < inlines.length; i += 1) {
    const inline = inlines[i];
    if (inline?.kind === 'text' && inline.marks.underline !== undefined) {
      const { underline: _underline, ...marks } = inline.marks;
      inlines[i] = { ...inline, marks };
    }
  }
}

function isContents(sdt: XmlElement): boolean {
  const properties = child(sdt, W, 'sdtPr');
  const gallery = properties === null ? [] : descendants(properties, W, 'docPartGallery');
  return gallery.some((element) => /table of contents/i.test(val(element) ?? ''));
}
