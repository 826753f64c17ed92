import type { CreatedExport, ExportJob, Section } from '@kapitel/domain';
import { createSection } from '../factories.js';
import type { Answer } from '../http-client.js';
import {
  type Caller,
  CALLERS,
  createTeamFixture,
  describeMatrix,
  type Expected,
  leadOnly,
  matrixApp,
  type MatrixRow,
  MEMBERS_READ,
  type TeamFixture,
} from '../permission-matrix.js';
import type { TestApp } from '../test-app.js';
import { approve, doc, paragraph, requestExport, setContent, text, waitForExport } from './export-support.js';

/**
 * The permission matrix of the export routes, written out from ARCHITECTURE.md ("Who may do
 * what": draft export every member, final export lead only) and API.md: outsiders get 404,
 * anonymous callers 401. A refused request leaves the project's exports and their audit
 * entries as they were.
 */

/** A team whose one section is approved (so a final export may be made) and one finished draft export. */
interface Fixture extends TeamFixture {
  section: Section;
  exportId: string;
}

type Row = MatrixRow<Fixture>;

const EVERY_MEMBER = (ok: Expected): Record<Caller, Expected> => ({ ...MEMBERS_READ, reader: ok, reviewer: ok, author: ok, lead: ok });

async function createFixture(app: TestApp): Promise<Fixture> {
  const team = await createTeamFixture(app);
  const section = await createSection(team.lead, team.project.id, { title: 'Einziges Kapitel' });
  await setContent(app, section.id, doc(paragraph(text('Freigegebener Inhalt.'))));
  await approve(team.lead, team.project.id, section.id);
  const exportId = await requestExport(team.lead, team.project.id, 'draft');
  await waitForExport(team.lead, team.project.id, exportId);
  return { ...team, section, exportId };
}

const path = (fixture: Fixture, suffix = ''): string => `/api/projects/${fixture.project.id}/exports${suffix}`;

/** A successful request made a queued job of `mode` for the caller. */
function queuedFor(mode: 'draft' | 'final') {
  return async ({ app, self }: { app: TestApp; self: { user: { id: string } } | null }, answer: Answer): Promise<void> => {
    const created = answer.body as CreatedExport;
    expect(created).toEqual({ id: expect.any(String) as string, status: 'queued' });
    const rows = await app.db.query('SELECT mode, created_by FROM exports WHERE id = $1', [created.id]);
    expect(rows.rows).toEqual([{ mode, created_by: self?.user.id }]);
  };
}

const MATRIX: Row[] = [
  {
    name: 'POST /api/projects/:projectId/exports draft',
    expected: EVERY_MEMBER('202'),
    send: ({ client, fixture }) => client.post(path(fixture), { mode: 'draft' }),
    verify: queuedFor('draft'),
  },
  {
    name: 'POST /api/projects/:projectId/exports final',
    expected: leadOnly('202'),
    send: ({ client, fixture }) => client.post(path(fixture), { mode: 'final' }),
    verify: queuedFor('final'),
  },
  {
    name: 'GET /api/projects/:projectId/exports',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(path(fixture)),
    verify: ({ fixture }, answer) => {
      expect((answer.body as ExportJob[]).map((job) => job.id)).toContain(fixture.exportId);
    },
  },
  {
    name: 'GET /api/projects/:projectId/exports/:exportId',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(path(fixture, `/${fixture.exportId}`)),
    verify: ({ fixture }, answer) => {
      expect(answer.body).toMatchObject({ id: fixture.exportId, mode: 'draft', status: 'done' });
    },
  },
  {
    name: 'GET /api/projects/:projectId/exports/:exportId/file',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(path(fixture, `/${fixture.exportId}/file`)),
    verify: (_ctx, answer) => {
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(String(answer.body).startsWith('%PDF-')).toBe(true);
    },
  },
];

/** The project's exports and the audit entries requests write (the runner's own entries vary in time). */
async function snapshot(app: TestApp, fixture: Fixture): Promise<Record<string, unknown[]>> {
  const [exports, audit] = await Promise.all([
    app.db.query('SELECT id, mode, created_by FROM exports WHERE project_id = $1 ORDER BY id', [fixture.project.id]),
    app.db.query(
      `SELECT id, action, actor_id FROM audit_events
        WHERE project_id = $1 AND action IN ('export.requested', 'export.downloaded') ORDER BY id`,
      [fixture.project.id],
    ),
  ]);
  return { exports: exports.rows, audit: audit.rows };
}

describe('permissions of the export routes', () => {
  const app = matrixApp();

  describeMatrix(app, { callers: CALLERS, rows: MATRIX, createFixture, snapshot });

  it('refuses a final export while a section is not approved, for the lead too', async () => {
    const fixture = await createTeamFixture(app());
    await createSection(fixture.lead, fixture.project.id, { title: 'Offen' });
    const res = await fixture.lead.client.post<{ error: { code: string } }>(path({ ...fixture } as Fixture), { mode: 'final' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOT_ALL_APPROVED');
  });

  it('names the bad field of a request without a valid mode', async () => {
    const fixture = await createTeamFixture(app());
    const res = await fixture.lead.client.post<{ error: { code: string; details: Array<{ field: string }> } }>(
      path({ ...fixture } as Fixture),
      { mode: 'everything' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.details.map((detail) => detail.field)).toEqual(['mode']);
  });

  it('answers 404 for an export of another project', async () => {
    const [one, other] = await Promise.all([createTeamFixture(app()), createTeamFixture(app())]);
    const id = await requestExport(other.lead, other.project.id, 'draft');
    const res = await one.lead.client.get(`/api/projects/${one.project.id}/exports/${id}`);
    expect(res.status).toBe(404);
  });
});
