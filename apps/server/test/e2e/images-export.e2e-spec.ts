import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser } from '../factories.js';
import { mustUpload, pngImage } from '../image-files.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, comparable, doc, exportPdf, paragraph, PdfFile, setContent, text } from './export-support.js';

const run = promisify(execFile);

/** The pictures of a PDF (`pdfimages -list`), soft masks left out: their pixel sizes. */
async function picturesOf(pdf: PdfFile): Promise<string[]> {
  const { stdout } = await run('pdfimages', ['-list', pdf.path]);
  return stdout
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[2] === 'image')
    .map((columns) => `${columns[3]}x${columns[4]}`);
}

const image = (src: string, alt: string): JSONContent => ({ type: 'image', attrs: { src, alt } });

/**
 * A section's uploaded images in the PDF (docs/images.md, docs/export.md "Images"): the
 * server hands the project's own images to the export; an image of another project, or one
 * anywhere else, is never loaded and leaves the note "Bild nicht eingebettet".
 */
describe('uploaded images in the export', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  async function reportWithImages() {
    const lead = await registerUser(app, { name: 'Ida Bild' });
    const project = await createProject(lead, { title: 'Bericht mit Abbildungen', language: 'de' });
    const other = await createProject(lead, { title: 'Ein anderer Bericht' });
    const own = await mustUpload(lead, project.id, pngImage(48, 32, [20, 120, 60]));
    const foreign = await mustUpload(lead, other.id, pngImage(21, 13, [160, 20, 20]));
    const section = await createSection(lead, project.id, { title: 'Abbildungen' });
    await setContent(
      app,
      section.id,
      doc(
        paragraph(text('Vor der Karte.')),
        image(own.src, 'Karte des Stadtgebiets'),
        image(foreign.src, 'Bild aus einem anderen Bericht'),
        image(`${app.origin}${own.src}`, 'Dieselbe Karte als volle Adresse'),
        paragraph(text('Nach der Karte.')),
      ),
    );
    return { lead, project, section };
  }

  it('embeds the project\'s own uploaded image in a draft and notes the others', async () => {
    const { lead, project } = await reportWithImages();
    const pdf = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      expect(await picturesOf(pdf)).toEqual(['48x32']);
      const body = comparable(await pdf.text({ layout: false }));
      expect(body).toContain('Bild nicht eingebettet: Bild aus einem anderen Bericht');
      expect(body).toContain('Bild nicht eingebettet: Dieselbe Karte als volle Adresse');
      expect(body).not.toContain('Bild nicht eingebettet: Karte des Stadtgebiets');
    } finally {
      pdf.remove();
    }
  });

  it('sets an image Typst cannot read (a truncated upload) as its note and embeds the others all the same', async () => {
    const lead = await registerUser(app, { name: 'Ida Bild' });
    const project = await createProject(lead, { title: 'Bericht mit einem kaputten Bild' });
    const good = await mustUpload(lead, project.id, pngImage(48, 32, [20, 120, 60]));
    // Header and size intact (the upload reads no further), the picture data cut off.
    const truncated = await mustUpload(lead, project.id, pngImage(40, 40, [200, 30, 30]).subarray(0, 60));
    const section = await createSection(lead, project.id, { title: 'Abbildungen' });
    await setContent(app, section.id, doc(image(good.src, 'Karte des Stadtgebiets'), image(truncated.src, 'Abgeschnittenes Bild')));
    const pdf = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      expect(await picturesOf(pdf)).toEqual(['48x32']);
      const body = comparable(await pdf.text({ layout: false }));
      expect(body).toContain('Bild nicht eingebettet: Abgeschnittenes Bild');
      expect(body).not.toContain('Bild nicht eingebettet: Karte des Stadtgebiets');
    } finally {
      pdf.remove();
    }
  });

  it('embeds it in a final export too, which is PDF/A-2a (every image there has alternative text)', async () => {
    const { lead, project, section } = await reportWithImages();
    await approve(lead, project.id, section.id);
    const pdf = new PdfFile(await exportPdf(lead, project.id, 'final'));
    try {
      expect(await picturesOf(pdf)).toEqual(['48x32']);
      const raw = pdf.bytes.toString('latin1');
      expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
      expect(comparable(await pdf.text({ layout: false }))).toContain('Bild nicht eingebettet: Bild aus einem anderen Bericht');
    } finally {
      pdf.remove();
    }
  });
});
