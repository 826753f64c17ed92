import type { Page } from 'playwright-core';
import { createParticipant, createSection, type Person } from '../../apps/server/test/factories.js';
import { doc, paragraph, setContent, text } from '../../apps/server/test/e2e/export-support.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam, waitFor } from './people.js';
import { browserSuite } from './suite.js';
import { pressToolbar } from './toolbar.js';

const EDITOR = '.ProseMirror';

/** The words the cross-references in the text show, in order (what the eye sees, not the screen reader's text). */
const refTo = (sectionId: string) => ({ type: 'sectionRef', attrs: { sectionId, title: 'Kosten' } });

function chips(page: Page): Promise<string[]> {
  return page.locator(`${EDITOR} .section-ref [aria-hidden="true"]:not(.section-ref__icon)`).allTextContents();
}


/** The cross-references of the section's stored text, as the server has them. */
async function storedReferences(person: Person, projectId: string, sectionId: string): Promise<unknown[]> {
  const res = await person.client.get<{ json: unknown }>(`/api/projects/${projectId}/sections/${sectionId}/content`);
  if (res.status !== 200) {
    throw new Error(`content answered ${String(res.status)}`);
  }
  const found: unknown[] = [];
  const visit = (node: unknown): void => {
    const { type, attrs, content } = node as { type?: string; attrs?: unknown; content?: unknown[] };
    if (type === 'sectionRef') {
      found.push(attrs);
    }
    content?.forEach(visit);
  };
  visit(res.body.json);
  return found;
}

/** Opens the toolbar's cross-reference button from the keyboard (focus, Enter), as a keyboard user does. */
async function openDialogByKeyboard(page: Page, name: string): Promise<void> {
  await pressToolbar(page, name);
  await page.getByRole('dialog', { name }).waitFor();
}

