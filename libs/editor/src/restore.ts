import type { JSONContent } from '@tiptap/core';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { documentOfJson, SECTION_FRAGMENT } from './content.js';

/**
 * The Yjs update that turns the section state `currentState` into the document `json` (a
 * stored version), computed against that state: applied on top of it, the section's
 * `XmlFragment('default')` holds exactly `json`. It is an ordinary edit, so nothing earlier
 * is destroyed and every open editor merges it like anyone's typing.
 *
 * The diff is y-prosemirror's own (`updateYFragment`, what an editor does on each
 * keystroke): blocks that are equal at the start and the end of the document are kept as
 * they are, and a changed paragraph has only its changed characters replaced, so comment
 * anchors (relative positions) in unchanged text keep resolving. Throws when `json` does not
 * fit the editor schema.
 */
export function restoreUpdate(currentState: Uint8Array, json: JSONContent): Uint8Array {
  const target = documentOfJson(json);
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, currentState);
    const before = Y.encodeStateVector(doc);
    updateYFragment(doc, doc.getXmlFragment(SECTION_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
