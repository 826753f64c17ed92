import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createSection, type Person } from '../../apps/server/test/factories.js';
import {
  describeInBrowser,
  recordForeignRequests,
  screenshot,
  seriousA11yViolations,
} from './browser.js';
import { browserSuite } from './suite.js';
import { sectionTeam, storedText } from './people.js';

const EDITOR = '.ProseMirror';

/** A review step taken by `person` through the API, as another browser would. */
async function transition(person: Person, projectId: string, sectionId: string, action: 'submit' | 'approve'): Promise<void> {
  const res = await person.client.post(`/api/projects/${projectId}/sections/${sectionId}/transitions`, { action });
  if (res.status !== 200) {
    throw new Error(`${action} answered ${String(res.status)}: ${JSON.stringify(res.body)}`);
  }
}

/** Whether the page was loaded again since `markPage` (a reload would drop the marker). */
async function markPage(page: Page): Promise<() => Promise<boolean>> {
  const marker = randomUUID();
  await page.evaluate(`window.__kapitelTestMarker = '${marker}'`);
  return async () => (await page.evaluate<string | null>('window.__kapitelTestMarker ?? null')) === marker;
}

describeInBrowser('changes by others arrive live in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;


  const team = () => sectionTeam(suite.app, 'Open Source im Landkreis');


  it('keeps a reviewer’s editor read-only, and turns an author’s open editor read-only when the lead approves', async () => {
    const { lead, project, author, reviewer, section, url } = await team();

    // The author writes the first sentence.
    const authorPage = await pageOf(author);
    const foreign = recordForeignRequests(authorPage, suite.app.origin);
    await authorPage.goto(url);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Entwurf von Ali.');
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedText(lead, project.id, section.id)).toBe('Entwurf von Ali.');

    // The reviewer sees it, read-only, and why; typing changes nothing anywhere.
    const reviewerPage = await pageOf(reviewer);
    await reviewerPage.goto(url);
    await reviewerPage.getByText('Nur lesen: Als Prüferin/Prüfer können Sie den Text nicht ändern.').waitFor();
    const reviewerEditor = reviewerPage.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' });
    await reviewerEditor.getByText('Entwurf von Ali.').waitFor();
    expect(await reviewerEditor.getAttribute('contenteditable')).toBe('false');
    expect(await reviewerEditor.getAttribute('aria-readonly')).toBe('true');
    expect(await reviewerPage.getByRole('toolbar').count()).toBe(0);
    await reviewerPage.getByText('Verbunden', { exact: true }).waitFor();
    await screenshot(reviewerPage, 'live-01-reviewer-read-only');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);
    await reviewerEditor.click();
    await reviewerPage.keyboard.type('Prüferin war hier.');
    await reviewerPage.keyboard.press('Enter');
    await reviewerPage.waitForTimeout(1500);
    expect(await storedText(lead, project.id, section.id)).toBe('Entwurf von Ali.');
    await authorPage.locator(EDITOR).getByText('Entwurf von Ali.').waitFor();
    expect(await authorPage.locator(EDITOR).innerText()).not.toContain('Prüferin');
    // Nothing of the reviewer's typing is waiting to be sent: the editor never took it.
    expect(await reviewerPage.getByText('nicht gespeichert').count()).toBe(0);

    // The lead submits and approves (another browser, here the API): the author's open
    // editor turns read-only within seconds, without a reload, and says why.
    const stillSamePage = await markPage(authorPage);
    const authorEditor = authorPage.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' });
    expect(await authorEditor.getAttribute('contenteditable')).toBe('true');
    await transition(lead, project.id, section.id, 'submit');
    await authorPage.getByText('Nur lesen: Der Abschnitt ist in Prüfung.').waitFor({ timeout: 5000 });
    await transition(lead, project.id, section.id, 'approve');
    await authorPage.getByText('Nur lesen: Der Abschnitt ist freigegeben.').waitFor({ timeout: 5000 });
    expect(await authorEditor.getAttribute('contenteditable')).toBe('false');
    expect(await authorPage.getByRole('toolbar').count()).toBe(0);
    // The facts and the history follow too.
    await authorPage.getByRole('table', { name: 'Verlauf der Prüfschritte' }).getByText('von In Prüfung zu Freigegeben').waitFor();
    expect(await stillSamePage()).toBe(true);
    await authorEditor.click();
    await authorPage.keyboard.type('Nachträglich.');
    await authorPage.waitForTimeout(1000);
    expect(await storedText(lead, project.id, section.id)).toBe('Entwurf von Ali.');
    await screenshot(authorPage, 'live-02-author-after-approval');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
    expect(foreign).toEqual([]);
  }, 120_000);

  it('asks before submitting while another writer has the section open, and keeps that writer’s page still when the text turns read-only', async () => {
    const { lead, project, author, section, url } = await team();
    const leaPage = await pageOf(lead);
    await leaPage.goto(url);
    await leaPage.getByText('Alle Änderungen gespeichert').waitFor();
    await leaPage.locator(EDITOR).click();
    await leaPage.keyboard.type('Lea schreibt mit.');
    await leaPage.getByText('Alle Änderungen gespeichert').waitFor();

    const aliPage = await pageOf(author);
    await aliPage.goto(url);
    await aliPage.locator(EDITOR).getByText('Lea schreibt mit.').waitFor();
    await aliPage.getByRole('list', { name: 'Gerade in diesem Abschnitt' }).getByText('Lea Leitung', { exact: false }).first().waitFor();
    // Lea (a lead, who may write) is in the section: the submit asks first, and names her.
    const submit = aliPage.getByRole('button', { name: 'Zur Prüfung einreichen' });
    await submit.click();
    const check = aliPage.getByRole('group', { name: 'Trotzdem zur Prüfung einreichen?' });
    await check.getByText('Gerade im Abschnitt und zum Schreiben berechtigt: Lea Leitung.', { exact: false }).waitFor();
    expect(await aliPage.evaluate<string | null>('document.activeElement?.textContent ?? null')).toBe('Ja, einreichen');
    await screenshot(aliPage, 'live-02-submit-check');
    expect(await seriousA11yViolations(aliPage)).toEqual([]);
    await aliPage.keyboard.press('Escape');
    expect(await check.count()).toBe(0);
    expect(await aliPage.evaluate<string | null>('document.activeElement?.textContent ?? null')).toBe('Zur Prüfung einreichen');
    await submit.click();
    await check.getByRole('button', { name: 'Ja, einreichen' }).click();
    await aliPage.getByText('Neuer Status: In Prüfung.').waitFor();

    // Lea types on into text that is read-only now: her page does not scroll away.
    await leaPage.getByText('Nur lesen: Der Abschnitt ist in Prüfung.').waitFor();
    const scrolled = await leaPage.evaluate<number>('window.scrollY');
    for (let i = 0; i < 5; i += 1) {
      await leaPage.keyboard.press('Space');
    }
    // The focus stayed in the text (it fell to the page before, where Space scrolls).
    expect(await leaPage.evaluate<boolean>(`document.activeElement === document.querySelector('${EDITOR}')`)).toBe(true);
    expect(await leaPage.evaluate<number>('window.scrollY')).toBe(scrolled);
    expect(await storedText(lead, project.id, section.id)).toBe('Lea schreibt mit.');
  });

  it('shows a writer back in everyone’s presence at once when the network returns', async () => {
    const { lead, author, url } = await team();
    const leaPage = await pageOf(lead);
    const aliPage = await pageOf(author);
    await leaPage.goto(url);
    await aliPage.goto(url);
    const present = (page: Page, name: string) =>
      page.getByRole('list', { name: 'Gerade in diesem Abschnitt' }).getByText(name, { exact: false }).first();
    await present(leaPage, 'Ali Autor').waitFor();
    await present(aliPage, 'Lea Leitung').waitFor();

    await aliPage.context().setOffline(true);
    await aliPage.getByText('Verbindung wird wiederhergestellt', { exact: false }).first().waitFor();
    await present(leaPage, 'Ali Autor').waitFor({ state: 'detached' });
    await aliPage.context().setOffline(false);
    await aliPage.getByText('Verbunden', { exact: true }).waitFor();
    // Without waiting for the next renewal of presence (every 15 s): both see each other again.
    await present(leaPage, 'Ali Autor').waitFor({ timeout: 8000 });
    await present(aliPage, 'Lea Leitung').waitFor({ timeout: 8000 });
  });

  it('shows a section the lead adds on an author’s open project page, without a reload', async () => {
    const { lead, project, author } = await team();
    const authorPage = await pageOf(author);
    await authorPage.goto(`${suite.app.origin}/projects/${project.id}`);
    await authorPage.getByRole('link', { name: '1 Ausgangslage', exact: true }).waitFor();
    await authorPage.getByRole('progressbar', { name: '0 von 1 Abschnitten freigegeben' }).waitFor();
    const stillSamePage = await markPage(authorPage);
    await screenshot(authorPage, 'live-03-author-project');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);

    await createSection(lead, project.id, { title: 'Ausblick' });
    await authorPage.getByRole('link', { name: '2 Ausblick', exact: true }).waitFor({ timeout: 5000 });
    await authorPage.getByRole('progressbar', { name: '0 von 2 Abschnitten freigegeben' }).waitFor({ timeout: 5000 });
    expect(await stillSamePage()).toBe(true);
    await screenshot(authorPage, 'live-04-author-project-updated');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
  }, 60_000);

  it('keeps the connection of a writer who is alone in a section for longer than half a minute', async () => {
    // y-websocket reconnects after 30 s without a message; the server echoes nothing to its sender.
    const { author, url } = await team();
    const authorPage = await pageOf(author);
    let sockets = 0;
    authorPage.on('websocket', () => {
      sockets += 1;
    });
    await authorPage.goto(url);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await authorPage.waitForTimeout(36_000);
    expect(sockets).toBe(1);
    await authorPage.getByText('Verbunden · Alle Änderungen gespeichert').waitFor({ timeout: 1000 });
  }, 90_000);

  it('tells an author on an open section page that their access ended when the lead removes them', async () => {
    const { lead, project, author, url } = await team();
    const authorPage = await pageOf(author);
    await authorPage.goto(url);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();

    const removed = await lead.client.delete(`/api/projects/${project.id}/members/${author.user.id}`);
    expect(removed.status).toBeLessThan(300);
    await authorPage.getByText('Ihr Zugang zu diesem Projekt wurde beendet.').waitFor({ timeout: 5000 });
    expect(await authorPage.locator(EDITOR).count()).toBe(0);
    await authorPage.getByRole('link', { name: 'Zu Ihren Projekten' }).waitFor();
    await screenshot(authorPage, 'live-05-author-removed');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
  }, 60_000);

  it('takes an author whose session ended in another tab to the sign-in page, which returns to the section', async () => {
    const { author, url } = await team();
    const editorTab = await pageOf(author);
    await editorTab.goto(url);
    await editorTab.getByText('Alle Änderungen gespeichert').waitFor();
    // Another tab of the same browser signs out: the same session ends, for both tabs.
    const otherTab = await editorTab.context().newPage();
    await otherTab.goto(url);
    await otherTab.getByRole('button', { name: 'Abmelden' }).click();
    await otherTab.waitForURL('**/login');

    // No request of the editor tab has to fail first: the server says the session ended.
    await editorTab.waitForURL((target) => target.pathname === '/login' && target.searchParams.get('next') === new URL(url).pathname, { timeout: 5000 });
    await editorTab.getByText('Ihre Sitzung wurde beendet. Melden Sie sich erneut an, um weiterzuarbeiten.').waitFor();
    await editorTab.getByRole('button', { name: 'Anmelden' }).waitFor();
    await screenshot(editorTab, 'live-06-signed-out');
    expect(await seriousA11yViolations(editorTab)).toEqual([]);
  }, 60_000);
});
