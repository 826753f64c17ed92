import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { createSection, type Person } from '../../apps/server/test/factories.js';
import { readImage } from '../../apps/server/test/image-files.js';
import {
  describeInBrowser,
  recordForeignRequests,
  screenshot,
  seriousA11yViolations,
  waitUntilTrue,
} from './browser.js';
import { sectionTeam } from './people.js';
import { clickToolbar } from './toolbar.js';
import { browserSuite } from './suite.js';

const EDITOR = '.ProseMirror';
const EDITOR_API = `document.querySelector('${EDITOR}').editor`;
const documentFile = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`./documents/${name}`, import.meta.url)));

interface StoredNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: StoredNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** The section's text as the server stores it (its ProseMirror JSON). */
async function storedContent(person: Person, projectId: string, sectionId: string): Promise<StoredNode[]> {
  const res = await person.client.get<{ json: { content?: StoredNode[] } }>(
    `/api/projects/${projectId}/sections/${sectionId}/content`,
  );
  return res.body.json.content ?? [];
}

/** A node's text, its footnotes in brackets. */
function textOf(node: StoredNode): string {
  if (node.type === 'footnote') {
    return `[${String(node.attrs?.text)}]`;
  }
  const textblock = node.type === 'paragraph' || node.type === 'heading';
  return node.text ?? (node.content ?? []).map(textOf).join(textblock ? '' : ' | ');
}

/** The shape of a stored text: one line per block, by type (and level), with its text. */
function shape(nodes: StoredNode[]): string[] {
  return nodes.map((node) => {
    if (node.type === 'image') {
      return `image alt="${String(node.attrs?.alt)}" caption="${String(node.attrs?.caption)}"`;
    }
    if (node.type === 'table') {
      return `table caption="${String(node.attrs?.caption)}": ${(node.content ?? []).map(textOf).join(' / ')}`;
    }
    const level = node.type === 'heading' ? String(node.attrs?.level) : '';
    return `${node.type}${level}: ${textOf(node)}`;
  });
}

/** Chooses a file in the picker that "Dokument einfügen" (below the text) opens. */
async function insertDocument(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Dokument einfügen (Word, ODT) …' }).click(),
  ]);
  await chooser.setFiles({ ...file, mimeType: 'application/octet-stream' });
}

/** Opens the project page and chooses a document in the card "Gliederung aus einem Dokument"; the card. */
async function outlineFromDocument(page: Page, url: string, name: string): Promise<Locator> {
  await page.goto(url);
  const card = page.getByRole('region', { name: 'Gliederung aus einem Dokument' });
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    card.getByRole('button', { name: 'Dokument wählen (Word, ODT) …' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer: documentFile(name) });
  return card;
}

async function openSection(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' }).waitFor();
  await page.getByText('Alle Änderungen gespeichert').waitFor();
}

