import { describeInBrowser, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { waitFor } from './people.js';
import { browserSuite } from './suite.js';
import { EDITOR, FULL_ROW, editorTableShape, expectOneRow, focusedName, menuNames, rowNames, sectionWithTable, storedTableShape } from './toolbar-rows.js';

describeInBrowser('the editor’s toolbar in one row with a "Mehr" menu, in Chromium', () => {
  const suite = browserSuite();

  it('keeps the toolbar in one row at 1024 px in a table, the rarer tools in "Mehr" with the table’s first, whose entries work by pointer and keyboard', async () => {
    const { author, project, section, url } = await sectionWithTable(suite.app, 'Werkzeugleiste');
    const page = await suite.pageOf(author, { viewport: { width: 1024, height: 768 } });
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Textformatierung' });
    await page.locator(`${EDITOR} td`, { hasText: 'bis 5.000' }).click();

    // One row: undo, the paragraph styles, bold and italic, link, lists, table and image stay;
    // the rarer formatting and the table's tools are in "Mehr".
    const more = toolbar.getByRole('button', { name: 'Mehr' });
    await more.waitFor();
    await expectOneRow(page, toolbar);
    for (const name of [
      'Rückgängig',
      'Überschrift H2',
      'Fett',
      'Link',
      'Aufzählung',
      'Tabelle einfügen',
      'Bild einfügen',
    ]) {
      expect(await toolbar.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    for (const name of ['Tiefgestellt', 'Hochgestellt', 'Zitat', 'Zeile einfügen']) {
      expect(await toolbar.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    // In a table a new table does not go: said by aria-disabled.
    expect(
      await toolbar.getByRole('button', { name: 'Tabelle einfügen' }).getAttribute('aria-disabled'),
    ).toBe('true');
    expect(await more.getAttribute('aria-haspopup')).toBe('menu');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, 'toolbar-01-one-row-1024-table');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Opened by a click: the hidden commands, with the toolbar's names and states.
    await more.click();
    const menu = page.getByRole('menu', { name: 'Mehr' });
    await menu.waitFor();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    // The table's tools first, under their heading: what the cursor in a table is there for.
    const tableTools = menu.getByRole('group', { name: 'Tabelle' });
    expect(await menu.getByRole('group').first().getAttribute('aria-label')).toBe('Tabelle');
    expect((await menuNames(page))[0]).toBe('Zeile einfügen');
    for (const name of [
      'Zeile einfügen',
      'Zeile löschen',
      'Spalte einfügen',
      'Spalte löschen',
      'Tabelle löschen',
    ]) {
      await tableTools.getByRole('menuitem', { name, exact: true }).waitFor();
    }
    const headerRow = tableTools.getByRole('menuitemcheckbox', { name: 'Kopfzeile ein/aus' });
    expect(await headerRow.getAttribute('aria-checked')).toBe('true');
    expect(
      await tableTools.getByRole('menuitem', { name: 'Tabellenbeschriftung' }).getAttribute('aria-haspopup'),
    ).toBe('dialog');
    expect(await menu.getByRole('menuitemcheckbox', { name: 'Zitat' }).getAttribute('aria-checked')).toBe(
      'false',
    );
    // Without a selected image its alternative text does not go: said, as on a button, by aria-disabled.
    expect(
      await menu.getByRole('menuitem', { name: 'Bildbeschreibung bearbeiten' }).getAttribute('aria-disabled'),
    ).toBe('true');
    expect(await menu.getByRole('menuitem', { name: 'Fußnote einfügen' }).getAttribute('aria-haspopup')).toBe(
      'dialog',
    );
    expect(
      await menu.getByRole('menuitem', { name: 'Zeilenumbruch' }).getAttribute('aria-keyshortcuts'),
    ).toBe('Shift+Enter');
    // The menu lies over the text, below the row, within the window.
    const menuBox = await menu.boundingBox();
    const barBox = await toolbar.boundingBox();
    expect(menuBox !== null && barBox !== null && menuBox.y >= barBox.y + barBox.height - 1).toBe(true);
    expect(menuBox !== null && menuBox.x + menuBox.width <= 1024).toBe(true);
    await screenshot(page, 'toolbar-02-menu-open');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Clicked, an entry runs on the cell the cursor is in, the menu closes, the text has the focus.
    await tableTools.getByRole('menuitem', { name: 'Zeile einfügen' }).click();
    await waitFor(() => editorTableShape(page), '3x2', 'the row added from the menu');
    await menu.waitFor({ state: 'detached' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await waitUntilTrue(
      page,
      `document.activeElement?.classList.contains('ProseMirror') === true`,
      'the focus in the text',
    );
    await page.keyboard.type(' Einw.');
    await page.locator(`${EDITOR} td`, { hasText: 'bis 5.000 Einw.' }).waitFor();
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedTableShape(author, project.id, section.id)).toBe('3x2');

    // From the keyboard: the toolbar is one tab stop, End goes to "Mehr", Enter opens it on its
    // first entry, the arrows move and go round, Escape closes it back onto "Mehr".
    // (In a table Tab moves between cells: the toolbar's tab stop is focused directly.)
    await toolbar.locator('button[tabindex="0"]').focus();
    await page.keyboard.press('End');
    expect(await focusedName(page)).toBe('Mehr');
    await page.keyboard.press('Enter');
    await menu.waitFor();
    expect(await focusedName(page)).toBe('Zeile einfügen');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('Zeile löschen');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedName(page)).toBe('Bildbeschreibung bearbeiten');
    await page.keyboard.press('Home');
    expect(await focusedName(page)).toBe('Zeile einfügen');
    // A letter goes to the next entry starting with it.
    await page.keyboard.press('s');
    expect(await focusedName(page)).toBe('Spalte einfügen');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Mehr');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    // The toolbar's arrows still go round from "Mehr".
    await page.keyboard.press('ArrowRight');
    expect(await focusedName(page)).toBe('Rückgängig');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedName(page)).toBe('Mehr');

    // ArrowUp opens it on the last entry; Tab closes it and leaves the toolbar.
    await page.keyboard.press('ArrowUp');
    await menu.waitFor();
    expect(await focusedName(page)).toBe('Bildbeschreibung bearbeiten');
    await page.keyboard.press('Tab');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate<boolean>(`document.activeElement?.closest('[role="toolbar"]') === null`)).toBe(
      true,
    );

    // Chosen by Space from the keyboard: it runs (a column added), the focus is back on "Mehr".
    await more.focus();
    await page.keyboard.press('Space');
    await menu.waitFor();
    await page.keyboard.press('s');
    expect(await focusedName(page)).toBe('Spalte einfügen');
    await page.keyboard.press('Enter');
    await waitFor(() => editorTableShape(page), '3x3', 'the column added from the keyboard');
    await menu.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Mehr');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await storedTableShape(author, project.id, section.id)).toBe('3x3');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 120_000);

  it('formats from the menu, follows the window’s width, keeps all in one row where it fits, and scrolls sideways on a phone', async () => {
    const { author, url } = await sectionWithTable(suite.app, 'Breiten');
    const page = await suite.pageOf(author, { viewport: { width: 640 + 360, height: 800 } });
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Textformatierung' });
    const more = toolbar.getByRole('button', { name: 'Mehr' });
    await page.locator(EDITOR).getByText('Vorher').click();

    // 1000 px: the text's column is the window's width, every tool fits: no "Mehr".
    await toolbar.getByRole('button', { name: 'Bildbeschreibung bearbeiten' }).waitFor();
    expect(await more.count()).toBe(0);
    await expectOneRow(page, toolbar);
    expect(await rowNames(page)).toEqual(FULL_ROW);
    await screenshot(page, 'toolbar-03-all-in-one-row-1000');

    // 1280 px, a common desktop: the text beside the comments is about 730 px wide. Link,
    // image, table and footnote stay in the row; the rarer formatting goes into "Mehr" first.
    await page.setViewportSize({ width: 1280, height: 800 });
    await more.waitFor();
    await expectOneRow(page, toolbar);
    for (const name of [
      'Rückgängig',
      'Normaler Absatz',
      'Fett',
      'Kursiv',
      'Link',
      'Aufzählung',
      'Bild einfügen',
      'Tabelle einfügen',
      'Fußnote einfügen',
    ]) {
      expect(await toolbar.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    const menu = page.getByRole('menu', { name: 'Mehr' });
    await more.click();
    for (const name of ['Überschrift H4', 'Durchgestrichen', 'Hochgestellt', 'Tiefgestellt', 'Zitat']) {
      await menu.getByRole('menuitemcheckbox', { name, exact: true }).waitFor();
      expect(await toolbar.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    for (const name of ['Zeilenumbruch', 'Bildbeschreibung bearbeiten']) {
      await menu.getByRole('menuitem', { name, exact: true }).waitFor();
    }
    // The row keeps its order, each button in its group: a part of the full row. The menu's
    // entries and the row's buttons are each tool once.
    const row = await rowNames(page);
    expect(FULL_ROW.filter((name) => row.includes(name))).toEqual(row);
    const entries = await menuNames(page);
    expect(FULL_ROW.filter((name) => !row.includes(name))).toEqual(entries);
    // A divider only between groups in the row: none is left empty.
    expect(
      await page.evaluate<number>(
        `[...document.querySelectorAll('.editor-toolbar > .editor-toolbar__group')].filter((group) => group.querySelector('button') === null).length`,
      ),
    ).toBe(0);
    await screenshot(page, 'toolbar-04-1280-menu');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // A selected reference to a figure or table is changed, not replaced, as one to a section.
    await page.evaluate(`(() => {
      const editor = document.querySelector('${EDITOR}').editor;
      editor.chain().insertContentAt(editor.state.doc.content.size, { type: 'paragraph', content: [
        { type: 'figureRef', attrs: { figureId: '5a2f9b6d-0c7e-4d3f-8b8a-1e6c7d8f9a0b', kind: 'table', caption: 'Größe' } },
      ] }).run();
      let at = -1;
      editor.state.doc.descendants((node, pos) => { if (node.type.name === 'figureRef') { at = pos; } });
      editor.chain().focus().setNodeSelection(at).run();
    })()`);
    await toolbar.getByRole('button', { name: 'Querverweis ändern', exact: true }).waitFor();
    await page.locator(EDITOR).getByText('Vorher').click();
    await toolbar.getByRole('button', { name: 'Querverweis einfügen', exact: true }).waitFor();

    // In the table: its tools are in "Mehr", first; the row stays one row and keeps the same tools.
    await page.locator(`${EDITOR} td`, { hasText: '12 %' }).click();
    await waitUntilTrue(
      page,
      `document.querySelector('[aria-label="Tabelle einfügen"]')?.getAttribute('aria-disabled') === 'true'`,
      'the table’s state in the toolbar',
    );
    await expectOneRow(page, toolbar);
    for (const name of ['Link', 'Bild einfügen', 'Tabelle einfügen', 'Fußnote einfügen']) {
      expect(await toolbar.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    await more.click();
    await menu
      .getByRole('group', { name: 'Tabelle' })
      .getByRole('menuitem', { name: 'Zeile einfügen' })
      .waitFor();
    expect((await menuNames(page))[0]).toBe('Zeile einfügen');
    await screenshot(page, 'toolbar-05-1280-table-menu');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // 1440 px: the text's column is no wider (the page's width is capped): the same.
    await page.setViewportSize({ width: 1440, height: 900 });
    await expectOneRow(page, toolbar);
    for (const name of ['Link', 'Bild einfügen', 'Tabelle einfügen', 'Fußnote einfügen']) {
      expect(await toolbar.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    expect(await toolbar.getByRole('button', { name: 'Zeile einfügen' }).count()).toBe(0);
    await more.click();
    await menu
      .getByRole('group', { name: 'Tabelle' })
      .getByRole('menuitem', { name: 'Zeile einfügen' })
      .waitFor();
    await screenshot(page, 'toolbar-06-1440-table-menu');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await page.locator(EDITOR).getByText('Vorher').click();
    await expectOneRow(page, toolbar);
    await screenshot(page, 'toolbar-07-1440');

    // 700 px, out of the table: what the menu's entries toggle shows in it; a formatting
    // that went into it works from there and says so.
    await page.setViewportSize({ width: 700, height: 800 });
    await page.locator(EDITOR).getByText('Nachher').dblclick();
    await waitUntilTrue(
      page,
      `document.querySelector('.editor-toolbar [aria-label="Zitat"]') === null`,
      'the quote in the menu at 700 px',
    );
    await expectOneRow(page, toolbar);
    for (const name of ['Link', 'Bild einfügen', 'Tabelle einfügen']) {
      expect(await toolbar.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    await more.click();
    const quote = menu.getByRole('menuitemcheckbox', { name: 'Zitat' });
    expect(await quote.getAttribute('aria-checked')).toBe('false');
    await quote.click();
    await page.locator(`${EDITOR} blockquote`, { hasText: 'Nachher' }).waitFor();
    await more.click();
    expect(await menu.getByRole('menuitemcheckbox', { name: 'Zitat' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    await screenshot(page, 'toolbar-08-700-checked');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // A click elsewhere closes it.
    await page.getByRole('heading', { name: '1 Ausgangslage' }).click();
    await menu.waitFor({ state: 'detached' });

    // 640 px, a 1280 px screen at 200 % zoom: still one row with "Mehr", no strip to scroll.
    await page.setViewportSize({ width: 640, height: 800 });
    await more.waitFor();
    await expectOneRow(page, toolbar);
    expect(
      await page.evaluate<boolean>(`(() => { const bar = document.querySelector('.editor-toolbar'); return bar.scrollWidth > bar.clientWidth; })()`),
    ).toBe(false);
    await screenshot(page, 'toolbar-08b-640-zoomed');
    // Its menu ends inside the window, however far down the toolbar stands.
    await more.click();
    const menuBox = await page.getByRole('menu', { name: 'Mehr' }).boundingBox();
    expect((menuBox?.y ?? 0) + (menuBox?.height ?? 0)).toBeLessThanOrEqual(800);
    await page.keyboard.press('Escape');
    await page.getByRole('menu', { name: 'Mehr' }).waitFor({ state: 'detached' });

    // A phone: no menu, one line that scrolls sideways to the last tool.
    await page.setViewportSize({ width: 390, height: 844 });
    await waitUntilTrue(
      page,
      `document.querySelectorAll('.editor-toolbar > .editor-toolbar__group').length === 6`,
      'every group in the phone’s line',
    );
    expect(await more.count()).toBe(0);
    const box = await toolbar.boundingBox();
    expect(box?.height).toBeLessThan(60);

    // In English the button is "More".
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('toolbar', { name: 'Text formatting' });
    await english.getByRole('button', { name: 'More' }).waitFor();
    await expectOneRow(page, english, 'Bold');
    await screenshot(page, 'toolbar-09-english');
  }, 120_000);
});
