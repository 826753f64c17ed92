import type { Person } from '../../apps/server/test/factories.js';
import { doc, paragraph, setContent, table, text } from '../../apps/server/test/e2e/export-support.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam, waitFor } from './people.js';
import { browserSuite } from './suite.js';
import { clickToolbar, toolbarControl } from './toolbar.js';

const EDITOR = '.ProseMirror';

interface StoredNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: StoredNode[];
}

/** The column spans of the cells of the stored table's second row (its first body row). */
async function bodyRowSpans(person: Person, projectId: string, sectionId: string): Promise<unknown[]> {
  const res = await person.client.get<{ json: StoredNode }>(
    `/api/projects/${projectId}/sections/${sectionId}/content`,
  );
  const stored = (res.body.json.content ?? []).find((node) => node.type === 'table');
  return (stored?.content?.[1]?.content ?? []).map((cell) => cell.attrs?.colspan);
}

describeInBrowser('merging and splitting table cells in Chromium', () => {
  const suite = browserSuite();

  it('merges cells selected across with "Zellen verbinden" and splits them again with "Zelle teilen"', async () => {
    const { author, project, section, url } = await sectionTeam(suite.app, 'Tabellenzellen');
    await setContent(
      suite.app,
      section.id,
      doc(
        paragraph(text('Vorher')),
        table(['Jahr', 'Kosten', 'Anteil'], [['Summe', '12.000 €', '40 %']]),
        paragraph(text('Nachher')),
      ),
    );
    const page = await suite.pageOf(author);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();

    // With the cursor in one cell there is nothing to merge: the tool says so by being disabled.
    await page.locator(`${EDITOR} td`, { hasText: 'Summe' }).click();
    await page.keyboard.press('End');
    expect(await (await toolbarControl(page, 'Zellen verbinden')).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');

    // Shift+arrow beyond the cell selects two cells; merged, they are one cell over two columns.
    await page.locator(`${EDITOR} td`, { hasText: 'Summe' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowRight');
    await page.locator(`${EDITOR} td.selectedCell`).nth(1).waitFor();
    await clickToolbar(page, 'Zellen verbinden');
    await page.locator(`${EDITOR} td[colspan="2"]`).waitFor();
    await waitFor(() => bodyRowSpans(author, project.id, section.id), [2, 1], 'the merged cell stored');
    await screenshot(page, 'table-cells-01-merged');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.locator(`${EDITOR} td[colspan="2"]`).click();
    await clickToolbar(page, 'Zelle teilen');
    await page.locator(`${EDITOR} td[colspan="2"]`).waitFor({ state: 'detached' });
    await waitFor(() => bodyRowSpans(author, project.id, section.id), [1, 1, 1], 'the split cells stored');
  }, 60_000);
});
