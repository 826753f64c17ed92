import type { AbbreviationsResponse } from '@kapitel/domain';
import type { Locator, Page } from 'playwright-core';
import {
  createParticipant,
  createProject,
  registerUser,
  type Person,
} from '../../apps/server/test/factories.js';
import { describeInBrowser, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { joinProject } from './people.js';
import { browserSuite } from './suite.js';

/**
 * The report's list of abbreviations on the project page ("Abkürzungen"): leads and authors
 * add, change in place and delete entries, readers and reviewers read them; every open page
 * of the project follows a change live.
 */

const EXISTS = 'Diese Abkürzung steht schon im Abkürzungsverzeichnis.';

/** The text of the element(s) a control names with aria-describedby. */
async function descriptionOf(page: Page, field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(' ');
}

/** The table's rows as "short: long", in the order shown (in the page: types of the DOM are not ours here). */
const ROWS = `[...document.querySelectorAll('#abbreviations tbody tr')].map((row) =>
  [...row.querySelectorAll('th, td')].slice(0, 2).map((cell) => cell.textContent.trim()).join(': '))`;

function rowsOf(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(ROWS);
}

/** Waits until the part shows exactly these rows. */
async function waitForRows(page: Page, expected: string[], what: string): Promise<void> {
  const script = `JSON.stringify(${ROWS}) === ${JSON.stringify(JSON.stringify(expected))}`;
  await waitUntilTrue(page, script, what);
}

async function stored(person: Person, projectId: string): Promise<string[]> {
  const res = await person.client.get<AbbreviationsResponse>(`/api/projects/${projectId}/abbreviations`);
  return res.body.abbreviations.map((entry) => `${entry.short}: ${entry.long}`);
}

async function addThroughApi(person: Person, projectId: string, short: string, long: string): Promise<void> {
  const res = await person.client.post(`/api/projects/${projectId}/abbreviations`, { short, long });
  if (res.status !== 201) {
    throw new Error(`adding ${short} answered ${String(res.status)}`);
  }
}

const activeText = (page: Page): Promise<string> =>
  page.evaluate<string>(
    `document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''`,
  );

describeInBrowser('the list of abbreviations on the project page, in Chromium', () => {
  const suite = browserSuite();

  it('lets a lead add, change and delete entries, says a duplicate at its field, and another member sees it live', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht mit Abkürzungen' });
    const author = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    const url = `${suite.app.origin}/projects/${project.id}`;

    const page = await suite.pageOf(lead);
    await page.goto(url);
    const part = page.getByRole('region', { name: 'Abkürzungen', exact: true });
    await part.getByText('Noch keine Abkürzungen.', { exact: false }).waitFor();
    expect(await part.getByText('Abkürzungsverzeichnis.', { exact: false }).innerText()).toContain(
      'erscheinen im PDF nach dem Inhaltsverzeichnis',
    );
    // The author's page, open meanwhile, follows every change without a reload.
    const watcher = await suite.pageOf(author);
    await watcher.goto(url);
    await watcher
      .getByRole('region', { name: 'Abkürzungen', exact: true })
      .getByText('Noch keine Abkürzungen.', { exact: false })
      .waitFor();
    await screenshot(page, 'abbreviations-01-empty');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Two entries; the list shows them in the PDF's order, whatever order they were added in.
    const short = part.getByLabel('Abkürzung', { exact: true });
    const long = part.getByLabel('Bedeutung', { exact: true });
    await short.fill('OZG');
    await long.fill('Onlinezugangsgesetz');
    await part.getByRole('button', { name: 'Hinzufügen' }).click();
    await part.getByRole('status').getByText('„OZG“ ist im Abkürzungsverzeichnis.').waitFor();
    // Ready for the next one: empty fields, the focus in the first.
    expect(await short.inputValue()).toBe('');
    expect(await page.evaluate<string | null>(`document.activeElement?.getAttribute('name') ?? null`)).toBe(
      'short',
    );
    await short.fill('BSI');
    await long.fill('Bundesamt für Sicherheit in der Informationstechnik');
    await page.keyboard.press('Enter');
    await waitForRows(
      page,
      ['BSI: Bundesamt für Sicherheit in der Informationstechnik', 'OZG: Onlinezugangsgesetz'],
      'both entries, sorted',
    );
    await waitForRows(
      watcher,
      ['BSI: Bundesamt für Sicherheit in der Informationstechnik', 'OZG: Onlinezugangsgesetz'],
      'both entries on the other page',
    );

    // A duplicate (in another case) is said at the abbreviation's field, nowhere else.
    await short.fill('ozg');
    await long.fill('Noch einmal');
    await part.getByRole('button', { name: 'Hinzufügen' }).click();
    await waitUntilTrue(
      page,
      `document.querySelector('#abbreviations input[name="short"]')?.getAttribute('aria-invalid') === 'true'`,
      'the field marked',
    );
    expect(await descriptionOf(page, short)).toContain(EXISTS);
    expect(await part.getByText(EXISTS).count()).toBe(1);
    expect(await page.evaluate<string | null>(`document.activeElement?.getAttribute('name') ?? null`)).toBe(
      'short',
    );
    await screenshot(page, 'abbreviations-02-duplicate');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await short.fill('');
    await long.fill('');

    // Changed in place: the row turns into two fields; a duplicate there is said at its field too.
    await part.getByRole('button', { name: '„OZG“ bearbeiten' }).click();
    const editShort = part.getByLabel('Abkürzung (bisher „OZG“)', { exact: true });
    const editLong = part.getByLabel('Bedeutung von „OZG“', { exact: true });
    expect(await editShort.inputValue()).toBe('OZG');
    expect(
      await page.evaluate<string | null>(
        `document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? null`,
      ),
    ).not.toBeNull();
    await editShort.fill('bsi');
    await part.getByRole('button', { name: 'Änderung an „OZG“ speichern' }).click();
    await waitUntilTrue(
      page,
      `document.querySelectorAll('#abbreviations [aria-invalid="true"]').length === 1`,
      'the cell field marked',
    );
    expect(await descriptionOf(page, editShort)).toBe(EXISTS);
    await screenshot(page, 'abbreviations-03-edit-duplicate');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await editShort.fill('OZG');
    await editLong.fill(
      'Onlinezugangsgesetz (Gesetz zur Verbesserung des Onlinezugangs zu Verwaltungsleistungen)',
    );
    await editLong.press('Enter');
    await part.getByRole('status').getByText('„OZG“ ist gespeichert.').waitFor();
    const changed = [
      'BSI: Bundesamt für Sicherheit in der Informationstechnik',
      'OZG: Onlinezugangsgesetz (Gesetz zur Verbesserung des Onlinezugangs zu Verwaltungsleistungen)',
    ];
    await waitForRows(page, changed, 'the changed entry');
    // Back from editing, the focus is where the editing began.
    expect(await activeText(page)).toBe('„OZG“ bearbeiten');
    await waitForRows(watcher, changed, 'the change on the other page');

    // Escape cancels a change without saving it.
    await part.getByRole('button', { name: '„BSI“ bearbeiten' }).click();
    await part.getByLabel('Bedeutung von „BSI“', { exact: true }).fill('Verworfen');
    await page.keyboard.press('Escape');
    await waitForRows(page, changed, 'the cancelled change gone');
    expect(await activeText(page)).toBe('„BSI“ bearbeiten');

    // Deleted by keyboard, after the question; the focus goes to the next entry.
    await part.getByRole('button', { name: '„BSI“ löschen' }).focus();
    await page.keyboard.press('Enter');
    await part.getByText('„BSI“ aus dem Abkürzungsverzeichnis löschen?').waitFor();
    expect(await activeText(page)).toBe('Ja, löschen');
    await screenshot(page, 'abbreviations-04-delete-question');
    await page.keyboard.press('Enter');
    await part.getByRole('status').getByText('„BSI“ ist gelöscht.').waitFor();
    await waitForRows(page, [changed[1]], 'one entry left');
    expect(await activeText(page)).toBe('„OZG“ bearbeiten');
    await waitForRows(watcher, [changed[1]], 'the deletion on the other page');
    expect(await stored(lead, project.id)).toEqual([changed[1]]);
    await screenshot(page, 'abbreviations-05-lead');
    await screenshot(watcher, 'abbreviations-06-author-live');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 120_000);

  it('lets an author add an entry', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht der Autorin' });
    const author = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    await addThroughApi(lead, project.id, 'EU', 'Europäische Union');
    const page = await suite.pageOf(author);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const part = page.getByRole('region', { name: 'Abkürzungen', exact: true });
    await part.getByRole('rowheader', { name: 'EU' }).waitFor();
    await part.getByLabel('Abkürzung', { exact: true }).fill('  z.  B. ');
    await part.getByLabel('Bedeutung', { exact: true }).fill('zum Beispiel');
    await part.getByRole('button', { name: 'Hinzufügen' }).click();
    await waitForRows(page, ['EU: Europäische Union', 'z. B.: zum Beispiel'], "the author's entry");
    expect(await stored(lead, project.id)).toEqual(['EU: Europäische Union', 'z. B.: zum Beispiel']);
    expect(await part.getByRole('button', { name: '„EU“ löschen' }).count()).toBe(1);
  }, 60_000);

  it('keeps a row being changed that someone else deletes meanwhile, and saving adds it anew with the changes', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht mit Rückfrage' });
    const author = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    await addThroughApi(lead, project.id, 'EfA', 'Einer für alle');
    const page = await suite.pageOf(author);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const part = page.getByRole('region', { name: 'Abkürzungen', exact: true });
    await part.getByRole('button', { name: '„EfA“ bearbeiten' }).click();
    await part.getByLabel('Bedeutung von „EfA“').fill('Einer für alle (Prinzip des OZG)');

    // The lead deletes the entry meanwhile; the author's page hears of it, and keeps the row.
    const listed = await lead.client.get<AbbreviationsResponse>(`/api/projects/${project.id}/abbreviations`);
    const id = listed.body.abbreviations[0]?.id ?? '';
    expect((await lead.client.delete(`/api/projects/${project.id}/abbreviations/${id}`)).status).toBe(204);
    await part.getByText('„EfA“ wurde inzwischen gelöscht. „Speichern“ legt den Eintrag mit Ihren Änderungen neu an.').waitFor();
    expect(await part.getByLabel('Bedeutung von „EfA“').inputValue()).toBe('Einer für alle (Prinzip des OZG)');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await part.getByRole('button', { name: 'Änderung an „EfA“ speichern' }).click();
    await waitForRows(page, ['EfA: Einer für alle (Prinzip des OZG)'], 'the entry added anew');
    expect(await stored(lead, project.id)).toEqual(['EfA: Einer für alle (Prinzip des OZG)']);
  }, 60_000);

  it('shows readers the list without any control, and a filter once the list is long', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht für Leser' });
    const reader = await createParticipant(suite.app, lead, project.id, 'reader');
    const reviewer = await createParticipant(suite.app, lead, project.id, 'reviewer');
    const entries: Array<[string, string]> = [
      ['AG', 'Arbeitsgruppe'],
      ['ÄndG', 'Änderungsgesetz'],
      ['BSI', 'Bundesamt für Sicherheit in der Informationstechnik'],
      ['DSGVO', 'Datenschutz-Grundverordnung'],
      ['EU', 'Europäische Union'],
      ['IT', 'Informationstechnik'],
      ['KGSt', 'Kommunale Gemeinschaftsstelle für Verwaltungsmanagement'],
      ['KRITIS', 'Kritische Infrastrukturen'],
      ['OZG', 'Onlinezugangsgesetz'],
      ['PDF', 'Portable Document Format'],
      ['ÖPNV', 'Öffentlicher Personennahverkehr'],
      ['usw.', 'und so weiter'],
      ['z. B.', 'zum Beispiel'],
    ];
    for (const [short, long] of entries) {
      await addThroughApi(lead, project.id, short, long);
    }

    const page = await suite.pageOf(reader);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const part = page.getByRole('region', { name: 'Abkürzungen', exact: true });
    await part.getByRole('rowheader', { name: 'KRITIS' }).waitFor();
    expect(await rowsOf(page)).toHaveLength(13);
    expect(await part.getByRole('button').count()).toBe(0);
    expect(await part.getByLabel('Abkürzung', { exact: true }).count()).toBe(0);
    expect(await part.getByRole('columnheader').allTextContents()).toEqual(['Abkürzung', 'Bedeutung']);
    await part
      .getByText('Das Verzeichnis pflegen die Projektleitung und die Autorinnen und Autoren.')
      .waitFor();

    // Thirteen entries: a filter, by abbreviation (dots and umlauts aside) or meaning.
    const filter = part.getByLabel('Abkürzungen filtern', { exact: true });
    await filter.fill('zb');
    await waitForRows(page, ['z. B.: zum Beispiel'], 'the filtered list');
    await part.getByText('1 von 13 Abkürzungen').waitFor();
    await filter.fill('gesetz');
    await waitForRows(
      page,
      ['ÄndG: Änderungsgesetz', 'OZG: Onlinezugangsgesetz'],
      'entries by their meaning',
    );
    await filter.fill('xyz');
    await part.getByText('Keine Abkürzung passt zu „xyz“.').waitFor();
    await filter.fill('');
    await part.getByRole('rowheader', { name: 'AG', exact: true }).waitFor();
    await screenshot(page, 'abbreviations-07-reader');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A reviewer reads it too, and follows a change live.
    const reviewerPage = await suite.pageOf(reviewer);
    await reviewerPage.goto(`${suite.app.origin}/projects/${project.id}`);
    const reviewerPart = reviewerPage.getByRole('region', { name: 'Abkürzungen', exact: true });
    await reviewerPart.getByRole('rowheader', { name: 'KRITIS' }).waitFor();
    expect(await reviewerPart.getByRole('button').count()).toBe(0);
    await addThroughApi(lead, project.id, 'VwVfG', 'Verwaltungsverfahrensgesetz');
    await reviewerPart.getByRole('rowheader', { name: 'VwVfG' }).waitFor();
  }, 90_000);
});
