import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { eventually } from '../../apps/server/test/collab-client.js';
import { createProject, createSection, registerUser } from '../../apps/server/test/factories.js';
import { doc, paragraph, setContent, text } from '../../apps/server/test/e2e/export-support.js';
import {
  describeInBrowser,
  recordForeignRequests,
  screenshot,
  seriousA11yViolations,
} from './browser.js';
import { sectionTeam, storedText } from './people.js';
import { browserSuite } from './suite.js';

const EDITOR = '.ProseMirror';

// Page code as strings: the tests are type-checked without the DOM's types.

/** Which of the marks in the text is the current one (-1 for none). */
function currentMarkIndex(page: Page): Promise<number> {
  return page.evaluate<number>(
    `Array.from(document.querySelectorAll('.search-mark')).findIndex((mark) => mark.classList.contains('search-mark--current'))`,
  );
}

/**
 * Waits until the current mark lies wholly inside the window (scrolling may be smooth). Polled
 * from here: waitForFunction would evaluate the string in the page, which its CSP forbids.
 */
async function currentMarkInView(page: Page): Promise<void> {
  await eventually(
    () =>
      page.evaluate<boolean>(`(() => {
        const box = document.querySelector('.search-mark--current')?.getBoundingClientRect();
        return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
      })()`),
    'the current match to be scrolled into view',
  );
}

/** A long chapter: 36 paragraphs, "Radverkehr" four times far down, "Müller" once. */
function longChapter() {
  const filler = (index: number) =>
    `Absatz ${String(index)}: Die Verwaltung berichtet über Haushalt, Personal und Gebäude, damit der Bericht lang genug ist, um zu blättern.`;
  return doc(
    ...Array.from({ length: 36 }, (_, index) => {
      switch (index) {
        case 14:
          return paragraph(text('Der Radverkehr wächst seit 2020 in allen Ortsteilen.'));
        case 22:
          return paragraph(text('Mehr Radverkehr braucht breitere Wege; der RADVERKEHR am Bahnhof ebenso.'));
        case 33:
          return paragraph(text('Ansprechpartnerin für den Radverkehrsplan ist Frau Müller.'));
        default:
          return paragraph(text(filler(index)));
      }
    }),
  );
}

