import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createParticipant, createProject, type Person } from '../../apps/server/test/factories.js';
import { mustUpload, pngImage } from '../../apps/server/test/image-files.js';
import type { TestApp } from '../../apps/server/test/test-app.js';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { asFile, dragFileOnto, dropTaken, transfer, type DropOutcome } from './image-transfer.js';
import { sectionTeam } from './people.js';
import { browserSuite } from './suite.js';
import { arrowToToolbar, clickToolbar, toolbarControl } from './toolbar.js';

const EDITOR = '.ProseMirror';
/** Small, so that a too-large file is quick to make; the test images are far below it. */
const IMAGE_MAX_BYTES = 20_000;

/** The images stored for the project (uploads, whether or not they are in a text). */
async function storedImageCount(app: TestApp, projectId: string): Promise<number> {
  const { rows } = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM images WHERE project_id = $1', [projectId]);
  return rows[0]?.n ?? -1;
}

/** Waits until the image is there and its bytes loaded (naturalWidth > 0). */
async function waitForLoadedImage(page: Page, selector: string): Promise<void> {
  await waitUntilTrue(
    page,
    `(() => { const img = document.querySelector(${JSON.stringify(selector)}); return img !== null && img.complete && img.naturalWidth > 0; })()`,
    `the image ${selector} to load`,
  );
}

/** The image nodes of the section as the server stores them. */
async function storedImages(person: Person, projectId: string, sectionId: string): Promise<Record<string, unknown>[]> {
  const res = await person.client.get<{ json: { content?: { type: string; attrs?: Record<string, unknown> }[] } }>(
    `/api/projects/${projectId}/sections/${sectionId}/content`,
  );
  return (res.body.json.content ?? []).filter((node) => node.type === 'image').map((node) => node.attrs ?? {});
}

function focusIsInText(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`document.activeElement?.classList.contains('ProseMirror') === true`);
}

function focusIsInDialog(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`document.activeElement?.closest('dialog[open]') !== null && document.activeElement?.closest('dialog[open]') !== undefined`);
}

/** Opens the section as `person` and waits until the text can be written. */
async function openSection(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' }).waitFor();
  await page.getByText('Alle Änderungen gespeichert').waitFor();
}

/** Opens the section as someone who only reads it, and waits until its text has arrived. */
async function openToRead(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' }).waitFor();
  await page.getByText('Verbunden').waitFor();
}

