import * as Y from 'yjs';
import { contentOfState, SECTION_FRAGMENT, stateOfJson, storedContentOfState } from './content.js';

const DOC = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ausgangslage' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Die Stadt nutzt ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'Open Source' },
        { type: 'text', text: ' <script>alert(1)</script>' },
      ],
    },
  ],
};

describe('section content', () => {
  it('renders a Yjs state as ProseMirror JSON, escaped HTML and plain text', () => {
    const content = contentOfState(stateOfJson(DOC));
    expect(content.json).toMatchObject({ type: 'doc', content: [{ type: 'heading' }, { type: 'paragraph' }] });
    expect(content.html).toContain('<h2>Ausgangslage</h2>');
    expect(content.html).toContain('<strong>Open Source</strong>');
    expect(content.html).toContain('&lt;script&gt;');
    expect(content.html).not.toContain('<script>');
    expect(content.text).toBe('Ausgangslage\n\nDie Stadt nutzt Open Source <script>alert(1)</script>');
  });

  it('gives a snapshot the same JSON and text as the full rendering, without the HTML', () => {
    const state = stateOfJson(DOC);
    const { json, text } = contentOfState(state);
    expect(storedContentOfState(state)).toEqual({ json, text });
  });

  it('renders an empty document as a document with one empty paragraph', () => {
    const content = contentOfState(Y.encodeStateAsUpdate(new Y.Doc()));
    expect(content.text).toBe('');
    expect(content.json).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('leaves the given state untouched when the document holds elements the schema does not know', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
    const unknown = new Y.XmlElement('marquee');
    unknown.insert(0, [new Y.XmlText('blink')]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('bleibt')]);
    fragment.insert(0, [unknown, paragraph]);
    const state = Y.encodeStateAsUpdate(doc);
    const before = Buffer.from(state).toString('hex');
    const content = contentOfState(state);
    expect(content.text).toBe('bleibt');
    expect(Buffer.from(state).toString('hex')).toBe(before);
    expect(fragment.length).toBe(2);
  });
});
