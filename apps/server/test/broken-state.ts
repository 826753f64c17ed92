import { SECTION_FRAGMENT } from '@kapitel/editor';
import * as Y from 'yjs';

/**
 * A Yjs state whose text the editor schema cannot take: a list item directly in the document
 * (other misplaced nodes, such as nested paragraphs, are repaired when rendered).
 */
export function stateNotFittingTheSchema(): Uint8Array {
  const doc = new Y.Doc();
  const item = new Y.XmlElement('listItem');
  const inner = new Y.XmlElement('paragraph');
  inner.insert(0, [new Y.XmlText('lose')]);
  item.insert(0, [inner]);
  doc.getXmlFragment(SECTION_FRAGMENT).insert(0, [item]);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
