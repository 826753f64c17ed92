import type { Locator, Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam, storedText } from './people.js';
import { browserSuite } from './suite.js';

const EDITOR = '.ProseMirror';
const SAVED = 'Alle Änderungen gespeichert';
const KEPT = ['eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs'].map((word) => `Absatz ${word} bleibt.`);
const FIRST = ['Der Kreistag hat den Haushalt im März beschlossen.', ...KEPT];
const SECOND = ['Der Kreistag hat den geänderten Haushalt im April beschlossen.', ...KEPT, 'Ein neuer Absatz.'];

/** Replaces the editor's whole text by `paragraphs`, typed, and waits until the server has it. */
async function typeText(page: Page, paragraphs: readonly string[], stored: () => Promise<string>): Promise<void> {
  await page.locator(EDITOR).click();
  await page.keyboard.press('Control+A');
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) {
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type(paragraph);
  }
  await page.getByText(SAVED).waitFor();
  // "Saved" may still show from before the last keys reached the server: wait for the text itself.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await stored();
    if (paragraphs.every((paragraph) => text.includes(paragraph))) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`the server holds ${JSON.stringify(text)}`);
    }
    await page.waitForTimeout(100);
  }
}

async function saveVersion(person: Person, projectId: string, sectionId: string, label: string): Promise<void> {
  const res = await person.client.post(`/api/projects/${projectId}/sections/${sectionId}/versions`, { label });
  if (res.status !== 201) {
    throw new Error(`save version answered ${String(res.status)}: ${JSON.stringify(res.body)}`);
  }
}

