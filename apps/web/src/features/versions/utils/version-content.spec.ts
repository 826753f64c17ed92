import { describe, expect, it } from '@jest/globals';
import { footnotesOf, isBlank, toViewNodes } from './version-content';

const text = (value: string, marks: unknown[] = []) => ({ type: 'text', text: value, marks });

describe('toViewNodes()', () => {
  it('keeps paragraphs, headings, lists and their text', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [text('Ziele')] },
        { type: 'paragraph', content: [text('Erster '), text('Satz', [{ type: 'bold' }])] },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Punkt')] }] }],
        },
      ],
    };
    expect(toViewNodes(doc)).toEqual([
      { kind: 'heading', level: 3, children: [{ kind: 'text', text: 'Ziele', marks: [] }] },
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'Erster ', marks: [] },
          { kind: 'text', text: 'Satz', marks: [{ kind: 'bold' }] },
        ],
      },
      {
        kind: 'orderedList',
        start: 3,
        children: [
          {
            kind: 'listItem',
            children: [{ kind: 'paragraph', children: [{ kind: 'text', text: 'Punkt', marks: [] }] }],
          },
        ],
      },
    ]);
  });

  it('marks linked text as a link but keeps no address, whatever its scheme', () => {
    const doc = {
      type: 'paragraph',
      content: [text('hier', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'italic' }])],
    };
    expect(toViewNodes(doc)).toEqual([
      {
        kind: 'paragraph',
        children: [{ kind: 'text', text: 'hier', marks: [{ kind: 'link' }, { kind: 'italic' }] }],
      },
    ]);
  });

  it('keeps superscript and subscript, so that m² and CO₂ read as written', () => {
    const doc = {
      type: 'paragraph',
      content: [text('m'), text('2', [{ type: 'superscript' }]), text(' CO'), text('2', [{ type: 'subscript' }])],
    };
    expect(toViewNodes(doc)).toEqual([
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'm', marks: [] },
          { kind: 'text', text: '2', marks: [{ kind: 'superscript' }] },
          { kind: 'text', text: ' CO', marks: [] },
          { kind: 'text', text: '2', marks: [{ kind: 'subscript' }] },
        ],
      },
    ]);
  });

  it('shows cross-references by the title or caption they kept', () => {
    const refs = [
      { type: 'sectionRef', attrs: { sectionId: 'x', title: 'Kosten' } },
      { type: 'figureRef', attrs: { figureId: 'y', kind: 'table', caption: 'Ausgaben 2025' } },
    ];
    expect(toViewNodes({ type: 'doc', content: [{ type: 'paragraph', content: refs }] })).toEqual([
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: '→ Kosten', marks: [] },
          { kind: 'text', text: '→ Ausgaben 2025', marks: [] },
        ],
      },
    ]);
  });

  it('shows a citation as it read when the version was stored', () => {
    const citation = { type: 'citation', attrs: { sourceId: 'x', label: 'KGSt 2023', locator: 'S.\n12' } };
    expect(toViewNodes({ type: 'doc', content: [{ type: 'paragraph', content: [text('Laut '), citation] }] })).toEqual([
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'Laut ', marks: [] },
          { kind: 'text', text: '(KGSt 2023, S. 12)', marks: [] },
        ],
      },
    ]);
  });

  it('keeps the text of unknown nodes and drops unknown marks and attributes', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'script', attrs: { onload: 'x' }, content: [text('<b>Text</b>', [{ type: 'evil' }])] },
      ],
    };
    expect(toViewNodes(doc)).toEqual([{ kind: 'text', text: '<b>Text</b>', marks: [] }]);
  });

  it('keeps an image\'s caption as one line of text, and none for an empty or wrong one', () => {
    const image = (caption: unknown) => ({ type: 'image', attrs: { src: '/x.png', alt: 'Diagramm', caption } });
    const doc = { type: 'doc', content: [image('Anteil offener Software,\n 2025'), image('  '), image({ text: 'x' })] };
    expect(toViewNodes(doc)).toEqual([
      { kind: 'image', alt: 'Diagramm', caption: 'Anteil offener Software, 2025' },
      { kind: 'image', alt: 'Diagramm', caption: '' },
      { kind: 'image', alt: 'Diagramm', caption: '' },
    ]);
  });

  it('shows images by their description only and checks heading levels and table spans', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'image', attrs: { src: 'https://tracker.example/x.png', alt: 'Karte' } },
        { type: 'heading', attrs: { level: 1 }, content: [] },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 0, rowspan: 2 } }] },
          ],
        },
      ],
    };
    expect(toViewNodes(doc)).toEqual([
      { kind: 'image', alt: 'Karte', caption: '' },
      { kind: 'heading', level: 2, children: [] },
      {
        kind: 'table',
        caption: '',
        children: [
          {
            kind: 'tableRow',
            children: [{ kind: 'cell', header: true, colspan: 1, rowspan: 2, children: [] }],
          },
        ],
      },
    ]);
  });

  it('keeps a table\'s caption as one line of text, and none for blanks or anything but a string', () => {
    const table = (caption: unknown) => ({ type: 'table', attrs: { caption }, content: [] });
    const doc = { type: 'doc', content: [table(' Kosten\n je  Einwohner '), table('  '), table(7), { type: 'table', content: [] }] };
    expect(toViewNodes(doc)).toEqual([
      { kind: 'table', caption: 'Kosten je Einwohner', children: [] },
      { kind: 'table', caption: '', children: [] },
      { kind: 'table', caption: '', children: [] },
      { kind: 'table', caption: '', children: [] },
    ]);
  });

  it('numbers footnotes in the order of the text, through tables and lists, and drops empty ones', () => {
    const note = (value: unknown) => ({ type: 'footnote', attrs: { text: value } });
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('Kosten'), note(' Quelle A '), note(''), note(42)] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [note('Quelle B')] }] }] },
      ],
    };
    const nodes = toViewNodes(doc);
    expect(nodes[0]).toEqual({ kind: 'paragraph', children: [{ kind: 'text', text: 'Kosten', marks: [] }, { kind: 'footnote', number: 1, text: 'Quelle A' }] });
    expect(footnotesOf(nodes)).toEqual([
      { number: 1, text: 'Quelle A' },
      { number: 2, text: 'Quelle B' },
    ]);
  });

  it('gives nothing for an answer that is not a document', () => {
    expect(toViewNodes(null)).toEqual([]);
    expect(toViewNodes('<p>x</p>')).toEqual([]);
  });
});

describe('isBlank()', () => {
  it('calls a document with only empty paragraphs blank, and one with text or an image not', () => {
    expect(
      isBlank(toViewNodes({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'hardBreak' }] })),
    ).toBe(true);
    expect(
      isBlank(toViewNodes({ type: 'doc', content: [{ type: 'paragraph', content: [text('a')] }] })),
    ).toBe(false);
    expect(isBlank(toViewNodes({ type: 'doc', content: [{ type: 'image', attrs: { alt: '' } }] }))).toBe(
      false,
    );
  });
});