describeInBrowser('cross-references in Chromium', () => {
  const suite = browserSuite();

  it('lets an author point to other sections by keyboard, and shows their numbers live as the outline changes', async () => {
    const { lead, project, author, section, url } = await sectionTeam(suite.app, 'Verweisbericht');
    const costs = await createSection(lead, project.id, { title: 'Kosten' });
    const operation = await createSection(lead, project.id, { title: 'Betrieb' });
    const staff = await createSection(lead, project.id, { title: 'Personal', parentId: operation.id });
    const annex = await createSection(lead, project.id, { title: 'Anhang', numbered: false });
    const api = `/api/projects/${project.id}/sections`;

    const page = await suite.pageOf(author);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.locator(EDITOR).click();
    await page.keyboard.type('Zu den Kosten siehe ');

    // The dialog lists the other sections (not this one), numbered and indented as the outline.
    await openDialogByKeyboard(page, 'Querverweis einfügen');
    const dialog = page.getByRole('dialog', { name: 'Querverweis einfügen' });
    const targets = dialog.getByRole('group', { name: 'Ziel des Verweises' });
    await targets.getByRole('radio').first().waitFor();
    expect(await targets.locator('label').allInnerTexts()).toEqual(['2 Kosten', '3 Betrieb', '3.1 Personal', 'Anhang']);
    // The filter has the focus; one match left, Enter takes it.
    await page.keyboard.type('kost');
    await dialog.getByText('1 von 4 Abschnitten').waitFor();
    await screenshot(page, 'cross-refs-01-dialog');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // The focus is back in the text, after the reference.
    await page.keyboard.type(', zum Personal ');
    await waitFor(() => chips(page), ['Kapitel 2'], 'the first reference');

    // Into the list with the arrow keys: the first match, then the next.
    await openDialogByKeyboard(page, 'Querverweis einfügen');
    await page.keyboard.type('3');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await targets.getByRole('radio', { name: '3.1 Personal' }).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.type(' und zu den Tabellen ');
    await openDialogByKeyboard(page, 'Querverweis einfügen');
    await page.keyboard.type('Anh');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.type('.');
    await waitFor(() => chips(page), ['Kapitel 2', 'Abschnitt 3.1', '„Anhang“'], 'three references');
    // Screen readers hear what the reference is and where it points.
    await page.locator(`${EDITOR} .section-ref`).nth(1).getByText('Querverweis: Abschnitt 3.1 „Personal“').waitFor({ state: 'attached' });
    expect(await page.locator(`${EDITOR} .section-ref`).first().getAttribute('title')).toBe('2 Kosten – Strg+Klick öffnet den Abschnitt');

    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedReferences(author, project.id, section.id)).toEqual([
      { sectionId: costs.id, title: 'Kosten' },
      { sectionId: staff.id, title: 'Personal' },
      { sectionId: annex.id, title: 'Anhang' },
    ]);
    await screenshot(page, 'cross-refs-02-chips');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The lead moves "Kosten" behind "Betrieb" and renames the annex: the open page follows.
    expect((await lead.client.post(`${api}/${costs.id}/move`, { parentId: null, position: 2 })).status).toBe(200);
    expect((await lead.client.patch(`${api}/${annex.id}`, { title: 'Anlagen' })).status).toBe(200);
    await waitFor(() => chips(page), ['Kapitel 3', 'Abschnitt 2.1', '„Anlagen“'], 'the labels of the new outline');

    // A target in the trash: a warning with the title the reference kept.
    expect((await lead.client.delete(`${api}/${staff.id}`)).status).toBe(204);
    await waitFor(() => chips(page), ['Kapitel 3', 'Verweis fehlt: „Personal“', '„Anlagen“'], 'the missing target');
    await screenshot(page, 'cross-refs-03-missing');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A selected reference is changed, not joined by a second: the dialog starts on its target.
    await page.locator(`${EDITOR} .section-ref`).first().click();
    await openDialogByKeyboard(page, 'Querverweis ändern');
    const changing = page.getByRole('dialog', { name: 'Querverweis ändern' });
    expect(await changing.getByRole('radio', { name: '3 Kosten' }).isChecked()).toBe(true);
    // The keyboard's way to follow it: a link to its target in the dialog.
    expect(await changing.getByRole('link', { name: 'Zum Abschnitt „Kosten“ gehen' }).getAttribute('href')).toBe(
      `/projects/${project.id}/sections/${costs.id}`,
    );
    await page.keyboard.type('Betrieb');
    await page.keyboard.press('Enter');
    await changing.waitFor({ state: 'detached' });
    await waitFor(() => chips(page), ['Kapitel 2', 'Verweis fehlt: „Personal“', '„Anlagen“'], 'the changed reference');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedReferences(author, project.id, section.id)).toEqual([
      { sectionId: operation.id, title: 'Betrieb' },
      { sectionId: staff.id, title: 'Personal' },
      { sectionId: annex.id, title: 'Anhang' },
    ]);

    // While editing, Ctrl+click follows a reference.
    await page.locator(`${EDITOR} .section-ref`).first().click({ modifiers: ['Control'] });
    await page.waitForURL(`${suite.app.origin}/projects/${project.id}/sections/${operation.id}`);
    await page.getByRole('heading', { level: 1, name: '2 Betrieb' }).waitFor();
  }, 120_000);

  it('makes each reference a link in a read-only text, followed within the app', async () => {
    const { lead, project, author, url } = await sectionTeam(suite.app, 'Verweisbericht');
    const costs = await createSection(lead, project.id, { title: 'Kosten' });
    const reader = await createParticipant(suite.app, lead, project.id, 'reader');
    const authorPage = await suite.pageOf(author);
    await authorPage.goto(url);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Siehe ');
    await openDialogByKeyboard(authorPage, 'Querverweis einfügen');
    await authorPage.keyboard.type('Kosten');
    await authorPage.keyboard.press('Enter');
    await waitFor(() => chips(authorPage), ['Kapitel 2'], 'the reference');
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();

    const page = await suite.pageOf(reader);
    await page.goto(url);
    const link = page.getByRole('link', { name: 'Querverweis: Kapitel 2 „Kosten“' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/projects/${project.id}/sections/${costs.id}`);
    expect(await page.getByRole('button', { name: 'Querverweis einfügen' }).count()).toBe(0);
    await screenshot(page, 'cross-refs-04-reader-link');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // By keyboard, and without loading the page anew: what the page holds stays.
    await page.evaluate(`(() => { window.keptAcrossNavigation = true; })()`);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${suite.app.origin}/projects/${project.id}/sections/${costs.id}`);
    await page.getByRole('heading', { level: 1, name: '2 Kosten' }).waitFor();
    expect(await page.evaluate<boolean>(`window.keptAcrossNavigation === true`)).toBe(true);
  }, 90_000);

  it('tells the lead, before a section goes to the trash, which texts refer to it', async () => {
    const { lead, project, section } = await sectionTeam(suite.app, 'Verweisbericht');
    const costs = await createSection(lead, project.id, { title: 'Kosten' });
    const annex = await createSection(lead, project.id, { title: 'Anhang', numbered: false });
    // Two texts refer to "Kosten", written as an author's editor would store them.
    await setContent(suite.app, section.id, doc(paragraph(text('Siehe '), refTo(costs.id), text(' und '), refTo(costs.id))));
    await setContent(suite.app, annex.id, doc(paragraph(refTo(costs.id))));

    const page = await suite.pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    await page.getByRole('button', { name: '„Kosten“ bearbeiten' }).click();
    await page
      .getByText('Querverweise auf diesen Abschnitt stehen in: 1 Ausgangslage (2×), Anhang. Im Papierkorb zeigen sie „Verweis fehlt“.')
      .waitFor();
    await screenshot(page, 'cross-refs-05-before-trash');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
