import {
  LIMITS,
  type ErrorBody,
  type Project,
  type ProjectDetailResponse,
  type ProjectListItem,
  type ProjectResponse,
} from '@kapitel/domain';
import { createParticipant, createProject, createTeam, registerUser, type Person } from '../factories.js';
import type { Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function fieldsOf(body: ErrorBody): string[] {
  return (body.error.details ?? []).map((detail) => detail.field).sort();
}

interface AuditRow {
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  data: { before?: Project; after?: Project; title?: string };
}

describe('projects', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  async function auditOf(projectId: string, action: string): Promise<AuditRow[]> {
    const res = await app.db.query<AuditRow>(
      'SELECT actor_id, target_type, target_id, data FROM audit_events WHERE project_id = $1 AND action = $2 ORDER BY id',
      [projectId, action],
    );
    return res.rows;
  }

  function create(person: Person, body: unknown): Promise<Answer<ProjectResponse & ErrorBody>> {
    return person.client.post<ProjectResponse & ErrorBody>('/api/projects', body);
  }

  function update(
    person: Person,
    projectId: string,
    body: unknown,
  ): Promise<Answer<ProjectResponse & ErrorBody>> {
    return person.client.patch<ProjectResponse & ErrorBody>(`/api/projects/${projectId}`, body);
  }

  describe('creating', () => {
    it('creates a project with defaults (language de, no subtitle or description) and makes the creator its lead', async () => {
      const person = await registerUser(app);
      const res = await create(person, { title: '  Open Source in Kommunen  ' });
      expect(res.status).toBe(201);
      const { project } = res.body;
      const { id, createdAt, updatedAt, ...rest } = project;
      expect(rest).toEqual({
        title: 'Open Source in Kommunen',
        subtitle: null,
        description: null,
        publisher: null,
        language: 'de',
      });
      expect(id).toMatch(UUID);
      expect(createdAt).toMatch(ISO);
      expect(updatedAt).toMatch(ISO);

      const detail = await person.client.get<ProjectDetailResponse>(`/api/projects/${project.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.project).toEqual(project);
      expect(detail.body.role).toBe('lead');
      const row = await app.db.query<{ created_by: string }>(
        'SELECT created_by FROM projects WHERE id = $1',
        [project.id],
      );
      expect(row.rows).toEqual([{ created_by: person.user.id }]);
      expect(await auditOf(project.id, 'project.created')).toEqual([
        expect.objectContaining({
          actor_id: person.user.id,
          target_id: project.id,
          data: { title: 'Open Source in Kommunen', template: null },
        }),
      ]);
    });

    it('stores the given language, subtitle and description', async () => {
      const person = await registerUser(app);
      const res = await create(person, {
        title: 'Digital Sovereignty',
        subtitle: 'Annual report',
        description: 'What the member cities did in 2026.',
        language: 'en',
      });
      expect(res.status).toBe(201);
      expect(res.body.project).toMatchObject({
        title: 'Digital Sovereignty',
        subtitle: 'Annual report',
        description: 'What the member cities did in 2026.',
        language: 'en',
      });
    });

    const invalid: Array<[string, unknown, string[]]> = [
      ['an empty title', { title: '' }, ['title']],
      ['a title of spaces only', { title: '   ' }, ['title']],
      ['a missing title', {}, ['title']],
      ['a title that is not text', { title: 42 }, ['title']],
      ['a title over the length limit', { title: 'x'.repeat(LIMITS.projectTitleMaxLength + 1) }, ['title']],
      ['language fr', { title: 'Bericht', language: 'fr' }, ['language']],
      [
        'an unknown field',
        { title: 'Bericht', ownerId: '00000000-0000-0000-0000-000000000000' },
        ['ownerId'],
      ],
      ['an unknown template', { title: 'Bericht', template: 'no-such-template' }, ['template']],
      ['a title with an escape character', { title: 'a\u001Bb' }, ['title']],
      ['a title with a line break', { title: 'Bericht\n2026' }, ['title']],
      ['a title of zero-width characters only', { title: '\u200B\u200B\u200D' }, ['title']],
      ['a subtitle with a right-to-left override', { title: 'Bericht', subtitle: 'abc\u202Edcba' }, ['subtitle']],
      [
        'several bad fields at once',
        { title: '', language: 'fr', colour: 'red' },
        ['colour', 'language', 'title'],
      ],
    ];
    it.each(invalid)(
      'refuses %s with 400 VALIDATION naming the field, and creates nothing',
      async (_case, body, fields) => {
        const person = await registerUser(app);
        const res = await create(person, body);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION');
        expect(fieldsOf(res.body)).toEqual(fields);
        expect((await person.client.get<ProjectListItem[]>('/api/projects')).body).toEqual([]);
      },
    );

    it.each([
      ['missing', {}],
      ['not text', { title: 42 }],
    ])('explains a title that is %s truthfully, not as too long', async (_case, body) => {
      const person = await registerUser(app);
      const res = await create(person, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['title']);
      expect(res.body.error.details?.[0].message).toMatch(/empty|required|string|text/i);
    });
  });

  describe('updating', () => {
    it('lets the lead update title, subtitle, description and language, and records before and after in the audit log', async () => {
      const { project, lead } = await createTeam(app);
      const res = await update(lead, project.id, {
        title: ' Neuer Titel ',
        subtitle: 'Untertitel',
        description: 'Beschreibung',
        language: 'en',
      });
      expect(res.status).toBe(200);
      const after = res.body.project;
      expect(after).toMatchObject({
        id: project.id,
        title: 'Neuer Titel',
        subtitle: 'Untertitel',
        description: 'Beschreibung',
        language: 'en',
        createdAt: project.createdAt,
      });
      expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(project.updatedAt));

      const detail = await lead.client.get<ProjectDetailResponse>(`/api/projects/${project.id}`);
      expect(detail.body.project).toEqual(after);

      const audit = await auditOf(project.id, 'project.updated');
      expect(audit).toEqual([
        {
          actor_id: lead.user.id,
          target_type: 'project',
          target_id: project.id,
          data: { before: project, after },
        },
      ]);
    });

    it('changes only the fields sent and clears subtitle and description with null', async () => {
      const lead = await registerUser(app);
      const created = await create(lead, {
        title: 'Bericht',
        subtitle: 'Alt',
        description: 'Text',
        language: 'en',
      });
      const project = created.body.project;

      const titleOnly = await update(lead, project.id, { title: 'Bericht 2' });
      expect(titleOnly.status).toBe(200);
      expect(titleOnly.body.project).toMatchObject({
        title: 'Bericht 2',
        subtitle: 'Alt',
        description: 'Text',
        language: 'en',
      });

      const cleared = await update(lead, project.id, { subtitle: null, description: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.project).toMatchObject({
        title: 'Bericht 2',
        subtitle: null,
        description: null,
        language: 'en',
      });
    });

    it('sets the publisher trimmed, keeps it when other fields change, and clears it with null or ""', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead, { title: 'Bericht mit Herausgeber' });
      const set = await update(lead, project.id, { publisher: '  Deutscher Städtetag  ' });
      expect(set.status).toBe(200);
      expect(set.body.project).toMatchObject({ title: 'Bericht mit Herausgeber', publisher: 'Deutscher Städtetag' });
      const other = await update(lead, project.id, { title: 'Neuer Titel' });
      expect(other.body.project.publisher).toBe('Deutscher Städtetag');
      const detail = await lead.client.get<ProjectDetailResponse>(`/api/projects/${project.id}`);
      expect(detail.body.project.publisher).toBe('Deutscher Städtetag');

      const longest = 'H'.repeat(LIMITS.projectPublisherMaxLength);
      expect((await update(lead, project.id, { publisher: longest })).body.project.publisher).toBe(longest);
      const cleared = await update(lead, project.id, { publisher: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.project.publisher).toBeNull();
      await update(lead, project.id, { publisher: 'Landkreistag' });
      const blank = await update(lead, project.id, { publisher: '   ' });
      expect(blank.status).toBe(200);
      expect(blank.body.project.publisher).toBeNull();
    });

    const invalid: Array<[string, unknown, string[]]> = [
      ['an empty title', { title: '' }, ['title']],
      ['a null title', { title: null }, ['title']],
      ['language fr', { language: 'fr' }, ['language']],
      ['a null language', { language: null }, ['language']],
      ['an unknown field', { createdBy: '00000000-0000-0000-0000-000000000000' }, ['createdBy']],
      ['a subtitle that is not text', { subtitle: 7 }, ['subtitle']],
      ['a publisher over 200 characters', { publisher: 'H'.repeat(LIMITS.projectPublisherMaxLength + 1) }, ['publisher']],
      ['a publisher that is not text', { publisher: ['Städtetag'] }, ['publisher']],
    ];
    it.each(invalid)(
      'refuses %s with 400 VALIDATION naming the field, and changes nothing',
      async (_case, body, fields) => {
        const lead = await registerUser(app);
        const project = await createProject(lead, { title: 'Unverändert' });
        const res = await update(lead, project.id, body);
        expect({ status: res.status, code: res.body.error?.code }).toEqual({
          status: 400,
          code: 'VALIDATION',
        });
        expect(fieldsOf(res.body)).toEqual(fields);
        const detail = await lead.client.get<ProjectDetailResponse>(`/api/projects/${project.id}`);
        expect(detail.body.project).toEqual(project);
        expect(await auditOf(project.id, 'project.updated')).toEqual([]);
      },
    );

    it('answers a project id that is not a UUID with 400 naming projectId, and accepts one in capitals', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      for (const res of [
        await lead.client.get<ErrorBody>('/api/projects/42'),
        await update(lead, 'abc', { title: 'X' }),
      ]) {
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION');
        expect(fieldsOf(res.body)).toEqual(['projectId']);
      }
      const upper = await lead.client.get<ProjectDetailResponse>(`/api/projects/${project.id.toUpperCase()}`);
      expect(upper.status).toBe(200);
      expect(upper.body.project.id).toBe(project.id);
    });
  });

  describe('listing', () => {
    it("lists only the caller's projects, each with the caller's role", async () => {
      const alice = await registerUser(app);
      const bob = await registerUser(app);
      const [aliceFirst, aliceSecond] = [await createProject(alice), await createProject(alice)];
      const bobOwn = await createProject(bob);
      await createParticipant(app, alice, aliceFirst.id, 'reader'); // someone else's membership must not show up
      const joined = await alice.client.post<{ token: string }>(
        `/api/projects/${aliceSecond.id}/invitations`,
        {
          email: bob.user.email,
          role: 'reviewer',
        },
      );
      expect((await bob.client.post(`/api/invitations/${joined.body.token}/accept`)).status).toBe(200);

      const roles = (items: ProjectListItem[]) => Object.fromEntries(items.map((p) => [p.id, p.role]));
      const bobs = await bob.client.get<ProjectListItem[]>('/api/projects');
      expect(bobs.status).toBe(200);
      expect(roles(bobs.body)).toEqual({ [bobOwn.id]: 'lead', [aliceSecond.id]: 'reviewer' });
      expect(bobs.body.find((p) => p.id === bobOwn.id)).toEqual({ ...bobOwn, role: 'lead' });

      const alices = await alice.client.get<ProjectListItem[]>('/api/projects');
      expect(roles(alices.body)).toEqual({ [aliceFirst.id]: 'lead', [aliceSecond.id]: 'lead' });

      const newcomer = await registerUser(app);
      expect((await newcomer.client.get<ProjectListItem[]>('/api/projects')).body).toEqual([]);
    });
  });
});
