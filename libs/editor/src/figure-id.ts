import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { oneLine } from './one-line.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The longest caption of an image or a table: a title with its source fits; a paragraph belongs in the text. */
export const FIGURE_CAPTION_MAX_LENGTH = 500;

/** The node types that become numbered figures in the PDF when they have a caption. */
export const FIGURE_NODE_TYPES = ['image', 'table'] as const;

/** What a figure is numbered as: "Abbildung 3" (an image) or "Tabelle 2" (a table). */
export type FigureKind = 'figure' | 'table';

/** The kind of figure a node type makes ('image' → 'figure'), or null for any other node. */
export function figureKindOf(nodeType: string): FigureKind | null {
  return nodeType === 'image' ? 'figure' : nodeType === 'table' ? 'table' : null;
}

/** A figure's id as stored: a UUID in lower case, or '' for none. */
export function figureId(raw: unknown): string {
  return typeof raw === 'string' && UUID.test(raw.trim()) ? raw.trim().toLowerCase() : '';
}

/** The part of a DOM element the parse rule reads (libs/editor is checked without DOM types). */
interface ElementLike {
  getAttribute(name: string): string | null;
}

/**
 * The `figureId` attribute of images and tables: a stable name that cross-references to the
 * figure point to ("siehe Abbildung 3"), so that they follow it when figures before it come
 * or go and the number changes. Our HTML carries it as `data-figure-id`. Documents written
 * before it stay valid ('' = none); the web editor gives every captioned figure an id
 * (`figuresNeedingIds`), since only a captioned one is numbered and so can be referred to.
 */
export const figureIdAttribute = {
  figureId: {
    default: '',
    parseHTML: (element: ElementLike) => figureId(element.getAttribute('data-figure-id')),
    renderHTML: (attributes: Record<string, unknown>) => {
      const id = figureId(attributes.figureId);
      return id === '' ? {} : { 'data-figure-id': id };
    },
  },
};

/** Whether a figure node has a caption, i.e. is numbered in the PDF. */
export function hasCaption(node: ProseMirrorNode): boolean {
  return typeof node.attrs.caption === 'string' && node.attrs.caption.trim() !== '';
}

/**
 * The positions of captioned figures that need a (new) id: those without one, and every one
 * after the first that carries an id already used earlier in the document (a copied figure).
 * The first keeps it: references made before the copy point to the original, which comes
 * first in most copies.
 */
export function figuresNeedingIds(doc: ProseMirrorNode): number[] {
  const seen = new Set<string>();
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (figureKindOf(node.type.name) === null) {
      return true;
    }
    const id = figureId(node.attrs.figureId);
    if (id !== '' && !seen.has(id)) {
      seen.add(id);
    } else if (hasCaption(node) || id !== '') {
      positions.push(pos);
    }
    return true;
  });
  return positions;
}

/** A numbered figure or table of a text, as figuresOf() finds it. */
export interface TextFigure {
  /** Its id ('' when it has none yet: written before ids, and not opened in an editor since). */
  figureId: string;
  kind: FigureKind;
  /** Its caption (one line; never empty: only captioned figures are numbered). */
  caption: string;
}

/**
 * The numbered figures and tables of a section's text, in the order of the text, nested ones
 * (an image in a table cell or a list) where they stand: the order in which the PDF counts
 * them. Only captioned ones: an image or table without a caption has no number.
 */
export function figuresOf(json: JSONContent): TextFigure[] {
  const found: TextFigure[] = [];
  const visit = (node: JSONContent, depth: number): void => {
    const kind = figureKindOf(node.type ?? '');
    const caption = oneLine(node.attrs?.caption, FIGURE_CAPTION_MAX_LENGTH);
    if (kind !== null && caption !== '') {
      found.push({ figureId: figureId(node.attrs?.figureId), kind, caption });
    }
    // As deep as a document can nest (the schema's limit is far below); a hostile JSON stops here.
    if (depth < 64) {
      (node.content ?? []).forEach((child) => visit(child, depth + 1));
    }
  };
  visit(json, 0);
  return found;
}
