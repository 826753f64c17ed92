import { randomUUID } from 'node:crypto';
import { LIMITS, type ErrorBody, type Source, type SourceInput, type SourceResponse, type SourcesResponse } from '@kapitel/domain';
import type { JSONContent } from '@tiptap/core';
import { eventually } from '../collab-client.js';
import { expectError } from '../expect-error.js';
import { openEventStream, settledStream, type EventStreamClient } from '../event-stream.js';
import { createParticipant, createProject, createSection, createTeam, registerUser, type Person } from '../factories.js';
import { HttpClient, type Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, doc, paragraph, setContent, text } from './export-support.js';

const citation = (sourceId: string, locator = ''): JSONContent => ({ type: 'citation', attrs: { sourceId, label: 'KGSt 2023', locator } });

/** A day `days` after today, `YYYY-MM-DD` (two or more: after today in every time zone). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The report's list of sources (docs/sources.md): every member reads it, leads and authors
 * keep it; every field is normalised and checked; every change is audited and announced; a
 * source that a section's current text or approved version cites is not deleted.
 */
describe('list of sources', () => {
  let app: TestApp;
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterEach(() => {
    streams.splice(0).forEach((stream) => stream.close());
  });
  afterAll(async () => {
    await app.close();
  });

  const listPath = (projectId: string): string => `/api/projects/${projectId}/sources`;
  const sourcePath = (projectId: string, id: string): string => `${listPath(projectId)}/${id}`;

  async function add(person: Person, projectId: string, fields: Partial<SourceInput>): Promise<Source> {
    const res = await person.client.post<SourceResponse>(listPath(projectId), { title: 'Ein Titel', ...fields });
    if (res.status !== 201) {
      throw new Error(`add failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body.source;
  }

  async function list(person: Person, projectId: string): Promise<Source[]> {
    const res = await person.client.get<SourcesResponse>(listPath(projectId));
    expect(res.status).toBe(200);
    return res.body.sources;
  }

  it('lists in the bibliography’s order (surnames or title, year, title) for every member', async () => {
    const { lead, author, reader, project } = await createTeam(app);
    await add(lead, project.id, { authors: 'Müller, Anna', year: '2020', title: 'Kommunen' });
    await add(author, project.id, { title: 'Onlinezugangsgesetz', year: '2017' });
    await add(lead, project.id, { authors: 'KGSt', year: '2023', title: 'Zweiter Bericht' });
    await add(author, project.id, { authors: 'KGSt', year: '2023', title: 'Erster Bericht' });
    await add(lead, project.id, { authors: 'Abel, B.; Cramer, C.; Dora, D.', year: '2021', title: 'Software' });
    await add(author, project.id, { authors: 'KGSt', year: '2019', title: 'Früher' });
    const listed = await list(reader, project.id);
    expect(listed.map((source) => source.title)).toEqual(['Software', 'Früher', 'Erster Bericht', 'Zweiter Bericht', 'Kommunen', 'Onlinezugangsgesetz']);
    expect(listed[0]).toEqual({
      id: expect.any(String) as string,
      authors: 'Abel, B.; Cramer, C.; Dora, D.',
      title: 'Software',
      year: '2021',
      publication: '',
      url: '',
      accessed: '',
      updatedAt: expect.any(String) as string,
    });
  });

  it('creates a source with only a title, changes any field and deletes it', async () => {
    const { lead, author, project } = await createTeam(app);
    const created = await lead.client.post<SourceResponse>(listPath(project.id), { title: 'Open Source in Kommunen' });
    expect(created.status).toBe(201);
    const { source } = created.body;
    expect(source).toMatchObject({ title: 'Open Source in Kommunen', authors: '', year: '', publication: '', url: '', accessed: '' });
    expect(new Date(source.updatedAt).toISOString()).toBe(source.updatedAt);

    const full = { authors: 'KGSt', year: '2023', publication: 'Köln: KGSt', url: 'https://www.kgst.de/bericht', accessed: '2024-02-29' };
    const changed = await author.client.patch<SourceResponse>(sourcePath(project.id, source.id), full);
    expect(changed.status).toBe(200);
    expect(changed.body.source).toMatchObject({ id: source.id, title: 'Open Source in Kommunen', ...full });

    const cleared = await lead.client.patch<SourceResponse>(sourcePath(project.id, source.id), { url: '', accessed: '', title: 'Neu' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.source).toMatchObject({ title: 'Neu', authors: 'KGSt', url: '', accessed: '' });
    expect(await list(lead, project.id)).toEqual([cleared.body.source]);

    const unchanged = await lead.client.patch<SourceResponse>(sourcePath(project.id, source.id), {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.source).toEqual(cleared.body.source);

    expect((await author.client.delete(sourcePath(project.id, source.id))).status).toBe(204);
    expect(await list(lead, project.id)).toEqual([]);
    expectError(await lead.client.delete(sourcePath(project.id, source.id)), 404, 'NOT_FOUND');
    expectError(await lead.client.patch(sourcePath(project.id, source.id), { title: 'x' }), 404, 'NOT_FOUND');
  });

  it('stores every field in NFC with white space made single spaces and trimmed', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const source = await add(lead, project.id, {
      authors: ' Mu\u0308ller,\u00A0Anna ;\tKGSt ',
      title: '\n Open \t Source\n',
      year: ' 2021/22 ',
      publication: 'Köln:\u202F KGSt',
      url: ' https://www.kgst.de/ ',
    });
    expect(source).toMatchObject({ authors: 'Müller, Anna ; KGSt', title: 'Open Source', year: '2021/22', publication: 'Köln: KGSt', url: 'https://www.kgst.de/' });
  });

  const longest = (max: number): string => '😀'.repeat(max);
  it('takes the longest fields, counted in code points', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const fields = {
      authors: longest(LIMITS.sourceAuthorsMaxLength),
      title: longest(LIMITS.sourceTitleMaxLength),
      year: longest(LIMITS.sourceYearMaxLength),
      publication: longest(LIMITS.sourcePublicationMaxLength),
      url: `https://example.org/${'a'.repeat(LIMITS.sourceUrlMaxLength - 'https://example.org/'.length)}`,
    };
    expect(await add(lead, project.id, fields)).toMatchObject(fields);
  });

  const web = { url: 'https://example.org/' };
  it.each([
    ['a missing title', { authors: 'KGSt' }, 'title'],
    ['an empty title', { title: '' }, 'title'],
    ['a title of white space only', { title: ' \t\n ' }, 'title'],
    ['a title too long (code points)', { title: 'x'.repeat(LIMITS.sourceTitleMaxLength + 1) }, 'title'],
    ['a title that is null', { title: null }, 'title'],
    ['a title with a control character', { title: 'Open\u0000Source' }, 'title'],
    ['a title with a lone surrogate', { title: 'Open Source\uD83D' }, 'title'],
    ['authors too long', { title: 'T', authors: 'x'.repeat(LIMITS.sourceAuthorsMaxLength + 1) }, 'authors'],
    ['authors that are a list', { title: 'T', authors: ['KGSt'] }, 'authors'],
    ['a year too long', { title: 'T', year: '1'.repeat(LIMITS.sourceYearMaxLength + 1) }, 'year'],
    ['a year that is a number', { title: 'T', year: 2023 }, 'year'],
    ['a publication with a control character', { title: 'T', publication: 'Köln\u0007' }, 'publication'],
    ['a publication too long', { title: 'T', publication: 'x'.repeat(LIMITS.sourcePublicationMaxLength + 1) }, 'publication'],
    ['a javascript: url', { title: 'T', url: 'javascript:alert(1)' }, 'url'],
    ['a mailto: url', { title: 'T', url: 'mailto:info@kgst.de' }, 'url'],
    ['a relative url', { title: 'T', url: '/bericht.pdf' }, 'url'],
    ['a url without a host', { title: 'T', url: 'https://' }, 'url'],
    ['a url with a space', { title: 'T', url: 'https://www.kgst.de/ein bericht' }, 'url'],
    ['a url too long', { title: 'T', url: `https://example.org/${'a'.repeat(LIMITS.sourceUrlMaxLength)}` }, 'url'],
    ['an accessed day that does not exist', { title: 'T', ...web, accessed: '2024-02-30' }, 'accessed'],
    ['an accessed day written otherwise', { title: 'T', ...web, accessed: '12.03.2024' }, 'accessed'],
    ['an accessed day in the future', { title: 'T', ...web, accessed: dayFromToday(2) }, 'accessed'],
    ['an accessed day without a url', { title: 'T', accessed: '2024-03-12' }, 'accessed'],
    ['an unknown field', { title: 'T', id: randomUUID() }, 'id'],
  ])('refuses to create with %s (400 naming the field)', async (_what, body, field) => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    expectError(await lead.client.post(listPath(project.id), body), 400, 'VALIDATION', field);
    expect(await list(lead, project.id)).toEqual([]);
  });

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a null url', { url: null }, 'url'],
    ['an ftp: url', { url: 'ftp://example.org/' }, 'url'],
    ['an accessed day in the future', { accessed: dayFromToday(2) }, 'accessed'],
    ['a url taken away from an accessed day', { url: '' }, 'accessed'],
    ['an unknown field', { projectId: randomUUID() }, 'projectId'],
  ])('refuses to change with %s (400 naming the field)', async (_what, body, field) => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const source = await add(lead, project.id, { url: 'https://example.org/', accessed: '2024-03-12' });
    expectError(await lead.client.patch(sourcePath(project.id, source.id), body), 400, 'VALIDATION', field);
    expect(await list(lead, project.id)).toEqual([source]);
  });

  it('takes two sources that read alike: the labels tell them apart', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const fields = { authors: 'KGSt', year: '2023', title: 'Bericht' };
    await add(lead, project.id, fields);
    await add(lead, project.id, fields);
    expect(await list(lead, project.id)).toHaveLength(2);
  });

  it(`refuses a source beyond ${LIMITS.sourcesMax} (400 naming the list)`, async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    await app.db.query(
      `INSERT INTO project_sources (project_id, authors, title, year, publication, url, accessed)
       SELECT $1, '', 'Quelle ' || n, '', '', '', '' FROM generate_series(1, $2::int - 1) AS n`,
      [project.id, LIMITS.sourcesMax],
    );
    await add(lead, project.id, { title: 'Die letzte' });
    expectError(await lead.client.post(listPath(project.id), { title: 'Zu viel' }), 400, 'VALIDATION', 'sources');
    expect(await list(lead, project.id)).toHaveLength(LIMITS.sourcesMax);
  });

  it('lets leads and authors write, refuses reviewers and readers (403), hides the project from outsiders (404)', async () => {
    const { lead, author, reviewer, reader, project } = await createTeam(app);
    const outsider = await registerUser(app);
    const source = await add(lead, project.id, { title: 'B' });
    await add(author, project.id, { title: 'A' });
    for (const person of [reviewer, reader]) {
      expectError(await person.client.post(listPath(project.id), { title: 'X' }), 403, 'FORBIDDEN');
      expectError(await person.client.patch(sourcePath(project.id, source.id), { title: 'Y' }), 403, 'FORBIDDEN');
      expectError(await person.client.delete(sourcePath(project.id, source.id)), 403, 'FORBIDDEN');
      expect((await list(person, project.id)).map((s) => s.title)).toEqual(['A', 'B']);
    }
    expectError(await outsider.client.get(listPath(project.id)), 404, 'NOT_FOUND');
    expectError(await outsider.client.post(listPath(project.id), { title: 'X' }), 404, 'NOT_FOUND');
    expectError(await outsider.client.patch(sourcePath(project.id, source.id), { title: 'Y' }), 404, 'NOT_FOUND');
    expectError(await outsider.client.delete(sourcePath(project.id, source.id)), 404, 'NOT_FOUND');
    const anonymous = new HttpClient(app.origin);
    expectError(await anonymous.get(listPath(project.id)), 401, 'UNAUTHENTICATED');
    expectError(await anonymous.post(listPath(project.id), { title: 'X' }), 401, 'UNAUTHENTICATED');
    expectError(await anonymous.delete(sourcePath(project.id, source.id)), 401, 'UNAUTHENTICATED');
    expect((await list(lead, project.id)).map((s) => s.title)).toEqual(['A', 'B']);
  });

  it('answers 404 for a source of another project and 400 naming an id that is no UUID', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const other = await createProject(lead);
    const foreign = await add(lead, other.id, { title: 'Fremd' });
    expectError(await lead.client.patch(sourcePath(project.id, foreign.id), { title: 'x' }), 404, 'NOT_FOUND');
    expectError(await lead.client.delete(sourcePath(project.id, foreign.id)), 404, 'NOT_FOUND');
    expect(await list(lead, other.id)).toEqual([foreign]);
    expectError(await lead.client.patch(sourcePath(project.id, 'keine-quelle'), { title: 'x' }), 400, 'VALIDATION', 'sourceId');
    expectError(await lead.client.delete(sourcePath(project.id, 'keine-quelle')), 400, 'VALIDATION', 'sourceId');
    expectError(await lead.client.get('/api/projects/kein-projekt/sources'), 400, 'VALIDATION', 'projectId');
    expectError(await lead.client.get(listPath(randomUUID())), 404, 'NOT_FOUND');
  });

  it('writes an audit row for every change, with the fields before and after; a change that changes nothing writes none', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const source = await add(lead, project.id, { title: 'Bericht', authors: 'KGSt' });
    await lead.client.patch(sourcePath(project.id, source.id), { year: '2023' });
    await lead.client.patch(sourcePath(project.id, source.id), { year: ' 2023 ', title: 'Bericht' });
    await lead.client.delete(sourcePath(project.id, source.id));
    const { rows } = await app.db.query(
      `SELECT action, actor_id, target_type, target_id, data FROM audit_events
        WHERE project_id = $1 AND action LIKE 'source.%' ORDER BY id`,
      [project.id],
    );
    const common = { actor_id: lead.user.id, target_type: 'source', target_id: source.id };
    const first = { authors: 'KGSt', title: 'Bericht', year: '', publication: '', url: '', accessed: '' };
    const second = { ...first, year: '2023' };
    expect(rows).toEqual([
      { ...common, action: 'source.created', data: { after: first } },
      { ...common, action: 'source.updated', data: { before: first, after: second } },
      { ...common, action: 'source.deleted', data: { before: second } },
    ]);
  });

  it('announces every change on the project’s event stream; a refused one or one that changes nothing not', async () => {
    const { lead, author, reader, project } = await createTeam(app);
    const stream = await openEventStream(app.origin, reader, project.id);
    streams.push(stream);
    expect(stream.status).toBe(200);
    const seen = await settledStream(stream, lead, project.id);
    const source = await add(author, project.id, { title: 'Bericht' });
    expect((await lead.client.post(listPath(project.id), { title: '' })).status).toBe(400);
    await lead.client.patch(sourcePath(project.id, source.id), { title: 'Bericht' }); // no change
    await lead.client.patch(sourcePath(project.id, source.id), { year: '2023' });
    await lead.client.delete(sourcePath(project.id, source.id));
    // A change after them all: once it is here, nothing of the above is still on the way.
    await lead.client.patch(`/api/projects/${project.id}`, { title: 'Neuer Titel' });
    const changes = () => stream.events.slice(seen).filter((e) => e.event === 'change').map((e) => e.data);
    await eventually(() => changes().length >= 4, 'four changes');
    const topic = { projectId: project.id, topic: 'sources' };
    expect(changes()).toEqual([topic, topic, topic, { projectId: project.id, topic: 'project' }]);
  });

  describe('deleting a cited source', () => {
    async function citedReport() {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      await createSection(lead, project.id, { title: 'Einleitung' });
      const basics = await createSection(lead, project.id, { title: 'Grundlagen' });
      const costs = await createSection(lead, project.id, { title: 'Kosten', parentId: basics.id });
      const annex = await createSection(lead, project.id, { title: 'Anhang', numbered: false });
      const source = await add(lead, project.id, { authors: 'KGSt', year: '2023', title: 'Bericht' });
      return { lead, project, costs, annex, source, path: sourcePath(project.id, source.id) };
    }

    function expectInUse(res: Answer, sections: string[]): void {
      expectError(res, 409, 'SOURCE_IN_USE');
      const { error } = res.body as ErrorBody;
      expect(error.details).toEqual(sections.map((message) => ({ field: 'sections', message })));
      for (const section of sections) {
        expect(error.message).toContain(section);
      }
    }

    it('refuses to delete a source a section cites (409 naming the sections), and deletes it once the citations are gone', async () => {
      const { lead, project, costs, annex, source, path } = await citedReport();
      await setContent(app, costs.id, doc(paragraph(text('Laut KGSt '), citation(source.id, 'S. 12'), text(' kostet es.'))));
      const inTable = {
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph(citation(source.id.toUpperCase()))] }] }],
      };
      await setContent(app, annex.id, doc({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Liste'))] }] }, inTable));

      expectInUse(await lead.client.delete(path), ['2.1 Kosten', 'Anhang']);
      expect(await list(lead, project.id)).toEqual([source]);

      await setContent(app, costs.id, doc(paragraph(text('Laut KGSt kostet es.'))));
      expectInUse(await lead.client.delete(path), ['Anhang']);
      await setContent(app, annex.id, doc(paragraph(text('Leer.'))));
      expect((await lead.client.delete(path)).status).toBe(204);
      expect(await list(lead, project.id)).toEqual([]);
    });

    it('tells every member where a source is cited before anyone tries to delete it, and 404 for a source of no project of theirs', async () => {
      const { lead, project, costs, source, path } = await citedReport();
      await setContent(app, costs.id, doc(paragraph(text('Laut KGSt '), citation(source.id))));
      const reader = await createParticipant(app, lead, project.id, 'reader');
      for (const member of [lead, reader]) {
        const res = await member.client.get(`${path}/citations`);
        expect([res.status, res.body]).toEqual([200, { sections: ['2.1 Kosten'] }]);
      }
      const other = await add(lead, project.id, { title: 'Nicht zitiert' });
      expect((await lead.client.get(`${sourcePath(project.id, other.id)}/citations`)).body).toEqual({ sections: [] });
      expectError(await lead.client.get(`${sourcePath(project.id, randomUUID())}/citations`), 404, 'NOT_FOUND');
      const outsider = await registerUser(app);
      expectError(await outsider.client.get(`${path}/citations`), 404, 'NOT_FOUND');
    });

    it('finds a citation nested anywhere in the text, also in a list item inside a table', async () => {
      const { lead, costs, source, path } = await citedReport();
      const item = { type: 'listItem', content: [paragraph(text('Punkt '), citation(source.id))] };
      const cell = { type: 'tableCell', content: [{ type: 'bulletList', content: [item] }] };
      await setContent(app, costs.id, doc({ type: 'table', content: [{ type: 'tableRow', content: [cell] }] }));
      expectInUse(await lead.client.delete(path), ['2.1 Kosten']);
    });

    it('refuses to delete a source that only a section’s approved version still cites', async () => {
      const { lead, project, costs, path, source: cited } = await citedReport();
      await setContent(app, costs.id, doc(paragraph(text('Laut '), citation(cited.id))));
      await approve(lead, project.id, costs.id);
      const transitions = `/api/projects/${project.id}/sections/${costs.id}/transitions`;
      expect((await lead.client.post(transitions, { action: 'reopen' })).status).toBe(200);
      await setContent(app, costs.id, doc(paragraph(text('Ohne Beleg.'))));
      expectInUse(await lead.client.delete(path), ['2.1 Kosten']);
      expect(await list(lead, project.id)).toEqual([cited]);
    });

    it('ignores the texts of sections in the trash and citations of other sources', async () => {
      const { lead, project, costs, annex, source, path } = await citedReport();
      await setContent(app, costs.id, doc(paragraph(citation(source.id))));
      await setContent(app, annex.id, doc(paragraph(citation(randomUUID()))));
      expect((await lead.client.delete(`/api/projects/${project.id}/sections/${costs.id}`)).status).toBe(204);
      expect((await lead.client.delete(path)).status).toBe(204);
    });
  });
});

