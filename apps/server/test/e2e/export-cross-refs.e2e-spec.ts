import type { JSONContent } from '@tiptap/core';
import { createProject, createSection, registerUser } from '../factories.js';
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
 * Cross-references in the PDF (docs/export.md, "Cross-references"): a reference prints its
 * target's current number in the report's words, or an unnumbered target's title in quotes, and
 * jumps to the target's heading; a reference whose target went to the trash says so in a draft,
 * and the job counts it (`missingReferences`).
 */

const FILLER = 'Die Gemeinden prüfen ihre Verträge mit Softwareanbietern und planen den Wechsel sorgfältig. ';
const refTo = (sectionId: string, title: string): JSONContent => ({
  type: 'sectionRef',
  attrs: { sectionId, title },
});

/**
 * How many of the PDF's link annotations jump to each heading (Typst names a heading's
 * destination by its label, `s0`, `s1` …, and writes annotations uncompressed).
 */
function jumpsTo(pdf: PdfFile): Record<string, number> {
  const raw = pdf.bytes.toString('latin1');
  const counts: Record<string, number> = {};
  for (const [, label] of raw.matchAll(/\/Subtype\s*\/Link\b[^>]*?\/Dest\s*\((s\d+)\)/g)) {
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

describe('cross-references in the exported PDF', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  async function report(language: 'de' | 'en') {
    const lead = await registerUser(app);
    const project = await createProject(lead, { title: 'Bericht mit Verweisen', language });
    const one = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const costs = await createSection(lead, project.id, { title: 'Kosten', parentId: one.id });
    const two = await createSection(lead, project.id, { title: 'Empfehlungen' });
    const annex = await createSection(lead, project.id, { title: 'Glossar', numbered: false });
    const old = await createSection(lead, project.id, { title: 'Alter Exkurs' });
    await setContent(
      app,
      two.id,
      doc(
        paragraph(text(FILLER.repeat(3))),
        paragraph(
          text('Zu den Kosten siehe '),
          refTo(costs.id, 'Kosten'),
          text(', zur Lage '),
          refTo(one.id, 'Ausgangslage'),
          text('.'),
        ),
        paragraph(
          text('Begriffe erklärt '),
          refTo(annex.id, 'Glossar'),
          text('; früher stand hier '),
          refTo(old.id, 'Alter Exkurs'),
          text('.'),
        ),
      ),
    );
    await setContent(app, costs.id, doc(paragraph(text(FILLER.repeat(40)))));
    // The last section goes to the trash: the reference to it keeps its remembered title.
    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${old.id}`)).status).toBe(204);
    return { lead, projectId: project.id };
  }

  it('prints "Abschnitt 1.1", "Kapitel 1" and an unnumbered target in quotes, each a jump to its heading, and marks a missing target in a draft', async () => {
    const { lead, projectId } = await report('de');
    const id = await requestExport(lead, projectId, 'draft');
    const job = await waitForExport(lead, projectId, id);
    expect({ status: job.status, missingReferences: job.missingReferences }).toEqual({
      status: 'done',
      missingReferences: 1,
    });
    const file = await download(lead, projectId, id);
    expect(file.status).toBe(200);
    const pdf = new PdfFile(file.bytes);
    const body = comparable(await pdf.text({ layout: false }));
    expect(body).toContain('Zu den Kosten siehe Abschnitt 1.1, zur Lage Kapitel 1.');
    expect(body).toContain('Begriffe erklärt "Glossar"; früher stand hier Verweis fehlt: "Alter Exkurs".');
    // One jump from each entry of the contents, and one more from each reference (none to chapter 2).
    expect(jumpsTo(pdf)).toEqual({ s0: 2, s1: 2, s2: 1, s3: 2 });
  });

  it("uses the report's language", async () => {
    const { lead, projectId } = await report('en');
    const body = comparable(
      await new PdfFile(await exportPdf(lead, projectId, 'draft')).text({ layout: false }),
    );
    expect(body).toContain('siehe Section 1.1, zur Lage Chapter 1.');
    expect(body).toContain('Missing reference: "Alter Exkurs"');
  });

  it('counts on the job a missing section and a missing figure in a final export, and says 0 (not null) when all resolve', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead, { title: 'Bericht mit fehlenden Zielen' });
    const one = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const two = await createSection(lead, project.id, { title: 'Empfehlungen' });
    const old = await createSection(lead, project.id, { title: 'Alter Exkurs' });
    const goneFigure = {
      type: 'figureRef',
      attrs: { figureId: '0f000000-0000-4000-8000-0000000000ff', kind: 'figure', caption: 'Alte Grafik' },
    };
    await setContent(app, one.id, doc(paragraph(text('Siehe '), refTo(two.id, 'Empfehlungen'), text('.'))));
    await setContent(
      app,
      two.id,
      doc(paragraph(text('Früher '), refTo(old.id, 'Alter Exkurs'), text(' und '), goneFigure, text('.'))),
    );
    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${old.id}`)).status).toBe(204);
    await approve(lead, project.id, one.id);
    await approve(lead, project.id, two.id);
    const final = await waitForExport(lead, project.id, await requestExport(lead, project.id, 'final'));
    expect({ status: final.status, missingReferences: final.missingReferences }).toEqual({
      status: 'done',
      missingReferences: 2,
    });

    const whole = await createProject(lead, { title: 'Bericht ohne fehlende Ziele' });
    const first = await createSection(lead, whole.id, { title: 'Ausgangslage' });
    const second = await createSection(lead, whole.id, { title: 'Empfehlungen' });
    await setContent(
      app,
      second.id,
      doc(paragraph(text('Siehe '), refTo(first.id, 'Ausgangslage'), text('.'))),
    );
    const draft = await waitForExport(lead, whole.id, await requestExport(lead, whole.id, 'draft'));
    expect({ status: draft.status, missingReferences: draft.missingReferences }).toEqual({
      status: 'done',
      missingReferences: 0,
    });
    // The list carries it too.
    const listed = await lead.client.get<Array<{ id: string; missingReferences: number | null }>>(
      `/api/projects/${whole.id}/exports`,
    );
    expect(listed.body.map(({ id, missingReferences }) => ({ id, missingReferences }))).toEqual([
      { id: draft.id, missingReferences: 0 },
    ]);
  }, 120_000);
});
