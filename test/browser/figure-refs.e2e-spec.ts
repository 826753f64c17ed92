import type { JSONContent } from '@tiptap/core';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { connectCollab, synced } from '../../apps/server/test/collab-client.js';
import { createSection, type Person } from '../../apps/server/test/factories.js';
import { doc, paragraph, setContent, table, text } from '../../apps/server/test/e2e/export-support.js';
import { mustUpload, pngImage } from '../../apps/server/test/image-files.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam, waitFor } from './people.js';
import { browserSuite } from './suite.js';

const EDITOR = '.ProseMirror';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The ids of the figures written with one (as an editor since ids would have stored them).
const PLAN = '0b7a4c1e-5d2f-4e8a-9c3b-6f1d2e3a4b5c';
const RESIDENTS = '1c8b5d2f-6e3a-4f9b-8d4c-7a2e3f4b5c6d';
const COSTS = '2d9c6e3a-7f4b-4a0c-9e5d-8b3f4a5c6d7e';
const STAFF = '3e0d7f4b-8a5c-4b1d-8f6e-9c4a5b6d7e8f';
const GONE = '4f1e8a5c-9b6d-4c2e-9a7f-0d5b6c7e8f9a';

const image = (src: string, caption: string, figureId = ''): JSONContent => ({
  type: 'image',
  attrs: { src, alt: `Bild: ${caption}`, caption, figureId },
});
const captioned = (caption: string, figureId: string): JSONContent => ({
  ...table(['Ort', 'Wert'], [['Nord', '12']]),
  attrs: { caption, figureId },
});