describeInBrowser('searching the report in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;

  /** A report with three chapters, two of them about cycling. */
  async function report() {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung', organisation: 'Stadt Musterstadt' });
    const project = await createProject(lead, { title: `Mobilitätsbericht ${randomUUID().slice(0, 4)}` });
    const cycling = await createSection(lead, project.id, { title: 'Radverkehr' });
    await setContent(
      suite.app,
      cycling.id,
      doc(
        paragraph(text('Der Radverkehr in der Innenstadt hat seit 2020 deutlich zugenommen, vor allem auf den neuen Wegen.')),
        paragraph(text('Lastenräder ersetzen in vielen Familien das zweite Auto; die Stadt fördert ihren Kauf.')),
      ),
    );
    const money = await createSection(lead, project.id, { title: 'Haushalt' });
    await setContent(suite.app, money.id, doc(paragraph(text('Für Lastenräder stehen 2027 zusätzlich 40.000 Euro bereit.'))));
    await createSection(lead, project.id, { title: 'Ausblick' });
    return { lead, project, cycling };
  }

  it('finds text from the project page, links to the section, comes back with the back button, and says when nothing matches', async () => {
    const { lead, project, cycling } = await report();
    const page = await pageOf(lead);
    const foreign = recordForeignRequests(page, suite.app.origin);
    const projectUrl = `${suite.app.origin}/projects/${project.id}`;
    await page.goto(projectUrl);

    const form = page.getByRole('search', { name: 'Suche im Bericht' });
    const field = form.getByRole('searchbox', { name: 'Im Bericht suchen' });
    // The results' region, there once something was searched for.
    const panel = page.getByRole('region', { name: 'Suchergebnisse' });
    const status = page.locator('.search-panel').getByRole('status');

    // Too short: explained at the field, nothing searched.
    await field.fill('L');
    await field.press('Enter');
    await form.getByText('Bitte geben Sie mindestens 2 Zeichen ein.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.count()).toBe(0);

    // Enter searches; the live region counts hits and sections; accents and case aside.
    await field.fill('LASTENRADER');
    await field.press('Enter');
    await status.getByText('2 Treffer in 2 Abschnitten für „LASTENRADER“.').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('LASTENRADER');

    const results = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    expect(await results.count()).toBe(2);
    const first = results.first();
    await panel.getByRole('heading', { name: 'Suchergebnisse', level: 2 }).waitFor();
    await first.getByRole('heading', { name: '1 Radverkehr', level: 3 }).waitFor();
    expect(await first.locator('mark').allTextContents()).toEqual(['Lastenräder']);
    expect(await first.getByRole('list', { name: 'Fundstellen' }).textContent()).toBe(
      '…2020 deutlich zugenommen, vor allem auf den neuen Wegen. Lastenräder ersetzen in vielen Familien das zweite Auto; die Stadt…',
    );
    await results.nth(1).getByRole('heading', { name: '2 Haushalt', level: 3 }).waitFor();

    await screenshot(page, 'search-01-results');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The title links to the section; the back button returns to the results.
    await first.getByRole('link', { name: '1 Radverkehr' }).click();
    await page.waitForURL(`${suite.app.origin}/projects/${project.id}/sections/${cycling.id}?q=LASTENRADER`);
    await page.getByRole('heading', { name: '1 Radverkehr', level: 1 }).waitFor();
    await page.goBack();
    await status.getByText('2 Treffer in 2 Abschnitten für „LASTENRADER“.').waitFor();
    expect(await field.inputValue()).toBe('LASTENRADER');

    // A search through the button; a title match shows its title marked.
    await field.fill('ausblick');
    await form.getByRole('button', { name: 'Suchen' }).click();
    await status.getByText('1 Treffer in 1 Abschnitt für „ausblick“.').waitFor();
    expect(await panel.locator('.search-result mark').allTextContents()).toEqual(['Ausblick']);
    await panel.getByText('Treffer in der Überschrift.').waitFor();

    // No hits: said in words, in the live region.
    await field.fill('Straßenbahn');
    await field.press('Enter');
    await status.getByText('Keine Treffer für „Straßenbahn“.').waitFor();
    expect(await panel.locator('.search-result').count()).toBe(0);
    await screenshot(page, 'search-02-no-hits');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Back twice: the earlier searches, one step each.
    await page.goBack();
    await status.getByText('1 Treffer in 1 Abschnitt für „ausblick“.').waitFor();
    await page.goBack();
    await status.getByText('2 Treffer in 2 Abschnitten für „LASTENRADER“.').waitFor();
    expect(foreign).toEqual([]);
  });

  it('finds a section by words apart from each other, marks each word in the results and in the opened section, and keeps a quoted phrase together', async () => {
    const { lead, project, cycling } = await report();
    const page = await pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const form = page.getByRole('search', { name: 'Suche im Bericht' });
    const field = form.getByRole('searchbox', { name: 'Im Bericht suchen' });
    const panel = page.getByRole('region', { name: 'Suchergebnisse' });
    const status = page.locator('.search-panel').getByRole('status');

    // Only one-character words: explained at the field, naming them.
    await field.fill('a b');
    await field.press('Enter');
    await form.getByText('Bitte geben Sie mindestens ein Wort mit 2 oder mehr Zeichen ein; zu kurz: „a“, „b“.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    // Two words, not side by side: only the section with both ("Haushalt" has one of them).
    await field.fill('lastenräder radverkehr');
    await field.press('Enter');
    await status.getByText('3 Treffer in 1 Abschnitt für „lastenräder radverkehr“.').waitFor();
    const results = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    expect(await results.count()).toBe(1);
    // Title, and a snippet around each word's first occurrence.
    expect(await results.first().locator('mark').allTextContents()).toEqual(['Radverkehr', 'Radverkehr', 'Lastenräder']);
    await screenshot(page, 'search-05-two-words');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The section opened from the result marks both words.
    await results.first().getByRole('link', { name: '1 Radverkehr' }).click();
    await page.waitForURL((url) => url.pathname.endsWith(cycling.id) && url.searchParams.get('q') === 'lastenräder radverkehr');
    const bar = page.getByRole('group', { name: 'Suchtreffer im Text' });
    await bar.getByRole('status').getByText('Suche: „lastenräder radverkehr“ – Treffer 1 von 2').waitFor();
    expect(await page.locator('.search-mark').allTextContents()).toEqual(['Radverkehr', 'Lastenräder']);
    await screenshot(page, 'search-06-two-words-marked');

    // A phrase in quotes is marked as one match, and only where it stands as written.
    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${cycling.id}?${new URLSearchParams({ q: '„Lastenräder ersetzen“' }).toString()}`);
    await bar.getByRole('status').getByText('Suche: „‚Lastenräder ersetzen‘“ – Treffer 1 von 1').waitFor();
    // One match: nowhere to step to.
    expect(await bar.getByRole('button', { name: 'Nächster' }).isDisabled()).toBe(true);
    expect(await bar.getByRole('button', { name: 'Vorheriger' }).isDisabled()).toBe(true);
    expect(await page.locator('.search-mark').allTextContents()).toEqual(['Lastenräder ersetzen']);

    // A word of one character is left out, and the answer says so.
    await page.goto(`${suite.app.origin}/projects/${project.id}?${new URLSearchParams({ q: 'Lastenräder &' }).toString()}`);
    await status
      .getByText(
        '2 Treffer in 2 Abschnitten für „Lastenräder &“. Einzelne Zeichen werden nicht gesucht: „&“. In Anführungszeichen zusammen mit einem Nachbarwort zählen sie mit, etwa „Anlage 3“.',
      )
      .waitFor();
    await screenshot(page, 'search-07-one-character-left-out');
  });

  it('marks the matches in a section opened from a result, steps through them, follows live edits, shows others nothing, and removes the marks', async () => {
    const { lead, project, author, reviewer, section, url } = await sectionTeam(suite.app, 'Mobilitätsbericht');
    await setContent(suite.app, section.id, longChapter());
    const before = await storedText(lead, project.id, section.id);
    const page = await pageOf(lead);
    const foreign = recordForeignRequests(page, suite.app.origin);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const field = page.getByRole('searchbox', { name: 'Im Bericht suchen' });
    await field.fill('radverkehr');
    await field.press('Enter');
    await page.locator('.search-panel').getByRole('status').getByText('4 Treffer in 1 Abschnitt für „radverkehr“.').waitFor();

    // The result's link carries the query; the section page marks all four matches as the text writes them.
    await page.getByRole('region', { name: 'Suchergebnisse' }).getByRole('link', { name: '1 Ausgangslage' }).click();
    await page.waitForURL(`${url}?q=radverkehr`);
    const bar = page.getByRole('group', { name: 'Suchtreffer im Text' });
    const status = bar.getByRole('status');
    await status.getByText('Suche: „radverkehr“ – Treffer 1 von 4').waitFor();
    expect(await page.locator('.search-mark').allTextContents()).toEqual(['Radverkehr', 'Radverkehr', 'RADVERKEHR', 'Radverkehr']);
    expect(await currentMarkIndex(page)).toBe(0);
    await currentMarkInView(page);
    expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(0);
    await screenshot(page, 'search-03-marks-in-text');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Next and previous move the current mark and scroll to it; before the first comes the last.
    await bar.getByRole('button', { name: 'Nächster' }).click();
    await status.getByText('Suche: „radverkehr“ – Treffer 2 von 4').waitFor();
    expect(await currentMarkIndex(page)).toBe(1);
    await bar.getByRole('button', { name: 'Vorheriger' }).click();
    await bar.getByRole('button', { name: 'Vorheriger' }).click();
    await status.getByText('Suche: „radverkehr“ – Treffer 4 von 4').waitFor();
    expect(await currentMarkIndex(page)).toBe(3);
    await currentMarkInView(page);
    // By keyboard: Enter on the focused button; after the last comes the first.
    await bar.getByRole('button', { name: 'Nächster' }).focus();
    await page.keyboard.press('Enter');
    await status.getByText('Suche: „radverkehr“ – Treffer 1 von 4').waitFor();
    await page.keyboard.press('Enter');
    await status.getByText('Suche: „radverkehr“ – Treffer 2 von 4').waitFor();
    await currentMarkInView(page);

    // The author, in another browser without the query, sees no marks and no bar, and writes
    // a match at the top: the lead's marks follow, the current one stays the same passage.
    const authorPage = await pageOf(author);
    await authorPage.goto(url);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await authorPage.locator(EDITOR).getByText('Frau Müller').waitFor();
    expect(await authorPage.locator('.search-mark').count()).toBe(0);
    expect(await authorPage.getByRole('group', { name: 'Suchtreffer im Text' }).count()).toBe(0);
    // At the very start of the first line of the text.
    await authorPage.locator(`${EDITOR} p`).first().click({ position: { x: 1, y: 4 } });
    await authorPage.keyboard.press('Home');
    await authorPage.keyboard.type('Radverkehr vorneweg. ');
    await status.getByText('Suche: „radverkehr“ – Treffer 3 von 5').waitFor();
    expect(await page.locator('.search-mark--current').textContent()).toBe('Radverkehr');
    expect(await currentMarkIndex(page)).toBe(2);
    expect(await authorPage.locator('.search-mark').count()).toBe(0);
    // Nothing of the marks went into the document.
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedText(lead, project.id, section.id)).toBe(`Radverkehr vorneweg. ${before}`);

    // Removing the marks: they and the bar go, the query leaves the address, the focus is in
    // the text with the caret at the match that was current, and the text stays where it was.
    await currentMarkInView(page);
    await bar.getByRole('button', { name: 'Markierung aufheben' }).click();
    await bar.waitFor({ state: 'detached' });
    expect(await page.locator('.search-mark').count()).toBe(0);
    expect(page.url()).toBe(url);
    expect(await page.evaluate<boolean>(`document.activeElement?.classList.contains('ProseMirror') ?? false`)).toBe(true);
    expect(await page.evaluate<string | null>('window.getSelection()?.focusNode?.textContent ?? null')).toBe(
      'Mehr Radverkehr braucht breitere Wege; der RADVERKEHR am Bahnhof ebenso.',
    );
    const caretLine = await page.evaluate<number>('window.getSelection()?.getRangeAt(0).getBoundingClientRect().top ?? -1');
    expect(caretLine).toBeGreaterThan(0);
    expect(caretLine).toBeLessThan(await page.evaluate<number>('window.innerHeight'));
    // The back button still returns to the results.
    await page.goBack();
    await page.locator('.search-panel').getByRole('status').getByText('5 Treffer in 1 Abschnitt für „radverkehr“.').waitFor();

    // An umlaut written as ue finds and marks the text's own spelling.
    await page.goto(`${url}?q=Mueller`);
    await status.getByText('Suche: „Mueller“ – Treffer 1 von 1').waitFor();
    expect(await page.locator('.search-mark').allTextContents()).toEqual(['Müller']);
    // Found by its heading alone: the bar says so, not just "no matches".
    await page.goto(`${url}?q=ausgangslage`);
    await status.getByText('Suche: „ausgangslage“ – Treffer nur in der Überschrift, nicht im Text').waitFor();
    expect(foreign).toEqual([]);

    // In a text one may only read (no toolbar), marks and bar are the same.
    const reviewerPage = await pageOf(reviewer);
    await reviewerPage.goto(`${url}?q=RADVERKEHR`);
    const reviewerBar = reviewerPage.getByRole('group', { name: 'Suchtreffer im Text' });
    await reviewerBar.getByRole('status').getByText('Suche: „RADVERKEHR“ – Treffer 1 von 5').waitFor();
    expect(await reviewerPage.locator('.search-mark').count()).toBe(5);
    await currentMarkInView(reviewerPage);
    await screenshot(reviewerPage, 'search-04-marks-read-only');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);
  }, 90_000);
});
