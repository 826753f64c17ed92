import type { Locator, Page } from 'playwright-core';

/*
 * The editor's toolbar is one row; the buttons that do not fit are entries of its "Mehr" menu
 * (at 1280 px: the rarer formatting, line break, alternative text and, in a table, the table's
 * tools). These reach a command wherever it is, as a user does: its button in the row, else
 * "Mehr" and its entry.
 */

const TOOLBAR = { name: 'Textformatierung' };
const MORE = 'Mehr';

/** Waits for the toolbar with the command's button or "Mehr"; true when the button is in the row. */
async function inRow(page: Page, name: string | RegExp): Promise<boolean> {
  const toolbar = page.getByRole('toolbar', TOOLBAR);
  const button = toolbar.getByRole('button', { name, exact: true });
  await button
    .or(toolbar.getByRole('button', { name: MORE, exact: true }))
    .first()
    .waitFor();
  return (await button.count()) > 0;
}

/** The menu's entry for a command (a toggle is a menuitemcheckbox). */
function menuEntry(page: Page, name: string | RegExp): Locator {
  const menu = page.getByRole('menu', { name: MORE });
  return menu
    .getByRole('menuitem', { name, exact: true })
    .or(menu.getByRole('menuitemcheckbox', { name, exact: true }));
}

/**
 * The control of a toolbar command, to click or read: its button in the row, or its entry in
 * the "Mehr" menu, which this opens (a click on it closes it again).
 */
export async function toolbarControl(page: Page, name: string | RegExp): Promise<Locator> {
  if (await inRow(page, name)) {
    return page.getByRole('toolbar', TOOLBAR).getByRole('button', { name, exact: true });
  }
  const entry = menuEntry(page, name);
  if ((await entry.count()) === 0) {
    await page.getByRole('toolbar', TOOLBAR).getByRole('button', { name: MORE, exact: true }).click();
  }
  await entry.waitFor();
  return entry;
}

/** Clicks a toolbar command, in the row or in "Mehr". */
export async function clickToolbar(page: Page, name: string | RegExp): Promise<void> {
  await (await toolbarControl(page, name)).click();
}

/**
 * Whether a toggle of the toolbar is on ("true"/"false"): aria-pressed of its button, or
 * aria-checked of its entry in "Mehr" (a menu opened for reading it is closed again).
 */
export async function toolbarPressed(page: Page, name: string | RegExp): Promise<string | null> {
  const menu = page.getByRole('menu', { name: MORE });
  const wasOpen = (await menu.count()) > 0;
  const control = await toolbarControl(page, name);
  const value = (await control.getAttribute('aria-pressed')) ?? (await control.getAttribute('aria-checked'));
  if (!wasOpen && (await menu.count()) > 0) {
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  }
  return value;
}

/** The focused control's aria-label (the toolbar's buttons and "Mehr" have one). */
function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`document.activeElement?.getAttribute('aria-label') ?? null`);
}

/**
 * From the keyboard alone, with the focus in the toolbar: the arrow keys to the command's
 * button, or to "Mehr", Enter and ↓ to its entry; leaves the focus on it (press Enter to run it).
 */
export async function arrowToToolbar(page: Page, name: string): Promise<void> {
  for (let step = 0; step < 40; step += 1) {
    const label = await focusedLabel(page);
    if (label === name) {
      return;
    }
    if (label === MORE) {
      await page.keyboard.press('Enter');
      const entry = menuEntry(page, name);
      await entry.waitFor();
      for (let down = 0; down < 40; down += 1) {
        if ((await entry.and(page.locator(':focus')).count()) > 0) {
          return;
        }
        await page.keyboard.press('ArrowDown');
      }
      break;
    }
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`no toolbar command "${name}" reached from the keyboard`);
}

/** Focuses a toolbar command (in the row, or in the "Mehr" menu opened from the keyboard) and presses Enter. */
export async function pressToolbar(page: Page, name: string | RegExp): Promise<void> {
  if (await inRow(page, name)) {
    await page.getByRole('toolbar', TOOLBAR).getByRole('button', { name, exact: true }).focus();
  } else {
    await page.getByRole('toolbar', TOOLBAR).getByRole('button', { name: MORE, exact: true }).focus();
    await page.keyboard.press('Enter');
    await menuEntry(page, name).focus();
  }
  await page.keyboard.press('Enter');
}
