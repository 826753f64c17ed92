import { randomUUID } from 'node:crypto';
import { LIMITS, type Abbreviation, type AbbreviationResponse, type AbbreviationsResponse } from '@kapitel/domain';
import { ReportSource } from '../../src/modules/exports/report-source.js';
import { eventually } from '../collab-client.js';
import { expectError } from '../expect-error.js';
import { openEventStream, settledStream, type EventStreamClient } from '../event-stream.js';
import { createParticipant, createProject, createTeam, PASSWORD, registerUser, type Person } from '../factories.js';
import { HttpClient, type Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * The report's list of abbreviations (docs/abbreviations.md): every member reads it, leads
 * and authors keep it; a `short` is unique in its project regardless of case, also between
 * two requests at once; every change is audited, announced to the project's event stream and
 * reaches the export's report model.
 */
describe('list of abbreviations', () => {
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

  const listPath = (projectId: string): string => `/api/projects/${projectId}/abbreviations`;
  const entryPath = (projectId: string, id: string): string => `${listPath(projectId)}/${id}`;

  async function add(person: Person, projectId: string, short: string, long: string): Promise<Abbreviation> {
    const res = await person.client.post<AbbreviationResponse>(listPath(projectId), { short, long });
    if (res.status !== 201) {
      throw new Error(`add failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body.abbreviation;
  }

  async function list(person: Person, projectId: string): Promise<Abbreviation[]> {
    const res = await person.client.get<AbbreviationsResponse>(listPath(projectId));
    expect(res.status).toBe(200);
    return res.body.abbreviations;
  }

  it('lists by German collation, case and umlauts ignored, for every member', async () => {
    const { lead, author, reader, project } = await createTeam(app);
    const shorts = ['Zweck', 'ÖPNV', 'amtlich', 'OZG', 'Ämter', 'z. B.', 'Amt', 'B-Plan', 'abc'];
    for (const [index, short] of shorts.entries()) {
      await add(index % 2 === 0 ? lead : author, project.id, short, `Langform ${short}`);
    }
    const listed = await list(reader, project.id);
    expect(listed.map((entry) => entry.short)).toEqual(['abc', 'Amt', 'Ämter', 'amtlich', 'B-Plan', 'ÖPNV', 'OZG', 'z. B.', 'Zweck']);
    expect(listed[0]).toEqual({
      id: expect.any(String) as string,
      short: 'abc',
      long: 'Langform abc',
      updatedAt: expect.any(String) as string,
    });
  });

  it('creates, changes either field and deletes an entry', async () => {
    const { lead, author, project } = await createTeam(app);
    const created = await lead.client.post<AbbreviationResponse>(listPath(project.id), { short: 'OZG', long: 'Online-Gesetz' });
    expect(created.status).toBe(201);
    const { abbreviation } = created.body;
    expect(abbreviation).toMatchObject({ short: 'OZG', long: 'Online-Gesetz' });
    expect(new Date(abbreviation.updatedAt).toISOString()).toBe(abbreviation.updatedAt);

    const longChanged = await author.client.patch<AbbreviationResponse>(entryPath(project.id, abbreviation.id), {
      long: 'Onlinezugangsgesetz',
    });
    expect(longChanged.status).toBe(200);
    expect(longChanged.body.abbreviation).toMatchObject({ id: abbreviation.id, short: 'OZG', long: 'Onlinezugangsgesetz' });

    const shortChanged = await lead.client.patch<AbbreviationResponse>(entryPath(project.id, abbreviation.id), { short: 'Ozg' });
    expect(shortChanged.status).toBe(200);
    expect(shortChanged.body.abbreviation).toMatchObject({ short: 'Ozg', long: 'Onlinezugangsgesetz' });

    const both = await lead.client.patch<AbbreviationResponse>(entryPath(project.id, abbreviation.id), {
      short: 'OZG',
      long: 'Gesetz zur Verbesserung des Onlinezugangs zu Verwaltungsleistungen',
    });
    expect(both.status).toBe(200);
    expect(await list(lead, project.id)).toEqual([both.body.abbreviation]);

    const unchanged = await lead.client.patch<AbbreviationResponse>(entryPath(project.id, abbreviation.id), {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.abbreviation).toEqual(both.body.abbreviation);

    const removed = await author.client.delete(entryPath(project.id, abbreviation.id));
    expect(removed.status).toBe(204);
    expect(await list(lead, project.id)).toEqual([]);
    expectError(await lead.client.delete(entryPath(project.id, abbreviation.id)), 404, 'NOT_FOUND');
    expectError(await lead.client.patch(entryPath(project.id, abbreviation.id), { long: 'x' }), 404, 'NOT_FOUND');
  });

  it('trims both fields and makes every run of white space one space', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const entry = await add(lead, project.id, '  z.\u00A0\u202F B.\t', '\n zum \t\n Beispiel  ');
    expect(entry).toMatchObject({ short: 'z. B.', long: 'zum Beispiel' });
    const res = await lead.client.patch<AbbreviationResponse>(entryPath(project.id, entry.id), { long: '  so\n\nzu  sagen ' });
    expect(res.body.abbreviation).toMatchObject({ short: 'z. B.', long: 'so zu sagen' });
    // A decomposed umlaut is stored composed: one character, the same abbreviation as "Ä…".
    const composed = await add(lead, project.id, 'A\u0308mter', 'Ämter');
    expect(composed.short).toBe('Ämter');
    expectError(await lead.client.post(listPath(project.id), { short: 'ämter', long: 'doppelt' }), 409, 'ABBREVIATION_EXISTS', 'short');
  });

  const longest = (max: number): string => '😀'.repeat(max);
  it.each([
    ['an empty short', { short: '', long: 'Lang' }, 'short'],
    ['a short of white space only', { short: ' \t\n ', long: 'Lang' }, 'short'],
    ['a short too long (code points)', { short: 'x'.repeat(LIMITS.abbreviationShortMaxLength + 1), long: 'Lang' }, 'short'],
    ['a short that is a number', { short: 42, long: 'Lang' }, 'short'],
    ['a short that is null', { short: null, long: 'Lang' }, 'short'],
    ['a missing short', { long: 'Lang' }, 'short'],
    ['a short with a control character', { short: 'O\u0000ZG', long: 'Lang' }, 'short'],
    ['a short with a lone surrogate', { short: 'OZG\uD83D', long: 'Lang' }, 'short'],
    ['an empty long', { short: 'OZG', long: '' }, 'long'],
    ['a long too long (code points)', { short: 'OZG', long: 'x'.repeat(LIMITS.abbreviationLongMaxLength + 1) }, 'long'],
    ['a long that is a list', { short: 'OZG', long: ['Lang'] }, 'long'],
    ['a missing long', { short: 'OZG' }, 'long'],
    ['an unknown field', { short: 'OZG', long: 'Lang', id: randomUUID() }, 'id'],
  ])('refuses to create with %s (400 naming the field)', async (_what, body, field) => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    expectError(await lead.client.post(listPath(project.id), body), 400, 'VALIDATION', field);
    expect(await list(lead, project.id)).toEqual([]);
  });

  it('takes the longest short and long, counted in code points', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const short = longest(LIMITS.abbreviationShortMaxLength);
    const long = longest(LIMITS.abbreviationLongMaxLength);
    expect(await add(lead, project.id, short, long)).toMatchObject({ short, long });
  });

  it.each([
    ['an empty short', { short: '' }, 'short'],
    ['a short too long', { short: 'x'.repeat(LIMITS.abbreviationShortMaxLength + 1) }, 'short'],
    ['a null long', { long: null }, 'long'],
    ['a long that is a number', { long: 7 }, 'long'],
    ['an unknown field', { projectId: randomUUID() }, 'projectId'],
  ])('refuses to change with %s (400 naming the field)', async (_what, body, field) => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const entry = await add(lead, project.id, 'OZG', 'Onlinezugangsgesetz');
    expectError(await lead.client.patch(entryPath(project.id, entry.id), body), 400, 'VALIDATION', field);
    expect(await list(lead, project.id)).toEqual([entry]);
  });

  it('refuses a short the project has in any case, on create and change (409 naming short)', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const ozg = await add(lead, project.id, 'OZG', 'Onlinezugangsgesetz');
    const kritis = await add(lead, project.id, 'KRITIS', 'Kritische Infrastrukturen');
    for (const short of ['OZG', 'ozg', 'oZg', ' OZG ']) {
      expectError(await lead.client.post(listPath(project.id), { short, long: 'anders' }), 409, 'ABBREVIATION_EXISTS', 'short');
    }
    expectError(await lead.client.patch(entryPath(project.id, kritis.id), { short: 'Ozg' }), 409, 'ABBREVIATION_EXISTS', 'short');
    expect(await list(lead, project.id)).toEqual([kritis, ozg]);
    // Another project keeps its own list.
    const other = await createProject(lead);
    expect(await add(lead, other.id, 'ozg', 'Onlinezugangsgesetz')).toMatchObject({ short: 'ozg' });
  });

  it('creates exactly one of two requests for the same short at once', async () => {
    const { lead, author, project } = await createTeam(app);
    for (let round = 0; round < 5; round += 1) {
      const short = `DS${round}`;
      const answers = await Promise.all([
        lead.client.post(listPath(project.id), { short, long: 'Datenschutz' }),
        author.client.post(listPath(project.id), { short: short.toLowerCase(), long: 'Datenschutz' }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      const refused = answers.find((answer) => answer.status === 409) as Answer;
      expectError(refused, 409, 'ABBREVIATION_EXISTS', 'short');
    }
    expect((await list(lead, project.id)).map((entry) => entry.short.toUpperCase())).toEqual(['DS0', 'DS1', 'DS2', 'DS3', 'DS4']);
  });

  it(`refuses an entry beyond ${LIMITS.abbreviationsMax} (400 naming the list)`, async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    await app.db.query(
      `INSERT INTO project_abbreviations (project_id, short, long)
       SELECT $1, 'A' || n, 'Eintrag ' || n FROM generate_series(1, $2::int - 1) AS n`,
      [project.id, LIMITS.abbreviationsMax],
    );
    await add(lead, project.id, 'Letzte', 'Der letzte Platz');
    expectError(await lead.client.post(listPath(project.id), { short: 'Zuviel', long: 'Kein Platz' }), 400, 'VALIDATION', 'abbreviations');
    expect(await list(lead, project.id)).toHaveLength(LIMITS.abbreviationsMax);
  });

  it('lets leads and authors write, refuses reviewers and readers (403), hides the project from outsiders (404)', async () => {
    const { lead, author, reviewer, reader, project } = await createTeam(app);
    const outsider = await registerUser(app);
    const entry = await add(lead, project.id, 'OZG', 'Onlinezugangsgesetz');
    await add(author, project.id, 'EU', 'Europäische Union');
    for (const person of [reviewer, reader]) {
      expectError(await person.client.post(listPath(project.id), { short: 'X', long: 'Y' }), 403, 'FORBIDDEN');
      expectError(await person.client.patch(entryPath(project.id, entry.id), { long: 'Y' }), 403, 'FORBIDDEN');
      expectError(await person.client.delete(entryPath(project.id, entry.id)), 403, 'FORBIDDEN');
      expect((await list(person, project.id)).map((e) => e.short)).toEqual(['EU', 'OZG']);
    }
    expectError(await outsider.client.get(listPath(project.id)), 404, 'NOT_FOUND');
    expectError(await outsider.client.post(listPath(project.id), { short: 'X', long: 'Y' }), 404, 'NOT_FOUND');
    expectError(await outsider.client.patch(entryPath(project.id, entry.id), { long: 'Y' }), 404, 'NOT_FOUND');
    expectError(await outsider.client.delete(entryPath(project.id, entry.id)), 404, 'NOT_FOUND');
    const anonymous = new HttpClient(app.origin);
    expectError(await anonymous.get(listPath(project.id)), 401, 'UNAUTHENTICATED');
    expectError(await anonymous.post(listPath(project.id), { short: 'X', long: 'Y' }), 401, 'UNAUTHENTICATED');
    expect((await list(lead, project.id)).map((e) => [e.short, e.long])).toEqual([
      ['EU', 'Europäische Union'],
      ['OZG', 'Onlinezugangsgesetz'],
    ]);
  });

  it('answers 404 for an entry of another project and 400 naming an id that is no UUID', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const other = await createProject(lead);
    const foreign = await add(lead, other.id, 'OZG', 'Onlinezugangsgesetz');
    expectError(await lead.client.patch(entryPath(project.id, foreign.id), { long: 'x' }), 404, 'NOT_FOUND');
    expectError(await lead.client.delete(entryPath(project.id, foreign.id)), 404, 'NOT_FOUND');
    expect(await list(lead, other.id)).toEqual([foreign]);
    expectError(await lead.client.patch(entryPath(project.id, 'kein-eintrag'), { long: 'x' }), 400, 'VALIDATION', 'abbreviationId');
    expectError(await lead.client.delete(entryPath(project.id, 'kein-eintrag')), 400, 'VALIDATION', 'abbreviationId');
    expectError(await lead.client.get('/api/projects/kein-projekt/abbreviations'), 400, 'VALIDATION', 'projectId');
    expectError(await lead.client.get(listPath(randomUUID())), 404, 'NOT_FOUND');
  });

  it('writes an audit row for every change, with the texts before and after', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const entry = await add(lead, project.id, 'OZG', 'Online-Gesetz');
    await lead.client.patch(entryPath(project.id, entry.id), { long: 'Onlinezugangsgesetz' });
    await lead.client.patch(entryPath(project.id, entry.id), {});
    await lead.client.delete(entryPath(project.id, entry.id));
    const { rows } = await app.db.query(
      `SELECT action, actor_id, target_type, target_id, data FROM audit_events
        WHERE project_id = $1 AND action LIKE 'abbreviation.%' ORDER BY id`,
      [project.id],
    );
    const common = { actor_id: lead.user.id, target_type: 'abbreviation', target_id: entry.id };
    expect(rows).toEqual([
      { ...common, action: 'abbreviation.created', data: { after: { short: 'OZG', long: 'Online-Gesetz' } } },
      {
        ...common,
        action: 'abbreviation.updated',
        data: { before: { short: 'OZG', long: 'Online-Gesetz' }, after: { short: 'OZG', long: 'Onlinezugangsgesetz' } },
      },
      { ...common, action: 'abbreviation.deleted', data: { before: { short: 'OZG', long: 'Onlinezugangsgesetz' } } },
    ]);
  });

  it('announces every change on the project’s event stream; a refused one not', async () => {
    const { lead, author, reader, project } = await createTeam(app);
    const stream = await openEventStream(app.origin, reader, project.id);
    streams.push(stream);
    expect(stream.status).toBe(200);
    const seen = await settledStream(stream, lead, project.id);
    const entry = await add(author, project.id, 'OZG', 'Onlinezugangsgesetz');
    expect((await lead.client.post(listPath(project.id), { short: 'ozg', long: 'doppelt' })).status).toBe(409);
    await lead.client.patch(entryPath(project.id, entry.id), { short: 'OZG', long: 'Onlinezugangsgesetz' }); // no change
    await lead.client.patch(entryPath(project.id, entry.id), { long: 'Gesetz' });
    await lead.client.delete(entryPath(project.id, entry.id));
    // A change after them all: once it is here, nothing of the above is still on the way.
    await lead.client.patch(`/api/projects/${project.id}`, { title: 'Neuer Titel' });
    const changes = () => stream.events.slice(seen).filter((e) => e.event === 'change').map((e) => e.data);
    await eventually(() => changes().length >= 4, 'four changes');
    const topic = { projectId: project.id, topic: 'abbreviations' };
    expect(changes()).toEqual([topic, topic, topic, { projectId: project.id, topic: 'project' }]);
  });

  it('puts the list, sorted, into the report model of a draft and of a final export', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const entries: Array<[string, string]> = [
      ['OZG', 'Onlinezugangsgesetz'],
      ['Ämter', 'Behörden'],
      ['amtl.', 'amtlich'],
      ['EU', 'Europäische Union'],
    ];
    for (const [short, long] of entries) {
      await add(lead, project.id, short, long);
    }
    const source = app.app.get(ReportSource);
    const expected = [
      { short: 'Ämter', long: 'Behörden' },
      { short: 'amtl.', long: 'amtlich' },
      { short: 'EU', long: 'Europäische Union' },
      { short: 'OZG', long: 'Onlinezugangsgesetz' },
    ];
    // The project has no sections, so every section is approved and a final model can be built.
    for (const mode of ['draft', 'final'] as const) {
      const model = await source.build(project.id, mode, new Date(), () => undefined);
      expect(model.abbreviations).toEqual(expected);
    }
    const empty = await createProject(lead);
    expect((await source.build(empty.id, 'draft', new Date(), () => undefined)).abbreviations).toEqual([]);
  });

  it('goes with its project, and stays without its author when the account is deleted', async () => {
    const { lead, project } = await createTeam(app);
    const author = await createParticipant(app, lead, project.id, 'author');
    const entry = await add(author, project.id, 'OZG', 'Onlinezugangsgesetz');
    const creator = await app.db.query('SELECT created_by FROM project_abbreviations WHERE id = $1', [entry.id]);
    expect(creator.rows).toEqual([{ created_by: author.user.id }]);

    expect((await author.client.post('/api/me/deletion', { currentPassword: PASSWORD })).status).toBe(204);
    const kept = await app.db.query('SELECT short, created_by FROM project_abbreviations WHERE id = $1', [entry.id]);
    expect(kept.rows).toEqual([{ short: 'OZG', created_by: null }]);
    expect(await list(lead, project.id)).toEqual([entry]);

    expect((await lead.client.delete(`/api/projects/${project.id}`)).status).toBe(204);
    const gone = await app.db.query('SELECT count(*)::int AS n FROM project_abbreviations WHERE project_id = $1', [project.id]);
    expect(gone.rows).toEqual([{ n: 0 }]);
    const audit = await app.db.query(
      `SELECT data FROM audit_events WHERE project_id = $1 AND action LIKE 'abbreviation.%'`,
      [project.id],
    );
    // The trail of a deleted project keeps who did what, not the words (docs/projects.md).
    expect(audit.rows).toEqual([{ data: {} }]);
  });
});
