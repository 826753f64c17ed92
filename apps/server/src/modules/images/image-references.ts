import { SECTION_FRAGMENT } from '@kapitel/editor';
import * as Y from 'yjs';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Adds every UUID written anywhere in `text` to `ids`, lower-cased. Deliberately wider than
 * "the src of an image node": an image's id counts wherever it stands (an image node, a
 * full URL, a link, even typed text), so that a use we did not foresee keeps the image.
 */
export function addIdsIn(text: string, ids: Set<string>): void {
  for (const match of text.matchAll(UUID)) {
    ids.add(match[0].toLowerCase());
  }
}

/**
 * Every string of the current text of a section's Yjs state: each element's attributes
 * (an image's `src`) and each text run with its marks (a link's `href`), as JSON. Read from
 * the Yjs tree itself, not through the editor schema, so that content the schema would drop
 * or fail on still counts; deleted content does not (it is not in the tree any more).
 * Throws when the state cannot be read.
 */
export function textOfState(state: Uint8Array): string {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    const parts: string[] = [];
    // Depth-first with a stack of its own: a hostile document's nesting cannot overflow the call stack.
    const stack: Array<Y.XmlFragment | Y.XmlElement> = [doc.getXmlFragment(SECTION_FRAGMENT)];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node instanceof Y.XmlElement) {
        parts.push(JSON.stringify(node.getAttributes()));
      }
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlText) {
          parts.push(JSON.stringify(child.toDelta()));
        } else if (child instanceof Y.XmlElement) {
          stack.push(child);
        }
      }
    }
    return parts.join('\n');
  } finally {
    doc.destroy();
  }
}
