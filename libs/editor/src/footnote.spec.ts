import { contentOfState, stateOfJson } from './content.js';
import { editorSchema } from './extensions.js';
import { FOOTNOTE_MAX_LENGTH, footnoteText } from './footnote.js';

const withNote = (text: unknown) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Die Kommunen sparen Lizenzkosten' },
        { type: 'footnote', attrs: { text } },
        { type: 'text', text: '.' },
      ],
    },
  ],
});

describe('footnotes', () => {
  it('are inline leaves of the schema that keep their text through a Yjs state', () => {
    const json = withNote('KGSt-Bericht 3/2024, S. 12.');
    expect(() => editorSchema().nodeFromJSON(json).check()).not.toThrow();
    const content = contentOfState(stateOfJson(json));
    expect(content.json).toEqual(json);
  });

  it('render as an escaped span in the HTML and in brackets in the plain text', () => {
    const content = contentOfState(stateOfJson(withNote('Quelle <b>fett</b> & Co.')));
    expect(content.html).toContain('<span class="footnote" data-footnote="Quelle &lt;b&gt;fett&lt;/b&gt; &amp; Co.">');
    expect(content.html).not.toContain('<b>');
    expect(content.text).toBe('Die Kommunen sparen Lizenzkosten [Quelle <b>fett</b> & Co.].');
  });

  it('are refused in a block position, where only paragraphs and other blocks may stand', () => {
    const json = { type: 'doc', content: [{ type: 'footnote', attrs: { text: 'lose' } }] };
    expect(() => editorSchema().nodeFromJSON(json).check()).toThrow();
  });
});

describe('footnoteText()', () => {
  it('keeps one line of text within the limit', () => {
    expect(footnoteText('  Zeile eins\n\nZeile\tzwei ')).toBe('Zeile eins Zeile zwei');
    expect(footnoteText('x'.repeat(FOOTNOTE_MAX_LENGTH + 10))).toHaveLength(FOOTNOTE_MAX_LENGTH);
  });

  it('makes anything but a string an empty note', () => {
    expect(footnoteText(undefined)).toBe('');
    expect(footnoteText({ text: 'x' })).toBe('');
  });
});
