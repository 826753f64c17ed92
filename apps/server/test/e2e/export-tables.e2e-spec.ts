import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser } from '../factories.js';
import { mustUpload, pngImage } from '../image-files.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, comparable, doc, entriesOf, exportPdf, paragraph, PdfFile, physicalPages, setContent, table, text } from './export-support.js';

/**
 * Table captions in the PDF (docs/export.md, "Tables"): a table with a caption is numbered
 * through the report, "Tabelle N: caption" / "Table N: caption" above it, and listed in a list of
 * tables after the list of figures with the page it is on; a report without table captions has
 * no list (not even its heading) and is laid out as before; a final export stays PDF/A-2a.
 */

const LOREM =
  'Die Verwaltungsdigitalisierung der Gemeinden schreitet voran. Über die Einführung quelloffener Software ' +
  'entscheiden die Gremien im Rahmen ihrer Zuständigkeit; dabei sind Datenschutz und Barrierefreiheit zu beachten. ';

const CAPTIONS = ['Open-Source-Anteil nach Gemeindegröße', 'Kosten je Einwohner in Euro, getrennt nach Kreisen und kreisfreien Städten', 'Rücklauf der Befragung'];
const FIGURE = 'Anteil offener Software in den Kommunen, 2025';

const captioned = (caption: string | null, header: string[], rows: string[][]): JSONContent => ({
  ...table(header, rows),
  attrs: { caption },
});

/**
 * Chapter 1: a captioned image, a captioned table and one without a caption; its sub-section a
 * captioned table after a page of text; chapter 2 a captioned table inside a quote. With
 * `captions` false the same tables have none (one is only blanks) and the image keeps its own.
 */
async function report(app: TestApp, language: 'de' | 'en', captions: boolean) {
  const cap = (index: number): string | null => (captions ? CAPTIONS[index] : index === 0 ? '   ' : null);
  const lead = await registerUser(app, { name: 'Tabea Tabelle' });
  const project = await createProject(lead, { title: 'Bericht mit Tabellen', language });
  const blue = await mustUpload(lead, project.id, pngImage(240, 120, [30, 90, 160]));
  const one = await createSection(lead, project.id, { title: 'Ausgangslage' });
  const oneOne = await createSection(lead, project.id, { title: 'Datenlage', parentId: one.id });
  const two = await createSection(lead, project.id, { title: 'Ergebnisse' });
  await setContent(
    app,
    one.id,
    doc(
      paragraph(text(LOREM.repeat(3))),
      { type: 'image', attrs: { src: blue.src, alt: 'Balkendiagramm', caption: FIGURE } },
      captioned(cap(0), ['Gemeindegröße', 'Anteil'], [['bis 5.000', '12 %'], ['über 100.000', '41 %']]),
      paragraph(text('Zwischen den Tabellen.')),
      captioned(null, ['Ohne', 'Beschriftung'], [['a', 'b']]),
    ),
  );
  await setContent(app, oneOne.id, doc(paragraph(text(LOREM.repeat(16))), captioned(cap(1), ['Kreis', 'Euro'], [['Nord', '41'], ['Süd', '38']])));
  await setContent(app, two.id, doc(paragraph(text('Das zweite Kapitel.')), { type: 'blockquote', content: [captioned(cap(2), ['Rücklauf'], [['73 %']])] }));
  return { lead, projectId: project.id, sections: [one, oneOne, two] };
}

/** The structure type of each Caption element's parent, from the PDF's (uncompressed) structure tree. */
function captionOwners(raw: string): string[] {
  const objects = new Map([...raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)].map(([, id, body]) => [id, body]));
  const typeOf = (body: string | undefined): string | undefined => /\/S\s*\/(\w+)/.exec(body ?? '')?.[1];
  return [...objects.values()]
    .filter((body) => typeOf(body) === 'Caption')
    .map((body) => typeOf(objects.get(/\/P\s+(\d+) 0 R/.exec(body)?.[1] ?? '')) ?? 'none');
}

