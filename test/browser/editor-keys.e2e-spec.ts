import { doc, paragraph, setContent, text } from '../../apps/server/test/e2e/export-support.js';
import { describeInBrowser } from './browser.js';
import { blocks, sectionTeam, storedText } from './people.js';
import { browserSuite } from './suite.js';

/** Keys in the text that do more than type: to the ends of it, typography as one types. */

const EDITOR = '.ProseMirror';

describeInBrowser('moving to the ends of a text by keyboard, in Chromium', () => {
  const suite = browserSuite();

  it('goes to the very start with Ctrl+Home, also when the text begins with a heading and holds footnotes, and selects up to it with Ctrl+Shift+Home', async () => {
    const { author, project, section, url } = await sectionTeam(suite.app, 'Tastatur');
    // Stored before anyone opens it (the room loads it then).
    await setContent(
      suite.app,
      section.id,
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ziele' }] },
        paragraph(text('Die Kommunen sparen'), { type: 'footnote', attrs: { text: 'KGSt 2024' } }, text(' Lizenzkosten.')),
        paragraph(text('In den letzten Jahren wuchs der Anteil.')),
      ),
    );
    const page = await suite.pageOf(author);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.getByText('In den letzten Jahren').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Unsere ');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(blocks(await storedText(author, project.id, section.id))).toBe(
      blocks('Unsere Ziele\n\nDie Kommunen sparen [KGSt 2024] Lizenzkosten.\n\nIn den letzten Jahren wuchs der Anteil.'),
    );

    await page.getByText('In den letzten Jahren').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Shift+Home');
    expect(await page.evaluate<string>('window.getSelection().toString()')).toMatch(/^Unsere Ziele[\s\S]*wuchs der Anteil\.$/);
  });
});

describeInBrowser('typography as one types, in Chromium', () => {
  const suite = browserSuite();

  it('turns typed straight quotes into the report language’s, hyphens into a dash and three dots into an ellipsis, and Backspace takes a quote back', async () => {
    const { lead, author, project, section, url } = await sectionTeam(suite.app, 'Typografie');
    const page = await suite.pageOf(author);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.locator(EDITOR).click();
    await page.keyboard.type('Er sagte "souverän" - und ("');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('x).');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    // The quote after "(" opened; Backspace right after it turned it back into the typed one, the next removed it.
    expect(await storedText(author, project.id, section.id)).toBe('Er sagte „souverän“ – und (x).');
    // Single quotes, an apostrophe, two hyphens and three dots, as a word processor sets them.
    await page.keyboard.press('Enter');
    await page.keyboard.type("Das Wort 'so' geht's -- na ja...");
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    // An address or code typed in the text stays as typed.
    await page.keyboard.type(" https://example.org/a--b/c...d?q=it's x=\"2\" v1.2...v1.3 config--old");
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(blocks(await storedText(author, project.id, section.id))).toBe(
      `Er sagte „souverän“ – und (x).\nDas Wort ‚so‘ geht’s – na ja… https://example.org/a--b/c...d?q=it's x="2" v1.2...v1.3 config--old`,
    );
    // "- " at the start of a line is still the shortcut for a bullet list, not a dash.
    await page.keyboard.press('Enter');
    await page.keyboard.type('- Punkt');
    await page.locator(`${EDITOR} ul li`, { hasText: 'Punkt' }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByText('Alle Änderungen gespeichert').waitFor();

    // An English report gets English quotes, in the same open editor.
    expect((await lead.client.patch(`/api/projects/${project.id}`, { language: 'en' })).status).toBe(200);
    await page.locator(`${EDITOR}[lang="en"]`).waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' "Open"');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(blocks(await storedText(author, project.id, section.id))).toBe(
      `Er sagte „souverän“ – und (x).\nDas Wort ‚so‘ geht’s – na ja… https://example.org/a--b/c...d?q=it's x="2" v1.2...v1.3 config--old\nPunkt\n“Open”`,
    );
  });
});
