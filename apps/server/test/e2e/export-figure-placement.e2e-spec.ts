import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser } from '../factories.js';
import { mustUpload, pngImage } from '../image-files.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { comparable, doc, exportPdf, heading, paragraph, PdfFile, setContent, table, text } from './export-support.js';
import { bandOf, linesOf, type Rgb } from './pdf-geometry.js';

const BLUE: Rgb = [30, 90, 160];
const ORANGE: Rgb = [200, 120, 20];
const GREEN: Rgb = [40, 150, 60];
const VIOLET: Rgb = [120, 40, 160];
/** The top margin of a main page (30 mm) in points, and a little room below it. */
const TEXT_TOP = 85;

const SENTENCE =
  'Die Kommunen setzen zunehmend auf offene Standards und freie Software, um ihre digitale Souveränität zu stärken und Abhängigkeiten von einzelnen Anbietern zu verringern. ';
/** Paragraphs that fill about two thirds of a page, each with its number. */
const twoThirdsOfAPage = (name: string): JSONContent[] =>
  Array.from({ length: 9 }, (_, index) => paragraph(text(`${name} ${String(index + 1)}. ${SENTENCE.repeat(2)}`)));
const image = (src: string, caption: string): JSONContent => ({ type: 'image', attrs: { src, alt: caption, caption } });

/**
 * Pictures on the page (docs/export.md, "Figures"): one that does not fit in what is left of
 * the page goes to the top of the next page and the section's text after it fills the page,
 * instead of leaving a gap of up to two thirds of a page; it never moves past the next
 * section's title.
 */
describe('where the export sets a picture too tall for the rest of its page', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  async function pageWith(pdf: PdfFile, needle: string): Promise<number> {
    for (let page = 1; page <= (await pdf.pages()); page += 1) {
      if (comparable(await pdf.text({ page, layout: false })).includes(needle)) {
        return page;
      }
    }
    throw new Error(`"${needle}" is on no page`);
  }

  it('sets it at the top of the next page and fills its page with the text after it, but never after the next section’s title', async () => {
    const lead = await registerUser(app, { name: 'Petra Platz' });
    const project = await createProject(lead, { title: 'Bericht mit großen Bildern' });
    const blue = await mustUpload(lead, project.id, pngImage(600, 900, BLUE));
    const orange = await mustUpload(lead, project.id, pngImage(600, 900, ORANGE));
    const first = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const second = await createSection(lead, project.id, { title: 'Ergebnisse' });
    const small = await mustUpload(lead, project.id, pngImage(160, 30, GREEN));
    const details = await createSection(lead, project.id, { title: 'Einzelheiten', parentId: second.id });
    await setContent(
      app,
      first.id,
      doc(
        ...twoThirdsOfAPage('Vorher'),
        image(blue.src, 'Ein hohes Bild'),
        paragraph(text('Gleich nach dem Bild.')),
        heading(2, 'Ein Unterteil'),
        ...twoThirdsOfAPage('Im Unterteil'),
      ),
    );
    // The tall picture is the last of its section's own text: the subsection follows it.
    await setContent(app, second.id, doc(...twoThirdsOfAPage('Ergebnis'), image(orange.src, 'Ein zweites hohes Bild')));
    // A short chapter whose picture, its last block, fits below its text (a footnote and a
    // captioned table before it, as a tester had it when the picture rose above the title).
    const third = await createSection(lead, project.id, { title: 'Kurz' });
    const screenshot = await mustUpload(lead, project.id, pngImage(1100, 700, VIOLET));
    await setContent(
      app,
      third.id,
      doc(
        paragraph(text('Ein kurzer Absatz.'), { type: 'footnote', attrs: { text: 'Siehe Anhang.' } }),
        { ...table(['Kommune', 'Jahr'], [['Kassel', '2025']]), attrs: { caption: 'Kommunen mit freier Software' } },
        paragraph(text('Siehe')),
        image(screenshot.src, 'Das Anmeldeformular'),
      ),
    );
    await setContent(
      app,
      details.id,
      doc(paragraph(text('Im Unterabschnitt.')), image(small.src, 'Ein kleines Bild'), paragraph(text('Nach dem kleinen Bild.'))),
    );

    const pdf = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      await pdf.renderPages('figure-placement', 1, await pdf.pages());
      // The text after the picture fills the page the picture did not fit on ...
      const before = await pageWith(pdf, 'Vorher 9.');
      expect(await pageWith(pdf, 'Gleich nach dem Bild.')).toBe(before);
      expect(await bandOf(pdf, before, BLUE)).toBeNull();
      // ... and the picture opens the next page, its caption below it.
      const band = await bandOf(pdf, before + 1, BLUE);
      expect(band?.top).toBeLessThan(TEXT_TOP + 15);
      const caption = (await linesOf(pdf, before + 1)).find((line) => line.text === 'Abbildung 1: Ein hohes Bild');
      expect(caption?.top).toBeGreaterThan(band?.bottom ?? Infinity);
      // ... before the heading that follows in the text: under it, it would read as that part's.
      const part = (await linesOf(pdf, before + 1)).find((line) => line.text === 'Ein Unterteil');
      expect(part?.top).toBeGreaterThan(caption?.top ?? Infinity);

      // A picture at a section's end: the next section's title comes after it, not before.
      const end = await pageWith(pdf, 'Ergebnis 9.');
      expect(await bandOf(pdf, end, ORANGE)).toBeNull();
      expect(await pageWith(pdf, 'Im Unterabschnitt.')).toBe(end + 1);
      const orangeBand = await bandOf(pdf, end + 1, ORANGE);
      const title = (await linesOf(pdf, end + 1)).find((line) => line.text.startsWith('2.1 Einzelheiten'));
      expect(orangeBand?.top).toBeLessThan(TEXT_TOP + 15);
      expect(title?.top).toBeGreaterThan(orangeBand?.bottom ?? Infinity);

      // A picture that fits stays where it stands, between the paragraphs around it.
      const lines = await linesOf(pdf, end + 1);
      const greenBand = await bandOf(pdf, end + 1, GREEN);
      expect(greenBand?.top).toBeGreaterThan(lines.find((line) => line.text === 'Im Unterabschnitt.')?.top ?? Infinity);
      expect(greenBand?.bottom).toBeLessThan(lines.find((line) => line.text === 'Nach dem kleinen Bild.')?.top ?? -Infinity);

      // A picture that fits at a chapter's end stays below the chapter's title and text.
      const short = await pageWith(pdf, 'Ein kurzer Absatz.');
      const shortLines = await linesOf(pdf, short);
      const violet = await bandOf(pdf, short, VIOLET);
      expect(violet?.top).toBeGreaterThan(shortLines.find((line) => line.text === 'Siehe')?.top ?? Infinity);
      expect(shortLines.find((line) => line.text === 'Abbildung 4: Das Anmeldeformular')?.top).toBeGreaterThan(violet?.bottom ?? Infinity);
    } finally {
      pdf.remove();
    }
  });
});
