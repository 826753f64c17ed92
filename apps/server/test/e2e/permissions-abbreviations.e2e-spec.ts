import type { Abbreviation, AbbreviationResponse, AbbreviationsResponse, Project } from '@kapitel/domain';
import { createProject } from '../factories.js';
import {
  createTeamFixture,
  describeMatrix,
  type Expected,
  leadOnly,
  matrixApp,
  type MatrixContext,
  type MatrixRow,
  MEMBERS_READ,
  mustSucceed,
  type TeamFixture,
  CALLERS,
  type Caller,
} from '../permission-matrix.js';
import type { TestApp } from '../test-app.js';

/**
 * The permission matrix of the list of abbreviations, written out from docs/abbreviations.md
 * and the permission table (`abbreviations.edit`: lead and author; reading: every member).
 * Outsiders get 404, anonymous callers 401. A refused request leaves the project's list, the
 * other project's list and the audit trail exactly as they were.
 */

/** The team's project with one entry, and another project of the lead's with one of its own. */
interface Fixture extends TeamFixture {
  entry: Abbreviation;
  other: Project;
  foreign: Abbreviation;
}

/** `prepared`: the entry `prepare` made for this request. */
type Row = MatrixRow<Fixture, Caller, { prepared: Abbreviation }>;
type Ctx = MatrixContext<Fixture, Caller, { prepared: Abbreviation }>;

/** Keep the list: a lead or an author; reviewers and readers are forbidden. */
const EDITORS = (ok: Expected): Record<Caller, Expected> => ({ ...leadOnly(ok), author: ok });

const list = (projectId: string, suffix = ''): string => `/api/projects/${projectId}/abbreviations${suffix}`;

/** A short unique to the request and within the limit of 40 characters. */
const shortOf = (marker: string): string => `M-${marker.slice(-12)}`;

async function addAs(ctx: { fixture: Fixture }, projectId: string, short: string): Promise<Abbreviation> {
  const res = await mustSucceed(ctx.fixture.lead, 'post', list(projectId), { short, long: 'Vorbereitet' });
  return (res.body as AbbreviationResponse).abbreviation;
}

async function createFixture(app: TestApp): Promise<Fixture> {
  const team = await createTeamFixture(app);
  const other = await createProject(team.lead);
  const entryRes = await mustSucceed(team.lead, 'post', list(team.project.id), { short: 'OZG', long: 'Onlinezugangsgesetz' });
  const foreignRes = await mustSucceed(team.lead, 'post', list(other.id), { short: 'EU', long: 'Europäische Union' });
  return {
    ...team,
    other,
    entry: (entryRes.body as AbbreviationResponse).abbreviation,
    foreign: (foreignRes.body as AbbreviationResponse).abbreviation,
  };
}

async function prepareEntry(ctx: Ctx): Promise<void> {
  ctx.prepared = await addAs(ctx, ctx.fixture.project.id, shortOf(ctx.marker));
}

async function rowOf(app: TestApp, id: string | undefined): Promise<unknown[]> {
  const result = await app.db.query<Record<string, unknown>>('SELECT short, long, created_by FROM project_abbreviations WHERE id = $1', [id]);
  return result.rows;
}

const MATRIX: Row[] = [
  {
    name: 'GET /api/projects/:projectId/abbreviations',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(list(fixture.project.id)),
    verify: ({ fixture }, answer) => {
      expect((answer.body as AbbreviationsResponse).abbreviations).toEqual([fixture.entry]);
    },
  },
  {
    name: 'POST /api/projects/:projectId/abbreviations',
    expected: EDITORS('201'),
    send: ({ client, fixture, marker }) => client.post(list(fixture.project.id), { short: shortOf(marker), long: marker }),
    verify: async ({ app, marker, self }, answer) => {
      const { abbreviation } = answer.body as AbbreviationResponse;
      expect(abbreviation).toMatchObject({ short: shortOf(marker), long: marker });
      expect(await rowOf(app, abbreviation.id)).toEqual([{ short: shortOf(marker), long: marker, created_by: self?.user.id }]);
    },
  },
  {
    name: 'POST /api/projects/:projectId/abbreviations (a short the list has, other case)',
    expected: EDITORS('409 ABBREVIATION_EXISTS'),
    send: ({ client, fixture }) => client.post(list(fixture.project.id), { short: 'ozg', long: 'doppelt' }),
  },
  {
    name: 'PATCH /api/projects/:projectId/abbreviations/:abbreviationId',
    expected: EDITORS('200'),
    prepare: prepareEntry,
    send: ({ client, fixture, prepared, marker }) =>
      client.patch(list(fixture.project.id, `/${prepared?.id}`), { long: marker }),
    verify: async ({ app, fixture, prepared, marker }, answer) => {
      expect((answer.body as AbbreviationResponse).abbreviation).toMatchObject({ id: prepared?.id, short: prepared?.short, long: marker });
      expect(await rowOf(app, prepared?.id)).toEqual([{ short: prepared?.short, long: marker, created_by: fixture.lead.user.id }]);
    },
  },
  {
    name: 'PATCH /api/projects/:projectId/abbreviations/:abbreviationId (an entry of another project)',
    expected: EDITORS('404 NOT_FOUND'),
    send: ({ client, fixture }) => client.patch(list(fixture.project.id, `/${fixture.foreign.id}`), { long: 'fremd' }),
  },
  {
    name: 'DELETE /api/projects/:projectId/abbreviations/:abbreviationId',
    expected: EDITORS('204'),
    prepare: prepareEntry,
    send: ({ client, fixture, prepared }) => client.delete(list(fixture.project.id, `/${prepared?.id}`)),
    verify: async ({ app, prepared }) => {
      expect(await rowOf(app, prepared?.id)).toEqual([]);
    },
  },
  {
    name: 'DELETE /api/projects/:projectId/abbreviations/:abbreviationId (an entry of another project)',
    expected: EDITORS('404 NOT_FOUND'),
    send: ({ client, fixture }) => client.delete(list(fixture.project.id, `/${fixture.foreign.id}`)),
  },
];

/** Both projects' lists and the team project's audit trail. */
async function snapshot(app: TestApp, fixture: Fixture): Promise<Record<string, unknown[]>> {
  const [abbreviations, audit] = await Promise.all([
    app.db.query(
      `SELECT id, project_id, short, long, created_at, updated_at, created_by FROM project_abbreviations
        WHERE project_id = ANY($1::uuid[]) ORDER BY id`,
      [[fixture.project.id, fixture.other.id]],
    ),
    app.db.query('SELECT * FROM audit_events WHERE project_id = ANY($1::uuid[]) ORDER BY id', [[fixture.project.id, fixture.other.id]]),
  ]);
  return { abbreviations: abbreviations.rows, audit: audit.rows };
}

describe('permissions of the abbreviation routes', () => {
  const app = matrixApp();

  describeMatrix(app, { callers: CALLERS, rows: MATRIX, createFixture, snapshot });
});
