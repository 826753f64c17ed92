import { stateOfJson } from '@kapitel/editor';
import * as Y from 'yjs';
import { addIdsIn, textOfState } from './image-references.js';

const A = '0b7f6c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
const B = 'AAAAAAAA-1111-4222-8333-444444444444';

const idsOf = (state: Uint8Array): Set<string> => {
  const ids = new Set<string>();
  addIdsIn(textOfState(state), ids);
  return ids;
};

describe('ids named by a section state', () => {
  it('finds an image src and a link href, lower-cased', () => {
    const state = stateOfJson({
      type: 'doc',
      content: [
        { type: 'image', attrs: { src: `/api/projects/p/images/${A}`, alt: 'Karte' } },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'siehe',
              marks: [{ type: 'link', attrs: { href: `https://x.example/images/${B}` } }],
            },
          ],
        },
      ],
    });
    expect(idsOf(state)).toEqual(new Set([A, B.toLowerCase()]));
  });

  it('does not count what was deleted from the text', () => {
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(
      doc,
      stateOfJson({
        type: 'doc',
        content: [{ type: 'image', attrs: { src: `/api/projects/p/images/${A}`, alt: '' } }],
      }),
    );
    doc.getXmlFragment('default').delete(0, 1);
    expect(idsOf(Y.encodeStateAsUpdate(doc))).toEqual(new Set());
  });

  it('throws on bytes that are no Yjs state', () => {
    expect(() => textOfState(new Uint8Array([0xff, 0xff, 0xff, 0x01]))).toThrow();
  });
});
