import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createProject, createSection, registerUser } from '../../apps/server/test/factories.js';
import { approve, doc, paragraph, setContent, text } from '../../apps/server/test/e2e/export-support.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { browserSuite } from './suite.js';

/** Where an ODT's first entry, `mimetype`, ends its local header (30 bytes and the 8-byte name). */
const MIMETYPE_AT = 38;

describeInBrowser('the editable ODT in Chromium', () => {
  const suite = browserSuite();

  it('downloads the current text as ODT for everyone, and the final version for the lead once all is approved', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung', organisation: 'Stadt Musterstadt' });
    const project = await createProject(lead, { title: `Jahresbericht ${randomUUID().slice(0, 4)}` });
    const first = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const second = await createSection(lead, project.id, { title: 'Ausblick' });
    await setContent(suite.app, first.id, doc(paragraph(text('Die Stadt nutzt Open Source.'))));
    await approve(lead, project.id, first.id);

    const page = await suite.pageOf(lead, { acceptDownloads: true });
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const card = page.getByRole('region', { name: 'Export' });
    const editable = card.getByRole('region', { name: 'Bearbeitbare Fassung' });
    const draft = editable.getByRole('link', { name: 'Aktuellen Stand als ODT herunterladen' });
    await draft.waitFor();
    // Not everything is approved: no final version yet.
    expect(await editable.getByRole('link', { name: 'Endfassung als ODT herunterladen' }).count()).toBe(0);
    await editable.getByText('Die Endfassung als ODT gibt es hier, sobald alle Abschnitte freigegeben sind.').waitFor();
    await screenshot(page, 'odt-01-card');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const [file] = await Promise.all([page.waitForEvent('download'), draft.click()]);
    expect(file.suggestedFilename()).toMatch(/^jahresbericht-[a-z0-9-]*entwurf-\d{4}-\d{2}-\d{2}\.odt$/);
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.subarray(MIMETYPE_AT, MIMETYPE_AT + 39).toString('latin1')).toBe(
      'application/vnd.oasis.opendocument.text',
    );

    // The last approval: the final version is offered without a reload.
    await setContent(suite.app, second.id, doc(paragraph(text('Wir machen weiter.'))));
    await approve(lead, project.id, second.id);
    const final = editable.getByRole('link', { name: 'Endfassung als ODT herunterladen' });
    await final.waitFor({ timeout: 10_000 });
    const [finalFile] = await Promise.all([page.waitForEvent('download'), final.click()]);
    expect(finalFile.suggestedFilename()).toMatch(/-endfassung-\d{4}-\d{2}-\d{2}\.odt$/);
  }, 60_000);
});