/** The text of each element found, spaces collapsed: what a screen reader reads, prefix included. */
async function texts(elements: Locator): Promise<string[]> {
  const all = await elements.allTextContents();
  return all.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The computed `text-decoration-line` of the first element in the open dialog that `selector` finds. */
function decoration(page: Page, selector: string): Promise<string> {
  return page.evaluate<string>(`getComputedStyle(document.querySelector('dialog[open] ${selector}')).textDecorationLine`);
}

describeInBrowser('comparing versions of a section in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;

  it('shows the words changed since a version, and between two versions, marked in words and not by colour alone', async () => {
    const { lead, project, author, reviewer, section, url } = await sectionTeam(suite.app, 'Vergleich');
    const page = await pageOf(author);
    const foreign = recordForeignRequests(page, suite.app.origin);
    await page.goto(url);
    await page.getByText(SAVED).waitFor();
    const stored = () => storedText(lead, project.id, section.id);
    await typeText(page, FIRST, stored);
    await saveVersion(author, project.id, section.id, 'Erster Entwurf');
    await typeText(page, SECOND, stored);
    await saveVersion(author, project.id, section.id, 'Nach der Sitzung');
    await typeText(page, [...SECOND.slice(0, -1), 'Ein neuer Absatz. Nachtrag folgt.'], stored);

    const list = page.getByRole('region', { name: 'Versionen' }).getByRole('table', { name: 'Gespeicherte Versionen' });
    await list.getByRole('rowheader', { name: 'Nach der Sitzung' }).waitFor();

    // Since the first draft, up to the current text.
    await list.getByRole('button', { name: 'Vergleichen mit dem aktuellen Text: Erster Entwurf' }).click();
    const dialog = page.getByRole('dialog', { name: 'Version: Erster Entwurf' });
    const choice = dialog.getByRole('combobox', { name: 'Vergleichen mit' });
    expect(await choice.inputValue()).toBe('current');
    const comparison = dialog.getByRole('region', { name: 'Vergleich' });
    const summary = dialog.getByRole('status');
    await summary.getByText('7 Wörter eingefügt, 1 Wort gelöscht, 1 Absatz geändert, 1 Absatz neu.').waitFor();
    await dialog.getByText('Änderungen seit „Erster Entwurf“ bis zum aktuellen Text').waitFor();
    expect(await texts(comparison.locator('ins'))).toEqual([
      'eingefügt: geänderten',
      'eingefügt: April',
      'Ein neuer Absatz. Nachtrag folgt.',
    ]);
    expect(await texts(comparison.locator('del'))).toEqual(['gelöscht: März']);
    expect(await texts(comparison.locator('ins .visually-hidden'))).toEqual(['eingefügt:', 'eingefügt:']);
    // Underlined and struck through, not only coloured; whole new blocks tagged in words.
    expect(await decoration(page, 'ins')).toContain('underline');
    expect(await decoration(page, 'del')).toContain('line-through');
    await comparison.getByText('Neu', { exact: true }).waitFor();
    // The four untouched paragraphs between the changes' neighbours are folded.
    await comparison.getByRole('button', { name: '… 4 unveränderte Stellen …' }).waitFor();
    expect(await comparison.innerText()).not.toContain('Absatz drei bleibt.');
    await screenshot(page, 'compare-01-since-version');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Between the two versions, the later text does not count.
    const later = await choice.locator('option', { hasText: 'Nach der Sitzung' }).getAttribute('value');
    await choice.selectOption(later ?? '');
    await summary.getByText('5 Wörter eingefügt, 1 Wort gelöscht, 1 Absatz geändert, 1 Absatz neu.').waitFor();
    await dialog.getByText(/^Änderungen von „Erster Entwurf“ \(.+\) bis „Nach der Sitzung“ \(.+\)$/).waitFor();
    expect(await texts(comparison.locator('ins'))).toEqual(['eingefügt: geänderten', 'eingefügt: April', 'Ein neuer Absatz.']);
    expect(await texts(comparison.locator('del'))).toEqual(['gelöscht: März']);
    await screenshot(page, 'compare-02-two-versions');

    // Nothing chosen: the version alone again.
    await choice.selectOption('');
    await dialog.getByRole('region', { name: 'Text der Version' }).getByText('Absatz drei bleibt.').waitFor();
    expect(await dialog.locator('ins, del').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The later version opened and compared with the earlier: still from earlier to later.
    await list.getByRole('button', { name: 'Ansehen: Nach der Sitzung' }).click();
    const second = page.getByRole('dialog', { name: 'Version: Nach der Sitzung' });
    const secondChoice = second.getByRole('combobox', { name: 'Vergleichen mit' });
    const earlier = await secondChoice.locator('option', { hasText: 'Erster Entwurf' }).getAttribute('value');
    await secondChoice.selectOption(earlier ?? '');
    const secondComparison = second.getByRole('region', { name: 'Vergleich' });
    await second
      .getByRole('status')
      .getByText('5 Wörter eingefügt, 1 Wort gelöscht, 1 Absatz geändert, 1 Absatz neu.')
      .waitFor();
    expect(await texts(secondComparison.locator('del'))).toEqual(['gelöscht: März']);
    await second.getByRole('button', { name: 'Schließen' }).click();
    await second.waitFor({ state: 'detached' });
    expect(foreign).toEqual([]);

    // A reviewer, who may read the versions, compares as well; the fold opens by keyboard.
    const reviewing = await pageOf(reviewer);
    await reviewing.goto(url);
    const reviewList = reviewing
      .getByRole('region', { name: 'Versionen' })
      .getByRole('table', { name: 'Gespeicherte Versionen' });
    await reviewList.getByRole('button', { name: 'Vergleichen mit dem aktuellen Text: Nach der Sitzung' }).click();
    const reviewDialog = reviewing.getByRole('dialog', { name: 'Version: Nach der Sitzung' });
    const reviewComparison = reviewDialog.getByRole('region', { name: 'Vergleich' });
    await reviewDialog.getByRole('status').getByText('2 Wörter eingefügt, 1 Absatz geändert.').waitFor();
    expect(await texts(reviewComparison.locator('ins'))).toEqual(['eingefügt: Nachtrag folgt.']);
    const fold = reviewComparison.getByRole('button', { name: '… 6 unveränderte Stellen …' });
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    await fold.focus();
    await reviewing.keyboard.press('Enter');
    await reviewComparison.getByText(SECOND[0] ?? '').waitFor();
    expect(await reviewing.evaluate<string>(`document.activeElement?.textContent ?? ''`)).toBe(SECOND[0]);
    expect(await reviewComparison.getByRole('button').count()).toBe(0);
    await screenshot(reviewing, 'compare-03-reviewer-unfolded');
    expect(await seriousA11yViolations(reviewing)).toEqual([]);
  }, 150_000);
});
