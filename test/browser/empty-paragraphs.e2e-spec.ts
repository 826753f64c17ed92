import type { Page } from 'playwright-core';
import { describeInBrowser } from './browser.js';
import { sectionTeam, waitFor } from './people.js';
import { browserSuite } from './suite.js';

const EDITOR = '.ProseMirror';

/** The texts of the editor's blocks, as Tiptap has them. */
function paragraphs(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(
    `(() => { const out = []; document.querySelector('${EDITOR}').editor.state.doc.forEach((n) => out.push(n.textContent)); return out; })()`,
  );
}

/** The index of the block the caret is in. */
function caretBlock(page: Page): Promise<number> {
  return page.evaluate<number>(`document.querySelector('${EDITOR}').editor.state.selection.$from.index(0)`);
}

describeInBrowser('typing into empty paragraphs while a co-author adds one, in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;

  /**
   * Ali writes two paragraphs and stays in the empty third; Lea opens the section and presses
   * Enter at the end of the paragraph `after`, making an empty paragraph of her own.
   */
  async function twoEmptyParagraphs(after: 'Absatz eins.' | 'Absatz zwei.') {
    const { lead, author, url } = await sectionTeam(suite.app, 'Absätze');
    const ali = await pageOf(author);
    const lea = await pageOf(lead);
    await ali.goto(url);
    await ali.getByText('Alle Änderungen gespeichert').waitFor();
    await ali.locator(EDITOR).click();
    await ali.keyboard.type('Absatz eins.');
    await ali.keyboard.press('Enter');
    await ali.keyboard.type('Absatz zwei.');
    await ali.keyboard.press('Enter');
    await lea.goto(url);
    await lea.locator(EDITOR).getByText('Absatz zwei.').waitFor();
    await waitFor(() => paragraphs(lea), ['Absatz eins.', 'Absatz zwei.', ''], 'Lea to see Ali’s paragraphs');
    await lea.locator(EDITOR).getByText(after).click();
    await lea.keyboard.press('End');
    await lea.keyboard.press('Enter');
    return { ali, lea };
  }

  it('keeps the caret in its own empty paragraph when a co-author adds an empty paragraph above it', async () => {
    const { ali, lea } = await twoEmptyParagraphs('Absatz eins.');
    await waitFor(
      () => paragraphs(ali),
      ['Absatz eins.', '', 'Absatz zwei.', ''],
      'Ali to see Lea’s paragraph',
    );
    expect(await caretBlock(ali)).toBe(3);
    expect(await caretBlock(lea)).toBe(1);
    await ali.keyboard.type('Ali unten');
    await lea.keyboard.type('Lea oben');
    const expected = ['Absatz eins.', 'Lea oben', 'Absatz zwei.', 'Ali unten'];
    await waitFor(() => paragraphs(ali), expected, 'Ali’s text');
    await waitFor(() => paragraphs(lea), expected, 'Lea’s text');
  });

  it('keeps the caret in its own empty paragraph when the empty paragraph comes right before it', async () => {
    const { ali, lea } = await twoEmptyParagraphs('Absatz zwei.');
    await waitFor(
      () => paragraphs(ali),
      ['Absatz eins.', 'Absatz zwei.', '', ''],
      'Ali to see Lea’s paragraph',
    );
    await ali.keyboard.type('Ali');
    await lea.keyboard.type('Lea');
    const expected = ['Absatz eins.', 'Absatz zwei.', 'Lea', 'Ali'];
    await waitFor(() => paragraphs(ali), expected, 'Ali’s text');
    await waitFor(() => paragraphs(lea), expected, 'Lea’s text');
  });
});
