import { contentOfState, stateOfJson } from './content.js';
import { editorSchema } from './extensions.js';
import { figureId, figureKindOf, figuresNeedingIds, figuresOf } from './figure-id.js';
import { figureRefCaption, figureRefKind } from './figure-ref.js';

const CHART = '0b7a4c1e-5d2f-4e8a-9c3b-6f1d2e3a4b5c';
const COSTS = '1c8b5d2f-6e3a-4f9b-8d4c-7a2e3f4b5c6d';
const SRC = '/api/projects/p/images/i';

const image = (attrs: Record<string, unknown>) => ({
  type: 'image',
  attrs: { src: SRC, alt: 'Diagramm', ...attrs },
});
const table = (attrs: Record<string, unknown>) => ({
  type: 'table',
  attrs,
  content: [
    {
      type: 'tableRow',
      content: [
        { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '12' }] }] },
      ],
    },
  ],
});
const reference = (attrs: Record<string, unknown>) => ({
  type: 'paragraph',
  content: [
    { type: 'text', text: 'Siehe ' },
    { type: 'figureRef', attrs },
    { type: 'text', text: '.' },
  ],
});

describe('references to figures and tables (figureRef)', () => {
  it('are inline leaves that keep their target, kind and caption through a Yjs state, beside the figures they name', () => {
    const json = {
      type: 'doc',
      content: [
        image({ caption: 'Ausgaben 2025', figureId: CHART }),
        table({ caption: 'Kosten je Kommune', figureId: COSTS }),
        reference({ figureId: CHART, kind: 'figure', caption: 'Ausgaben 2025' }),
        reference({ figureId: COSTS, kind: 'table', caption: 'Kosten je Kommune' }),
      ],
    };
    expect(() => editorSchema().nodeFromJSON(json).check()).not.toThrow();
    const { json: stored } = contentOfState(stateOfJson(json));
    expect(stored.content?.[0]?.attrs).toMatchObject({ figureId: CHART, caption: 'Ausgaben 2025' });
    expect(stored.content?.[1]?.attrs).toMatchObject({ figureId: COSTS, caption: 'Kosten je Kommune' });
    expect(stored.content?.[3]?.content?.[1]).toEqual({
      type: 'figureRef',
      attrs: { figureId: COSTS, kind: 'table', caption: 'Kosten je Kommune' },
    });
  });

  it('render as an escaped span naming the figure in the HTML, and by its caption in the plain text', () => {
    const json = {
      type: 'doc',
      content: [reference({ figureId: CHART, kind: 'figure', caption: 'Kosten <b>&</b> Nutzen' })],
    };
    const content = contentOfState(stateOfJson(json));
    expect(content.html).toContain(
      `<span class="figure-ref" data-figure-ref="${CHART}" data-kind="figure" data-caption="Kosten &lt;b&gt;&amp;&lt;/b&gt; Nutzen">→ Kosten &lt;b&gt;&amp;&lt;/b&gt; Nutzen</span>`,
    );
    expect(content.text).toBe('Siehe → Kosten <b>&</b> Nutzen.');
  });

  it('carry the figure id of images and tables in the HTML', () => {
    const json = {
      type: 'doc',
      content: [image({ caption: 'Karte', figureId: CHART }), table({ caption: 'Kosten', figureId: COSTS })],
    };
    const { html } = contentOfState(stateOfJson(json));
    expect(html).toMatch(new RegExp(`<img[^>]*data-figure-id="${CHART}"`));
    expect(html).toMatch(new RegExp(`<table[^>]*data-figure-id="${COSTS}"`));
  });

  it('keep documents written before figure ids valid, with no id', () => {
    const json = { type: 'doc', content: [image({ caption: 'Karte' })] };
    expect(contentOfState(stateOfJson(json)).json.content?.[0]?.attrs?.figureId).toBe('');
  });
});

describe('figureId(), figureRefKind(), figureRefCaption(), figureKindOf()', () => {
  it('keep an id in lower case and nothing that is not one', () => {
    expect(figureId(` ${CHART.toUpperCase()} `)).toBe(CHART);
    expect(figureId('"><script>')).toBe('');
    expect(figureId(null)).toBe('');
  });

  it('know two kinds, a figure unless it says table', () => {
    expect(figureRefKind('table')).toBe('table');
    expect(figureRefKind('anything')).toBe('figure');
    expect(figureKindOf('image')).toBe('figure');
    expect(figureKindOf('table')).toBe('table');
    expect(figureKindOf('paragraph')).toBeNull();
  });

  it('keep one line of caption', () => {
    expect(figureRefCaption(' Kosten\n2025 ')).toBe('Kosten 2025');
    expect(figureRefCaption(7)).toBe('');
  });
});

describe('figuresNeedingIds()', () => {
  const positionsIn = (content: Record<string, unknown>[]) =>
    figuresNeedingIds(editorSchema().nodeFromJSON({ type: 'doc', content }));

  it('names captioned figures without an id and leaves figures without a caption alone', () => {
    expect(positionsIn([image({ caption: 'Karte' }), image({}), table({ caption: 'Kosten' })])).toEqual([
      0, 2,
    ]);
  });

  it('names the later copies of a figure that carry the same id, and keeps the first', () => {
    expect(
      positionsIn([
        image({ caption: 'Karte', figureId: CHART }),
        image({ caption: 'Karte', figureId: CHART }),
      ]),
    ).toEqual([1]);
    expect(
      positionsIn([
        image({ caption: 'Karte', figureId: CHART }),
        table({ caption: 'Kosten', figureId: COSTS }),
      ]),
    ).toEqual([]);
  });
});

describe('figuresOf()', () => {
  it('lists the captioned images and tables in the order of the text, nested ones where they stand', () => {
    const json = {
      type: 'doc',
      content: [
        image({ caption: 'Karte', figureId: CHART }),
        image({}),
        table({ caption: 'Kosten', figureId: COSTS }),
        { type: 'bulletList', content: [{ type: 'listItem', content: [image({ caption: ' Alt\nbestand ' })] }] },
      ],
    };
    expect(figuresOf(json)).toEqual([
      { figureId: CHART, kind: 'figure', caption: 'Karte' },
      { figureId: COSTS, kind: 'table', caption: 'Kosten' },
      { figureId: '', kind: 'figure', caption: 'Alt bestand' },
    ]);
  });
});
