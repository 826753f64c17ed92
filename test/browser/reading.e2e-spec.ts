import type { JSONContent } from '@tiptap/core';
import type { Page } from 'playwright-core';
import { connectCollab, synced, typeInto } from '../../apps/server/test/collab-client.js';
import { createParticipant, createProject, createSection, registerUser } from '../../apps/server/test/factories.js';
import { approve, doc, heading, link, paragraph, setContent, table, text } from '../../apps/server/test/e2e/export-support.js';
import { mustUpload, pngImage } from '../../apps/server/test/image-files.js';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { browserSuite } from './suite.js';

/**
 * The reading view (`/projects/:p/read`): the whole report in one page as it stands, with
 * contents, numbers, footnotes through the report, and references that are links in the page.
 */

const MAP = '2d9c6e3a-7f4b-4a8c-9e5d-8b3f4a5c6d7e';
const COSTS = '1c8b5d2f-6e3a-4f9b-8d4c-7a2e3f4b5c6d';

const footnote = (note: string): JSONContent => ({ type: 'footnote', attrs: { text: note } });
const sectionRef = (sectionId: string, title: string): JSONContent => ({ type: 'sectionRef', attrs: { sectionId, title } });
const figureRef = (figureId: string, kind: 'figure' | 'table', caption: string): JSONContent => ({
  type: 'figureRef',
  attrs: { figureId, kind, caption },
});

