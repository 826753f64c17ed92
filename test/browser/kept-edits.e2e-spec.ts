import type { Page } from 'playwright-core';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam, storedText, typeHeldBack } from './people.js';
import { browserSuite } from './suite.js';

/**
 * Edits the server has not stored are kept in the browser (localStorage) until it has them,
 * so that a tab that closes or a page that is left loses nothing: the next visit to the
 * section brings them back and stores them.
 */

const SAVED = 'Verbunden · Alle Änderungen gespeichert';
const RESTORED = /Nicht gespeicherte Änderungen vom .* wurden wiederhergestellt/;

/** The keys of the kept edits in the page's localStorage. */
function keptKeys(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`Object.keys(localStorage).filter((key) => key.startsWith('kapitel.unsent.'))`);
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out: ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeInBrowser('unsent edits kept in the browser, in Chromium', () => {
  const suite = browserSuite();
  const { contextOf } = suite;

  /** The author's section page, with `typed` typed while the server gets nothing, and kept in the browser. */
  async function typeUnsent(page: Page, url: string, typed: string): Promise<{ holding: boolean }> {
    const held = await typeHeldBack(page, url, typed);
    await until(async () => (await keptKeys(page)).length === 1, 'the edits are kept');
    return held;
  }

  it('brings back edits a closed tab could not send, on the next visit, and stores them', async () => {
    const { lead, author, project, section, url } = await sectionTeam(suite.app, 'Absturz');
    const context = await contextOf(author);
    const first = await context.newPage();
    await typeUnsent(first, url, 'Vor dem Schließen geschrieben.');
    // Closed without asking, as a crash or a forced close would.
    await first.close({ runBeforeUnload: false });
    expect(await storedText(lead, project.id, section.id)).toBe('');

    const second = await context.newPage();
    await second.goto(url);
    await second.getByText(RESTORED).waitFor();
    await second.getByText(SAVED).waitFor({ timeout: 15_000 });
    expect(await storedText(lead, project.id, section.id)).toBe('Vor dem Schließen geschrieben.');
    await second.getByText(/wurden wiederhergestellt und gespeichert/).waitFor();
    await until(async () => (await keptKeys(second)).length === 0, 'nothing kept once stored');
    expect(await seriousA11yViolations(second)).toEqual([]);
    await screenshot(second, 'kept-edits-01-restored');
  }, 60_000);

  it('keeps unsent edits when the author leaves the section within the app, and stores them on return', async () => {
    const { lead, author, project, section, url } = await sectionTeam(suite.app, 'Weggeklickt');
    const page = await (await contextOf(author)).newPage();
    const held = await typeUnsent(page, url, 'Beim Wechseln getippt.');

    await page.getByRole('link', { name: new RegExp(`^← ${project.title}`) }).click();
    await page.getByRole('heading', { name: project.title }).waitFor();
    expect(await keptKeys(page)).toHaveLength(1);

    held.holding = false;
    await page.getByRole('link', { name: 'Ausgangslage' }).first().click();
    await page.getByText(RESTORED).waitFor();
    await page.getByText(SAVED).waitFor({ timeout: 15_000 });
    expect(await storedText(lead, project.id, section.id)).toBe('Beim Wechseln getippt.');
  }, 60_000);

  it('shows kept edits after a reload also when the author may no longer write: unsaved, to be copied, and still kept', async () => {
    const { lead, author, project, section, url } = await sectionTeam(suite.app, 'Herabgestuft');
    const context = await contextOf(author);
    const first = await context.newPage();
    await typeUnsent(first, url, 'Offline getippt.');
    const demoted = await lead.client.patch(`/api/projects/${project.id}/members/${author.user.id}`, { role: 'reader' });
    expect(demoted.status).toBe(200);
    await first.close({ runBeforeUnload: false });

    const second = await context.newPage();
    await second.goto(url);
    await second.getByText(/wurden wiederhergestellt\. Gespeichert werden können sie erst, wenn Sie den Abschnitt wieder bearbeiten dürfen/).waitFor();
    await second.locator('.ProseMirror', { hasText: 'Offline getippt.' }).waitFor();
    await second.getByText('Ihre letzten Änderungen wurden nicht gespeichert', { exact: false }).waitFor();
    await second.getByRole('button', { name: 'Text kopieren' }).waitFor();
    expect(await storedText(lead, project.id, section.id)).toBe('');
    await until(async () => (await keptKeys(second)).length === 1, 'the edits still kept');
    await screenshot(second, 'kept-edits-03-read-only');
    expect(await seriousA11yViolations(second)).toEqual([]);
  }, 60_000);

  it('keeps nothing in the browser after the author signs out, even with edits unsent', async () => {
    const { author, url } = await sectionTeam(suite.app, 'Abgemeldet');
    const page = await (await contextOf(author)).newPage();
    await typeUnsent(page, url, 'Verworfen.');

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('button', { name: 'Trotzdem abmelden' }).click();
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    expect(await keptKeys(page)).toEqual([]);
  }, 60_000);
});
