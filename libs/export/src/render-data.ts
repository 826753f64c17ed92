import { footnoteParts, footnoteText, imageCaption, isAllowedHref, sectionRefId, sectionRefTitle } from '@kapitel/editor';
import { abbreviationEntries, type RenderAbbreviation } from './abbreviations.js';
import { addressPieces } from './address-pieces.js';
import { Citations, type RenderSourceEntry } from './citations.js';
import { FigureRefs } from './figure-refs.js';
import { ImageFiles } from './images.js';
import { array, attr, integer } from './json-nodes.js';
import { formatReportDate, reportLabels, type ReportLabels } from './labels.js';
import type { ProseMirrorJson, ReportModel } from './model.js';
import { Quoter } from './quotes.js';
import { anyBlock, tableBlock } from './tables.js';
import { cleanText, splitQuotes } from './text.js';

/**
 * The data the Typst template reads from `data.json`. User text only ever appears as
 * strings in here; the template places them as text, so nothing is parsed as Typst.
 */

/** Text with its straight quotes split out: a string is text, `true`/`false` a double/single smart quote. */
export type Pieces = Array<string | boolean>;

export type RenderInline =
  // `v` (editorpolish): raised or lowered text, set only when there is some.
  | { k: 't'; s: Pieces; b: boolean; i: boolean; u: boolean; x: boolean; v?: 'super' | 'sub' }
  | { k: 'br' }
  | { k: 'a'; href: string; c: RenderInline[] }
  /** A footnote: its text, set at the foot of the page, with the web addresses in it as links. */
  | { k: 'fn'; c: FootnotePiece[] }
  /**
   * A cross-reference ("Kapitel 3") or a citation ("(KGSt 2023, S. 12)", citations.ts): its words,
   * and the label of the heading or bibliography entry it links to (null: its target is gone).
   */
  | { k: 'ref'; to: string | null; s: Pieces }
  /**
   * A cross-reference to a figure or table ("Abbildung 3"): its word, to which the template adds
   * the number Typst gave the figure with the label `to` (figure-refs.ts); null: its target is
   * not in the report, and `s` says it all.
   */
  | { k: 'figref'; to: string | null; s: Pieces };

/** A piece of a footnote: its words, or a web address written in it (cut where a line may end: `addressPieces`) and its target. */
export type FootnotePiece = { k: 't'; s: Pieces } | { k: 'url'; href: string; s: string[] };

export interface RenderCell {
  colspan: number;
  rowspan: number;
  th: boolean;
  c: RenderBlock[];
  /** In a column of figures: set flush right. */
  num?: true;
}

export type RenderBlock =
  | { k: 'p'; c: RenderInline[] }
  /** A heading in a section's text: `level` in the document (below its section's), `rel` 1–3 within the text, for its style. */
  | { k: 'h'; level: number; rel: number; c: RenderInline[] }
  | { k: 'ul'; items: RenderBlock[][] }
  | { k: 'ol'; start: number; items: RenderBlock[][] }
  | { k: 'quote'; c: RenderBlock[] }
  /**
   * A table (tables.ts); with a caption (`cap`) a numbered table, listed after the list of figures.
   * `once`: its header is not repeated on later pages (it holds a numbered figure). `label`: below.
   */
  | { k: 'table'; cols: number; header: RenderCell[][]; rows: RenderCell[][]; cap: Pieces | null; once?: true; label?: string }
  /** An image, or its note when it cannot be embedded; with a caption (`cap`) a numbered figure. */
  /** `deco`: marked decorative (alt=""), set as an artifact that screen readers pass over. */
  /** `label` (on numbered figures and tables): the Typst label cross-references link to (figure-refs.ts). */
  | { k: 'img'; path: string; alt: string; deco: boolean; cap: Pieces | null; label?: string }
  | { k: 'noimg'; alt: string; cap: Pieces | null; label?: string };

export interface RenderSection {
  /** The heading's label (`s0`, `s1`, ...); the template finds the review state through it. */
  key: string;
  level: number;
  number: string | null;
  title: Pieces;
  /** The review state (its label and its key, for the colour) in draft mode; null in final. */
  state: { label: string; tone: string } | null;
  blocks: RenderBlock[];
  /** "(noch kein Text)" below the heading: a draft section without text or sub-sections. */
  placeholder: boolean;
}