/** The numbered captions the editor shows below images and above tables (not what only screen readers hear). */
function shownCaptions(page: Page, selector: string): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('${EDITOR} ${selector}')].map((caption) => {
    const copy = caption.cloneNode(true);
    copy.querySelector('.visually-hidden')?.remove();
    return copy.textContent;
  })`);
}

/** What the references to figures in the text show, in order. */
function chips(page: Page): Promise<string[]> {
  return page.locator(`${EDITOR} .figure-ref [aria-hidden="true"]:not(.section-ref__icon)`).allTextContents();
}

/** A node list of the section's stored text, as the server has it. */
async function stored(person: Person, projectId: string, sectionId: string, type: string): Promise<Record<string, unknown>[]> {
  const res = await person.client.get<{ json: JSONContent }>(`/api/projects/${projectId}/sections/${sectionId}/content`);
  if (res.status !== 200) {
    throw new Error(`content answered ${String(res.status)}`);
  }
  const found: Record<string, unknown>[] = [];
  const visit = (node: JSONContent): void => {
    if (node.type === type) {
      found.push(node.attrs ?? {});
    }
    node.content?.forEach(visit);
  };
  visit(res.body.json);
  return found;
}

/**
 * Opens the cross-reference dialog from the toolbar by keyboard (focus, Enter), as a keyboard
 * user does: its button, or its entry in the toolbar's "Mehr" menu when the row is too narrow.
 */
async function openDialogByKeyboard(page: Page, name: string): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Textformatierung' });
  const button = toolbar.getByRole('button', { name: /^Querverweis (einfügen|ändern)$/ });
  if ((await button.count()) > 0) {
    await button.focus();
    await page.keyboard.press('Enter');
  } else {
    await toolbar.getByRole('button', { name: 'Mehr' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menu', { name: 'Mehr' }).getByRole('menuitem', { name: /^Querverweis (einfügen|ändern)$/ }).focus();
    await page.keyboard.press('Enter');
  }
  await page.getByRole('dialog', { name }).waitFor();
}

describeInBrowser('references to figures and tables in Chromium', () => {
  // Changed texts are announced quickly here, so that the numbers follow at once.
  const suite = browserSuite({ server: { textChangeMs: 200 } });

  it('numbers captions through the report, gives figures ids, and lets an author refer to figures and tables by keyboard', async () => {
    const { lead, project, author, section: intro } = await sectionTeam(suite.app, 'Abbildungsbericht');
    const costs = await createSection(lead, project.id, { title: 'Kosten' });
    expect(
      (await lead.client.patch(`/api/projects/${project.id}/sections/${costs.id}`, { assigneeIds: [author.user.id] })).status,
    ).toBe(200);
    const picture = await mustUpload(lead, project.id, pngImage(60, 30, [30, 90, 160]));
    // Section 1: two figures (one written before ids: none) and a table. Section 2, the author's:
    // a figure without an id yet, a table, a figure, and a reference to a figure deleted since.
    await setContent(
      suite.app,
      intro.id,
      doc(image(picture.src, 'Lageplan', PLAN), image(picture.src, 'Luftbild'), captioned('Einwohner je Ortsteil', RESIDENTS)),
    );
    await setContent(
      suite.app,
      costs.id,
      doc(
        paragraph(text('Wie früher gezeigt '), { type: 'figureRef', attrs: { figureId: GONE, kind: 'figure', caption: 'Altes Diagramm' } }),
        image(picture.src, 'Kostenentwicklung'),
        captioned('Kosten je Einwohner', COSTS),
        image(picture.src, 'Personalkosten', STAFF),
        paragraph(text('Zum Schluss')),
      ),
    );

    const page = await suite.pageOf(author);
    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${costs.id}`);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    // The numbers go on from the section before, as the PDF counts them.
    await waitFor(() => shownCaptions(page, '.editor-image-caption'), ['Abbildung 3: Kostenentwicklung', 'Abbildung 4: Personalkosten'], 'the figures\' numbers');
    await waitFor(() => shownCaptions(page, 'caption'), ['Tabelle 2: Kosten je Einwohner'], 'the table\'s number');
    // The reference to a figure that is gone says so.
    await waitFor(() => chips(page), ['Verweis fehlt: Abbildung „Altes Diagramm“'], 'the missing figure');

    // The captioned figure without an id got one; those with one kept theirs.
    const imageIds = async (): Promise<unknown[]> =>
      (await stored(author, project.id, costs.id, 'image')).map((attrs) => (UUID.test(String(attrs.figureId)) ? 'uuid' : attrs.figureId));
    await waitFor(imageIds, ['uuid', 'uuid'], 'an id for the figure without one');
    const images = await stored(author, project.id, costs.id, 'image');
    expect(images[1]?.figureId).toBe(STAFF);
    expect((await stored(author, project.id, costs.id, 'table')).map((attrs) => attrs.figureId)).toEqual([COSTS]);
    const assigned = String(images[0]?.figureId);

    // A reference to a figure in another section: the kind first (Shift+Tab from the filter, arrows), then the filter.
    await page.locator(EDITOR).getByText('Zum Schluss', { exact: true }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' – siehe ');
    await openDialogByKeyboard(page, 'Querverweis einfügen');
    const dialog = page.getByRole('dialog', { name: 'Querverweis einfügen' });
    const kinds = dialog.getByRole('group', { name: 'Verweisen auf' });
    expect(await kinds.getByRole('radio', { name: 'Abschnitt' }).isChecked()).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowRight');
    expect(await kinds.getByRole('radio', { name: 'Abbildung' }).isChecked()).toBe(true);
    const targets = dialog.getByRole('group', { name: 'Ziel des Verweises' });
    await targets.getByRole('radio').first().waitFor();
    expect(await targets.locator('label').allInnerTexts()).toEqual([
      'Abbildung 1 Lageplan\nAbschnitt 1 Ausgangslage',
      'Abbildung 2 Luftbild\nAbschnitt 1 Ausgangslage',
      'Abbildung 3 Kostenentwicklung\nAbschnitt 2 Kosten',
      'Abbildung 4 Personalkosten\nAbschnitt 2 Kosten',
    ]);
    // Written before ids and not opened since: shown, not choosable, and why.
    const unready = targets.getByRole('radio', { name: /Luftbild/ });
    expect(await unready.isDisabled()).toBe(true);
    expect(await unready.getAttribute('aria-describedby')).not.toBeNull();
    await dialog.getByText('Noch nicht wählbar').waitFor();
    await screenshot(page, 'figure-refs-01-dialog');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lage');
    await dialog.getByText('1 von 4 Abbildungen').waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    // A table in this section: "Tabelle" two steps to the right.
    await page.keyboard.type(' und ');
    await openDialogByKeyboard(page, 'Querverweis einfügen');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await kinds.getByRole('radio', { name: 'Tabelle' }).isChecked()).toBe(true);
    expect(await targets.locator('label').allInnerTexts()).toEqual([
      'Tabelle 1 Einwohner je Ortsteil\nAbschnitt 1 Ausgangslage',
      'Tabelle 2 Kosten je Einwohner\nAbschnitt 2 Kosten',
    ]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await targets.getByRole('radio', { name: /Kosten je Einwohner/ }).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.type('.');

    await waitFor(() => chips(page), ['Verweis fehlt: Abbildung „Altes Diagramm“', 'Abbildung 1', 'Tabelle 2'], 'the new references');
    const chip = page.locator(`${EDITOR} .figure-ref`);
    await chip.nth(1).getByText('Querverweis: Abbildung 1 „Lageplan“').waitFor({ state: 'attached' });
    expect(await chip.nth(1).getAttribute('title')).toBe('Abbildung 1: Lageplan (Abschnitt 1 Ausgangslage) – Strg+Klick springt dorthin');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await stored(author, project.id, costs.id, 'figureRef')).toEqual([
      { figureId: GONE, kind: 'figure', caption: 'Altes Diagramm' },
      { figureId: PLAN, kind: 'figure', caption: 'Lageplan' },
      { figureId: COSTS, kind: 'table', caption: 'Kosten je Einwohner' },
    ]);
    await screenshot(page, 'figure-refs-02-chips');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A captioned table added before the referenced one here: its number and the reference's follow at once.
    await page.evaluate(`document.querySelector('${EDITOR}').editor.chain().insertContentAt(0, ${JSON.stringify(captioned('Vorab', ''))}).run()`);
    await waitFor(() => shownCaptions(page, 'caption'), ['Tabelle 2: Vorab', 'Tabelle 3: Kosten je Einwohner'], 'the tables renumbered');
    await waitFor(() => chips(page), ['Verweis fehlt: Abbildung „Altes Diagramm“', 'Abbildung 1', 'Tabelle 3'], 'the table reference renumbered');

    // A captioned image added before "Lageplan" in the other section: the page learns it with the
    // next change of the outline (here a new title), and the numbers follow.
    await setContent(
      suite.app,
      intro.id,
      doc(
        image(picture.src, 'Übersicht', '5a2f9b6d-0c7e-4d3f-8b8a-1e6c7d8f9a0b'),
        image(picture.src, 'Lageplan', PLAN),
        image(picture.src, 'Luftbild'),
        captioned('Einwohner je Ortsteil', RESIDENTS),
      ),
    );
    expect((await lead.client.patch(`/api/projects/${project.id}/sections/${intro.id}`, { title: 'Lage' })).status).toBe(200);
    await waitFor(() => chips(page), ['Verweis fehlt: Abbildung „Altes Diagramm“', 'Abbildung 2', 'Tabelle 3'], 'the reference renumbered');
    await waitFor(() => shownCaptions(page, '.editor-image-caption'), ['Abbildung 4: Kostenentwicklung', 'Abbildung 5: Personalkosten'], 'the figures renumbered');

    // A selected reference opens the dialog on itself, to be changed.
    await chip.nth(2).click();
    await openDialogByKeyboard(page, 'Querverweis ändern');
    const changing = page.getByRole('dialog', { name: 'Querverweis ändern' });
    expect(await changing.getByRole('group', { name: 'Verweisen auf' }).getByRole('radio', { name: 'Tabelle' }).isChecked()).toBe(true);
    expect(await changing.getByRole('radio', { name: /Kosten je Einwohner/ }).isChecked()).toBe(true);
    await page.keyboard.type('Einwohner je');
    await page.keyboard.press('Enter');
    await changing.waitFor({ state: 'detached' });
    await waitFor(() => chips(page), ['Verweis fehlt: Abbildung „Altes Diagramm“', 'Abbildung 2', 'Tabelle 1'], 'the changed reference');

    // Deleting the figure a reference points to leaves the reference warning.
    await page.evaluate(`(() => {
      const editor = document.querySelector('${EDITOR}').editor;
      let at = -1;
      editor.state.doc.descendants((node, pos) => { if (node.attrs.figureId === '${STAFF}') { at = pos; } });
      editor.chain().insertContentAt(editor.state.doc.content.size, { type: 'paragraph', content: [
        { type: 'figureRef', attrs: { figureId: '${STAFF}', kind: 'figure', caption: 'Personalkosten' } },
      ] }).run();
      editor.chain().deleteRange({ from: at, to: at + 1 }).run();
    })()`);
    await waitFor(
      () => chips(page),
      ['Verweis fehlt: Abbildung „Altes Diagramm“', 'Abbildung 2', 'Tabelle 1', 'Verweis fehlt: Abbildung „Personalkosten“'],
      'the reference to the deleted figure',
    );
    await screenshot(page, 'figure-refs-03-missing');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(assigned).toMatch(UUID);
  }, 150_000);

  it('makes a reference a link for readers that leads to the figure\'s section', async () => {
    const { lead, project, author, reviewer, section: intro, url } = await sectionTeam(suite.app, 'Abbildungsbericht');
    const costs = await createSection(lead, project.id, { title: 'Kosten' });
    const picture = await mustUpload(lead, project.id, pngImage(60, 30, [30, 90, 160]));
    await setContent(suite.app, costs.id, doc(paragraph(text('Vorher')), image(picture.src, 'Kostenentwicklung', COSTS)));
    await setContent(
      suite.app,
      intro.id,
      doc(paragraph(text('Siehe '), { type: 'figureRef', attrs: { figureId: COSTS, kind: 'figure', caption: 'Kostenentwicklung' } })),
    );
    void author;
    const page = await suite.pageOf(reviewer);
    await page.goto(url);
    const link = page.getByRole('link', { name: 'Querverweis: Abbildung 1 „Kostenentwicklung“' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/projects/${project.id}/sections/${costs.id}#figure-${COSTS}`);
    await screenshot(page, 'figure-refs-04-reader-link');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${suite.app.origin}/projects/${project.id}/sections/${costs.id}#figure-${COSTS}`);
    await page.getByRole('heading', { level: 1, name: '2 Kosten' }).waitFor();
    await waitFor(() => shownCaptions(page, '.editor-image-caption'), ['Abbildung 1: Kostenentwicklung'], 'the figure');
  }, 90_000);

  /**
   * A report of two sections: the first holds `first` (its figures, made with an uploaded
   * picture's address), the second a reference to "Lageplan", open in the author's editor.
   */
  async function referenceInOtherSection(first: (src: string) => JSONContent[]) {
    const { lead, project, author, section: intro } = await sectionTeam(suite.app, 'Abbildungsbericht');
    const costs = await createSection(lead, project.id, { title: 'Kosten' });
    expect(
      (await lead.client.patch(`/api/projects/${project.id}/sections/${costs.id}`, { assigneeIds: [author.user.id] })).status,
    ).toBe(200);
    const picture = await mustUpload(lead, project.id, pngImage(60, 30, [30, 90, 160]));
    await setContent(suite.app, intro.id, doc(...first(picture.src)));
    await setContent(
      suite.app,
      costs.id,
      doc(paragraph(text('Siehe '), { type: 'figureRef', attrs: { figureId: PLAN, kind: 'figure', caption: 'Lageplan' } })),
    );
    const page = await suite.pageOf(author);
    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${costs.id}`);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await waitFor(() => chips(page), ['Abbildung 1'], 'the reference to the figure');
    return { lead, intro, picture, page };
  }

  it('renumbers a reference while somebody adds a figure in another section, without a reload', async () => {
    const { lead, intro, picture, page } = await referenceInOtherSection((src) => [image(src, 'Lageplan', PLAN)]);

    // The lead puts a captioned image before "Lageplan" in the other section, live.
    const writer = connectCollab(suite.app.origin, lead, intro.id);
    try {
      await synced(writer);
      writer.doc.transact(() => {
        const added = new Y.XmlElement('image');
        added.setAttribute('src', picture.src);
        added.setAttribute('alt', 'Übersicht');
        added.setAttribute('caption', 'Übersicht');
        writer.doc.getXmlFragment('default').insert(0, [added]);
      });
      await waitFor(() => chips(page), ['Abbildung 2'], 'the reference renumbered');
    } finally {
      writer.destroy();
    }
  }, 60_000);

  it('learns of a figure deleted in another section when its writer comes back to the tab', async () => {
    const { intro, page } = await referenceInOtherSection((src) => [image(src, 'Lageplan', PLAN), paragraph(text('Text'))]);

    // The figure goes from the other section's text (nobody has it open); no event says so.
    await setContent(suite.app, intro.id, doc(paragraph(text('Text'))));
    // The writer comes back to the tab (as after reading the other section elsewhere).
    await page.evaluate(`document.dispatchEvent(new Event('visibilitychange'))`);
    await waitFor(() => chips(page), ['Verweis fehlt: Abbildung „Lageplan“'], 'the reference to say its figure is gone');
  }, 60_000);
});
