import type { Locator, Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import { pngImage } from '../../apps/server/test/image-files.js';
import { describeInBrowser, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { sectionTeam } from './people.js';
import { browserSuite } from './suite.js';
import { clickToolbar } from './toolbar.js';

const EDITOR = '.ProseMirror';
const ALT = 'Balkendiagramm: In 12 von 20 Kommunen läuft überwiegend offene Software';
const CAPTION = 'Anteil offener Software in den Kommunen, 2025';

/** Opens the section and waits until its text has arrived (for a writer: and can be written). */
async function openSection(page: Page, url: string, writer: boolean): Promise<void> {
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' }).waitFor();
  await page.getByText(writer ? 'Alle Änderungen gespeichert' : 'Verbunden').waitFor();
}

/** The image nodes' attributes of the section as the server stores them. */
/**
 * Clicks the image until it is selected (the toolbar's "Bildbeschreibung bearbeiten" is enabled
 * then, in the row or in "Mehr"): under load a click can meet the image while its caption
 * redraws it and land beside it, in the text.
 */
async function selectImage(page: Page, image: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await page.locator(image).click();
    try {
      await waitUntilTrue(page, `document.querySelector('.ProseMirror').editor.isActive('image')`, 'the image selected', 3000);
      return;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
    }
  }
}

async function storedImages(person: Person, projectId: string, sectionId: string): Promise<Record<string, unknown>[]> {
  const res = await person.client.get<{ json: { content?: { type: string; attrs?: Record<string, unknown> }[] } }>(
    `/api/projects/${projectId}/sections/${sectionId}/content`,
  );
  return (res.body.json.content ?? []).filter((node) => node.type === 'image').map((node) => node.attrs ?? {});
}

/** The captions shown in the text, without the name that only screen readers hear. */
function shownCaptions(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('${EDITOR} .editor-image-caption')].map((caption) => {
    const copy = caption.cloneNode(true);
    copy.querySelector('.visually-hidden')?.remove();
    return copy.textContent;
  })`);
}

async function waitForCaptions(page: Page, expected: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (JSON.stringify(await shownCaptions(page)) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) {
      throw new Error(`expected the captions ${JSON.stringify(expected)}, saw ${JSON.stringify(await shownCaptions(page))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** True when `caption` starts within a line's height below the bottom of `image` and is left-aligned with it. */
async function sitsBelow(image: Locator, caption: Locator): Promise<boolean> {
  const [picture, words] = await Promise.all([image.boundingBox(), caption.boundingBox()]);
  return (
    picture !== null &&
    words !== null &&
    words.y >= picture.y + picture.height - 1 &&
    words.y <= picture.y + picture.height + 24 &&
    Math.abs(words.x - picture.x) < 2
  );
}

/** Fires a paste of `html`, as the browser does for the clipboard (page source: the tests have no DOM types). */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/html', ${JSON.stringify(html)});
    document.querySelector('${EDITOR}').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

describeInBrowser('image captions in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;

  it('lets an author give an image a caption beside its alternative text, which the reviewer sees below the image and in a version, and change or remove it for both', async () => {
    const { project, author, reviewer, section, url } = await sectionTeam(suite.app, 'Abbildungen');
    const authorPage = await pageOf(author);
    const reviewerPage = await pageOf(reviewer);
    await Promise.all([openSection(authorPage, url, true), openSection(reviewerPage, url, false)]);

    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Die Kommunen setzen zunehmend auf offene Software.');
    const [chooser] = await Promise.all([authorPage.waitForEvent('filechooser'), clickToolbar(authorPage, 'Bild einfügen')]);
    await chooser.setFiles({ name: 'anteil.png', mimeType: 'image/png', buffer: pngImage(120, 60, [30, 90, 160]) });

    // One dialog for both: the alternative text describes the image, the caption is printed below it.
    const dialog = authorPage.getByRole('dialog', { name: 'Bild einfügen' });
    await dialog.getByText('Datei: anteil.png').waitFor();
    await dialog.getByLabel('Alternativtext', { exact: true }).fill(ALT);
    const captionField = dialog.getByLabel('Bildunterschrift (optional)');
    expect(await captionField.getAttribute('maxlength')).toBe('500');
    await dialog.getByText('im PDF als „Abbildung N: …“').waitFor();
    await captionField.fill(CAPTION);
    await screenshot(authorPage, 'captions-01-dialog');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
    await dialog.getByRole('button', { name: 'Hochladen und einfügen' }).click();

    const image = `${EDITOR} img[alt="${ALT}"]`;
    await authorPage.locator(image).waitFor();
    // Numbered as the PDF numbers it: the report's first figure.
    await waitForCaptions(authorPage, [`Abbildung 1: ${CAPTION}`]);
    expect(await sitsBelow(authorPage.locator(image), authorPage.locator('.editor-image-caption'))).toBe(true);
    // Not part of the text: the caption is the image's, drawn below it.
    expect(await authorPage.evaluate<string>(`document.querySelector('${EDITOR}').editor.getText()`)).not.toContain(CAPTION);

    // The reviewer, who only reads, sees it too, below the image, named for screen readers.
    await reviewerPage.locator(image).waitFor();
    await waitForCaptions(reviewerPage, [`Abbildung 1: ${CAPTION}`]);
    expect(await sitsBelow(reviewerPage.locator(image), reviewerPage.locator('.editor-image-caption'))).toBe(true);
    expect(await reviewerPage.locator('.editor-image-caption .visually-hidden').textContent()).toBe('Bildunterschrift: ');
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedImages(author, project.id, section.id)).toEqual([expect.objectContaining({ alt: ALT, caption: CAPTION })]);
    await screenshot(reviewerPage, 'captions-02-reviewer-sees-caption');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);

    // A version shows the caption below the image's words.
    const saved = await author.client.post(`/api/projects/${project.id}/sections/${section.id}/versions`, { label: 'Mit Abbildung' });
    expect(saved.status).toBe(201);
    await reviewerPage.getByRole('button', { name: 'Ansehen: Mit Abbildung' }).click();
    const version = reviewerPage.getByRole('dialog', { name: 'Version: Mit Abbildung' }).getByRole('region', { name: 'Text der Version' });
    const figure = version.getByRole('figure', { name: CAPTION });
    await figure.getByText(`[Bild: ${ALT}]`).waitFor();
    await screenshot(reviewerPage, 'captions-03-version');
    await reviewerPage.keyboard.press('Escape');

    // "Bildbeschreibung bearbeiten" shows both as they are; a changed caption reaches both.
    await selectImage(authorPage, image);
    await clickToolbar(authorPage, 'Bildbeschreibung bearbeiten');
    const editing = authorPage.getByRole('dialog', { name: 'Bildbeschreibung bearbeiten' });
    expect(await editing.getByLabel('Alternativtext', { exact: true }).inputValue()).toBe(ALT);
    expect(await editing.getByLabel('Bildunterschrift (optional)').inputValue()).toBe(CAPTION);
    await editing.getByLabel('Bildunterschrift (optional)').fill('Anteil offener Software in den Kommunen, 2025 (Schätzung)');
    // Enter takes it, as in any one-line field.
    await editing.getByLabel('Bildunterschrift (optional)').press('Enter');
    await authorPage.getByText('Bildbeschreibung gespeichert.').waitFor();
    await waitForCaptions(authorPage, ['Abbildung 1: Anteil offener Software in den Kommunen, 2025 (Schätzung)']);
    await waitForCaptions(reviewerPage, ['Abbildung 1: Anteil offener Software in den Kommunen, 2025 (Schätzung)']);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedImages(author, project.id, section.id)).toEqual([
      expect.objectContaining({ alt: ALT, caption: 'Anteil offener Software in den Kommunen, 2025 (Schätzung)' }),
    ]);

    // Emptied, the image has no caption any more (stored as none, not as an empty one).
    await selectImage(authorPage, image);
    await clickToolbar(authorPage, 'Bildbeschreibung bearbeiten');
    await editing.getByLabel('Bildunterschrift (optional)').fill('   ');
    await editing.getByRole('button', { name: 'Übernehmen' }).click();
    await waitForCaptions(reviewerPage, []);
    await waitForCaptions(authorPage, []);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedImages(author, project.id, section.id)).toEqual([expect.objectContaining({ alt: ALT, caption: null })]);
  }, 120_000);

  it('takes the caption of a figure pasted from elsewhere, and of an image copied from the section\'s own HTML', async () => {
    const { project, author, section, url } = await sectionTeam(suite.app, 'Einfügen');
    const page = await pageOf(author);
    await openSection(page, url, true);
    await page.locator(EDITOR).click();

    // From a web page or an office program: a figure whose picture is a data: URL (uploaded
    // first), without alternative text: marked as lacking it, the badge right below the
    // image and the caption below the badge.
    const picture = pngImage(24, 16, [20, 120, 60]).toString('base64');
    await pasteHtml(
      page,
      `<figure><img src="data:image/png;base64,${picture}"><figcaption>Das Wappen des Landkreises\n seit 1950</figcaption></figure>`,
    );
    await page.locator(`${EDITOR} img.editor-image--no-alt`).waitFor();
    await waitForCaptions(page, ['Abbildung 1: Das Wappen des Landkreises seit 1950']);
    expect(await sitsBelow(page.locator(`${EDITOR} img`), page.locator('.editor-image-badge'))).toBe(true);
    const badge = await page.locator('.editor-image-badge').boundingBox();
    const caption = await page.locator('.editor-image-caption').boundingBox();
    expect(caption !== null && badge !== null && caption.y >= badge.y + badge.height).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    const content = await author.client.get<{ html: string }>(`/api/projects/${project.id}/sections/${section.id}/content`);
    expect(content.body.html).toContain('data-caption="Das Wappen des Landkreises seit 1950"');

    // The server's HTML of the section, pasted back: the image comes again with its caption.
    await page.keyboard.press('Control+End');
    await pasteHtml(page, content.body.html);
    await waitForCaptions(page, ['Abbildung 1: Das Wappen des Landkreises seit 1950', 'Abbildung 2: Das Wappen des Landkreises seit 1950']);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    const stored = await storedImages(author, project.id, section.id);
    expect(stored).toHaveLength(2);
    expect(stored.map((attrs) => [attrs.alt, attrs.caption])).toEqual([
      [null, 'Das Wappen des Landkreises seit 1950'],
      [null, 'Das Wappen des Landkreises seit 1950'],
    ]);
    // A copy, not the figure moved: the pasted one got an id of its own (references keep pointing to the first).
    expect(content.body.html).toMatch(/data-figure-id="[0-9a-f-]{36}"/);
    expect(new Set(stored.map((attrs) => attrs.figureId)).size).toBe(2);
    await screenshot(page, 'captions-04-pasted-figures');
  }, 90_000);
});
