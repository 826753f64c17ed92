import { createProject, createSection, registerUser } from '../factories.js';
import { mustSucceed } from '../permission-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { comparable, doc, exportPdf, link, paragraph, PdfFile, setContent, table, text } from './export-support.js';

/**
 * Hostile text everywhere users can type: Typst markup and commands, file reads, brackets,
 * math, labels, references, comments, control characters, bidi marks, huge words. Each one
 * must print literally (user text is data, never markup) and the export must succeed.
 */
const HOSTILE = [
  '#read("/etc/passwd")',
  '#import "@preview/cetz:0.3.0": *',
  '#set page(paper: "a0") #pagebreak()',
  '*fett* _kursiv_ `roh` = Überschrift',
  'eckig [ und ] geschweift { und } Dollar $x^2$ Ende',
  'Rück\\strich \\ und \\n und \\#',
  '<label> und @ref und @preview',
  '// kein Kommentar /* auch keiner */ Ende',
  '#{ panic("boom") } #let x = 1',
  ')]}"\' #" unbalanced [[[ {{{',
];
// No U+0000: PostgreSQL stores no NUL in text or jsonb, so it never reaches an export.
const CONTROL = 'Steuer\u0001zeichen\u0007 und\u001b[31m Escape\u0008';
const BIDI = 'Links \u200Fمرحبا\u200F rechts \u202Eumgedreht\u202C Ende';
const HUGE = 'Ab1'.repeat(3334).slice(0, 10_000);

/** Checks `value` is part of `text` without printing a 10,000-character text when it is not. */
function expectPrinted(all: string, value: string): void {
  expect({ value, printed: all.includes(value) }).toEqual({ value, printed: true });
}

/** What a hostile string must look like in the extracted text. */
const printed = (value: string): string =>
  comparable(value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')); // eslint-disable-line no-control-regex

describe('hostile text in an export', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('prints every hostile string literally in titles, text, table cells and links', async () => {
    const lead = await registerUser(app, { name: '#read("/etc/passwd") Lead', organisation: '$Org$ [x]' });
    const project = await createProject(lead, { title: HOSTILE[0], language: 'de' });
    await mustSucceed(lead, 'patch', `/api/projects/${project.id}`, { subtitle: HOSTILE[4] });
    const sections = [];
    for (const [index, value] of HOSTILE.entries()) {
      sections.push(await createSection(lead, project.id, { title: `${index + 1}. ${value}` }));
    }
    await setContent(
      app,
      sections[0].id,
      doc(
        ...HOSTILE.map((value) => paragraph(text(`Absatz: ${value}`))),
        paragraph(text(CONTROL)),
        paragraph(text(BIDI)),
        paragraph(text('Vor dem langen Wort ')),
        paragraph(text(HUGE)),
      ),
    );
    await setContent(
      app,
      sections[1].id,
      doc(
        table(['#Kopf [', '$ Kopf $'], HOSTILE.map((value) => [`Zelle ${value}`, '@ref <label>'])),
        paragraph(text('Guter Link', link('https://example.org/ok?a=1&b="2"'))),
        paragraph(text('Böser Link', link('javascript:alert(1)'))),
        paragraph(text('Datei-Link', link('file:///etc/passwd'))),
        paragraph(text(HOSTILE[5], link('https://example.org/#read("/etc/passwd")'))),
        paragraph(text('E-Mail', link('mailto:info@example.org'))),
      ),
    );

    const pdf = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      const all = comparable(await pdf.text({ layout: false }));
      for (const value of HOSTILE) {
        expectPrinted(all, printed(`Absatz: ${value}`));
        expectPrinted(all, printed(`Zelle ${value}`));
        expectPrinted(all, printed(`${HOSTILE.indexOf(value) + 1}. ${value}`)); // heading and contents
      }
      expectPrinted(all, printed(CONTROL));
      expectPrinted(all, 'Links'); // the bidi paragraph is there; the order of RTL text is the viewer's business
      expect(all.includes('root:x:0:0')).toBe(false); // nothing was read from the file system
      expectPrinted(all, printed(HOSTILE[4])); // the subtitle on the cover
      expectPrinted(all, '#read("/etc/passwd") Lead');
      expectPrinted(all, '$Org$ [x]');
      expectPrinted(all, '#Kopf [');
      // The 10,000-character word prints whole, wrapped at invisible break opportunities and
      // across pages (running headers and footers in between).
      const pieces = all.replace(/ /g, '').match(/[Ab1]{60,}/g) ?? [];
      expect({ length: pieces.join('').length, same: pieces.join('') === HUGE }).toEqual({ length: HUGE.length, same: true });

      // Only http, https and mailto become links; the others stay plain text.
      const raw = pdf.bytes.toString('latin1');
      const uris = [...raw.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)].map((match) => match[1].replace(/\\(.)/g, '$1'));
      expect(uris).toEqual(expect.arrayContaining(['https://example.org/ok?a=1&b="2"', 'mailto:info@example.org']));
      expect(uris.some((uri) => /javascript|file:/i.test(uri))).toBe(false);
      expectPrinted(all, 'Böser Link');
      expectPrinted(all, 'Datei-Link');
      await pdf.renderPages('hostile', 1, 3);
    } finally {
      pdf.remove();
    }
  }, 180_000);
});
