import type { Source, SourceResponse } from '@kapitel/domain';
import type { Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam, storedText, waitFor } from './people.js';
import { browserSuite } from './suite.js';
import { pressToolbar } from './toolbar.js';

/**
 * The report's sources (docs/sources.md): kept on the project page, cited in the text with
 * "Quelle zitieren", listed after the text in the reading view.
 */

const EDITOR = '.ProseMirror';

/** What the citations in the text show, in order (what the eye sees). */
function citations(page: Page): Promise<string[]> {
  return page.locator(`${EDITOR} .citation-chip [aria-hidden="true"]:not(.section-ref__icon)`).allTextContents();
}

/** The labels of the project page's list of sources, in the order shown. */
function labels(page: Page): Promise<string[]> {
  return page.locator('#sources .source-list__label').allTextContents();
}

/** The labels the section's stored citations keep (what search and versions read). */
async function storedLabels(person: Person, projectId: string, sectionId: string): Promise<string[]> {
  const res = await person.client.get<{ json: unknown }>(`/api/projects/${projectId}/sections/${sectionId}/content`);
  const labels: string[] = [];
  const visit = (node: unknown): void => {
    const { type, attrs, content } = node as { type?: string; attrs?: { label?: string }; content?: unknown[] };
    if (type === 'citation') {
      labels.push(attrs?.label ?? '');
    }
    content?.forEach(visit);
  };
  visit(res.body.json);
  return labels;
}

async function addSource(person: Person, projectId: string, fields: Partial<Source>): Promise<Source> {
  const res = await person.client.post<SourceResponse>(`/api/projects/${projectId}/sources`, { title: 'Titel', ...fields });
  if (res.status !== 201) {
    throw new Error(`adding a source answered ${String(res.status)}`);
  }
  return res.body.source;
}

