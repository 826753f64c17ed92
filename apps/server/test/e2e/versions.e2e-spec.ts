import type { ErrorBody, SectionVersion, VersionContentResponse, VersionResponse } from '@kapitel/domain';
import type { SectionContent } from '@kapitel/editor';
import { connectCollab, eventually, synced, type CollabClient } from '../collab-client.js';
import { createParticipant, createProject, createSection, registerUser, type Person } from '../factories.js';
import { openEventStream } from '../event-stream.js';
import { mustSucceed } from '../permission-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, doc, paragraph, setContent, text } from './export-support.js';

/**
 * Versions of a section (API.md, "Versions"; docs/versions.md): approvals keep one, members
 * keep named ones, and a restore makes an old text current again as a new edit that every
 * open editor receives live, after keeping the text it replaces.
 */
describe('section versions', () => {
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

  /** A project (German unless said otherwise) with a lead and an author assigned to its one section. */
  async function setUp(options: { language?: 'de' | 'en' } = {}) {
    const lead = await registerUser(app, { name: 'Lea Lead' });
    const project = await createProject(lead, options);
    const author = await createParticipant(app, lead, project.id, 'author');
    const section = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const base = `/api/projects/${project.id}/sections/${section.id}`;
    await mustSucceed(lead, 'patch', base, { assigneeIds: [author.user.id] });
    return { lead, author, project, section, base, versions: `${base}/versions` };
  }

  function open(person: Person, sectionId: string): CollabClient {
    const client = connectCollab(app.origin, person, sectionId);
    clients.push(client);
    return client;
  }

  async function keep(person: Person, path: string, label: string): Promise<SectionVersion> {
    const res = await person.client.post<VersionResponse>(path, { label });
    expect(res.status).toBe(201);
    return res.body.version;
  }

  async function list(person: Person, path: string): Promise<SectionVersion[]> {
    const res = await person.client.get<SectionVersion[]>(path);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function contentOf(person: Person, base: string): Promise<SectionContent> {
    return (await person.client.get<SectionContent>(`${base}/content`)).body;
  }

  it('lists the approval version and named versions, newest first, with their creators', async () => {
    const { lead, author, project, section, versions } = await setUp();
    await setContent(app, section.id, doc(paragraph(text('Erster Stand.'))));
    const first = await keep(author, versions, '  Entwurf für die AG  ');
    await approve(lead, project.id, section.id);
    const second = await keep(lead, versions, 'Nach der Freigabe');

    const listed = await list(author, versions);

    expect(listed.map((v) => [v.kind, v.label, v.createdByName])).toEqual([
      ['named', 'Nach der Freigabe', 'Lea Lead'],
      ['approval', null, 'Lea Lead'],
      ['named', 'Entwurf für die AG', author.user.name],
    ]);
    expect(listed[0]).toEqual(second);
    expect(listed[2]).toEqual({
      id: first.id,
      kind: 'named',
      label: 'Entwurf für die AG',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as string,
      createdBy: author.user.id,
      createdByName: author.user.name,
      restoredFrom: null,
    });
  });

  it('lets an assigned author keep a named version while the section is in review (it changes no text)', async () => {
    const { author, base, versions } = await setUp();
    await mustSucceed(author, 'post', `${base}/transitions`, { action: 'submit' });
    const version = await keep(author, versions, 'Eingereichte Fassung');
    expect(version.label).toBe('Eingereichte Fassung');
  });

  it('shows the creator as null once the account is gone', async () => {
    const { lead, author, versions } = await setUp();
    await keep(author, versions, 'Von einer Person, die geht');
    await app.db.query('DELETE FROM invitations WHERE accepted_by = $1', [author.user.id]);
    await app.db.query('DELETE FROM users WHERE id = $1', [author.user.id]);
    expect(await list(lead, versions)).toEqual([
      expect.objectContaining({ label: 'Von einer Person, die geht', createdBy: null, createdByName: null }),
    ]);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['121 characters', 'x'.repeat(121)],
    ['a line break inside', 'erste Zeile\nzweite Zeile'],
    ['a tab inside', 'mit\tTab'],
    ['a control character', 'Stand\u0007'],
    ['not text', 42],
    ['missing', undefined],
  ])('refuses a label that is %s, naming the field', async (_case, label) => {
    const { lead, versions } = await setUp();
    const res = await lead.client.post<ErrorBody>(versions, label === undefined ? {} : { label });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.details?.map((detail) => detail.field)).toEqual(['label']);
    expect(await list(lead, versions)).toEqual([]);
  });

  it('accepts a label of exactly 120 characters, emoji counted as one', async () => {
    const { lead, versions } = await setUp();
    const label = `${'🙂'.repeat(20)}${'x'.repeat(100)}`;
    expect((await keep(lead, versions, label)).label).toBe(label);
  });

  it('reads a version as JSON, HTML and text even after the text changed', async () => {
    const { lead, section, versions } = await setUp();
    await setContent(app, section.id, doc(paragraph(text('Damals, '), text('fett', 'bold'), text('.'))));
    const version = await keep(lead, versions, 'Damals');
    await setContent(app, section.id, doc(paragraph(text('Heute ganz anders.'))));

    const res = await lead.client.get<VersionContentResponse>(`${versions}/${version.id}`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      version,
      json: doc(paragraph(text('Damals, '), text('fett', 'bold'), text('.'))),
      html: '<p>Damals, <strong>fett</strong>.</p>',
      text: 'Damals, fett.',
    });
  });

  it('restores a version live: an open editor sees the old text arrive without reconnecting', async () => {
    const { author, lead, base, section, versions } = await setUp();
    const writer = open(author, section.id);
    const watcher = open(lead, section.id);
    await Promise.all([synced(writer), synced(watcher)]);
    writer.type('Die Stadt nutzt Open Source.');
    await eventually(async () => (await contentOf(lead, base)).text === 'Die Stadt nutzt Open Source.', 'the first text stored');
    const old = await keep(author, versions, 'Erste Fassung');
    writer.type(' Seit 2019.', 'Die Stadt nutzt Open Source.'.length);
    await eventually(async () => (await contentOf(lead, base)).text.endsWith('Seit 2019.'), 'the second text stored');
    const socket = watcher.provider.ws;

    const res = await author.client.post<VersionResponse>(`${versions}/${old.id}/restore`);

    expect(res.status).toBe(200);
    await eventually(() => watcher.text() === 'Die Stadt nutzt Open Source.', 'the restore to reach the watcher');
    await eventually(() => writer.text() === 'Die Stadt nutzt Open Source.', 'the restore to reach the writer');
    expect(watcher.provider.ws).toBe(socket);
    expect(watcher.provider.wsconnected).toBe(true);
    const restored = await lead.client.get<VersionContentResponse>(`${versions}/${old.id}`);
    expect(await contentOf(lead, base)).toEqual({ json: restored.body.json, html: restored.body.html, text: restored.body.text });

    // Unlabelled: the web titles it "Vor der Wiederherstellung von „Erste Fassung“" from restoredFrom.
    const before = res.body.version;
    expect(before).toMatchObject({
      kind: 'named',
      label: null,
      createdBy: author.user.id,
      restoredFrom: { id: old.id, kind: 'named', label: 'Erste Fassung', createdAt: old.createdAt },
    });
    expect((await list(author, versions)).map((v) => v.id)).toEqual([before.id, old.id]);
    const kept = await author.client.get<VersionContentResponse>(`${versions}/${before.id}`);
    expect(kept.body.text).toBe('Die Stadt nutzt Open Source. Seit 2019.');

    // The restore is an edit like any other: writing goes on on top of it.
    writer.type('Heute: ');
    await eventually(async () => (await contentOf(lead, base)).text === 'Heute: Die Stadt nutzt Open Source.', 'an edit after the restore');
    await eventually(() => watcher.text() === 'Heute: Die Stadt nutzt Open Source.', 'the watcher to converge');
  });

  it('restores a section nobody has open, and names the approval version it restored, not a date', async () => {
    const { lead, project, base, section, versions } = await setUp({ language: 'en' });
    await setContent(app, section.id, doc(paragraph(text('Approved text.'))));
    await approve(lead, project.id, section.id);
    await mustSucceed(lead, 'post', `${base}/transitions`, { action: 'reopen' });
    await setContent(app, section.id, doc(paragraph(text('Changed after approval.'))));
    const [approval] = await list(lead, versions);

    const res = await lead.client.post<VersionResponse>(`${versions}/${approval?.id}/restore`);

    expect(res.status).toBe(200);
    // No text in the project's language or the server's time zone: the reader's client titles it.
    const restoredFrom = { id: approval?.id, kind: 'approval', label: null, createdAt: approval?.createdAt };
    expect(res.body.version).toMatchObject({ kind: 'named', label: null, restoredFrom });
    expect(await list(lead, versions)).toEqual([res.body.version, approval]);
    const read = await lead.client.get<VersionContentResponse>(`${versions}/${res.body.version.id}`);
    expect(read.body.version).toEqual(res.body.version);
    expect((await contentOf(lead, base)).text).toBe('Approved text.');
    const rows = await app.db.query<{ action: string; data: Record<string, unknown> }>(
      `SELECT action, data FROM audit_events WHERE target_id = $1 AND action LIKE 'section.version_%' ORDER BY id`,
      [section.id],
    );
    expect(rows.rows).toEqual([
      { action: 'section.version_created', data: expect.objectContaining({ reason: 'before_restore', restoring: approval?.id, label: null }) as unknown },
      { action: 'section.version_restored', data: expect.objectContaining({ versionId: approval?.id, beforeVersionId: res.body.version.id }) as unknown },
    ]);
  });

  it('announces a restore at once to the project, naming who restored, so that open editors can say why the text changed', async () => {
    const { lead, author, project, section, versions } = await setUp();
    await setContent(app, section.id, doc(paragraph(text('Erster Stand.'))));
    const first = await mustSucceed(lead, 'post', versions, { label: 'Erster Stand' });
    const stream = await openEventStream(app.origin, author, project.id);
    try {
      await mustSucceed(lead, 'post', `${versions}/${(first.body as VersionResponse).version.id}/restore`);
      await eventually(
        () =>
          stream.events.some(
            ({ event, data }) =>
              event === 'change' &&
              JSON.stringify(data) ===
                JSON.stringify({ projectId: project.id, topic: 'text', sectionId: section.id, userId: lead.user.id, restored: true }),
          ),
        'the restore to be announced',
      );
    } finally {
      stream.close();
    }
  });

  it('undoes a restore by restoring the version kept before it, which the new one then names', async () => {
    const { lead, base, section, versions } = await setUp();
    await setContent(app, section.id, doc(paragraph(text('Alt.'))));
    const old = await keep(lead, versions, 'Alt');
    await setContent(app, section.id, doc(paragraph(text('Neu.'))));
    const first = await lead.client.post<VersionResponse>(`${versions}/${old.id}/restore`);

    const undo = await lead.client.post<VersionResponse>(`${versions}/${first.body.version.id}/restore`);

    expect(undo.status).toBe(200);
    expect((await contentOf(lead, base)).text).toBe('Neu.');
    const before = first.body.version;
    expect(undo.body.version.restoredFrom).toEqual({ id: before.id, kind: 'named', label: null, createdAt: before.createdAt });
    expect((await list(lead, versions)).map((v) => [v.label, v.restoredFrom?.id ?? null])).toEqual([
      [null, before.id],
      [null, old.id],
      ['Alt', null],
    ]);
  });

  it('refuses a restore while the section is in review (409) and keeps no version for it', async () => {
    const { lead, author, base, section, versions } = await setUp();
    await setContent(app, section.id, doc(paragraph(text('Eingereicht.'))));
    const version = await keep(author, versions, 'Vorher');
    await mustSucceed(author, 'post', `${base}/transitions`, { action: 'submit' });

    for (const person of [lead, author]) {
      const res = await person.client.post<ErrorBody>(`${versions}/${version.id}/restore`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('NOT_EDITABLE');
    }
    expect((await list(lead, versions)).map((v) => v.id)).toEqual([version.id]);
    expect((await contentOf(lead, base)).text).toBe('Eingereicht.');
  });

  it('answers 404 for a version of another section, reading and restoring', async () => {
    const { lead, project, versions } = await setUp();
    const other = await createSection(lead, project.id, { title: 'Anderes Kapitel' });
    const foreign = await keep(lead, `/api/projects/${project.id}/sections/${other.id}/versions`, 'Fremd');

    const read = await lead.client.get<ErrorBody>(`${versions}/${foreign.id}`);
    const restore = await lead.client.post<ErrorBody>(`${versions}/${foreign.id}/restore`);

    expect([read.status, read.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect([restore.status, restore.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(await list(lead, versions)).toEqual([]);
  });

  it('answers 404 to someone outside the project, as if the section did not exist', async () => {
    const { versions } = await setUp();
    const outsider = await registerUser(app);
    const res = await outsider.client.get<ErrorBody>(versions);
    expect([res.status, res.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});
