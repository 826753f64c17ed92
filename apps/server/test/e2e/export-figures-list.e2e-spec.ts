import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser } from '../factories.js';
import { mustUpload, pngImage } from '../image-files.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, comparable, doc, entriesOf, exportPdf, paragraph, PdfFile, physicalPages, setContent, text, type ListEntry } from './export-support.js';

/**
 * The list of figures (docs/export.md, "Layout"): right after the contents, on their page when it fits, every
 * captioned image as "Abbildung N: caption" / "Figure N: caption" with the page it is on, like
 * the contents; not in the contents but a bookmark (as the contents' own heading is); and
 * no list at all, not even its heading, when no image has a caption.
 */

const LOREM =
  'Die Verwaltungsdigitalisierung der Gemeinden schreitet voran. Über die Einführung quelloffener Software ' +
  'entscheiden die Gremien im Rahmen ihrer Zuständigkeit; dabei sind Datenschutz und Barrierefreiheit zu beachten. ';

const CAPTIONS = [
  'Anteil offener Software in den Kommunen, 2025',
  // Long enough to wrap in the list: its page number stands after the last line.
  'Rücklauf der Befragung nach Gemeindegröße, getrennt nach kreisfreien Städten, kreisangehörigen Gemeinden und ' +
    'Verbandsgemeinden, ohne die Antworten, die nach dem Stichtag eingingen',
  'Aufbau der Arbeitsgruppe',
  'Kosten je Einwohner in Euro',
];

const image = (src: string, alt: string, caption: string | null): JSONContent => ({ type: 'image', attrs: { src, alt, caption } });
const bullet = (...content: JSONContent[]): JSONContent => ({ type: 'bulletList', content: [{ type: 'listItem', content }] });

/**
 * Foreword without images; chapter 1 with a captioned and an uncaptioned image, and a sub-section
 * with a captioned image inside a list; chapter 2 with a note (an outside image) and an image, both
 * captioned. With `captions` false the same report has no caption at all (one is only blanks).
 */
async function report(app: TestApp, language: 'de' | 'en', captions: boolean) {
  const cap = (index: number): string | null => (captions ? CAPTIONS[index] : index === 0 ? '   ' : null);
  const lead = await registerUser(app, { name: 'Frida Figur' });
  const project = await createProject(lead, { title: 'Bericht mit Verzeichnis', language });
  const blue = await mustUpload(lead, project.id, pngImage(240, 120, [30, 90, 160]));
  const orange = await mustUpload(lead, project.id, pngImage(160, 80, [200, 120, 20]));
  const foreword = await createSection(lead, project.id, { title: 'Vorwort', numbered: false });
  const one = await createSection(lead, project.id, { title: 'Ausgangslage' });
  const oneOne = await createSection(lead, project.id, { title: 'Datenlage', parentId: one.id });
  const two = await createSection(lead, project.id, { title: 'Ergebnisse' });
  await setContent(app, foreword.id, doc(paragraph(text('Ein Vorwort ohne Bilder.'))));
  await setContent(
    app,
    one.id,
    doc(paragraph(text(LOREM.repeat(6))), image(blue.src, 'Balkendiagramm', cap(0)), image(orange.src, 'Foto des Rathauses', null), paragraph(text(LOREM.repeat(4)))),
  );
  await setContent(app, oneOne.id, doc(paragraph(text(LOREM.repeat(14))), bullet(paragraph(text('Befragung')), image(blue.src, 'Rücklauf', cap(1)))));
  await setContent(
    app,
    two.id,
    doc(
      paragraph(text('Das zweite Kapitel.')),
      image('https://tracker.example.org/organigramm.png', 'Organigramm', cap(2)),
      image(orange.src, 'Säulendiagramm', cap(3)),
    ),
  );
  return { lead, projectId: project.id, sections: [foreword, one, oneOne, two] };
}

/** The PDF's bookmarks (outline items: objects with a /Parent and a /Title), in the file's order. */
function bookmarks(pdf: PdfFile): string[] {
  const raw = pdf.bytes.toString('latin1');
  return [...raw.matchAll(/\/Parent \d+ 0 R[^>]*?\/Title (\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]*>)/g)].map(([, title]) => {
    if (title.startsWith('<')) {
      // A hex string in UTF-16BE after its byte order mark (titles beyond Latin-1).
      return Buffer.from(title.slice(5, -1), 'hex').swap16().toString('utf16le');
    }
    return title.slice(1, -1).replace(/\\(.)/g, '$1');
  });
}

/** Each entry's page number leads to the page where its figure's caption is printed. */
async function expectEntriesOnTheirPages(pdf: PdfFile, entries: ListEntry[], word: string, words: { page: string; of: string }) {
  const physical = await physicalPages(pdf, words);
  for (const entry of entries) {
    const page = physical.get(entry.page);
    expect({ entry: entry.number, page: page !== undefined }).toEqual({ entry: entry.number, page: true });
    const printed = comparable(await pdf.text({ page, layout: false }));
    expect({ entry: entry.number, onPage: printed.includes(`${word} ${entry.number}: ${entry.caption}`) }).toEqual({ entry: entry.number, onPage: true });
  }
}

