import type { ReportTextSection } from '@kapitel/domain';
import {
  citationLabel,
  citationLocator,
  citationPrefix,
  citationSourceId,
  figureId,
  figureRefCaption,
  figureRefKind,
  imageCaption,
  isAllowedHref,
  sectionRefId,
  sectionRefTitle,
  tableCaption,
  type FigureKind,
} from '@kapitel/editor';
import {
  blockNodes,
  footnotesIn,
  isBlank,
  markFigureColumns,
  type CellNode,
  type HeadingNode,
  type OrderedListNode,
  type PlainBlockNode,
} from '../../../lib/doc-nodes';
import { list, record } from '../../../lib/json-values';

export { isBlank };

/** A mark the reading view shows; a link carries its (checked) address. */
export type ReadMark =
  | { kind: 'bold' | 'italic' | 'strike' | 'underline' | 'superscript' | 'subscript' }
  | { kind: 'link'; href: string };

/** Where a numbered figure or table stands and what it is called through the report. */
export interface FigurePlace {
  kind: FigureKind;
  /** "Abbildung 3": counted per kind through the report in reading order, as the PDF counts. */
  number: number;
  /** The id of its element in the page, for the references' and the lists' links. */
  anchor: string;
}

/** A numbered figure or table as the lists of figures and tables show it. */
export interface ListedFigure extends FigurePlace {
  caption: string;
}

/** A node of a section's text reduced to what the reading view renders, each with checked fields. */
export type ReadNode =
  | { kind: 'text'; text: string; marks: ReadMark[] }
  | { kind: 'break' }
  | PlainBlockNode<ReadNode>
  | HeadingNode<ReadNode>
  | OrderedListNode<ReadNode>
  | CellNode<ReadNode>
  /** A table; `figure` when it has a caption (numbered). */
  | { kind: 'table'; caption: string; figure: FigurePlace | null; children: ReadNode[] }
  /** An image; `src` only when it is an image of this project (no other hosts), else its words stand in. */
  | { kind: 'image'; src: string | null; alt: string; caption: string; figure: FigurePlace | null }
  /** A footnote's marker, numbered through the report as the PDF numbers them. */
  | { kind: 'footnote'; number: number; text: string }
  | { kind: 'sectionRef'; sectionId: string; title: string }
  | { kind: 'figureRef'; figureId: string; figureKind: FigureKind; caption: string }
  | { kind: 'citation'; sourceId: string; label: string; locator: string; prefix: string };

/** A section of the report ready to be read. */
export interface ReadSection {
  section: ReportTextSection;
  nodes: ReadNode[];
  /** Its footnotes, in the order of their numbers. */
  notes: Array<{ number: number; text: string }>;
}

/** The whole report ready to be read, with what its references point to. */
export interface ReadReport {
  sections: ReadSection[];
  /** The first numbered figure or table of each id, in reading order (a copy further on is not a target). */
  figures: ReadonlyMap<string, FigurePlace>;
  /** Every numbered figure and table in reading order, for the lists of figures and tables. */
  listed: readonly ListedFigure[];
  /** The sections in the report, by id. */
  sectionIds: ReadonlySet<string>;
  /** The sources the texts cite, by id: the bibliography lists these. */
  cited: ReadonlySet<string>;
}

const PLAIN_MARKS = ['bold', 'italic', 'strike', 'underline', 'superscript', 'subscript'] as const;

/** The path of an image of `projectId` on our server; anything else is not loaded. */
const imagePath = (projectId: string): RegExp =>
  new RegExp(`^/api/projects/${projectId.replace(/[^0-9a-f-]/gi, '')}/images/[0-9a-f-]{36}$`, 'i');

function marksOf(value: unknown): ReadMark[] {
  return list(value).flatMap((item): ReadMark[] => {
    const mark = record(item);
    if (mark.type === 'link') {
      const href = record(mark.attrs).href;
      // An address the editor would not have let in is shown as text, not followed.
      return typeof href === 'string' && isAllowedHref(href) ? [{ kind: 'link', href }] : [];
    }
    const kind = PLAIN_MARKS.find((known) => known === mark.type);
    return kind === undefined ? [] : [{ kind }];
  });
}

