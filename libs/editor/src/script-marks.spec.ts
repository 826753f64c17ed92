import { contentOfState, stateOfJson } from './content.js';
import { editorSchema } from './extensions.js';

describe('superscript and subscript', () => {
  const schema = editorSchema();

  it('exclude each other: a character is raised or lowered, not both', () => {
    const superscript = schema.marks.superscript?.create();
    const subscript = schema.marks.subscript?.create();
    expect(superscript && subscript && superscript.type.excludes(subscript.type)).toBe(true);
    expect(superscript && subscript && subscript.type.excludes(superscript.type)).toBe(true);
  });

  it('are read from the tags and from vertical-align, and not from other alignments', () => {
    const rules = schema.marks.superscript?.spec.parseDOM ?? [];
    expect(rules.some((rule) => 'tag' in rule && rule.tag === 'sup')).toBe(true);
    const style = rules.find((rule) => 'style' in rule);
    const read = (value: string): unknown => (style && 'getAttrs' in style ? style.getAttrs?.(value) : undefined);
    expect(read('super')).toBeNull();
    expect(read(' SUPER ')).toBeNull();
    expect(read('baseline')).toBe(false);
    expect(read('sub')).toBe(false);
  });

  it('are rendered as sup and sub in the server’s HTML, and read plainly in its text', () => {
    const state = stateOfJson({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '120 m' },
            { type: 'text', text: '2', marks: [{ type: 'superscript' }] },
            { type: 'text', text: ', CO' },
            { type: 'text', text: '2', marks: [{ type: 'subscript' }] },
          ],
        },
      ],
    });
    const content = contentOfState(state);
    expect(content.html).toBe('<p>120 m<sup>2</sup>, CO<sub>2</sub></p>');
    expect(content.text).toBe('120 m2, CO2');
  });
});
