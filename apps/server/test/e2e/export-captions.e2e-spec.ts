import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser } from '../factories.js';
import { mustUpload, pngImage } from '../image-files.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, comparable, doc, exportPdf, paragraph, PdfFile, setContent, text } from './export-support.js';
import { bandOf, linesOf, type Rgb } from './pdf-geometry.js';

const BLUE: Rgb = [30, 90, 160];
const ORANGE: Rgb = [200, 120, 20];

const image = (src: string, alt: string, caption?: string): JSONContent => ({ type: 'image', attrs: { src, alt, caption: caption ?? null } });

/**
 * Captions in the PDF (docs/export.md, "Images"): a captioned image is a figure, numbered
 * through the whole report with the language's word ("Abbildung 3: …" / "Figure 3: …");
 * an image without a caption gets no number; an image that could not be embedded keeps its
 * caption under its note.
 */
describe('image captions in the export', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  /** Two chapters: a captioned and an uncaptioned image in the first, a note and an image with captions in the second. */
  async function reportWithFigures(language: 'de' | 'en') {
    const lead = await registerUser(app, { name: 'Carla Caption' });
    const project = await createProject(lead, { title: 'Bericht mit Abbildungen', language });
    const blue = await mustUpload(lead, project.id, pngImage(240, 120, BLUE));
    const orange = await mustUpload(lead, project.id, pngImage(160, 80, ORANGE));
    const first = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const second = await createSection(lead, project.id, { title: 'Ergebnisse' });
    await setContent(
      app,
      first.id,
      doc(
        paragraph(text('Vor der ersten Abbildung.')),
        image(blue.src, 'Balkendiagramm der Kommunen', 'Anteil offener Software in den Kommunen, 2025'),
        paragraph(text('Zwischen den Bildern.')),
        image(orange.src, 'Foto des Rathauses'),
        paragraph(text('Nach dem Bild ohne Unterschrift.')),
      ),
    );
    await setContent(
      app,
      second.id,
      doc(
        paragraph(text('Das zweite Kapitel.')),
        image('https://tracker.example.org/organigramm.png', 'Organigramm', 'Aufbau der Arbeitsgruppe'),
        image(orange.src, 'Säulendiagramm der Kosten', 'Kosten je Einwohner in Euro "netto"'),
        paragraph(text('Ende des Berichts.')),
      ),
    );
    return { lead, project, sections: [first, second] };
  }

  /** The first page of the main matter: after cover, contents and the list of figures (which repeats every caption). */
  async function firstMainPage(pdf: PdfFile): Promise<number> {
    for (let page = 1; page <= (await pdf.pages()); page += 1) {
      if (/^\s*(Abbildungsverzeichnis|List of figures)\s*$/m.test(await pdf.text({ page }))) {
        return page + 1;
      }
    }
    throw new Error('the report has no list of figures');
  }

  /** The text of the main matter, where the figures themselves are. */
  async function mainText(pdf: PdfFile): Promise<string> {
    const pages: string[] = [];
    for (let page = await firstMainPage(pdf); page <= (await pdf.pages()); page += 1) {
      pages.push(await pdf.text({ page, layout: false }));
    }
    return comparable(pages.join('\n'));
  }

  /** The first page of the main matter whose text has `needle`. */
  async function pageWith(pdf: PdfFile, needle: string): Promise<number> {
    for (let page = await firstMainPage(pdf); page <= (await pdf.pages()); page += 1) {
      if (comparable(await pdf.text({ page, layout: false })).includes(needle)) {
        return page;
      }
    }
    throw new Error(`"${needle}" is on no page`);
  }

  it('numbers captioned images through the report as "Abbildung N", each caption right below its image, and leaves uncaptioned ones unnumbered', async () => {
    const { lead, project } = await reportWithFigures('de');
    const pdf = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      const body = await mainText(pdf);
      const order = [
        'Vor der ersten Abbildung.',
        'Abbildung 1: Anteil offener Software in den Kommunen, 2025',
        'Zwischen den Bildern.',
        'Nach dem Bild ohne Unterschrift.',
        'Das zweite Kapitel.',
        'Bild nicht eingebettet: Organigramm',
        'Abbildung 2: Aufbau der Arbeitsgruppe',
        'Abbildung 3: Kosten je Einwohner in Euro "netto"',
        'Ende des Berichts.',
      ];
      const positions = order.map((needle) => body.indexOf(needle));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      // Three captions, three numbers: the image without a caption has none.
      expect(body.match(/Abbildung \d+:/g)).toEqual(['Abbildung 1:', 'Abbildung 2:', 'Abbildung 3:']);

      // The numbering runs on across chapters (each starts on a page of its own).
      const firstPage = await pageWith(pdf, 'Abbildung 1:');
      const secondPage = await pageWith(pdf, 'Abbildung 3:');
      expect(secondPage).toBeGreaterThan(firstPage);

      // Each caption starts just below its image (within a line or two), not anywhere on the page.
      const captionTop = async (page: number, start: string): Promise<number> => {
        const line = (await linesOf(pdf, page)).find((candidate) => candidate.text.startsWith(start));
        if (line === undefined) {
          throw new Error(`no line starts with "${start}" on page ${page}`);
        }
        return line.top;
      };
      const blue = await bandOf(pdf, firstPage, BLUE);
      const one = await captionTop(firstPage, 'Abbildung 1:');
      expect(blue).not.toBeNull();
      expect(one - (blue?.bottom ?? 0)).toBeGreaterThanOrEqual(0);
      expect(one - (blue?.bottom ?? 0)).toBeLessThan(15);
      const orange = await bandOf(pdf, secondPage, ORANGE);
      const three = await captionTop(secondPage, 'Abbildung 3:');
      expect(orange).not.toBeNull();
      expect(three - (orange?.bottom ?? 0)).toBeGreaterThanOrEqual(0);
      expect(three - (orange?.bottom ?? 0)).toBeLessThan(15);
      // The note's caption is below the note's words and above the next figure's image.
      const note = (await linesOf(pdf, secondPage)).find((line) => line.text === 'Bild nicht eingebettet: Organigramm');
      const two = await captionTop(secondPage, 'Abbildung 2:');
      expect(note).toBeDefined();
      expect(two).toBeGreaterThan(note?.top ?? Infinity);
      expect(two).toBeLessThan(orange?.top ?? 0);
      await pdf.renderPages('captions', firstPage, secondPage);
    } finally {
      pdf.remove();
    }
  }, 180_000);

  it('says "Figure N" in an English report, whose final version is PDF/A-2a with its figures', async () => {
    const { lead, project, sections } = await reportWithFigures('en');
    for (const section of sections) {
      await approve(lead, project.id, section.id);
    }
    const pdf = new PdfFile(await exportPdf(lead, project.id, 'final'));
    try {
      const body = await mainText(pdf);
      const captions = ['Figure 1: Anteil offener Software in den Kommunen, 2025', 'Figure 2: Aufbau der Arbeitsgruppe', 'Figure 3: Kosten je Einwohner in Euro "netto"'];
      const positions = captions.map((caption) => body.indexOf(caption));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(body.match(/Figure \d+:/g)).toEqual(['Figure 1:', 'Figure 2:', 'Figure 3:']);
      expect(body).not.toMatch(/Abbildung \d/);
      expect(body).toContain('Image not embedded: Organigramm');
      const raw = pdf.bytes.toString('latin1');
      expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
      expect(raw).toMatch(/\/Type\s*\/StructTreeRoot/);
    } finally {
      pdf.remove();
    }
  }, 180_000);
});
