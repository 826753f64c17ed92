import { editorSchema, isAllowedHref } from './index.js';

describe('editorSchema()', () => {
  const schema = editorSchema();

  it('has the blocks a report needs', () => {
    for (const node of ['doc', 'paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote',
      'table', 'tableRow', 'tableHeader', 'tableCell', 'image', 'hardBreak', 'text']) {
      expect({ node, present: node in schema.nodes }).toEqual({ node, present: true });
    }
  });

  it('has the marks a report needs, and no inline code', () => {
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'link', 'strike', 'subscript', 'superscript', 'underline']);
  });

  it('does not stretch a link over what is typed right after it', () => {
    expect(schema.marks.link?.spec.inclusive).toBe(false);
  });

  it('validates a document and rejects a node it does not know', () => {
    const good = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ausgangslage' }] }] };
    expect(() => schema.nodeFromJSON(good).check()).not.toThrow();
    expect(() => schema.nodeFromJSON({ type: 'doc', content: [{ type: 'script' }] })).toThrow();
  });
});

describe('isAllowedHref()', () => {
  it.each(['https://example.org/a?b=c', 'http://kommune.de', 'mailto:info@kommune.de'])('allows %s', (href) => {
    expect(isAllowedHref(href)).toBe(true);
  });

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '/relative', 'ftp://x.org', ''])(
    'refuses %s',
    (href) => {
      expect(isAllowedHref(href)).toBe(false);
    },
  );
});
