import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cite, paragraph, SOURCE, SOURCES, text } from './citations.test-support.js';
import { ReportCompiler } from './compiler.js';
import type { ReportModel } from './model.js';
import { bookmarks, reportModel } from './report-model.test-support.js';
import { reportSources } from './sources.js';

/**
 * Citations and the bibliography in real PDFs (docs/export.md, "Citations and bibliography"),
 * read back with poppler: the citations' words and links, the chapter after the last one with
 * its entry in the contents and its bookmark, entries printed as typed. The pages are rendered
 * to test-results/bibliography-*.png for a person to look at.
 */

const HOSTILE = 'Über #set text(red) *fett* $x$ \\ <label> ] @ref';
const LONG_URL =
  'https://www.bundesministerium-des-innern.example.org/SharedDocs/downloads/DE/publikationen/themen/moderne-verwaltung/open-source-strategie-2024.pdf?__blob=publicationFile&v=3';

/** Two chapters citing a few of the project's sources, one of them with Typst markup and a long address. */
function model(overrides: Partial<ReportModel> = {}, cited = true): ReportModel {
  const language = overrides.language ?? 'de';
  const sources = [
    ...SOURCES,
    {
      id: SOURCE.gone,
      authors: 'Zeller, Zoe',
      title: HOSTILE,
      year: '2024',
      publication: 'Berlin',
      url: LONG_URL,
      accessed: '2024-05-02',
    },
  ];
  const first = cited
    ? [
        paragraph(
          text('Die Kommunen setzen zunehmend auf offene Software '),
          cite(SOURCE.first, 'S. 12', 'KGSt 2023'),
          text('.'),
        ),
      ]
    : [paragraph(text('Ohne Quellen.'))];
  const second = cited
    ? [
        paragraph(
          text('Vgl. '),
          cite(SOURCE.study),
          text(', '),
          cite(SOURCE.law, '§ 3'),
          text(' und '),
          cite(SOURCE.gone),
        ),
      ]
    : [];
  const sections: ReportModel['sections'] = [
    {
      id: '6a000000-0000-4000-8000-000000000001',
      number: '1',
      title: 'Ausgangslage',
      depth: 1,
      state: 'approved',
      content: { type: 'doc', content: first },
    },
    {
      id: '6a000000-0000-4000-8000-000000000002',
      number: '2',
      title: 'Befunde',
      depth: 1,
      state: 'approved',
      content: { type: 'doc', content: second },
    },
  ];
  return reportModel([], { sections, sources: reportSources(sources, sections, language), ...overrides });
}

/**
 * Where the document's internal links that jump to a place (not to a heading, which Typst names
 * by its label) lead: the page object and the height there, in the file's order. Here these are
 * the citations' links to their entries.
 */
