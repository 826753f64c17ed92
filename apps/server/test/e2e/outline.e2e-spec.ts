import type { ErrorBody, OutlineNode, Section, SectionResponse, Template, TrashedSection } from '@kapitel/domain';
import {
  createParticipant,
  createProject,
  createSection,
  flattenOutline,
  outlineOf,
  registerUser,
  type Person,
} from '../factories.js';
import type { Answer } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

/** The tree as [number, title, children?] for readable expectations. */
function shape(nodes: readonly OutlineNode[]): unknown[] {
  return nodes.map((node) => [node.number, node.title, ...(node.children.length > 0 ? [shape(node.children)] : [])]);
}

function fieldsOf(body: ErrorBody): string[] {
  return (body.error.details ?? []).map((detail) => detail.field);
}

describe('outline', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  /** A lead with a fresh project holding the given top-level chapters. */
  async function projectWith(titles: string[]): Promise<{ lead: Person; projectId: string; sections: Section[] }> {
    const lead = await registerUser(app);
    const project = await createProject(lead);
    const sections: Section[] = [];
    for (const title of titles) {
      sections.push(await createSection(lead, project.id, { title }));
    }
    return { lead, projectId: project.id, sections };
  }

  function move(lead: Person, projectId: string, sectionId: string, body: unknown): Promise<Answer<SectionResponse & ErrorBody>> {
    return lead.client.post<SectionResponse & ErrorBody>(`/api/projects/${projectId}/sections/${sectionId}/move`, body);
  }

  async function livePositions(projectId: string): Promise<Array<{ parent_id: string | null; positions: number[] }>> {
    const res = await app.db.query<{ parent_id: string | null; positions: number[] }>(
      `SELECT parent_id, array_agg(position ORDER BY position) AS positions FROM sections
        WHERE project_id = $1 AND deleted_at IS NULL GROUP BY parent_id`,
      [projectId],
    );
    return res.rows;
  }

  describe('templates', () => {
    it('lists the municipal report template in German and in English', async () => {
      const person = await registerUser(app);
      const res = await person.client.get<Template[]>('/api/templates');
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { id: 'kommunaler-bericht-open-source', title: expect.stringContaining('Open Source') as string, language: 'de' },
        { id: 'municipal-report-open-source', title: expect.stringContaining('open source') as string, language: 'en' },
      ]);
    });

    it('starts an English project from the English template, foreword and annex unnumbered', async () => {
      const lead = await registerUser(app);
      const created = await lead.client.post<{ project: { id: string } }>('/api/projects', {
        title: 'Open source in municipalities',
        language: 'en',
        template: 'municipal-report-open-source',
      });
      expect(created.status).toBe(201);
      const outline = shape(await outlineOf(lead, created.body.project.id));
      expect(outline[0]).toEqual([null, 'Foreword']);
      expect(outline[3]).toEqual([
        '3',
        'Step by step towards more open source',
        [
          ['3.1', 'Taking stock and planning'],
          ['3.2', 'Open source in procurement'],
          ['3.3', 'Examples from municipalities'],
        ],
      ]);
      expect(outline.at(-1)).toEqual([null, 'Annex']);
    });

    it('starts a project from the template with the chapters, numbers and an unnumbered foreword and annex', async () => {
      const lead = await registerUser(app);
      const created = await lead.client.post<{ project: { id: string } }>('/api/projects', {
        title: 'Open Source in Kommunen',
        template: 'kommunaler-bericht-open-source',
      });
      expect(created.status).toBe(201);
      expect(shape(await outlineOf(lead, created.body.project.id))).toEqual([
        [null, 'Vorwort'],
        ['1', 'Ausgangslage und Einführung'],
        ['2', 'Handlungsmöglichkeiten der Kommunen'],
        [
          '3',
          'Schritt für Schritt zu mehr Open Source',
          [
            ['3.1', 'Bestandsaufnahme und Planung'],
            ['3.2', 'Open Source im Beschaffungsverfahren'],
            ['3.3', 'Beispiele aus Kommunen'],
          ],
        ],
        ['4', 'Zusammenarbeit in der Open-Source-Gemeinschaft'],
        ['5', 'Häufige Einwände und Antworten'],
        [null, 'Anhang'],
      ]);
    });

    it('starts an empty outline without a template', async () => {
      const lead = await registerUser(app);
      const project = await createProject(lead);
      expect(await outlineOf(lead, project.id)).toEqual([]);
    });
  });

  describe('creating sections', () => {
    it('creates a chapter with every field of API.md, in draft, unassigned', async () => {
      const { lead, projectId } = await projectWith([]);
      const section = await createSection(lead, projectId, { title: '  Einleitung  ' });
      expect(section).toEqual({
        id: expect.any(String) as string,
        projectId,
        parentId: null,
        position: 0,
        number: '1',
        title: 'Einleitung',
        numbered: true,
        state: 'draft',
        assigneeIds: [],
        reviewerId: null,
        dueDate: null,
        targetWords: null,
        noObjections: [],
        createdAt: expect.any(String) as string,
        updatedAt: expect.any(String) as string,
      });
    });

    it('inserts at a position and shifts the later siblings, clamping a position past the end', async () => {
      const { lead, projectId } = await projectWith(['A', 'B']);
      await createSection(lead, projectId, { title: 'first', position: 0 });
      await createSection(lead, projectId, { title: 'middle', position: 2 });
      await createSection(lead, projectId, { title: 'last', position: 999 });
      expect(shape(await outlineOf(lead, projectId))).toEqual([
        ['1', 'first'],
        ['2', 'A'],
        ['3', 'middle'],
        ['4', 'B'],
        ['5', 'last'],
      ]);
      expect(await livePositions(projectId)).toEqual([{ parent_id: null, positions: [0, 1, 2, 3, 4] }]);
    });

    it('numbers sub-sections below their chapter and leaves unnumbered ones out of the count', async () => {
      const { lead, projectId, sections } = await projectWith(['Kapitel']);
      const chapter = sections[0];
      await createSection(lead, projectId, { title: 'Vorwort', numbered: false, position: 0 });
      await createSection(lead, projectId, { title: 'Teil', parentId: chapter.id });
      const annex = await createSection(lead, projectId, { title: 'Anhang', numbered: false });
      await createSection(lead, projectId, { title: 'Anhang A', parentId: annex.id });
      expect(shape(await outlineOf(lead, projectId))).toEqual([
        [null, 'Vorwort'],
        ['1', 'Kapitel', [['1.1', 'Teil']]],
        [null, 'Anhang', [[null, 'Anhang A']]],
      ]);
    });

    it.each([
      ['an empty title', { title: '   ' }, 'title'],
      ['a title that is too long', { title: 'x'.repeat(301) }, 'title'],
      ['a title with a control character', { title: 'Kapitel\u0085eins' }, 'title'],
      ['a title with a direction override', { title: '\u202EtieS' }, 'title'],
      ['a negative position', { title: 'T', position: -1 }, 'position'],
      ['a fractional position', { title: 'T', position: 1.5 }, 'position'],
      ['a parent that is no UUID', { title: 'T', parentId: 'chapter-1' }, 'parentId'],
      ['a parent of another project', { title: 'T', parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId'],
      ['numbered as text', { title: 'T', numbered: 'yes' }, 'numbered'],
      ['an unknown field', { title: 'T', state: 'approved' }, 'state'],
    ])('refuses %s with a 400 naming the field', async (_name, body, field) => {
      const { lead, projectId } = await projectWith([]);
      const res = await lead.client.post<ErrorBody>(`/api/projects/${projectId}/sections`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(fieldsOf(res.body)).toContain(field);
      expect(await outlineOf(lead, projectId)).toEqual([]);
    });

    it('refuses to nest deeper than six levels', async () => {
      const { lead, projectId } = await projectWith([]);
      let parentId: string | null = null;
      for (let level = 1; level <= 6; level += 1) {
        parentId = (await createSection(lead, projectId, { title: `Ebene ${level}`, parentId })).id;
      }
      const res = await lead.client.post<ErrorBody>(`/api/projects/${projectId}/sections`, { title: 'zu tief', parentId });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['parentId']);
      expect(flattenOutline(await outlineOf(lead, projectId)).at(-1)?.number).toBe('1.1.1.1.1.1');
    });
  });

  describe('moving sections', () => {
    it('reorders siblings and renumbers them', async () => {
      const { lead, projectId, sections } = await projectWith(['A', 'B', 'C']);
      const res = await move(lead, projectId, (sections[2]).id, { parentId: null, position: 0 });
      expect(res.status).toBe(200);
      expect(res.body.section).toMatchObject({ title: 'C', position: 0, number: '1' });
      expect(shape(await outlineOf(lead, projectId))).toEqual([['1', 'C'], ['2', 'A'], ['3', 'B']]);
    });

    it('re-parents a section with its sub-sections and closes the gap it leaves', async () => {
      const { lead, projectId, sections } = await projectWith(['A', 'B', 'C']);
      const [, b, c] = sections as [Section, Section, Section];
      await createSection(lead, projectId, { title: 'B.1', parentId: b.id });
      const res = await move(lead, projectId, b.id, { parentId: c.id, position: 0 });
      expect(res.status).toBe(200);
      expect(shape(await outlineOf(lead, projectId))).toEqual([['1', 'A'], ['2', 'C', [['2.1', 'B', [['2.1.1', 'B.1']]]]]]);
      const positions = await livePositions(projectId);
      expect(positions.every((group) => group.positions.every((position, index) => position === index))).toBe(true);
    });

    it('refuses moving a section under itself or its descendant with 409 OUTLINE_CYCLE', async () => {
      const { lead, projectId, sections } = await projectWith(['A']);
      const a = sections[0];
      const child = await createSection(lead, projectId, { title: 'A.1', parentId: a.id });
      const grandchild = await createSection(lead, projectId, { title: 'A.1.1', parentId: child.id });
      for (const parentId of [a.id, child.id, grandchild.id]) {
        const res = await move(lead, projectId, a.id, { parentId, position: 0 });
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('OUTLINE_CYCLE');
      }
      expect(shape(await outlineOf(lead, projectId))).toEqual([['1', 'A', [['1.1', 'A.1', [['1.1.1', 'A.1.1']]]]]]);
    });

    it('refuses a move without a position or to a parent outside the outline', async () => {
      const { lead, projectId, sections } = await projectWith(['A']);
      const a = sections[0];
      const missing = await move(lead, projectId, a.id, { parentId: null });
      expect(missing.status).toBe(400);
      expect(fieldsOf(missing.body)).toEqual(['position']);
      const stranger = await move(lead, projectId, a.id, { parentId: '00000000-0000-4000-8000-000000000000', position: 0 });
      expect(stranger.status).toBe(400);
      expect(fieldsOf(stranger.body)).toEqual(['parentId']);
    });
  });

  describe('trash', () => {
    it('deletes a section with its sub-sections into the trash and re-packs the siblings', async () => {
      const { lead, projectId, sections } = await projectWith(['A', 'B', 'C']);
      const b = sections[1];
      await createSection(lead, projectId, { title: 'B.1', parentId: b.id });
      const res = await lead.client.delete(`/api/projects/${projectId}/sections/${b.id}`);
      expect(res.status).toBe(204);
      expect(shape(await outlineOf(lead, projectId))).toEqual([['1', 'A'], ['2', 'C']]);
      expect(await livePositions(projectId)).toEqual([{ parent_id: null, positions: [0, 1] }]);
      const trash = await lead.client.get<TrashedSection[]>(`/api/projects/${projectId}/trash`);
      expect(trash.body).toEqual([
        expect.objectContaining({ id: b.id, title: 'B', parentId: null, deletedBy: lead.user.id, descendantCount: 1 }),
      ]);
      const gone = await lead.client.get<ErrorBody>(`/api/projects/${projectId}/sections/${b.id}`);
      expect(gone.status).toBe(404);
    });

    it('restores a section to its former place with everything deleted with it', async () => {
      const { lead, projectId, sections } = await projectWith(['A', 'B', 'C']);
      const b = sections[1];
      await createSection(lead, projectId, { title: 'B.1', parentId: b.id });
      await lead.client.delete(`/api/projects/${projectId}/sections/${b.id}`);
      const res = await lead.client.post<SectionResponse>(`/api/projects/${projectId}/sections/${b.id}/restore`);
      expect(res.status).toBe(200);
      expect(res.body.section).toMatchObject({ id: b.id, number: '2', position: 1 });
      expect(shape(await outlineOf(lead, projectId))).toEqual([['1', 'A'], ['2', 'B', [['2.1', 'B.1']]], ['3', 'C']]);
      expect((await lead.client.get<TrashedSection[]>(`/api/projects/${projectId}/trash`)).body).toEqual([]);
    });

    it('restores to the end of the top level when the former parent is itself in the trash', async () => {
      const { lead, projectId, sections } = await projectWith(['A', 'B']);
      const a = sections[0];
      const child = await createSection(lead, projectId, { title: 'A.1', parentId: a.id });
      await lead.client.delete(`/api/projects/${projectId}/sections/${child.id}`);
      await lead.client.delete(`/api/projects/${projectId}/sections/${a.id}`);
      const res = await lead.client.post<SectionResponse>(`/api/projects/${projectId}/sections/${child.id}/restore`);
      expect(res.status).toBe(200);
      expect(shape(await outlineOf(lead, projectId))).toEqual([['1', 'B'], ['2', 'A.1']]);
    });

    it('answers 404 when restoring a section that is not in the trash', async () => {
      const { lead, projectId, sections } = await projectWith(['A']);
      const res = await lead.client.post<ErrorBody>(`/api/projects/${projectId}/sections/${(sections[0]).id}/restore`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });
  });

  describe('assignment', () => {
    it('assigns authors and leads, a reviewer and a due date', async () => {
      const { lead, projectId, sections } = await projectWith(['A']);
      const author = await createParticipant(app, lead, projectId, 'author');
      const reviewer = await createParticipant(app, lead, projectId, 'reviewer');
      const res = await lead.client.patch<SectionResponse>(`/api/projects/${projectId}/sections/${(sections[0]).id}`, {
        assigneeIds: [author.user.id, lead.user.id],
        reviewerId: reviewer.user.id,
        dueDate: '2027-03-31',
      });
      expect(res.status).toBe(200);
      expect(res.body.section).toMatchObject({
        assigneeIds: [author.user.id, lead.user.id],
        reviewerId: reviewer.user.id,
        dueDate: '2027-03-31',
      });
    });

    it('refuses assigning a reviewer or reader as author, or an author as reviewer, naming the field', async () => {
      const { lead, projectId, sections } = await projectWith(['A']);
      const sectionId = (sections[0]).id;
      const author = await createParticipant(app, lead, projectId, 'author');
      const reader = await createParticipant(app, lead, projectId, 'reader');
      const outsider = await registerUser(app);
      const path = `/api/projects/${projectId}/sections/${sectionId}`;
      const assignees = await lead.client.patch<ErrorBody>(path, { assigneeIds: [author.user.id, reader.user.id, outsider.user.id] });
      expect(assignees.status).toBe(400);
      expect(fieldsOf(assignees.body)).toEqual(['assigneeIds[1]', 'assigneeIds[2]']);
      const reviewer = await lead.client.patch<ErrorBody>(path, { reviewerId: author.user.id });
      expect(reviewer.status).toBe(400);
      expect(fieldsOf(reviewer.body)).toEqual(['reviewerId']);
      const section = await lead.client.get<{ section: Section }>(path);
      expect(section.body.section).toMatchObject({ assigneeIds: [], reviewerId: null });
    });

    it.each([
      ['a date that does not exist', { dueDate: '2027-02-30' }, 'dueDate', 'dueDate must be a day of the calendar (2027-02-30 does not exist)'],
      ['a date with a time', { dueDate: '2027-02-01T10:00:00Z' }, 'dueDate', 'dueDate must be a date written YYYY-MM-DD'],
      ['the same person twice', { assigneeIds: ['0b5e4a1c-1111-4aaa-8aaa-000000000001', '0b5e4a1c-1111-4aaa-8aaa-000000000001'] }, 'assigneeIds', 'assigneeIds'],
      ['assignees that are not a list', { assigneeIds: 'everyone' }, 'assigneeIds', 'assigneeIds'],
    ])('refuses %s with a 400 naming the field', async (_name, body, field, message) => {
      const { lead, projectId, sections } = await projectWith(['A']);
      const res = await lead.client.patch<ErrorBody>(`/api/projects/${projectId}/sections/${(sections[0]).id}`, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect(res.body.error.details?.find((detail) => detail.field === field)?.message).toContain(message);
    });

    it('clears a due date and a reviewer with null', async () => {
      const { lead, projectId, sections } = await projectWith(['A']);
      const path = `/api/projects/${projectId}/sections/${(sections[0]).id}`;
      await lead.client.patch(path, { reviewerId: lead.user.id, dueDate: '2027-01-15' });
      const res = await lead.client.patch<SectionResponse>(path, { reviewerId: null, dueDate: null });
      expect(res.body.section).toMatchObject({ reviewerId: null, dueDate: null });
    });

    it('removes the assignments of a member who leaves or is removed from the project', async () => {
      const { lead, projectId, sections } = await projectWith(['A', 'B']);
      const [a, b] = sections as [Section, Section];
      const author = await createParticipant(app, lead, projectId, 'author');
      const reviewer = await createParticipant(app, lead, projectId, 'reviewer');
      await lead.client.patch(`/api/projects/${projectId}/sections/${a.id}`, { assigneeIds: [author.user.id], reviewerId: reviewer.user.id });
      await lead.client.patch(`/api/projects/${projectId}/sections/${b.id}`, { assigneeIds: [author.user.id, lead.user.id] });
      expect((await lead.client.delete(`/api/projects/${projectId}/members/${author.user.id}`)).status).toBe(204);
      expect((await reviewer.client.delete(`/api/projects/${projectId}/members/${reviewer.user.id}`)).status).toBe(204);
      const flat = flattenOutline(await outlineOf(lead, projectId));
      expect(flat.map((s) => [s.title, s.assigneeIds, s.reviewerId])).toEqual([
        ['A', [], null],
        ['B', [lead.user.id], null],
      ]);
      const audit = await app.db.query<{ target_id: string }>(
        `SELECT target_id FROM audit_events WHERE project_id = $1 AND action = 'section.unassigned' ORDER BY id`,
        [projectId],
      );
      expect(audit.rows.map((row) => row.target_id).sort()).toEqual([a.id, a.id, b.id].sort());
    });

    it('removes assignments a member’s new role no longer allows', async () => {
      const { lead, projectId, sections } = await projectWith(['A']);
      const a = sections[0];
      const author = await createParticipant(app, lead, projectId, 'author');
      await lead.client.patch(`/api/projects/${projectId}/sections/${a.id}`, { assigneeIds: [author.user.id] });
      await lead.client.patch(`/api/projects/${projectId}/members/${author.user.id}`, { role: 'reader' });
      const flat = flattenOutline(await outlineOf(lead, projectId));
      expect(flat[0]?.assigneeIds).toEqual([]);
    });
  });
});