describeInBrowser('inserting a Word or OpenDocument file into a section, in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;

  it.each(['bericht.docx', 'bericht.odt'])(
    'inserts %s as LibreOffice wrote it at the cursor: headings, marks, link, footnote, lists, table, image with caption, quote, stored on the server',
    async (name) => {
      const { project, author, section, url } = await sectionTeam(suite.app, 'Import');
      const page = await pageOf(author);
      const foreign = recordForeignRequests(page, suite.app.origin);
      await openSection(page, url);
      await page.locator(EDITOR).click();
      await page.keyboard.type('Vorwort.');
      await page.keyboard.press('Enter');

      await insertDocument(page, { name, buffer: documentFile(name) });
      await page.getByText('Dokument eingefügt.', { exact: false }).waitFor();
      await page.locator(`${EDITOR} img[src^="/api/projects/${project.id}/images/"]`).waitFor();
      await page.getByText('Alle Änderungen gespeichert').waitFor();

      const stored = await storedContent(author, project.id, section.id);
      expect(shape(stored)).toEqual([
        'paragraph: Vorwort.',
        'heading2: Digitale Souveränität',
        'paragraph: Kommunen setzen auf offene Standards und freie Software, wie die KGSt empfiehlt.[KGSt-Bericht 2023, S. 12.]',
        'heading3: Ziele',
        'bulletList: Unabhängigkeit | von Anbietern | Sicherheit',
        'orderedList: Erstens prüfen | Zweitens handeln',
        'table caption="Kosten der Kommunen": Kommune | Euro / Kassel | 1.200 / Summe folgt',
        'image alt="Balken in Blau und Orange" caption="Anteil offener Software"',
        'blockquote: Souveränität beginnt beim Quelltext.',
        'paragraph: Schluss mit Nachdruck.',
      ]);
      // Marks and the link as the document had them; the header row as header cells, the merged cell spanning two.
      const paragraph = stored[2]?.content ?? [];
      expect(
        paragraph
          .filter((node) => node.marks !== undefined)
          .map((node) => [node.text, node.marks?.map((mark) => mark.type)]),
      ).toEqual([
        ['offene Standards', ['bold']],
        ['freie Software', ['italic']],
        ['KGSt', ['link']],
      ]);
      expect(paragraph.find((node) => node.text === 'KGSt')?.marks?.[0]?.attrs?.href).toBe(
        'https://www.kgst.de/',
      );
      const rows = stored[6]?.content ?? [];
      expect(
        rows.map((row) => (row.content ?? []).map((cell) => `${cell.type}:${String(cell.attrs?.colspan)}`)),
      ).toEqual([['tableHeader:1', 'tableHeader:1'], ['tableCell:1', 'tableCell:1'], ['tableCell:2']]);
      // The picture is the document's own, uploaded into the project.
      const src = String(stored[7]?.attrs?.src);
      expect(src).toMatch(new RegExp(`^/api/projects/${project.id}/images/[0-9a-f-]{36}$`));
      const image = await readImage(author, src);
      expect(image.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(foreign).toEqual([]);
      if (name.endsWith('.docx')) {
        await screenshot(page, 'import-01-docx');
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
    },
  );

  it('puts a document between the blocks: a paragraph split at the cursor, after a table or list the cursor is in', async () => {
    const { project, author, section, url } = await sectionTeam(suite.app, 'Import');
    const page = await pageOf(author);
    await openSection(page, url);
    await page.locator(EDITOR).click();
    await page.keyboard.type('Alpha Gamma');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Alpha '.length; i += 1) {
      await page.keyboard.press('ArrowRight');
    }
    // The browser moves the caret at once, the editor takes it over on its next selection
    // event: the button is clicked once the editor has it, as a user sees it before clicking.
    await waitUntilTrue(
      page,
      `${EDITOR_API}.state.selection.from === 1 + 'Alpha '.length`,
      'the cursor after "Alpha "',
    );
    await insertDocument(page, { name: 'bericht.odt', buffer: documentFile('bericht.odt') });
    const images = page.locator(`${EDITOR} img[src^="/api/projects/${project.id}/images/"]`);
    await images.first().waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    const split = shape(await storedContent(author, project.id, section.id));
    expect(split.slice(0, 2)).toEqual(['paragraph: Alpha ', 'heading2: Digitale Souveränität']);
    expect(split.slice(-2)).toEqual(['paragraph: Schluss mit Nachdruck.', 'paragraph: Gamma']);

    // In a table's cell: the document follows the table, whose cells stay as they were.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await clickToolbar(page, 'Tabelle einfügen');
    await page.keyboard.type('Jahr');
    await insertDocument(page, { name: 'bericht.odt', buffer: documentFile('bericht.odt') });
    await images.nth(1).waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    const stored = await storedContent(author, project.id, section.id);
    const own = stored.findIndex((node) => node.type === 'table' && textOf(node).startsWith('Jahr'));
    expect(JSON.stringify(stored[own]?.content)).not.toContain('"type":"table"');
    expect(JSON.stringify(stored[own]?.content)).not.toContain('Digitale');
    expect(shape(stored.slice(own + 1, own + 2))).toEqual(['heading2: Digitale Souveränität']);

    // In a list item: the document follows the whole list, whose items stay as they were.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- Punkt eins');
    await insertDocument(page, { name: 'bericht.odt', buffer: documentFile('bericht.odt') });
    await images.nth(2).waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    const listed = await storedContent(author, project.id, section.id);
    const list = listed.findIndex((node) => node.type === 'bulletList' && textOf(node) === 'Punkt eins');
    expect(shape(listed.slice(list, list + 2))).toEqual([
      'bulletList: Punkt eins',
      'heading2: Digitale Souveränität',
    ]);
  });

  it('says why a file cannot be inserted: not a document, an old .doc; the text stays as it was', async () => {
    const { project, author, section, url } = await sectionTeam(suite.app, 'Import');
    const page = await pageOf(author);
    await openSection(page, url);
    await page.locator(EDITOR).click();
    await page.keyboard.type('Bleibt.');
    await page.getByText('Alle Änderungen gespeichert').waitFor();

    await insertDocument(page, { name: 'notizen.docx', buffer: Buffer.from('Nur ein Text, kein Dokument.') });
    await page
      .getByRole('status')
      .getByText('Die Datei „notizen.docx“ ist kein Word-Dokument (.docx) und kein OpenDocument-Text (.odt).')
      .waitFor();

    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    await insertDocument(page, { name: 'alt.doc', buffer: ole });
    await page
      .getByRole('status')
      .getByText('Die Datei „alt.doc“ ist ein altes Word-Dokument (.doc) oder verschlüsselt.', {
        exact: false,
      })
      .waitFor();
    await screenshot(page, 'import-02-old-format');

    expect(shape(await storedContent(author, project.id, section.id))).toEqual(['paragraph: Bleibt.']);
  });

  it('offers a reviewer no document to insert, as it offers no toolbar', async () => {
    const { reviewer, url } = await sectionTeam(suite.app, 'Import');
    const page = await pageOf(reviewer);
    await page.goto(url);
    await page.getByText('0 Wörter').waitFor();
    expect(await page.getByRole('button', { name: 'Dokument einfügen (Word, ODT) …' }).count()).toBe(0);
  });

  it('makes sections of a document’s chapters after the last chapter, before the annex, for the lead, each filled with its text', async () => {
    const { lead, project, section } = await sectionTeam(suite.app, 'Gliederung');
    await createSection(lead, project.id, { title: 'Anhang', numbered: false });
    const page = await pageOf(lead);
    const foreign = recordForeignRequests(page, suite.app.origin);
    const card = await outlineFromDocument(
      page,
      `${suite.app.origin}/projects/${project.id}`,
      'kapitel.docx',
    );

    // What it will make, before anything is made: the text before the first heading is a
    // chapter too, without a number (it would shift every chapter's).
    await card.getByText('Aus „kapitel.docx“ werden diese Abschnitte angelegt:').waitFor();
    expect(await card.getByRole('listitem').allTextContents()).toEqual([
      'Ohne Überschrift (ohne Nummer) 6 Wörter',
      'Ausgangslage 8 Wörter',
      'Ziele 5 Wörter',
    ]);
    await screenshot(page, 'import-03-outline-preview');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Each chapter can be left out; the button counts those chosen.
    await card.getByRole('checkbox', { name: /^Ohne Überschrift/ }).uncheck();
    await card.getByRole('button', { name: '2 Abschnitte anlegen' }).waitFor();
    await card.getByRole('checkbox', { name: /^Ohne Überschrift/ }).check();
    // A double click makes them once.
    await card.getByRole('button', { name: '3 Abschnitte anlegen' }).dblclick();
    await card.getByText('3 Abschnitte angelegt.').waitFor();

    const outline = await lead.client.get<{
      sections: Array<{ id: string; title: string; parentId: string | null; number: string | null }>;
    }>(`/api/projects/${project.id}/outline`);
    const titles = outline.body.sections.filter((s) => s.parentId === null).map((s) => [s.number, s.title]);
    expect(titles).toEqual([
      ['1', section.title],
      [null, 'Ohne Überschrift'],
      ['2', 'Ausgangslage'],
      ['3', 'Ziele'],
      [null, 'Anhang'],
    ]);
    await page.getByRole('link', { name: /Ziele/ }).first().waitFor();
    // The team's own section is called 'Ausgangslage' too: the new ones come after it.
    const byTitle = (title: string) =>
      outline.body.sections.filter((s) => s.title === title).at(-1)?.id ?? '';
    expect(shape(await storedContent(lead, project.id, byTitle('Ohne Überschrift')))).toEqual([
      'paragraph: Dieser Entwurf entstand in der Arbeitsgruppe.',
    ]);
    expect(shape(await storedContent(lead, project.id, byTitle('Ausgangslage')))).toEqual([
      'paragraph: Viele Kommunen nutzen schon freie Software.[Umfrage 2024.]',
      'image alt="Balken in Blau und Orange" caption="null"',
    ]);
    // The chapter's own headings, levelled from the section's highest on.
    expect(shape(await storedContent(lead, project.id, byTitle('Ziele')))).toEqual([
      'heading2: Kurzfristig',
      'bulletList: Offene Formate | Gemeinsame Beschaffung',
    ]);
    expect(foreign).toEqual([]);
  });

  it('makes the second heading level subsections of their chapters when the lead asks, a subsection left out with its chapter', async () => {
    const { lead, project } = await sectionTeam(suite.app, 'Gliederung');
    const page = await pageOf(lead);
    const card = await outlineFromDocument(
      page,
      `${suite.app.origin}/projects/${project.id}`,
      'kapitel.docx',
    );
    await card.getByText('Aus „kapitel.docx“ werden diese Abschnitte angelegt:').waitFor();
    await card
      .getByRole('combobox', { name: 'Abschnitte aus den Überschriften' })
      .selectOption({ label: 'der 1. und 2. Ebene' });
    // The document has two heading levels: the hint speaks of those two only.
    await card
      .getByText(
        'Bei „der 1. und 2. Ebene“ werden die Überschriften der 2. Ebene zu Unterabschnitten; sonst bleiben sie im Text.',
      )
      .waitFor();
    const ziele = card.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: /^Ziele/ }) });
    await ziele.getByRole('checkbox', { name: /^Kurzfristig/ }).waitFor();
    await card.getByRole('button', { name: '4 Abschnitte anlegen' }).waitFor();
    await screenshot(page, 'import-04-outline-subsections');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Leaving out the chapter leaves out its subsection, which cannot be chosen on its own.
    await card.getByRole('checkbox', { name: /^Ziele/ }).uncheck();
    await card.getByRole('button', { name: '2 Abschnitte anlegen' }).waitFor();
    expect(await card.getByRole('checkbox', { name: /^Kurzfristig/ }).isDisabled()).toBe(true);
    await card.getByRole('checkbox', { name: /^Ziele/ }).check();
    await card.getByRole('button', { name: '4 Abschnitte anlegen' }).click();
    await card.getByText('4 Abschnitte angelegt.').waitFor();

    interface Node {
      id: string;
      title: string;
      parentId: string | null;
      number: string | null;
      children: Node[];
    }
    const outline = await lead.client.get<{ sections: Node[] }>(`/api/projects/${project.id}/outline`);
    const flat = (nodes: Node[]): Node[] => nodes.flatMap((node) => [node, ...flat(node.children)]);
    const made = flat(outline.body.sections).slice(1);
    const idOf = (title: string) => made.find((s) => s.title === title)?.id ?? '';
    expect(made.map((s) => [s.number, s.title, s.parentId])).toEqual([
      [null, 'Ohne Überschrift', null],
      ['2', 'Ausgangslage', null],
      ['3', 'Ziele', null],
      ['3.1', 'Kurzfristig', idOf('Ziele')],
    ]);
    // The subsection's heading is its title now, not a heading in the chapter's text.
    expect(await storedContent(lead, project.id, idOf('Ziele'))).toEqual([{ type: 'paragraph' }]);
    expect(shape(await storedContent(lead, project.id, idOf('Kurzfristig')))).toEqual([
      'bulletList: Offene Formate | Gemeinsame Beschaffung',
    ]);
  });

  it('offers no outline from a document to an author, who may not make sections', async () => {
    const { author, project } = await sectionTeam(suite.app, 'Gliederung');
    const page = await pageOf(author);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    await page
      .getByRole('link', { name: /Ausgangslage/ })
      .first()
      .waitFor();
    expect(await page.getByRole('region', { name: 'Gliederung aus einem Dokument' }).count()).toBe(0);
  });
});

