import { randomUUID } from 'node:crypto';
import { createProject, createSection, registerUser } from '../../apps/server/test/factories.js';
import { doc, paragraph, setContent, text } from '../../apps/server/test/e2e/export-support.js';
import {
  describeInBrowser,
  recordForeignRequests,
  screenshot,
  seriousA11yViolations,
} from './browser.js';
import { browserSuite } from './suite.js';

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
    await page.waitForURL(`${suite.app.origin}/projects/${project.id}/sections/${cycling.id}`);
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
});
