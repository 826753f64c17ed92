import { buildRenderData, type RenderBlock } from './render-data.js';
import type { ReportModel } from './model.js';
import { breakLongRuns, cleanText, splitQuotes } from './text.js';

const model = (content: unknown[], overrides: Partial<ReportModel> = {}): ReportModel => ({
  mode: 'draft',
  language: 'de',
  title: 'Bericht',
  subtitle: null,
  publisher: null,
  date: '2025-11-28',
  contributors: [],
  sections: [{ number: '1', title: 'Kapitel', depth: 1, state: 'in_review', content: { type: 'doc', content } }],
  ...overrides,
});
const blocks = (content: unknown[]): RenderBlock[] => buildRenderData(model(content)).data.sections[0].blocks;
const linked = (href: string): unknown => ({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] });

describe('user text', () => {
  it('drops control characters and turns line breaks and tabs into spaces', () => {
    expect(cleanText('a\u0001b\u007fc\td\ne\u0085f')).toBe('abc d ef');
  });

  it('gives runs longer than 60 characters an invisible break opportunity every 30', () => {
    const broken = breakLongRuns('x'.repeat(61));
    expect(broken).toBe(`${'x'.repeat(30)}\u200B${'x'.repeat(30)}\u200Bx`);
    expect(breakLongRuns('kurz und gut')).toBe('kurz und gut');
  });

  it('splits straight quotes out for Typst smart quotes', () => {
    expect(splitQuotes(`er sagte "ja" und's`)).toEqual([
      { kind: 'text', text: 'er sagte ' }, { kind: 'quote', double: true }, { kind: 'text', text: 'ja' },
      { kind: 'quote', double: true }, { kind: 'text', text: ' und' }, { kind: 'quote', double: false }, { kind: 'text', text: 's' },
    ]);
  });
});

describe('buildRenderData', () => {
  it('keeps http, https and mailto links and drops every other target', () => {
    const out = blocks(['https://a.example', 'mailto:a@example.org', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x'].map(linked));
    expect(out.map((block) => (block.k === 'p' ? block.c[0].k : null))).toEqual(['a', 'a', 't', 't', 't']);
  });

  it('sets a footnote as its text beside the words it follows, and leaves an empty one out', () => {
    const note = (text: string) => ({ type: 'footnote', attrs: { text } });
    const out = blocks([{ type: 'paragraph', content: [{ type: 'text', text: 'Lizenzkosten' }, note('KGSt, "Open Source", 2024.'), note('  ')] }]);
    expect(out).toEqual([
      { k: 'p', c: [{ k: 't', s: ['Lizenzkosten'], b: false, i: false, u: false, x: false }, { k: 'fn', s: ['KGSt, ', true, 'Open Source', true, ', 2024.'] }] },
    ]);
  });

  it('groups the cover\'s contributors by organisation, those without one last under a heading of their own', () => {
    const contributors = [
      { name: 'Rita Prüferin', organisation: null },
      { name: 'Lena Leitung', organisation: 'Stadtverwaltung Musterstadt' },
      { name: 'Anton Autor', organisation: null },
      { name: 'Bea Berg', organisation: 'Amt Beispielland' },
    ];
    expect(buildRenderData(model([], { contributors })).data.cover.contributors).toEqual([
      { organisation: ['Amt Beispielland'], names: ['Bea Berg'] },
      { organisation: ['Stadtverwaltung Musterstadt'], names: ['Lena Leitung'] },
      { organisation: ['Weitere Mitwirkende'], names: ['Anton Autor, Rita Prüferin'] },
    ]);
    const nobodyWithOne = buildRenderData(model([], { language: 'en', contributors: contributors.filter((c) => c.organisation === null) }));
    expect(nobodyWithOne.data.cover.contributors).toEqual([{ organisation: null, names: ['Anton Autor, Rita Prüferin'] }]);
  });

  it('shows the review state only in a draft', () => {
    expect(buildRenderData(model([])).data.sections[0].state).toEqual({ label: 'In Prüfung', tone: 'in_review' });
    expect(buildRenderData(model([], { mode: 'final' })).data.sections[0].state).toBeNull();
  });

  it('replaces an image from an outside URL by a note and embeds a PNG data URL', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64');
    const input = buildRenderData(model([
      { type: 'image', attrs: { src: 'https://tracker.example/x.png', alt: 'Organigramm' } },
      { type: 'image', attrs: { src: `data:image/png;base64,${png}`, alt: 'Karte' } },
      { type: 'image', attrs: { src: `data:image/png;base64,${Buffer.from('GIF89a').toString('base64')}`, alt: 'falsch' } },
    ]));
    expect(input.data.sections[0].blocks).toEqual([
      { k: 'noimg', alt: 'Organigramm' }, { k: 'img', path: '/img-0.png', alt: 'Karte' }, { k: 'noimg', alt: 'falsch' },
    ]);
    expect([...input.files.keys()]).toEqual(['/img-0.png']);
  });

  it('nests editor headings below the section and bounds deep nesting', () => {
    let deep: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'tief' }] };
    for (let i = 0; i < 100; i += 1) {
      deep = { type: 'blockquote', content: [deep] };
    }
    const out = blocks([{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'H' }] }, deep]);
    expect(out[0]).toMatchObject({ k: 'h', level: 3 });
    expect(JSON.stringify(out).split('"quote"').length - 1).toBeLessThanOrEqual(13);
    expect(JSON.stringify(out)).toContain('tief');
  });

  it('counts table columns around row spans and keeps header rows apart', () => {
    const cell = (type: string, attrs: Record<string, number> = {}) => ({ type, attrs, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'c' }] }] });
    const out = blocks([{ type: 'table', content: [
      { type: 'tableRow', content: [cell('tableHeader'), cell('tableHeader', { colspan: 2 })] },
      { type: 'tableRow', content: [cell('tableCell', { rowspan: 9 }), cell('tableCell'), cell('tableCell')] },
      { type: 'tableRow', content: [cell('tableCell'), cell('tableCell')] },
    ] }]);
    expect(out[0]).toMatchObject({ k: 'table', cols: 3 });
    const table = out[0] as Extract<RenderBlock, { k: 'table' }>;
    expect(table.header).toHaveLength(1);
    expect(table.rows[0][0].rowspan).toBe(2); // clamped to the body's end
  });
});
