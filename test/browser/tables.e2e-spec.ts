import type { Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import { doc, paragraph, setContent, table, text } from '../../apps/server/test/e2e/export-support.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam } from './people.js';
import { browserSuite } from './suite.js';
import { clickToolbar, toolbarPressed } from './toolbar.js';

const EDITOR = '.ProseMirror';

interface StoredNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: StoredNode[];
  text?: string;
}

/** The section's first table as the server stores it: its caption and the types of its first row's cells. */
async function storedTable(person: Person, projectId: string, sectionId: string): Promise<{ caption: unknown; firstRow: string[] }> {
  const res = await person.client.get<{ json: StoredNode }>(`/api/projects/${projectId}/sections/${sectionId}/content`);
  expect(res.status).toBe(200);
  const found = (res.body.json.content ?? []).find((node) => node.type === 'table');
  return { caption: found?.attrs?.caption, firstRow: (found?.content?.[0]?.content ?? []).map((cell) => cell.type) };
}

/** Fires a paste of `html`, as the browser does for the clipboard (page source: the tests have no DOM types). */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/html', ${JSON.stringify(html)});
    document.querySelector('${EDITOR}').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

/** The section's top-level blocks as the server stores them: type, and a paragraph's text. */
async function storedBlocks(person: Person, projectId: string, sectionId: string): Promise<string[]> {
  const res = await person.client.get<{ json: StoredNode }>(`/api/projects/${projectId}/sections/${sectionId}/content`);
  expect(res.status).toBe(200);
  return (res.body.json.content ?? []).map((node) =>
    node.type === 'paragraph' ? `p:${(node.content ?? []).map((child) => child.text ?? '').join('')}` : node.type,
  );
}

/** The editor's top-level blocks, in the same form. */
function editorBlocks(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const doc = document.querySelector('${EDITOR}').editor.state.doc;
    const blocks = [];
    doc.forEach((node) => blocks.push(node.type.name === 'paragraph' ? 'p:' + node.textContent : node.type.name));
    return blocks;
  })()`);
}

async function waitForBlocks(page: Page, expected: string[], what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let blocks = await editorBlocks(page);
  while (JSON.stringify(blocks) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; the editor holds ${JSON.stringify(blocks)}`);
    }
    await page.waitForTimeout(100);
    blocks = await editorBlocks(page);
  }
}

