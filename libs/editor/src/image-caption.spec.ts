import { contentOfState, stateOfJson } from './content.js';
import { editorSchema } from './extensions.js';
import { IMAGE_CAPTION_MAX_LENGTH, imageCaption } from './image-caption.js';

const SRC = '/api/projects/11111111-1111-4111-8111-111111111111/images/22222222-2222-4222-8222-222222222222';

const withImage = (attrs: Record<string, unknown>) => ({
  type: 'doc',
  content: [{ type: 'image', attrs: { src: SRC, alt: 'Balkendiagramm', ...attrs } }, { type: 'paragraph' }],
});

describe('an image caption', () => {
  it('is an attribute of the image that a Yjs state keeps', () => {
    const json = withImage({ title: null, width: 640, height: 480, caption: 'Anteil offener Software in den Kommunen, 2025' });
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