describeInBrowser('images in the text, in Chromium', () => {
  const suite = browserSuite({ server: { imageMaxBytes: IMAGE_MAX_BYTES } });
  const { pageOf } = suite;

  it('lets an author insert an image with its alternative text from the toolbar, which the reviewer sees loaded, and change it to decorative', async () => {
    const { project, author, reviewer, section, url } = await sectionTeam(suite.app, 'Bilder');
    const authorPage = await pageOf(author);
    const reviewerPage = await pageOf(reviewer);
    const foreign = [...recordForeignRequests(authorPage, suite.app.origin), ...recordForeignRequests(reviewerPage, suite.app.origin)];
    await Promise.all([openSection(authorPage, url), openToRead(reviewerPage, url)]);

    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Der Stadtplan zeigt die Lage.');
    const [chooser] = await Promise.all([authorPage.waitForEvent('filechooser'), clickToolbar(authorPage, 'Bild einfügen')]);
    await chooser.setFiles({ name: 'stadtplan.png', mimeType: 'image/png', buffer: pngImage(40, 30, [30, 90, 160]) });

    // The dialog asks for the alternative text first; it is required unless the image is decorative.
    const dialog = authorPage.getByRole('dialog', { name: 'Bild einfügen' });
    await dialog.getByText('Datei: stadtplan.png').waitFor();
    expect(await focusIsInDialog(authorPage)).toBe(true);
    await dialog.getByRole('button', { name: 'Hochladen und einfügen' }).click();
    await dialog.getByText('Bitte beschreiben Sie das Bild oder markieren Sie es als dekorativ.').waitFor();
    expect(await dialog.getByLabel('Alternativtext', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(authorPage, 'images-01-alt-text-required');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
    await dialog.getByLabel('Alternativtext', { exact: true }).fill('Stadtplan von Musterstadt mit den drei Stadtteilen');
    await dialog.getByRole('button', { name: 'Hochladen und einfügen' }).click();

    const alt = 'Stadtplan von Musterstadt mit den drei Stadtteilen';
    const inserted = `${EDITOR} img[alt="${alt}"]`;
    await authorPage.locator(inserted).waitFor();
    expect(await dialog.count()).toBe(0);
    await authorPage.getByText('Bild eingefügt.').waitFor();
    // Back in the text, behind the image.
    expect(await focusIsInText(authorPage)).toBe(true);
    const src = (await authorPage.locator(inserted).getAttribute('src')) ?? '';
    expect(src).toMatch(new RegExp(`^/api/projects/${project.id}/images/[0-9a-f-]{36}$`));
    expect([await authorPage.locator(inserted).getAttribute('width'), await authorPage.locator(inserted).getAttribute('height')]).toEqual(['40', '30']);

    // The reviewer sees it loaded, with its alternative text, and has nothing to insert with.
    await waitForLoadedImage(reviewerPage, `${EDITOR} img[alt="${alt}"][src="${src}"]`);
    expect(await reviewerPage.getByRole('button', { name: 'Bild einfügen' }).count()).toBe(0);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedImages(author, project.id, section.id)).toEqual([expect.objectContaining({ src, alt, width: 40, height: 30 })]);
    await screenshot(reviewerPage, 'images-02-reviewer-sees-image');

    // Selected, the image can have its alternative text changed: here to decorative (alt="").
    await authorPage.locator(inserted).click();
    await clickToolbar(authorPage, 'Bildbeschreibung bearbeiten');
    const editing = authorPage.getByRole('dialog', { name: 'Bildbeschreibung bearbeiten' });
    expect(await editing.getByLabel('Alternativtext', { exact: true }).inputValue()).toBe(alt);
    await editing.getByLabel('Dekorativ: kein Alternativtext nötig').check();
    await editing.getByRole('button', { name: 'Übernehmen' }).click();
    await reviewerPage.locator(`${EDITOR} img[alt=""][src="${src}"]`).waitFor();
    expect(await focusIsInText(authorPage)).toBe(true);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedImages(author, project.id, section.id)).toEqual([expect.objectContaining({ src, alt: '' })]);
    expect(foreign).toEqual([]);
  }, 120_000);

  it('uploads the data: images of pasted HTML and copies another project’s, leaves out images of other hosts with a notice, and marks pasted files without alternative text', async () => {
    const { project, author, url } = await sectionTeam(suite.app, 'Einfügen');
    const page = await pageOf(author);
    const foreign = recordForeignRequests(page, suite.app.origin);
    await openSection(page, url);
    await page.locator(EDITOR).click();

    // From an office program: the picture inside the HTML as a data: URL, and a logo from the web.
    const chart = pngImage(24, 12, [20, 120, 60]).toString('base64');
    await transfer(page, 'paste', {
      html: `<p>Aus dem Jahresbericht:</p><img src="data:image/png;base64,${chart}" alt="Balkendiagramm der Ausgaben"><img src="https://www.example.org/logo.png" alt="Logo">`,
    });
    const uploaded = page.locator(`${EDITOR} img[alt="Balkendiagramm der Ausgaben"]`);
    await uploaded.waitFor();
    expect(await uploaded.getAttribute('src')).toMatch(new RegExp(`^/api/projects/${project.id}/images/`));
    await waitForLoadedImage(page, `${EDITOR} img[alt="Balkendiagramm der Ausgaben"]`);
    const notices = page.getByRole('status').filter({ hasText: 'weggelassen' });
    await notices.getByText('Ein Bild aus dem eingefügten Inhalt wurde weggelassen: Kapitel lädt keine Bilder von fremden Adressen.').waitFor();
    expect(await page.locator(`${EDITOR} img[src*="example.org"]`).count()).toBe(0);
    expect(await page.locator(`${EDITOR} p`, { hasText: 'Aus dem Jahresbericht:' }).count()).toBe(1);

    // Only outside images: the text is pasted at once, without them, and the notice counts them.
    await transfer(page, 'paste', {
      html: '<p>Quellen: <img src="https://a.example.org/1.png"> und <img src="http://b.example.org/2.gif"></p>',
    });
    await page.getByText('2 Bilder aus dem eingefügten Inhalt wurden weggelassen').waitFor();
    expect(await page.locator(`${EDITOR} img`).count()).toBe(1);

    // Copied from another project of the author's on this server: uploaded into this one, so
    // that everyone here can see it (and the export can print it).
    const elsewhere = await createProject(author, { title: 'Anderer Bericht' });
    const theirs = await mustUpload(author, elsewhere.id, pngImage(14, 7, [90, 10, 90]));
    await transfer(page, 'paste', { html: `<img src="${suite.app.origin}${theirs.src}" alt="Wappen des Landkreises">` });
    const copied = page.locator(`${EDITOR} img[alt="Wappen des Landkreises"]`);
    await copied.waitFor();
    expect(await copied.getAttribute('src')).toMatch(new RegExp(`^/api/projects/${project.id}/images/`));
    expect(await page.locator(`${EDITOR} img`).count()).toBe(2);

    // A pasted image file is uploaded and inserted; the dialog asks for its alternative text.
    await transfer(page, 'paste', { files: [asFile('image.png', pngImage(10, 10, [200, 200, 0]))] });
    const asked = page.getByRole('dialog', { name: 'Bildbeschreibung bearbeiten' });
    await asked.waitFor();
    await screenshot(page, 'images-03-pasted-file-asks');
    // Left without a decision, the image is marked until someone gives it one.
    await page.keyboard.press('Escape');
    expect(await asked.count()).toBe(0);
    expect(await focusIsInText(page)).toBe(true);
    await page.locator(`${EDITOR} img.editor-image--no-alt`).waitFor();
    await page.locator(`${EDITOR} .editor-image-badge`, { hasText: 'Alternativtext fehlt' }).waitFor();
    await page.getByText('Bild eingefügt. Ihm fehlt noch der Alternativtext').waitFor();

    // Two files dropped: both inserted and marked, no dialog for a batch.
    await transfer(page, 'drop', {
      files: [asFile('karte-nord.png', pngImage(8, 8, [1, 2, 3])), asFile('karte-sued.png', pngImage(9, 9, [4, 5, 6]))],
    });
    await page.getByText('2 Bilder eingefügt. Ihnen fehlt noch der Alternativtext').waitFor();
    expect(await page.locator(`${EDITOR} img.editor-image--no-alt`).count()).toBe(3);
    expect(await page.locator(`${EDITOR} img`).count()).toBe(5);
    await screenshot(page, 'images-04-missing-alt-marked');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
  }, 120_000);

  it('says what to do when a file is no image, too large or could not be sent, and offers another file', async () => {
    const { author, url } = await sectionTeam(suite.app, 'Fehler');
    const page = await pageOf(author);
    await openSection(page, url);
    await page.locator(EDITOR).click();

    const choose = async (name: string, buffer: Buffer): Promise<void> => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickToolbar(page, 'Bild einfügen')]);
      await chooser.setFiles({ name, mimeType: 'image/png', buffer });
    };
    await choose('bericht.png', Buffer.from('Dies ist ein Text, kein Bild.'));
    const dialog = page.getByRole('dialog', { name: 'Bild einfügen' });
    await dialog.getByLabel('Dekorativ: kein Alternativtext nötig').check();
    await dialog.getByRole('button', { name: 'Hochladen und einfügen' }).click();
    await dialog.getByRole('alert').getByText('Dieses Dateiformat wird nicht unterstützt. Bitte wählen Sie ein Bild im Format PNG, JPEG, GIF oder WebP.').waitFor();
    await screenshot(page, 'images-05-wrong-type');

    // The server's limit (here IMAGE_MAX_BYTES = 20 000): a 413, worded with what helps.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Andere Datei wählen' }).click()]);
    await chooser.setFiles({ name: 'luftbild.png', mimeType: 'image/png', buffer: Buffer.concat([pngImage(4, 4), Buffer.alloc(IMAGE_MAX_BYTES)]) });
    await dialog.getByText('Datei: luftbild.png').waitFor();
    await dialog.getByRole('button', { name: 'Hochladen und einfügen' }).click();
    await dialog.getByRole('alert').getByText('Das Bild ist zu groß. Verkleinern Sie es').waitFor();
    expect(await page.locator(`${EDITOR} img`).count()).toBe(0);

    // No answer at all (the network is gone): nothing was uploaded, and trying again works.
    const [again] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Andere Datei wählen' }).click()]);
    await again.setFiles({ name: 'wappen.png', mimeType: 'image/png', buffer: pngImage(12, 12) });
    await page.route('**/api/projects/*/images', (route) => route.abort('internetdisconnected'));
    await dialog.getByRole('button', { name: 'Hochladen und einfügen' }).click();
    await dialog
      .getByRole('alert')
      .getByText('Keine Verbindung zum Server: Das Bild wurde nicht hochgeladen. Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.')
      .waitFor();
    await page.unroute('**/api/projects/*/images');
    await dialog.getByRole('button', { name: 'Hochladen und einfügen' }).click();
    await page.locator(`${EDITOR} img[alt=""]`).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await focusIsInText(page)).toBe(true);
  }, 90_000);

  it('offers readers no image controls and takes no pasted image from them, nor from an author once the section is in review', async () => {
    const { lead, project, author, section, url } = await sectionTeam(suite.app, 'Lesen');
    const reader = await createParticipant(suite.app, lead, project.id, 'reader');
    const readerPage = await pageOf(reader);
    const uploads: string[] = [];
    readerPage.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/images')) {
        uploads.push(request.url());
      }
    });
    await openToRead(readerPage, url);
    await readerPage.getByText('Nur lesen: Als Leserin/Leser können Sie den Text nicht ändern.').waitFor();
    expect(await readerPage.getByRole('button', { name: 'Bild einfügen' }).count()).toBe(0);
    expect(await readerPage.getByRole('button', { name: 'Bildbeschreibung bearbeiten' }).count()).toBe(0);
    await readerPage.locator(EDITOR).focus();
    await transfer(readerPage, 'paste', { files: [asFile('foto.png', pngImage(6, 6))] });
    await transfer(readerPage, 'drop', { files: [asFile('foto.png', pngImage(6, 6))] });
    await readerPage.waitForTimeout(500);
    expect(await readerPage.locator(`${EDITOR} img`).count()).toBe(0);
    expect(uploads).toEqual([]);

    const authorPage = await pageOf(author);
    await openSection(authorPage, url);
    await toolbarControl(authorPage, 'Bild einfügen');
    const submitted = await author.client.post(`/api/projects/${project.id}/sections/${section.id}/transitions`, { action: 'submit' });
    expect(submitted.status).toBe(200);
    await authorPage.getByText('Nur lesen: Der Abschnitt ist in Prüfung.').waitFor();
    expect(await authorPage.getByRole('button', { name: 'Bild einfügen' }).count()).toBe(0);
    expect(await authorPage.getByRole('toolbar').count()).toBe(0);
    await transfer(authorPage, 'paste', { files: [asFile('foto.png', pngImage(6, 6))] });
    await authorPage.waitForTimeout(500);
    expect(await authorPage.locator(`${EDITOR} img`).count()).toBe(0);
  }, 90_000);

  it('keeps a reader, and an author whose section is in review, in the app when they drop an image file onto the text, and uploads nothing', async () => {
    const { lead, project, author, section, url } = await sectionTeam(suite.app, 'Fallen lassen');
    const reader = await createParticipant(suite.app, lead, project.id, 'reader');
    const readerPage = await pageOf(reader);
    const authorPage = await pageOf(author);
    const uploads: string[] = [];
    for (const page of [readerPage, authorPage]) {
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/images')) {
          uploads.push(request.url());
        }
      });
    }
    // Refused: the page keeps the file from the browser, the pointer says it cannot go there, and no drop happens.
    const refused: DropOutcome = { dragoverTaken: true, dropEffect: 'none', dropFired: false };
    const dir = await mkdtemp(join(tmpdir(), 'kapitel-drop-'));
    const photo = join(dir, 'foto.png');
    await writeFile(photo, pngImage(6, 6));

    await openToRead(readerPage, url);
    await readerPage.getByText('Nur lesen: Als Leserin/Leser können Sie den Text nicht ändern.').waitFor();
    expect(await dragFileOnto(readerPage, photo)).toEqual(refused);
    expect(await dropTaken(readerPage, asFile('foto.png', pngImage(6, 6)))).toBe(true);
    await readerPage.waitForTimeout(500);
    expect(readerPage.url()).toBe(url);
    expect(await readerPage.locator(`${EDITOR} img`).count()).toBe(0);

    await openSection(authorPage, url);
    const submitted = await author.client.post(`/api/projects/${project.id}/sections/${section.id}/transitions`, { action: 'submit' });
    expect(submitted.status).toBe(200);
    await authorPage.getByText('Nur lesen: Der Abschnitt ist in Prüfung.').waitFor();
    expect(await dragFileOnto(authorPage, photo)).toEqual(refused);
    expect(await dropTaken(authorPage, asFile('foto.png', pngImage(6, 6)))).toBe(true);
    await authorPage.waitForTimeout(500);
    expect(authorPage.url()).toBe(url);
    expect(await authorPage.locator(`${EDITOR} img`).count()).toBe(0);
    await rm(dir, { recursive: true });

    expect(uploads).toEqual([]);
    expect(await storedImageCount(suite.app, project.id)).toBe(0);
    expect(await storedImages(lead, project.id, section.id)).toEqual([]);
  }, 90_000);

  it('keeps the focus inside the link and image dialogs, closes them with Escape from anywhere in them, and gives the focus back to the text', async () => {
    const { author, url } = await sectionTeam(suite.app, 'Tastatur');
    const page = await pageOf(author);
    await openSection(page, url);
    await page.locator(EDITOR).click();
    await page.keyboard.type('Kreisverwaltung');
    await page.keyboard.press('Shift+Home');

    // From the keyboard: Shift+Tab into the toolbar, to "Link", Enter.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Home');
    await arrowToToolbar(page, 'Link');
    await page.keyboard.press('Enter');
    const link = page.getByRole('dialog', { name: 'Link bearbeiten' });
    await link.waitFor();
    // Tab past the last control and back past the first: the focus never leaves the dialog.
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await focusIsInDialog(page)).toBe(true);
    }
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await link.count()).toBe(0);
    expect(await focusIsInText(page)).toBe(true);
    // The selection is where it was: typing replaces the selected word.
    await page.keyboard.type('Landratsamt');
    expect(await page.evaluate<string>(`document.querySelector('${EDITOR}').editor.getText()`)).toBe('Landratsamt');

    // The image dialog behaves the same, opened and used from the keyboard alone. (Waited
    // for first: Playwright starts catching the file picker only some time after being asked.)
    const choosing = page.waitForEvent('filechooser');
    await page.keyboard.press('Shift+Tab');
    await arrowToToolbar(page, 'Bild einfügen');
    await page.keyboard.press('Enter');
    const chooser = await choosing;
    await chooser.setFiles({ name: 'wappen.png', mimeType: 'image/png', buffer: pngImage(16, 16) });
    const image = page.getByRole('dialog', { name: 'Bild einfügen' });
    await image.waitFor();
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await focusIsInDialog(page)).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(await image.count()).toBe(0);
    expect(await focusIsInText(page)).toBe(true);
    expect(await page.locator(`${EDITOR} img`).count()).toBe(0);
  }, 90_000);
});
