import { randomUUID } from 'node:crypto';
import { unzip, xmlProblem } from '../../../../libs/export/src/odt/odt.test-support.js';
import { expectError } from '../expect-error.js';
import { createParticipant, createProject, createSection, registerUser, type Person } from '../factories.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { approve, doc, paragraph, setContent, text } from './export-support.js';

/**
 * The report as an editable OpenDocument text (docs/export.md, "ODT"): made on request from the
 * same report model as the PDF, for whoever may export the mode.
 */
describe('ODT export', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ loginRateLimitPerIp: 100_000, invitationRateLimitPerHour: 100_000 });
  });
  afterAll(async () => {
    await app.close();
  });

  async function odtOf(person: Person, projectId: string, mode?: string) {
    const res = await fetch(
      `${app.origin}/api/projects/${projectId}/odt${mode === undefined ? '' : `?mode=${mode}`}`,
      {
        headers: { cookie: person.client.cookie ?? '' },
      },
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    // An error answers JSON, as everywhere: read it for expectError.
    const body: unknown = res.ok ? null : JSON.parse(new TextDecoder().decode(bytes));
    return { status: res.status, headers: res.headers, body, bytes };
  }

  function contentOf(bytes: Uint8Array): string {
    const entry = unzip(bytes).find((file) => file.path === 'content.xml');
    if (entry === undefined) {
      throw new Error('the ODT has no content.xml');
    }
    return new TextDecoder().decode(entry.data);
  }

  it('gives every member the current text as an ODT file, with its title, sections and text', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead, {
      title: `Jahresbericht Öffentliche IT ${randomUUID().slice(0, 4)}`,
    });
    const section = await createSection(lead, project.id, { title: 'Ausgangslage' });
    await setContent(app, section.id, doc(paragraph(text('Die Stadt nutzt <Open Source> & mehr.'))));
    const reader = await createParticipant(app, lead, project.id, 'reader');

    const odt = await odtOf(reader, project.id);
    expect(odt.status).toBe(200);
    expect(odt.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.text');
    expect(odt.headers.get('content-disposition')).toMatch(
      /^attachment; filename="jahresbericht-oeffentliche-it-[a-z0-9]+-entwurf-\d{4}-\d{2}-\d{2}\.odt"/,
    );
    const entries = unzip(odt.bytes);
    expect(entries[0]).toMatchObject({ path: 'mimetype' });
    const content = contentOf(odt.bytes);
    expect(xmlProblem(content)).toBeNull();
    expect(content).toContain('Ausgangslage');
    expect(content).toContain('Die Stadt nutzt &lt;Open Source&gt; &amp; mehr.');

    const audit = await app.db.query<{ actor_id: string; data: { mode: string; size: number } }>(
      `SELECT actor_id, data FROM audit_events WHERE action = 'export.odt_downloaded' AND project_id = $1`,
      [project.id],
    );
    expect(audit.rows).toEqual([
      { actor_id: reader.user.id, data: { mode: 'draft', size: odt.bytes.byteLength } },
    ]);
  });

  it('gives the final version to the lead only, once every section is approved, from the approved texts', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead, { title: 'Endbericht' });
    const section = await createSection(lead, project.id, { title: 'Fazit' });
    const author = await createParticipant(app, lead, project.id, 'author');
    await setContent(app, section.id, doc(paragraph(text('Freigegebener Text.'))));

    expectError(await odtOf(lead, project.id, 'final'), 409, 'NOT_ALL_APPROVED');
    await approve(lead, project.id, section.id);
    // Written after the approval: not in the final version.
    await setContent(app, section.id, doc(paragraph(text('Späterer Entwurf.'))));
    expectError(await odtOf(author, project.id, 'final'), 403, 'FORBIDDEN');

    const final = await odtOf(lead, project.id, 'final');
    expect(final.status).toBe(200);
    expect(final.headers.get('content-disposition')).toContain('-endfassung-');
    const content = contentOf(final.bytes);
    expect(content).toContain('Freigegebener Text.');
    expect(content).not.toContain('Späterer Entwurf.');
  });

  it('refuses an unknown mode naming it, a non-member with 404 and a stranger with 401', async () => {
    const lead = await registerUser(app);
    const project = await createProject(lead, { title: 'Bericht' });
    expectError(await odtOf(lead, project.id, 'pdf'), 400, 'VALIDATION', 'mode');
    expectError(await odtOf(await registerUser(app), project.id), 404, 'NOT_FOUND');
    const res = await fetch(`${app.origin}/api/projects/${project.id}/odt`);
    expect(res.status).toBe(401);
  });
});
