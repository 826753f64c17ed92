import type { Page } from 'playwright-core';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { editorText, sectionTeam, storedText } from './people.js';
import { browserSuite } from './suite.js';

/**
 * A part of the app's code that cannot be loaded (the server was updated while the page was
 * open, so the old chunk names are gone; or the network dropped the request) is said so in
 * its place, with a way to reload, instead of a blank page.
 */

const EDITOR = '.ProseMirror';
const TEXT = 'Der Entwurf bleibt stehen.';

/** Answers 404 for the chunks whose file name starts with `chunk`, as after an update of the server. */
async function chunkGone(page: Page, chunk: string): Promise<void> {
  await page.route(new RegExp(`/assets/${chunk}-[^/]+\\.js$`), (route) =>
    route.fulfill({ status: 404, body: 'Not Found' }),
  );
}

describeInBrowser('code that cannot be loaded, in Chromium', () => {
  const suite = browserSuite();

  it('keeps the editor and its text when the version dialog cannot be loaded, and reloading brings it back', async () => {
    const { author, project, section, url } = await sectionTeam(suite.app, 'Bericht nach dem Update');
    const saved = await author.client.post(`/api/projects/${project.id}/sections/${section.id}/versions`, {
      label: 'Erster Stand',
    });
    expect(saved.status).toBe(201);
    const page = await suite.pageOf(author);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.locator(EDITOR).click();
    await page.keyboard.type(TEXT);
    await page.getByText('Alle Änderungen gespeichert').waitFor();

    await chunkGone(page, 'version-dialog');
    await page.getByRole('button', { name: 'Ansehen: Erster Stand' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Kapitel wurde aktualisiert' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Bitte laden Sie die Seite neu.');
    // Only the dialog's place shows the notice: the editor, its text and the page stay.
    expect((await editorText(page)).trim()).toBe(TEXT);
    expect(await page.getByRole('heading', { name: 'Ausgangslage', level: 1 }).isVisible()).toBe(true);
    await screenshot(page, 'load-failures-01-version-dialog');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.unrouteAll();
    await notice.getByRole('button', { name: 'Seite neu laden' }).click();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.getByRole('button', { name: 'Ansehen: Erster Stand' }).click();
    await page.getByRole('dialog', { name: 'Version: Erster Stand' }).waitFor();
    expect(await storedText(author, project.id, section.id)).toBe(TEXT);
  }, 90_000);

  it('shows the notice in place of a page whose code cannot be loaded, and the next page works again', async () => {
    const { author, project, url } = await sectionTeam(suite.app, 'Bericht mit Lücke');
    const page = await suite.pageOf(author);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    await chunkGone(page, 'section-page');
    await page
      .getByRole('link', { name: /Ausgangslage/ })
      .first()
      .click();
    const notice = page.getByRole('alert').filter({ hasText: 'Kapitel wurde aktualisiert' });
    await notice.waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(url).pathname);
    // The header stays, so the way back is there.
    await page.getByRole('link', { name: 'Mein Konto' }).waitFor();
    await screenshot(page, 'load-failures-02-section-page');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goBack();
    await page.getByRole('heading', { name: project.title, level: 1 }).waitFor();
    expect(await notice.count()).toBe(0);
  }, 90_000);
});
