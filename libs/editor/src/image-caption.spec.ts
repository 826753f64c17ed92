import type { JSONContent } from '@tiptap/core';
import { contentOfState, stateOfJson, storedContentOfState } from './content.js';
import { editorSchema } from './extensions.js';
import { IMAGE_CAPTION_MAX_LENGTH, imageCaption } from './image-caption.js';

const SRC = '/api/projects/11111111-1111-4111-8111-111111111111/images/22222222-2222-4222-8222-222222222222';

const withImage = (attrs: Record<string, unknown>) => ({
  type: 'doc',
  content: [{ type: 'image', attrs: { src: SRC, alt: 'Balkendiagramm', ...attrs } }, { type: 'paragraph' }],
});

describe('an image caption', () => {
  it('is an attribute of the image that a Yjs state keeps', () => {
    const json = withImage({ title: null, width: 640, height: 480, caption: 'Anteil offener Software in den Kommunen, 2025', figureId: '' });
    expect(() => editorSchema().nodeFromJSON(json).check()).not.toThrow();
    expect(contentOfState(stateOfJson(json)).json).toEqual(json);
  });

  it('is absent (null) from images written before captions, whose HTML stays as it was', () => {
    const content = contentOfState(stateOfJson(withImage({})));
    expect(content.json.content?.[0]?.attrs).toMatchObject({ src: SRC, alt: 'Balkendiagramm', caption: null });
    expect(content.html).toBe(`<img src="${SRC}" alt="Balkendiagramm"/><p></p>`);
  });

  it('is written escaped into the HTML as the image\'s data-caption, and left out when empty', () => {
    const { html } = contentOfState(stateOfJson(withImage({ caption: 'Quelle: <b>KGSt</b> & "Land"' })));
    expect(html).toContain(`<img src="${SRC}" alt="Balkendiagramm" data-caption="Quelle: &lt;b&gt;KGSt&lt;/b&gt; &amp; &quot;Land&quot;"/>`);
    expect(html).not.toContain('<b>');
    expect(contentOfState(stateOfJson(withImage({ caption: '  ' }))).html).toBe(`<img src="${SRC}" alt="Balkendiagramm"/><p></p>`);
  });

  // Parsing needs a DOM, which unit tests lack: test/browser/captions.e2e-spec.ts pastes both kinds in Chromium.
  it('is looked for in a pasted figure before the plain image rule applies', () => {
    const rules = editorSchema().nodes.image.spec.parseDOM ?? [];
    expect(rules.map((rule) => ('tag' in rule ? rule.tag : null))).toEqual(['figure', 'img[src]:not([src^="data:"])']);
  });
});

describe('the plain text of a section with images', () => {
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const image = (caption: unknown) => ({ type: 'image', attrs: { src: SRC, alt: 'Balkendiagramm', caption } });
  const textOf = (...content: JSONContent[]) => contentOfState(stateOfJson({ type: 'doc', content })).text;

  it('has a caption as a block of its own where its image stands', () => {
    expect(textOf(paragraph('Vor dem Bild.'), image('Anteil offener Software, 2025'), paragraph('Nach dem Bild.'))).toBe(
      'Vor dem Bild.\n\nAnteil offener Software, 2025\n\nNach dem Bild.',
    );
    expect(textOf(image('Erste Abbildung'), image('Zweite Abbildung'))).toBe('Erste Abbildung\n\nZweite Abbildung');
  });

  it('has nothing, not even an empty line, for an image without a caption', () => {
    expect(textOf(paragraph('Vor dem Bild.'), image(null), paragraph('Nach dem Bild.'))).toBe('Vor dem Bild.\n\nNach dem Bild.');
    expect(textOf(image('   '), paragraph('Nur Text.'))).toBe('Nur Text.');
    expect(textOf(image(null))).toBe('');
  });

  it('has the caption as stored: one line, within the limit, its characters as typed', () => {
    const long = 'x'.repeat(IMAGE_CAPTION_MAX_LENGTH + 10);
    expect(textOf(image(long))).toBe('x'.repeat(IMAGE_CAPTION_MAX_LENGTH));
    expect(textOf(image('Quelle: <b>KGSt</b> & "Land"'))).toBe('Quelle: <b>KGSt</b> & "Land"');
  });

  it('has a caption inside a list, a quote or a table cell as a block there', () => {
    const list = { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Punkt'), image('Im Punkt')] }] };
    const quote = { type: 'blockquote', content: [image('Im Zitat')] };
    const table = {
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [image('In der Zelle')] }] }],
    };
    expect(textOf(list, quote, table)).toBe('Punkt\n\nIm Punkt\n\nIm Zitat\n\nIn der Zelle');
  });

  it('keeps hard breaks as line breaks and footnotes in brackets beside a captioned image', () => {
    const lines = {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Zeile eins' },
        { type: 'hardBreak' },
        { type: 'text', text: 'Zeile zwei' },
        { type: 'footnote', attrs: { text: 'KGSt 2024' } },
      ],
    };
    expect(textOf(lines, image('Abbildung'))).toBe('Zeile eins\nZeile zwei [KGSt 2024]\n\nAbbildung');
  });

  it('is the same in a snapshot (storedContentOfState) as in the full rendering', () => {
    const state = stateOfJson({ type: 'doc', content: [paragraph('Text'), image('Mit Unterschrift'), image(null)] });
    expect(storedContentOfState(state).text).toBe('Text\n\nMit Unterschrift');
    expect(storedContentOfState(state).text).toBe(contentOfState(state).text);
  });
});

describe('imageCaption()', () => {
  it('keeps one line of text within the limit', () => {
    expect(imageCaption('  Abbildung\nmit\tZeilen  ')).toBe('Abbildung mit Zeilen');
    expect(imageCaption('x'.repeat(IMAGE_CAPTION_MAX_LENGTH + 10))).toHaveLength(IMAGE_CAPTION_MAX_LENGTH);
  });

  it('makes anything but a string no caption', () => {
    expect(imageCaption(null)).toBe('');
    expect(imageCaption(42)).toBe('');
  });
});