describeInBrowser('an outline from a document whose picture the server refuses, in Chromium', () => {
  // Smaller than the document's picture (220 bytes): the upload answers 413.
  const suite = browserSuite({ server: { imageMaxBytes: 100 } });

  it('leaves out the refused picture, says why, and makes every section with the rest of its text', async () => {
    const { lead, project } = await sectionTeam(suite.app, 'Gliederung');
    const page = await suite.pageOf(lead);
    const card = await outlineFromDocument(
      page,
      `${suite.app.origin}/projects/${project.id}`,
      'kapitel.docx',
    );
    await card.getByRole('button', { name: '3 Abschnitte anlegen' }).click();
    await card.getByText('3 Abschnitte angelegt.').waitFor();
    await card.getByText(/^1 Bild\(er\) konnten nicht übernommen werden \(Das Bild ist zu groß/).waitFor();

    const outline = await lead.client.get<{ sections: Array<{ id: string; title: string }> }>(
      `/api/projects/${project.id}/outline`,
    );
    const chapter = outline.body.sections.filter((s) => s.title === 'Ausgangslage').at(-1)?.id ?? '';
    expect(shape(await storedContent(lead, project.id, chapter))).toEqual([
      'paragraph: Viele Kommunen nutzen schon freie Software.[Umfrage 2024.]',
    ]);
  });
});
