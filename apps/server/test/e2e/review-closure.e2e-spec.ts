import {
  replayReviewHistory,
  type AuditPage,
  type ErrorBody,
  type NotificationPage,
  type OutlineResponse,
  type Section,
  type SectionDetailResponse,
  type SectionResponse,
  type Transition,
} from '@kapitel/domain';
import { createParticipant, registerUser, type Person } from '../factories.js';
import type { Answer } from '../http-client.js';
import { reviewTeam, type ReviewTeam } from '../review-team.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * Closure of the review (docs/outline.md, "Review"): the reviewer's "no objections", which
 * leaves the state in review and tells the leads, and the reason of a reopen, which the
 * assignees are told. Everything is checked through the API and the stored rows.
 */
describe('review verdicts and reopening', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  const path = (section: Section, suffix = '') =>
    `/api/projects/${section.projectId}/sections/${section.id}${suffix}`;

  const assignedSection = (): Promise<ReviewTeam> => reviewTeam(app);

  async function step(person: Person, section: Section, action: string, note?: string): Promise<Section> {
    const res = await person.client.post<SectionResponse>(path(section, '/transitions'), { action, note });
    expect({ action, status: res.status }).toEqual({ action, status: 200 });
    return res.body.section;
  }

  function noObjections(
    person: Person,
    section: Section,
    body: object = {},
  ): Promise<Answer<SectionResponse & ErrorBody>> {
    return person.client.post<SectionResponse & ErrorBody>(path(section, '/no-objections'), body);
  }

  async function history(person: Person, section: Section): Promise<Transition[]> {
    const res = await person.client.get<Transition[]>(path(section, '/transitions'));
    expect(res.status).toBe(200);
    return res.body;
  }

  /** The notifications of the project as [recipient, kind, actor, note], oldest first. */
  async function notified(
    projectId: string,
    kinds: string[],
  ): Promise<Array<[string, string, string | null, string | null]>> {
    const result = await app.db.query<{
      user_id: string;
      kind: string;
      actor_id: string | null;
      note: string | null;
    }>(
      `SELECT user_id, kind, actor_id, note FROM notifications
        WHERE project_id = $1 AND kind = ANY($2::text[]) ORDER BY created_at, id`,
      [projectId, kinds],
    );
    return result.rows.map((row) => [row.user_id, row.kind, row.actor_id, row.note]);
  }

  describe('no objections', () => {
    it("records the reviewer's verdict with its note in the history and on the section, which stays in review", async () => {
      const { section, author, reviewer, reader, project } = await assignedSection();
      await step(author, section, 'submit');
      const res = await noObjections(reviewer, section, { note: '  Zahlen und Quellen geprüft.  ' });
      expect(res.status).toBe(200);
      const verdict = {
        actorId: reviewer.user.id,
        actorName: reviewer.user.name,
        note: 'Zahlen und Quellen geprüft.',
      };
      expect(res.body.section).toMatchObject({ state: 'in_review', noObjections: [verdict] });
      expect(Date.parse(res.body.section.noObjections[0]?.at ?? '')).not.toBeNaN();

      const steps = await history(reader, section);
      expect(steps.map((s) => [s.action, s.from, s.to, s.actorId, s.note])).toEqual([
        ['submit', 'draft', 'in_review', author.user.id, null],
        ['no_objections', 'in_review', 'in_review', reviewer.user.id, 'Zahlen und Quellen geprüft.'],
      ]);
      expect(replayReviewHistory(steps.map((s) => s.action))).toBe('in_review');

      const detail = await reader.client.get<SectionDetailResponse>(path(section));
      expect(detail.body.section.noObjections).toEqual(
        [verdict].map((v) => expect.objectContaining(v) as unknown),
      );
      const outline = await reader.client.get<OutlineResponse>(`/api/projects/${project.id}/outline`);
      expect(outline.body.sections.find((node) => node.id === section.id)?.noObjections).toEqual([
        expect.objectContaining(verdict),
      ]);
    });

    it('records a verdict without a note as null, and an empty note as none', async () => {
      const { section, author, reviewer, lead } = await assignedSection();
      await step(author, section, 'submit');
      await step(lead, section, 'request_changes', 'Quelle fehlt');
      await step(author, section, 'submit');
      expect((await noObjections(reviewer, section, { note: '   ' })).body.section.noObjections).toEqual([
        expect.objectContaining({ actorId: reviewer.user.id, note: null }),
      ]);
    });

    it('tells every lead, with the note, and nobody else', async () => {
      const { section, author, reviewer, lead, secondLead, project } = await assignedSection();
      await step(author, section, 'submit');
      await noObjections(reviewer, section, { note: 'Keine Anmerkungen.' });
      expect(await notified(project.id, ['no_objections'])).toEqual(
        expect.arrayContaining([
          [lead.user.id, 'no_objections', reviewer.user.id, 'Keine Anmerkungen.'],
          [secondLead.user.id, 'no_objections', reviewer.user.id, 'Keine Anmerkungen.'],
        ]),
      );
      expect(await notified(project.id, ['no_objections'])).toHaveLength(2);
      const page = await lead.client.get<NotificationPage>('/api/notifications');
      expect(page.body.notifications[0]).toMatchObject({
        kind: 'no_objections',
        section: { id: section.id, title: 'Fallbeispiele' },
        actor: { id: reviewer.user.id, name: reviewer.user.name },
        note: 'Keine Anmerkungen.',
        comment: null,
      });
      const authorPage = await author.client.get<NotificationPage>('/api/notifications');
      expect(authorPage.body.notifications.map((n) => n.kind)).not.toContain('no_objections');
    });

    it('lets a lead record it where they are the named reviewer, telling only the other leads', async () => {
      const { section, author, lead, secondLead, project } = await assignedSection();
      await lead.client.patch(path(section), { reviewerId: lead.user.id });
      await step(author, section, 'submit');
      expect(
        (await secondLead.client.get<SectionDetailResponse>(path(section))).body.abilities[
          'review.no_objections'
        ],
      ).toBe(false);
      const refused = await noObjections(secondLead, section);
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
      expect(
        (await lead.client.get<SectionDetailResponse>(path(section))).body.abilities['review.no_objections'],
      ).toBe(true);
      expect((await noObjections(lead, section)).status).toBe(200);
      expect(await notified(project.id, ['no_objections'])).toEqual([
        [secondLead.user.id, 'no_objections', lead.user.id, null],
      ]);
    });

    it('lets any reviewer of the project record it, as anyone who may request changes', async () => {
      const { section, author, lead, project } = await assignedSection();
      const otherReviewer = await createParticipant(app, lead, project.id, 'reviewer');
      await step(author, section, 'submit');
      expect((await noObjections(otherReviewer, section)).status).toBe(200);
    });

    it('refuses a reader, the assigned author and an author of other sections with 403 FORBIDDEN, and an outsider with 404', async () => {
      const { section, author, reader, lead, project } = await assignedSection();
      const otherAuthor = await createParticipant(app, lead, project.id, 'author');
      const outsider = await registerUser(app);
      await step(author, section, 'submit');
      for (const [who, person] of [
        ['reader', reader],
        ['assigned author', author],
        ['other author', otherAuthor],
      ] as const) {
        const res = await noObjections(person, section, { note: 'Passt.' });
        expect({ who, status: res.status, code: res.body.error.code }).toEqual({
          who,
          status: 403,
          code: 'FORBIDDEN',
        });
      }
      const res = await noObjections(outsider, section);
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect((await history(lead, section)).map((s) => s.action)).toEqual(['submit']);
      expect(await notified(project.id, ['no_objections'])).toEqual([]);
    });

    it('answers 409 ILLEGAL_TRANSITION outside review and for a second verdict of the same person in one round', async () => {
      const { section, author, reviewer, lead } = await assignedSection();
      const draft = await noObjections(reviewer, section);
      expect({ status: draft.status, code: draft.body.error.code }).toEqual({
        status: 409,
        code: 'ILLEGAL_TRANSITION',
      });
      await step(author, section, 'submit');
      expect((await noObjections(reviewer, section)).status).toBe(200);
      expect(
        (await reviewer.client.get<SectionDetailResponse>(path(section))).body.abilities[
          'review.no_objections'
        ],
      ).toBe(false);
      const again = await noObjections(reviewer, section, { note: 'Nochmal' });
      expect({ status: again.status, code: again.body.error.code }).toEqual({
        status: 409,
        code: 'ILLEGAL_TRANSITION',
      });
      await step(lead, section, 'approve');
      const approved = await noObjections(reviewer, section);
      expect({ status: approved.status, code: approved.body.error.code }).toEqual({
        status: 409,
        code: 'ILLEGAL_TRANSITION',
      });
      expect((await history(lead, section)).filter((s) => s.action === 'no_objections')).toHaveLength(1);
    });

    it('takes one of two verdicts the same reviewer sends at once and refuses the other', async () => {
      const { section, author, reviewer } = await assignedSection();
      await step(author, section, 'submit');
      const answers = await Promise.all([noObjections(reviewer, section), noObjections(reviewer, section)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect((await history(reviewer, section)).filter((s) => s.action === 'no_objections')).toHaveLength(1);
    });

    it('ends with the review round: changes requested or approval clear it from the section, the history keeps it', async () => {
      const { section, author, reviewer, lead } = await assignedSection();
      await step(author, section, 'submit');
      await noObjections(reviewer, section);
      expect((await step(lead, section, 'request_changes', 'Tabelle fehlt')).noObjections).toEqual([]);
      expect((await step(author, section, 'submit')).noObjections).toEqual([]);
      expect(
        (await reviewer.client.get<SectionDetailResponse>(path(section))).body.abilities[
          'review.no_objections'
        ],
      ).toBe(true);
      expect(
        (await noObjections(reviewer, section, { note: 'Jetzt vollständig.' })).body.section.noObjections,
      ).toHaveLength(1);
      expect((await step(lead, section, 'approve')).noObjections).toEqual([]);
      expect((await step(lead, section, 'reopen')).noObjections).toEqual([]);
      const steps = await history(lead, section);
      expect(steps.map((s) => s.action)).toEqual([
        'submit',
        'no_objections',
        'request_changes',
        'submit',
        'no_objections',
        'approve',
        'reopen',
      ]);
      expect(replayReviewHistory(steps.map((s) => s.action))).toBe('draft');
    });

    it('refuses a note that is too long or not text with a 400 naming note', async () => {
      const { section, author, reviewer } = await assignedSection();
      await step(author, section, 'submit');
      for (const note of ['x'.repeat(2001), 42]) {
        const res = await noObjections(reviewer, section, { note });
        expect(res.status).toBe(400);
        expect(res.body.error.details?.map((d) => d.field)).toEqual(['note']);
      }
    });

    it('is audited with who and the note', async () => {
      const { section, author, reviewer, lead, project } = await assignedSection();
      await step(author, section, 'submit');
      await noObjections(reviewer, section, { note: 'Geprüft.' });
      const audit = await lead.client.get<AuditPage>(`/api/projects/${project.id}/audit?limit=1`);
      expect(audit.body.events[0]).toMatchObject({
        action: 'section.no_objections',
        actorId: reviewer.user.id,
        targetId: section.id,
        data: { note: 'Geprüft.' },
      });
    });

    it('is kept out of a history where it never belongs by the database itself', async () => {
      const { section, lead } = await assignedSection();
      await expect(
        app.db.query(
          `INSERT INTO section_transitions (section_id, action, from_state, to_state, actor_id)
           VALUES ($1, 'no_objections', 'draft', 'draft', $2)`,
          [section.id, lead.user.id],
        ),
      ).rejects.toThrow(/chk_section_transitions_verdict/);
    });
  });

  describe('reopen', () => {
    it('records the reason in the history and tells the assignees, with the reason', async () => {
      const { section, author, reviewer, lead, project } = await assignedSection();
      const secondAuthor = await createParticipant(app, lead, project.id, 'author');
      await lead.client.patch(path(section), {
        assigneeIds: [author.user.id, secondAuthor.user.id, lead.user.id],
      });
      await step(author, section, 'submit');
      await step(lead, section, 'approve');
      expect((await step(lead, section, 'reopen', 'Neue Zahlen 2027 einarbeiten.')).state).toBe('draft');
      expect((await history(reviewer, section)).at(-1)).toMatchObject({
        action: 'reopen',
        from: 'approved',
        to: 'draft',
        actorId: lead.user.id,
        note: 'Neue Zahlen 2027 einarbeiten.',
      });
      expect(await notified(project.id, ['reopened'])).toEqual([
        [author.user.id, 'reopened', lead.user.id, 'Neue Zahlen 2027 einarbeiten.'],
        [secondAuthor.user.id, 'reopened', lead.user.id, 'Neue Zahlen 2027 einarbeiten.'],
      ]);
      const page = await author.client.get<NotificationPage>('/api/notifications?unread=true');
      expect(page.body.notifications[0]).toMatchObject({
        kind: 'reopened',
        note: 'Neue Zahlen 2027 einarbeiten.',
      });
    });

    it('tells the assignees without a reason when none was given', async () => {
      const { section, author, lead, project } = await assignedSection();
      await step(author, section, 'submit');
      await step(lead, section, 'approve');
      await step(lead, section, 'reopen');
      expect(await notified(project.id, ['reopened'])).toEqual([
        [author.user.id, 'reopened', lead.user.id, null],
      ]);
    });
  });
});
