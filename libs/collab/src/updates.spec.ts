import * as Y from 'yjs';
import { ProtocolError } from './protocol.js';
import { inspectUpdate } from './updates.js';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment('default').insert(0, [new Y.XmlText(text)]);
  return doc;
}

describe('inspectUpdate()', () => {
  it('accepts a V1 update with content', () => {
    expect(inspectUpdate(Y.encodeStateAsUpdate(docWithText('Hallo')))).toEqual({ hasContent: true });
  });

  it('reports an update without structs or deletions as empty', () => {
    expect(inspectUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ hasContent: false });
  });

  it('counts a pure deletion as content', () => {
    const doc = docWithText('Hallo');
    const before = Y.encodeStateVector(doc);
    (doc.getXmlFragment('default').get(0) as Y.XmlText).delete(0, 2);
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc, before))).toEqual({ hasContent: true });
  });

  it.each([
    ['a V2-encoded update', Y.encodeStateAsUpdateV2(docWithText('Hallo Welt'))],
    ['a truncated update', Y.encodeStateAsUpdate(docWithText('Hallo Welt')).slice(0, -3)],
    ['trailing bytes', new Uint8Array([...Y.encodeStateAsUpdate(docWithText('Hallo')), 7, 7, 7])],
    ['random bytes', new Uint8Array([200, 13, 77, 5, 1, 99, 250, 4, 8, 15, 16, 23, 42])],
  ])('refuses %s', (_name, bytes) => {
    expect(() => inspectUpdate(bytes)).toThrow(ProtocolError);
  });
});
