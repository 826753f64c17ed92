import type {
  CommentListResponse,
  CommentResponse,
  ErrorBody,
  NotificationPage,
  Section,
  SectionComment,
} from '@kapitel/domain';
import { createAnchor, resolveAnchor, type EncodedAnchor, type SectionContent } from '@kapitel/editor';
import * as Y from 'yjs';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import { expectError } from '../expect-error.js';
import { createParticipant, registerUser, type Person } from '../factories.js';
import { HttpClient, type Answer } from '../http-client.js';
import { reviewTeam, type ReviewTeam } from '../review-team.js';
import { startTestApp, type TestApp } from '../test-app.js';

/**
 * Suggested changes (docs/comments.md, "Suggested changes"): a reviewer, who may not write the
 * text, proposes a new text for a passage; whoever may edit the section puts it into the text
 * with one request, through the collaboration room, so that every open editor receives it.
 */
describe('suggested changes', () => {
  let app: TestApp;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy());
  });
  afterAll(async () => {
    await app.close();
  });

  const path = (section: Section, suffix = '') =>
    `/api/projects/${section.projectId}/sections/${section.id}/comments${suffix}`;

  function suggest(
    person: Person,
    section: Section,
    body: object,
  ): Promise<Answer<CommentResponse & ErrorBody>> {
    return person.client.post<CommentResponse & ErrorBody>(path(section), body);
  }

  function accept(
    person: Person,
    section: Section,
    comment: SectionComment,
  ): Promise<Answer<CommentResponse & ErrorBody>> {
    return person.client.post<CommentResponse & ErrorBody>(path(section, `/${comment.id}/accept`));
  }

  async function storedText(person: Person, section: Section): Promise<string> {
    const res = await person.client.get<SectionContent>(
      `/api/projects/${section.projectId}/sections/${section.id}/content`,
    );
    return res.body.text;
  }

  /** The review team's section holding `text`, typed by its author, who stays connected. */
  async function sectionWithText(text: string): Promise<ReviewTeam & { writer: CollabClient }> {
    const team = await reviewTeam(app);
    const writer = connectCollab(app.origin, team.author, team.section.id);
    clients.push(writer);
    await synced(writer, 10_000);
    writer.type(text);
    await eventually(
      async () => (await storedText(team.lead, team.section)) === text,
      'the stored text',
      10_000,
    );
    return { ...team, writer };
  }

  /** An anchor on the first `passage` of the first paragraph, as a client makes it. */
  function anchorOn(doc: Y.Doc, passage: string): EncodedAnchor {
    const paragraph = doc.getXmlFragment('default').get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const start = text.toJSON().indexOf(passage);
    return createAnchor(text, start, start + passage.length);
  }

  it("lets a reviewer suggest a change that the section's author puts into every open editor with one click", async () => {
    const { author, reviewer, section, writer } = await sectionWithText(
      'Die Stadt nutzt Open Source seit 2019.',
    );
    const created = await suggest(reviewer, section, {
      body: 'Einheitlich wie im übrigen Bericht.',
      anchor: anchorOn(writer.doc, 'Open Source'),
      suggestion: 'freie Software',
    });
    expect(created.status).toBe(201);
    expect(created.body.comment).toMatchObject({
      suggestion: { quote: 'Open Source', text: 'freie Software', acceptedAt: null, acceptedBy: null },
      abilities: { accept: false },
    });
    const [asAuthor] = (await author.client.get<CommentListResponse>(path(section))).body.threads;
    expect(asAuthor?.abilities.accept).toBe(true);
    // The author hears of it, by its wording.
    const told = await author.client.get<NotificationPage>('/api/notifications');
    expect(told.body.notifications.filter((n) => n.comment?.id === created.body.comment.id)).toMatchObject([
      { kind: 'suggested', actor: { id: reviewer.user.id }, comment: { excerpt: 'freie Software' } },
    ]);

    const accepted = await accept(author, section, created.body.comment);
    expect(accepted.status).toBe(200);
    expect(accepted.body.comment).toMatchObject({
      suggestion: { acceptedBy: { id: author.user.id, name: author.user.name } },
      resolvedBy: { id: author.user.id },
      abilities: { accept: false },
    });
    await eventually(
      () => writer.text() === 'Die Stadt nutzt freie Software seit 2019.',
      'the change in the open editor',
    );
    expect(await storedText(reviewer, section)).toBe('Die Stadt nutzt freie Software seit 2019.');
    // The thread now points at the new text.
    const range = resolveAnchor(writer.doc, accepted.body.comment.anchor as EncodedAnchor);
    expect(range === 'detached' ? null : range.text.toJSON().slice(range.start, range.end)).toBe(
      'freie Software',
    );

    const audit = await app.db.query<{ actor_id: string; data: Record<string, unknown> }>(
      `SELECT actor_id, data FROM audit_events WHERE action = 'comment.suggestion_accepted' AND target_id = $1`,
      [created.body.comment.id],
    );
    expect(audit.rows).toEqual([
      {
        actor_id: author.user.id,
        data: { sectionId: section.id, quote: 'Open Source', suggestion: 'freie Software' },
      },
    ]);
    const notified = await app.db.query<{ user_id: string; actor_id: string }>(
      `SELECT user_id, actor_id FROM notifications WHERE kind = 'suggestion_accepted' AND comment_id = $1`,
      [created.body.comment.id],
    );
    expect(notified.rows).toEqual([{ user_id: reviewer.user.id, actor_id: author.user.id }]);
    // The bell quotes the wording that went into the text.
    const page = await reviewer.client.get<NotificationPage>('/api/notifications');
    expect(page.body.notifications.find((n) => n.kind === 'suggestion_accepted')?.comment).toEqual({
      id: created.body.comment.id,
      excerpt: 'freie Software',
    });
  });

  it('deletes the passage for an empty suggestion, which needs no words of its own', async () => {
    const { lead, reviewer, section, writer } = await sectionWithText('Das ist sehr wirklich wichtig.');
    const created = await suggest(reviewer, section, {
      body: '',
      anchor: anchorOn(writer.doc, 'wirklich '),
      suggestion: '',
    });
    expect(created.status).toBe(201);

    expect((await accept(lead, section, created.body.comment)).status).toBe(200);
    await eventually(() => writer.text() === 'Das ist sehr wichtig.', 'the deletion in the open editor');
  });

  it('changes the text once when two people accept the same suggestion at the same moment', async () => {
    const { lead, author, reviewer, section, writer } = await sectionWithText('Wir nutzen Linux.');
    const { body } = await suggest(reviewer, section, {
      body: '',
      anchor: anchorOn(writer.doc, 'Linux'),
      suggestion: 'Debian GNU/Linux',
    });

    const answers = await Promise.all([
      accept(lead, section, body.comment),
      accept(author, section, body.comment),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    await eventually(
      async () => (await storedText(lead, section)) === 'Wir nutzen Debian GNU/Linux.',
      'one change',
    );
    expect(writer.text()).toBe('Wir nutzen Debian GNU/Linux.');
  });

  it('refuses to accept when the passage was edited since, so that the later edit is not overwritten', async () => {
    const { author, reviewer, section, writer } = await sectionWithText('Die Verwaltung prüft das.');
    const { body } = await suggest(reviewer, section, {
      body: '',
      anchor: anchorOn(writer.doc, 'prüft'),
      suggestion: 'entscheidet',
    });
    writer.type('sorgfältig ', 'Die Verwaltung pr'.length);
    await eventually(
      async () => (await storedText(author, section)).includes('sorgfältig'),
      'the later edit stored',
    );

    expectError(await accept(author, section, body.comment), 409, 'SUGGESTION_OUTDATED');
    expect(await storedText(author, section)).toBe('Die Verwaltung prsorgfältig üft das.');
    const [thread] = (await author.client.get<CommentListResponse>(path(section))).body.threads;
    expect(thread).toMatchObject({ resolvedAt: null, suggestion: { acceptedAt: null } });
  });

  it('lets only those who may edit the text now accept, and keeps the text as it is otherwise', async () => {
    const { lead, author, reviewer, reader, section, writer } =
      await sectionWithText('Kommunen teilen Code.');
    const { body } = await suggest(reviewer, section, {
      body: 'Genauer?',
      anchor: anchorOn(writer.doc, 'Code'),
      suggestion: 'Quellcode',
    });
    expectError(await accept(reviewer, section, body.comment), 403, 'FORBIDDEN');
    const refused = await accept(reader, section, body.comment);
    expectError(refused, 403, 'FORBIDDEN');
    expect(refused.body.error.message).toBe("Your role (reader) does not allow editing this section's text");
    expectError(await accept(await registerUser(app), section, body.comment), 404, 'NOT_FOUND');
    const unassigned = await createParticipant(app, lead, section.projectId, 'author');
    expectError(await accept(unassigned, section, body.comment), 403, 'FORBIDDEN');
    const anonymous = new HttpClient(app.origin);
    expect((await anonymous.post(path(section, `/${body.comment.id}/accept`))).status).toBe(401);

    const submitted = await author.client.post(
      `/api/projects/${section.projectId}/sections/${section.id}/transitions`,
      {
        action: 'submit',
      },
    );
    expect(submitted.status).toBe(200);
    const [inReview] = (await author.client.get<CommentListResponse>(path(section))).body.threads;
    expect(inReview?.abilities.accept).toBe(false);
    expectError(await accept(author, section, body.comment), 409, 'NOT_EDITABLE');
    expectError(await accept(lead, section, body.comment), 409, 'NOT_EDITABLE');
    expect(await storedText(lead, section)).toBe('Kommunen teilen Code.');
  });

  it('refuses a resolved thread, a comment without a suggestion and a second accept', async () => {
    const { lead, reviewer, section, writer } = await sectionWithText('Offene Standards helfen.');
    const plain = await suggest(reviewer, section, {
      body: 'Gut so.',
      anchor: anchorOn(writer.doc, 'helfen'),
    });
    expectError(await accept(lead, section, plain.body.comment), 400, 'VALIDATION', 'commentId');

    const { body } = await suggest(reviewer, section, {
      body: '',
      anchor: anchorOn(writer.doc, 'Offene'),
      suggestion: 'Freie',
    });
    expect((await lead.client.post(path(section, `/${body.comment.id}/resolve`))).status).toBe(200);
    expectError(await accept(lead, section, body.comment), 409, 'CONFLICT');
    expect((await lead.client.post(path(section, `/${body.comment.id}/reopen`))).status).toBe(200);
    expect((await accept(lead, section, body.comment)).status).toBe(200);
    expectError(await accept(lead, section, body.comment), 409, 'CONFLICT');
    expect(await storedText(lead, section)).toBe('Freie Standards helfen.');
  });

  it('refuses a suggestion without a passage, in a reply, for text that is not there, or equal to the passage, naming the field', async () => {
    const { reviewer, section, writer } = await sectionWithText('Die Stadt nutzt Open Source.');
    const anchor = anchorOn(writer.doc, 'Open Source');
    const root = await suggest(reviewer, section, { body: 'Wurzel', anchor });
    const elsewhere = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Anderswo')]);
    elsewhere.getXmlFragment('default').insert(0, [paragraph]);
    const foreign = createAnchor(paragraph.get(0) as Y.XmlText, 0, 4);

    for (const [body, field] of [
      [{ body: 'x', suggestion: 'y' }, 'anchor'],
      [{ body: '', parentId: root.body.comment.id, suggestion: 'y' }, 'suggestion'],
      [{ body: 'x', anchor: foreign, suggestion: 'y' }, 'anchor'],
      [{ body: 'x', anchor, suggestion: 'Open Source' }, 'suggestion'],
      [{ body: 'x', anchor, suggestion: 'zwei\nZeilen' }, 'suggestion'],
      [{ body: 'x', anchor, suggestion: 'x'.repeat(5001) }, 'suggestion'],
      [{ body: 'x', anchor, suggestion: 42 }, 'suggestion'],
      [{ body: '', anchor }, 'body'],
    ] as const) {
      expectError(await suggest(reviewer, section, body), 400, 'VALIDATION', field);
    }
    const threads = (await reviewer.client.get<CommentListResponse>(path(section))).body.threads;
    expect(threads.map((thread) => thread.id)).toEqual([root.body.comment.id]);
  });

  it("keeps a suggestion's body optional in an edit, but not a plain comment's", async () => {
    const { reviewer, section, writer } = await sectionWithText('Kommunen kooperieren.');
    const { body } = await suggest(reviewer, section, {
      body: 'Begründung',
      anchor: anchorOn(writer.doc, 'kooperieren'),
      suggestion: 'arbeiten zusammen',
    });
    const plain = await suggest(reviewer, section, { body: 'Nur ein Kommentar' });

    expect((await reviewer.client.patch(path(section, `/${body.comment.id}`), { body: '' })).status).toBe(
      200,
    );
    expectError(
      await reviewer.client.patch(path(section, `/${plain.body.comment.id}`), { body: ' ' }),
      400,
      'VALIDATION',
      'body',
    );
  });
});
