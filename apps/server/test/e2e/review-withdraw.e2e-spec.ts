import {
  replayReviewHistory,
  type AuditPage,
  type ErrorBody,
  type NotificationPage,
  type Section,
  type SectionDetailResponse,
  type SectionResponse,
  type Transition,
} from '@kapitel/domain';
import { createParticipant, type Person } from '../factories.js';
import type { Answer } from '../http-client.js';
import { reviewTeam, type ReviewTeam } from '../review-team.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * Withdrawing a submission (docs/outline.md, "Withdrawing a submission"): an assignee or a
 * lead takes a section in review back to draft, recorded in the history and the audit log,
 * and told to whoever was asked to review it. Also what the author is told when changes are
 * requested: the note, with the notification.
 */
describe('withdrawing a submission', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  const path = (section: Section, suffix = '') =>
    `/api/projects/${section.projectId}/sections/${section.id}${suffix}`;

  /** reviewTeam's section, submitted by its author. */
  async function submittedSection(): Promise<ReviewTeam> {
    const team = await reviewTeam(app);
    const section = (await step(team.author, team.section, 'submit')).body.section;
    expect(section.state).toBe('in_review');
    return { ...team, section };
  }

  function step(
    person: Person,
    section: Section,
    action: string,
    note?: string,
  ): Promise<Answer<SectionResponse & ErrorBody>> {
    return person.client.post<SectionResponse & ErrorBody>(path(section, '/transitions'), { action, note });
  }

  async function history(person: Person, section: Section): Promise<Transition[]> {
    const res = await person.client.get<Transition[]>(path(section, '/transitions'));
    expect(res.status).toBe(200);
    return res.body;
  }

  /** The notifications of the project of `kind` as [recipient, actor, note], oldest first. */
  async function notified(
    projectId: string,
    kind: string,
  ): Promise<Array<[string, string | null, string | null]>> {
    const result = await app.db.query<{ user_id: string; actor_id: string | null; note: string | null }>(
      `SELECT user_id, actor_id, note FROM notifications WHERE project_id = $1 AND kind = $2 ORDER BY created_at, id`,
      [projectId, kind],
    );
    return result.rows.map((row) => [row.user_id, row.actor_id, row.note]);
  }

  it('takes the assigned author back to draft and writing, recording the step with its reason', async () => {
    const { section, author, reader } = await submittedSection();
    const res = await step(author, section, 'withdraw', '  Tabelle 3 fehlt noch.  ');
    expect(res.status).toBe(200);
    expect(res.body.section.state).toBe('draft');
    const steps = await history(reader, section);
    expect(steps.map((s) => [s.action, s.from, s.to, s.actorId, s.note])).toEqual([
      ['submit', 'draft', 'in_review', author.user.id, null],
      ['withdraw', 'in_review', 'draft', author.user.id, 'Tabelle 3 fehlt noch.'],
    ]);
    expect(replayReviewHistory(steps.map((s) => s.action))).toBe('draft');
    const detail = await author.client.get<SectionDetailResponse>(path(section));
    expect(detail.body.abilities).toMatchObject({
      'section.edit': true,
      'review.submit': true,
      'review.withdraw': false,
    });
  });

  it('offers withdrawing in review to the assignee and the lead only', async () => {
    const { section, author, reviewer, reader, lead, project } = await submittedSection();
    const otherAuthor = await createParticipant(app, lead, project.id, 'author');
    const offered = async (person: Person) =>
      (await person.client.get<SectionDetailResponse>(path(section))).body.abilities['review.withdraw'];
    expect(await offered(author)).toBe(true);
    expect(await offered(lead)).toBe(true);
    for (const person of [reviewer, reader, otherAuthor]) {
      expect(await offered(person)).toBe(false);
    }
  });

  it('lets a lead withdraw, and can be submitted and approved afterwards', async () => {
    const { section, author, lead } = await submittedSection();
    expect((await step(lead, section, 'withdraw')).body.section.state).toBe('draft');
    expect((await step(author, section, 'submit')).body.section.state).toBe('in_review');
    expect((await step(lead, section, 'approve')).body.section.state).toBe('approved');
    const steps = await history(lead, section);
    expect(steps.map((s) => [s.action, s.actorId, s.note])).toEqual([
      ['submit', author.user.id, null],
      ['withdraw', lead.user.id, null],
      ['submit', author.user.id, null],
      ['approve', lead.user.id, null],
    ]);
    expect(replayReviewHistory(steps.map((s) => s.action))).toBe('approved');
  });

  it('refuses the reviewer, a reader and an author of other sections with 403 FORBIDDEN, and records nothing', async () => {
    const { section, reviewer, reader, lead, project } = await submittedSection();
    const otherAuthor = await createParticipant(app, lead, project.id, 'author');
    for (const [who, person] of [
      ['reviewer', reviewer],
      ['reader', reader],
      ['other author', otherAuthor],
    ] as const) {
      const res = await step(person, section, 'withdraw', 'Zurück');
      expect({ who, status: res.status, code: res.body.error.code }).toEqual({
        who,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect((await history(lead, section)).map((s) => s.action)).toEqual(['submit']);
    expect(await notified(project.id, 'withdrawn')).toEqual([]);
  });

  it('answers 409 ILLEGAL_TRANSITION for a section that is not in review, and records nothing', async () => {
    const { section, author, reviewer, lead } = await submittedSection();
    await step(reviewer, section, 'request_changes', 'Quelle fehlt');
    const changesRequested = await step(author, section, 'withdraw');
    expect({ status: changesRequested.status, code: changesRequested.body.error.code }).toEqual({
      status: 409,
      code: 'ILLEGAL_TRANSITION',
    });
    await step(author, section, 'submit');
    await step(lead, section, 'approve');
    const approved = await step(lead, section, 'withdraw');
    expect({ status: approved.status, code: approved.body.error.code }).toEqual({
      status: 409,
      code: 'ILLEGAL_TRANSITION',
    });
    await step(lead, section, 'reopen');
    const draft = await step(author, section, 'withdraw');
    expect({ status: draft.status, code: draft.body.error.code }).toEqual({
      status: 409,
      code: 'ILLEGAL_TRANSITION',
    });
    expect((await history(lead, section)).map((s) => s.action)).toEqual([
      'submit',
      'request_changes',
      'submit',
      'approve',
      'reopen',
    ]);
  });

  it('names withdraw among the actions when refusing an unknown one with a 400', async () => {
    const { section, author } = await submittedSection();
    const res = await step(author, section, 'zurueckziehen');
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'action', message: expect.stringContaining('withdraw') as string },
    ]);
  });

  it('tells the reviewer and every lead, with the reason, never the actor', async () => {
    const { section, author, reviewer, lead, secondLead, project } = await submittedSection();
    await step(author, section, 'withdraw', 'Neue Zahlen kommen morgen.');
    expect(await notified(project.id, 'withdrawn')).toEqual(
      expect.arrayContaining([
        [reviewer.user.id, author.user.id, 'Neue Zahlen kommen morgen.'],
        [lead.user.id, author.user.id, 'Neue Zahlen kommen morgen.'],
        [secondLead.user.id, author.user.id, 'Neue Zahlen kommen morgen.'],
      ]),
    );
    expect(await notified(project.id, 'withdrawn')).toHaveLength(3);
    const page = await reviewer.client.get<NotificationPage>('/api/notifications?unread=true');
    expect(page.body.notifications[0]).toMatchObject({
      kind: 'withdrawn',
      section: { id: section.id, title: 'Fallbeispiele' },
      actor: { id: author.user.id, name: author.user.name },
      note: 'Neue Zahlen kommen morgen.',
    });

    // A lead who withdraws is not told of it; the other lead and the reviewer are.
    await step(author, section, 'submit');
    await step(lead, section, 'withdraw');
    expect((await notified(project.id, 'withdrawn')).slice(3)).toEqual(
      expect.arrayContaining([
        [reviewer.user.id, lead.user.id, null],
        [secondLead.user.id, lead.user.id, null],
      ]),
    );
    expect(await notified(project.id, 'withdrawn')).toHaveLength(5);
  });

  it('is audited as a transition with before, after and the reason', async () => {
    const { section, author, lead, project } = await submittedSection();
    await step(author, section, 'withdraw', 'Noch nicht fertig.');
    const audit = await lead.client.get<AuditPage>(`/api/projects/${project.id}/audit?limit=1`);
    expect(audit.body.events[0]).toMatchObject({
      action: 'section.transition',
      actorId: author.user.id,
      targetId: section.id,
      data: {
        action: 'withdraw',
        before: { state: 'in_review' },
        after: { state: 'draft' },
        note: 'Noch nicht fertig.',
      },
    });
  });

  it('lets exactly one of a withdrawal and an approval sent at once win', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { section, author, lead } = await submittedSection();
      const answers = await Promise.all([step(author, section, 'withdraw'), step(lead, section, 'approve')]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const steps = await history(lead, section);
      const stored = await app.db.query<{ state: string }>('SELECT state FROM sections WHERE id = $1', [
        section.id,
      ]);
      expect(replayReviewHistory(steps.map((s) => s.action))).toBe(stored.rows[0]?.state);
    }
  });

  describe('what the author is told when changes are requested', () => {
    it('carries the note with the changes_requested notification, as reopen carries its reason', async () => {
      const { section, author, reviewer, project } = await submittedSection();
      const note = 'Bitte die Tabelle um die Spalte „Jahr“ ergänzen';
      await step(reviewer, section, 'request_changes', note);
      expect(await notified(project.id, 'changes_requested')).toEqual([
        [author.user.id, reviewer.user.id, note],
      ]);
      const page = await author.client.get<NotificationPage>('/api/notifications?unread=true');
      expect(page.body.notifications[0]).toMatchObject({
        kind: 'changes_requested',
        actor: { id: reviewer.user.id, name: reviewer.user.name },
        note,
      });
    });
  });
});
