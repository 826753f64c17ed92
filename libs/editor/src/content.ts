import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { editorExtensions, editorSchema } from './extensions.js';

/** The name of the XmlFragment that holds a section's text in its Yjs document (API.md). */
export const SECTION_FRAGMENT = 'default';

/** A section's content in the three forms the API and the export use. */
export interface SectionContent {
  json: JSONContent;
  html: string;
  text: string;
}

let schema: Schema | undefined;
function sharedSchema(): Schema {
  schema ??= editorSchema();
  return schema;
}

/**
 * The document as the schema requires it: an empty one gets its empty paragraph, and
 * content in a wrong place is wrapped where ProseMirror can; otherwise this throws.
 */
function validDocument(node: ProseMirrorNode): ProseMirrorNode {
  try {
    node.check();
    return node;
  } catch (error) {
    const repaired = node.type.createAndFill(node.attrs, node.content);
    if (!repaired) {
      throw error;
    }
    repaired.check();
    return repaired;
  }
}

/**
 * Renders a section's Yjs state without a DOM. The conversion works on a private copy:
 * y-prosemirror deletes elements the schema does not know from the document it reads, and
 * the live document must only ever change through persisted updates. Throws when the
 * result does not satisfy the schema.
 */
export function contentOfState(state: Uint8Array): SectionContent {
  const node = documentOfState(state);
  return {
    json: node.toJSON() as JSONContent,
    html: renderToHTMLString({ content: node, extensions: editorExtensions() }),
    text: sectionTextOf(node),
  };
}

/**
 * A section's plain text, as `GET …/content` answers it, searched and counted (countWords):
 * blocks apart by an empty line, hard breaks as line breaks; footnotes and image captions as
 * their own leafText says (footnote.ts, image-caption.ts). The '\n' fallback is for hard breaks.
 * ProseMirror's textBetween, plus what it has no way to say: a table's caption
 * (`captionText`, table-caption.ts) as a block of its own before the table's cells.
 */
export function sectionTextOf(node: ProseMirrorNode): string {
  let text = '';
  let first = true;
  node.descendants((child) => {
    const own = child.isText
      ? (child.text ?? '')
      : child.isLeaf
        ? (child.type.spec.leafText?.(child) ?? '\n')
        : ((child.type.spec.captionText as ((table: ProseMirrorNode) => string) | undefined)?.(child) ?? '');
    // As textBetween: a separator before every text block, and before a block with words of its own.
    if (child.isBlock && (child.isTextblock || own !== '')) {
      text += first ? '' : '\n\n';
      first = false;
    }
    text += own;
  });
  return text;
}

/**
 * JSON and plain text of a state, what a stored snapshot or version keeps; throws as
 * contentOfState does. Without the HTML, which costs three quarters of the time: compaction
 * renders every few seconds per busy room (in the server's content thread).
 */
export function storedContentOfState(state: Uint8Array): Pick<SectionContent, 'json' | 'text'> {
  const node = documentOfState(state);
  return { json: node.toJSON() as JSONContent, text: sectionTextOf(node) };
}

/** Only the ProseMirror JSON of a state (the export needs no HTML); throws as contentOfState does. */
export function jsonOfState(state: Uint8Array): JSONContent {
  return documentOfState(state).toJSON() as JSONContent;
}

function documentOfState(state: Uint8Array): ProseMirrorNode {
  const copy = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(copy, state);
    return validDocument(yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(SECTION_FRAGMENT), sharedSchema()));
  } finally {
    copy.destroy();
  }
}

/** A ProseMirror JSON document as a node of the editor schema, repaired like a rendered state; throws when it does not fit. */
export function documentOfJson(json: JSONContent): ProseMirrorNode {
  return validDocument(sharedSchema().nodeFromJSON(json));
}

/** The Yjs state of a document given as ProseMirror JSON (templates, restores, tests). */
export function stateOfJson(json: JSONContent): Uint8Array {
  const doc = prosemirrorJSONToYDoc(sharedSchema(), json, SECTION_FRAGMENT);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
