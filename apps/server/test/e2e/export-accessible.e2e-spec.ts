import type { ExportJob } from '@kapitel/domain';
import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser, type Person } from '../factories.js';
import { mustUpload, pngImage } from '../image-files.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, doc, download, paragraph, requestExport, setContent, text, waitForExport } from './export-support.js';

const image = (src: string, alt: string | null): JSONContent => ({ type: 'image', attrs: { src, alt } });

/** The alternative texts of the structure tree's figures, as the PDF carries them. */
function figureAlts(raw: string): string[] {
  return [...raw.matchAll(/\/Alt\s*\(([^)]*)\)/g)].map((match) => match[1] ?? '');
}

/**
 * A final export is archivable and accessible (docs/export.md, "PDF/A and tagging"): PDF/A-2a,
 * level A, when every image has alternative text or was marked decorative; an image nobody
 * decided about keeps it at PDF/A-2b, and the job says how many there are.
 */
describe('the accessible final export', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  /** An approved one-section report with the images `alts` names (null: never given). */
  async function reportWith(alts: Array<string | null>, extra: JSONContent[] = []): Promise<{ lead: Person; projectId: string }> {
    const lead = await registerUser(app, { name: 'Ida Bild' });
    const project = await createProject(lead, { title: 'Barrierefreier Bericht', language: 'de' });
    const section = await createSection(lead, project.id, { title: 'Abbildungen' });
    const images = await Promise.all(
      alts.map(async (alt, index) => image((await mustUpload(lead, project.id, pngImage(30 + index, 20, [40 * index, 90, 60]))).src, alt)),
    );
    await setContent(app, section.id, doc(paragraph(text('Vor den Bildern.')), ...images, ...extra, paragraph(text('Danach.'))));
    await approve(lead, project.id, section.id);
    return { lead, projectId: project.id };
  }

  async function exported(lead: Person, projectId: string, mode: 'draft' | 'final') {
    const id = await requestExport(lead, projectId, mode);
    const job = await waitForExport(lead, projectId, id);
    expect(job.status).toBe('done');
    const file = await download(lead, projectId, id);
    expect(file.status).toBe(200);
    return { job, raw: file.bytes.toString('latin1') };
  }

  it('is PDF/A-2a when every image has alternative text or is decorative, and the decorative one is no figure', async () => {
    const { lead, projectId } = await reportWith(['Karte des Stadtgebiets', '']);
    const { job, raw } = await exported(lead, projectId, 'final');

    expect({ standard: job.standard, imagesWithoutAlt: job.imagesWithoutAlt }).toEqual({ standard: 'pdf-a-2a', imagesWithoutAlt: 0 });
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(raw).toMatch(/\/Type\s*\/StructTreeRoot/);
    // Only the described image is a figure for screen readers; the decorative one is an artifact.
    expect(figureAlts(raw)).toEqual(['Karte des Stadtgebiets']);
    expect(raw.match(/\/S\s*\/Figure/g)).toHaveLength(1);
  });

  it('stays PDF/A-2a with a captioned image from elsewhere, whose note is the figure and its words the alternative text', async () => {
    const elsewhere: JSONContent = {
      type: 'image',
      attrs: { src: 'https://tracker.example.org/karte.png', alt: 'Karte', caption: 'Lage der Kommunen' },
    };
    const { lead, projectId } = await reportWith(['Foto des Rathauses'], [elsewhere]);
    const { job, raw } = await exported(lead, projectId, 'final');

    expect(job.standard).toBe('pdf-a-2a');
    expect(raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    // In the order of the PDF's objects, not of the text.
    expect(figureAlts(raw).sort()).toEqual(['Bild nicht eingebettet: Karte', 'Foto des Rathauses']);
  });

  it('stays PDF/A-2b while an image has no alternative text, and counts such images', async () => {
    const { lead, projectId } = await reportWith(['Karte des Stadtgebiets', null, null]);
    const { job, raw } = await exported(lead, projectId, 'final');

    expect({ standard: job.standard, imagesWithoutAlt: job.imagesWithoutAlt }).toEqual({ standard: 'pdf-a-2b', imagesWithoutAlt: 2 });
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/Type\s*\/StructTreeRoot/);
  });

  it('names no PDF/A level for a draft, but counts its images without alternative text too', async () => {
    const { lead, projectId } = await reportWith([null, '']);
    const { job, raw } = await exported(lead, projectId, 'draft');

    expect({ standard: job.standard, imagesWithoutAlt: job.imagesWithoutAlt }).toEqual({ standard: null, imagesWithoutAlt: 1 });
    expect(raw).not.toContain('pdfaid:conformance');
    // Tagged all the same; the decorative image is no figure here either.
    expect(raw).toMatch(/\/Type\s*\/StructTreeRoot/);
    expect(raw.match(/\/S\s*\/Figure/g)).toHaveLength(1);
  });

  it('lists finished jobs with what they became', async () => {
    const { lead, projectId } = await reportWith(['Karte', null]);
    const final = await exported(lead, projectId, 'final');
    const draft = await exported(lead, projectId, 'draft');
    const listed = await lead.client.get<ExportJob[]>(`/api/projects/${projectId}/exports`);
    expect(listed.status).toBe(200);
    const seen = listed.body.map(({ id, mode, standard, imagesWithoutAlt }) => ({ id, mode, standard, imagesWithoutAlt }));
    expect(seen).toEqual([
      { id: draft.job.id, mode: 'draft', standard: null, imagesWithoutAlt: 1 },
      { id: final.job.id, mode: 'final', standard: 'pdf-a-2b', imagesWithoutAlt: 1 },
    ]);
  });
});