export interface RenderData {
  lang: string;
  draft: boolean;
  labels: Omit<ReportLabels, 'states'>;
  meta: { title: string; authors: string[]; year: number; month: number; day: number };
  cover: {
    title: Pieces;
    subtitle: Pieces | null;
    publisher: Pieces | null;
    date: string;
    contributors: Array<{ organisation: Pieces | null; names: Pieces }>;
  };
  sections: RenderSection[];
  /** Whether any image has a caption (is a numbered figure): only then the list of figures is set. */
  figures: boolean;
  /** Whether any table has a caption: only then the list of tables is set. */
  tables: boolean;
  /** The list of abbreviations (abbreviations.ts), set after the lists of figures and tables; none: no such list. */
  abbreviations: RenderAbbreviation[];
  /** The bibliography (citations.ts), set after the last chapter; none: nothing is cited, no such chapter. */
  sources: RenderSourceEntry[];
}

/** What the compiler needs: the data, and the image files it refers to (workspace path -> bytes). */
export interface RenderInput {
  data: RenderData;
  files: Map<string, Uint8Array>;
  /** The `src` each of `files` was made from, by its path. */
  sources: ReadonlyMap<string, string>;
  /** Embedded images whose alternative text nobody gave (not even "decorative"): PDF/A-2a needs none. */
  imagesWithoutAlt: number;
  /** Cross-references (`sectionRef`, `figureRef`) and citations whose target is not in the report. */
  missingReferences: number;
}

/** Deeper nesting (lists in quotes in lists ...) is flattened, to bound the template's recursion. */
const MAX_NESTING = 12;
const HEADING_BASE = 2; // the editor's top heading level (libs/editor HEADING_LEVELS)

const pieces = (text: string): Pieces => splitQuotes(cleanText(text)).map((p) => (p.kind === 'text' ? p.text : p.double));

/**
 * `text` in quotation marks („Anhang“), its own double quotes, typed („…“, “…”) or straight,
 * made single ones (‚…‘), so that a title with a quotation does not read as two quotations.
 */
const quotedPieces = (text: string): Pieces => [true, ...pieces(text.replace(/[„“”]/g, '"')).map((p) => (p === true ? false : p)), true];

/** A footnote's pieces: its words as text, each web address in it as a link that can wrap. */
function footnotePieces(text: string): FootnotePiece[] {
  return footnoteParts(text).map((part) =>
    part.kind === 'link' ? { k: 'url', href: part.href, s: addressPieces(part.text) } : { k: 't', s: pieces(part.text) },
  );
}

const plain = (text: string): string => cleanText(text).replace(/\u200B/g, '').trim();

/** Where a cross-reference leads: the heading's label and the words that name it. */
interface RefTarget {
  key: string;
  s: Pieces;
}

/**
 * The words of a cross-reference to each section, by id: "Kapitel 3" for a numbered chapter,
 * "Abschnitt 3.2" below it, the title in quotes for an unnumbered one („Anhang“). The web
 * editor shows the same (apps/web: features/editor/utils/cross-refs.ts).
 */
function refTargets(model: ReportModel, labels: ReportLabels): Map<string, RefTarget> {
  const targets = new Map<string, RefTarget>();
  model.sections.forEach((section, index) => {
    if (typeof section.id !== 'string') {
      return;
    }
    const number = section.number === null ? '' : plain(section.number);
    const s: Pieces =
      number === ''
        ? quotedPieces(section.title)
        : [`${integer(section.depth, 1, 1, 12) === 1 ? labels.chapterRef : labels.sectionRef}\u00A0${number}`];
    targets.set(sectionRefId(section.id), { key: `s${index}`, s });
  });
  return targets;
}

/** Turns one section's ProseMirror JSON into render blocks; collects embedded images. */
class SectionRenderer {
  constructor(
    private readonly images: ImageFiles,
    private readonly level: number,
    // `broken` counts the references whose target is gone, over all sections of the render.
    private readonly refs: { targets: Map<string, RefTarget>; missing: string | null; broken: number },
    private readonly figures: FigureRefs,
    private readonly citations: Citations,
  ) {}

  blocks(nodes: ProseMirrorJson[], depth: number): RenderBlock[] {
    return nodes.flatMap((node) => this.block(node, depth));
  }

