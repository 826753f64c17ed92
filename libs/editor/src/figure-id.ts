import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
