import type { ErrorBody, ReportFiguresResponse } from '@kapitel/domain';
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { connectCollab, eventually, synced } from '../collab-client.js';
import { createParticipant, createProject, createSection, registerUser } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { doc, paragraph, setContent, table, text } from './export-support.js';

const CHART = '0b7a4c1e-5d2f-4e8a-9c3b-6f1d2e3a4b5c';
const COSTS = '1c8b5d2f-6e3a-4f9b-8d4c-7a2e3f4b5c6d';
const MAP = '2d9c6e3a-7f4b-4a8c-9e5d-8b3f4a5c6d7e';

const image = (caption: string | null, figureId = ''): JSONContent => ({
  type: 'image',
  attrs: { src: '/api/projects/p/images/i', alt: 'Bild', caption, figureId },
});
const captioned = (caption: string, figureId: string): JSONContent => ({
  ...table(['Kommune', 'Kosten'], [['Adorf', '12']]),
  attrs: { caption, figureId },
});

/** `GET /api/projects/:p/figures`: the report's numbered figures and tables, what a cross-reference can point to. */
describe('the numbered figures and tables of a report (GET …/figures)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  async function report() {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const intro = await createSection(lead, project.id, { title: 'Einleitung' });
    const costs = await createSection(lead, project.id, { title: 'Kosten' });
    const detail = await createSection(lead, project.id, { title: 'Einzelheiten', parentId: intro.id });
    const annex = await createSection(lead, project.id, { title: 'Anhang', numbered: false });
    const path = `/api/projects/${project.id}/figures`;
    return { lead, project, intro, costs, detail, annex, path };
  }

  it('lists the captioned images and tables in reading order, numbered per kind through the report', async () => {
    const { lead, intro, costs, detail, annex, path } = await report();
    await setContent(app, costs.id, doc(image('Ausgaben 2025', CHART), captioned('Kosten je Kommune', COSTS)));
    await setContent(app, intro.id, doc(paragraph(text('Ohne Abbildung.')), image(null)));
    await setContent(app, detail.id, doc(image('Lageplan', MAP)));
    await setContent(app, annex.id, doc(image('Altbestand')));

    const res = await lead.client.get<ReportFiguresResponse>(path);
    expect(res.status).toBe(200);
    const section = (id: string, sectionNumber: string | null, sectionTitle: string) => ({ sectionId: id, sectionNumber, sectionTitle });
    expect(res.body.figures).toEqual([
      { figureId: MAP, kind: 'figure', number: 1, caption: 'Lageplan', ...section(detail.id, '1.1', 'Einzelheiten') },
      { figureId: CHART, kind: 'figure', number: 2, caption: 'Ausgaben 2025', ...section(costs.id, '2', 'Kosten') },
      { figureId: COSTS, kind: 'table', number: 1, caption: 'Kosten je Kommune', ...section(costs.id, '2', 'Kosten') },
      { figureId: '', kind: 'figure', number: 3, caption: 'Altbestand', ...section(annex.id, null, 'Anhang') },
    ]);
  });

  it('reads the current text, with edits not yet folded into the snapshot', async () => {
    const { lead, costs, path } = await report();
    await setContent(app, costs.id, doc(image('Ausgaben 2025', CHART)));
    const writer = connectCollab(app.origin, lead, costs.id);
    try {
      await synced(writer);
      writer.doc.transact(() => {
        const figure = new Y.XmlElement('image');
        figure.setAttribute('src', '/api/projects/p/images/j');
        figure.setAttribute('caption', 'Neu eingefügt');
        figure.setAttribute('figureId', MAP);
        writer.doc.getXmlFragment('default').insert(0, [figure]);
      });
      await eventually(async () => {
        const res = await lead.client.get<ReportFiguresResponse>(path);
        return res.body.figures.map((figure) => figure.caption).join('|') === 'Neu eingefügt|Ausgaben 2025';
      }, 'the new figure to be listed first');
    } finally {
      writer.destroy();
    }
  });

  it('leaves out sections in the trash, and counts on without them', async () => {
    const { lead, project, intro, costs, path } = await report();
    await setContent(app, intro.id, doc(image('Weg damit', CHART)));
    await setContent(app, costs.id, doc(image('Bleibt', MAP)));
    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${intro.id}`)).status).toBe(204);
    const res = await lead.client.get<ReportFiguresResponse>(path);
    expect(res.body.figures.map((figure) => [figure.caption, figure.number])).toEqual([['Bleibt', 1]]);
  });

  it('answers every member, and nobody else', async () => {
    const { lead, project, path } = await report();
    const reader = await createParticipant(app, lead, project.id, 'reader');
    const stranger = await registerUser(app);
    expect((await reader.client.get<ReportFiguresResponse>(path)).body).toEqual({ figures: [] });
    expect((await stranger.client.get(path)).status).toBe(404);
    const malformed = await lead.client.get<ErrorBody>('/api/projects/kaputt/figures');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details?.map((detail) => detail.field)).toContain('projectId');
  });
});
