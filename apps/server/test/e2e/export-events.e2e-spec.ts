import type { ExportJob, ProjectChange } from '@kapitel/domain';
import type { AppConfig } from '../../src/config/app-config.js';
import { runMigrations } from '../../src/database/data-source.js';
import { eventually } from '../collab-client.js';
import { openEventStream, type EventStreamClient } from '../event-stream.js';
import { createProject, createSection, createTeam, registerUser, type Person } from '../factories.js';
import { mustSucceed } from '../permission-matrix.js';
import { createScratchDatabase, startTestApp, type TestApp } from '../test-app.js';
import { doc, paragraph, requestExport, setContent, text, waitForExport } from './export-support.js';

/**
 * Export jobs on the project's event stream and in the list: every member (readers too,
 * who may list exports) hears when a job is queued, starts, is done or fails, never each
 * step of its progress; every job names who asked; a failed one says why as a code.
 *
 * Each app here has a database of its own: the runners of other test files' apps would
 * otherwise take these jobs (and a runner that stops puts its job back into the queue,
 * which is announced too), and the short export timeout below would fail theirs.
 */
describe('export jobs on the event stream', () => {
  const cleanups: Array<() => Promise<void>> = [];
  const streams: EventStreamClient[] = [];

  /** An app on a fresh, migrated database that only it works on. */
  async function isolatedApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
    const scratch = await createScratchDatabase();
    await runMigrations(scratch.url);
    const app = await startTestApp({ exportPollSeconds: 1, ...overrides }, scratch.url);
    cleanups.push(async () => {
      await app.close();
      await scratch.drop();
    });
    return app;
  }

  async function listen(app: TestApp, person: Person, projectId: string): Promise<EventStreamClient> {
    const stream = await openEventStream(app.origin, person, projectId);
    streams.push(stream);
    expect(stream.status).toBe(200);
    await eventually(() => stream.events.some((e) => e.event === 'ready'), 'the ready event');
    return stream;
  }

  const changes = (stream: EventStreamClient): ProjectChange[] =>
    stream.events.filter((e) => e.event === 'change').map((e) => e.data as ProjectChange);

  /**
   * Changes a project title and waits until every stream has heard of it. PostgreSQL
   * delivers notifications in commit order, so each stream has then heard everything
   * announced before: what it has not got by now, it will never get.
   */
  async function settle(lead: Person, projectId: string, listening: EventStreamClient[]): Promise<void> {
    const title = `Stand ${Date.now()}`;
    await mustSucceed(lead, 'patch', `/api/projects/${projectId}`, { title });
    for (const stream of listening) {
      await eventually(() => changes(stream).some((change) => change.topic === 'project'), 'the marker change', 5000);
    }
  }

  afterEach(() => {
    streams.splice(0).forEach((stream) => stream.close());
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) {
      await cleanup();
    }
  });

  it('tells every member, readers included, that another member queued an export, that it ran and that it is done, not each step of its progress', async () => {
    const app = await isolatedApp();
    const { project, lead, author, reader } = await createTeam(app);
    for (let chapter = 1; chapter <= 3; chapter += 1) {
      const section = await createSection(lead, project.id, { title: `Kapitel ${chapter}` });
      await setContent(app, section.id, doc(paragraph(text(`Inhalt von Kapitel ${chapter}.`))));
    }
    const outsider = await registerUser(app);
    const elsewhere = await createProject(outsider);
    const [leadStream, readerStream, outsiderStream] = [
      await listen(app, lead, project.id),
      await listen(app, reader, project.id),
      await listen(app, outsider, elsewhere.id),
    ];

    const exportId = await requestExport(author, project.id, 'draft');
    const announced: ProjectChange = { projectId: project.id, topic: 'exports', exportId };
    await eventually(() => changes(leadStream).length > 0 && changes(readerStream).length > 0, 'the queued job to be announced');
    expect(changes(leadStream)[0]).toEqual(announced);
    expect(changes(readerStream)[0]).toEqual(announced);

    expect(await waitForExport(reader, project.id, exportId, 60_000)).toMatchObject({ status: 'done' });
    await settle(lead, project.id, [leadStream, readerStream]);
    // Queued, running, done; the job's progress moved through several steps meanwhile, unannounced.
    const expected = [announced, announced, announced, { projectId: project.id, topic: 'project' }];
    expect(changes(leadStream)).toEqual(expected);
    expect(changes(readerStream)).toEqual(expected);
    expect(changes(outsiderStream)).toEqual([]);
  }, 90_000);

  it('names who asked for each export, also after they left the project, and no one once their account is gone', async () => {
    const app = await isolatedApp();
    const { project, lead, author } = await createTeam(app);
    const section = await createSection(lead, project.id, { title: 'Kapitel' });
    await setContent(app, section.id, doc(paragraph(text('Inhalt.'))));
    const byLead = await requestExport(lead, project.id, 'draft');
    const byAuthor = await requestExport(author, project.id, 'draft');
    await waitForExport(lead, project.id, byLead, 60_000);
    await waitForExport(lead, project.id, byAuthor, 60_000);

    const one = await lead.client.get<ExportJob>(`/api/projects/${project.id}/exports/${byLead}`);
    expect(one.body).toMatchObject({ createdBy: lead.user.id, createdByName: 'Lea Lead', status: 'done', error: null, errorCode: null });

    await mustSucceed(lead, 'delete', `/api/projects/${project.id}/members/${author.user.id}`);
    const listed = async (): Promise<Array<Pick<ExportJob, 'id' | 'createdBy' | 'createdByName'>>> => {
      const res = await lead.client.get<ExportJob[]>(`/api/projects/${project.id}/exports`);
      return res.body.map(({ id, createdBy, createdByName }) => ({ id, createdBy, createdByName }));
    };
    expect(await listed()).toEqual([
      { id: byAuthor, createdBy: author.user.id, createdByName: author.user.name },
      { id: byLead, createdBy: lead.user.id, createdByName: 'Lea Lead' },
    ]);

    // Deleted as an account deletion would: its accepted invitation first (that reference
    // has no ON DELETE), then the user; the export's created_by is set null by its key.
    await app.db.query('DELETE FROM invitations WHERE accepted_by = $1', [author.user.id]);
    await app.db.query('DELETE FROM users WHERE id = $1', [author.user.id]);
    expect(await listed()).toEqual([
      { id: byAuthor, createdBy: null, createdByName: null },
      { id: byLead, createdBy: lead.user.id, createdByName: 'Lea Lead' },
    ]);
  }, 90_000);

  it('fails a job that takes longer than the export timeout with the code TIMEOUT, and tells the members', async () => {
    // Starting the renderer alone takes longer than this.
    const app = await isolatedApp({ exportTimeoutSeconds: 0.2 });
    const { project, lead, reviewer } = await createTeam(app);
    const section = await createSection(lead, project.id, { title: 'Kapitel' });
    await setContent(app, section.id, doc(...Array.from({ length: 40 }, (_, i) => paragraph(text(`Absatz ${i}. `.repeat(40))))));
    const stream = await listen(app, reviewer, project.id);

    const exportId = await requestExport(lead, project.id, 'draft');
    const job = await waitForExport(reviewer, project.id, exportId, 60_000);
    expect(job).toMatchObject({
      status: 'failed',
      error: 'The PDF took longer than 0.2 s to make and was stopped.',
      errorCode: 'TIMEOUT',
      createdByName: 'Lea Lead',
    });
    await settle(lead, project.id, [stream]);
    const announced: ProjectChange = { projectId: project.id, topic: 'exports', exportId };
    expect(changes(stream)).toEqual([announced, announced, announced, { projectId: project.id, topic: 'project' }]);
    const audit = await app.db.query(`SELECT data->>'code' AS code FROM audit_events WHERE target_id = $1 AND action = 'export.failed'`, [
      exportId,
    ]);
    expect(audit.rows).toEqual([{ code: 'TIMEOUT' }]);
  }, 90_000);
});
