import type { Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations } from './browser.js';
import { editorText, sectionTeam, storedText } from './people.js';
import { browserSuite } from './suite.js';

/** A review step taken by `person` through the API, as their own browser would. */
async function transition(
  person: Person,
  path: string,
  body: { action: 'submit' | 'request_changes'; note?: string },
): Promise<void> {
  const res = await person.client.post(`${path}/transitions`, body);
  if (res.status !== 200) {
    throw new Error(`${body.action} answered ${String(res.status)}: ${JSON.stringify(res.body)}`);
  }
}

const REQUEST = 'Bitte die Tabelle um die Spalte „Jahr“ ergänzen.\nDie Quelle bitte darunter angeben.';

describeInBrowser('the author in the review (Chromium)', () => {
  const suite = browserSuite();

  it('shows the author what the reviewer asked for, where a submission stands, and lets them withdraw it to write on', async () => {
    const { reviewer, author, lead, section, url } = await sectionTeam(
      suite.app,
      'Prüfung aus Sicht der Autorin',
    );
    const path = `/api/projects/${section.projectId}/sections/${section.id}`;
    await transition(author, path, { action: 'submit' });
    await transition(reviewer, path, { action: 'request_changes', note: REQUEST });

    // The request sits in the "Prüfung" card, in full, with who and when.
    const page: Page = await suite.pageOf(author);
    const foreign = recordForeignRequests(page, suite.app.origin);
    await page.goto(url);
    const card = page.getByRole('region', { name: 'Prüfung' });
    const request = card.locator('.alert').filter({ hasText: 'Angeforderte Änderungen' });
    await request.getByText('Rita Prüfer', { exact: false }).waitFor();
    await request.getByText('Die Quelle bitte darunter angeben.', { exact: false }).waitFor();
    expect(await request.locator('[lang="de"]').innerText()).toBe(REQUEST);
    expect(await request.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    await card
      .getByText('Bitte überarbeiten Sie den Text und reichen Sie ihn danach erneut zur Prüfung ein.')
      .waitFor();
    await screenshot(page, 'review-withdraw-01-author-sees-request');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The bell says so too, with the note.
    await page.getByRole('button', { name: /^Benachrichtigungen, \d+ ungelesen$/ }).click();
    await page
      .getByRole('dialog', { name: 'Benachrichtigungen' })
      .getByRole('link', { name: /Rita Prüfer hat Änderungen angefordert/ })
      // Its own quotation marks nested inside the excerpt's: ‚Jahr‘.
      .getByText('„Bitte die Tabelle um die Spalte ‚Jahr‘ ergänzen.', { exact: false })
      .waitFor();
    await page.keyboard.press('Escape');

    // The author revises and submits: the card says where the section is and what comes next.
    const editor = page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' });
    await editor.click();
    await page.keyboard.type('Tabelle 1 hat jetzt die Spalte Jahr.');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
    await page.getByText('Neuer Status: In Prüfung.').waitFor();
    await card
      .getByText(
        'Der Abschnitt liegt bei Rita Prüfer zur Prüfung. Bis zur Entscheidung ist der Text gesperrt. ' +
          'Wenn Sie vorher weiterschreiben möchten, ziehen Sie die Einreichung zurück.',
      )
      .waitFor();
    expect(await request.count()).toBe(0);
    await page.getByText('Nur lesen: Der Abschnitt ist in Prüfung.').waitFor();
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    await screenshot(page, 'review-withdraw-02-author-submitted');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Withdrawing asks first; Escape keeps the submission.
    const withdraw = page.getByRole('button', { name: 'Einreichung zurückziehen' });
    await withdraw.click();
    const question = page.getByRole('form', { name: 'Einreichung zurückziehen?' });
    await question.getByLabel('Grund (optional)').waitFor();
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await withdraw.getAttribute('aria-expanded')).toBe('false');

    await withdraw.click();
    await question.getByLabel('Grund (optional)').fill('Die Zahlen für 2026 kommen noch.');
    await screenshot(page, 'review-withdraw-03-withdraw-asks');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Ja, zurückziehen' }).click();
    await page.getByText('Neuer Status: Entwurf.').waitFor();

    // The editor is writable again, without a reload, and what is typed is stored.
    await page
      .getByText('Nur lesen: Der Abschnitt ist in Prüfung.')
      .waitFor({ state: 'detached', timeout: 5000 });
    expect(await editor.getAttribute('contenteditable')).toBe('true');
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Nachgetragen.');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    expect(await editorText(page)).toBe('Tabelle 1 hat jetzt die Spalte Jahr. Nachgetragen.');
    expect(await storedText(lead, section.projectId, section.id)).toBe(
      'Tabelle 1 hat jetzt die Spalte Jahr. Nachgetragen.',
    );
    const history = page.getByRole('table', { name: 'Verlauf der Prüfschritte' });
    await history.getByRole('rowheader', { name: 'Einreichung zurückziehen' }).waitFor();
    await history.getByText('Die Zahlen für 2026 kommen noch.').waitFor();
    await page.getByRole('button', { name: 'Zur Prüfung einreichen' }).waitFor();
    // From the top: scrolled down to the card, the editor's sticky toolbar would cover its first line.
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'review-withdraw-04-author-writes-again');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The reviewer hears of it, with the reason, and reads where the section stands.
    const reviewerPage = await suite.pageOf(reviewer);
    await reviewerPage.goto(url);
    await reviewerPage
      .getByText(
        'Der Abschnitt ist ein Entwurf. Sobald der Text fertig ist, reichen ihn die Zuständigen zur Prüfung ein.',
      )
      .waitFor();
    await reviewerPage.getByRole('button', { name: /^Benachrichtigungen, \d+ ungelesen$/ }).click();
    await reviewerPage
      .getByRole('dialog', { name: 'Benachrichtigungen' })
      .getByRole('link', { name: /Ali Autor hat eine Einreichung zurückgezogen/ })
      .getByText('„Die Zahlen für 2026 kommen noch.“')
      .waitFor();
    await screenshot(reviewerPage, 'review-withdraw-05-reviewer-hears');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);
    expect(foreign).toEqual([]);
  }, 120_000);
});
