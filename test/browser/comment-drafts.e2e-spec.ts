import { describeInBrowser, seriousA11yViolations } from './browser.js';
import { sectionTeam } from './people.js';
import { browserSuite } from './suite.js';

describeInBrowser('a comment being written, in Chromium', () => {
  const suite = browserSuite();

  it('keeps written text on Escape and says how to discard it; an empty one closes', async () => {
    const { reviewer, url } = await sectionTeam(suite.app, 'Entwurf');
    const page = await suite.pageOf(reviewer);
    await page.goto(url);
    const comments = page.getByRole('region', { name: 'Kommentare' });
    await comments.getByText('Keine offenen Kommentare.').waitFor();

    // Nothing written yet: Escape closes the form.
    await comments.getByRole('button', { name: 'Kommentieren' }).click();
    const composer = comments.getByRole('textbox', { name: 'Kommentar' });
    await composer.waitFor();
    await page.keyboard.press('Escape');
    await composer.waitFor({ state: 'detached' });

    // Written text: Escape (once for the suggestions of @, once more) keeps it, and says so.
    await comments.getByRole('button', { name: 'Kommentieren' }).click();
    await composer.pressSequentially('Bitte die Zahlen von 2025 prüfen, @Ri');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await comments.getByText('Ihr Text bleibt stehen. Zum Verwerfen wählen Sie „Abbrechen“.').waitFor();
    expect(await composer.inputValue()).toBe('Bitte die Zahlen von 2025 prüfen, @Ri');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Typing on: the note goes. "Abbrechen" discards on purpose.
    await composer.pressSequentially('ta');
    expect(await comments.getByText('Ihr Text bleibt stehen.', { exact: false }).count()).toBe(0);
    await comments.getByRole('button', { name: 'Abbrechen' }).click();
    await composer.waitFor({ state: 'detached' });
  }, 60_000);
});