describe('table captions in the export', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('numbers captioned tables "Tabelle N: …" above them and lists them after the list of figures, with their pages', async () => {
    const { lead, projectId } = await report(app, 'de', true);
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'draft'));
    try {
      // Contents, list of figures and list of tables on one page, in this order (read in its layout).
      const front = await pdf.text({ page: 2 });
      expect(front).toMatch(/^\s*Tabellenverzeichnis\s*$/m);
      expect(front.indexOf('Abbildungsverzeichnis')).toBeGreaterThan(front.indexOf('2 Ergebnisse'));
      expect(front.indexOf('Tabellenverzeichnis')).toBeGreaterThan(front.indexOf('Abbildung 1:'));
      // Not an entry of the contents itself.
      expect(comparable(front)).not.toMatch(/Tabellenverzeichnis( \.)+ \d/);
      const physical = await physicalPages(pdf, { page: 'Seite', of: 'von' });
      expect(physical.get(1)).toBe(3);

      // Three captions, three entries in reading order; the uncaptioned table has no number.
      const entries = await entriesOf(pdf, 2, 'Tabelle');
      expect(entries.map(({ number, caption }) => ({ number, caption }))).toEqual(CAPTIONS.map((caption, index) => ({ number: index + 1, caption })));
      expect(entries[2].page).toBeGreaterThan(entries[0].page);
      // Tables count apart from figures: the figure is "Abbildung 1" beside "Tabelle 1".
      expect(await entriesOf(pdf, 2, 'Abbildung')).toEqual([expect.objectContaining({ number: 1, caption: FIGURE })]);
      for (const entry of entries) {
        const page = physical.get(entry.page);
        expect({ entry: entry.number, found: page !== undefined }).toEqual({ entry: entry.number, found: true });
        const printed = comparable(await pdf.text({ page, layout: false }));
        const label = `Tabelle ${entry.number}: ${entry.caption}`;
        expect({ entry: entry.number, printed: printed.includes(label) }).toEqual({ entry: entry.number, printed: true });
      }
      // The caption stands above its table: on the line right before the header row's.
      // (Lines of nothing but capitals are the watermark's letters, which the text extraction puts between.)
      const lines = (await pdf.text({ page: physical.get(entries[0].page) }))
        .split('\n')
        .filter((line) => line.trim() !== '' && !/^[\sA-Z]+$/.test(line));
      const captionLine = lines.findIndex((line) => line.includes(`Tabelle 1: ${CAPTIONS[0]}`));
      expect(captionLine).toBeGreaterThan(-1);
      expect(lines[captionLine + 1]).toMatch(/^\s*Gemeindegröße\s+Anteil\s*$/);
      expect(lines[captionLine + 2]).toMatch(/^\s*bis 5\.000\s+12 %\s*$/);
      expect(comparable(await pdf.text({ layout: false }))).not.toMatch(/Tabelle 4/);
      await pdf.renderPages('tables-list', 2, 3);
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('says "List of tables" and "Table N" in English, and the final version is PDF/A-2a with the caption tagged', async () => {
    const { lead, projectId, sections } = await report(app, 'en', true);
    for (const section of sections) {
      await approve(lead, projectId, section.id);
    }
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'final'));
    try {
      expect(await pdf.text({ page: 2 })).toMatch(/^\s*List of tables\s*$/m);
      const entries = await entriesOf(pdf, 2, 'Table');
      expect(entries.map((entry) => entry.caption)).toEqual(CAPTIONS);
      expect(comparable(await pdf.text({ layout: false }))).not.toMatch(/Tabellenverzeichnis|Tabelle \d/);

      const raw = pdf.bytes.toString('latin1');
      expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
      expect(raw).toMatch(/\/Type\s*\/StructTreeRoot/);
      // Each table's caption is the Caption of its Table in the tag structure (the image's caption stands beside its Figure).
      expect(captionOwners(raw).filter((owner) => owner === 'Table')).toHaveLength(CAPTIONS.length);
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('has no list of tables, not even its heading, when no table has a caption, and is laid out as before', async () => {
    const { lead, projectId } = await report(app, 'de', false);
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'draft'));
    try {
      const all = comparable(await pdf.text({ layout: false }));
      expect(all).not.toMatch(/Tabellenverzeichnis|Tabelle \d/);
      // The list of figures is there (the image has its caption), the main matter after it.
      expect(all).toContain(`Abbildung 1: ${FIGURE}`);
      const physical = await physicalPages(pdf, { page: 'Seite', of: 'von' });
      expect(physical.get(1)).toBe(3);
      expect(physical.size).toBe((await pdf.pages()) - 2);
    } finally {
      pdf.remove();
    }
  }, 180_000);
});
