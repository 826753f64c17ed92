import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  createParticipant,
  createProject,
  createSection,
  registerUser,
  type Person,
} from '../../apps/server/test/factories.js';
import { approve, doc, paragraph, setContent, text } from '../../apps/server/test/e2e/export-support.js';
import { mustUpload, pngImage } from '../../apps/server/test/image-files.js';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { browserSuite } from './suite.js';

/** A review step taken by the lead through the API, as another browser would. */
async function transition(
  person: Person,
  projectId: string,
  sectionId: string,
  action: 'submit' | 'approve',
): Promise<void> {
  const res = await person.client.post(`/api/projects/${projectId}/sections/${sectionId}/transitions`, {
    action,
  });
  if (res.status !== 200) {
    throw new Error(`${action} answered ${String(res.status)}: ${JSON.stringify(res.body)}`);
  }
}

/** The aria-label, or else the text, of the element that has the keyboard focus. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(
    `(document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null)`,
  );
}

describeInBrowser('exporting the report as PDF in Chromium', () => {
  // Poll the queue often: the request wakes the runner anyway, this only bounds the wait.
  const suite = browserSuite({ server: { exportPollSeconds: 1 } });
  /** A tab signed in as `person` that may download (the test saves the PDF). */
  const pageOf = (person: Person): Promise<Page> => suite.pageOf(person, { acceptDownloads: true });

  it('offers the final version only when every section is approved, and runs a draft export to a PDF', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung', organisation: 'Stadt Musterstadt' });
    const project = await createProject(lead, { title: `Jahresbericht ${randomUUID().slice(0, 4)}` });
    const first = await createSection(lead, project.id, { title: 'Ausgangslage' });
    await createSection(lead, project.id, { title: 'Ausblick' });
    await transition(lead, project.id, first.id, 'submit');
    await transition(lead, project.id, first.id, 'approve');

    const page = await pageOf(lead);
    const foreign = recordForeignRequests(page, suite.app.origin);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const card = page.getByRole('region', { name: 'Export' });
    await card.getByText('Noch keine Exporte.').waitFor();
    const open = card.getByRole('button', { name: 'Exportieren' });
    await open.click();

    // The dialog: focus inside, draft chosen, final disabled with the reason in words.
    const dialog = page.getByRole('dialog', { name: 'Bericht als PDF exportieren' });
    await dialog.waitFor();
    const draft = dialog.getByRole('radio', { name: 'Entwurf' });
    const final = dialog.getByRole('radio', { name: 'Endfassung' });
    expect(await draft.isChecked()).toBe(true);
    expect(await final.isDisabled()).toBe(true);
    await dialog.getByText('Nicht alle Abschnitte sind freigegeben (1 von 2).').waitFor();
    expect(await final.getAttribute('aria-describedby')).toContain(
      await dialog.getByText('Nicht alle Abschnitte sind freigegeben (1 von 2).').getAttribute('id'),
    );
    expect(
      await page.evaluate<boolean>(`document.querySelector('dialog').contains(document.activeElement)`),
    ).toBe(true);
    await screenshot(page, 'export-01-dialog');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A draft export: progress, then done, with a download.
    await dialog.getByRole('button', { name: 'Export starten' }).click();
    const progress = dialog.getByRole('progressbar', { name: 'Fortschritt' });
    await progress.waitFor();
    const seen = new Set<string>();
    const done = dialog.getByText('Der Export ist fertig.');
    const deadline = Date.now() + 90_000;
    while (!(await done.isVisible())) {
      if (Date.now() > deadline) {
        throw new Error(`the export did not finish; states seen: ${[...seen].join(', ')}`);
      }
      const status = await dialog.getByRole('status').first().textContent();
      if (status !== null) {
        seen.add(status);
      }
      await page.waitForTimeout(200);
    }
    // It was followed while it ran (queued or running first, then done).
    expect([...seen].some((status) => status.includes('wartet') || status.includes('läuft'))).toBe(true);
    const download = dialog.getByRole('link', { name: /^PDF herunterladen \(.+\)$/ });
    await download.waitFor();
    await screenshot(page, 'export-02-done');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const href = await download.getAttribute('href');
    expect(href).toMatch(/^\/api\/projects\/[0-9a-f-]+\/exports\/[0-9a-f-]+\/file$/);
    const response = await page.context().request.get(`${suite.app.origin}${href ?? ''}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^jahresbericht-[a-z0-9-]*entwurf-\d{4}-\d{2}-\d{2}\.pdf$/);
    const path = await file.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Closed with Escape: the focus is back on the button; the export is in the list.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('Exportieren');
    const list = card.getByRole('table', { name: 'Frühere Exporte' });
    const row = list.getByRole('row').nth(1);
    await row.getByRole('cell', { name: 'Entwurf' }).waitFor();
    expect(await list.getByRole('columnheader', { name: 'Angefordert von' }).count()).toBe(1);
    await row.getByRole('cell', { name: 'Lea Leitung', exact: true }).waitFor();
    await row.getByText('Fertig').waitFor();
    await row.getByText(/\d+(,\d)? (kB|MB)/).waitFor();
    await row.getByRole('link', { name: /^PDF herunterladen/ }).waitFor();
    await screenshot(page, 'export-03-list');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
  }, 150_000);

  it('says what the final version became, how an image without alternative text keeps it from PDF/A-2a, and what became of a reference without a target', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: `Bildbericht ${randomUUID().slice(0, 4)}` });
    const section = await createSection(lead, project.id, { title: 'Karten' });
    const old = await createSection(lead, project.id, { title: 'Alter Exkurs' });
    const uploaded = await mustUpload(lead, project.id, pngImage(40, 30));
    await setContent(
      suite.app,
      section.id,
      doc(
        { type: 'image', attrs: { src: uploaded.src, alt: null } },
        paragraph(text('Siehe '), {
          type: 'sectionRef',
          attrs: { sectionId: old.id, title: 'Alter Exkurs' },
        }),
      ),
    );
    // In the trash: the reference keeps only its remembered title.
    expect((await lead.client.delete(`/api/projects/${project.id}/sections/${old.id}`)).status).toBe(204);
    await approve(lead, project.id, section.id);

    const page = await pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const card = page.getByRole('region', { name: 'Export' });
    await card.getByRole('button', { name: 'Exportieren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bericht als PDF exportieren' });
    const final = dialog.getByRole('radio', { name: 'Endfassung' });
    // Every section approved: once the dialog knows, the final version is the one chosen.
    await waitUntilTrue(
      page,
      `document.querySelector('dialog[open] input[value="final"]')?.checked === true`,
      'the final version to be chosen',
    );
    expect(await dialog.getByRole('radio', { name: 'Entwurf' }).isChecked()).toBe(false);
    await final.check();
    await dialog.getByRole('button', { name: 'Export starten' }).click();
    await dialog.getByText('Der Export ist fertig.').waitFor({ timeout: 90_000 });
    await dialog.getByText('PDF/A-2b: archivfähig.').waitFor();
    await dialog.getByText('1 Bild hat keinen Alternativtext.', { exact: false }).waitFor();
    const reference =
      '1 Querverweis ohne Ziel: in der Endfassung nur mit dem gemerkten Titel gedruckt, ohne Link.';
    await dialog.getByText(reference, { exact: false }).waitFor();
    await screenshot(page, 'export-04-final-without-alt');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    const row = card.getByRole('table', { name: 'Frühere Exporte' }).getByRole('row').nth(1);
    await row
      .getByRole('cell', { name: `Endfassung PDF/A-2b 1 Bild ohne Alternativtext ${reference}` })
      .waitFor();
  }, 150_000);

  it('shows an export another member asked for as soon as it is queued, and again when it is done', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: `Zwischenbericht ${randomUUID().slice(0, 4)}` });
    await createSection(lead, project.id, { title: 'Ausgangslage' });
    const author = await createParticipant(suite.app, lead, project.id, 'author');

    const page = await pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const card = page.getByRole('region', { name: 'Export' });
    await card.getByText('Noch keine Exporte.').waitFor();

    // Asked for elsewhere (the author's browser); this page only hears of it through its event stream.
    const res = await author.client.post(`/api/projects/${project.id}/exports`, { mode: 'draft' });
    expect(res.status).toBe(202);
    const row = card.getByRole('table', { name: 'Frühere Exporte' }).getByRole('row').nth(1);
    await row.getByRole('cell', { name: author.user.name, exact: true }).waitFor({ timeout: 30_000 });
    await row.getByText('Fertig').waitFor({ timeout: 90_000 });
    await row.getByRole('link', { name: /^PDF herunterladen/ }).waitFor();
    await screenshot(page, 'export-04-live');
  }, 150_000);
});
