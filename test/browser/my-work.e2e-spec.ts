import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Section } from '@kapitel/domain';
import { createProject, createSection, registerUser, type Person } from '../../apps/server/test/factories.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { joinProject } from './people.js';
import { browserSuite } from './suite.js';

/** The aria-pressed of the filter's toggle (a string: the tests have no DOM types). */
function pressed(page: Page): Promise<string | null> {
  return page.getByRole('button', { name: 'Nur meine Abschnitte' }).getAttribute('aria-pressed');
}

/** The text of the element that has the keyboard focus. */
function focusedText(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`document.activeElement?.textContent ?? null`);
}

async function patch(lead: Person, section: Section, body: Record<string, unknown>): Promise<void> {
  const res = await lead.client.patch(`/api/projects/${section.projectId}/sections/${section.id}`, body);
  if (res.status !== 200) {
    throw new Error(`assigning answered ${String(res.status)}`);
  }
}

async function step(person: Person, section: Section, action: 'submit' | 'approve'): Promise<void> {
  const res = await person.client.post(
    `/api/projects/${section.projectId}/sections/${section.id}/transitions`,
    { action },
  );
  if (res.status !== 200) {
    throw new Error(`${action} answered ${String(res.status)}`);
  }
}

describeInBrowser('my sections in Chromium', () => {
  const suite = browserSuite();

  /**
   * Alpha: Vorwort (the lead's, approved), 1 Ausgangslage with 1.1 Bestand (Ali's, overdue),
   * 2 Ziele (nobody's), 3 Fazit (Ali's, no due date). Beta: 1 Prüfbericht, in review with
   * Ali as its reviewer, due in the future.
   */
  async function twoProjects() {
    const tag = randomUUID().slice(0, 4);
    const lead = await registerUser(suite.app, { name: 'Lea Leitung', organisation: 'Stadt Musterstadt' });
    const alpha = await createProject(lead, { title: `Alpha ${tag}` });
    const beta = await createProject(lead, { title: `Beta ${tag}` });
    const ali = await joinProject(suite.app, lead, alpha.id, 'Ali Autor', 'author');
    const invitation = await lead.client.post<{ token: string }>(`/api/projects/${beta.id}/invitations`, {
      email: ali.user.email,
      role: 'reviewer',
    });
    await ali.client.post(`/api/invitations/${invitation.body.token}/accept`);

    const foreword = await createSection(lead, alpha.id, { title: 'Vorwort', numbered: false });
    const chapter = await createSection(lead, alpha.id, { title: 'Ausgangslage' });
    const stock = await createSection(lead, alpha.id, { title: 'Bestand', parentId: chapter.id });
    await createSection(lead, alpha.id, { title: 'Ziele' });
    const closing = await createSection(lead, alpha.id, { title: 'Fazit' });
    await patch(lead, foreword, { assigneeIds: [lead.user.id] });
    await step(lead, foreword, 'submit');
    await step(lead, foreword, 'approve');
    await patch(lead, stock, { assigneeIds: [ali.user.id], dueDate: '2020-01-15' });
    await patch(lead, closing, { assigneeIds: [ali.user.id] });
    const report = await createSection(lead, beta.id, { title: 'Prüfbericht' });
    await patch(lead, report, {
      assigneeIds: [lead.user.id],
      reviewerId: ali.user.id,
      dueDate: '2099-03-01',
    });
    await step(lead, report, 'submit');
    return { lead, ali, alpha, beta, stock };
  }

  it('lists my sections across projects by due date, and each project its progress and my open sections', async () => {
    const { ali, alpha, beta } = await twoProjects();
    const page = await suite.pageOf(ali);
    await page.goto(`${suite.app.origin}/projects`);
    const panel = page.getByRole('region', { name: 'Meine Abschnitte' });
    await panel.getByRole('link', { name: '1.1 Bestand' }).waitFor();

    const items = panel.getByRole('listitem');
    expect(await items.allInnerTexts()).toEqual([
      expect.stringMatching(
        /^1\.1 Bestand\s+Projekt: Alpha .*Entwurf.*Sie schreiben.*Fällig am 15\.01\.2020.*überfällig/s,
      ),
      expect.stringMatching(
        /^1 Prüfbericht\s+Projekt: Beta .*In Prüfung.*Sie prüfen.*Fällig am 01\.03\.2099/s,
      ),
      expect.stringMatching(/^3 Fazit\s+Projekt: Alpha .*Entwurf.*Sie schreiben.*Ohne Fälligkeit/s),
    ]);
    expect(await items.nth(1).innerText()).not.toContain('überfällig');

    const alphaCard = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: alpha.title }) });
    await alphaCard.getByRole('progressbar', { name: '1 von 5 Abschnitten freigegeben' }).waitFor();
    await alphaCard.getByRole('link', { name: '2 Abschnitte für Sie offen' }).waitFor();
    const betaCard = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: beta.title }) });
    await betaCard.getByRole('progressbar', { name: '0 von 1 Abschnitten freigegeben' }).waitFor();
    await betaCard.getByRole('link', { name: '1 Abschnitt für Sie offen' }).waitFor();
    await screenshot(page, 'my-work-01-projects');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // 320 px wide (400 % zoom): everything wraps, nothing to scroll sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await screenshot(page, 'my-work-03-projects-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    await panel.getByRole('link', { name: '1.1 Bestand' }).click();
    await page.getByRole('heading', { level: 1, name: '1.1 Bestand' }).waitFor();
    expect(page.url()).toContain(`/projects/${alpha.id}/sections/`);
  });

  it('says so when nothing is mine', async () => {
    const lead = await registerUser(suite.app);
    await createProject(lead, { title: `Leer ${randomUUID().slice(0, 4)}` });
    const page = await suite.pageOf(lead);
    await page.goto(`${suite.app.origin}/projects`);
    const panel = page.getByRole('region', { name: 'Meine Abschnitte' });
    await panel
      .getByText('Ihnen ist zurzeit kein Abschnitt zugewiesen, und keiner wartet auf Ihre Prüfung.')
      .waitFor();
    await page.getByText('Noch keine Abschnitte').waitFor();
    await page.getByText('Nichts für Sie offen').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('region', { name: 'My sections' })
      .getByText('No section is assigned to you at the moment, and none awaits your review.')
      .waitFor();
    await page.getByText('No sections yet').waitFor();
    await page.getByText('Nothing open for you').waitFor();
  });

  it('shows a section assigned meanwhile when the person comes back to the tab', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: `Gamma ${randomUUID().slice(0, 4)}` });
    const ali = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    const page = await suite.pageOf(ali);
    await page.goto(`${suite.app.origin}/projects`);
    const panel = page.getByRole('region', { name: 'Meine Abschnitte' });
    await panel.getByText('Ihnen ist zurzeit kein Abschnitt zugewiesen', { exact: false }).waitFor();

    // Meanwhile, in another tab or on another computer:
    const section = await createSection(lead, project.id, { title: 'Ausblick' });
    await patch(lead, section, { assigneeIds: [ali.user.id] });
    // The tab shows again (the browser says so with this event).
    await page.evaluate(`document.dispatchEvent(new Event('visibilitychange'))`);
    await panel.getByRole('link', { name: '1 Ausblick' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: project.title }) })
      .getByRole('link', { name: '1 Abschnitt für Sie offen' })
      .waitFor();
  });

  it('filters the outline to my sections, with their parents greyed, kept in the address through back and reload', async () => {
    const { ali, alpha } = await twoProjects();
    const page = await suite.pageOf(ali);
    await page.goto(`${suite.app.origin}/projects`);
    // The card's count leads to the outline, filtered.
    const alphaCard = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: alpha.title }) });
    await alphaCard.getByRole('link', { name: '2 Abschnitte für Sie offen' }).click();
    await page.getByRole('heading', { level: 1, name: alpha.title }).waitFor();
    expect(new URL(page.url()).searchParams.get('meine')).toBe('1');
    const outline = page.getByRole('list', { name: 'Gliederung' }).first();
    await outline.getByRole('link', { name: '1.1 Bestand' }).waitFor();
    expect(await pressed(page)).toBe('true');
    await page.getByRole('status').filter({ hasText: 'Ihre Abschnitte: 2 von 5.' }).waitFor();
    // The links' whole text, also what only screen readers get.
    const shown = async (): Promise<string[]> =>
      (await page.locator('.outline-card__tree').getByRole('link').allTextContents()).map((text) =>
        text.replace(/\s+/g, ' ').trim(),
      );
    const filtered = ['1 Ausgangslage (übergeordneter Abschnitt)', '1.1 Bestand', '3 Fazit'];
    expect(await shown()).toEqual(filtered);
    // The parent is context: greyed, and named so for screen readers.
    await outline.getByRole('link', { name: '1 Ausgangslage (übergeordneter Abschnitt)' }).waitFor();
    await screenshot(page, 'my-work-02-outline-filtered');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // To a section and back: still filtered. A reload too.
    await outline.getByRole('link', { name: '3 Fazit' }).click();
    await page.getByRole('heading', { level: 1, name: '3 Fazit' }).waitFor();
    await page.goBack();
    await outline.getByRole('link', { name: '1.1 Bestand' }).waitFor();
    expect(await pressed(page)).toBe('true');
    expect(await shown()).toEqual(filtered);
    await page.reload();
    await outline.getByRole('link', { name: '1.1 Bestand' }).waitFor();
    expect(await pressed(page)).toBe('true');
    expect(await shown()).toEqual(filtered);

    // Off by keyboard: everything again, announced, and the address forgets it.
    await page.getByRole('button', { name: 'Nur meine Abschnitte' }).focus();
    await page.keyboard.press('Space');
    await outline.getByRole('link', { name: '2 Ziele' }).waitFor();
    expect(await pressed(page)).toBe('false');
    await page
      .getByRole('status')
      .filter({ hasText: 'Alle Abschnitte gezeigt.' })
      .waitFor({ state: 'attached' });
    await screenshot(page, 'my-work-04-outline-all');
    expect(await shown()).toEqual(['Vorwort', '1 Ausgangslage', '1.1 Bestand', '2 Ziele', '3 Fazit']);
    expect(new URL(page.url()).searchParams.has('meine')).toBe(false);
    // And on again with Enter.
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Ihre Abschnitte: 2 von 5.' }).waitFor();
    expect(new URL(page.url()).searchParams.get('meine')).toBe('1');
  });

  it('shows a lead the filter without move buttons, and an empty filter a way back to all sections', async () => {
    const { lead, beta } = await twoProjects();
    const page = await suite.pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${beta.id}`);
    const outline = page.getByRole('list', { name: 'Gliederung' }).first();
    await outline.getByRole('button', { name: '„Prüfbericht“ nach oben verschieben' }).waitFor();
    await page.getByRole('button', { name: 'Nur meine Abschnitte' }).click();
    await page.getByRole('status').filter({ hasText: 'Ihre Abschnitte: 1 von 1.' }).waitFor();
    await outline.getByRole('button', { name: '„Prüfbericht“ bearbeiten' }).waitFor();
    expect(await outline.getByRole('button', { name: '„Prüfbericht“ nach oben verschieben' }).count()).toBe(
      0,
    );

    // A reviewer of nothing in review here: the filter finds nothing, and says so.
    const rita = await joinProject(suite.app, lead, beta.id, 'Rita Prüfer', 'reviewer');
    const ritaPage = await suite.pageOf(rita);
    await ritaPage.goto(`${suite.app.origin}/projects/${beta.id}?meine=1`);
    await ritaPage
      .getByText('In diesem Projekt ist Ihnen kein Abschnitt zugewiesen, und keiner wartet auf Ihre Prüfung.')
      .waitFor();
    await ritaPage.getByRole('button', { name: 'Alle Abschnitte zeigen' }).click();
    await ritaPage.getByRole('link', { name: '1 Prüfbericht' }).waitFor();
    expect(await focusedText(ritaPage)).toBe('Nur meine Abschnitte');
    expect(await pressed(ritaPage)).toBe('false');
  });
});
