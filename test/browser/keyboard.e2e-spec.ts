import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { registerUser } from '../../apps/server/test/factories.js';
import { describeInBrowser, PASSWORD, screenshot } from './browser.js';
import { joinProject } from './people.js';
import { browserSuite } from './suite.js';

/** Tag and label (aria-label, a <label>, or the text) of the focused element; strings: the tests have no DOM types. */
function focused(page: Page): Promise<string> {
  return page.evaluate<string>(
    `(() => {
      const element = document.activeElement;
      const label = element?.getAttribute('aria-label') ?? element?.labels?.[0]?.textContent ?? element?.textContent ?? '';
      return (element?.tagName ?? '') + ' ' + label;
    })()`,
  );
}

describeInBrowser('keeping the keyboard focus where the work is, in Chromium', () => {
  const suite = browserSuite();
  const { pageOf, newPage } = suite;

  it('puts the focus on a new project’s heading, keeps it on a role the lead changed, and on a cancelled removal', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const page = await pageOf(lead);
    await page.goto(`${suite.app.origin}/`);
    const title = `Tastaturprojekt ${randomUUID().slice(0, 4)}`;
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Titel', { exact: true }).press('Enter');
    // The project page loads before it has a heading: the focus waits for it.
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expectFocus(page, `H1 ${title}`);

    const projectId = new URL(page.url()).pathname.split('/')[2];
    await joinProject(suite.app, lead, projectId, 'Rita Prüfer', 'reviewer');
    await page.reload();
    const role = page.getByLabel('Rolle von Rita Prüfer', { exact: true });
    await role.selectOption('author');
    await role.press('Tab');
    await expectFocus(page, 'BUTTON Rolle von Rita Prüfer speichern');
    await page.keyboard.press('Enter');
    await page.getByText('Die Rolle von Rita Prüfer ist jetzt: Autorin/Autor.').waitFor();
    // The save button is gone with the change; the focus is back on the role.
    await expectFocus(page, 'SELECT Rolle von Rita Prüfer');

    // A removal asked about and cancelled with Escape: the focus returns to the button.
    await page.getByRole('button', { name: 'Rita Prüfer entfernen' }).focus();
    await page.keyboard.press('Enter');
    await expectFocus(page, 'BUTTON Ja, entfernen');
    await page.keyboard.press('Escape');
    await expectFocus(page, 'BUTTON Rita Prüfer entfernen');

    // A refused invitation takes the notice of the one before away.
    await page.getByLabel('E-Mail-Adresse der eingeladenen Person').fill('neu@example.org');
    await page.getByRole('button', { name: 'Einladung erstellen' }).click();
    const created = page.getByText('Einladung für neu@example.org erstellt.', { exact: false });
    await created.first().waitFor();
    await page.getByLabel('E-Mail-Adresse der eingeladenen Person').fill('neu');
    await page.getByRole('button', { name: 'Einladung erstellen' }).click();
    await page.getByText('Bitte geben Sie eine gültige E-Mail-Adresse ein', { exact: false }).waitFor();
    expect(await created.count()).toBe(0);

    // 320 px wide (400 % zoom): nothing to scroll sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('heading', { name: 'Abschnitt hinzufügen' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
  }, 60_000);

  it('draws no focus ring on a heading the app focused, and one on every control reached with Tab', async () => {
    const page = await newPage();
    // The first load leads to the sign-in page, whose heading takes the focus for screen readers.
    await page.goto(`${suite.app.origin}/`);
    await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
    await expectFocus(page, 'H1 Anmelden');
    expect(await focusOutline(page)).toBe('none');
    await screenshot(page, 'keyboard-01-sign-in-heading');

    // Everything Tab reaches from there shows where the focus is.
    const seen: string[] = [];
    for (let step = 0; step < 12; step += 1) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (now.startsWith('BODY') || seen.includes(now)) {
        break; // past the last control, or round again
      }
      expect(`${now}: ${await focusOutline(page)}`).toBe(`${now}: solid`);
      if (seen.length === 0) {
        await screenshot(page, 'keyboard-02-tab-focus');
      }
      seen.push(now);
    }
    // Fields, buttons and links alike.
    expect(seen.some((entry) => entry.startsWith('INPUT '))).toBe(true);
    expect(seen.some((entry) => entry.startsWith('BUTTON '))).toBe(true);
    expect(seen.some((entry) => entry.startsWith('A '))).toBe(true);
  }, 30_000);

  it('marks the e-mail field when an account with that address exists', async () => {
    const existing = await registerUser(suite.app, { name: 'Erika Erste' });
    const page = await newPage();
    await page.goto(`${suite.app.origin}/register`);
    await page.getByLabel('Name').fill('Zweite Person');
    await page.getByLabel('E-Mail-Adresse').fill(existing.user.email);
    await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    const email = page.getByLabel('E-Mail-Adresse');
    await page.locator('input[name="email"][aria-invalid="true"]').waitFor();
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    const description = await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent();
    expect(description).toContain('Für diese E-Mail-Adresse gibt es bereits ein Konto.');
    // Said at the field only, not once more in an alert above the form.
    expect(await page.getByText('Für diese E-Mail-Adresse gibt es bereits ein Konto.').count()).toBe(1);
    expect(await page.evaluate<string | null>(`document.activeElement?.getAttribute('name') ?? null`)).toBe('email');
  }, 30_000);

  it('lists the parts of a lead\'s long project page at its top, and a link takes the keyboard there', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const created = await lead.client.post<{ project: { id: string } }>('/api/projects', { title: `Seitenteile ${randomUUID().slice(0, 4)}` });
    const projectId = created.body.project.id;
    const author = await joinProject(suite.app, lead, projectId, 'Ali Autor', 'author');

    const page = await pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${projectId}`);
    const nav = page.getByRole('navigation', { name: 'Auf dieser Seite' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Gliederung', 'Suche', 'Abkürzungen', 'Quellen', 'Export', 'Mitglieder', 'Einstellungen und Löschen']);
    await screenshot(page, 'keyboard-04-project-parts');
    await nav.getByRole('link', { name: 'Mitglieder' }).focus();
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#members');
    // The next Tab starts in the members' part (the browser's focus start moved there).
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>(`document.getElementById('members').contains(document.activeElement)`)).toBe(true);

    // An author, who cannot change the settings, is not offered them.
    const authorPage = await pageOf(author);
    await authorPage.goto(`${suite.app.origin}/projects/${projectId}`);
    const authorNav = authorPage.getByRole('navigation', { name: 'Auf dieser Seite' });
    await authorNav.waitFor();
    expect(await authorNav.getByRole('link').allTextContents()).toEqual(['Gliederung', 'Suche', 'Abkürzungen', 'Quellen', 'Export', 'Mitglieder']);
  });
});

/** The outline style of the focused element as drawn: "none", or "solid" for the focus ring. */
function focusOutline(page: Page): Promise<string> {
  return page.evaluate<string>(
    `document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'no focus'`,
  );
}

async function expectFocus(page: Page, expected: string): Promise<void> {
  const deadline = Date.now() + 5000;
  let actual = await focused(page);
  while (actual !== expected && Date.now() < deadline) {
    await page.waitForTimeout(50);
    actual = await focused(page);
  }
  expect(actual).toBe(expected);
}
