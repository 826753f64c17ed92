import { LIMITS, type Source, type SourceImportResponse, type SourcesResponse } from '@kapitel/domain';
import { expectError } from '../expect-error.js';
import { createProject, createTeam, registerUser, type Person } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';

const BIBTEX = String.raw`
@book{kgst2023,
  author = {{KGSt}},
  title = {Open Source in Kommunen},
  year = {2023},
  publisher = {KGSt},
  address = {K{\"o}ln}
}
@online{bsi2024,
  author = {M{\"u}ller, Anna and Schmidt, Jan},
  title = {Digitale Souver{\"a}nit{\"a}t},
  year = {2024},
  url = {https://www.example.org/souveraenitaet},
  urldate = {2024-03-12}
}
@misc{untitled,
  author = {Niemand, Nora},
  year = {2020}
}
`;

const RIS = ['TY  - RPRT', 'AU  - Zeller, Zoe', 'TI  - Kommunale IT', 'PY  - 2021', 'UR  - ftp://example.org/old', 'Y2  - 2021-05-01', 'ER  - ', ''].join('\r\n');

/**
 * Importing a reference manager's list (docs/sources.md, "Import"): a BibTeX or RIS file's
 * entries added in one go, what cannot be added named entry by entry, nothing twice.
 */
describe('importing sources from a BibTeX or RIS file', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  const importPath = (projectId: string): string => `/api/projects/${projectId}/sources/import`;

  async function importText(person: Person, projectId: string, text: string): Promise<SourceImportResponse> {
    const res = await person.client.post<SourceImportResponse>(importPath(projectId), { text });
    if (res.status !== 200) {
      throw new Error(`import answered ${String(res.status)} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  }

  async function listed(person: Person, projectId: string): Promise<Source[]> {
    return (await person.client.get<SourcesResponse>(`/api/projects/${projectId}/sources`)).body.sources;
  }

  it('adds the entries of a BibTeX file with their fields, and names the one without a title', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const result = await importText(lead, project.id, BIBTEX);
    expect(result.format).toBe('bibtex');
    expect(result.added.map(({ authors, title, year, publication, url, accessed }) => ({ authors, title, year, publication, url, accessed }))).toEqual([
      { authors: 'KGSt', title: 'Open Source in Kommunen', year: '2023', publication: 'Köln: KGSt', url: '', accessed: '' },
      {
        authors: 'Müller, Anna; Schmidt, Jan',
        title: 'Digitale Souveränität',
        year: '2024',
        publication: '',
        url: 'https://www.example.org/souveraenitaet',
        accessed: '2024-03-12',
      },
    ]);
    expect(result.skipped).toEqual([{ position: 3, name: 'untitled', reason: 'invalid', field: 'title', message: 'title must not be empty' }]);
    expect(result.leftOut).toEqual([]);
    expect((await listed(lead, project.id)).map((source) => source.title)).toEqual(['Open Source in Kommunen', 'Digitale Souveränität']);
  });

  it('skips and names an entry the file ends inside (cut off), taking the complete ones before it', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const result = await importText(lead, project.id, '@book{ganz, title = {Vollständig}, year = 2020}\n@article{foo, title = {Kaputt author =');
    expect(result.added.map((source) => source.title)).toEqual(['Vollständig']);
    expect(result.skipped).toEqual([
      {
        position: 2,
        name: 'foo',
        reason: 'invalid',
        field: 'text',
        message: 'the file ends inside this entry (its closing brace is missing): it is cut off or damaged',
      },
    ]);
    expect((await listed(lead, project.id)).map((source) => source.title)).toEqual(['Vollständig']);
  });

  it('takes a RIS file and leaves out, and names, an address that is no web address, with its day', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const result = await importText(lead, project.id, RIS);
    expect(result.format).toBe('ris');
    expect(result.added).toHaveLength(1);
    expect(result.added[0]).toMatchObject({ authors: 'Zeller, Zoe', title: 'Kommunale IT', year: '2021', url: '', accessed: '' });
    expect(result.leftOut).toEqual([{ position: 1, name: 'Kommunale IT', field: 'url' }]);
  });

  it('adds nothing twice: an entry the list has, or the file has earlier, is skipped as a duplicate', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    await importText(lead, project.id, BIBTEX);
    const again = await importText(lead, project.id, `${BIBTEX}\n@book{copy, author = {{kgst}}, title = {OPEN SOURCE IN KOMMUNEN}, year = 2023}`);
    expect(again.added).toEqual([]);
    expect(again.skipped.map((entry) => [entry.position, entry.reason])).toEqual([
      [1, 'duplicate'],
      [2, 'duplicate'],
      [3, 'invalid'],
      [4, 'duplicate'],
    ]);
    expect(await listed(lead, project.id)).toHaveLength(2);
  });

  it('writes one audit row for the import and announces nothing when nothing was added', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    await importText(lead, project.id, BIBTEX);
    await importText(lead, project.id, BIBTEX);
    const { rows } = await app.db.query(`SELECT action, target_type, data FROM audit_events WHERE project_id = $1 AND action LIKE 'source.%'`, [
      project.id,
    ]);
    expect(rows).toEqual([{ action: 'source.imported', target_type: 'project', data: { format: 'bibtex', count: 2, skipped: 1 } }]);
  });

  it('refuses a text that is no BibTeX or RIS, a missing or over-long text, and unknown fields (400 naming them)', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    expectError(await lead.client.post(importPath(project.id), { text: 'Nur ein Satz.' }), 400, 'VALIDATION', 'text');
    expectError(await lead.client.post(importPath(project.id), {}), 400, 'VALIDATION', 'text');
    expectError(await lead.client.post(importPath(project.id), { text: 42 }), 400, 'VALIDATION', 'text');
    expectError(await lead.client.post(importPath(project.id), { text: BIBTEX, format: 'bibtex' }), 400, 'VALIDATION', 'format');
    const long = `${BIBTEX}%${'x'.repeat(LIMITS.sourceImportMaxLength)}`;
    const res = await lead.client.post(importPath(project.id), { text: long });
    expect([400, 413]).toContain(res.status);
    expect(await listed(lead, project.id)).toEqual([]);
  });

  it('adds nothing when the entries would take the list beyond its limit', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    await app.db.query(
      `INSERT INTO project_sources (project_id, authors, title, year, publication, url, accessed)
       SELECT $1, '', 'Quelle ' || n, '', '', '', '' FROM generate_series(1, $2::int - 1) AS n`,
      [project.id, LIMITS.sourcesMax],
    );
    expectError(await lead.client.post(importPath(project.id), { text: BIBTEX }), 400, 'VALIDATION', 'sources');
    expect(await listed(lead, project.id)).toHaveLength(LIMITS.sourcesMax - 1);
  });

  it('lets leads and authors import, refuses reviewers and readers (403), hides the project from outsiders (404)', async () => {
    const { lead, author, reviewer, reader, project } = await createTeam(app);
    const outsider = await registerUser(app);
    expect((await author.client.post(importPath(project.id), { text: BIBTEX })).status).toBe(200);
    expectError(await reviewer.client.post(importPath(project.id), { text: RIS }), 403, 'FORBIDDEN');
    expectError(await reader.client.post(importPath(project.id), { text: RIS }), 403, 'FORBIDDEN');
    expectError(await outsider.client.post(importPath(project.id), { text: RIS }), 404, 'NOT_FOUND');
    expect(await listed(lead, project.id)).toHaveLength(2);
  });
});
