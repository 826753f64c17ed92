import { getText, getTextSerializersFromSchema } from '@tiptap/core';
import { editorSchema } from './extensions.js';

const ID = '3c2b1a09-8f7e-4d6c-9b5a-0e1f2a3b4c5d';

describe('text copied from the editor', () => {
  it('keeps citations, footnotes and cross-references in the words of the plain text', () => {
    const schema = editorSchema();
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Laut Studie' },
            { type: 'footnote', attrs: { text: 'Stand 2024.' } },
            { type: 'text', text: ' ' },
            { type: 'citation', attrs: { sourceId: ID, label: 'KGSt 2023', locator: 'S. 12' } },
            { type: 'text', text: ', siehe ' },
            { type: 'sectionRef', attrs: { sectionId: ID, title: 'Kosten' } },
            { type: 'text', text: ' und ' },
            { type: 'figureRef', attrs: { figureId: ID, kind: 'table', caption: 'Ausgaben' } },
            { type: 'text', text: '.' },
          ],
        },
      ],
    });
    // Tiptap's clipboard text serializer is getText() with the schema's serializers.
    expect(getText(doc, { textSerializers: getTextSerializersFromSchema(schema) })).toBe(
      'Laut Studie [Stand 2024.] (KGSt 2023, S. 12), siehe → Kosten und → Ausgaben.',
    );
  });
});
