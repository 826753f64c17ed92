import { IMAGE_CAPTION_MAX_LENGTH } from '@kapitel/editor';
import { reportModel } from './report-model.test-support.js';
import { buildRenderData, type RenderBlock } from './render-data.js';
import { breakLongRuns, cleanText, splitQuotes } from './text.js';

const blocks = (content: unknown[]): RenderBlock[] => buildRenderData(reportModel(content)).data.sections[0].blocks;
const linked = (href: string): unknown => ({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] });

describe('user text', () => {
  it('drops control characters and turns line breaks and tabs into spaces', () => {
    expect(cleanText('a\u0001b\u007fc\td\ne\u0085f')).toBe('abc d ef');
    // Direction overrides and isolates too, which would turn a contents line around; Arabic stays.
    expect(cleanText('Titel \u202Egnirts\u202C \u2067مرحبا\u2069')).toBe('Titel gnirts مرحبا');
  });

  it('gives runs longer than 60 characters an invisible break opportunity every 30', () => {
    const broken = breakLongRuns('x'.repeat(61));
    expect(broken).toBe(`${'x'.repeat(30)}\u200B${'x'.repeat(30)}\u200Bx`);
    expect(breakLongRuns('kurz und gut')).toBe('kurz und gut');
  });

  it('prints a hyphen standing alone between words as a dash, and leaves hyphens in words and before numbers', () => {
    expect(cleanText('gewachsen - das zeigt')).toBe('gewachsen\u00A0\u2013 das zeigt');
    expect(cleanText('- Spiegelstrich')).toBe('\u2013 Spiegelstrich');
    expect(cleanText('Sonn- und Feiertage, E-Mail, -5 °C, 2020-2024')).toBe('Sonn- und Feiertage, E-Mail, -5 °C, 2020-2024');
  });

  it('prints two hyphens between spaces as a dash and three dots after a word as an ellipsis, as the editor sets them while typing', () => {
    expect(cleanText('gut -- oder nicht, und so weiter...')).toBe('gut\u00A0\u2013 oder nicht, und so weiter\u2026');
    expect(cleanText('Trenner ---- und Punkte ....')).toBe('Trenner ---- und Punkte ....');
  });

  it('binds a dash between words to the word before it, so that no line begins with the dash', () => {
    expect(cleanText('Kommunen \u2013 und Länder \u2014 handeln')).toBe('Kommunen\u00A0\u2013 und Länder\u00A0\u2014 handeln');
    // Not a dash at a text's start, nor one in a range or a word.
    expect(cleanText('\u2013 Punkt, 2020\u20132024, A \u2013B')).toBe('\u2013 Punkt, 2020\u20132024, A \u2013B');
  });

  it('prints two spaces typed by mistake as one, and keeps a no-break space', () => {
    expect(cleanText('Die in  Abschnitt   5.1 genannten')).toBe('Die in Abschnitt 5.1 genannten');
    expect(cleanText('S.\u00A012')).toBe('S.\u00A012');
  });

  it('leaves hyphens and dots inside words, addresses and version numbers as typed', () => {
    const typed = 'config--old.yaml, https://example.org/a--b/c...d, www.example.org/x...y, v1.2...v1.3';
    expect(cleanText(typed)).toBe(typed);
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
      { k: 'p', c: [{ k: 't', s: ['Lizenzkosten'], b: false, i: false, u: false, x: false }, { k: 'fn', c: [{ k: 't', s: ['KGSt, ', true, 'Open Source', true, ', 2024.'] }] }] },
    ]);
  });

  it('sets the web addresses of a footnote as links, without the period that ends the note', () => {
    const text = 'Vgl. BSI (2024): IT-Grundschutz-Kompendium, https://www.bsi.bund.de/DE/IT-Grundschutz, "abgerufen" am 3.5.2025; www.kgst.de.';
    const out = blocks([{ type: 'paragraph', content: [{ type: 'text', text: 'Schutzbedarf' }, { type: 'footnote', attrs: { text } }] }]);
    const note = out[0]?.k === 'p' ? out[0].c[1] : undefined;
    expect(note).toEqual({
      k: 'fn',
      c: [
        { k: 't', s: ['Vgl. BSI (2024): IT-Grundschutz-Kompendium, '] },
        { k: 'url', href: 'https://www.bsi.bund.de/DE/IT-Grundschutz', s: ['https://', 'www', '.bsi', '.bund', '.de', '/DE', '/IT-Grundschutz'] },
        { k: 't', s: [', ', true, 'abgerufen', true, ' am 3.5.2025; '] },
        { k: 'url', href: 'https://www.kgst.de/', s: ['www', '.kgst', '.de'] },
        { k: 't', s: ['.'] },
      ],
    });
  });

  it('leaves an address that may not be a link as text of the footnote', () => {
    const text = 'Nicht javascript:alert(1) und nicht file:///etc/passwd.';
    const out = blocks([{ type: 'paragraph', content: [{ type: 'footnote', attrs: { text } }] }]);
    expect(out).toEqual([{ k: 'p', c: [{ k: 'fn', c: [{ k: 't', s: [text] }] }] }]);
  });

  it('groups the cover\'s contributors by organisation, those without one last under a heading of their own', () => {
    const contributors = [
      { name: 'Rita Prüferin', organisation: null, wrote: false },
      { name: 'Lena Leitung', organisation: 'Stadtverwaltung Musterstadt', wrote: true },
      { name: 'Anton Autor', organisation: null, wrote: true },
      { name: 'Bea Berg', organisation: 'Amt Beispielland', wrote: true },
    ];
    expect(buildRenderData(reportModel([], { contributors })).data.cover.contributors).toEqual([
      { organisation: ['Amt Beispielland'], names: ['Bea Berg'] },
      { organisation: ['Stadtverwaltung Musterstadt'], names: ['Lena Leitung'] },
      { organisation: ['Weitere Mitwirkende'], names: ['Anton Autor, Rita Prüferin'] },
    ]);
    const nobodyWithOne = buildRenderData(reportModel([], { language: 'en', contributors: contributors.filter((c) => c.organisation === null) }));
    expect(nobodyWithOne.data.cover.contributors).toEqual([{ organisation: null, names: ['Anton Autor, Rita Prüferin'] }]);
  });

  it('names as the PDF\'s authors only those who wrote, while the cover names reviewers too', () => {
    const contributors = [
      { name: 'Lena Leitung', organisation: null, wrote: true },
      { name: 'Rita Prüferin', organisation: null, wrote: false },
      { name: 'Anton Autor', organisation: null, wrote: true },
    ];
    const data = buildRenderData(reportModel([], { contributors })).data;
    expect(data.meta.authors).toEqual(['Lena Leitung', 'Anton Autor']);
    expect(data.cover.contributors).toEqual([{ organisation: null, names: ['Anton Autor, Lena Leitung, Rita Prüferin'] }]);
  });

  it('marks only a draft as such, and has no words for a final one', () => {
    expect(buildRenderData(reportModel([])).data).toMatchObject({ draft: true, labels: { draft: 'Entwurf', noText: '(noch kein Text)' } });
    expect(buildRenderData(reportModel([], { language: 'en', mode: 'final' })).data).toMatchObject({ draft: false, labels: { draft: 'Draft', noText: '(no text yet)' } });
    expect(JSON.stringify(buildRenderData(reportModel([], { mode: 'final' })).data)).not.toMatch(/Endfassung|Final version/);
  });

  it('puts the placeholder below a draft section without text and without sub-sections, never in a final export', () => {
    const section = (number: string, depth: number, content: unknown[]) => ({ number, title: number, depth, state: 'draft' as const, content: { type: 'doc', content } });
    const sections = [
      section('1', 1, []), // only a parent: its sub-sections follow its heading
      section('1.1', 2, [{ type: 'paragraph', content: [] }]), // an empty paragraph is no text
      section('1.2', 2, [{ type: 'paragraph', content: [{ type: 'text', text: 'Text' }] }]),
      section('2', 1, []),
    ];
    const placeholders = (mode: 'draft' | 'final') => buildRenderData(reportModel([], { mode, sections })).data.sections.map((s) => s.placeholder);
    expect(placeholders('draft')).toEqual([false, true, false, true]);
    expect(placeholders('final')).toEqual([false, false, false, false]);
  });

  it('shows the review state only in a draft', () => {
    expect(buildRenderData(reportModel([])).data.sections[0].state).toEqual({ label: 'In Prüfung', tone: 'in_review' });
    expect(buildRenderData(reportModel([], { mode: 'final' })).data.sections[0].state).toBeNull();
  });

  it('replaces an image from an outside URL by a note and embeds a PNG data URL', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64');
    const input = buildRenderData(reportModel([
      { type: 'image', attrs: { src: 'https://tracker.example/x.png', alt: 'Organigramm' } },
      { type: 'image', attrs: { src: `data:image/png;base64,${png}`, alt: 'Karte' } },
      { type: 'image', attrs: { src: `data:image/png;base64,${Buffer.from('GIF89a').toString('base64')}`, alt: 'falsch' } },
    ]));
    expect(input.data.sections[0].blocks).toEqual([
      { k: 'noimg', alt: 'Organigramm', cap: null }, { k: 'img', path: '/img-0.png', alt: 'Karte', deco: false, cap: null }, { k: 'noimg', alt: 'falsch', cap: null },
    ]);
    expect([...input.files.keys()]).toEqual(['/img-0.png']);
  });

  it('embeds the uploaded images the server handed over, each file once, and notes any other', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const own = '/api/projects/11111111-1111-4111-8111-111111111111/images/22222222-2222-4222-8222-222222222222';
    const foreign = '/api/projects/33333333-3333-4333-8333-333333333333/images/44444444-4444-4444-8444-444444444444';
    const image = (src: string, alt: string) => ({ type: 'image', attrs: { src, alt } });
    const input = buildRenderData(
      reportModel([image(own, 'Karte'), image(foreign, 'Fremd'), image(own, 'Karte noch einmal')], { images: new Map([[own, { extension: 'png', bytes: png }]]) }),
    );
    expect(input.data.sections[0].blocks).toEqual([
      { k: 'img', path: '/img-0.png', alt: 'Karte', deco: false, cap: null }, { k: 'noimg', alt: 'Fremd', cap: null },
      { k: 'img', path: '/img-0.png', alt: 'Karte noch einmal', deco: false, cap: null },
    ]);
    expect([...input.files.keys()]).toEqual(['/img-0.png']);
    expect(buildRenderData(reportModel([image(own, 'Karte')], { images: new Map([[own, { extension: 'png', bytes: png }]]) }), { embedImages: false }).files.size).toBe(0);
  });

  it('gives a captioned image its caption as text pieces, one line within the limit, also when only its note is printed', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const own = '/api/projects/11111111-1111-4111-8111-111111111111/images/22222222-2222-4222-8222-222222222222';
    const image = (src: string, caption: unknown) => ({ type: 'image', attrs: { src, alt: 'Diagramm', caption } });
    const input = buildRenderData(
      reportModel(
        [
          image(own, 'Anteil offener Software,\n2025 ("geschätzt")'),
          image('https://tracker.example/x.png', 'Herkunft der Daten'),
          image(own, '   '),
          image(own, null),
          image(own, 'x'.repeat(IMAGE_CAPTION_MAX_LENGTH + 50)),
        ],
        { images: new Map([[own, { extension: 'png', bytes: png }]]) },
      ),
    );
    const [captioned, note, blank, none, long] = input.data.sections[0].blocks;
    expect(captioned).toEqual({ k: 'img', path: '/img-0.png', alt: 'Diagramm', deco: false, cap: ['Anteil offener Software, 2025 (', true, 'geschätzt', true, ')'] });
    expect(note).toEqual({ k: 'noimg', alt: 'Diagramm', cap: ['Herkunft der Daten'] });
    expect([blank, none]).toEqual([
      { k: 'img', path: '/img-0.png', alt: 'Diagramm', deco: false, cap: null },
      { k: 'img', path: '/img-0.png', alt: 'Diagramm', deco: false, cap: null },
    ]);
    expect(long).toMatchObject({ k: 'img' });
    const longCaption = long.k === 'img' ? (long.cap ?? []).join('').replace(/\u200B/g, '') : '';
    expect(longCaption).toHaveLength(IMAGE_CAPTION_MAX_LENGTH);
  });

  it('asks for the list of figures only when some image, at any depth, has a caption, in the language\'s words', () => {
    const image = (caption: string | null) => ({ type: 'image', attrs: { src: 'https://tracker.example/x.png', alt: 'Bild', caption } });
    const inCell = (content: unknown) => ({
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'blockquote', content: [content] }] }] }],
    });
    const figures = (content: unknown[]) => buildRenderData(reportModel(content)).data.figures;
    expect(figures([])).toBe(false);
    expect(figures([image(null), image('  '), { type: 'paragraph', content: [{ type: 'text', text: 'Abbildung 1: nur Text' }] }])).toBe(false);
    expect(figures([image('Organigramm')])).toBe(true);
    expect(figures([inCell(image('In einer Zelle, in einem Zitat'))])).toBe(true);
    expect(figures([inCell(image(null))])).toBe(false);
    expect(buildRenderData(reportModel([])).data.labels.figures).toBe('Abbildungsverzeichnis');
    expect(buildRenderData(reportModel([], { language: 'en' })).data.labels.figures).toBe('List of figures');
  });

  it('marks an image decorative only for alt="" and counts the embedded ones whose alternative text nobody gave', () => {
    const png = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64')}`;
    const image = (alt: unknown, title?: string) => ({ type: 'image', attrs: { src: png, alt, ...(title ? { title } : {}) } });
    const outside = { type: 'image', attrs: { src: 'https://tracker.example/x.png', alt: null } };
    const input = buildRenderData(reportModel([image('Karte'), image(''), image(null), image(undefined), image(null, 'Titel'), outside]));
    expect(input.data.sections[0]?.blocks.map((b) => (b.k === 'img' ? [b.alt, b.deco] : b.k))).toEqual([
      ['Karte', false],
      ['', true],
      ['', false],
      ['', false],
      ['Titel', false],
      'noimg',
    ]);
    // The two undecided embedded ones; the outside image is a note, which needs no alternative text.
    expect(input.imagesWithoutAlt).toBe(2);
    expect(buildRenderData(reportModel([image(null)]), { embedImages: false }).imagesWithoutAlt).toBe(0);
  });

  it('nests editor headings below the section and bounds deep nesting', () => {
    let deep: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'tief' }] };
    for (let i = 0; i < 100; i += 1) {
      deep = { type: 'blockquote', content: [deep] };
    }
    const out = blocks([{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'H' }] }, deep]);
    // Level 3 in the document (below the chapter's 1), the second level within the text (its style).
    expect(out[0]).toMatchObject({ k: 'h', level: 3, rel: 2 });
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