describeInBrowser('tables in the live editor, in Chromium', () => {
  const suite = browserSuite();

  it('puts a table in place of an empty line, keeps one paragraph after it for two writers, and Ctrl+End goes below it', async () => {
    const { lead, author, project, section, url } = await sectionTeam(suite.app, 'Tabellen');
    const authorPage = await suite.pageOf(author);
    const leadPage = await suite.pageOf(lead);
    await Promise.all([authorPage.goto(url), leadPage.goto(url)]);
    for (const page of [authorPage, leadPage]) {
      await page.getByText('Alle Änderungen gespeichert').waitFor();
    }
    const toolbar = authorPage.getByRole('toolbar', { name: 'Textformatierung' });

    // A sentence, then an empty line, where the table goes: no empty paragraph stays above it.
    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Kennzahlen der Kreisverwaltung');
    await authorPage.keyboard.press('Enter');
    await clickToolbar(authorPage, 'Tabelle einfügen');
    await authorPage.keyboard.type('Jahr');
    const withTable = ['p:Kennzahlen der Kreisverwaltung', 'table', 'p:'];
    await waitForBlocks(authorPage, withTable, 'the table with one paragraph after it');
    // The other writer has it the same: one paragraph after the table, not one from each.
    await waitForBlocks(leadPage, withTable, 'the table on the lead’s side');
    await leadPage.locator(EDITOR).click();
    await leadPage.keyboard.press('Control+End');
    await leadPage.keyboard.type('Quelle: eigene Erhebung');
    await waitForBlocks(authorPage, ['p:Kennzahlen der Kreisverwaltung', 'table', 'p:Quelle: eigene Erhebung'], 'the lead’s line');
    await authorPage.keyboard.press('Control+End');
    await authorPage.keyboard.type(' 2025');
    const written = ['p:Kennzahlen der Kreisverwaltung', 'table', 'p:Quelle: eigene Erhebung 2025'];
    await waitForBlocks(authorPage, written, 'both writing below the table');
    await waitForBlocks(leadPage, written, 'both writing below the table, on the lead’s side');
    await authorPage.locator(`${EDITOR} table th`, { hasText: 'Jahr' }).waitFor();
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await leadPage.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedBlocks(lead, project.id, section.id)).toEqual(written);
    await screenshot(authorPage, 'tables-01-written-below');

    // The text below goes: the table is last again, and its writer gets a new paragraph.
    await authorPage.keyboard.press('Shift+Home');
    await authorPage.keyboard.press('Backspace');
    await authorPage.keyboard.press('Backspace');
    await waitForBlocks(authorPage, withTable, 'the paragraph after the table kept');
    await waitForBlocks(leadPage, withTable, 'the paragraph after the table kept, on the lead’s side');

    // With the cursor in the table, its tools are there as a named group (in "Mehr": in words
    // they do not fit in the row beside the formatting); undo and redo are at the start of
    // the toolbar, which is one row.
    await authorPage.locator(`${EDITOR} table th`, { hasText: 'Jahr' }).click();
    // The button says so: marked in colour, and its description names the table's tools.
    await authorPage.locator('.editor-toolbar__more-button--table').waitFor();
    expect(await toolbar.getByRole('button', { name: 'Mehr' }).getAttribute('title')).toBe(
      'Tabelle bearbeiten (Zeilen, Spalten, Beschriftung) und weitere Werkzeuge',
    );
    await toolbar.getByRole('button', { name: 'Mehr' }).click();
    const tableTools = authorPage.getByRole('menu', { name: 'Mehr' }).getByRole('group', { name: 'Tabelle' });
    await tableTools.getByRole('menuitem', { name: 'Zeile einfügen' }).waitFor();
    for (const width of [1280, 1024]) {
      await authorPage.setViewportSize({ width, height: 900 });
      await screenshot(authorPage, `tables-02-tools-${String(width)}`);
      const undo = await toolbar.getByRole('button', { name: 'Rückgängig' }).boundingBox();
      const bar = await toolbar.boundingBox();
      expect(undo !== null && bar !== null && undo.y - bar.y < 10).toBe(true);
      // One line of tools, about 50 px, at 1280 px and at 1024 px beside the comments alike.
      expect(bar?.height).toBeLessThan(60);
      // A group of tools moves as a whole: all its buttons on one line (the table's are text).
      const lines = await authorPage.evaluate<number[]>(`[...document.querySelectorAll('.editor-toolbar__group:not(.editor-toolbar__group--tableTools)')].map((group) =>
        new Set([...group.querySelectorAll('button')].map((button) => Math.round(button.getBoundingClientRect().top))).size)`);
      expect(lines.every((count) => count === 1)).toBe(true);
    }
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
  }, 90_000);

  it('gives a table a caption from its tools, shown above it as its accessible name, toggles its header row, and stores both', async () => {
    const { author, project, section, url } = await sectionTeam(suite.app, 'Tabellenbeschriftung');
    await setContent(suite.app, section.id, doc(paragraph(text('Vorher')), table(['Größe', 'Anteil'], [['bis 5.000', '12 %']]), paragraph(text('Nachher'))));
    const page = await suite.pageOf(author);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();

    await page.locator(`${EDITOR} td`, { hasText: 'bis 5.000' }).click();
    await clickToolbar(page, 'Tabellenbeschriftung');
    const dialog = page.getByRole('dialog', { name: 'Tabellenbeschriftung' });
    const field = dialog.getByLabel('Beschriftung (optional)');
    expect(await field.inputValue()).toBe('');
    // No caption yet: nothing to remove.
    expect(await dialog.getByRole('button', { name: 'Beschriftung entfernen' }).count()).toBe(0);
    await field.fill('Open-Source-Anteil nach Gemeindegröße');
    await field.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    // Above the table, as its <caption>: the table's accessible name.
    const captioned = page.locator(EDITOR).getByRole('table', { name: 'Open-Source-Anteil nach Gemeindegröße' });
    await captioned.waitFor();
    const caption = await page.locator(`${EDITOR} table caption`).boundingBox();
    const firstRow = await page.locator(`${EDITOR} table tr`).first().boundingBox();
    expect(caption !== null && firstRow !== null && caption.y + caption.height <= firstRow.y + 1).toBe(true);
    // The focus is back in the text, in the cell it came from: typing goes on there.
    await page.keyboard.type(' Einw.');
    await page.locator(`${EDITOR} td`, { hasText: 'bis 5.000 Einw.' }).waitFor();
    await screenshot(page, 'tables-03-caption');

    // The header row: a toggle saying whether the first row is one.
    const headerRow = 'Kopfzeile ein/aus';
    expect(await toolbarPressed(page, headerRow)).toBe('true');
    await clickToolbar(page, headerRow);
    await page.locator(`${EDITOR} table th`).first().waitFor({ state: 'detached' });
    expect(await toolbarPressed(page, headerRow)).toBe('false');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    let stored = await storedTable(author, project.id, section.id);
    expect(stored).toEqual({ caption: 'Open-Source-Anteil nach Gemeindegröße', firstRow: ['tableCell', 'tableCell'] });
    await clickToolbar(page, headerRow);
    await page.locator(`${EDITOR} table th`, { hasText: 'Größe' }).waitFor();
    expect(await toolbarPressed(page, headerRow)).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Changed and then removed in the same dialog; the server's content follows.
    await page.locator(`${EDITOR} td`, { hasText: '12 %' }).click();
    await clickToolbar(page, 'Tabellenbeschriftung');
    expect(await field.inputValue()).toBe('Open-Source-Anteil nach Gemeindegröße');
    await field.fill('Open-Source-Anteil nach Gemeindegröße, 2025');
    await dialog.getByRole('button', { name: 'Übernehmen' }).click();
    await page.locator(EDITOR).getByRole('table', { name: 'Open-Source-Anteil nach Gemeindegröße, 2025' }).waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    stored = await storedTable(author, project.id, section.id);
    expect(stored).toEqual({ caption: 'Open-Source-Anteil nach Gemeindegröße, 2025', firstRow: ['tableHeader', 'tableHeader'] });
    const content = await author.client.get<{ html: string; text: string }>(`/api/projects/${project.id}/sections/${section.id}/content`);
    expect(content.body.html).toContain('<caption>Open-Source-Anteil nach Gemeindegröße, 2025</caption>');
    expect(content.body.text).toContain('Vorher\n\nOpen-Source-Anteil nach Gemeindegröße, 2025\n\nGröße');

    // A version shows it as the caption of its table.
    const saved = await author.client.post(`/api/projects/${project.id}/sections/${section.id}/versions`, { label: 'Mit Tabelle' });
    expect(saved.status).toBe(201);
    await page.getByRole('button', { name: 'Ansehen: Mit Tabelle' }).click();
    const version = page.getByRole('dialog', { name: 'Version: Mit Tabelle' }).getByRole('region', { name: 'Text der Version' });
    await version.getByRole('table', { name: 'Open-Source-Anteil nach Gemeindegröße, 2025' }).waitFor();
    await screenshot(page, 'tables-04-version');
    await page.keyboard.press('Escape');

    await page.locator(`${EDITOR} td`, { hasText: '12 %' }).click();
    await clickToolbar(page, 'Tabellenbeschriftung');
    await dialog.getByRole('button', { name: 'Beschriftung entfernen' }).click();
    await page.locator(`${EDITOR} table caption`).waitFor({ state: 'detached' });
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect((await storedTable(author, project.id, section.id)).caption).toBeNull();

    // Pasted HTML with a <caption> (the server's own, or a web page's) brings its caption, and
    // the caption's words do not become a row of the table.
    await page.keyboard.press('Control+End');
    await pasteHtml(page, '<table><caption>Kosten je\n Einwohner</caption><tr><th>Jahr</th><th>Euro</th></tr><tr><td>2025</td><td>41</td></tr></table>');
    await page.locator(EDITOR).getByRole('table', { name: 'Kosten je Einwohner' }).waitFor();
    expect(await page.locator(`${EDITOR} table`).last().locator('tr').count()).toBe(2);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    const tables = await author.client.get<{ json: StoredNode }>(`/api/projects/${project.id}/sections/${section.id}/content`);
    expect((tables.body.json.content ?? []).filter((node) => node.type === 'table').map((node) => node.attrs?.caption)).toEqual([null, 'Kosten je Einwohner']);
  }, 120_000);

  it('gives a text stored ending in a table a paragraph after it when its writer goes to the end with Ctrl+End', async () => {
    const { author, section, url } = await sectionTeam(suite.app, 'Alte Tabelle');
    // Stored before: a text that ends in a table, without a paragraph after it.
    await setContent(suite.app, section.id, doc(paragraph(text('Vorher')), table(['Jahr', 'Wert'], [['2025', '12']])));
    const page = await suite.pageOf(author);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    // Opening it changes nothing (two people opening it would each add a paragraph).
    await waitForBlocks(page, ['p:Vorher', 'table'], 'the stored text');
    await page.locator(EDITOR).getByText('Vorher').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Nachher');
    await waitForBlocks(page, ['p:Vorher', 'table', 'p:Nachher'], 'the new paragraph after the table');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
  }, 60_000);
});
