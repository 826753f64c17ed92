import type { ExportJob } from '@kapitel/domain';
import { createProject, createSection, registerUser, type Person } from '../factories.js';
import { mustSucceed } from '../permission-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, doc, download, paragraph, PdfFile, requestExport, setContent, text, waitForExport } from './export-support.js';

/**
 * The export queue lives in PostgreSQL: jobs nobody asked this process for are found by
 * polling, jobs of a dead process are taken up again (or given up), a final job re-checks
 * the approvals when it runs, and rendering never blocks the event loop.
 */
describe('export jobs', () => {
  let app: TestApp;
  let lead: Person;
  let projectId: string;

  beforeAll(async () => {
    app = await startTestApp({ exportPollSeconds: 1 });
    lead = await registerUser(app);
    projectId = (await createProject(lead, { title: 'Warteschlange' })).id;
    const section = await createSection(lead, projectId, { title: 'Kapitel' });
    await setContent(app, section.id, doc(paragraph(text('Inhalt.'))));
  });
  afterAll(async () => {
    await app.close();
  });

  /** A job row as a process would have left it (queued, or running when it died). */
  async function insertJob(row: { mode?: string; status: string; attempts?: number }): Promise<string> {
    const res = await app.db.query<{ id: string }>(
      `INSERT INTO exports (project_id, mode, status, attempts, created_by, started_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $3 = 'running' THEN now() END) RETURNING id`,
      [projectId, row.mode ?? 'draft', row.status, row.attempts ?? 0, lead.user.id],
    );
    return res.rows[0].id;
  }

  it('runs a job found in the queue that no request of this process woke it for', async () => {
    const id = await insertJob({ status: 'queued' });
    const job = await waitForExport(lead, projectId, id, 60_000);
    expect(job).toMatchObject({ status: 'done', progress: 1 });
    expect((await download(lead, projectId, id)).status).toBe(200);
  }, 90_000);

  it('takes up a job whose process died while running it, and gives up after three attempts', async () => {
    const orphan = await insertJob({ status: 'running', attempts: 1 });
    const hopeless = await insertJob({ status: 'running', attempts: 3 });
    expect(await waitForExport(lead, projectId, orphan, 60_000)).toMatchObject({ status: 'done' });
    const given = await waitForExport(lead, projectId, hopeless, 60_000);
    expect(given.status).toBe('failed');
    expect(given.error).toMatch(/server stopped while this export ran/);
    expect(given.errorCode).toBe('INTERRUPTED');
    const attempts = await app.db.query('SELECT attempts FROM exports WHERE id = $1', [orphan]);
    expect(attempts.rows).toEqual([{ attempts: 2 }]);
  }, 90_000);

  it('fails a final job with a reason when a section was reopened after it was queued', async () => {
    const other = await createProject(lead, { language: 'en' });
    const section = await createSection(lead, other.id, { title: 'Only chapter' });
    await approve(lead, other.id, section.id);
    await mustSucceed(lead, 'post', `/api/projects/${other.id}/sections/${section.id}/transitions`, { action: 'reopen' });
    // Queued as if the request had passed its check just before the reopening.
    const res = await app.db.query<{ id: string }>(
      `INSERT INTO exports (project_id, mode, created_by) VALUES ($1, 'final', $2) RETURNING id`,
      [other.id, lead.user.id],
    );
    const job = await waitForExport(lead, other.id, res.rows[0].id, 60_000);
    expect(job.status).toBe('failed');
    expect(job.error).toBe('Not every section is approved any more; the final export was not made.');
    expect(job.errorCode).toBe('NOT_ALL_APPROVED');
    const file = await lead.client.get<{ error: { code: string } }>(`/api/projects/${other.id}/exports/${job.id}/file`);
    expect(file.status).toBe(409);
    const audit = await app.db.query(
      `SELECT action, actor_id FROM audit_events WHERE target_id = $1 ORDER BY id`,
      [job.id],
    );
    expect(audit.rows).toEqual([{ action: 'export.failed', actor_id: null }]);
  }, 90_000);

  it('keeps the event loop free while a long report is typeset', async () => {
    const big = await createProject(lead, { title: 'Langer Bericht' });
    const paragraphs = Array.from({ length: 40 }, (_, i) =>
      paragraph(text(`Absatz ${i + 1}: ` + 'Die Gemeinden berichten über ihre Erfahrungen mit quelloffener Software. '.repeat(12))),
    );
    for (let chapter = 1; chapter <= 8; chapter += 1) {
      const section = await createSection(lead, big.id, { title: `Kapitel ${chapter}` });
      await setContent(app, section.id, doc(...paragraphs));
    }
    let worst = 0;
    let last = Date.now();
    const probe = setInterval(() => {
      const now = Date.now();
      worst = Math.max(worst, now - last - 10);
      last = now;
    }, 10);
    try {
      const id = await requestExport(lead, big.id, 'draft');
      const job: ExportJob = await waitForExport(lead, big.id, id);
      expect(job.status).toBe('done');
      const pdf = new PdfFile((await download(lead, big.id, id)).bytes);
      expect(await pdf.pages()).toBeGreaterThan(40);
      pdf.remove();
    } finally {
      clearInterval(probe);
    }
    process.stdout.write(`worst event-loop delay during a long export: ${worst} ms\n`);
    // Typesetting 40+ pages takes well over a second; the loop must never stall that long.
    expect(worst).toBeLessThan(400);
  }, 180_000);

  it('records who asked for an export and who downloaded it', async () => {
    const id = await requestExport(lead, projectId, 'draft');
    expect(await waitForExport(lead, projectId, id)).toMatchObject({
      status: 'done', createdBy: lead.user.id, createdByName: lead.user.name, error: null, errorCode: null,
    });
    await download(lead, projectId, id);
    const audit = await app.db.query(
      `SELECT action, actor_id, data->>'mode' AS mode FROM audit_events WHERE target_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.rows).toEqual([
      { action: 'export.requested', actor_id: lead.user.id, mode: 'draft' },
      { action: 'export.completed', actor_id: null, mode: 'draft' },
      { action: 'export.downloaded', actor_id: lead.user.id, mode: 'draft' },
    ]);
  }, 90_000);
});
