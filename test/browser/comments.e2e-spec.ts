import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  createProject,
  createSection,
  registerUser,
  type Person,
} from '../../apps/server/test/factories.js';
import {
  describeInBrowser,
  recordForeignRequests,
  screenshot,
  seriousA11yViolations,
} from './browser.js';
import { browserSuite } from './suite.js';
import { joinProject } from './people.js';
import { selectWithMouse } from './text-selection.js';

const EDITOR = '.ProseMirror';
const HOSTILE = '<img src=x onerror=alert(1)> javascript:alert(1)';

async function unreadOf(person: Person): Promise<number> {
  const res = await person.client.get<{ unread: number }>('/api/notifications/unread-count');
  return res.body.unread;
}

describeInBrowser('comments, mentions and notifications in Chromium', () => {
  const suite = browserSuite();

  /** A browser tab signed in as `person`; any `alert()` would be recorded in `dialogs`. */
  async function pageOf(person: Person, dialogs: string[]): Promise<Page> {
    const context = await suite.contextOf(person, {
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  }

  it('lets a reviewer comment on a passage, shows it live to the author, who resolves it, and notifies by bell', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung', organisation: 'Stadt Musterstadt' });
    const project = await createProject(lead, {
      title: `Open Source im Landkreis ${randomUUID().slice(0, 4)}`,
    });
    const author = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    const reviewer = await joinProject(suite.app, lead, project.id, 'Rita Prüfer', 'reviewer');
    const section = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const assigned = await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, {
      assigneeIds: [author.user.id],
      reviewerId: reviewer.user.id,
    });
    expect(assigned.status).toBe(200);
    // Being assigned notified the author and the reviewer; they start with nothing unread.
    await author.client.post('/api/notifications/read-all');
    await reviewer.client.post('/api/notifications/read-all');
    const url = `${suite.app.origin}/projects/${project.id}/sections/${section.id}`;
    const dialogs: string[] = [];

    // The author writes and keeps the section open.
    const authorPage = await pageOf(author, dialogs);
    const reviewerPage = await pageOf(reviewer, dialogs);
    const foreign = [
      ...recordForeignRequests(authorPage, suite.app.origin),
      ...recordForeignRequests(reviewerPage, suite.app.origin),
    ];
    await authorPage.goto(url);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Die Stadt nutzt seit 2024 Open Source in der Verwaltung.');
    await authorPage.keyboard.press('Enter');
    await authorPage.keyboard.type('Die Kosten sinken.');
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    const authorComments = authorPage.getByRole('region', { name: 'Kommentare' });
    await authorComments.getByText('Keine offenen Kommentare.').waitFor();

    // The reviewer cannot change the text, but selects a passage and comments on it.
    await reviewerPage.goto(url);
    await reviewerPage
      .getByText('Nur lesen: Als Prüferin/Prüfer können Sie den Text nicht ändern.')
      .waitFor();
    await reviewerPage.locator(EDITOR).getByText('Die Kosten sinken.').waitFor();
    const comments = reviewerPage.getByRole('region', { name: 'Kommentare' });
    await comments.getByText('Keine offenen Kommentare.').waitFor();
    await selectWithMouse(reviewerPage, 'Open Source');
    await comments.getByText('Ihr Kommentar gilt der markierten Passage.').waitFor();
    const atSelection = reviewerPage.locator('.comment-at-selection');
    await atSelection.waitFor();
    await screenshot(reviewerPage, 'comments-01-reviewer-selected');
    await atSelection.click();
    const composer = comments.getByRole('textbox', { name: 'Kommentar' });
    await composer.waitFor();
    expect(
      await reviewerPage.evaluate<string | null>(
        `document.activeElement?.getAttribute('aria-autocomplete') ?? null`,
      ),
    ).toBe('list');
    await comments.locator('.comment-composer__quote', { hasText: 'Open Source' }).waitFor();
    // The passage being commented on is marked in the text meanwhile.
    await reviewerPage.locator(`${EDITOR} .comment-mark--current`, { hasText: 'Open Source' }).waitFor();

    // @ offers the members; the arrow keys and Enter take a name.
    await composer.pressSequentially('Bitte eine Quelle ergänzen, @al');
    const suggestions = comments.getByRole('listbox', { name: 'Mitglied erwähnen' });
    await suggestions.getByRole('option', { name: 'Ali Autor · Landkreis Beispiel' }).waitFor();
    expect(await composer.getAttribute('aria-activedescendant')).toBe(
      await suggestions.getByRole('option').first().getAttribute('id'),
    );
    await screenshot(reviewerPage, 'comments-02-reviewer-mentions');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);
    await reviewerPage.keyboard.press('Enter');
    expect(await composer.inputValue()).toBe('Bitte eine Quelle ergänzen, @Ali Autor ');
    await comments.getByRole('button', { name: 'Kommentieren', exact: true }).click();
    await comments.getByRole('status').getByText('Ihr Kommentar wurde gespeichert.').waitFor();
    const reviewerThread = comments.getByRole('article', { name: 'Kommentar von Rita Prüfer' });
    await reviewerThread.locator('.comment__mention', { hasText: '@Ali Autor' }).waitFor();
    await reviewerThread.getByRole('button', { name: 'Passage „Open Source“ im Text zeigen' }).waitFor();
    await comments.getByRole('radio', { name: 'Offen (1)' }).waitFor();
    await reviewerPage.locator(`${EDITOR} .comment-mark`, { hasText: 'Open Source' }).waitFor();
    await screenshot(reviewerPage, 'comments-03-reviewer-commented');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);

    // The author sees highlight and thread arrive without a reload, and the bell counts the mention.
    const thread = authorComments.getByRole('article', { name: 'Kommentar von Rita Prüfer' });
    await thread.getByText('Bitte eine Quelle ergänzen,').waitFor({ timeout: 5000 });
    await authorPage
      .locator(`${EDITOR} .comment-mark`, { hasText: 'Open Source' })
      .waitFor({ timeout: 5000 });
    const authorBell = authorPage.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' });
    await authorBell.waitFor({ timeout: 5000 });
    // The mark moves with the text: typing before the passage keeps it on the same words.
    await authorPage
      .locator(EDITOR)
      .getByText('Die Stadt nutzt')
      .click({ position: { x: 2, y: 5 } });
    await authorPage.keyboard.press('Home');
    await authorPage.keyboard.type('Kurz: ');
    await authorPage.locator(`${EDITOR} .comment-mark`, { hasText: /^Open Source$/ }).waitFor();
    await reviewerPage
      .locator(`${EDITOR} .comment-mark`, { hasText: /^Open Source$/ })
      .waitFor({ timeout: 5000 });
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    // A click into the marked passage makes its thread the current one.
    await authorPage.locator(`${EDITOR} .comment-mark`).click();
    await authorComments.locator('.comment-thread--current', { hasText: 'Bitte eine Quelle' }).waitFor();
    await screenshot(authorPage, 'comments-04-author-sees-thread');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);

    // The author replies and resolves; the reviewer sees it resolved (and is told of the reply).
    // Each thread's buttons say whose comment they act on, the visible word included.
    await thread.getByRole('button', { name: 'Auf den Kommentar von Rita Prüfer antworten', exact: true }).click();
    await thread.getByRole('textbox', { name: 'Antwort' }).fill('Quelle ist ergänzt.');
    await thread.getByRole('button', { name: 'Antworten' }).click();
    await authorComments.getByRole('status').getByText('Ihre Antwort wurde gespeichert.').waitFor();
    await thread.getByText('Quelle ist ergänzt.').waitFor();
    // Answering the thread has read it: the mention no longer waits in the bell.
    await authorPage.getByRole('button', { name: 'Benachrichtigungen', exact: true }).waitFor({ timeout: 5000 });
    expect(await unreadOf(author)).toBe(0);
    await thread.getByRole('button', { name: 'Kommentar von Rita Prüfer als erledigt markieren', exact: true }).click();
    await authorComments.getByRole('status').getByText('Die Diskussion ist als erledigt markiert.').waitFor();
    await authorComments.getByText('Keine offenen Kommentare.').waitFor();
    expect(await authorPage.locator(`${EDITOR} .comment-mark`).count()).toBe(0);

    await comments.getByText('Keine offenen Kommentare.').waitFor({ timeout: 5000 });
    // A resolved passage is no longer marked in the text.
    expect(await reviewerPage.locator(`${EDITOR} .comment-mark`).count()).toBe(0);
    await comments.getByRole('radio', { name: 'Erledigt (1)' }).check();
    await reviewerThread.getByText('Erledigt', { exact: true }).waitFor();
    await reviewerThread.getByText(/^von Ali Autor am /).waitFor();
    await reviewerThread.getByText('Quelle ist ergänzt.').waitFor();
    await reviewerThread.getByRole('button', { name: 'Wieder öffnen' }).waitFor();
    await reviewerPage
      .getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' })
      .waitFor({ timeout: 5000 });
    await screenshot(reviewerPage, 'comments-05-reviewer-sees-resolved');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);

    // A hostile comment on the whole section (nothing selected) stays inert text.
    await reviewerPage.locator(EDITOR).getByText('Die Kosten sinken.').click();
    await comments.getByRole('button', { name: 'Kommentieren' }).click();
    await comments.getByText('Zum ganzen Abschnitt', { exact: true }).waitFor();
    await comments.getByRole('textbox', { name: 'Kommentar' }).fill(HOSTILE);
    await comments.getByRole('button', { name: 'Kommentieren', exact: true }).click();
    await comments.getByRole('status').getByText('Ihr Kommentar wurde gespeichert.').waitFor();
    const hostile = authorComments.locator('.comment__body', { hasText: 'onerror' });
    await hostile.waitFor({ timeout: 5000 });
    expect(await hostile.innerText()).toBe(HOSTILE);
    expect(await authorPage.locator('.comments img, .comments a[href^="javascript"]').count()).toBe(0);
    await authorComments.getByRole('heading', { name: 'Zum ganzen Abschnitt' }).waitFor();
    expect(dialogs).toEqual([]);

    // The author's bell tells of the new thread on their section (unread) and still lists the
    // mention (read); opening the mention goes to its thread.
    await authorPage.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }).click();
    const panel = authorPage.getByRole('dialog', { name: 'Benachrichtigungen' });
    await panel.getByRole('link', { name: /Rita Prüfer hat Ihren Abschnitt kommentiert/ }).waitFor();
    const mention = panel.getByRole('link', { name: /Rita Prüfer hat Sie in einem Kommentar erwähnt/ });
    await mention.waitFor();
    await mention.getByText('„Bitte eine Quelle ergänzen, @Ali Autor“').waitFor();
    expect(await authorPage.evaluate<string | null>('document.activeElement?.textContent ?? null')).toBe(
      'Benachrichtigungen',
    );
    await screenshot(authorPage, 'comments-06-author-notifications');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
    await mention.click();
    await authorPage.waitForURL(/\?comment=/);
    await authorPage.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }).waitFor();
    expect(await unreadOf(author)).toBe(1);
    // The thread it is about is shown (and focused), although it is resolved.
    await authorComments.locator('.comment-thread--current', { hasText: 'Bitte eine Quelle' }).waitFor();
    await authorComments.getByRole('radio', { name: 'Alle (2)' }).waitFor();
    expect(
      await authorPage.evaluate<string | null>(`document.activeElement?.getAttribute('aria-label') ?? null`),
    ).toBe('Kommentar von Rita Prüfer');
    await screenshot(authorPage, 'comments-07-author-opened-notification');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);

    // The reviewer's bell: the reply; "Alle als gelesen markieren".
    await reviewerPage.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }).click();
    const reviewerPanel = reviewerPage.getByRole('dialog', { name: 'Benachrichtigungen' });
    const reply = reviewerPanel.getByRole('link', { name: /Ali Autor hat auf Ihren Kommentar geantwortet/ });
    await reply.waitFor();
    // The section named as the outline names it, with its number.
    expect(await reply.textContent()).toContain(' · 1 Ausgangslage');
    await reviewerPanel.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
    await reviewerPanel.getByText('Alle Benachrichtigungen sind als gelesen markiert.').waitFor();
    expect(await unreadOf(reviewer)).toBe(0);
    await reviewerPage.keyboard.press('Escape');
    expect(await reviewerPanel.count()).toBe(0);
    expect(
      await reviewerPage.evaluate<string | null>(
        `document.activeElement?.getAttribute('aria-label') ?? null`,
      ),
    ).toBe('Benachrichtigungen');

    // Ctrl+Alt+M comments the selected passage, here the very first word of the text. The
    // author deletes it: the thread stays, under "Passage gelöscht".
    await comments.getByRole('radio', { name: /^Offen/ }).check();
    await selectWithMouse(reviewerPage, 'Kurz');
    await reviewerPage.keyboard.press('Control+Alt+KeyM');
    await comments.locator('.comment-composer__quote', { hasText: 'Kurz' }).waitFor();
    await comments.getByRole('textbox', { name: 'Kommentar' }).fill('Wozu diese Vorbemerkung? ');
    // Ctrl+Enter sends, as the hint says, also while the list of names is open.
    await comments.getByRole('textbox', { name: 'Kommentar' }).pressSequentially('@Al');
    await comments.getByRole('listbox', { name: 'Mitglied erwähnen' }).waitFor();
    await reviewerPage.keyboard.press('Control+Enter');
    await comments.getByRole('status').getByText('Ihr Kommentar wurde gespeichert.').waitFor();
    await comments.getByRole('button', { name: 'Passage „Kurz“ im Text zeigen' }).waitFor();
    await authorComments.getByText('Wozu diese Vorbemerkung?').waitFor({ timeout: 5000 });
    await authorPage.locator(`${EDITOR} .comment-mark`, { hasText: /^Kurz$/ }).waitFor();
    await authorPage
      .locator(EDITOR)
      .getByText('Die Stadt nutzt')
      .click({ position: { x: 2, y: 5 } });
    await authorPage.keyboard.press('Home');
    for (let i = 0; i < 'Kurz: '.length; i += 1) {
      await authorPage.keyboard.press('Shift+ArrowRight');
    }
    await authorPage.keyboard.press('Backspace');
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    const gone = authorComments.getByRole('region', { name: 'Passage gelöscht' });
    await gone.getByText('Wozu diese Vorbemerkung?').waitFor();
    await gone.getByText('Der kommentierte Text wurde gelöscht. Die Diskussion bleibt erhalten.').waitFor();
    // Said once, by the group's heading, not again on the thread.
    expect(await gone.getByText('Passage gelöscht', { exact: true }).count()).toBe(1);
    await comments
      .getByRole('region', { name: 'Passage gelöscht' })
      .getByText('Wozu diese Vorbemerkung?')
      .waitFor({ timeout: 5000 });
    expect(await authorPage.locator(`${EDITOR} .comment-mark`, { hasText: 'Kurz' }).count()).toBe(0);
    await screenshot(reviewerPage, 'comments-08-passage-deleted');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);

    // The author undoes the deletion: the thread is on its passage again, for everybody (Yjs
    // restores the words as new text; only the author's browser knows they are the old ones).
    await authorPage.keyboard.press('Control+z');
    await authorPage.locator(`${EDITOR} .comment-mark`, { hasText: /^Kurz$/ }).waitFor();
    await comments.getByRole('button', { name: 'Passage „Kurz“ im Text zeigen' }).waitFor({ timeout: 5000 });
    await reviewerPage.locator(`${EDITOR} .comment-mark`, { hasText: /^Kurz$/ }).waitFor();
    expect(await comments.getByRole('region', { name: 'Passage gelöscht' }).count()).toBe(0);

    // The reviewer edits a comment of their own, then deletes it after confirming.
    const whole = comments.getByRole('region', { name: 'Zum ganzen Abschnitt' }).getByRole('article');
    await whole.getByRole('button', { name: 'Bearbeiten' }).click();
    const edit = whole.getByRole('textbox', { name: 'Kommentar bearbeiten' });
    expect(await edit.inputValue()).toBe(HOSTILE);
    await edit.fill('Bitte den ganzen Abschnitt kürzen.');
    await whole.getByRole('button', { name: 'Speichern' }).click();
    await whole.getByText('(bearbeitet)').waitFor();
    await authorComments.getByText('Bitte den ganzen Abschnitt kürzen.').waitFor({ timeout: 5000 });
    await whole.getByRole('button', { name: 'Löschen' }).click();
    await whole
      .getByRole('group', { name: 'Diese Diskussion mit allen Antworten wirklich löschen?' })
      .waitFor();
    await whole.getByRole('button', { name: 'Ja, löschen' }).click();
    await comments.getByRole('status').getByText('Die Diskussion wurde gelöscht.').waitFor();
    // A confirmation is for the moment: it goes after ten seconds.
    await comments
      .getByRole('status')
      .getByText('Die Diskussion wurde gelöscht.')
      .waitFor({ state: 'detached', timeout: 15_000 });
    await authorComments
      .getByText('Bitte den ganzen Abschnitt kürzen.')
      .waitFor({ state: 'detached', timeout: 5000 });

    // The outline counts the open threads of each section, and follows when one is resolved:
    // one request for the whole project each time, never a list of a section's threads.
    const paths: string[] = [];
    reviewerPage.on('request', (request) => paths.push(new URL(request.url()).pathname));
    const countRequests = () => paths.filter((path) => path.endsWith('/comment-counts')).length;
    await reviewerPage.goto(`${suite.app.origin}/projects/${project.id}`);
    const outlineEntry = reviewerPage.getByRole('list', { name: 'Gliederung' }).getByRole('listitem').first();
    await outlineEntry.getByText('1 offener Kommentar').waitFor();
    await screenshot(reviewerPage, 'comments-09-outline-counts');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);
    const countsBefore = countRequests();
    expect(countsBefore).toBeGreaterThanOrEqual(1);
    await authorComments
      .getByRole('article')
      .filter({ hasText: 'Wozu diese Vorbemerkung?' })
      .getByRole('button', { name: 'als erledigt markieren' })
      .click();
    await outlineEntry.getByText('1 offener Kommentar').waitFor({ state: 'detached', timeout: 5000 });
    expect(countRequests()).toBeGreaterThan(countsBefore);
    expect(paths.filter((path) => path.endsWith('/comments'))).toEqual([]);

    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
  }, 120_000);
});