function jumps(raw: string): Array<{ page: string; y: number }> {
  const object = (id: string): string =>
    new RegExp(`\\n${id} 0 obj\\s*([\\s\\S]*?)\\nendobj`).exec(raw)?.[1] ?? '';
  return [...raw.matchAll(/\/Subtype\s*\/Link\b[^>]*?\/Dest\s+(\d+) 0 R/g)].map(([, id]) => {
    const [, page = '', y = 'NaN'] = /^\s*\[\s*(\d+) 0 R \/XYZ [\d.]+ ([\d.]+)/.exec(object(id)) ?? [];
    return { page, y: Number(y) };
  });
}

/** The page objects, in order. */
const pageObjects = (raw: string): string[] =>
  [...(/\/Type\s*\/Pages\b[^>]*?\/Kids\s*\[([^\]]*)\]/.exec(raw)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map(
    (m) => m[1],
  );

/** Extracted text as typed: no invisible break opportunities, lines joined, spaces collapsed. */
const comparable = (value: string): string =>
  value
    .replace(/[\u200B\u2060]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** Without any space: an address broken over lines is whole again. */
const squashed = (value: string): string => comparable(value).replace(/ /g, '');

describe('citations and the bibliography in the PDF', () => {
  const compiler = new ReportCompiler();
  const dir = mkdtempSync(join(tmpdir(), 'kapitel-bibliography-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function pdfOf(name: string, report: ReportModel) {
    const rendered = compiler.render(report);
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, rendered.pdf);
    const pdftotext = (...args: string[]): string =>
      execFileSync('pdftotext', [...args, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    mkdirSync('test-results', { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', path, join('test-results', `bibliography-${name}`)]);
    // -raw: in content order, and a hyphen at a line's end (an address breaks after its hyphens) stays.
    const pages = pdftotext('-raw').split('\f');
    return {
      rendered,
      raw: Buffer.from(rendered.pdf).toString('latin1'),
      pages,
      layout: pdftotext('-layout').split('\f'),
    };
  }

  it('prints citations with the current label and a chapter of the cited sources after the last one, in the contents and the bookmarks', () => {
    const { pages, layout, raw, rendered } = pdfOf('de', model({ mode: 'final' }));
    const all = comparable(pages.join(' '));
    expect(all).toContain('auf offene Software (KGSt 2023a, S. 12).');
    expect(all).toContain(
      'Vgl. (Müller und Schmidt 2021), (Onlinezugangsgesetz o. J., § 3) und (Zeller 2024)',
    );
    expect(all).not.toContain('KGSt 2023,');

    // The chapter on a page of its own after the last chapter, with the entries in order, the
    // uncited source left out.
    const index = pages.findIndex(
      (page) => page.includes('Literatur- und Quellenverzeichnis') && !page.includes('Inhalt'),
    );
    expect(index).toBeGreaterThan(pages.findIndex((page) => page.includes('Vgl.')));
    const bibliography = squashed(pages[index]);
    const entries = [
      'KGSt (2023a): Erster Bericht. Köln: KGSt. https://www.kgst.de/dokumentdetails?path=/documents/20181/erster-bericht-open-source-in-der-kommunalverwaltung-2023.pdf (abgerufen am 12.03.2024).',
      'Müller, Anna; Schmidt, Jan (2021): Offene Software in „Kommunen“. Verwaltung & Management 27 (3).',
      'Onlinezugangsgesetz (o. J.).',
      `Zeller, Zoe (2024): ${HOSTILE}. Berlin. ${LONG_URL} (abgerufen am 02.05.2024).`,
    ];
    let at = 0;
    for (const entry of entries) {
      const found = bibliography.indexOf(squashed(entry), at);
      expect({ entry, found: found >= at }).toEqual({ entry, found: true });
      at = found + squashed(entry).length;
    }
    expect(bibliography).not.toContain('Niezitiert');
    expect(bibliography).not.toContain('ZweiterBericht');

    // In the contents with its page (no number of its own), and a bookmark after the chapters'.
    expect(comparable(layout[1])).toMatch(/2 Befunde( \.)+ \d+ Literatur- und Quellenverzeichnis( \.)+ 3$/);
    expect(bookmarks(raw)).toEqual(['Inhalt', '1 Ausgangslage', '2 Befunde', 'Literatur- und Quellenverzeichnis']);
    // Every citation a link to its entry (Typst names the destination by the entry's label) and
    // tagged as a link, every address a web link; still PDF/A-2a.
    // The four citations, in reading order, lead to the four entries, one below the other, on the last page.
    const targets = jumps(raw);
    expect(targets.map((target) => target.page)).toEqual(Array(4).fill(pageObjects(raw).at(-1)));
    expect(targets.map((target) => target.y)).toEqual(
      targets.map((target) => target.y).sort((a, b) => b - a),
    );
    expect(new Set(targets.map((target) => target.y)).size).toBe(4);
    expect(raw).toMatch(/\/S\s*\/Link\b/);
    expect(raw).toContain(`/URI (${LONG_URL})`);
    expect(rendered).toMatchObject({ standard: 'pdf-a-2a', missingReferences: 0 });
  });

  it('wraps a long address inside the margin and sets titles in italics', () => {
    const { pages } = pdfOf('de-wrap', model());
    const page = pages.find((candidate) => candidate.includes('Zeller, Zoe')) ?? '';
    // Broken over lines, whole once joined (pdftotext keeps the lines apart).
    const lines = page
      .split('\n')
      .filter((line) => /bundesministerium|SharedDocs|publicationFile/.test(line));
    expect(lines.length).toBeGreaterThan(1);
    expect(squashed(page)).toContain(LONG_URL);
    const fonts = execFileSync('pdffonts', [join(dir, 'de-wrap.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/LibertinusSerif-Italic/);
  });

  it('says "References" and "n.d." in an English report', () => {
    const { pages, raw } = pdfOf('en', model({ language: 'en', mode: 'draft' }));
    const all = comparable(pages.join(' '));
    expect(all).toContain('(Onlinezugangsgesetz n.d., § 3)');
    expect(all).toContain('Onlinezugangsgesetz (n.d.).');
    expect(all).toContain('(accessed 12 March 2024)');
    expect(all).not.toContain('Literatur');
    expect(bookmarks(raw)).toEqual(['Contents', '1 Ausgangslage', '2 Befunde', 'References']);
  });

  it('marks a citation of a missing source in a draft and prints no chapter when nothing is cited', () => {
    const gone = model({ sources: [] });
    const draft = pdfOf('missing', gone);
    expect(comparable(draft.pages.join(' '))).toContain(
      'auf offene Software Quelle fehlt: (KGSt 2023, S. 12).',
    );
    expect(draft.rendered.missingReferences).toBe(4);
    expect(draft.pages.join(' ')).not.toContain('Literatur- und Quellenverzeichnis');
    const none = pdfOf('none', model({}, false));
    expect(none.pages.join(' ')).not.toContain('Literatur- und Quellenverzeichnis');
    expect(bookmarks(none.raw)).toEqual(['Inhalt', '1 Ausgangslage', '2 Befunde']);
  });
});
