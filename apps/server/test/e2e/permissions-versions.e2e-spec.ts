import type { ReviewState, Section, SectionVersion, VersionContentResponse, VersionResponse } from '@kapitel/domain';
import type { SectionContent } from '@kapitel/editor';
import { createParticipant, createSection, type Person } from '../factories.js';
import {
  createTeamFixture,
  describeMatrix,
  type Expected,
  leadOnly,
  matrixApp,
  type MatrixRow,
  MEMBERS_READ as MEMBERS_READ_FOR_ROLES,
  mustSucceed,
  type TeamFixture,
} from '../permission-matrix.js';
import type { TestApp } from '../test-app.js';
import { doc, paragraph, setContent, text } from './export-support.js';

/**
 * The permission matrix of a section's versions, written out from API.md ("Versions") and
 * ARCHITECTURE.md ("Who may do what"): every member lists and reads them, like the text;
 * whoever writes the section (a lead, an assigned author) keeps a named version in any
 * review state; restoring is editing, so it needs `section.edit` now: 403 for a role that
 * never may, 409 NOT_EDITABLE while the state forbids it. Outsiders get 404, anonymous
 * callers 401. A refused request leaves the versions, the text and the audit trail alone.
 */

const CALLERS = ['anonymous', 'nonMember', 'reader', 'reviewer', 'author', 'assignedAuthor', 'lead'] as const;
type Caller = (typeof CALLERS)[number];

const MEMBERS_READ: Record<Caller, Expected> = { ...MEMBERS_READ_FOR_ROLES, assignedAuthor: '200' };
/** A lead or the section's assigned author; other roles are forbidden. */
const WRITERS = (ok: Expected): Record<Caller, Expected> => ({ ...leadOnly(ok), assignedAuthor: ok });

const OLD_TEXT = 'Die Stadt nutzt Open Source.';
const NEW_TEXT = 'Die Stadt nutzt etwas anderes.';

/** A team, a second author assigned to every section, and one section with a kept version in each state. */
interface Fixture extends TeamFixture {
  assignedAuthor: Person;
  draft: Prepared;
  inReview: Prepared;
  approved: Prepared;
}

/** A section whose version holds OLD_TEXT while its text is NEW_TEXT. */
interface Prepared {
  section: Section;
  version: SectionVersion;
}

/** `prepared`: the section `prepare` made for this request. */
type Row = MatrixRow<Fixture, Caller, { prepared: Prepared }>;

const STEPS: Record<ReviewState, string[]> = {
  draft: [],
  in_review: ['submit'],
  changes_requested: ['submit', 'request_changes'],
  approved: ['submit', 'approve'],
};

async function prepareSection(app: TestApp, fixture: Omit<Fixture, 'draft' | 'inReview' | 'approved'>, state: ReviewState): Promise<Prepared> {
  const { lead, project, assignedAuthor } = fixture;
  const section = await createSection(lead, project.id);
  const base = `/api/projects/${project.id}/sections/${section.id}`;
  await mustSucceed(lead, 'patch', base, { assigneeIds: [assignedAuthor.user.id] });
  await setContent(app, section.id, doc(paragraph(text(OLD_TEXT))));
  const kept = await mustSucceed(lead, 'post', `${base}/versions`, { label: 'Alter Stand' });
  await setContent(app, section.id, doc(paragraph(text(NEW_TEXT))));
  for (const action of STEPS[state]) {
    await mustSucceed(lead, 'post', `${base}/transitions`, { action, note: 'Bitte überarbeiten.' });
  }
  return { section: { ...section, state }, version: (kept.body as VersionResponse).version };
}

async function createFixture(app: TestApp): Promise<Fixture> {
  const team = await createTeamFixture(app);
  const assignedAuthor = await createParticipant(app, team.lead, team.project.id, 'author');
  const base = { ...team, assignedAuthor };
  const [draft, inReview, approved] = await Promise.all(
    (['draft', 'in_review', 'approved'] as const).map((state) => prepareSection(app, base, state)),
  );
  return { ...base, draft, inReview, approved };
}

function versionsOf(fixture: Fixture, prepared: Prepared | undefined, suffix = ''): string {
  return `/api/projects/${fixture.project.id}/sections/${prepared?.section.id}/versions${suffix}`;
}

