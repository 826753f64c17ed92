import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { doc, exportPdf, paragraph, PdfFile, setContent, text } from './export-support.js';

/** Footnotes in the PDF: at the foot of their page, numbered through the whole report. docs/export.md. */

const footnote = (value: string): JSONContent => ({ type: 'footnote', attrs: { text: value } });
const FILLER = 'Die Gemeinden prüfen ihre Verträge mit Softwareanbietern und planen den Wechsel sorgfältig. ';

describe('footnotes in the export', () => {
  let app: TestApp;
  let pdf: PdfFile;

  beforeAll(async () => {
    app = await startTestApp();
    const lead = await registerUser(app, { name: 'Fritz Fußnote' });
    const project = await createProject(lead, { title: 'Bericht mit Quellen', language: 'de' });
    const one = await createSection(lead, project.id, { title: 'Kosten' });
    const two = await createSection(lead, project.id, { title: 'Betrieb' });
    await setContent(app, one.id, doc(paragraph(text('Die Lizenzkosten sinken deutlich'), footnote('KGSt-Bericht 3/2024, S. 12.'), text('.'))));
    await setContent(
      app,
      two.id,
      doc(
        paragraph(text(FILLER.repeat(60))),
        paragraph(text('Der Betrieb bleibt im eigenen Rechenzentrum'), footnote('Beschluss des Kreistags vom 4. März 2025.'), text('.')),
      ),
    );
    pdf = new PdfFile(await exportPdf(lead, project.id, 'draft'));
  }, 180_000);

  afterAll(async () => {
    pdf?.remove();
    await app?.close();
  });

  /** The first page whose text contains `needle`. */
  async function pageWith(needle: string): Promise<number> {
    for (let page = 1; page <= (await pdf.pages()); page += 1) {
      if ((await pdf.text({ page, raw: true })).includes(needle)) {
        return page;
      }
    }
    throw new Error(`"${needle}" is on no page`);
  }

  it('sets each note at the foot of the page that cites it, numbered through the report', async () => {
    const first = await pageWith('Lizenzkosten sinken deutlich');
    const firstText = await pdf.text({ page: first, raw: true });
    expect(firstText).toMatch(/deutlich\s*1\s*\./);
    expect(firstText).toMatch(/1\s*KGSt-Bericht 3\/2024, S\. 12\./);
    expect(firstText.indexOf('KGSt-Bericht')).toBeGreaterThan(firstText.indexOf('Lizenzkosten sinken deutlich'));

    const second = await pageWith('im eigenen Rechenzentrum');
    expect(second).toBeGreaterThan(first);
    const secondText = await pdf.text({ page: second, raw: true });
    expect(secondText).toMatch(/Rechenzentrum\s*2\s*\./);
    expect(secondText).toMatch(/2\s*Beschluss des Kreistags vom 4\. März 2025\./);
  });

  it('keeps the note out of the running text', async () => {
    const all = await pdf.text({ raw: true });
    expect(all.match(/KGSt-Bericht/g)).toHaveLength(1);
  });
});
