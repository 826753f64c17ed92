import { contentOfState, stateOfJson } from './content.js';
import { editorSchema } from './extensions.js';
import { SECTION_REF_TITLE_MAX_LENGTH, sectionRefId, sectionRefTitle } from './section-ref.js';

const TARGET = '0b7a4c1e-5d2f-4e8a-9c3b-6f1d2e3a4b5c';

const withReference = (attrs: Record<string, unknown>) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Zu den Kosten siehe ' },
        { type: 'sectionRef', attrs },
        { type: 'text', text: '.' },
      ],
    },
  ],
});

describe('cross-references (sectionRef)', () => {
  it('are inline leaves of the schema that keep their target and title through a Yjs state', () => {
    const json = withReference({ sectionId: TARGET, title: 'Kosten und Nutzen' });
    expect(() => editorSchema().nodeFromJSON(json).check()).not.toThrow();
    expect(contentOfState(stateOfJson(json)).json).toEqual(json);
  });

  it('render as an escaped span naming the target in the HTML, and by its title in the plain text', () => {
    const content = contentOfState(stateOfJson(withReference({ sectionId: TARGET, title: 'Kosten <b>&</b> Nutzen' })));
    expect(content.html).toContain(
      `<span class="section-ref" data-section-ref="${TARGET}" data-title="Kosten &lt;b&gt;&amp;&lt;/b&gt; Nutzen">→ Kosten &lt;b&gt;&amp;&lt;/b&gt; Nutzen</span>`,
    );
    expect(content.html).not.toContain('<b>');
    expect(content.text).toBe('Zu den Kosten siehe → Kosten <b>&</b> Nutzen.');
  });

  it('are refused in a block position', () => {
    const json = { type: 'doc', content: [{ type: 'sectionRef', attrs: { sectionId: TARGET, title: 'x' } }] };
    expect(() => editorSchema().nodeFromJSON(json).check()).toThrow();
  });
});

describe('sectionRefId() and sectionRefTitle()', () => {
  it('keep a section id in lower case and nothing that is not one', () => {
    expect(sectionRefId(` ${TARGET.toUpperCase()} `)).toBe(TARGET);
    expect(sectionRefId('javascript:alert(1)')).toBe('');
    expect(sectionRefId(42)).toBe('');
  });

  it('keep one line of title within the limit', () => {
    expect(sectionRefTitle('  Kosten\nund\tNutzen ')).toBe('Kosten und Nutzen');
    expect(sectionRefTitle('x'.repeat(SECTION_REF_TITLE_MAX_LENGTH + 5))).toHaveLength(SECTION_REF_TITLE_MAX_LENGTH);
    expect(sectionRefTitle(null)).toBe('');
  });
});
