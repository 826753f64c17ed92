import { encodeUpdate } from '@kapitel/collab';
import type { AuditLogPage, CommentResponse, SectionComment } from '@kapitel/domain';
import { openPeer, paragraphUpdate, rejectedWriteAudits } from '../collab-frames.js';
import { eventually } from '../collab-client.js';
import { createSection, createTeam, registerUser, type Person } from '../factories.js';
import type { Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * The project's audit trail as the protocol page reads it: filtered by kind and by person,
 * page by page with the filter kept, with the section and the person acted on named; bad
 * filters are refused naming the parameter, and only leads read it.
 */
describe('GET /api/projects/:projectId/audit with filters', () => {
  let app: TestApp;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let sectionId: string;
  let comment: SectionComment;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
    team = await createTeam(app);
    const { lead, author, reviewer, reader, project } = team;
    const section = await createSection(lead, project.id, { title: 'Ausgangslage' });
    sectionId = section.id;
    const sections = `/api/projects/${project.id}/sections`;
    expect((await lead.client.patch(`${sections}/${sectionId}`, { assigneeIds: [author.user.id] })).status).toBe(200);
    const created = await reviewer.client.post<CommentResponse>(`${sections}/${sectionId}/comments`, {
      body: 'Bitte die Zahlen von 2024 ergänzen.',
    });
    expect(created.status).toBe(201);
    comment = created.body.comment;
    expect((await lead.client.patch(`/api/projects/${project.id}/members/${reader.user.id}`, { role: 'reviewer' })).status).toBe(200);
    // A reader turned reviewer still may not write: the refused write is audited (asynchronously).
    const peer = await openPeer(app.origin, reader, sectionId);
    peer.send(encodeUpdate(paragraphUpdate('unerlaubt')));
    await eventually(async () => (await rejectedWriteAudits(app.db, reader.user.id, sectionId)) > 0, 'the refused write in the audit trail');
    peer.destroy();
  });
  afterAll(async () => {
    await app.close();
  });

  const audit = (person: Person, query = ''): Promise<Answer<AuditLogPage>> =>
    person.client.get<AuditLogPage>(`/api/projects/${team.project.id}/audit${query}`);

  it('gives only the events of the kind asked for, each kind its own', async () => {
    const actionsOf = async (kind: string): Promise<string[]> => {
      const res = await audit(team.lead, `?kind=${kind}`);
      expect(res.status).toBe(200);
      return res.body.events.map((event) => event.action);
    };
    expect(await actionsOf('sections')).toEqual(['section.updated', 'section.created']);
    expect(await actionsOf('comments')).toEqual(['comment.created']);
    // The team's three invitations ran side by side: their order among each other is open.
    const members = await actionsOf('members');
    expect(members[0]).toBe('member.role_changed');
    expect(members.slice(1).sort()).toEqual([
      'invitation.accepted',
      'invitation.accepted',
      'invitation.accepted',
      'invitation.created',
      'invitation.created',
      'invitation.created',
    ]);
    expect(await actionsOf('project')).toEqual(['project.created']);
    expect(await actionsOf('write_rejected')).toEqual(['section.write_rejected']);
    expect(await actionsOf('exports')).toEqual([]);
  });

  it('gives only what one person did, and pages through a filter without losing it', async () => {
    const byLead = await audit(team.lead, `?actorId=${team.lead.user.id}&kind=members&limit=2`);
    expect(byLead.status).toBe(200);
    expect(byLead.body.events.map((event) => [event.action, event.actorId])).toEqual([
      ['member.role_changed', team.lead.user.id],
      ['invitation.created', team.lead.user.id],
    ]);
    expect(byLead.body.nextBefore).toEqual(expect.any(String));
    const next = await audit(team.lead, `?actorId=${team.lead.user.id}&kind=members&limit=2&before=${byLead.body.nextBefore}`);
    expect(next.body.events.map((event) => event.action)).toEqual(['invitation.created', 'invitation.created']);
    expect(next.body.nextBefore).toBeNull();

    const byReviewer = await audit(team.lead, `?actorId=${team.reviewer.user.id}`);
    expect(byReviewer.body.events.map((event) => event.action)).toEqual(['comment.created', 'invitation.accepted']);
    // Someone who never did anything here: an empty page, not an error.
    const stranger = await registerUser(app);
    expect((await audit(team.lead, `?actorId=${stranger.user.id}`)).body).toEqual({ events: [], nextBefore: null });
  });

  it('names the section an event concerns, also a comment’s, and the person acted on', async () => {
    const page = await audit(team.lead, '?limit=200');
    const byAction = (action: string) => page.body.events.find((event) => event.action === action);
    expect(byAction('comment.created')).toMatchObject({
      targetId: comment.id,
      actorName: team.reviewer.user.name,
      section: { id: sectionId, title: 'Ausgangslage', trashed: false },
    });
    expect(byAction('section.updated')?.section).toEqual({ id: sectionId, title: 'Ausgangslage', trashed: false });
    expect(byAction('member.role_changed')).toMatchObject({
      targetId: team.reader.user.id,
      targetName: team.reader.user.name,
      data: { before: 'reader', after: 'reviewer' },
      section: null,
    });
    expect(byAction('invitation.created')?.targetName).toMatch(/@example\.org$/);
    expect(byAction('project.created')).toMatchObject({ section: null, targetName: null });

    // A section in the trash is still named, and marked as such.
    expect((await team.lead.client.delete(`/api/projects/${team.project.id}/sections/${sectionId}`)).status).toBe(204);
    const after = await audit(team.lead, '?kind=sections&limit=1');
    expect(after.body.events[0]).toMatchObject({
      action: 'section.deleted',
      section: { id: sectionId, title: 'Ausgangslage', trashed: true },
    });
    expect((await team.lead.client.post(`/api/projects/${team.project.id}/sections/${sectionId}/restore`)).status).toBe(200);
  });

  it('refuses an unknown kind, a malformed person and unknown parameters, naming them', async () => {
    const fields = (res: Answer) =>
      ((res.body as { error: { details?: Array<{ field: string }> } }).error.details ?? []).map((detail) => detail.field);
    const kind = await audit(team.lead, '?kind=everything');
    expect(kind.status).toBe(400);
    expect(fields(kind)).toEqual(['kind']);
    expect(JSON.stringify(kind.body)).toContain('kind must be one of sections, comments, members, exports, project, write_rejected');
    const actor = await audit(team.lead, '?actorId=lea');
    expect(actor.status).toBe(400);
    expect(fields(actor)).toEqual(['actorId']);
    const unknown = await audit(team.lead, '?action=member.removed');
    expect(unknown.status).toBe(400);
    expect(fields(unknown)).toEqual(['action']);
  });

  it('answers 403 to members who are not leads, 404 to others and 401 without a session, filters or not', async () => {
    for (const member of [team.author, team.reviewer, team.reader]) {
      expect((await audit(member, '?kind=sections')).status).toBe(403);
    }
    const outsider = await registerUser(app);
    expect((await audit(outsider, '?kind=sections')).status).toBe(404);
    const missing = await team.lead.client.get(`/api/projects/00000000-0000-4000-8000-000000000000/audit?kind=sections`);
    expect(missing.status).toBe(404);
    const anonymous = await fetch(`${app.origin}/api/projects/${team.project.id}/audit`);
    expect(anonymous.status).toBe(401);
  });
});