  private block(node: ProseMirrorJson, depth: number): RenderBlock[] {
    if (depth > MAX_NESTING) {
      const text = this.inlines(array(node.content), 0);
      return text.length > 0 ? [{ k: 'p', c: text }] : this.blocks(array(node.content), depth);
    }
    switch (node.type) {
      case 'paragraph': {
        const c = this.inlines(array(node.content), 0);
        return c.length > 0 ? [{ k: 'p', c }] : [];
      }
      case 'heading': {
        const relative = integer(attr(node, 'level'), HEADING_BASE, HEADING_BASE, HEADING_BASE + 2) - HEADING_BASE + 1;
        const c = this.inlines(array(node.content), 0);
        return c.length > 0 ? [{ k: 'h', level: this.level + relative, rel: relative, c }] : [];
      }
      case 'bulletList':
        return [{ k: 'ul', items: this.items(node, depth) }];
      case 'orderedList':
        return [{ k: 'ol', start: integer(attr(node, 'start'), 1, 0, 1_000_000), items: this.items(node, depth) }];
      case 'blockquote':
        return [{ k: 'quote', c: this.blocks(array(node.content), depth + 1) }];
      case 'table':
        return tableBlock(node, (cell) => this.blocks(array(cell.content), depth + 1), pieces).map((b) =>
          this.figures.figure(b, node),
        );
      case 'image':
        return [this.figures.figure(this.image(node), node)];
      case 'text':
      case 'hardBreak': {
        const c = this.inlines([node], 0);
        return c.length > 0 ? [{ k: 'p', c }] : [];
      }
      default:
        // A node this version does not know: keep its text.
        return this.blocks(array(node.content), depth + 1);
    }
  }

  private items(list: ProseMirrorJson, depth: number): RenderBlock[][] {
    return array(list.content).map((item) => this.blocks(array(item.content), depth + 1));
  }

  private inlines(nodes: ProseMirrorJson[], depth: number): RenderInline[] {
    const out: RenderInline[] = [];
    for (const node of nodes) {
      if (node.type === 'hardBreak') {
        out.push({ k: 'br' });
      } else if (node.type === 'footnote') {
        const text = footnoteText(attr(node, 'text'));
        if (text !== '') {
          out.push({ k: 'fn', c: footnotePieces(text) });
        }
      } else if (node.type === 'sectionRef') {
        out.push(this.reference(node));
      } else if (node.type === 'figureRef') {
        out.push(this.figures.reference(node));
      } else if (node.type === 'citation') {
        out.push(this.citations.reference(node));
      } else if (node.type === 'text' && typeof node.text === 'string') {
        this.text(node, out);
      } else if (depth < MAX_NESTING) {
        out.push(...this.inlines(array(node.content), depth + 1));
      }
    }
    return out;
  }

  /** A text node with its marks; consecutive pieces of one link are merged into one link. */
  private text(node: ProseMirrorJson, out: RenderInline[]): void {
    const marks = array(node.marks);
    const has = (type: string): boolean => marks.some((mark) => mark.type === type);
    const piece: RenderInline = { k: 't', s: pieces(node.text as string), b: has('bold'), i: has('italic'), u: has('underline'), x: has('strike') };
    // Superscript and subscript marks (editorpolish): Typst's super()/sub() in report.typ.
    const raised = has('superscript') ? 'super' : has('subscript') ? 'sub' : undefined;
    if (raised !== undefined) {
      piece.v = raised;
    }
    const link = marks.find((mark) => mark.type === 'link');
    const href = link ? attr(link, 'href') : undefined;
    if (typeof href !== 'string' || !isAllowedHref(href)) {
      out.push(piece);
      return;
    }
    const last = out[out.length - 1];
    if (last?.k === 'a' && last.href === href) {
      last.c.push(piece);
    } else {
      out.push({ k: 'a', href, c: [piece] });
    }
  }

  /**
   * A cross-reference as its target's words, linked to its heading. One whose target is not in
   * the report (put in the trash, or pasted from another project) keeps its remembered title;
   * a draft says that it is missing, so that somebody mends it before the final export.
   */
  private reference(node: ProseMirrorJson): RenderInline {
    const target = this.refs.targets.get(sectionRefId(attr(node, 'sectionId')));
    if (target) {
      return { k: 'ref', to: target.key, s: target.s };
    }
    this.refs.broken += 1;
    const title = quotedPieces(sectionRefTitle(attr(node, 'title')));
    return { k: 'ref', to: null, s: this.refs.missing === null ? title : [`${this.refs.missing} `, ...title] };
  }

  private image(node: ProseMirrorJson): RenderBlock {
    const altValue = attr(node, 'alt');
    const titleValue = attr(node, 'title');
    const alt = plain(typeof altValue === 'string' && altValue.trim() ? altValue : typeof titleValue === 'string' ? titleValue : '');
    // alt="" is a decision (decorative); an alt never set is none, which the editor marks.
    const deco = typeof altValue === 'string' && altValue.trim() === '' && alt === '';
    const src = attr(node, 'src');
    const path = typeof src === 'string' ? this.images.pathOf(src) : null;
    const caption = imageCaption(attr(node, 'caption'));
    const cap = caption === '' ? null : pieces(caption);
    if (!path) {
      return { k: 'noimg', alt, cap };
    }
    if (alt === '' && !deco) {
      this.images.withoutAlt += 1;
    }
    return { k: 'img', path, alt, deco, cap };
  }
}

