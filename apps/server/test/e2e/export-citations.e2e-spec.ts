import type { Source, SourceInput, SourceResponse } from '@kapitel/domain';
import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser, type Person } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';
import {
  approve,
  comparable,
  doc,
  download,
  exportPdf,
  paragraph,
  PdfFile,
  requestExport,
  setContent,
  text,
  waitForExport,
} from './export-support.js';

/**
 * Citations and the bibliography in an export (docs/export.md, "Citations and bibliography";
 * docs/sources.md): sources made through the API, cited in the texts; a citation prints its
 * source's current label, labelled over the project's whole list; the chapter after the last
 * one lists the cited sources only, from exactly the texts the export prints (current texts in
 * a draft, the approved versions in a final export, which stays PDF/A-2a).
 */

const cite = (source: Source, locator = '', label = 'KGSt 2023'): JSONContent => ({
  type: 'citation',
  attrs: { sourceId: source.id, label, locator },
});

async function addSource(lead: Person, projectId: string, fields: Partial<SourceInput>): Promise<Source> {
  const res = await lead.client.post<SourceResponse>(`/api/projects/${projectId}/sources`, fields);
  if (res.status !== 201) {
    throw new Error(`adding a source answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body.source;
}

/** The bibliography's page (the last) as one line: words as typed, addresses whole again. */
async function bibliographyOf(pdf: PdfFile): Promise<string> {
  return comparable(await pdf.text({ page: await pdf.pages(), raw: true }));
}

describe('citations in the export', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('print the current labels and list the cited sources of the printed texts after the last chapter', async () => {
    const lead = await registerUser(app, { name: 'Quinn Quelle' });
    const project = await createProject(lead, { title: 'Bericht mit Quellen', language: 'de' });
    const one = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const two = await createSection(lead, project.id, { title: 'Befunde' });
    const second = await addSource(lead, project.id, {
      authors: 'KGSt',
      title: 'Zweiter Bericht',
      year: '2023',
      publication: 'Köln: KGSt',
    });
    // Cited nowhere, but it makes the cited one "KGSt 2023b".
    await addSource(lead, project.id, { authors: 'KGSt', title: 'Erster Bericht', year: '2023' });
    const study = await addSource(lead, project.id, {
      authors: 'Müller, Anna; Schmidt, Jan',
      title: 'Offene Software in "Kommunen" #set *fett*',
      year: '2021',
      url: 'https://example.org/studien/offene-software.pdf',
      accessed: '2024-03-12',
    });
    const later = await addSource(lead, project.id, {
      authors: 'Zeller, Zoe',
      title: 'Nach der Freigabe',
      year: '2025',
    });
    await setContent(
      app,
      one.id,
      doc(paragraph(text('Die Kommunen setzen auf offene Software '), cite(second, 'S. 12'), text('.'))),
    );
    await setContent(app, two.id, doc(paragraph(text('Vgl. '), cite(study, '', 'Müller 2020'), text('.'))));
    await approve(lead, project.id, one.id);
    await approve(lead, project.id, two.id);
    // After the approval: the current text cites another source, the approved version does not.
    await setContent(
      app,
      two.id,
      doc(paragraph(text('Vgl. '), cite(study), text(' und '), cite(later), text('.'))),
    );

    const draft = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      const all = comparable(await draft.text({ layout: false }));
      expect(all).toContain('Die Kommunen setzen auf offene Software (KGSt 2023b, S. 12).');
      expect(all).toContain('Vgl. (Müller und Schmidt 2021) und (Zeller 2025).');
      expect(comparable(await draft.text({ page: 2 }))).toMatch(
        /2 Befunde( \.)+ 2 Literatur- und Quellenverzeichnis( \.)+ 3 /,
      );
      const bibliography = await bibliographyOf(draft);
      expect(bibliography).toContain('Literatur- und Quellenverzeichnis');
      expect(bibliography).toContain('KGSt (2023b): Zweiter Bericht. Köln: KGSt.');
      // As typed (comparable() turns the German quotes back into straight ones); the address may
      // wrap after a slash, so it is compared without spaces.
      expect(bibliography).toContain(
        'Müller, Anna; Schmidt, Jan (2021): Offene Software in "Kommunen" #set *fett*.',
      );
      expect(bibliography.replace(/ /g, '')).toContain(
        'https://example.org/studien/offene-software.pdf(abgerufenam12.03.2024).',
      );
      expect(await draft.text({ page: await draft.pages(), raw: true })).toContain('„Kommunen“');
      expect(bibliography).toContain('Zeller, Zoe (2025): Nach der Freigabe.');
      expect(bibliography).not.toContain('Erster Bericht');
      await draft.renderPages('citations', 3, 5);
    } finally {
      draft.remove();
    }

    const id = await requestExport(lead, project.id, 'final');
    const job = await waitForExport(lead, project.id, id);
    expect(job).toMatchObject({ status: 'done', standard: 'pdf-a-2a', missingReferences: 0 });
    const final = new PdfFile((await download(lead, project.id, id)).bytes);
    try {
      expect(comparable(await final.text({ layout: false }))).toContain('Vgl. (Müller und Schmidt 2021).');
      const bibliography = await bibliographyOf(final);
      expect(bibliography).toContain('KGSt (2023b): Zweiter Bericht.');
      expect(bibliography).toContain('Müller, Anna; Schmidt, Jan (2021)');
      expect(bibliography).not.toContain('Nach der Freigabe');
    } finally {
      final.remove();
    }
  }, 180_000);

  it('prints no bibliography when no text cites a source', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead, { title: 'Bericht ohne Zitate', language: 'en' });
    const one = await createSection(lead, project.id, { title: 'Introduction' });
    await addSource(lead, project.id, { authors: 'KGSt', title: 'Never cited', year: '2023' });
    await setContent(app, one.id, doc(paragraph(text('No citations here.'))));
    const pdf = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      const all = comparable(await pdf.text({ layout: false }));
      expect(all).not.toContain('References');
      expect(all).not.toContain('Never cited');
    } finally {
      pdf.remove();
    }
  }, 120_000);
});
