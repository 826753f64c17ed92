import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { hashToken } from '../../apps/server/src/modules/auth/session.service.js';
import { createProject, invite, registerUser, type Person } from '../../apps/server/test/factories.js';
import { describeInBrowser, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { editorText, holdBackWhile, sectionTeam, storedText } from './people.js';
import { browserSuite } from './suite.js';

/**
 * What a writer sees and keeps when the live connection ends for good reasons rather than a
 * network blip: the section moved to the trash (and back), the access ended (and given
 * again), the right to write taken (and given back), the session expired.
 */

const SAVED = 'Verbunden · Alle Änderungen gespeichert';

/** Whether the page was loaded again since `markPage` (a reload would drop the marker). */
async function markPage(page: Page): Promise<() => Promise<boolean>> {
  const marker = randomUUID();
  await page.evaluate(`window.__kapitelTestMarker = '${marker}'`);
  return async () => (await page.evaluate<string | null>('window.__kapitelTestMarker ?? null')) === marker;
}

/** Whether the focused element matches `selector` and lies wholly within the window. */
async function focusedInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const focused = document.activeElement;
    if (focused === null || !focused.matches(${JSON.stringify(selector)})) return false;
    const box = focused.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  })()`);
}

async function expectStatus(response: Promise<{ status: number }>, status: number): Promise<void> {
  expect((await response).status).toBe(status);
}

describeInBrowser('the end of a live editing connection, in Chromium', () => {
  const suite = browserSuite();
  const { pageOf, contextOf } = suite;

  /** The author writes `text` into the open section and waits until it is stored. */
  async function write(page: Page, text: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(text);
    await page.getByText(SAVED).waitFor();
  }

  /** The lead lets `person` back in as an author (a new invitation, accepted) and assigns the section again. */
  async function letBackIn(lead: Person, person: Person, projectId: string, sectionId: string): Promise<void> {
    const invitation = await invite(lead, projectId, person.user.email, 'author');
    await expectStatus(person.client.post(`/api/invitations/${invitation.token}/accept`), 200);
    await expectStatus(lead.client.patch(`/api/projects/${projectId}/sections/${sectionId}`, { assigneeIds: [person.user.id] }), 200);
  }

  it('tells everyone with the section open that it is in the trash, shows the lead the way there, and brings the text back by itself once restored', async () => {
    const { lead, author, project, section, url } = await sectionTeam(suite.app, 'Papierkorb');
    const authorPage = await pageOf(author);
    const held = { holding: false };
    await holdBackWhile(authorPage, held);
    await authorPage.goto(url);
    await write(authorPage, 'Vor dem Papierkorb.');
    const leadPage = await pageOf(lead);
    await leadPage.goto(url);
    await leadPage.getByText(SAVED).waitFor();
    const stillSamePage = await markPage(authorPage);
    // The author's last words are still on their way when the section goes.
    held.holding = true;
    await authorPage.keyboard.type(' Unterwegs.');
    await authorPage.getByText('Änderungen werden gespeichert', { exact: false }).waitFor();

    await expectStatus(lead.client.delete(`/api/projects/${project.id}/sections/${section.id}`), 204);

    for (const page of [authorPage, leadPage]) {
      await page.getByText('Dieser Abschnitt liegt im Papierkorb.').waitFor({ timeout: 5000 });
      await page.getByText('Wird er wiederhergestellt, erscheint der Text hier von selbst wieder.').waitFor();
      expect(await page.getByText('keinen Zugriff mehr', { exact: false }).count()).toBe(0);
      // No "not found, try again" above it, and no review or versions acting on a section the server no longer shows.
      expect(await page.getByRole('button', { name: 'Erneut versuchen' }).count()).toBe(0);
      await page.getByRole('region', { name: 'Versionen' }).waitFor({ state: 'detached' });
      expect(await page.getByRole('region', { name: 'Prüfung' }).count()).toBe(0);
      // Nor comments, which the server no longer shows for it either.
      expect(await page.getByRole('region', { name: 'Kommentare', exact: true }).count()).toBe(0);
    }
    expect(await editorText(leadPage)).toBe('Vor dem Papierkorb.');
    expect(await editorText(authorPage)).toBe('Vor dem Papierkorb. Unterwegs.');
    await authorPage.getByText('Ihre letzten Änderungen sind nicht gespeichert', { exact: false }).waitFor();
    await authorPage.getByRole('button', { name: 'Text kopieren' }).waitFor();
    held.holding = false;
    // Only the lead can restore it, and is told where.
    await leadPage.getByText('Sie können ihn auf der Projektseite unter „Papierkorb“ wiederherstellen.').waitFor();
    const toTrash = leadPage.getByRole('link', { name: 'Zur Projektseite mit dem Papierkorb' });
    expect(await toTrash.getAttribute('href')).toBe(`/projects/${project.id}#papierkorb`);
    expect(await authorPage.getByRole('link', { name: 'Zur Projektseite mit dem Papierkorb' }).count()).toBe(0);
    const authorEditor = authorPage.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' });
    expect(await authorEditor.getAttribute('aria-readonly')).toBe('true');
    await screenshot(leadPage, 'endings-01-lead-trashed');
    expect(await seriousA11yViolations(leadPage)).toEqual([]);

    await expectStatus(lead.client.post(`/api/projects/${project.id}/sections/${section.id}/restore`), 200);

    for (const page of [authorPage, leadPage]) {
      await page.getByText(SAVED).waitFor({ timeout: 10_000 });
      expect(await page.getByText('Dieser Abschnitt liegt im Papierkorb.').count()).toBe(0);
      await page.getByRole('region', { name: 'Versionen' }).waitFor();
      await page.getByRole('region', { name: 'Kommentare', exact: true }).waitFor();
    }
    await authorPage.getByRole('button', { name: 'Zur Prüfung einreichen' }).waitFor();
    // What was on its way is stored once the section is back.
    expect(await storedText(lead, project.id, section.id)).toBe('Vor dem Papierkorb. Unterwegs.');
    expect(await authorEditor.getAttribute('contenteditable')).toBe('true');
    await write(authorPage, ' Und danach.');
    expect(await storedText(lead, project.id, section.id)).toBe('Vor dem Papierkorb. Unterwegs. Und danach.');
    expect(await stillSamePage()).toBe(true);

    // In the trash again: the lead's link leads straight to the trash on the project page,
    // scrolled there with the keyboard focus on its heading once it has loaded, to restore it from there.
    await expectStatus(lead.client.delete(`/api/projects/${project.id}/sections/${section.id}`), 204);
    await toTrash.click();
    const trash = leadPage.getByRole('region', { name: 'Papierkorb', exact: true });
    await trash.getByRole('button', { name: '„Ausgangslage“ wiederherstellen' }).waitFor();
    expect(await trash.getAttribute('id')).toBe('papierkorb');
    expect(new URL(leadPage.url()).pathname).toBe(`/projects/${project.id}`);
    expect(new URL(leadPage.url()).hash).toBe('#papierkorb');
    await waitUntilTrue(leadPage, `document.activeElement?.matches('#papierkorb h2') === true`, 'the trash heading to have focus', 5000);
    expect(await leadPage.evaluate<string | null>('document.activeElement?.textContent ?? null')).toBe('Papierkorb');
    expect(await focusedInView(leadPage, '#papierkorb h2')).toBe(true);
    await screenshot(leadPage, 'endings-01b-lead-at-trash');
    expect(await seriousA11yViolations(leadPage)).toEqual([]);
    await trash.getByRole('button', { name: '„Ausgangslage“ wiederherstellen' }).click();
    await authorPage.getByText(SAVED).waitFor({ timeout: 10_000 });
    expect(await editorText(authorPage)).toBe('Vor dem Papierkorb. Unterwegs. Und danach.');
  }, 120_000);

  it('says plainly that an author’s unsent changes could not be saved when the lead removes them, keeps them to copy, and saves them after a new invitation', async () => {
    const { lead, author, project, section, url } = await sectionTeam(suite.app, 'Entfernt');
    const context = await contextOf(author, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const held = { holding: false };
    await holdBackWhile(page, held);
    await page.goto(url);
    await write(page, 'Erster Satz.');
    const panels = ['Prüfung', 'Verlauf', 'Versionen', 'Kommentare'].map((name) => page.getByRole('region', { name, exact: true }));
    for (const panel of panels) {
      await panel.waitFor();
    }
    const stillSamePage = await markPage(page);
    held.holding = true;
    await page.keyboard.type(' Noch nicht gesendet.');
    await page.getByText('Änderungen werden gespeichert', { exact: false }).waitFor();

    await expectStatus(lead.client.delete(`/api/projects/${project.id}/members/${author.user.id}`), 204);

    await page.getByText('Ihr Zugang zu diesem Projekt wurde beendet.').waitFor({ timeout: 5000 });
    await page
      .getByText('Ihr Zugriff auf diesen Abschnitt wurde beendet, bevor der Server Ihre letzten Änderungen bestätigt hat.', { exact: false })
      .waitFor();
    await page.getByText('Verbindung beendet · Letzte Änderungen nicht gespeichert').waitFor();
    // Review, history, versions and comments, whose every step would now be refused, are gone while the access has ended.
    for (const panel of panels) {
      await panel.waitFor({ state: 'detached' });
    }
    expect(await page.getByRole('button', { name: 'Zur Prüfung einreichen' }).count()).toBe(0);
    // The text stays, read-only, with what was never sent.
    expect(await editorText(page)).toBe('Erster Satz. Noch nicht gesendet.');
    const text = page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' });
    expect(await text.getAttribute('aria-readonly')).toBe('true');
    await page.getByRole('button', { name: 'Text kopieren' }).click();
    await page.getByText('Der Text ist in der Zwischenablage.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe('Erster Satz. Noch nicht gesendet.');
    await screenshot(page, 'endings-02-removed-unsaved');
    expect(await seriousA11yViolations(page)).toEqual([]);
    held.holding = false;
    // Trying again too early is refused, and changes nothing else.
    await page.getByRole('button', { name: 'Erneut verbinden' }).click();
    await page.getByText('Die Verbindung wurde wieder abgelehnt: Sie haben noch keinen Zugriff.').waitFor();
    expect(await editorText(page)).toBe('Erster Satz. Noch nicht gesendet.');
    expect(await page.getByRole('region', { name: 'Versionen', exact: true }).count()).toBe(0);

    await letBackIn(lead, author, project.id, section.id);

    // The page follows without a reload, and the text the server never had is stored now.
    await page.getByText(SAVED).waitFor({ timeout: 20_000 });
    expect(await page.getByText('Ihr Zugang zu diesem Projekt wurde beendet.').count()).toBe(0);
    expect(await storedText(lead, project.id, section.id)).toBe('Erster Satz. Noch nicht gesendet.');
    expect(await text.getAttribute('contenteditable')).toBe('true');
    // Back with the access, loaded anew: the author can submit the section again.
    for (const panel of panels) {
      await panel.waitFor();
    }
    await page.getByRole('region', { name: 'Prüfung', exact: true }).getByRole('button', { name: 'Zur Prüfung einreichen' }).waitFor();
    expect(await stillSamePage()).toBe(true);
  }, 90_000);

  it('comes back after a new invitation also when nothing was left unsaved, without a reload', async () => {
    const { lead, author, project, section, url } = await sectionTeam(suite.app, 'Wieder da');
    const page = await pageOf(author);
    await page.goto(url);
    await write(page, 'Gespeichert.');
    const stillSamePage = await markPage(page);

    await expectStatus(lead.client.delete(`/api/projects/${project.id}/members/${author.user.id}`), 204);
    await page.getByText('Ihr Zugang zu diesem Projekt wurde beendet.').waitFor({ timeout: 5000 });
    await letBackIn(lead, author, project.id, section.id);

    await page.getByText(SAVED).waitFor({ timeout: 20_000 });
    expect(await editorText(page)).toBe('Gespeichert.');
    await write(page, ' Weiter.');
    expect(await storedText(lead, project.id, section.id)).toBe('Gespeichert. Weiter.');
    expect(await stillSamePage()).toBe(true);
  }, 90_000);

  it('tells an author whose role became reader that the last changes were not saved, keeps them to copy, and stores them once writing is allowed again', async () => {
    const { lead, author, project, section, url } = await sectionTeam(suite.app, 'Leserin');
    const page = await pageOf(author);
    const held = { holding: false };
    await holdBackWhile(page, held);
    await page.goto(url);
    await write(page, 'Anfang.');
    held.holding = true;
    await page.keyboard.type(' Unterwegs.');
    await page.getByText('Änderungen werden gespeichert', { exact: false }).waitFor();

    await expectStatus(lead.client.patch(`/api/projects/${project.id}/members/${author.user.id}`, { role: 'reader' }), 200);
    held.holding = false;

    await page
      .getByText('Ihre letzten Änderungen wurden nicht gespeichert, weil Sie den Text mit Ihrer Rolle nicht mehr ändern können.')
      .waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: 'Text kopieren' }).waitFor();
    expect(await editorText(page)).toBe('Anfang. Unterwegs.');
    expect(await storedText(lead, project.id, section.id)).toBe('Anfang.');
    await screenshot(page, 'endings-03-reader-unsaved');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await expectStatus(lead.client.patch(`/api/projects/${project.id}/members/${author.user.id}`, { role: 'author' }), 200);
    await expectStatus(lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, { assigneeIds: [author.user.id] }), 200);

    await page.getByText(SAVED).waitFor({ timeout: 10_000 });
    expect(await storedText(lead, project.id, section.id)).toBe('Anfang. Unterwegs.');
  }, 60_000);

  it('takes someone on a project page to the sign-in page when the session expires, with no request of theirs failing first', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: `Ablauf ${randomUUID().slice(0, 4)}` });
    const token = decodeURIComponent(/kapitel_session=([^;]+)/.exec(lead.client.cookie ?? '')?.[1] ?? '');
    const page = await pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    await page.getByRole('heading', { name: project.title }).waitFor();

    // Expires in four seconds; the stream now open was opened with it. (The notification bell asks every 30 s.)
    const updated = await suite.app.db.query(`UPDATE sessions SET expires_at = now() + interval '4 seconds' WHERE token_hash = $1`, [
      hashToken(token),
    ]);
    expect(updated.rowCount).toBe(1);
    await page.reload();
    await page.getByRole('heading', { name: project.title }).waitFor();

    await page.getByText('Ihre Sitzung wurde beendet. Melden Sie sich erneut an, um weiterzuarbeiten.').waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe('/login');
  }, 60_000);
});