/** Keeping a named version of the fixture's section in `state`. */
function createRow(key: 'draft' | 'inReview' | 'approved'): Row {
  return {
    name: `POST .../sections/:sectionId/versions (${key})`,
    expected: WRITERS('201'),
    send: ({ client, fixture, marker }) => client.post(versionsOf(fixture, fixture[key]), { label: marker }),
    verify: async ({ app, fixture, self, marker }, answer) => {
      const { version } = answer.body as VersionResponse;
      expect(version).toMatchObject({ kind: 'named', label: marker, createdBy: self?.user.id, createdByName: self?.user.name });
      const rows = await app.db.query('SELECT section_id, text FROM section_versions WHERE id = $1', [version.id]);
      expect(rows.rows).toEqual([{ section_id: fixture[key].section.id, text: NEW_TEXT }]);
    },
  };
}

/** Restoring the kept version of a section prepared for this request in `state`. */
function restoreRow(state: ReviewState, expected: Record<Caller, Expected>): Row {
  return {
    name: `POST .../sections/:sectionId/versions/:versionId/restore (${state})`,
    expected,
    prepare: async (ctx) => {
      ctx.prepared = await prepareSection(ctx.app, ctx.fixture, state);
    },
    send: ({ client, fixture, prepared }) => client.post(versionsOf(fixture, prepared, `/${prepared?.version.id}/restore`)),
    verify: async ({ fixture, prepared }, answer) => {
      const before = (answer.body as VersionResponse).version;
      expect(before).toMatchObject({
        kind: 'named',
        label: null,
        restoredFrom: { id: prepared?.version.id, kind: 'named', label: 'Alter Stand' },
      });
      const path = `/api/projects/${fixture.project.id}/sections/${prepared?.section.id}`;
      const content = await fixture.lead.client.get<SectionContent>(`${path}/content`);
      expect(content.body.text).toBe(OLD_TEXT);
      const kept = await fixture.lead.client.get<VersionContentResponse>(versionsOf(fixture, prepared, `/${before.id}`));
      expect(kept.body.text).toBe(NEW_TEXT);
    },
  };
}

const MATRIX: Row[] = [
  {
    name: 'GET .../sections/:sectionId/versions',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(versionsOf(fixture, fixture.approved)),
    verify: ({ fixture }, answer) => {
      const listed = answer.body as SectionVersion[];
      expect(listed.map((version) => [version.kind, version.label])).toEqual([['approval', null], ['named', 'Alter Stand']]);
      expect(listed[1]?.id).toBe(fixture.approved.version.id);
    },
  },
  createRow('draft'),
  createRow('inReview'),
  createRow('approved'),
  {
    name: 'GET .../sections/:sectionId/versions/:versionId',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(versionsOf(fixture, fixture.inReview, `/${fixture.inReview.version.id}`)),
    verify: ({ fixture }, answer) => {
      const body = answer.body as VersionContentResponse;
      expect(body).toEqual({
        version: fixture.inReview.version,
        json: doc(paragraph(text(OLD_TEXT))),
        html: `<p>${OLD_TEXT}</p>`,
        text: OLD_TEXT,
      });
    },
  },
  restoreRow('draft', WRITERS('200')),
  restoreRow('changes_requested', WRITERS('200')),
  restoreRow('in_review', WRITERS('409 NOT_EDITABLE')),
  restoreRow('approved', WRITERS('409 NOT_EDITABLE')),
];

/** The project's versions, texts, update log and audit trail. */
async function snapshot(app: TestApp, fixture: Fixture): Promise<Record<string, unknown[]>> {
  const params = [fixture.project.id];
  const sections = 'SELECT id FROM sections WHERE project_id = $1';
  const [versions, documents, updates, audit] = await Promise.all([
    app.db.query(`SELECT id, section_id, kind, label, text, created_by FROM section_versions WHERE section_id IN (${sections}) ORDER BY id`, params),
    app.db.query(`SELECT section_id, text FROM section_documents WHERE section_id IN (${sections}) ORDER BY section_id`, params),
    app.db.query(`SELECT id FROM section_updates WHERE section_id IN (${sections}) ORDER BY id`, params),
    app.db.query('SELECT * FROM audit_events WHERE project_id = $1 ORDER BY id', params),
  ]);
  return { versions: versions.rows, documents: documents.rows, updates: updates.rows, audit: audit.rows };
}

describe('permissions of the version routes', () => {
  const app = matrixApp();

  describeMatrix(app, { callers: CALLERS, rows: MATRIX, createFixture, snapshot });
});
