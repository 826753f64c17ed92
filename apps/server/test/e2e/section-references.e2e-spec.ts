import type { ErrorBody, SectionReferencesResponse } from '@kapitel/domain';
import type { JSONContent } from '@tiptap/core';
import { createParticipant, createProject, createSection, registerUser } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { doc, paragraph, setContent, text } from './export-support.js';

/** `GET /api/projects/:p/sections/:s/references`: who refers to a section, asked before it goes to the trash. */
describe('the sections that refer to a section (GET …/sections/:sectionId/references)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const refTo = (sectionId: string): JSONContent => ({ type: 'sectionRef', attrs: { sectionId, title: 'Kosten' } });

  async function report() {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const costs = await createSection(lead, project.id, { title: 'Kosten' });
    const plan = await createSection(lead, project.id, { title: 'Planung' });
    const detail = await createSection(lead, project.id, { title: 'Einzelheiten', parentId: plan.id });
    const annex = await createSection(lead, project.id, { title: 'Anhang', numbered: false });
    const path = (sectionId: string) => `/api/projects/${project.id}/sections/${sectionId}/references`;
    return { lead, project, costs, plan, detail, annex, path };
  }

  it('lists the live sections whose texts refer to it, in reading order, with how often', async () => {
    const { lead, costs, plan, detail, annex, path } = await report();
    await setContent(app, annex.id, doc(paragraph(text('Siehe '), refTo(costs.id))));
    await setContent(app, detail.id, doc(paragraph(refTo(costs.id), text(' und '), refTo(costs.id)), paragraph(refTo(plan.id))));
    await setContent(app, plan.id, doc(paragraph(text('Ohne Verweis.'))));

    const res = await lead.client.get<SectionReferencesResponse>(path(costs.id));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      references: [
        { sectionId: detail.id, number: '2.1', title: 'Einzelheiten', count: 2 },
        { sectionId: annex.id, number: null, title: 'Anhang', count: 1 },
      ],
    });
    // "Planung" goes to the trash with "Einzelheiten": the references to it from there do not count.
    expect((await lead.client.get<SectionReferencesResponse>(path(plan.id))).body).toEqual({ references: [] });
    expect((await lead.client.get<SectionReferencesResponse>(path(annex.id))).body).toEqual({ references: [] });
  });

  it('counts the references to its sub-sections too, which would go to the trash with it', async () => {
    const { lead, costs, plan, detail, path } = await report();
    await setContent(app, costs.id, doc(paragraph(refTo(detail.id)), paragraph(refTo(plan.id))));
    expect((await lead.client.get<SectionReferencesResponse>(path(plan.id))).body).toEqual({
      references: [{ sectionId: costs.id, number: '1', title: 'Kosten', count: 2 }],
    });
    expect((await lead.client.get<SectionReferencesResponse>(path(detail.id))).body.references.map((r) => r.count)).toEqual([1]);
  });

  it('leaves out sections in the trash, and names none of them as a target', async () => {
    const { lead, project, costs, detail, path } = await report();
    await setContent(app, detail.id, doc(paragraph(refTo(costs.id))));
    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${detail.id}`)).status).toBe(204);
    expect((await lead.client.get<SectionReferencesResponse>(path(costs.id))).body).toEqual({ references: [] });
    const trashed = await lead.client.get<ErrorBody>(path(detail.id));
    expect(trashed.status).toBe(404);
    expect(trashed.body.error.code).toBe('NOT_FOUND');
  });

  it('answers every member, and nobody else', async () => {
    const { lead, project, costs, path } = await report();
    const reader = await createParticipant(app, lead, project.id, 'reader');
    const stranger = await registerUser(app);
    expect((await reader.client.get(path(costs.id))).status).toBe(200);
    expect((await stranger.client.get(path(costs.id))).status).toBe(404);
    const malformed = await lead.client.get<ErrorBody>(`/api/projects/${project.id}/sections/kaputt/references`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details?.map((detail) => detail.field)).toContain('sectionId');
  });
});
