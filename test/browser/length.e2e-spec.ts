import type { Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam } from './people.js';
import { browserSuite } from './suite.js';

const EDITOR = '.ProseMirror';

describeInBrowser('section length in Chromium', () => {
  const suite = browserSuite();

  async function pageOf(person: Person): Promise<Page> {
    const context = await suite.contextOf(person, { viewport: { width: 1280, height: 900 } });
    return context.newPage();
  }

  it('lets the lead ask for a length that the author sees while writing and the outline follows live', async () => {
    const { lead, author, project, url } = await sectionTeam(suite.app, 'Kommunaler Bericht');
    const leadPage = await pageOf(lead);
    const authorPage = await pageOf(author);

    // The lead asks for 12 words in the section's assignment; "1.500"-style input is German.
    await leadPage.goto(`${suite.app.origin}/projects/${project.id}`);
    await leadPage.getByRole('button', { name: '„Ausgangslage“ bearbeiten' }).click();
    const length = leadPage.getByRole('textbox', { name: 'Umfang in Wörtern' });
    await length.fill('zwölf');
    await leadPage.getByRole('button', { name: 'Zuweisung speichern' }).click();
    await leadPage.getByText('Bitte geben Sie eine ganze Zahl von 1 bis 100.000 ein.').waitFor();
    await length.fill('12');
    await leadPage.getByRole('button', { name: 'Zuweisung speichern' }).click();
    await leadPage.getByRole('status').getByText('Zuweisung für „Ausgangslage“ gespeichert.').waitFor();
    await leadPage.getByRole('button', { name: '„Ausgangslage“ bearbeiten' }).click();
    const item = leadPage.locator('.outline-item', { hasText: 'Ausgangslage' });
    await item.getByText('0 von 12 Wörtern').waitFor();

    // The author sees the target among the facts and the count under the text as they type.
    await authorPage.goto(url);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await authorPage.getByRole('region', { name: 'Angaben zum Abschnitt' }).getByText('12 Wörter').waitFor();
    const count = authorPage.locator('.section-editor__count');
    await count.getByText('0 von 12 Wörtern').waitFor();
    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Die Stadt nutzt seit 2019 Open-Source-Software, z. B. LibreOffice.');
    await count.getByText('9 von 12 Wörtern').waitFor();
    expect(await count.getByText('über dem Umfang').count()).toBe(0);
    await authorPage.keyboard.type(' Die Verwaltung spart damit Lizenzkosten.');
    await count.getByText('14 von 12 Wörtern').waitFor();
    await count.getByText('über dem Umfang').waitFor();
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await screenshot(authorPage, 'length-01-author-over');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);

    // The lead's outline follows without a reload.
    await item.getByText('14 von 12 Wörtern').waitFor({ timeout: 15_000 });
    await item.getByText('über dem Umfang').waitFor();
    await leadPage.getByText('14 Wörter im Bericht').waitFor();
    await screenshot(leadPage, 'length-02-outline');
    expect(await seriousA11yViolations(leadPage)).toEqual([]);
  }, 90_000);
});
