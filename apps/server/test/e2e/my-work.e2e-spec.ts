import type { MyWorkResponse, Section, SectionResponse } from '@kapitel/domain';
import { createParticipant, createProject, createSection, registerUser, type Person } from '../factories.js';
import { HttpClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

describe('GET /api/me/work', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  async function workOf(person: Person): Promise<MyWorkResponse> {
    const res = await person.client.get<MyWorkResponse>('/api/me/work');
    expect(res.status).toBe(200);
    return res.body;
  }

  async function assign(
    lead: Person,
    section: Section,
    changes: { assigneeIds?: string[]; reviewerId?: string | null; dueDate?: string | null },
  ): Promise<void> {
    const res = await lead.client.patch<SectionResponse>(
      `/api/projects/${section.projectId}/sections/${section.id}`,
      changes,
    );
    expect(res.status).toBe(200);
  }

  async function step(person: Person, section: Section, action: 'submit' | 'approve'): Promise<void> {
    const res = await person.client.post(
      `/api/projects/${section.projectId}/sections/${section.id}/transitions`,
      {
        action,
      },
    );
    expect(res.status).toBe(200);
  }

  /** Two projects of one lead; `member` is author in the first and reviewer in the second. */
  async function twoProjects() {
    const lead = await registerUser(app, { name: 'Lea Leitung' });
    const first = await createProject(lead, { title: 'Alpha-Bericht' });
    const second = await createProject(lead, { title: 'Beta-Bericht' });
    const member = await createParticipant(app, lead, first.id, 'author');
    const invitation = await lead.client.post<{ token: string }>(`/api/projects/${second.id}/invitations`, {
      email: member.user.email,
      role: 'reviewer',
    });
    expect((await member.client.post(`/api/invitations/${invitation.body.token}/accept`)).status).toBe(200);
    return { lead, first, second, member };
  }

  it('answers 401 without a session', async () => {
    const res = await new HttpClient(app.origin).get<{ error: { code: string } }>('/api/me/work');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('is described in the OpenAPI document', async () => {
    const res = await new HttpClient(app.origin).get<{ paths: Record<string, unknown> }>('/api/docs-json');
    expect(Object.keys(res.body.paths)).toContain('/api/me/work');
  });

  it('lists the sections assigned to me and those I review while in review, across projects, by due date', async () => {
    const { lead, first, second, member } = await twoProjects();
    const foreword = await createSection(lead, first.id, { title: 'Vorwort', numbered: false });
    const chapter = await createSection(lead, first.id, { title: 'Ausgangslage' });
    const sub = await createSection(lead, first.id, { title: 'Bestand', parentId: chapter.id });
    const others = await createSection(lead, first.id, { title: 'Nicht meins' });
    await assign(lead, foreword, { assigneeIds: [member.user.id] });
    await assign(lead, sub, { assigneeIds: [lead.user.id, member.user.id], dueDate: '2020-01-15' });
    await assign(lead, others, { assigneeIds: [lead.user.id], dueDate: '2020-01-01' });
    const reviewed = await createSection(lead, second.id, { title: 'Zu prüfen' });
    const notYet = await createSection(lead, second.id, { title: 'Noch im Entwurf' });
    await assign(lead, reviewed, {
      assigneeIds: [lead.user.id],
      reviewerId: member.user.id,
      dueDate: '2099-03-01',
    });
    await assign(lead, notYet, { reviewerId: member.user.id, dueDate: '2000-01-01' });
    await step(lead, reviewed, 'submit');

    const work = await workOf(member);
    expect(work.sections).toEqual([
      {
        id: sub.id,
        projectId: first.id,
        projectTitle: 'Alpha-Bericht',
        projectLanguage: 'de',
        number: '1.1',
        title: 'Bestand',
        state: 'draft',
        dueDate: '2020-01-15',
        overdue: true,
        assigned: true,
        reviewing: false,
      },
      expect.objectContaining({
        id: reviewed.id,
        projectId: second.id,
        state: 'in_review',
        overdue: false,
        assigned: false,
        reviewing: true,
      }),
      expect.objectContaining({
        id: foreword.id,
        number: null,
        dueDate: null,
        overdue: false,
        assigned: true,
      }),
    ]);
    expect(work.projects).toEqual(
      expect.arrayContaining([
        { projectId: first.id, total: 4, approved: 0, progress: 0, open: 2 },
        { projectId: second.id, total: 2, approved: 0, progress: 0, open: 1 },
      ]),
    );
    expect(work.projects).toHaveLength(2);
  });

  it('counts approved sections into the progress and keeps mine that are approved, after the open ones, not open', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const author = await createParticipant(app, lead, project.id, 'author');
    const done = await createSection(lead, project.id, { title: 'Fertig' });
    const open = await createSection(lead, project.id, { title: 'Offen' });
    await createSection(lead, project.id, { title: 'Ohne Zuweisung' });
    await assign(lead, done, { assigneeIds: [author.user.id], dueDate: '2001-01-01' });
    await assign(lead, open, { assigneeIds: [author.user.id] });
    await step(author, done, 'submit');
    await step(lead, done, 'approve');

    const work = await workOf(author);
    expect(work.sections.map((s) => [s.title, s.state, s.overdue])).toEqual([
      ['Offen', 'draft', false],
      ['Fertig', 'approved', false],
    ]);
    expect(work.projects).toEqual([
      { projectId: project.id, total: 3, approved: 1, progress: 1 / 3, open: 1 },
    ]);
  });

  it('leaves out trashed sections, from the list and from the progress', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const author = await createParticipant(app, lead, project.id, 'author');
    const chapter = await createSection(lead, project.id, { title: 'Kapitel' });
    const below = await createSection(lead, project.id, { title: 'Darunter', parentId: chapter.id });
    const kept = await createSection(lead, project.id, { title: 'Bleibt' });
    await assign(lead, chapter, { assigneeIds: [author.user.id] });
    await assign(lead, below, { assigneeIds: [author.user.id] });
    await assign(lead, kept, { assigneeIds: [author.user.id] });
    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${chapter.id}`)).status).toBe(204);

    const work = await workOf(author);
    expect(work.sections.map((s) => [s.title, s.number])).toEqual([['Bleibt', '1']]);
    expect(work.projects).toEqual([{ projectId: project.id, total: 1, approved: 0, progress: 0, open: 1 }]);
  });

  it('shows nothing of a project I left or was removed from', async () => {
    const { lead, first, second, member } = await twoProjects();
    const mine = await createSection(lead, first.id, { title: 'Meins in Alpha' });
    const reviewed = await createSection(lead, second.id, { title: 'Meins in Beta' });
    await assign(lead, mine, { assigneeIds: [member.user.id] });
    await assign(lead, reviewed, { assigneeIds: [lead.user.id], reviewerId: member.user.id });
    await step(lead, reviewed, 'submit');
    expect((await workOf(member)).sections).toHaveLength(2);

    expect((await member.client.delete(`/api/projects/${first.id}/members/${member.user.id}`)).status).toBe(
      204,
    );
    let work = await workOf(member);
    expect(work.sections.map((s) => s.title)).toEqual(['Meins in Beta']);
    expect(work.projects.map((p) => p.projectId)).toEqual([second.id]);

    expect((await lead.client.delete(`/api/projects/${second.id}/members/${member.user.id}`)).status).toBe(
      204,
    );
    work = await workOf(member);
    expect(work).toEqual({ sections: [], projects: [] });
  });

  it('scopes by membership, not by assignments left behind', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const author = await createParticipant(app, lead, project.id, 'author');
    const section = await createSection(lead, project.id, { title: 'Verwaist' });
    await assign(lead, section, { assigneeIds: [author.user.id] });
    // Leaving drops the assignments (MembershipHooks); this stands for any way a row might
    // outlive the membership, so that the answer never depends on that clean-up alone.
    await app.db.query('DELETE FROM project_members WHERE project_id = $1 AND user_id = $2', [
      project.id,
      author.user.id,
    ]);
    const stale = await app.db.query(
      'SELECT 1 FROM section_assignees WHERE section_id = $1 AND user_id = $2',
      [section.id, author.user.id],
    );
    expect(stale.rowCount).toBe(1);
    expect(await workOf(author)).toEqual({ sections: [], projects: [] });
  });

  it('shows others nothing of my work, and a new account an empty list', async () => {
    const { lead, first, member } = await twoProjects();
    const mine = await createSection(lead, first.id, { title: 'Nur für mich' });
    await assign(lead, mine, { assigneeIds: [member.user.id] });
    const stranger = await registerUser(app);
    expect(await workOf(stranger)).toEqual({ sections: [], projects: [] });
    const leadWork = await workOf(lead);
    expect(leadWork.sections).toEqual([]);
    expect(leadWork.projects.map((p) => p.open)).toEqual([0, 0]);
  });
});
