import type { Page } from 'playwright-core';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam, storedText, waitFor } from './people.js';
import { browserSuite } from './suite.js';
import { clickToolbar } from './toolbar.js';

const EDITOR = '.ProseMirror';

/** The numbers the footnote markers in the text show, in order. */
function markerNumbers(page: Page): Promise<string[]> {
  return page.locator(`${EDITOR} .footnote-marker [aria-hidden="true"]`).allTextContents();
}

/** The notes the list below the text shows, in order. */
function listedNotes(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Fußnoten' }).getByRole('listitem').locator('.footnote-list__text').allTextContents();
}


describeInBrowser('footnotes in Chromium', () => {
  const suite = browserSuite();

  it('lets an author add, renumber, edit and delete footnotes that everyone sees at once', async () => {
    const { project, author, reviewer, section, url } = await sectionTeam(suite.app, 'Quellenbericht');
    const authorPage = await suite.pageOf(author);
    const reviewerPage = await suite.pageOf(reviewer);
    await Promise.all([authorPage.goto(url), reviewerPage.goto(url)]);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();

    // A note at the end of a sentence, through the toolbar's dialog.
    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Die Lizenzkosten sinken');
    await clickToolbar(authorPage, 'Fußnote einfügen');
    const dialog = authorPage.getByRole('dialog', { name: 'Fußnote einfügen' });
    await dialog.getByRole('button', { name: 'Einfügen' }).click();
    await dialog.getByText('Bitte geben Sie den Text der Fußnote ein.').waitFor();
    await dialog.getByLabel('Text der Fußnote').fill('KGSt-Bericht 3/2024, S. 12.');
    await dialog.getByRole('button', { name: 'Einfügen' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The cursor stands after the marker: typing goes on in the sentence.
    await authorPage.keyboard.type('.');

    await waitFor(() => markerNumbers(reviewerPage), ['1'], 'the reviewer to see the marker');
    await waitFor(() => listedNotes(reviewerPage), ['KGSt-Bericht 3/2024, S. 12.'], 'the reviewer to see the note');
    await reviewerPage.locator(`${EDITOR} .footnote-marker`).getByText('Fußnote 1').waitFor({ state: 'attached' });
    // The reviewer reads the notes but has nothing to edit them with.
    expect(await reviewerPage.getByRole('button', { name: /Fußnote 1 bearbeiten/ }).count()).toBe(0);
    expect(await reviewerPage.getByRole('button', { name: 'Fußnote einfügen' }).count()).toBe(0);

    // A second note earlier in the text takes number 1; the first becomes 2.
    // The cursor after "Die" (position 4: 1 opens the paragraph), set through the editor: caret
    // keys raced the redraws of the others' carets under load, which is not what this tests.
    await authorPage.evaluate(`document.querySelector('${EDITOR}').editor.commands.setTextSelection(4)`);
    await clickToolbar(authorPage, 'Fußnote einfügen');
    await authorPage.getByRole('dialog', { name: 'Fußnote einfügen' }).getByLabel('Text der Fußnote').fill('Gemeint sind die Kommunen des Landes.');
    await authorPage.getByRole('dialog', { name: 'Fußnote einfügen' }).getByRole('button', { name: 'Einfügen' }).click();
    await waitFor(() => markerNumbers(reviewerPage), ['1', '2'], 'two markers');
    await waitFor(
      () => listedNotes(reviewerPage),
      ['Gemeint sind die Kommunen des Landes.', 'KGSt-Bericht 3/2024, S. 12.'],
      'the notes in the order of the text',
    );
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await screenshot(authorPage, 'footnotes-01-two-notes');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);
    expect(await storedText(author, project.id, section.id)).toBe(
      'Die [Gemeint sind die Kommunen des Landes.] Lizenzkosten sinken [KGSt-Bericht 3/2024, S. 12.].',
    );

    // Editing from the list; the change reaches the reviewer.
    await authorPage.getByRole('button', { name: 'Fußnote 2 bearbeiten' }).click();
    const editing = authorPage.getByRole('dialog', { name: 'Fußnote 2 bearbeiten' });
    expect(await editing.getByLabel('Text der Fußnote').inputValue()).toBe('KGSt-Bericht 3/2024, S. 12.');
    await editing.getByLabel('Text der Fußnote').fill('KGSt-Bericht 3/2024, S. 14.');
    await editing.getByRole('button', { name: 'Übernehmen' }).click();
    await waitFor(
      () => listedNotes(reviewerPage),
      ['Gemeint sind die Kommunen des Landes.', 'KGSt-Bericht 3/2024, S. 14.'],
      'the changed note',
    );

    // Deleting the first: the other is number 1 again.
    await authorPage.getByRole('button', { name: 'Fußnote 1 bearbeiten' }).click();
    await authorPage.getByRole('dialog', { name: 'Fußnote 1 bearbeiten' }).getByRole('button', { name: 'Fußnote löschen' }).click();
    await waitFor(() => markerNumbers(reviewerPage), ['1'], 'one marker left');
    await waitFor(() => listedNotes(reviewerPage), ['KGSt-Bericht 3/2024, S. 14.'], 'one note left');
    await authorPage.getByText('Fußnote gelöscht.').waitFor({ state: 'attached' });
  });

  it('edits the selected footnote from the toolbar instead of replacing it, and Escape leaves it unchanged', async () => {
    const { author, url } = await sectionTeam(suite.app, 'Quellenbericht');
    const page = await suite.pageOf(author);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.locator(EDITOR).click();
    await page.keyboard.type('Betrieb im eigenen Rechenzentrum');
    await clickToolbar(page, 'Fußnote einfügen');
    await page.getByRole('dialog', { name: 'Fußnote einfügen' }).getByLabel('Text der Fußnote').fill('Beschluss vom 4. März 2025.');
    await page.keyboard.press('Enter');
    await waitFor(() => markerNumbers(page), ['1'], 'the marker');

    // Clicking the marker selects it; the toolbar's button then edits it.
    await page.locator(`${EDITOR} .footnote-marker`).click();
    await clickToolbar(page, 'Fußnote bearbeiten');
    const dialog = page.getByRole('dialog', { name: 'Fußnote 1 bearbeiten' });
    await dialog.getByLabel('Text der Fußnote').fill('Etwas ganz anderes');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await markerNumbers(page)).toEqual(['1']);
    expect(await listedNotes(page)).toEqual(['Beschluss vom 4. März 2025.']);
    expect(await page.evaluate<boolean>(`document.activeElement?.classList.contains('ProseMirror') === true`)).toBe(true);
  });

  it('shows the web address of a note as a link in the list and in a version, while the dialog edits the plain text', async () => {
    const address =
      'https://www.bmi.bund.de/SharedDocs/downloads/DE/publikationen/themen/moderne-verwaltung/digitalisierung/onlinezugangsgesetz-umsetzungskatalog-leistungsbuendel-2023.pdf?__blob=publicationFile&v=7';
    const source = `Vgl. BMI (2023): Umsetzungskatalog zum Onlinezugangsgesetz, ${address}, abgerufen am 3.5.2025.`;
    const { author, url } = await sectionTeam(suite.app, 'Quellenbericht');
    const page = await suite.pageOf(author);
    const foreign = recordForeignRequests(page, suite.app.origin);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.locator(EDITOR).click();
    await page.keyboard.type('Der Schutzbedarf folgt dem Grundschutz');
    await clickToolbar(page, 'Fußnote einfügen');
    await page.getByRole('dialog', { name: 'Fußnote einfügen' }).getByLabel('Text der Fußnote').fill(source);
    await page.keyboard.press('Enter');

    // The address alone is the link (not the comma after it); it opens in a new tab and says so.
    const notes = page.getByRole('region', { name: 'Fußnoten' });
    const link = notes.getByRole('link', { name: `${address} (öffnet in neuem Tab)`, exact: true });
    await link.waitFor();
    expect({ href: await link.getAttribute('href'), target: await link.getAttribute('target'), rel: await link.getAttribute('rel') }).toEqual({
      href: address,
      target: '_blank',
      rel: 'noopener noreferrer',
    });
    expect(await listedNotes(page)).toEqual([
      `Vgl. BMI (2023): Umsetzungskatalog zum Onlinezugangsgesetz, ${address} (öffnet in neuem Tab), abgerufen am 3.5.2025.`,
    ]);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await screenshot(page, 'footnotes-03-address-link');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The dialog shows the note as it is stored: plain text, address and all.
    await notes.getByRole('button', { name: 'Fußnote 1 bearbeiten' }).click();
    const editing = page.getByRole('dialog', { name: 'Fußnote 1 bearbeiten' });
    expect(await editing.getByLabel('Text der Fußnote').inputValue()).toBe(source);
    await page.keyboard.press('Escape');
    await editing.waitFor({ state: 'detached' });

    // A version lists the note below its text with the same link.
    const versions = page.getByRole('region', { name: 'Versionen' });
    await versions.getByRole('textbox', { name: 'Bezeichnung der neuen Version' }).fill('Mit Quelle');
    await versions.getByRole('button', { name: 'Version speichern' }).click();
    await versions.getByRole('button', { name: 'Ansehen: Mit Quelle' }).click();
    const version = page.getByRole('dialog', { name: 'Version: Mit Quelle' }).getByRole('region', { name: 'Text der Version' });
    const linked = version.getByRole('link', { name: `${address} (öffnet in neuem Tab)`, exact: true });
    await linked.waitFor();
    expect({ href: await linked.getAttribute('href'), target: await linked.getAttribute('target'), rel: await linked.getAttribute('rel') }).toEqual({
      href: address,
      target: '_blank',
      rel: 'noopener noreferrer',
    });
    await screenshot(page, 'footnotes-04-address-in-version');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
    // Longer than the default: two axe runs and a saved version on a busy two-core machine.
  }, 90_000);
});
