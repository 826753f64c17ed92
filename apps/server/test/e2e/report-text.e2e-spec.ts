import type { ErrorBody, ReportTextResponse } from '@kapitel/domain';
import * as Y from 'yjs';
import { connectCollab, eventually, synced } from '../collab-client.js';
import { createParticipant, createProject, createSection, registerUser } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, doc, paragraph, setContent, text } from './export-support.js';

/** The words of a text's paragraphs, in order. */
function wordsOf(json: unknown): string[] {
  const node = json as { type?: string; text?: string; content?: unknown[] };
  if (node.type === 'text') {
    return [node.text ?? ''];
  }
  return (node.content ?? []).flatMap((child) => wordsOf(child));
}

/** `GET /api/projects/:p/text`: the whole report as it stands, for the reading view. */
describe('the whole report in reading order (GET …/text)', () => {
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
    const path = `/api/projects/${project.id}/text`;
    return { lead, project, intro, costs, detail, annex, path };
  }

  it('gives every live section in reading order with its number, depth, state and text; one without text reads as a text without words', async () => {
    const { lead, intro, costs, detail, annex, path } = await report();
    await setContent(app, intro.id, doc(paragraph(text('Worum es geht.'))));
    await setContent(app, detail.id, doc(paragraph(text('Genauer.')), paragraph(text('Noch genauer.'))));
    await setContent(app, annex.id, doc(paragraph(text('Tabellen und Quellen.'))));

    const before = Date.now();
    const res = await lead.client.get<ReportTextResponse>(path);
    expect(res.status).toBe(200);
    // When the texts were read, by the server's clock (here the same machine's).
    expect(Date.parse(res.body.readAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(res.body.readAt)).toBeLessThanOrEqual(Date.now());
    expect(res.body.sections.map(({ json, ...place }) => ({ ...place, words: wordsOf(json) }))).toEqual([
      { id: intro.id, number: '1', title: 'Einleitung', depth: 1, state: 'draft', words: ['Worum es geht.'] },
      { id: detail.id, number: '1.1', title: 'Einzelheiten', depth: 2, state: 'draft', words: ['Genauer.', 'Noch genauer.'] },
      { id: costs.id, number: '2', title: 'Kosten', depth: 1, state: 'draft', words: [] },
      { id: annex.id, number: null, title: 'Anhang', depth: 1, state: 'draft', words: ['Tabellen und Quellen.'] },
    ]);
  });

  it('reads the current text, to the last edit not yet folded into the snapshot', async () => {
    const { lead, costs, path } = await report();
    await setContent(app, costs.id, doc(paragraph(text('Alt.'))));
    const writer = connectCollab(app.origin, lead, costs.id);
    try {
      await synced(writer);
      writer.doc.transact(() => {
        const added = new Y.XmlElement('paragraph');
        added.insert(0, [new Y.XmlText('Eben getippt.')]);
        writer.doc.getXmlFragment('default').insert(1, [added]);
      });
      await eventually(async () => {
        const res = await lead.client.get<ReportTextResponse>(path);
        const section = res.body.sections.find((entry) => entry.id === costs.id);
        return wordsOf(section?.json).join('|') === 'Alt.|Eben getippt.';
      }, 'the new paragraph to be in the report');
    } finally {
      writer.destroy();
    }
  });

  it('leaves out sections in the trash with their sub-sections, and follows the review state', async () => {
    const { lead, project, intro, costs, path } = await report();
    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${intro.id}`)).status).toBe(204);
    const author = await createParticipant(app, lead, project.id, 'author');
    expect((await lead.client.patch(`/api/projects/${project.id}/sections/${costs.id}`, { assigneeIds: [author.user.id] })).status).toBe(200);
    expect((await author.client.post(`/api/projects/${project.id}/sections/${costs.id}/transitions`, { action: 'submit' })).status).toBe(200);

    const res = await lead.client.get<ReportTextResponse>(path);
    expect(res.body.sections.map((section) => [section.title, section.number, section.state])).toEqual([
      ['Kosten', '1', 'in_review'],
      ['Anhang', null, 'draft'],
    ]);
  });

  it('gives each section’s latest approval version with version=approved, and null for one never approved', async () => {
    const { lead, project, intro, costs, path } = await report();
    await setContent(app, intro.id, doc(paragraph(text('Freigegebene Fassung.'))));
    await approve(lead, project.id, intro.id);
    // Reopened and written on since: the approved text stays what it was.
    expect((await lead.client.post(`/api/projects/${project.id}/sections/${intro.id}/transitions`, { action: 'reopen' })).status).toBe(200);
    await setContent(app, intro.id, doc(paragraph(text('Neu seit der Freigabe.'))));

    const approved = await lead.client.get<ReportTextResponse>(`${path}?version=approved`);
    expect(approved.status).toBe(200);
    const [first, ...rest] = approved.body.sections;
    expect(first).toMatchObject({ id: intro.id, number: '1', state: 'draft' });
    expect(wordsOf(first?.json)).toEqual(['Freigegebene Fassung.']);
    expect(Date.parse(first?.approvedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(rest.find((section) => section.id === costs.id)).toMatchObject({ json: null, approvedAt: null });

    const current = await lead.client.get<ReportTextResponse>(`${path}?version=current`);
    expect(wordsOf(current.body.sections[0]?.json)).toEqual(['Neu seit der Freigabe.']);
    expect(current.body.sections[0]).not.toHaveProperty('approvedAt');

    const bogus = await lead.client.get<ErrorBody>(`${path}?version=final`);
    expect(bogus.status).toBe(400);
    expect(bogus.body.error.details?.map((detail) => detail.field)).toContain('version');
  });

  it('answers every member, and nobody else', async () => {
    const { lead, project, path } = await report();
    const reader = await createParticipant(app, lead, project.id, 'reader');
    const stranger = await registerUser(app);
    expect((await reader.client.get<ReportTextResponse>(path)).body.sections).toHaveLength(4);
    expect((await stranger.client.get(path)).status).toBe(404);
    expect((await new HttpClient(app.origin).get(path)).status).toBe(401);
    const malformed = await lead.client.get<ErrorBody>('/api/projects/kaputt/text');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details?.map((detail) => detail.field)).toContain('projectId');
  });
});
