import type { UploadedImage } from '@kapitel/domain';
import { imageCaption } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** Where an image goes into the text, where it is found again, and where the cursor goes after it. */

/** An image of the text, as the dialog for its alternative text names it. */
export interface ImageAt {
  src: string;
  alt: string | null;
  /** Where it stood when the dialog opened; -1 for nowhere in particular. */
  pos: number;
}

const isImage = (node: PmNode | null | undefined, src: string): node is PmNode =>
  node?.type.name === 'image' && node.attrs.src === src;

/**
 * After inserting a block image ProseMirror leaves the image itself selected, so that the
 * next key typed (or the next paste) would replace it. The cursor goes into the paragraph
 * after it instead, a new empty one when none follows.
 */
export function writeOnAfterImage(editor: Editor): void {
  const { state } = editor;
  const { selection } = state;
  const paragraph = state.schema.nodes.paragraph;
  if (
    !(selection instanceof NodeSelection) ||
    selection.node.type.name !== 'image' ||
    paragraph === undefined
  ) {
    return;
  }
  const after = selection.to;
  const transaction = state.tr;
  if (state.doc.resolve(after).nodeAfter?.isTextblock !== true) {
    transaction.insert(after, paragraph.create());
  }
  editor.view.dispatch(
    transaction.setSelection(TextSelection.create(transaction.doc, after + 1)).scrollIntoView(),
  );
}

/** Keeps a drop onto a read-only text from the browser (see ImageUploads.extensions()); true when refused. */
export function refuseDrop(view: EditorView, event: DragEvent): boolean {
  if (view.editable) {
    return false;
  }
  event.preventDefault();
  if (event.type === 'dragover' && event.dataTransfer !== null) {
    event.dataTransfer.dropEffect = 'none';
  }
  return true;
}

/**
 * Where the image is now: still selected (the usual case; others' edits move the
 * selection along), still at its place, or else the image with its src and alt nearest
 * the cursor (the same bytes uploaded twice are one image, so a src may be there twice).
 */
export function findImage(editor: Editor, image: ImageAt): number | null {
  const { doc, selection } = editor.state;
  if (selection instanceof NodeSelection && isImage(selection.node, image.src)) {
    return selection.from;
  }
  if (image.pos >= 0 && image.pos < doc.content.size && isImage(doc.nodeAt(image.pos), image.src)) {
    return image.pos;
  }
  let found: number | null = null;
  doc.descendants((node, pos) => {
    const nearer = found === null || Math.abs(pos - selection.from) < Math.abs(found - selection.from);
    if (nearer && isImage(node, image.src) && node.attrs.alt === image.alt) {
      found = pos;
    }
    return !node.isTextblock;
  });
  return found;
}

/** Inserts an uploaded image at the cursor (after a selected image, never in its place); false when the editor refused. */
export function insertImage(
  editor: Editor,
  uploaded: UploadedImage,
  alt: string | null,
  caption = '',
): boolean {
  const attrs = {
    src: uploaded.src,
    alt,
    width: uploaded.width,
    height: uploaded.height,
    caption: imageCaption(caption) || null,
  };
  const content = { type: 'image', attrs };
  const { selection } = editor.state;
  const done =
    selection instanceof NodeSelection
      ? editor.chain().insertContentAt(selection.to, content).run()
      : editor.chain().insertContent(content).run();
  if (done) {
    writeOnAfterImage(editor);
  }
  return done;
}
