import type { Section } from '@kapitel/domain';
import type { SectionContent } from '@kapitel/editor';
import { WebSocket } from 'ws';
import { createSection } from '../factories.js';
import type { Answer, HttpClient } from '../http-client.js';
import {
  createTeamFixture,
  describeMatrix,
  MEMBERS_READ,
  mustSucceed,
  type Caller,
  type Expected,
  type MatrixRow,
  type TeamFixture,
} from '../permission-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * The permission matrix of the live doors: a section's content, the project's event stream
 * and the collaboration upgrade. Expectations from API.md and ARCHITECTURE.md: every member
 * reads, outsiders see nothing (the upgrade answers 403, as API.md says, not 404).
 */

interface Fixture extends TeamFixture {
  section: Section;
}

/** Opens the event stream and reads only its status (and the error body of a refusal). */
async function eventStreamStatus(client: HttpClient, projectId: string): Promise<Answer> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (client.cookie) {
    headers.cookie = client.cookie;
  }
  const res = await fetch(`${client.origin}/api/projects/${projectId}/events`, { headers, signal: controller.signal });
  if (res.status === 200) {
    controller.abort();
    return { status: 200, body: { contentType: res.headers.get('content-type') }, headers: res.headers };
  }
  return { status: res.status, body: (await res.json()), headers: res.headers };
}

/** Attempts the WebSocket upgrade; 101 when a socket opened. */
function upgradeStatus(client: HttpClient, sectionId: string): Promise<Answer> {
  const headers: Record<string, string> = { origin: client.origin };
  if (client.cookie) {
    headers.cookie = client.cookie;
  }
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${client.origin.replace(/^http/, 'ws')}/collab/${sectionId}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve({ status: 101, body: {}, headers: new Headers() });
    });
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown, headers: new Headers() }));
    });
    ws.on('error', (error) => {
      if (!String(error.message).includes('Unexpected server response')) {
        reject(error);
      }
    });
  });
}

const UPGRADE: Record<Caller, Expected> = {
  anonymous: '401 UNAUTHENTICATED',
  nonMember: '403 FORBIDDEN',
  reader: '101',
  reviewer: '101',
  author: '101',
  lead: '101',
};

const ROWS: Array<MatrixRow<Fixture>> = [
  {
    name: 'GET /api/projects/:projectId/sections/:sectionId/content',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => client.get(`/api/projects/${fixture.project.id}/sections/${fixture.section.id}/content`),
    verify: (_ctx, answer) => {
      expect(answer.body as SectionContent).toEqual({
        json: { type: 'doc', content: [{ type: 'paragraph' }] },
        html: '<p></p>',
        text: '',
      });
    },
  },
  {
    name: 'GET /api/projects/:projectId/events',
    expected: MEMBERS_READ,
    send: ({ client, fixture }) => eventStreamStatus(client, fixture.project.id),
    verify: (_ctx, answer) => {
      expect(answer.body).toEqual({ contentType: 'text/event-stream; charset=utf-8' });
    },
  },
  {
    name: 'WebSocket upgrade of /collab/:sectionId',
    expected: UPGRADE,
    send: ({ client, fixture }) => upgradeStatus(client, fixture.section.id),
  },
];

describe('permission matrix: content, event stream and collaboration upgrade', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  describeMatrix<Caller, Fixture, object>(() => app, {
    callers: ['anonymous', 'nonMember', 'reader', 'reviewer', 'author', 'lead'],
    rows: ROWS,
    createFixture: async (testApp) => {
      const team = await createTeamFixture(testApp);
      const section = await createSection(team.lead, team.project.id, { title: 'Fallbeispiele' });
      await mustSucceed(team.lead, 'patch', `/api/projects/${team.project.id}/sections/${section.id}`, {
        assigneeIds: [team.author.user.id],
      });
      return { ...team, section };
    },
    snapshot: async (testApp, fixture) => {
      const rows = await testApp.db.query(
        `SELECT 'update' AS kind, id::text FROM section_updates WHERE section_id = $1
         UNION ALL SELECT 'document', section_id::text FROM section_documents WHERE section_id = $1
         UNION ALL SELECT 'audit', id::text FROM audit_events WHERE project_id = $2
         ORDER BY 1, 2`,
        [fixture.section.id, fixture.project.id],
      );
      return { rows: rows.rows };
    },
  });
});
