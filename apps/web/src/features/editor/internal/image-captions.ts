import { imageCaption } from '@kapitel/editor';
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { figureLabels, givenFigureContext, NO_FIGURE_CONTEXT, type FigureContext } from './figure-context';
import { RELABEL_IMAGES } from './missing-alt';

interface CaptionsState {
  context: FigureContext;
  decorations: DecorationSet;
}

const key = new PluginKey<CaptionsState>('imageCaptions');

function captionElement(caption: string, label: string, number: string | undefined): HTMLElement {
  const element = document.createElement('span');
  element.className = 'editor-image-caption';
  // Heard before the words, so that a screen reader's listener knows they belong to the image above.
  const name = document.createElement('span');
  name.className = 'visually-hidden';
  name.textContent = `${label}: `;
  element.append(name);
  if (number !== undefined) {
    const numbered = document.createElement('span');
    numbered.className = 'editor-figure-number';
    numbered.textContent = `${number}: `;
    element.append(numbered);
  }
  element.append(caption);
  return element;
}

function build(doc: PmNode, label: string, context: FigureContext): DecorationSet {
  const numbers = figureLabels(doc, context);
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    const caption = node.type.name === 'image' ? imageCaption(node.attrs.caption) : '';
    if (caption !== '') {
      const end = pos + node.nodeSize;
      const number = numbers.get(pos);
      // Keyed by words, number and caption: a changed one is drawn anew, an unchanged one kept.
      const spec = { side: -1, key: `caption:${label}:${number ?? ''}:${caption}`, ignoreSelection: true };
      decorations.push(Decoration.widget(end, () => captionElement(caption, label, number), spec));
    }
    // Images are blocks: nothing inside a paragraph needs looking at.
    return !node.isTextblock;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows each image's caption below it, for writers and readers alike, with its number as the
 * PDF prints it ("Abbildung 3: …"): the figures of the sections before (the report's list,
 * figure-context.ts) and those of this text before it. Until the report's figures are known
 * the words stand alone, without a number that might be wrong. A decoration, never part of
 * the document: the caption is an attribute of the image (libs/editor), changed in the
 * image's dialog. Drawn again when the document, the words (RELABEL_IMAGES) or the report's
 * figures change.
 */
export function imageCaptions(label: () => string): Extension {
  return Extension.create({
    name: 'imageCaptions',
    addProseMirrorPlugins() {
      return [
        new Plugin<CaptionsState>({
          key,
          state: {
            init: (_config, state) => ({ context: NO_FIGURE_CONTEXT, decorations: build(state.doc, label(), NO_FIGURE_CONTEXT) }),
            apply: (tr, current) => {
              const context = givenFigureContext(tr) ?? current.context;
              if (context === current.context && !tr.docChanged && tr.getMeta(RELABEL_IMAGES) !== true) {
                return current;
              }
              return { context, decorations: build(tr.doc, label(), context) };
            },
          },
          props: {
            decorations: (state) => key.getState(state)?.decorations,
          },
        }),
      ];
    },
  });
}