/** A captioned image or note: a numbered figure. */
const isFigure = (b: RenderBlock): boolean => (b.k === 'img' || b.k === 'noimg') && b.cap !== null;

function contributorGroups(model: ReportModel, labels: ReportLabels): RenderData['cover']['contributors'] {
  const groups = new Map<string, string[]>();
  for (const person of model.contributors) {
    const organisation = person.organisation ? plain(person.organisation) : '';
    groups.set(organisation, [...(groups.get(organisation) ?? []), plain(person.name)]);
  }
  const named = [...groups.keys()].filter(Boolean).sort((a, b) => a.localeCompare(b, model.language));
  const names = (organisation: string): Pieces =>
    pieces((groups.get(organisation) ?? []).sort((a, b) => a.localeCompare(b, model.language)).join(', '));
  const result: RenderData['cover']['contributors'] = named.map((organisation) => ({ organisation: pieces(organisation), names: names(organisation) }));
  if (groups.has('')) {
    // Under a heading of their own when others have one: else they read as members of the organisation above.
    result.push({ organisation: named.length > 0 ? pieces(labels.otherContributors) : null, names: names('') });
  }
  return result;
}

/**
 * The report model as the template's data, plus the image files it refers to. Without
 * `embedImages`, every image is replaced by its note; so is every image whose `src` is in
 * `leaveOut`.
 */
export function buildRenderData(
  model: ReportModel,
  options: { embedImages?: boolean; leaveOut?: ReadonlySet<string> } = {},
): RenderInput {
  const embedImages = options.embedImages ?? true;
  const labels = reportLabels(model.language);
  const images = new ImageFiles(embedImages ? (model.images ?? new Map()) : null, options.leaveOut);
  const [year, month, day] = model.date.split('-').map(Number);
  const levels = model.sections.map((section) => integer(section.depth, 1, 1, 12));
  const refs = { targets: refTargets(model, labels), missing: model.mode === 'draft' ? labels.missingRef : null, broken: 0 };
  const figures = new FigureRefs(labels, model.mode === 'draft', pieces);
  const withAddresses = (text: string): FootnotePiece[] => footnotePieces(plain(text));
  const citations = new Citations(model.sources, labels, model.mode === 'draft', { pieces, withAddresses });
  const sections = model.sections.map((section, index): RenderSection => {
    const level = levels[index];
    const blocks = new SectionRenderer(images, level, refs, figures, citations).blocks(array(section.content.content), 0);
    const hasSubsections = (levels[index + 1] ?? 0) > level;
    return {
      key: `s${index}`,
      level,
      number: section.number === null ? null : plain(section.number),
      // Its quotes set already (as Typst would set them): the PDF's bookmarks take a heading's
      // text without Typst's smart quotes, and printed straight ones.
      title: [new Quoter(model.language).pieces(pieces(section.title))],
      state: model.mode === 'draft' ? { label: labels.states[section.state], tone: section.state } : null,
      blocks,
      placeholder: model.mode === 'draft' && blocks.length === 0 && !hasSubsections,
    };
  });
  // Once every section is rendered: a reference may point to a figure further on.
  const missingFigureRefs = figures.resolve(sections);
  const { states: _states, ...fixed } = labels;
  return {
    files: images.files,
    sources: images.sources,
    imagesWithoutAlt: images.withoutAlt,
    missingReferences: refs.broken + missingFigureRefs + citations.missing,
    data: {
      lang: model.language,
      draft: model.mode === 'draft',
      labels: fixed,
      meta: {
        title: plain(model.title) || '—',
        // The people who wrote it; reviewers are on the cover, not the PDF's authors.
        authors: model.contributors.filter((person) => person.wrote).map((person) => plain(person.name)).filter(Boolean),
        year,
        month,
        day,
      },
      cover: {
        title: pieces(model.title),
        subtitle: model.subtitle ? pieces(model.subtitle) : null,
        publisher: model.publisher ? pieces(model.publisher) : null,
        date: formatReportDate(model.date, model.language),
        contributors: contributorGroups(model, labels),
      },
      sections,
      figures: sections.some((section) => anyBlock(section.blocks, isFigure)),
      tables: sections.some((section) => anyBlock(section.blocks, (b) => b.k === 'table' && b.cap !== null)),
      abbreviations: abbreviationEntries(model.abbreviations, pieces),
      sources: citations.entries(),
    },
  };
}
