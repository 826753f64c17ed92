import { CLOSE, DEFAULT_COLLAB_LIMITS } from '@kapitel/collab';
import type { NotificationPage, Project, RevokedEventData } from '@kapitel/domain';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import { collabUrl, pause, upgradeAnswer, upgradeHeaders } from '../collab-frames.js';
import { openEventStream, type EventStreamClient } from '../event-stream.js';
import { createProject, createSection, createTeam, invite, registerUser, type Person } from '../factories.js';
import { mustUpload, pngImage } from '../image-files.js';
import { LogCapture, startTestApp, type TestApp } from '../test-app.js';
import { requestExport, waitForExport } from './export-support.js';

/** Every table that holds a project's rows, with how to find them (through its sections where it has no project id). */
const PROJECT_TABLES: Record<string, string> = {
  projects: 'SELECT count(*)::int AS n FROM projects WHERE id = $1',
  project_members: 'SELECT count(*)::int AS n FROM project_members WHERE project_id = $1',
  invitations: 'SELECT count(*)::int AS n FROM invitations WHERE project_id = $1',
  sections: 'SELECT count(*)::int AS n FROM sections WHERE project_id = $1',
  section_assignees: 'SELECT count(*)::int AS n FROM section_assignees a JOIN sections s ON s.id = a.section_id WHERE s.project_id = $1',
  section_transitions: 'SELECT count(*)::int AS n FROM section_transitions t JOIN sections s ON s.id = t.section_id WHERE s.project_id = $1',
  section_documents: 'SELECT count(*)::int AS n FROM section_documents d JOIN sections s ON s.id = d.section_id WHERE s.project_id = $1',
  section_updates: 'SELECT count(*)::int AS n FROM section_updates u JOIN sections s ON s.id = u.section_id WHERE s.project_id = $1',
  section_versions: 'SELECT count(*)::int AS n FROM section_versions v JOIN sections s ON s.id = v.section_id WHERE s.project_id = $1',
  comments: 'SELECT count(*)::int AS n FROM comments WHERE project_id = $1',
  notifications: 'SELECT count(*)::int AS n FROM notifications WHERE project_id = $1',
  exports: 'SELECT count(*)::int AS n FROM exports WHERE project_id = $1',
  images: 'SELECT count(*)::int AS n FROM images WHERE project_id = $1',
};

/**
 * Deleting a whole project: only its lead may; everything in it goes in one transaction,
 * its audit trail stays without its content; live connections and event streams end with a
 * clear reason, a room unloading afterwards stores nothing and logs no error, and another
 * project of the same people is untouched.
 */
