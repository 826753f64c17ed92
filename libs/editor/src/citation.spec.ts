import {
  spaceBeforeCitation,
  CITATION_LOCATOR_MAX_LENGTH,
  citationLocator,
  citationShown,
  citationSourceId,
  citationText,
  citedSourceIds,
  storedCitationText,
} from './citation.js';
import { contentOfState, stateOfJson } from './content.js';
import { editorSchema } from './extensions.js';

const SOURCE = '3c2b1a09-8f7e-4d6c-9b5a-0e1f2a3b4c5d';

const withCitation = (attrs: Record<string, unknown>) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Viele Kommunen nutzen Open Source ' },
        { type: 'citation', attrs },
        { type: 'text', text: '.' },
      ],
    },
  ],
});

describe('citations', () => {
  it('are inline leaves of the schema that keep source, label and locator through a Yjs state', () => {
    const json = withCitation({ sourceId: SOURCE, label: 'KGSt 2023', locator: 'S. 12', prefix: 'vgl.' });
    expect(() => editorSchema().nodeFromJSON(json).check()).not.toThrow();
    expect(contentOfState(stateOfJson(json)).json).toEqual(json);
  });

  it('render as an escaped span in the HTML and as "(label, locator)" in the plain text', () => {
    const content = contentOfState(stateOfJson(withCitation({ sourceId: SOURCE, label: 'A <b>&</b> B 2020', locator: 'S. 3', prefix: '' })));
    expect(content.html).toContain(
      `<span class="citation" data-citation="${SOURCE}" data-label="A &lt;b&gt;&amp;&lt;/b&gt; B 2020" data-locator="S. 3" data-prefix="">(A &lt;b&gt;&amp;&lt;/b&gt; B 2020, S. 3)</span>`,
    );
    expect(content.text).toBe('Viele Kommunen nutzen Open Source (A <b>&</b> B 2020, S. 3).');
  });

  it('are refused in a block position', () => {
    const json = { type: 'doc', content: [{ type: 'citation', attrs: { sourceId: SOURCE, label: 'x', locator: '' } }] };
    expect(() => editorSchema().nodeFromJSON(json).check()).toThrow();
  });
});

describe('citation attributes', () => {
  it('keep a source id in lower case and nothing that is not one', () => {
    expect(citationSourceId(` ${SOURCE.toUpperCase()} `)).toBe(SOURCE);
    expect(citationSourceId('../etc/passwd')).toBe('');
    expect(citationSourceId(undefined)).toBe('');
  });

  it('keep one line of locator within the limit', () => {
    expect(citationLocator(' S.\n12 ')).toBe('S. 12');
    expect(citationLocator('9'.repeat(CITATION_LOCATOR_MAX_LENGTH + 1))).toHaveLength(CITATION_LOCATOR_MAX_LENGTH);
    expect(citationLocator({})).toBe('');
  });

  it('keep an abbreviation with its number when shown, never the plain text', () => {
    expect(citationShown('KGSt 2023', 'S. 12–14, Kap. 3 und Anhang')).toBe('(KGSt 2023, S.\u00A012–14, Kap.\u00A03 und Anhang)');
    expect(citationText('KGSt 2023', 'S. 12')).toBe('(KGSt 2023, S. 12)');
    expect(citationShown('OZG 2017', '§ 3 Abs. 2')).toBe('(OZG 2017, §\u00A03 Abs.\u00A02)');
  });

  it('put what stands before the source first, when there is something', () => {
    expect(citationText('KGSt 2023', 'S. 12', ' vgl. ')).toBe('(vgl. KGSt 2023, S. 12)');
    expect(citationShown('KGSt 2023', '', 'siehe')).toBe('(siehe KGSt 2023)');
    expect(storedCitationText({ label: 'KGSt 2023', locator: '', prefix: 42 })).toBe('(KGSt 2023)');
  });

  it('print the locator only when there is one', () => {
    expect(citationText('KGSt 2023', 'S. 12')).toBe('(KGSt 2023, S. 12)');
    expect(citationText('KGSt 2023', ' ')).toBe('(KGSt 2023)');
  });
});

describe('spaceBeforeCitation()', () => {
  it('asks for a space after a word, a number or closing punctuation', () => {
    expect(['l', 'ß', '3', ')', '“', '.', ',', '–'].map(spaceBeforeCitation)).toEqual(Array(8).fill(true));
  });

  it('asks for none at a paragraph\'s start, after a space or a hyphen, or after an opening bracket or quote', () => {
    expect(['', ' ', '\u00A0', '(', '[', '„', '‚', '"', '/', '-'].map(spaceBeforeCitation)).toEqual(Array(10).fill(false));
  });
});

describe('citedSourceIds()', () => {
  const cite = (sourceId: unknown) => ({ type: 'citation', attrs: { sourceId, label: '', locator: '' } });

  it('finds citations at any depth, lower-cased, and nothing that is no source id', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [cite(SOURCE.toUpperCase()), cite(''), cite(7), cite('b')] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [cite(SOURCE)] }] }] }] },
        { type: 'sectionRef', attrs: { sourceId: SOURCE.replace('3', '4') } },
      ],
    };
    expect([...citedSourceIds(json)]).toEqual([SOURCE]);
    expect(citedSourceIds(null).size).toBe(0);
  });

  it('walks a document nested far deeper than the call stack would allow', () => {
    let node: Record<string, unknown> = cite(SOURCE);
    for (let depth = 0; depth < 100_000; depth += 1) {
      node = { type: 'blockquote', content: [node] };
    }
    expect([...citedSourceIds(node)]).toEqual([SOURCE]);
  });
});
