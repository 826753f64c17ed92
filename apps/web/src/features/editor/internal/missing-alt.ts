import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

const key = new PluginKey<DecorationSet>('missingAlt');

/** A transaction's meta that has every mark on images drawn again (new words). */
export const RELABEL_IMAGES = 'relabelImages';

/** The words of the marks on images, in the page's language. */
export interface ImageLabels {
  /** The badge on an image without alternative text. */
  missingAlt: string;
  /** Said before a caption to screen readers ("Bildunterschrift"). */
  caption: string;
}

/** True for an image node about whose alternative text nobody has decided yet (alt="" is decorative: decided). */
export function lacksAlt(node: PmNode): boolean {
  // Both: an attribute that was never set is undefined in some paths, null in others.
  const alt = node.attrs.alt as unknown;
  return node.type.name === 'image' && (alt === null || alt === undefined);
}

function badge(label: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'editor-image-badge';
  // The image itself carries the words for screen readers (its name until it has an alt).
  element.setAttribute('aria-hidden', 'true');
  element.textContent = label;
  return element;
}

function build(doc: PmNode, label: string): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (lacksAlt(node)) {
      const end = pos + node.nodeSize;
      decorations.push(
        Decoration.node(pos, end, { class: 'editor-image--no-alt', 'aria-label': label }),
        // Keyed by the words, so that a change of language draws the badge anew. Right below
        // the image (side -2), before its caption (image-captions.ts, side -1).
        Decoration.widget(end, () => badge(label), { side: -2, key: `missing-alt:${label}`, ignoreSelection: true }),
      );
    }
    // Images are blocks: nothing inside a paragraph needs looking at.
    return !node.isTextblock;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Marks every image without a decision about its alternative text: a frame and the badge
 * "Alternativtext fehlt" below it, and those words as the image's name for screen readers
 * (an image without alt would be read by its address). Decorations only, never part of the
 * document. Computed again only when the document changes.
 */
export function missingAltMarks(label: () => string): Extension {
  return imageMarks('missingAltMarks', key, build, label);
}

/**
 * An extension of decorations on images, built from the document and words in the page's
 * language: computed again when the document changes or the words do (RELABEL_IMAGES).
 */
export function imageMarks(
  name: string,
  pluginKey: PluginKey<DecorationSet>,
  draw: (doc: PmNode, label: string) => DecorationSet,
  label: () => string,
): Extension {
  return Extension.create({
    name,
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key: pluginKey,
          state: {
            init: (_config, state) => draw(state.doc, label()),
            apply: (transaction, current) =>
              transaction.docChanged || transaction.getMeta(RELABEL_IMAGES) === true ? draw(transaction.doc, label()) : current,
          },
          props: {
            decorations: (state: EditorState) => pluginKey.getState(state),
          },
        }),
      ];
    },
  });
}

/** Draws the badges and captions again (in the language now chosen). */
export function relabelImageMarks(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(RELABEL_IMAGES, true).setMeta('addToHistory', false));
}
