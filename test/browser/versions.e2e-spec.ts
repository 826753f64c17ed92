import type { Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import {
  describeInBrowser,
  recordForeignRequests,
  screenshot,
  seriousA11yViolations,
} from './browser.js';
import { browserSuite } from './suite.js';
import { editorText, sectionTeam, storedText } from './people.js';

const EDITOR = '.ProseMirror';
const FIRST = 'Der erste Entwurf des Abschnitts.';
const MORE = ' Am Nachmittag ergänzt.';

/** Waits until the editor holds exactly `expected`. */
async function waitForEditorText(page: Page, expected: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let text = (await editorText(page)).trim();
  while (text !== expected) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${JSON.stringify(expected)}; the editor holds ${JSON.stringify(text)}`,
      );
    }
    await page.waitForTimeout(100);
    text = (await editorText(page)).trim();
  }
}

/** The aria-label, or else the text, of the element that has the keyboard focus. */
function focusedName(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(
    `document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null`,
  );
}

/** A named version stored through the API, as another browser would. */
async function saveVersion(
  person: Person,
  projectId: string,
  sectionId: string,
  label: string,
): Promise<string> {
  const res = await person.client.post(`/api/projects/${projectId}/sections/${sectionId}/versions`, {
    label,
  });
  if (res.status !== 201) {
    throw new Error(`save version answered ${String(res.status)}: ${JSON.stringify(res.body)}`);
  }
  return (res.body as { version: { id: string } }).version.id;
}

describeInBrowser('versions of a section in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;


  const team = () => sectionTeam(suite.app, 'Klimabericht');


  it('lets the author save a version, look at it and restore it, by keyboard, with the text before kept', async () => {
    const { lead, project, author, section, url } = await team();
    const page = await pageOf(author);
    const foreign = recordForeignRequests(page, suite.app.origin);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.locator(EDITOR).click();
    await page.keyboard.type(FIRST);
    await page.getByText('Alle Änderungen gespeichert').waitFor();

    const panel = page.getByRole('region', { name: 'Versionen' });
    await panel.getByText('Noch keine Versionen.').waitFor();
    const label = panel.getByRole('textbox', { name: 'Bezeichnung der neuen Version' });

    // An empty label is explained at the field, which gets the focus.
    await panel.getByRole('button', { name: 'Version speichern' }).click();
    await panel.getByText('Bitte füllen Sie dieses Feld aus.').waitFor();
    expect(await label.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate<string | null>(`document.activeElement?.getAttribute('name') ?? null`)).toBe(
      'label',
    );

    await label.fill('Erster Entwurf');
    await label.press('Enter');
    await panel
      .getByRole('status')
      .getByText('Gespeichert: Der aktuelle Text ist als Version „Erster Entwurf“ gesichert.')
      .waitFor();
    const list = panel.getByRole('table', { name: 'Gespeicherte Versionen' });
    await list.getByRole('row', { name: /Erster Entwurf Ali Autor/ }).waitFor();
    expect(await label.inputValue()).toBe('');

    // More text after the version was saved.
    await page.locator(EDITOR).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(MORE);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedText(lead, project.id, section.id)).toBe(`${FIRST}${MORE}`);
    await screenshot(page, 'versions-01-author-saved');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The version opens in a modal dialog, with the focus on its title, showing the old text.
    const open = list.getByRole('button', { name: 'Ansehen: Erster Entwurf' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Version: Erster Entwurf' });
    await dialog.waitFor();
    expect(await focusedName(page)).toBe('Version: Erster Entwurf');
    const text = dialog.getByRole('region', { name: 'Text der Version' });
    await text.getByText(FIRST).waitFor();
    expect(await text.innerText()).not.toContain('Nachmittag');
    await dialog.getByText('Gespeichert von Ali Autor am').waitFor();
    await screenshot(page, 'versions-02-author-dialog');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Escape closes it and the focus returns to its button; Enter opens it again.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Ansehen: Erster Entwurf');
    await page.keyboard.press('Enter');
    await dialog.getByRole('region', { name: 'Text der Version' }).getByText(FIRST).waitFor();

    // Restore asks first, in place; Escape only takes the question back.
    const restore = dialog.getByRole('button', { name: 'Wiederherstellen' });
    await restore.focus();
    await page.keyboard.press('Enter');
    const question = dialog.getByRole('group', {
      name: 'Der aktuelle Text wird als Version gesichert und durch diese Version ersetzt.',
    });
    await question.waitFor();
    expect(await focusedName(page)).toBe('Ja, wiederherstellen');
    await screenshot(page, 'versions-03-author-confirm');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await focusedName(page)).toBe('Wiederherstellen');

    await page.keyboard.press('Enter');
    await question.waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await panel
      .getByRole('status')
      .getByText(
        'Wiederhergestellt: Der Text entspricht jetzt „Erster Entwurf“. Der vorherige Text ist als Version gesichert.',
      )
      .waitFor();
    // The open editor shows the old text again, through its live connection (no reload).
    await waitForEditorText(page, FIRST);
    expect(await storedText(lead, project.id, section.id)).toBe(FIRST);
    await list.getByRole('rowheader', { name: 'Vor der Wiederherstellung von „Erster Entwurf“' }).waitFor();
    expect(await focusedName(page)).toBe('Ansehen: Erster Entwurf');

    // The version kept before the restore holds the text that was replaced.
    await list
      .getByRole('button', { name: 'Ansehen: Vor der Wiederherstellung von „Erster Entwurf“' })
      .click();
    const before = page.getByRole('dialog', {
      name: 'Version: Vor der Wiederherstellung von „Erster Entwurf“',
    });
    await before.getByRole('region', { name: 'Text der Version' }).getByText(`${FIRST}${MORE}`).waitFor();
    await before.getByRole('button', { name: 'Schließen' }).click();
    await before.waitFor({ state: 'detached' });
    await screenshot(page, 'versions-04-author-restored');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
  }, 120_000);

  it('shows a reviewer the versions, live, without save or restore, and says in the open text who restored one', async () => {
    const { project, author, reviewer, section, url } = await team();
    const first = await saveVersion(author, project.id, section.id, 'Erster Entwurf');

    const page = await pageOf(reviewer);
    await page.goto(url);
    await page.getByText('Nur lesen: Als Prüferin/Prüfer können Sie den Text nicht ändern.').waitFor();
    const panel = page.getByRole('region', { name: 'Versionen' });
    const list = panel.getByRole('table', { name: 'Gespeicherte Versionen' });
    await list.getByRole('row', { name: /Erster Entwurf Ali Autor/ }).waitFor();
    // The visible heading names the table, and only it: no caption says the same words again.
    const heading = panel.getByRole('heading', { name: 'Gespeicherte Versionen', level: 3 });
    expect(await list.getAttribute('aria-labelledby')).toBe(await heading.getAttribute('id'));
    expect(await list.locator('caption').count()).toBe(0);
    expect(await panel.getByText('Gespeicherte Versionen', { exact: true }).count()).toBe(1);
    expect(await panel.getByRole('textbox').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Version speichern' }).count()).toBe(0);

    // A version the author saves elsewhere appears without a reload.
    await saveVersion(author, project.id, section.id, 'Nach der Sitzung');
    await list.getByRole('rowheader', { name: 'Nach der Sitzung' }).waitFor({ timeout: 5000 });
    await screenshot(page, 'versions-05-reviewer-list');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await list.getByRole('button', { name: 'Ansehen: Erster Entwurf' }).click();
    const dialog = page.getByRole('dialog', { name: 'Version: Erster Entwurf' });
    // Saved before anyone wrote: the dialog says so instead of showing an empty frame.
    await dialog
      .getByRole('region', { name: 'Text der Version' })
      .getByText('Diese Version enthält keinen Text.')
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Wiederherstellen' }).count()).toBe(0);
    await screenshot(page, 'versions-06-reviewer-dialog');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Schließen' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Ansehen: Erster Entwurf');

    // The author restores a version elsewhere: the open text says who replaced it, until dismissed.
    const restored = await author.client.post(
      `/api/projects/${project.id}/sections/${section.id}/versions/${first}/restore`,
    );
    expect(restored.status).toBe(200);
    const notice = page
      .getByRole('status')
      .getByText('Ali Autor hat eben eine frühere Version dieses Abschnitts wiederhergestellt', { exact: false });
    await notice.waitFor({ timeout: 5000 });
    await screenshot(page, 'versions-07-reviewer-restored-notice');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Verstanden' }).click();
    await notice.waitFor({ state: 'detached' });
    // The focus goes to the text, not to the page's start.
    expect(await page.evaluate<boolean>(`document.activeElement?.classList.contains('ProseMirror') ?? false`)).toBe(true);
  }, 90_000);
});