describeInBrowser('sources and citations in Chromium', () => {
  const suite = browserSuite();

  it('lets an author add, change and delete sources on the project page, with the label and entry shown as typed', async () => {
    const { project, author } = await sectionTeam(suite.app, 'Quellenbericht');
    const page = await suite.pageOf(author);
    await page.goto(`${suite.app.origin}/projects/${project.id}#sources`);
    const part = page.locator('#sources');
    await part.getByText('Noch keine Quellen.', { exact: false }).waitFor();

    await part.getByRole('button', { name: 'Quelle hinzufügen' }).click();
    const form = part.getByRole('form', { name: 'Neue Quelle' });
    // The focus starts in the first field.
    await page.keyboard.type('KGSt');
    await form.getByLabel('Titel').fill('Open Source in Kommunen');
    await form.getByLabel('Jahr').fill('2023');
    await form.getByLabel('Internetadresse').fill('www.kgst.de/os');
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
    await form.getByText('Bitte eine vollständige Internetadresse', { exact: false }).waitFor();
    // The preview shows an address that is none as words, not as a link to follow.
    await form.locator('.source-form__preview').getByText('www.kgst.de/os', { exact: false }).waitFor();
    expect(await form.locator('.source-form__preview a').count()).toBe(0);
    await form.getByLabel('Internetadresse').fill('https://www.kgst.de/os');
    await form.locator('.source-form__preview a[href="https://www.kgst.de/os"]').waitFor();
    await form.getByLabel('Abgerufen am').fill('2024-03-12');
    await form.getByText('(abgerufen am 12.03.2024)', { exact: false }).waitFor();
    await screenshot(page, 'sources-01-form');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
    await part.getByText('„KGSt 2023“ ist im Quellenverzeichnis.').waitFor();

    // A second source of the same authors and year: both get a letter, in the order of their titles.
    await form.getByLabel('Autorinnen, Autoren oder Herausgeber').fill('KGSt');
    await form.getByLabel('Titel').fill('Digitale Souveränität');
    await form.getByLabel('Jahr').fill('2023');
    await form.getByText('KGSt 2023a', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
    await waitFor(() => labels(page), ['KGSt 2023a', 'KGSt 2023b'], 'two labelled sources');
    await form.getByRole('button', { name: 'Schließen' }).click();

    // Changed in place: a new year takes the letters away.
    await part.getByRole('button', { name: '„KGSt 2023a“ bearbeiten' }).click();
    const editing = part.getByRole('form', { name: '„KGSt 2023a“ bearbeiten' });
    await editing.getByLabel('Jahr').fill('2022');
    await editing.getByRole('button', { name: 'Speichern' }).click();
    await waitFor(() => labels(page), ['KGSt 2022', 'KGSt 2023'], 'the labels after the change');
    expect(await part.locator('.source-list__text').first().innerText()).toBe('KGSt (2022): Digitale Souveränität.');
    await screenshot(page, 'sources-02-list');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await part.getByRole('button', { name: '„KGSt 2022“ löschen' }).click();
    await part.getByRole('button', { name: 'Ja, löschen' }).click();
    await waitFor(() => labels(page), ['KGSt 2023'], 'the list after deleting');
  });

  it('imports a reference manager’s BibTeX file after saying how many entries it holds, and names what it skipped', async () => {
    const { lead, project } = await sectionTeam(suite.app, 'Importbericht');
    await addSource(lead, project.id, { authors: 'KGSt', title: 'Open Source in Kommunen', year: '2023' });
    const page = await suite.pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}#sources`);
    const part = page.locator('#sources');
    await waitFor(() => labels(page), ['KGSt 2023'], 'the list before the import');

    const bibtex = String.raw`@book{kgst, author = {{KGSt}}, title = {Open Source in Kommunen}, year = 2023}
@article{mueller, author = {M{\"u}ller, Anna and Schmidt, Jan}, title = {Souver{\"a}nit{\"a}t}, journal = {Verwaltung}, year = 2021, url = {www.verwaltung.de/a}}
@misc{leer, year = 2020}
@misc{kaputt, title = {Abgeschnitten author =`;
    await part.locator('input[type="file"]').setInputFiles({ name: 'zotero.bib', mimeType: 'text/plain', buffer: Buffer.from(bibtex) });
    await part.getByText('Einträge in „zotero.bib“ (BibTeX): 4.', { exact: false }).waitFor();
    await part.getByText('Ohne Titel und daher nicht übernommen: 1.', { exact: false }).waitFor();
    await part.getByText('Unvollständig, weil die Datei mitten darin endet, und daher nicht übernommen: 1.', { exact: false }).waitFor();
    await part.getByRole('button', { name: 'Übernehmen', exact: true }).click();
    await part.getByText('Übernommen: 1. Übersprungen: 3.').waitFor();
    expect(await part.locator('.source-import__skipped li').allInnerTexts()).toEqual([
      'Eintrag 1 (kgst): steht schon im Verzeichnis.',
      'Eintrag 3 (leer): hat keinen Titel.',
      'Eintrag 4 (kaputt): Die Datei endet mitten im Eintrag (eine schließende Klammer fehlt); sie ist abgeschnitten oder beschädigt.',
      'Eintrag 2 (mueller): übernommen ohne die Internetadresse, die keine vollständige „https://“-Adresse ist.',
    ]);
    await waitFor(() => labels(page), ['KGSt 2023', 'Müller und Schmidt 2021'], 'the list after the import');
    await screenshot(page, 'sources-06-import');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A file of another kind is refused before anything is sent.
    await part.locator('input[type="file"]').setInputFiles({ name: 'notizen.txt', mimeType: 'text/plain', buffer: Buffer.from('Nur Notizen.') });
    await part.getByText('„notizen.txt“ ist keine BibTeX- oder RIS-Datei', { exact: false }).waitFor();
  });

  it('lets an author cite a source by keyboard, follows the list live, and lists the cited sources in the reading view', async () => {
    const { lead, project, author, section, url } = await sectionTeam(suite.app, 'Zitatbericht');
    const study = await addSource(lead, project.id, { authors: 'Müller, Anna; Öztürk, Ece', title: 'Kommunale IT', year: '2021' });
    await addSource(lead, project.id, { authors: 'KGSt', title: 'Nicht zitiert', year: '2020' });

    const page = await suite.pageOf(author);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.locator(EDITOR).click();
    // No space typed: the citation brings its own after a word.
    await page.keyboard.type('Viele Kommunen setzen auf offene Software');

    await pressToolbar(page, 'Quelle zitieren');
    const dialog = page.getByRole('dialog', { name: 'Quelle zitieren' });
    await dialog.getByRole('radio').first().waitFor();
    expect(await dialog.getByRole('group', { name: 'Quellen' }).locator('label').allInnerTexts()).toEqual([
      'KGSt 2020 Nicht zitiert',
      'Müller und Öztürk 2021 Kommunale IT',
    ]);
    // The filter has the focus: one match left; the page goes into its own field.
    await page.keyboard.type('oeztuerk');
    await dialog.getByText('1 von 2 Quellen').waitFor();
    await dialog.getByLabel('Davor (freiwillig)').fill('vgl.');
    await dialog.getByLabel('Fundstelle (freiwillig)').fill('S. 12');
    await screenshot(page, 'sources-03-dialog');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Einfügen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.type('.');
    await waitFor(() => citations(page), ['(vgl. Müller und Öztürk 2021, S.\u00A012)'], 'the citation');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedText(author, project.id, section.id)).toBe(
      'Viele Kommunen setzen auf offene Software (vgl. Müller und Öztürk 2021, S. 12).',
    );

    // The lead corrects the year: the open text shows the new label at once.
    expect((await lead.client.patch(`/api/projects/${project.id}/sources/${study.id}`, { year: '2022' })).status).toBe(200);
    await waitFor(() => citations(page), ['(vgl. Müller und Öztürk 2022, S.\u00A012)'], 'the label after the change');
    // The open editor stores the new label too, so that search and versions say what it shows.
    await waitFor(() => storedLabels(author, project.id, section.id), ['Müller und Öztürk 2022'], 'the stored label');
    await screenshot(page, 'sources-04-citation');

    // A cited source cannot be deleted: the project page says why at once, without asking first.
    await page.goto(`${suite.app.origin}/projects/${project.id}#sources`);
    const part = page.locator('#sources');
    const remove = part.getByRole('button', { name: '„Müller und Öztürk 2022“ löschen' });
    await remove.click();
    await part.getByText('Diese Quelle wird noch zitiert.', { exact: false }).waitFor();
    await part.getByText('Zitiert in: 1 Ausgangslage.').waitFor();
    expect(await part.getByRole('button', { name: 'Ja, löschen' }).count()).toBe(0);
    // The focus stays on the button, right above the message.
    expect(await page.evaluate<string | null>(`document.activeElement?.getAttribute('aria-label') ?? null`)).toBe(
      '„Müller und Öztürk 2022“ löschen',
    );

    // The reading view: the citation links to its entry, the list has the cited source only.
    await page.goto(`${suite.app.origin}/projects/${project.id}/read`);
    const citation = page.locator('.reading__text a.reading__ref', { hasText: '(vgl. Müller und Öztürk 2022, S.\u00A012)' });
    await citation.waitFor();
    const bibliography = page.getByRole('region', { name: 'Literatur- und Quellenverzeichnis' });
    expect(await bibliography.locator('li').allInnerTexts()).toEqual(['Müller, Anna; Öztürk, Ece (2022): Kommunale IT.']);
    await citation.click();
    expect(await page.evaluate('location.hash')).toBe(`#quelle-${study.id}`);
    await screenshot(page, 'sources-05-reading');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('adds a source from the citation dialog without leaving the text, and cites it at once', async () => {
    const { project, author, section, url } = await sectionTeam(suite.app, 'Neue Quelle');
    const page = await suite.pageOf(author);
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.locator(EDITOR).click();
    await page.keyboard.type('Laut Stadtrat ');
    await pressToolbar(page, 'Quelle zitieren');
    const dialog = page.getByRole('dialog', { name: 'Quelle zitieren' });
    await dialog.getByText('Das Projekt hat noch keine Quellen.').waitFor();
    await dialog.getByRole('button', { name: 'Neue Quelle anlegen' }).click();
    const form = dialog.getByRole('form', { name: 'Neue Quelle anlegen' });
    // The focus is in the form's first field.
    await page.keyboard.type('Stadt Ulm');
    await form.getByLabel('Titel').fill('Beschluss zur Digitalstrategie');
    await form.getByLabel('Jahr').fill('2024');
    await screenshot(page, 'sources-07-dialog-new');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
    // Back in the list, the new source chosen, the focus in the page field.
    const chosen = dialog.getByRole('radio', { name: 'Stadt Ulm 2024 Beschluss zur Digitalstrategie' });
    await chosen.waitFor();
    expect(await chosen.isChecked()).toBe(true);
    await page.keyboard.type('S. 4');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitFor(() => citations(page), ['(Stadt Ulm 2024, S.\u00A04)'], 'the citation of the new source');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedLabels(author, project.id, section.id)).toEqual(['Stadt Ulm 2024']);
  });
});
