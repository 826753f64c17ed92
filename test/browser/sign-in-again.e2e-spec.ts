import type { Page } from 'playwright-core';
import { PASSWORD, type Person } from '../../apps/server/test/factories.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam, storedText, typeHeldBack } from './people.js';
import { browserSuite } from './suite.js';

/**
 * A session that ends (expiry, a logout in another tab) while the page holds edits the
 * server has not stored: the page stays, and signing in again right there stores them.
 */

const SAVED = 'Verbunden · Alle Änderungen gespeichert';
const TEXTBOX = 'Text des Abschnitts „Ausgangslage“';

describeInBrowser('signing in again without losing unsaved edits, in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;

  /** The author's section page with `Ungesendet.` typed but held back from the server. */
  async function withUnsentEdits(author: Person, url: string): Promise<{ page: Page; held: { holding: boolean } }> {
    const page = await pageOf(author);
    return { page, held: await typeHeldBack(page, url, 'Ungesendet.') };
  }

  /** The session of `person` ends elsewhere: a logout with the same session (another tab). */
  async function endSessionElsewhere(person: Person): Promise<void> {
    const res = await person.client.post('/api/auth/logout');
    expect(res.status).toBe(204);
  }

  it('keeps the page with the unsent edits when the session ends, and stores them once the author signs in again there', async () => {
    const { lead, author, project, section, url } = await sectionTeam(suite.app, 'Wieder anmelden');
    const { page, held } = await withUnsentEdits(author, url);

    await endSessionElsewhere(author);
    const dialog = page.getByRole('dialog', { name: 'Bitte melden Sie sich wieder an' });
    await dialog.waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(url).pathname);
    // The edits are still in the text behind the dialog. The focus is on its title, not in the
    // password field: words typed on after the session ended go nowhere, not into a password.
    expect(await page.locator('.ProseMirror').innerText()).toContain('Ungesendet.');
    expect(await page.evaluate<string | null>('document.activeElement?.textContent ?? null')).toBe('Bitte melden Sie sich wieder an');
    await page.keyboard.type('weiter im Text');
    expect(await dialog.getByLabel('Passwort').inputValue()).toBe('');
    expect(await dialog.getByLabel('E-Mail-Adresse').inputValue()).toBe(author.user.email);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-again-01-dialog');

    // A wrong password is said so, and the dialog stays.
    await dialog.getByLabel('Passwort').fill('falsch falsch falsch');
    await dialog.getByRole('button', { name: 'Wieder anmelden' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.isVisible()).toBe(true);

    held.holding = false;
    await dialog.getByLabel('Passwort').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Wieder anmelden' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(SAVED).waitFor({ timeout: 15_000 });
    expect(await storedText(lead, project.id, section.id)).toBe('Ungesendet.');
    // The page goes on live: the project's event stream is back too.
    await page.getByRole('textbox', { name: TEXTBOX }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Weiter.');
    await page.getByText(SAVED).waitFor();
    expect(await storedText(lead, project.id, section.id)).toBe('Ungesendet. Weiter.');
  }, 60_000);

  it('goes to the sign-in page when the author gives the unsent edits up', async () => {
    const { author, url } = await sectionTeam(suite.app, 'Verwerfen');
    const { page } = await withUnsentEdits(author, url);

    await endSessionElsewhere(author);
    const dialog = page.getByRole('dialog', { name: 'Bitte melden Sie sich wieder an' });
    await dialog.getByRole('button', { name: 'Änderungen verwerfen' }).click();
    await dialog.getByRole('button', { name: 'Verwerfen' }).click();
    await page.getByText('Ihre Sitzung wurde beendet. Melden Sie sich erneut an, um weiterzuarbeiten.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  }, 60_000);

  it('goes straight to the sign-in page when the session ends with everything saved', async () => {
    const { author, url } = await sectionTeam(suite.app, 'Alles gespeichert');
    const page = await pageOf(author);
    await page.goto(url);
    await page.getByText(SAVED).waitFor();

    await endSessionElsewhere(author);
    await page.getByText('Ihre Sitzung wurde beendet. Melden Sie sich erneut an, um weiterzuarbeiten.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('dialog').count()).toBe(0);
  }, 60_000);

  it('asks before signing out while edits are unsent, and signs out without the dialog when told to', async () => {
    const { author, url } = await sectionTeam(suite.app, 'Abmelden');
    const { page } = await withUnsentEdits(author, url);

    await page.getByRole('button', { name: 'Abmelden' }).click();
    const question = page.getByRole('group', { name: /gehen beim Abmelden verloren/ });
    await question.waitFor();
    await question.getByRole('button', { name: 'Abbrechen' }).click();
    expect(new URL(page.url()).pathname).toBe(new URL(url).pathname);

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('button', { name: 'Trotzdem abmelden' }).click();
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('dialog').count()).toBe(0);
  }, 60_000);
});
