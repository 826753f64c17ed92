import { mergeAttributes, Node } from '@tiptap/core';
import { FIGURE_CAPTION_MAX_LENGTH, figureId, type FigureKind } from './figure-id.js';
import { oneLine } from './one-line.js';

/** What a reference to a figure stores: the figure's id, its kind, and its caption when the reference was set. */
export interface FigureRefAttrs {
  /** An image's or table's `figureId` anywhere in the report ('' when the stored value was none). */
  figureId: string;
  /** 'figure' ("Abbildung 3") or 'table' ("Tabelle 2"). */
  kind: FigureKind;
  /** The figure's caption as it was when the reference was set or last followed: shown when the figure is gone. */
  caption: string;
}

/** A reference's kind as stored: 'table', or 'figure' for anything else. */
export function figureRefKind(raw: unknown): FigureKind {
  return raw === 'table' ? 'table' : 'figure';
}

/** A reference's remembered caption as stored: one line of plain text within the caption limit. */
export function figureRefCaption(raw: unknown): string {
  return oneLine(raw, FIGURE_CAPTION_MAX_LENGTH);
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figureRef: {
      /** Inserts a reference to a figure or table at the selection (replacing a selected one). */
      setFigureRef: (attrs: FigureRefAttrs) => ReturnType;
    };
  }
}

/** The part of a DOM element the parse rules read (libs/editor is checked without DOM types). */
interface ElementLike {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/**
 * A cross-reference to a numbered figure or table ("siehe Abbildung 3", "Tabelle 2"), in this
 * section or another one: an atom in the running text that names its target by `figureId`
 * (figure-id.ts). As with references to sections (section-ref.ts), the number is not stored:
 * the editor and the PDF count it when they show it, so the reference follows the figure when
 * others are added before it. The caption is kept for the plain text and for a figure that
 * was deleted meanwhile.
 */
export const FigureRef = Node.create({
  name: 'figureRef',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      figureId: {
        default: '',
        parseHTML: (element: ElementLike) => figureId(element.getAttribute('data-figure-ref')),
        renderHTML: () => ({}),
      },
      kind: {
        default: 'figure',
        parseHTML: (element: ElementLike) => figureRefKind(element.getAttribute('data-kind')),
        renderHTML: () => ({}),
      },
      caption: {
        default: '',
        parseHTML: (element: ElementLike) =>
          figureRefCaption(element.getAttribute('data-caption') ?? element.textContent),
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-figure-ref]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const caption = figureRefCaption(node.attrs.caption);
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        class: 'figure-ref',
        'data-figure-ref': figureId(node.attrs.figureId),
        'data-kind': figureRefKind(node.attrs.kind),
        'data-caption': caption,
      }),
      `→ ${caption}`,
    ];
  },

  // The plain text names the target by its caption, so that search finds the reference.
  extendNodeSchema(extension) {
    return extension.name === 'figureRef'
      ? {
          leafText: (node: { attrs: Record<string, unknown> }) => `→ ${figureRefCaption(node.attrs.caption)}`,
        }
      : {};
  },

  // The same words in text copied from the editor (Tiptap's clipboard text, its getText()).
  renderText({ node }) {
    return `→ ${figureRefCaption(node.attrs.caption)}`;
  },

  addCommands() {
    return {
      setFigureRef:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: {
              figureId: figureId(attrs.figureId),
              kind: figureRefKind(attrs.kind),
              caption: figureRefCaption(attrs.caption),
            },
          }),
    };
  },
});
