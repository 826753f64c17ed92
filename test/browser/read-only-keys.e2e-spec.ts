import { doc, paragraph, setContent, text } from '../../apps/server/test/e2e/export-support.js';
import { describeInBrowser } from './browser.js';
import { sectionTeam } from './people.js';
import { browserSuite } from './suite.js';

describeInBrowser('moving through a read-only text by keyboard, in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;

  it('lets a reviewer select a passage with Shift and the arrow keys and comment on it with Ctrl+Alt+M', async () => {
    const { reviewer, section, url } = await sectionTeam(suite.app, 'Tastatur');
    await setContent(suite.app, section.id, doc(paragraph(text('Die Stadt nutzt Open Source.'))));
    const page = await pageOf(reviewer);
    await page.goto(url);
    const textbox = page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' });
    await textbox.getByText('Die Stadt nutzt Open Source.').waitFor();
    expect(await textbox.getAttribute('aria-readonly')).toBe('true');
    await textbox.focus();
    // Four to the right, past "Die ", then five with Shift: "Stadt".
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('ArrowRight');
    }
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Shift+ArrowRight');
    }
    expect(await page.evaluate<string>('String(document.getSelection())')).toBe('Stadt');
    await page.keyboard.press('Control+Alt+KeyM');
    const comments = page.getByRole('region', { name: 'Kommentare' });
    await comments.locator('.comment-composer__quote', { hasText: 'Stadt' }).waitFor();
    expect(await comments.getByText('Zum ganzen Abschnitt').count()).toBe(0);

    // Ctrl+Shift+End selects to the end of the text; the text itself stays as it was.
    await comments.getByRole('button', { name: 'Abbrechen' }).click();
    await textbox.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Shift+ArrowRight');
    expect((await page.evaluate<string>('String(document.getSelection())')).trim()).toBe('Die');
    await page.keyboard.type('x');
    expect(await textbox.textContent()).toBe('Die Stadt nutzt Open Source.');
  }, 60_000);
});