/** What the conversion of the report counts and collects as it goes, in reading order. */
class Walk {
  private readonly counted: Record<FigureKind, number> = { figure: 0, table: 0 };
  readonly figures = new Map<string, FigurePlace>();
  readonly listed: ListedFigure[] = [];
  footnotes = 0;
  readonly cited = new Set<string>();
  readonly images: RegExp;

  constructor(projectId: string) {
    this.images = imagePath(projectId);
  }

  /**
   * Numbers a figure or table with a caption; the first of an id becomes the target of its
   * references (its element's id from it), any other one gets an id from its number.
   */
  figure(kind: FigureKind, caption: string, id: string): FigurePlace | null {
    if (caption === '') {
      return null;
    }
    this.counted[kind] += 1;
    const number = this.counted[kind];
    const target = id !== '' && !this.figures.has(id);
    const place: FigurePlace = { kind, number, anchor: target ? `figur-${id}` : `${kind === 'table' ? 'tabelle' : 'abbildung'}-${String(number)}` };
    if (target) {
      this.figures.set(id, place);
    }
    this.listed.push({ ...place, caption });
    return place;
  }
}

function toNodes(value: unknown, depth: number, walk: Walk): ReadNode[] {
  // The server validates texts against the schema; the limit keeps a broken answer from overflowing the stack.
  if (depth > 64) {
    return [];
  }
  const node = record(value);
  const attrs = record(node.attrs);
  const type = typeof node.type === 'string' ? node.type : '';
  switch (type) {
    case 'text':
      return typeof node.text === 'string' && node.text !== '' ? [{ kind: 'text', text: node.text, marks: marksOf(node.marks) }] : [];
    case 'hardBreak':
      return [{ kind: 'break' }];
    case 'image': {
      const src = typeof attrs.src === 'string' && walk.images.test(attrs.src) ? attrs.src : null;
      const caption = imageCaption(attrs.caption);
      const alt = typeof attrs.alt === 'string' ? attrs.alt.trim() : '';
      return [{ kind: 'image', src, alt, caption, figure: walk.figure('figure', caption, figureId(attrs.figureId)) }];
    }
    case 'footnote': {
      const text = typeof attrs.text === 'string' ? attrs.text.trim() : '';
      if (text === '') {
        return [];
      }
      walk.footnotes += 1;
      return [{ kind: 'footnote', number: walk.footnotes, text }];
    }
    case 'sectionRef':
      return [{ kind: 'sectionRef', sectionId: sectionRefId(attrs.sectionId), title: sectionRefTitle(attrs.title) }];
    case 'figureRef':
      return [{ kind: 'figureRef', figureId: figureId(attrs.figureId), figureKind: figureRefKind(attrs.kind), caption: figureRefCaption(attrs.caption) }];
    case 'citation': {
      const sourceId = citationSourceId(attrs.sourceId);
      walk.cited.add(sourceId);
      return [
        {
          kind: 'citation',
          sourceId,
          label: citationLabel(attrs.label),
          locator: citationLocator(attrs.locator),
          prefix: citationPrefix(attrs.prefix),
        },
      ];
    }
    case 'table': {
      // Numbered before what its cells hold, as the PDF counts (libs/export figure-refs.ts).
      const caption = tableCaption(attrs.caption);
      const figure = walk.figure('table', caption, figureId(attrs.figureId));
      const rows = childrenOf(node, depth, walk);
      markFigureColumns(rows);
      return [{ kind: 'table', caption, figure, children: rows }];
    }
  }
  return blockNodes(type, attrs, childrenOf(node, depth, walk));
}

function childrenOf(node: Record<string, unknown>, depth: number, walk: Walk): ReadNode[] {
  return list(node.content).flatMap((child) => toNodes(child, depth + 1, walk));
}

/**
 * The report's sections (in reading order, as the server sends them) as nodes to render:
 * only the schema's node and mark types with their attributes checked, footnotes and
 * captioned figures and tables numbered through the report as the PDF numbers them, and
 * what the references point to collected, so that a reference forward finds its target too.
 */
export function readReport(projectId: string, sections: readonly ReportTextSection[]): ReadReport {
  const walk = new Walk(projectId);
  const read = sections.map((section): ReadSection => {
    const nodes = toNodes(section.json, 0, walk);
    return { section, nodes, notes: footnotesIn(nodes) };
  });
  return {
    sections: read,
    figures: walk.figures,
    listed: walk.listed,
    sectionIds: new Set(sections.map((section) => section.id)),
    cited: walk.cited,
  };
}
