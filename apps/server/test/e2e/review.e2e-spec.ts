import type {
  AuditPage,
  Dashboard,
  ErrorBody,
  ReviewAction,
  Section,
  SectionDetailResponse,
  SectionResponse,
  Transition,
} from '@kapitel/domain';
import { createSection, createTeam, registerUser, type Person } from '../factories.js';
import type { Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

describe('review workflow', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  /** A team and one section assigned to its author, reviewed by its reviewer. */
  async function assignedSection(): Promise<Awaited<ReturnType<typeof createTeam>> & { section: Section }> {
    const team = await createTeam(app);
    const created = await createSection(team.lead, team.project.id, { title: 'Fallbeispiele' });
    const res = await team.lead.client.patch<SectionResponse>(`/api/projects/${team.project.id}/sections/${created.id}`, {
      assigneeIds: [team.author.user.id],
      reviewerId: team.reviewer.user.id,
    });
    return { ...team, section: res.body.section };
  }

  function step(
    person: Person,
    section: Section,
    action: ReviewAction,
    note?: string,
  ): Promise<Answer<SectionResponse & ErrorBody>> {
    return person.client.post<SectionResponse & ErrorBody>(
      `/api/projects/${section.projectId}/sections/${section.id}/transitions`,
      { action, ...(note === undefined ? {} : { note }) },
    );
  }

  async function history(person: Person, section: Section): Promise<Transition[]> {
    const res = await person.client.get<Transition[]>(`/api/projects/${section.projectId}/sections/${section.id}/transitions`);
    expect(res.status).toBe(200);
    return res.body;
  }

  describe('transitions', () => {
    it('takes a section through submit, request changes, submit and approve, and records each step', async () => {
      const { section, author, reviewer, lead, reader } = await assignedSection();
      expect((await step(author, section, 'submit')).body.section.state).toBe('in_review');
      expect((await step(reviewer, section, 'request_changes', 'Bitte Quellen ergänzen')).body.section.state).toBe(
        'changes_requested',
      );
      expect((await step(author, section, 'submit')).body.section.state).toBe('in_review');
      const approved = await step(lead, section, 'approve');
      expect(approved.status).toBe(200);
      expect(approved.body.section.state).toBe('approved');
      const steps = await history(reader, section);
      expect(steps.map((s) => [s.action, s.from, s.to, s.actorId, s.note])).toEqual([
        ['submit', 'draft', 'in_review', author.user.id, null],
        ['request_changes', 'in_review', 'changes_requested', reviewer.user.id, 'Bitte Quellen ergänzen'],
        ['submit', 'changes_requested', 'in_review', author.user.id, null],
        ['approve', 'in_review', 'approved', lead.user.id, null],
      ]);
      expect(steps[0]?.actorName).toBe(author.user.name);
      expect(steps.every((s) => !Number.isNaN(Date.parse(s.at)))).toBe(true);
    });

    it('reopens an approved section to draft, by a lead only', async () => {
      const { section, author, lead } = await assignedSection();
      await step(author, section, 'submit');
      await step(lead, section, 'approve');
      const refused = await step(author, section, 'reopen');
      expect(refused.status).toBe(403);
      const reopened = await step(lead, section, 'reopen', 'Neue Zahlen 2027');
      expect(reopened.body.section.state).toBe('draft');
    });

    it('answers 409 ILLEGAL_TRANSITION for a step the state does not allow, and records nothing', async () => {
      const { section, lead } = await assignedSection();
      const res = await step(lead, section, 'approve');
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('ILLEGAL_TRANSITION');
      expect(await history(lead, section)).toEqual([]);
    });

    it('answers 403 for a step the role may not take, before looking at the state', async () => {
      const { section, reviewer, reader, author } = await assignedSection();
      for (const [person, action] of [
        [reviewer, 'approve'],
        [reviewer, 'submit'],
        [reader, 'submit'],
        [author, 'approve'],
        [author, 'request_changes'],
      ] as const) {
        const res = await step(person, section, action, 'Notiz');
        expect({ action, status: res.status, code: res.body.error.code }).toEqual({ action, status: 403, code: 'FORBIDDEN' });
      }
      const row = await app.db.query<{ state: string }>('SELECT state FROM sections WHERE id = $1', [section.id]);
      expect(row.rows).toEqual([{ state: 'draft' }]);
    });

    it('lets only an assigned author submit', async () => {
      const { section, author, lead, project } = await assignedSection();
      const notMine = await createSection(lead, project.id, { title: 'fremd' });
      const refused = await step(author, notMine, 'submit');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect((await step(author, section, 'submit')).status).toBe(200);
    });

    it('answers 404 for a section of another project named under this project', async () => {
      const { lead, project } = await assignedSection();
      const other = await assignedSection();
      const res = await step(lead, { ...other.section, projectId: project.id }, 'submit');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });

    it('requires a note to request changes, naming the field', async () => {
      const { section, author, reviewer } = await assignedSection();
      await step(author, section, 'submit');
      for (const note of [undefined, '', '   ']) {
        const res = await step(reviewer, section, 'request_changes', note);
        expect(res.status).toBe(400);
        expect(res.body.error.details).toEqual([{ field: 'note', message: expect.any(String) as string }]);
      }
    });

    it.each([
      ['an unknown action', { action: 'publish' }, 'action'],
      ['a note that is too long', { action: 'submit', note: 'x'.repeat(2001) }, 'note'],
    ])('refuses %s with a 400 naming the field', async (_name, body, field) => {
      const { section, author } = await assignedSection();
      const res = await author.client.post<ErrorBody>(`/api/projects/${section.projectId}/sections/${section.id}/transitions`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.details?.map((d) => d.field)).toEqual([field]);
    });
  });

  describe('abilities sent with a section', () => {
    it('tells each member what they may do with the section now', async () => {
      const { section, author, reviewer, lead, reader } = await assignedSection();
      const abilitiesOf = async (person: Person) =>
        (await person.client.get<SectionDetailResponse>(`/api/projects/${section.projectId}/sections/${section.id}`)).body.abilities;
      expect(await abilitiesOf(author)).toMatchObject({ 'section.edit': true, 'review.submit': true, 'review.approve': false });
      expect(await abilitiesOf(reader)).toMatchObject({ 'section.edit': false, 'comment.create': false });
      await step(author, section, 'submit');
      expect(await abilitiesOf(author)).toMatchObject({ 'section.edit': false, 'review.submit': false });
      expect(await abilitiesOf(reviewer)).toMatchObject({ 'review.request_changes': true, 'review.approve': false });
      expect(await abilitiesOf(lead)).toMatchObject({ 'section.edit': false, 'review.approve': true, 'outline.manage': true });
    });
  });

  describe('dashboard', () => {
    it('counts states, computes progress, lists overdue sections and who has what', async () => {
      const { section, author, reviewer, lead, reader, project } = await assignedSection();
      const late = await createSection(lead, project.id, { title: 'Verspätet' });
      await lead.client.patch(`/api/projects/${project.id}/sections/${late.id}`, {
        assigneeIds: [author.user.id],
        dueDate: '2020-01-31',
      });
      const done = await createSection(lead, project.id, { title: 'Fertig' });
      await lead.client.patch(`/api/projects/${project.id}/sections/${done.id}`, { dueDate: '2020-01-31' });
      await step(lead, done, 'submit');
      await step(lead, done, 'approve');
      await step(author, section, 'submit');
      const res = await reader.client.get<Dashboard>(`/api/projects/${project.id}/dashboard`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        total: 3,
        counts: { draft: 1, in_review: 1, changes_requested: 0, approved: 1 },
        approved: 1,
      });
      expect(res.body.progress).toBeCloseTo(1 / 3);
      expect(res.body.overdue.map((s) => [s.title, s.number, s.overdue])).toEqual([['Verspätet', '2', true]]);
      const byUser = new Map(res.body.members.map((member) => [member.userId, member]));
      expect(byUser.get(author.user.id)?.assigned.map((s) => [s.title, s.state])).toEqual([
        ['Fallbeispiele', 'in_review'],
        ['Verspätet', 'draft'],
      ]);
      expect(byUser.get(reviewer.user.id)?.reviewing.map((s) => s.title)).toEqual(['Fallbeispiele']);
      expect(byUser.get(reader.user.id)).toMatchObject({ role: 'reader', assigned: [], reviewing: [] });
    });

    it('reports zero progress for an empty outline', async () => {
      const { lead, project } = await createTeam(app);
      const res = await lead.client.get<Dashboard>(`/api/projects/${project.id}/dashboard`);
      expect(res.body).toMatchObject({ total: 0, progress: 0, overdue: [] });
    });
  });

  describe('audit log', () => {
    it('records outline changes, assignments and transitions with who, before and after', async () => {
      const { section, author, lead, project } = await assignedSection();
      await step(author, section, 'submit');
      await lead.client.post(`/api/projects/${project.id}/sections/${section.id}/move`, { parentId: null, position: 0 });
      const res = await lead.client.get<AuditPage>(`/api/projects/${project.id}/audit`);
      expect(res.status).toBe(200);
      const events = res.body.events;
      expect(events.map((e) => e.action).slice(0, 4)).toEqual([
        'section.moved',
        'section.transition',
        'section.updated',
        'section.created',
      ]);
      expect(events[1]).toMatchObject({
        actorId: author.user.id,
        actorName: author.user.name,
        targetType: 'section',
        targetId: section.id,
        data: { action: 'submit', before: { state: 'draft' }, after: { state: 'in_review' } },
      });
      expect(events[2]?.data).toEqual({
        before: { assigneeIds: [], reviewerId: null },
        after: { assigneeIds: [author.user.id], reviewerId: section.reviewerId },
      });
    });

    it('pages from newest to oldest without gaps or repeats', async () => {
      const lead = await registerUser(app);
      const project = (await lead.client.post<{ project: { id: string } }>('/api/projects', { title: 'Bericht' })).body.project;
      for (let i = 0; i < 7; i += 1) {
        await createSection(lead, project.id, { title: `Kapitel ${i}` });
      }
      const seen: string[] = [];
      let before: string | null = null;
      do {
        const query: string = before === null ? '?limit=3' : `?limit=3&before=${before}`;
        const page: Answer<AuditPage> = await lead.client.get<AuditPage>(`/api/projects/${project.id}/audit${query}`);
        expect(page.body.events.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.events.map((event) => event.id));
        before = page.body.nextBefore;
      } while (before !== null);
      expect(seen).toHaveLength(8);
      expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);
      expect(new Set(seen).size).toBe(8);
    });

    it.each([
      ['a limit of 0', '?limit=0', 'limit'],
      ['a limit above 200', '?limit=201', 'limit'],
      ['a cursor that is not an event id', '?before=abc', 'before'],
      ['an unknown parameter', '?sort=asc', 'sort'],
    ])('refuses %s with a 400 naming the parameter', async (_name, query, field) => {
      const { lead, project } = await createTeam(app);
      const res = await lead.client.get<ErrorBody>(`/api/projects/${project.id}/audit${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details?.map((d) => d.field)).toEqual([field]);
    });
  });
});
