import type { ErrorBody } from '@kapitel/domain';
import { createProject, createSection, registerUser } from '../factories.js';
import { mustSucceed } from '../permission-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, comparable, doc, exportPdf, paragraph, PdfFile, setContent, text } from './export-support.js';

/**
 * The final export: refused until every section is approved, built from the approval
 * versions (not from later text), PDF/A-2b with tags, every font embedded, no watermark.
 */
describe('final export', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is refused with NOT_ALL_APPROVED while a section is not approved, and made from the approved versions once all are', async () => {
    const lead = await registerUser(app, { name: 'Lena Lead', organisation: 'Landkreis Beispiel' });
    const project = await createProject(lead, { title: 'Endbericht Digitalisierung', language: 'de' });
    const first = await createSection(lead, project.id, { title: 'Einleitung' });
    const second = await createSection(lead, project.id, { title: 'Empfehlungen' });
    await setContent(app, first.id, doc(paragraph(text('Freigegebener Text der Einleitung.'))));
    await setContent(app, second.id, doc(paragraph(text('Erste Fassung der Empfehlungen.'))));
    await approve(lead, project.id, first.id);

    const refused = await lead.client.post<ErrorBody>(`/api/projects/${project.id}/exports`, { mode: 'final' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NOT_ALL_APPROVED');
    const rows = await app.db.query('SELECT id FROM exports WHERE project_id = $1', [project.id]);
    expect(rows.rows).toEqual([]);

    // Approved, reopened, changed and approved again: the latest approval counts.
    await approve(lead, project.id, second.id);
    await mustSucceed(lead, 'post', `/api/projects/${project.id}/sections/${second.id}/transitions`, { action: 'reopen' });
    await setContent(app, second.id, doc(paragraph(text('Zweite, freigegebene Fassung der Empfehlungen.'))));
    await approve(lead, project.id, second.id);
    // A change after the approval (written behind the API's back) is in the draft, not in the final PDF.
    await setContent(app, first.id, doc(paragraph(text('Spätere Änderung nach der Freigabe.'))));

    const final = new PdfFile(await exportPdf(lead, project.id, 'final'));
    const draft = new PdfFile(await exportPdf(lead, project.id, 'draft'));
    try {
      const finalText = comparable(await final.text({ layout: false }));
      expect(finalText).toContain('Freigegebener Text der Einleitung.');
      expect(finalText).toContain('Zweite, freigegebene Fassung der Empfehlungen.');
      expect(finalText).not.toContain('Spätere Änderung');
      expect(finalText).not.toContain('Erste Fassung');
      expect(comparable(await draft.text({ layout: false }))).toContain('Spätere Änderung nach der Freigabe.');

      // No watermark and no review states in the final version.
      expect((await final.text({ raw: true })).replace(/\n/g, '')).not.toContain('ENTWURF');
      expect(finalText).not.toContain('Freigegeben ');
      expect((await draft.text({ raw: true })).replace(/\n/g, '')).toContain('ENTWURF');

      // PDF/A-2a (no image lacks alternative text) and tagged; every font embedded.
      const raw = final.bytes.toString('latin1');
      expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(raw).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
      expect(raw).toMatch(/\/Type\s*\/StructTreeRoot/);
      expect(raw).toContain('/Lang (de)');
      const fonts = await final.fonts();
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        // name type encoding emb sub uni object-id: "emb" is the fourth column from the end.
        const columns = font.trim().split(/\s+/);
        expect({ font: columns[0], emb: columns[columns.length - 5] }).toEqual({ font: columns[0], emb: 'yes' });
      }
      expect(fonts.some((font) => font.includes('Inter'))).toBe(true);
      expect(fonts.some((font) => font.includes('LibertinusSerif'))).toBe(true);
      await final.renderPages('final', 1, 3);
    } finally {
      final.remove();
      draft.remove();
    }
  }, 180_000);
});
