import { imageCaption } from '@kapitel/editor';
import { type Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { imageMarks } from './missing-alt';

const key = new PluginKey<DecorationSet>('imageCaptions');

function captionElement(caption: string, label: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'editor-image-caption';
  // Heard before the words, so that a screen reader's listener knows they belong to the image above.
  const name = document.createElement('span');
  name.className = 'visually-hidden';
  name.textContent = `${label}: `;
  element.append(name, caption);
  return element;
}

function build(doc: PmNode, label: string): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    const caption = node.type.name === 'image' ? imageCaption(node.attrs.caption) : '';
    if (caption !== '') {
      const end = pos + node.nodeSize;
      // Keyed by words and caption: a changed caption or language is drawn anew, an unchanged one kept.
      const spec = { side: -1, key: `caption:${label}:${caption}`, ignoreSelection: true };
      decorations.push(Decoration.widget(end, () => captionElement(caption, label), spec));
    }
    // Images are blocks: nothing inside a paragraph needs looking at.
    return !node.isTextblock;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows each image's caption below it, for writers and readers alike (the PDF prints it as
 * "Abbildung N: …"; the number is the report's, which a section does not know, so the
 * editor shows the words alone). A decoration, never part of the document: the caption is
 * an attribute of the image (libs/editor), changed in the image's dialog.
 */
export function imageCaptions(label: () => string): Extension {
  return imageMarks('imageCaptions', key, build, label);
}
