import { figureId, figureKindOf, figureRefCaption } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { createTranslator, type Translate } from '../../../i18n/translate';
import { figureLabel, figureOffsets, type FigureReport, type FigureTarget, type LocalFigure } from '../utils/figure-refs';

/**
 * What the editor's figures need from outside the document: the numbers beside captions
 * (image-captions.ts, table-captions.ts) and the references to figures (figure-ref-view.ts).
 */
export interface FigureContext {
  /** The report's figures and sections; null while they have not arrived: no numbers then. */
  report: FigureReport | null;
  /** The words in the text ("Abbildung 3"), in the report's language (the PDF's). */
  words: Translate;
  /** What is said to the user (screen readers, tooltips), in the interface's language. */
  ui: Translate;
  /** Whether the text is being edited: then a click selects a reference and Ctrl+click follows it. */
  editable: boolean;
  /** The modifier key's name for following while editing ("Strg", on a Mac "⌘"). */
  followKey: string;
  /** The address of a section's page. */
  href: (sectionId: string) => string;
  /** Goes to a figure: scrolls to it in this text, or opens its section's page. */
  follow: (target: FigureTarget) => void;
}

const german = createTranslator('de');

/** Until the page gives the editor its context: nothing known, nothing to follow. */
export const NO_FIGURE_CONTEXT: FigureContext = {
  report: null,
  words: german,
  ui: german,
  editable: false,
  followKey: '',
  href: () => '',
  follow: () => undefined,
};

/** The meta of a transaction that brings a new context: every plugin of figures takes it from there. */
export const FIGURE_CONTEXT = 'figureContext';

/** The context a transaction brings, if any. */
export function givenFigureContext(tr: Transaction): FigureContext | undefined {
  return tr.getMeta(FIGURE_CONTEXT) as FigureContext | undefined;
}

/** Gives the editor's captions and references a new context (the report's figures, languages, mode). */
export function setFigureContext(editor: Editor, context: FigureContext): void {
  if (!editor.isDestroyed) {
    editor.view.dispatch(editor.state.tr.setMeta(FIGURE_CONTEXT, context).setMeta('addToHistory', false));
  }
}

/** A numbered figure of the live text, and where it stands. */
export interface PlacedFigure extends LocalFigure {
  pos: number;
}

/**
 * The captioned images and tables of `doc` in the order the PDF counts them (as libs/editor
 * figuresOf does for stored JSON): nested ones where they stand. Text blocks are not entered.
 */
export function localFigures(doc: ProseMirrorNode): PlacedFigure[] {
  const found: PlacedFigure[] = [];
  doc.descendants((node, pos) => {
    const kind = figureKindOf(node.type.name);
    const caption = kind === null ? '' : figureRefCaption(node.attrs.caption);
    if (kind !== null && caption !== '') {
      found.push({ figureId: figureId(node.attrs.figureId), kind, caption, pos });
    }
    return !node.isTextblock;
  });
  return found;
}

/**
 * The number each captioned figure of `doc` has in the report ("Abbildung 3"), by position;
 * empty while the report's figures are not known (no number rather than a wrong one).
 */
export function figureLabels(doc: ProseMirrorNode, context: FigureContext): Map<number, string> {
  const offsets = context.report === null ? null : figureOffsets(context.report);
  const labels = new Map<number, string>();
  if (offsets === null) {
    return labels;
  }
  const counts = { ...offsets };
  for (const figure of localFigures(doc)) {
    counts[figure.kind] += 1;
    labels.set(figure.pos, figureLabel(figure.kind, counts[figure.kind], context.words));
  }
  return labels;
}
