import { randomUUID } from 'node:crypto';
import type { Section } from '@kapitel/domain';
import type { Page } from 'playwright-core';
import { createProject, createSection, registerUser,} from '../../apps/server/test/factories.js';
import {
  describeInBrowser,
  recordForeignRequests,
  screenshot,
  seriousA11yViolations,
  waitUntilTrue,
} from './browser.js';
import { browserSuite } from './suite.js';
import { arrowToToolbar, clickToolbar } from './toolbar.js';
import { blocks, editorText, joinProject, storedText } from './people.js';

const EDITOR = '.ProseMirror';

/** Waits until the editor's text has exactly these blocks, and returns them. */
async function waitForText(page: Page, expected: string, what: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  let text = blocks(await editorText(page));
  while (text !== expected) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; the editor holds ${JSON.stringify(text)}`);
    }
    await page.waitForTimeout(100);
    text = blocks(await editorText(page));
  }
  return text;
}

/** The aria-label of the element that has the keyboard focus (a string: the tests have no DOM types). */
function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`document.activeElement?.getAttribute('aria-label') ?? null`);
}

describeInBrowser('writing a section together in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;


  it('shows each side the other one typing, with carets, formatting, presence and saving, and undoes only one’s own edit', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung', organisation: 'Stadt Musterstadt' });
    const project = await createProject(lead, { title: `Digitale Souveränität ${randomUUID().slice(0, 4)}` });
    const author = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    const section: Section = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const assigned = await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, {
      assigneeIds: [author.user.id],
    });
    expect(assigned.status).toBe(200);
    const url = `${suite.app.origin}/projects/${project.id}/sections/${section.id}`;

    const leadPage = await pageOf(lead);
    const authorPage = await pageOf(author);
    const foreign = [...recordForeignRequests(leadPage, suite.app.origin), ...recordForeignRequests(authorPage, suite.app.origin)];
    await Promise.all([leadPage.goto(url), authorPage.goto(url)]);
    for (const page of [leadPage, authorPage]) {
      await page.getByRole('heading', { name: '1 Ausgangslage', level: 1 }).waitFor();
      await page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' }).waitFor();
      await page.getByText('Alle Änderungen gespeichert').waitFor();
      await page.getByRole('toolbar', { name: 'Textformatierung' }).waitFor();
    }
    // Each sees the other in the list of who is here.
    await leadPage.getByRole('list', { name: 'Gerade in diesem Abschnitt' }).getByText('Ali Autor').waitFor();
    await authorPage.getByRole('list', { name: 'Gerade in diesem Abschnitt' }).getByText('Lea Leitung').waitFor();
    // Shown beside the initials, not only to a pointer's hover or a screen reader.
    const named = await authorPage.getByRole('list', { name: 'Gerade in diesem Abschnitt' }).getByText('Lea Leitung').boundingBox();
    expect(named?.width).toBeGreaterThan(40);
    await screenshot(authorPage, 'editor-01-author-opened');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);

    // The author writes; the lead sees it, and the author's caret with the author's name.
    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Die Stadt nutzt Open Source.');
    await waitForText(leadPage, 'Die Stadt nutzt Open Source.', 'the author’s sentence');
    await leadPage.locator('.collab-caret[data-name="Ali Autor"]').waitFor();
    // The name shows while the author types, then goes (it would cover the line above); the bar stays.
    const nameOpacity = () =>
      leadPage.evaluate<string>(`getComputedStyle(document.querySelector('.collab-caret[data-name="Ali Autor"]'), '::after').opacity`);
    expect(Number(await nameOpacity())).toBeGreaterThan(0.5);
    await leadPage.waitForTimeout(3500);
    expect(await nameOpacity()).toBe('0');

    // The lead's own second tab: its caret is named as such, not with the lead's name as if another person's.
    const secondTab = await leadPage.context().newPage();
    await secondTab.goto(url);
    await secondTab.getByText('Alle Änderungen gespeichert').waitFor();
    await secondTab.locator(EDITOR).click();
    await leadPage.locator('.collab-caret[data-name="Sie (anderes Fenster)"]').waitFor();
    expect(await leadPage.locator('.collab-caret[data-name="Lea Leitung"]').count()).toBe(0);
    await secondTab.close();

    // The lead adds a heading, a bold phrase and a list through the toolbar.
    await leadPage.locator(EDITOR).click();
    await leadPage.keyboard.press('Control+End');
    await leadPage.keyboard.press('Enter');
    await leadPage.keyboard.type('Seit 2024 auch in der Verwaltung.');
    await leadPage.keyboard.press('Enter');
    await leadPage.keyboard.type('Ziele');
    await leadPage.getByRole('button', { name: 'Überschrift H2' }).click();
    expect(await leadPage.getByRole('button', { name: 'Überschrift H2' }).getAttribute('aria-pressed')).toBe('true');
    await leadPage.keyboard.press('End');
    await leadPage.keyboard.press('Enter');
    await leadPage.getByRole('button', { name: 'Aufzählung' }).click();
    await leadPage.keyboard.type('Offene Standards');
    await leadPage.keyboard.press('Shift+Home');
    await leadPage.getByRole('button', { name: 'Fett' }).click();
    expect(await leadPage.getByRole('button', { name: 'Fett' }).getAttribute('aria-pressed')).toBe('true');
    await leadPage.keyboard.press('End');

    const together = 'Die Stadt nutzt Open Source.\nSeit 2024 auch in der Verwaltung.\nZiele\nOffene Standards';
    await waitForText(authorPage, together, 'the lead’s additions');
    const authorEditor = authorPage.locator(EDITOR);
    await authorEditor.locator('h2', { hasText: 'Ziele' }).waitFor();
    await authorEditor.locator('ul > li strong', { hasText: 'Offene Standards' }).waitFor();
    await authorPage.locator('.collab-caret[data-name="Lea Leitung"]').waitFor();
    await leadPage.getByText('Alle Änderungen gespeichert').waitFor();
    await screenshot(authorPage, 'editor-02-author-sees-lead');
    await screenshot(leadPage, 'editor-03-lead-formatted');
    expect(await seriousA11yViolations(leadPage)).toEqual([]);
    expect(await editorText(leadPage)).toBe(await editorText(authorPage));
    expect(blocks(await storedText(lead, project.id, section.id))).toBe(together);

    // The author adds to the first sentence, the lead to the list; the author undoes: only
    // the author's addition goes, on both sides and on the server.
    await authorPage.locator(EDITOR).locator('p', { hasText: 'Die Stadt nutzt' }).click();
    await authorPage.keyboard.press('End');
    await authorPage.keyboard.type(' Und spart dabei.');
    const withAddition = together.replace('Open Source.', 'Open Source. Und spart dabei.');
    await waitForText(leadPage, withAddition, 'the author’s addition');
    await leadPage.keyboard.press('Enter');
    await leadPage.keyboard.type('Eigene Rechenzentren');
    const withBoth = `${withAddition}\nEigene Rechenzentren`;
    await waitForText(authorPage, withBoth, 'the lead’s second item');
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();

    await authorPage.keyboard.press('Control+z');
    const undone = `${together}\nEigene Rechenzentren`;
    await waitForText(authorPage, undone, 'the undo on the author’s side');
    await waitForText(leadPage, undone, 'the undo on the lead’s side');
    await leadPage.locator(EDITOR).locator('h2', { hasText: 'Ziele' }).waitFor();
    await leadPage.locator(EDITOR).locator('ul > li strong', { hasText: 'Offene Standards' }).waitFor();
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await leadPage.getByText('Alle Änderungen gespeichert').waitFor();
    await screenshot(authorPage, 'editor-04-author-undid');
    expect(await editorText(leadPage)).toBe(await editorText(authorPage));
    expect(blocks(await storedText(lead, project.id, section.id))).toBe(undone);

    // The toolbar is one tab stop; arrow keys, Home and End move within it.
    const toolbar = leadPage.getByRole('toolbar', { name: 'Textformatierung' });
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
    await toolbar.getByRole('button', { name: 'Normaler Absatz' }).focus();
    await leadPage.keyboard.press('ArrowRight');
    expect(await focusedLabel(leadPage)).toBe('Überschrift H2');
    // Undo and redo come first; End reaches the last control ("Mehr", holding the tools that
    // do not fit in the row), and ArrowRight wraps to the first.
    await leadPage.keyboard.press('End');
    expect(await focusedLabel(leadPage)).toBe('Mehr');
    await leadPage.keyboard.press('ArrowRight');
    expect(await focusedLabel(leadPage)).toBe('Rückgängig');
    await leadPage.keyboard.press('Home');
    expect(await focusedLabel(leadPage)).toBe('Rückgängig');
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);

    // A link on a selected word: only web and mail addresses are taken.
    await leadPage.locator(EDITOR).getByText('Seit 2024 auch in der Verwaltung.').dblclick({ position: { x: 5, y: 5 } });
    await clickToolbar(leadPage, 'Link');
    const dialog = leadPage.getByRole('dialog', { name: 'Link bearbeiten' });
    await dialog.getByLabel('Adresse des Links').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Link setzen' }).click();
    await dialog.getByText('Bitte geben Sie eine Webadresse mit https:// oder http:// oder eine E-Mail-Adresse ein.').waitFor();
    await screenshot(leadPage, 'editor-05-link-dialog');
    expect(await seriousA11yViolations(leadPage)).toEqual([]);
    await dialog.getByLabel('Adresse des Links').fill('www.kommune.de');
    await dialog.getByRole('button', { name: 'Link setzen' }).click();
    await authorPage.locator(`${EDITOR} a[href="https://www.kommune.de"]`, { hasText: 'Seit' }).waitFor();
    expect(await dialog.count()).toBe(0);
    // What is typed right after the link is not part of it.
    await leadPage.keyboard.press('ArrowRight');
    await leadPage.keyboard.type('!');
    await authorPage.locator(EDITOR).getByText('Seit! 2024', { exact: false }).waitFor();
    expect(await authorPage.locator(`${EDITOR} a[href="https://www.kommune.de"]`).textContent()).toBe('Seit');

    // A table, with a row added below.
    await leadPage.locator(EDITOR).click();
    await leadPage.keyboard.press('Control+End');
    await clickToolbar(leadPage, 'Tabelle einfügen');
    await leadPage.keyboard.type('Kommune');
    await clickToolbar(leadPage, 'Zeile einfügen');
    await authorPage.locator(`${EDITOR} table th`, { hasText: 'Kommune' }).waitFor();
    await authorPage.locator(`${EDITOR} table tr`).nth(3).waitFor();
    await leadPage.getByText('Alle Änderungen gespeichert').waitFor();
    await screenshot(authorPage, 'editor-06-author-sees-table');
    expect(await editorText(leadPage)).toBe(await editorText(authorPage));
    expect(blocks(await storedText(lead, project.id, section.id))).toBe(blocks(await editorText(leadPage)));
    expect(foreign).toEqual([]);
  }, 120_000);

  it('inserts a table from the keyboard alone and types into its cells, and reads the status as sentences', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: `Tastatur ${randomUUID().slice(0, 4)}` });
    const section: Section = await createSection(lead, project.id, { title: 'Kennzahlen' });
    const page = await pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${section.id}`);
    const text = page.getByRole('textbox', { name: 'Text des Abschnitts „Kennzahlen“' });
    await text.waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    // The two parts of the status are two to a screen reader, not one run-together word.
    expect(await page.locator('.collab-status').ariaSnapshot()).toMatch(/Verbunden +Alle Änderungen gespeichert/);

    await text.focus();
    await page.keyboard.type('Vorher');
    const toolbar = page.getByRole('toolbar', { name: 'Textformatierung' });
    await page.keyboard.press('Shift+Tab');
    expect(await toolbar.locator('button:focus').count()).toBe(1);
    await arrowToToolbar(page, 'Tabelle einfügen');
    await page.keyboard.press('Enter');
    // From the keyboard the focus stays in the toolbar; Tab goes back to the text, at a
    // person's pace, and the cursor is in the new table's first cell.
    await page.keyboard.press('Tab');
    await page.waitForTimeout(100);
    await page.keyboard.type('Jahr', { delay: 50 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('Wert', { delay: 50 });
    await page.locator(`${EDITOR} table th`, { hasText: 'Jahr' }).waitFor();
    await page.locator(`${EDITOR} table th`, { hasText: 'Wert' }).waitFor();
    expect(await page.locator(EDITOR).locator('p', { hasText: 'Vorher' }).textContent()).toBe('Vorher');

    // In a table Tab only moves between cells; Escape is the way out, as the hint says
    // (on screen while the text has the focus, and in the text's description).
    await page
      .getByText('Esc verlässt den Text, Alt+F10 führt zur Werkzeugleiste (Esc von dort zurück). Tab rückt einen Listenpunkt ein, Umschalt+Tab rückt ihn aus. In einer Tabelle springt Tab zur nächsten Zelle, in der letzten fügt es eine Zeile an.')
      .waitFor();
    // Alt+F10 leads from anywhere in the text (here a table cell) to the toolbar, and Escape
    // back to where the cursor was: what is typed next goes into that cell.
    await page.keyboard.press('Alt+F10');
    expect(await toolbar.locator('button:focus').count()).toBe(1);
    await page.keyboard.press('Escape');
    // Tiptap gives the text the focus in the next frame.
    await waitUntilTrue(page, `document.activeElement?.classList.contains('ProseMirror') === true`, 'the focus back in the text');
    await page.keyboard.type(' 2026', { delay: 50 });
    await page.locator(`${EDITOR} table th`, { hasText: 'Wert 2026' }).waitFor();
    // Escape leaves the text for the next control after it: "Dokument einfügen" below it.
    await page.keyboard.press('Escape');
    expect(
      await page.evaluate<string | null>(
        `document.activeElement === document.body || document.activeElement?.closest('.ProseMirror') ? null : document.activeElement.textContent`,
      ),
    ).toBe('Dokument einfügen (Word, ODT) …');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(blocks(await storedText(lead, project.id, section.id))).toBe(blocks(await editorText(page)));
  }, 60_000);
  it('raises and lowers text, keeps them and Word’s headings when pasted, names shortcuts, hints in an empty text and on a phone keeps the tools in one line', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: `Formeln ${randomUUID().slice(0, 4)}` });
    const section: Section = await createSection(lead, project.id, { title: 'Klima' });
    // 1000 px: the text is as wide as the window and every tool is a button in the row (at
    // 1280 px, beside the comments, the raised and lowered text are in "Mehr").
    const page = await pageOf(lead, { viewport: { width: 1000, height: 800 } });
    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${section.id}`);
    const text = page.getByRole('textbox', { name: 'Text des Abschnitts „Klima“' });
    await page.getByText('Alle Änderungen gespeichert').waitFor();

    // The empty text shows where to write, but the hint is no content for a screen reader.
    const hint = page.locator(`${EDITOR} p[data-hint="Hier schreiben …"]`);
    await hint.waitFor();
    await screenshot(page, 'editor-07-empty-hint');
    expect(await text.ariaSnapshot()).not.toContain('Hier schreiben');

    // Tooltips name the shortcut; aria-keyshortcuts says it to screen readers.
    const toolbar = page.getByRole('toolbar', { name: 'Textformatierung' });
    const bold = toolbar.getByRole('button', { name: 'Fett' });
    expect(await bold.getAttribute('title')).toBe('Fett (Strg+B)');
    expect(await bold.getAttribute('aria-keyshortcuts')).toBe('Control+B');
    expect(await toolbar.getByRole('button', { name: 'Hochgestellt' }).getAttribute('title')).toBe('Hochgestellt (Strg+.)');
    expect(await toolbar.getByRole('button', { name: 'Tiefgestellt' }).getAttribute('title')).toBe('Tiefgestellt (Strg+,)');

    // m² by the button, CO₂ by the shortcut, a word struck through.
    await text.click();
    await page.keyboard.type('Fläche 120 m');
    await toolbar.getByRole('button', { name: 'Hochgestellt' }).click();
    await page.keyboard.type('2');
    await toolbar.getByRole('button', { name: 'Hochgestellt' }).click();
    await page.keyboard.type(', CO');
    await page.keyboard.press('Control+,');
    await page.keyboard.type('2');
    await page.keyboard.press('Control+,');
    await page.keyboard.type(' alt');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await toolbar.getByRole('button', { name: 'Durchgestrichen' }).click();
    expect(await hint.count()).toBe(0);
    await page.locator(`${EDITOR} sup`, { hasText: '2' }).waitFor();
    await page.locator(`${EDITOR} sub`, { hasText: '2' }).waitFor();
    await page.locator(`${EDITOR} s`, { hasText: 'alt' }).waitFor();

    // From Word: superscript kept (it was dropped: "x2"), and "Überschrift 1" becomes H2.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<html><body><h1 class=MsoTitle>Ziele<o:p></o:p></h1><p class=MsoNormal>x<sup>2</sup> und H<span style="vertical-align:sub">2</span>O</p><h3>Wege</h3></body></html>');
      document.querySelector('${EDITOR}').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await page.locator(`${EDITOR} h2`, { hasText: 'Ziele' }).waitFor();
    await page.locator(`${EDITOR} h3`, { hasText: 'Wege' }).waitFor();
    await page.locator(`${EDITOR} p`, { hasText: 'und H' }).locator('sub', { hasText: '2' }).waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await screenshot(page, 'editor-08-raised-lowered');
    // The server renders them as HTML, and reads their text plainly.
    const content = await lead.client.get<{ html: string; text: string }>(`/api/projects/${project.id}/sections/${section.id}/content`);
    expect(content.body.html).toContain('Fläche 120 m<sup>2</sup>, CO<sub>2</sub> <s>alt</s>');
    expect(content.body.html).toContain('<h2>Ziele</h2>');
    expect(content.body.text).toContain('x2 und H2O');

    // On a phone the pinned toolbar is one line that scrolls sideways, not three.
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await toolbar.boundingBox();
    expect(box?.height).toBeLessThan(60);
    await screenshot(page, 'editor-09-phone-toolbar-start');
    await toolbar.getByRole('button', { name: 'Fett' }).focus();
    await page.keyboard.press('End');
    expect(await focusedLabel(page)).toBe('Bildbeschreibung bearbeiten');
    const last = await toolbar.getByRole('button', { name: 'Bildbeschreibung bearbeiten' }).boundingBox();
    expect(last !== null && last.x + last.width <= 390).toBe(true);
    await screenshot(page, 'editor-09-phone-toolbar');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 60_000);
});
