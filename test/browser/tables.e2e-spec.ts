import type { Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import { doc, paragraph, setContent, table, text } from '../../apps/server/test/e2e/export-support.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam } from './people.js';
import { browserSuite } from './suite.js';

const EDITOR = '.ProseMirror';

interface StoredNode {
  type: string;
  content?: StoredNode[];
  text?: string;
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
    await toolbar.getByRole('button', { name: 'Tabelle einfügen' }).click();
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

    // With the cursor in the table, its tools are there as a named group; undo and redo are
    // at the start of the toolbar, never alone on its last line.
    await authorPage.locator(`${EDITOR} table th`, { hasText: 'Jahr' }).click();
    const tableTools = toolbar.getByRole('group', { name: 'Tabelle' });
    await tableTools.getByRole('button', { name: 'Zeile einfügen' }).waitFor();
    for (const width of [1280, 1024]) {
      await authorPage.setViewportSize({ width, height: 900 });
      await screenshot(authorPage, `tables-02-tools-${String(width)}`);
      const undo = await toolbar.getByRole('button', { name: 'Rückgängig' }).boundingBox();
      const bar = await toolbar.boundingBox();
      expect(undo !== null && bar !== null && undo.y - bar.y < 10).toBe(true);
      // At 1280 px two lines of tools and the table's line, about 45 px each; at 1024 px,
      // beside the comments, the table's five tools take two lines of their own.
      expect(bar?.height).toBeLessThan(width === 1280 ? 150 : 200);
      // A group of tools wraps as a whole: all its buttons on one line (the table's are text).
      const lines = await authorPage.evaluate<number[]>(`[...document.querySelectorAll('.editor-toolbar__group:not(.editor-toolbar__group--tableTools)')].map((group) =>
        new Set([...group.querySelectorAll('button')].map((button) => Math.round(button.getBoundingClientRect().top))).size)`);
      expect(lines.every((count) => count === 1)).toBe(true);
    }
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
  }, 90_000);

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