describe('DELETE /api/projects/:projectId', () => {
  let app: TestApp;
  let logs: LogCapture;
  const clients: CollabClient[] = [];
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    logs = new LogCapture();
    app = await startTestApp(
      {
        logLevel: 'error',
        loginRateLimitPerIp: 100_000,
        invitationRateLimitPerHour: 100_000,
        collab: { ...DEFAULT_COLLAB_LIMITS, unloadAfterMs: 100 },
      },
      undefined,
      logs,
    );
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
    streams.splice(0).forEach((stream) => stream.close());
  });
  afterAll(async () => {
    await app.close();
  });

  async function counts(projectId: string): Promise<Record<string, number>> {
    const entries = await Promise.all(
      Object.entries(PROJECT_TABLES).map(async ([table, sql]) => {
        const { rows } = await app.db.query<{ n: number }>(sql, [projectId]);
        return [table, rows[0].n] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  function collab(person: Person, sectionId: string): CollabClient {
    const client = connectCollab(app.origin, person, sectionId);
    clients.push(client);
    return client;
  }

  async function stream(person: Person, projectId: string): Promise<EventStreamClient> {
    const opened = await openEventStream(app.origin, person, projectId);
    expect(opened.status).toBe(200);
    streams.push(opened);
    await eventually(() => opened.events.some((event) => event.event === 'ready'), 'the stream to be ready');
    return opened;
  }

  it('is refused to every member but a lead (403), to others (404) and without a session (401), changing nothing', async () => {
    const team = await createTeam(app);
    await createSection(team.lead, team.project.id);
    const before = await counts(team.project.id);
    const path = `/api/projects/${team.project.id}`;
    for (const member of [team.author, team.reviewer, team.reader]) {
      const res = await member.client.delete<{ error: { code: string } }>(path);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const outsider = await registerUser(app);
    expect((await outsider.client.delete(path)).status).toBe(404);
    expect((await fetch(`${app.origin}${path}`, { method: 'DELETE', headers: { origin: app.origin } })).status).toBe(401);
    expect((await team.lead.client.delete('/api/projects/kein-projekt')).status).toBe(400);
    expect((await team.lead.client.delete('/api/projects/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // A foreign Origin with the session cookie is a CSRF attempt, however lead the cookie's owner is.
    expect((await team.lead.client.delete(path, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await counts(team.project.id)).toEqual(before);
    expect((await team.author.client.get(path)).status).toBe(200);
  });

  it('removes the project with every row of it, keeps its audit trail emptied of content, and leaves another project of the same people alone', async () => {
    const team = await createTeam(app);
    const { lead, author, reviewer, project } = team;
    const base = `/api/projects/${project.id}`;
    const section = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const submitted = await createSection(lead, project.id, { title: 'Fallbeispiele' });
    const people = { assigneeIds: [author.user.id], reviewerId: reviewer.user.id };
    expect((await lead.client.patch(`${base}/sections/${section.id}`, people)).status).toBe(200);
    // A text folded into its snapshot (the room unloads 100 ms after its last editor), then in review.
    const earlier = connectCollab(app.origin, lead, submitted.id);
    await synced(earlier);
    earlier.type('Fallbeispiel Musterstadt');
    await eventually(async () => (await counts(project.id)).section_updates > 0, 'the first edit to be stored');
    earlier.destroy();
    await eventually(async () => (await counts(project.id)).section_documents > 0, 'the snapshot to be stored');
    expect((await lead.client.post(`${base}/sections/${submitted.id}/transitions`, { action: 'submit' })).status).toBe(200);
    const writer = collab(author, section.id);
    await synced(writer);
    writer.type('Text vor dem Löschen');
    await eventually(async () => (await counts(project.id)).section_updates > 0, 'the edit to be stored');
    expect((await lead.client.post(`${base}/sections/${section.id}/versions`, { label: 'Stand Mai' })).status).toBe(201);
    expect((await reviewer.client.post(`${base}/sections/${section.id}/comments`, { body: 'Quelle fehlt.' })).status).toBe(201);
    await mustUpload(lead, project.id, pngImage(4, 3));
    await invite(lead, project.id, 'offen@example.org', 'reader');
    await waitForExport(lead, project.id, await requestExport(lead, project.id, 'draft'));

    // The same lead and author in a second project, with a live editor and a stream of its own.
    const other = await createProject(lead, { title: 'Zweiter Bericht' });
    const { token } = await invite(lead, other.id, author.user.email, 'author');
    expect((await author.client.post(`/api/invitations/${token}/accept`)).status).toBe(200);
    const otherSection = await createSection(lead, other.id, { title: 'Einleitung' });
    const otherEditor = collab(lead, otherSection.id);
    await synced(otherEditor);
    otherEditor.type('Bleibt stehen');
    await eventually(async () => (await counts(other.id)).section_updates > 0, 'the other edit to be stored');
    const otherStream = await stream(author, other.id);
    const otherBefore = await counts(other.id);

    const before = await counts(project.id);
    for (const table of Object.keys(PROJECT_TABLES)) {
      expect([table, before[table] > 0]).toEqual([table, true]);
    }
    const authorNotifications = (await author.client.get<NotificationPage>('/api/notifications')).body;
    expect(authorNotifications.notifications.some((n) => n.project.id === project.id)).toBe(true);
    expect(authorNotifications.unread).toBeGreaterThan(0);
    const auditBefore = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE project_id = $1', [project.id]);

    const closes: Array<{ code: number; reason: string }> = [];
    writer.provider.on('connection-close', (event: { code?: number; reason?: string } | null) => {
      closes.push({ code: event?.code ?? 0, reason: event?.reason ?? '' });
    });
    const [leadStream, readerStream] = [await stream(lead, project.id), await stream(team.reader, project.id)];

    expect((await lead.client.delete(base)).status).toBe(204);

    // Gone from every table, for everybody.
    expect(Object.values(await counts(project.id))).toEqual(Object.keys(PROJECT_TABLES).map(() => 0));
    expect((await lead.client.get(base)).status).toBe(404);
    expect((await author.client.get<Project[]>('/api/projects')).body.map((p) => p.id)).toEqual([other.id]);
    const after = (await author.client.get<NotificationPage>('/api/notifications')).body;
    expect(after.notifications.filter((n) => n.project.id === project.id)).toEqual([]);
    // The author's bell counted only this project's notifications: nothing is left to count.
    expect(after.unread).toBe(0);

    // The streams end, saying why; the other project's stream hears nothing of it.
    for (const ended of [leadStream, readerStream]) {
      await ended.ended;
      const data: RevokedEventData = { reason: 'project-deleted' };
      expect(ended.events.at(-1)).toEqual({ event: 'revoked', data });
    }

    // The editor closes with 4403 and the reason, and cannot come back: the upgrade is refused.
    await eventually(() => closes.length > 0, 'the editor to be closed');
    expect(closes[0]).toEqual({ code: CLOSE.forbidden, reason: 'the project was deleted' });
    expect((await upgradeAnswer(collabUrl(app.origin, section.id), upgradeHeaders(app.origin, author))).status).toBe(403);
    await pause(600);
    expect(writer.provider.wsconnected).toBe(false);
    expect(writer.provider.synced).toBe(false);

    // The room unloaded (100 ms) without storing or resurrecting anything and without an error.
    const stored = await app.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM section_documents WHERE section_id = ANY($1::uuid[]))
            + (SELECT count(*) FROM section_updates WHERE section_id = ANY($1::uuid[])) AS n`,
      [[section.id, submitted.id]],
    );
    expect(Number(stored.rows[0].n)).toBe(0);
    expect(logs.lines.filter((line) => Number(line.level) >= 50).map((line) => line.msg)).toEqual([]);

    // The trail stays, its content emptied, with one entry for the deletion naming what went.
    const audit = await app.db.query<{ action: string; data: Record<string, unknown>; actor_id: string }>(
      'SELECT action, data, actor_id FROM audit_events WHERE project_id = $1 ORDER BY id',
      [project.id],
    );
    expect(audit.rows.length).toBe(auditBefore.rows[0].n + 1);
    expect(audit.rows.slice(0, -1).every((row) => Object.keys(row.data).length === 0)).toBe(true);
    expect(audit.rows.at(-1)).toEqual({
      action: 'project.deleted',
      actor_id: lead.user.id,
      data: { title: project.title, sections: 2, members: 4 },
    });

    // The other project: every row still there, its editor still live and its stream open.
    expect(await counts(other.id)).toEqual(otherBefore);
    expect(otherStream.events.some((event) => event.event === 'revoked')).toBe(false);
    otherEditor.type('Weiter ');
    await eventually(async () => (await counts(other.id)).section_updates > otherBefore.section_updates, 'the other project to take edits');
    expect(otherEditor.provider.wsconnected).toBe(true);
  }, 120_000);
});