describe('the list of figures in the export', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('follows the contents as "Abbildungsverzeichnis", every captioned image with its number and page, outside contents and bookmarks', async () => {
    const { lead, projectId } = await report(app, 'de', true);
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'draft'));
    try {
      // Cover, then contents and list of figures on one page (both fit); the main matter (page 1) starts after them.
      const front = await pdf.text({ page: 2 });
      expect(front).toMatch(/^\s*Inhalt\s*$/m);
      expect(front).toMatch(/^\s*Abbildungsverzeichnis\s*$/m);
      expect(front.indexOf('Abbildungsverzeichnis')).toBeGreaterThan(front.indexOf('2 Ergebnisse'));
      const physical = await physicalPages(pdf, { page: 'Seite', of: 'von' });
      expect(physical.get(1)).toBe(3);
      expect(physical.size).toBe((await pdf.pages()) - 2);

      // Four captions, four entries in order; the uncaptioned image has none.
      const entries = await entriesOf(pdf, 2, 'Abbildung');
      expect(entries.map(({ number, caption }) => ({ number, caption }))).toEqual(CAPTIONS.map((caption, index) => ({ number: index + 1, caption })));
      expect(entries.map((entry) => entry.page)).toEqual([...entries.map((entry) => entry.page)].sort((a, b) => a - b));
      expect(entries[3].page).toBeGreaterThan(entries[0].page); // chapter 2 starts a page of its own
      await expectEntriesOnTheirPages(pdf, entries, 'Abbildung', { page: 'Seite', of: 'von' });

      // Like the contents' own heading: not listed in the contents, but a bookmark.
      expect(comparable(front)).not.toMatch(/Abbildungsverzeichnis( \.)+ \d/);
      expect(bookmarks(pdf)).toEqual(['Inhalt', 'Abbildungsverzeichnis', 'Vorwort', '1 Ausgangslage', '1.1 Datenlage', '2 Ergebnisse']);
      await pdf.renderPages('figures-list', 2, 2);
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('says "List of figures" and "Figure N" in English, and the final version is PDF/A-2a, tagged, fonts embedded', async () => {
    const { lead, projectId, sections } = await report(app, 'en', true);
    for (const section of sections) {
      await approve(lead, projectId, section.id);
    }
    const pdf = new PdfFile(await exportPdf(lead, projectId, 'final'));
    try {
      expect(await pdf.text({ page: 2 })).toMatch(/^\s*Contents\s*$/m);
      expect(await pdf.text({ page: 2 })).toMatch(/^\s*List of figures\s*$/m);
      expect((await physicalPages(pdf, { page: 'Page', of: 'of' })).get(1)).toBe(3);
      const entries = await entriesOf(pdf, 2, 'Figure');
      expect(entries.map(({ number, caption }) => ({ number, caption }))).toEqual(CAPTIONS.map((caption, index) => ({ number: index + 1, caption })));
      await expectEntriesOnTheirPages(pdf, entries, 'Figure', { page: 'Page', of: 'of' });
      expect(comparable(await pdf.text({ layout: false }))).not.toMatch(/Abbildung/);
      expect(bookmarks(pdf)).toEqual(['Contents', 'List of figures', 'Vorwort', '1 Ausgangslage', '1.1 Datenlage', '2 Ergebnisse']);

      const raw = pdf.bytes.toString('latin1');
      expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
      expect(raw).toMatch(/\/Type\s*\/StructTreeRoot/);
      expect(raw).toContain('/Lang (en)');
      const fonts = await pdf.fonts();
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        const columns = font.trim().split(/\s+/);
        expect({ font: columns[0], emb: columns[columns.length - 5] }).toEqual({ font: columns[0], emb: 'yes' });
      }
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('is left out entirely, heading and page, when no image has a caption', async () => {
    for (const language of ['de', 'en'] as const) {
      const { lead, projectId } = await report(app, language, false);
      const pdf = new PdfFile(await exportPdf(lead, projectId, 'draft'));
      try {
        const all = comparable(await pdf.text({ layout: false }));
        expect(all).not.toMatch(/Abbildungsverzeichnis|List of figures|Abbildung \d|Figure \d/);
        // The main matter starts right after the contents, as before there was a list of figures.
        const words = language === 'de' ? { page: 'Seite', of: 'von' } : { page: 'Page', of: 'of' };
        const physical = await physicalPages(pdf, words);
        expect(physical.get(1)).toBe(3);
        expect(physical.size).toBe((await pdf.pages()) - 2);
        expect(bookmarks(pdf)).toEqual([language === 'de' ? 'Inhalt' : 'Contents', 'Vorwort', '1 Ausgangslage', '1.1 Datenlage', '2 Ergebnisse']);
      } finally {
        pdf.remove();
      }
    }
  }, 240_000);
});