/** The texts of the elements `selector` finds in the page, in order. */
function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => element.textContent.replace(/\\s+/g, ' ').trim())`);
}

describeInBrowser('reading the whole report in one page, in Chromium', () => {
  // Typing is announced quickly here, so that the marks of changed sections come at once.
  const suite = browserSuite({ server: { textChangeMs: 200 } });

  async function report() {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Digitale Souveränität in Kommunen' });
    const intro = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const detail = await createSection(lead, project.id, { title: 'Bestand', parentId: intro.id });
    const costs = await createSection(lead, project.id, { title: 'Kosten' });
    const empty = await createSection(lead, project.id, { title: 'Ausblick' });
    const image = await mustUpload(lead, project.id, pngImage(40, 30));
    await setContent(
      suite.app,
      intro.id,
      doc(
        paragraph(text('Viele Kommunen setzen auf '), text('offene Software', { type: 'bold' }), text('.'), footnote('KGSt-Bericht 2025.')),
        paragraph(text('Die Kosten stehen in '), sectionRef(costs.id, 'Kosten'), text(', siehe auch '), figureRef(COSTS, 'table', 'Ausgaben je Kommune'), text('.')),
      ),
    );
    await setContent(
      suite.app,
      detail.id,
      doc(
        heading(2, 'Erhebung'),
        paragraph(text('Mehr dazu beim '), text('IT-Planungsrat', link('https://www.it-planungsrat.de')), text('.'), footnote('Stand: https://www.it-planungsrat.de')),
        { type: 'image', attrs: { src: image.src, alt: 'Karte der Kommunen', caption: 'Lageplan', figureId: MAP } },
        paragraph(figureRef(MAP, 'figure', 'Lageplan'), text(' zeigt die Lage; '), sectionRef('7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', 'Gelöschter Teil'), text('.')),
      ),
    );
    await setContent(suite.app, costs.id, doc({ ...table(['Kommune', 'Kosten'], [['Adorf', '12 €']]), attrs: { caption: 'Ausgaben je Kommune', figureId: COSTS } }, paragraph(text('Fazit.'), footnote('Eigene Berechnung.'))));
    return { lead, project, intro, detail, costs, empty, url: `${suite.app.origin}/projects/${project.id}/read` };
  }

  it('shows a reader the report with contents, numbered titles, figures and footnotes through the report, and references as links in the page', async () => {
    const { lead, project, costs, empty, url } = await report();
    const reader = await createParticipant(suite.app, lead, project.id, 'reader');
    const page = await suite.pageOf(reader);
    const foreign = recordForeignRequests(page, suite.app.origin);

    // From the project page, where every member finds the link.
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    await page.getByRole('link', { name: 'Ganzen Bericht lesen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Digitale Souveränität in Kommunen' }).waitFor();
    expect(page.url()).toBe(url);
    const contents = page.getByRole('navigation', { name: 'Inhalt' });
    await contents.getByRole('link', { name: '1.1 Bestand' }).waitFor();
    // After the sections, the lists of figures and of tables (the PDF's, as back matter here).
    expect(await textsOf(page, '.reading__contents a')).toEqual([
      '1 Ausgangslage',
      '1.1 Bestand',
      '2 Kosten',
      '3 Ausblick',
      'Abbildungsverzeichnis',
      'Tabellenverzeichnis',
    ]);
    expect(await page.getByText('4 Abschnitte, davon 0 freigegeben').count()).toBe(1);

    // Titles: chapters h2, their sub-sections h3, a section's own headings below its title.
    expect(await textsOf(page, '.reading__text h2')).toEqual(['1 Ausgangslage', '2 Kosten', '3 Ausblick', 'Abbildungsverzeichnis', 'Tabellenverzeichnis']);
    expect(await textsOf(page, '.reading__text h3')).toEqual(['1.1 Bestand']);
    expect(await textsOf(page, '.reading__text h4')).toEqual(['Erhebung']);

    // Footnotes numbered through the report, each listed under its section with its address as a link.
    expect(await textsOf(page, '.reading__notes li')).toEqual(['KGSt-Bericht 2025. ↩', 'Stand: https://www.it-planungsrat.de (öffnet in neuem Tab) ↩', 'Eigene Berechnung. ↩']);
    expect(await page.locator('.reading__notes a[href="https://www.it-planungsrat.de/"]').count()).toBe(1);
    await page.getByRole('link', { name: 'Fußnote 3', exact: true }).click();
    await waitUntilTrue(page, `location.hash === '#fussnote-3'`, 'the jump to the third note');

    // The image loads from our server, with its number as the PDF counts it; the table is numbered too.
    await waitUntilTrue(page, `(() => { const img = document.querySelector('.reading__figure img'); return img !== null && img.complete && img.naturalWidth === 40; })()`, 'the image to load');
    expect(await page.getByRole('img', { name: 'Karte der Kommunen' }).count()).toBe(1);
    expect(await textsOf(page, '.reading__figure figcaption')).toEqual(['Abbildung 1: Lageplan']);
    expect(await textsOf(page, '.reading__table caption')).toEqual(['Tabelle 1: Ausgaben je Kommune']);
    // Its header row is the table's head, which a printout repeats on every page.
    expect(await textsOf(page, '.reading__table thead th')).toEqual(['Kommune', 'Kosten']);
    expect(await textsOf(page, '.reading__table tbody td')).toEqual(['Adorf', '12 €']);
    // The column of figures flush right, its header too, as the PDF sets it.
    expect(await textsOf(page, '.reading__table .reading__figure-cell')).toEqual(['Kosten', '12 €']);
    expect(
      await page.evaluate<string>(`getComputedStyle(document.querySelector('.reading__table tbody .reading__figure-cell')).textAlign`),
    ).toBe('end');
    expect(await textsOf(page, '.reading__figure-list a')).toEqual(['Abbildung 1: Lageplan', 'Tabelle 1: Ausgaben je Kommune']);
    await page.getByRole('region', { name: 'Tabellenverzeichnis' }).getByRole('link', { name: 'Tabelle 1: Ausgaben je Kommune' }).click();
    await waitUntilTrue(page, `location.hash === '#figur-${COSTS}'`, 'the jump from the list of tables');

    // References say what the PDF says and jump to their target; one whose target is gone says so.
    expect(await textsOf(page, 'a.reading__ref')).toEqual(['Kapitel 2', 'Tabelle 1', 'Abbildung 1']);
    expect(await textsOf(page, '.reading__ref--missing')).toEqual(['Verweis fehlt: „Gelöschter Teil“']);
    await page.locator('.reading__text').getByRole('link', { name: 'Kapitel 2' }).click();
    await waitUntilTrue(page, `location.hash === '#abschnitt-${costs.id}'`, 'the jump to chapter 2');
    await page.locator('.reading__text').getByRole('link', { name: 'Tabelle 1', exact: true }).click();
    await waitUntilTrue(page, `location.hash === '#figur-${COSTS}'`, 'the jump to the table');

    // A section without text says so; every section can be opened in the editor.
    const emptySection = page.getByRole('region', { name: '3 Ausblick' });
    expect(await emptySection.getByText('Noch kein Text.').count()).toBe(1);
    expect(await emptySection.getByRole('link', { name: 'Öffnen Abschnitt 3 Ausblick im Editor' }).getAttribute('href')).toBe(
      `/projects/${project.id}/sections/${empty.id}`,
    );
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'reading-01-report');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);

    // In English the page speaks English; the report's own words stay German, as in the PDF.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Contents' }).waitFor();
    expect(await page.getByText('4 sections, 0 of them approved').count()).toBe(1);
    expect(await textsOf(page, 'a.reading__ref')).toEqual(['Kapitel 2', 'Tabelle 1', 'Abbildung 1']);
    expect(await page.getByRole('link', { name: 'Footnote 1', exact: true }).count()).toBe(1);
  });

  it('follows the outline and the review states of others, marks what was typed since, and loads it when asked to', async () => {
    const { lead, project, costs, url } = await report();
    const page = await suite.pageOf(lead);
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Inhalt' }).getByRole('link', { name: '2 Kosten' }).waitFor();

    // A new chapter and a renamed one show without a reload.
    await createSection(lead, project.id, { title: 'Anhang', numbered: false });
    expect((await lead.client.patch(`/api/projects/${project.id}/sections/${costs.id}`, { title: 'Kosten und Nutzen' })).status).toBe(200);
    await waitUntilTrue(
      page,
      `[...document.querySelectorAll('.reading__contents a')].map((a) => a.textContent.trim()).join('|') === '1 Ausgangslage|1.1 Bestand|2 Kosten und Nutzen|3 Ausblick|Anhang|Abbildungsverzeichnis|Tabellenverzeichnis'`,
      'the new outline in the contents',
    );
    // The reference to the renamed chapter still says "Kapitel 2".
    expect(await textsOf(page, 'a.reading__ref')).toEqual(['Kapitel 2', 'Tabelle 1', 'Abbildung 1']);

    // The list of abbreviations comes as the last part once there is one, and follows changes.
    expect(await page.getByRole('link', { name: 'Abkürzungsverzeichnis' }).count()).toBe(0);
    expect((await lead.client.post(`/api/projects/${project.id}/abbreviations`, { short: 'OZG', long: 'Onlinezugangsgesetz' })).status).toBe(201);
    await page.getByRole('navigation', { name: 'Inhalt' }).getByRole('link', { name: 'Abkürzungsverzeichnis' }).waitFor();
    const list = page.getByRole('region', { name: 'Abkürzungsverzeichnis' });
    expect(await textsOf(page, '.reading__abbreviations dt')).toEqual(['OZG']);
    expect(await list.getByText('Onlinezugangsgesetz').count()).toBe(1);

    // A text replaced behind the page's back shows after "Neu laden".
    await setContent(suite.app, costs.id, doc(paragraph(text('Neu geschrieben.'))));
    await page.getByRole('button', { name: 'Neu laden' }).click();
    await page.locator('.reading__text').getByText('Neu geschrieben.').waitFor();
    expect(await textsOf(page, '.reading__table caption')).toEqual([]);
    // Without a table there is no list of tables.
    expect(await page.getByRole('region', { name: 'Tabellenverzeichnis' }).count()).toBe(0);
    // The reference to the table that is gone now says so.
    expect(await textsOf(page, '.reading__ref--missing')).toEqual(['Verweis fehlt: Tabelle „Ausgaben je Kommune“', 'Verweis fehlt: „Gelöschter Teil“']);
    await screenshot(page, 'reading-02-reloaded');

    // What somebody types is not loaded by itself (it would move the text being read): the
    // section is marked as changed, and "Neu laden" brings it.
    const writer = connectCollab(suite.app.origin, lead, costs.id);
    try {
      await synced(writer);
      typeInto(writer.doc, 'Gerade getippt. ');
      const changed = page.getByRole('region', { name: '2 Kosten und Nutzen' }).getByText('Inzwischen geändert');
      await changed.waitFor();
      expect(await page.getByText('Ein Abschnitt wurde inzwischen geändert.').count()).toBe(1);
      expect(await page.locator('.reading__text').getByText('Gerade getippt.').count()).toBe(0);
      await screenshot(page, 'reading-03-changed');
      await page.getByRole('button', { name: 'Neu laden' }).click();
      await page.locator('.reading__text').getByText('Gerade getippt.').waitFor();
      await changed.waitFor({ state: 'detached' });
    } finally {
      writer.destroy();
    }
  });

  it('shows the approved version of each section on request, as a final export would print it', async () => {
    const { lead, project, intro, detail, url } = await report();
    await approve(lead, project.id, detail.id);
    // Approved, then reopened and written on: the approved text stays what it was.
    await setContent(suite.app, intro.id, doc(paragraph(text('Freigegebener Satz.'), footnote('Quelle der Freigabe.'))));
    await approve(lead, project.id, intro.id);
    expect((await lead.client.post(`/api/projects/${project.id}/sections/${intro.id}/transitions`, { action: 'reopen' })).status).toBe(200);
    await setContent(suite.app, intro.id, doc(paragraph(text('Nach der Freigabe geschrieben.'))));

    const page = await suite.pageOf(lead);
    await page.goto(url);
    await page.locator('.reading__text').getByText('Nach der Freigabe geschrieben.').waitFor();
    const version = page.getByRole('group', { name: 'Fassung' });
    await version.getByRole('radio', { name: 'Freigegebene Fassung' }).check();
    await page.locator('.reading__text').getByText('Freigegebener Satz.').waitFor();
    expect(new URL(page.url()).searchParams.get('fassung')).toBe('freigegeben');
    expect(await page.locator('.reading__text').getByText('Nach der Freigabe geschrieben.').count()).toBe(0);
    const first = page.getByRole('region', { name: '1 Ausgangslage' });
    expect(await first.getByText('seither wieder geöffnet', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('region', { name: '2 Kosten' }).getByText('Noch nicht freigegeben.').count()).toBe(1);
    expect(await page.getByText('4 Abschnitte, davon 2 mit freigegebener Fassung').count()).toBe(1);
    // Footnotes counted through the approved texts only.
    expect(await textsOf(page, '.reading__notes li')).toEqual(['Quelle der Freigabe. ↩', 'Stand: https://www.it-planungsrat.de (öffnet in neuem Tab) ↩']);
    await screenshot(page, 'reading-04-approved');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The address keeps the choice; back to the current text.
    await page.reload();
    await page.locator('.reading__text').getByText('Freigegebener Satz.').waitFor();
    await page.getByRole('group', { name: 'Fassung' }).getByRole('radio', { name: 'Aktueller Stand' }).check();
    await page.locator('.reading__text').getByText('Nach der Freigabe geschrieben.').waitFor();
  });

  it('opens at a section from that section’s page', async () => {
    const { lead, project, empty } = await report();
    const page = await suite.pageOf(lead, { viewport: { width: 1024, height: 500 } });
    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${empty.id}`);
    await page.getByRole('link', { name: 'Im ganzen Bericht lesen' }).click();
    await page.getByRole('heading', { level: 2, name: '3 Ausblick' }).waitFor();
    await waitUntilTrue(
      page,
      `(() => { const title = document.getElementById('abschnitt-${empty.id}'); const top = title.getBoundingClientRect().top; return window.scrollY > 0 && top >= 0 && top < window.innerHeight - 40 && document.activeElement === title; })()`,
      'the section’s title in the window, with the focus',
    );
  });

  it('tells a non-member that there is no such project', async () => {
    const { url } = await report();
    const stranger = await registerUser(suite.app);
    const page = await suite.pageOf(stranger);
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    expect(await page.getByText('Digitale Souveränität').count()).toBe(0);
  });
});
