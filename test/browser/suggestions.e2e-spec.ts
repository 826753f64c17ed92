import { createAnchor } from '@kapitel/editor';
import type { Page } from 'playwright-core';
import type * as Y from 'yjs';
import { connectCollab, synced } from '../../apps/server/test/collab-client.js';
import type { Person } from '../../apps/server/test/factories.js';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations } from './browser.js';
import { editorText, sectionTeam, storedText, waitFor } from './people.js';
import { browserSuite } from './suite.js';
import { selectWithMouse } from './text-selection.js';

const EDITOR = '.ProseMirror';

describeInBrowser('suggested changes in Chromium', () => {
  const suite = browserSuite();

  async function pageOf(person: Person): Promise<Page> {
    const context = await suite.contextOf(person, { viewport: { width: 1280, height: 900 } });
    return context.newPage();
  }

  it('lets a reviewer suggest a new wording that the author accepts with one click, live in both texts', async () => {
    const { author, reviewer, project, section, url } = await sectionTeam(suite.app, 'Digitale Souveränität');
    const authorPage = await pageOf(author);
    const reviewerPage = await pageOf(reviewer);
    const foreign = [
      ...recordForeignRequests(authorPage, suite.app.origin),
      ...recordForeignRequests(reviewerPage, suite.app.origin),
    ];
    await authorPage.goto(url);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Die Stadt nutzt Open Source in der Verwaltung.');
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();

    // The reviewer, who cannot write, selects a passage and suggests a new wording for it.
    await reviewerPage.goto(url);
    await reviewerPage.locator(EDITOR).getByText('in der Verwaltung').waitFor();
    const comments = reviewerPage.getByRole('region', { name: 'Kommentare' });
    await selectWithMouse(reviewerPage, 'Open Source');
    await reviewerPage.locator('.comment-at-selection').click();
    await comments.getByRole('checkbox', { name: 'Änderung vorschlagen' }).check();
    const wording = comments.getByRole('textbox', { name: 'Neuer Wortlaut' });
    expect(await wording.inputValue()).toBe('Open Source');
    // The wording takes the focus; sending it unchanged is refused at the field.
    expect(await reviewerPage.evaluate<string | null>('document.activeElement?.id ?? null')).toBe(
      await wording.getAttribute('id'),
    );
    await comments.getByRole('button', { name: 'Vorschlag senden' }).click();
    await comments.getByText('Der neue Wortlaut ist derselbe wie bisher.').waitFor();
    await wording.fill('freie Software');
    await comments.getByRole('textbox', { name: 'Begründung (freiwillig)' }).fill('Wie im übrigen Bericht.');
    await screenshot(reviewerPage, 'suggestions-01-reviewer-writes');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);
    await comments.getByRole('button', { name: 'Vorschlag senden' }).click();
    await comments.getByRole('status').getByText('Ihr Vorschlag wurde gespeichert.').waitFor();
    const reviewerThread = comments.getByRole('article', { name: 'Kommentar von Rita Prüfer' });
    await reviewerThread.getByText('Änderungsvorschlag', { exact: true }).waitFor();
    expect(await reviewerThread.locator('del').textContent()).toBe('gelöscht: Open Source');
    expect(await reviewerThread.locator('ins').textContent()).toBe('eingefügt: freie Software');
    // The reviewer may not put it into the text: no such button for them.
    expect(await reviewerThread.getByRole('button', { name: /übernehmen/ }).count()).toBe(0);
    await screenshot(reviewerPage, 'suggestions-02-reviewer-sent');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);

    // The author sees it arrive and accepts it: the text changes in both editors.
    const authorComments = authorPage.getByRole('region', { name: 'Kommentare' });
    const thread = authorComments.getByRole('article', { name: 'Kommentar von Rita Prüfer' });
    await thread.getByText('Wie im übrigen Bericht.').waitFor({ timeout: 5000 });
    await thread.getByRole('button', { name: 'Vorschlag von Rita Prüfer ablehnen' }).waitFor();
    await screenshot(authorPage, 'suggestions-03-author-sees');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
    await thread.getByRole('button', { name: 'Vorschlag von Rita Prüfer übernehmen' }).click();
    await authorComments.getByRole('status').getByText('Der Vorschlag steht jetzt im Text.').waitFor();
    await waitFor(
      () => editorText(authorPage),
      'Die Stadt nutzt freie Software in der Verwaltung.',
      "the author's editor",
    );
    await waitFor(
      () => editorText(reviewerPage),
      'Die Stadt nutzt freie Software in der Verwaltung.',
      "the reviewer's editor",
    );
    expect(await storedText(author, project.id, section.id)).toBe(
      'Die Stadt nutzt freie Software in der Verwaltung.',
    );

    // The reviewer finds it accepted among the resolved threads, and is told by the bell.
    await comments.getByRole('radio', { name: 'Erledigt (1)' }).check({ timeout: 5000 });
    await reviewerThread.getByText('Übernommen', { exact: true }).waitFor();
    await reviewerThread.getByText(/^von Ali Autor am /).waitFor();
    // Unread: being made the section's reviewer, and now the acceptance.
    await reviewerPage.getByRole('button', { name: 'Benachrichtigungen, 2 ungelesen' }).click();
    await reviewerPage
      .getByRole('dialog', { name: 'Benachrichtigungen' })
      .getByRole('link', { name: /Ali Autor hat Ihren Änderungsvorschlag übernommen.*„freie Software“/ })
      .waitFor();
    await screenshot(reviewerPage, 'suggestions-04-reviewer-notified');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);
    expect(foreign).toEqual([]);
  }, 60_000);

  it("offers 'Übernehmen' only while the author may write, following the review state live", async () => {
    const { author, reviewer, lead, project, section, url } = await sectionTeam(suite.app, 'Prüfrunde');
    const writer = connectCollab(suite.app.origin, author, section.id);
    await synced(writer, 10_000);
    writer.type('Die Kommunen teilen ihren Code.');
    // The server reads the passage from the stored text: the suggestion waits for it.
    await waitFor(() => storedText(lead, project.id, section.id), 'Die Kommunen teilen ihren Code.', 'the stored text');
    const paragraph = writer.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    const anchor = createAnchor(
      paragraph.get(0) as Y.XmlText,
      'Die Kommunen teilen ihren '.length,
      'Die Kommunen teilen ihren Code'.length,
    );
    const comments = `/api/projects/${project.id}/sections/${section.id}/comments`;
    const step = (person: Person, action: string) =>
      person.client.post(`/api/projects/${project.id}/sections/${section.id}/transitions`, {
        action,
        note: 'Bitte ansehen.',
      });
    try {
      expect(
        (await reviewer.client.post(comments, { body: '', anchor, suggestion: 'Quellcode' })).status,
      ).toBe(201);
      const authorPage = await pageOf(author);
      await authorPage.goto(url);
      const thread = authorPage.getByRole('region', { name: 'Kommentare' }).getByRole('article');
      const accept = thread.getByRole('button', { name: 'Vorschlag von Rita Prüfer übernehmen' });
      await accept.waitFor();

      expect((await step(author, 'submit')).status).toBe(200);
      await thread
        .getByText('Übernehmen lässt er sich, sobald der Abschnitt wieder bearbeitet werden kann.')
        .waitFor();
      await accept.waitFor({ state: 'detached' });
      await screenshot(authorPage, 'suggestions-05-author-in-review');

      expect((await step(reviewer, 'request_changes')).status).toBe(200);
      await accept.click();
      await authorPage.getByText('Der Vorschlag steht jetzt im Text.').waitFor();
      await waitFor(
        () => storedText(lead, project.id, section.id),
        'Die Kommunen teilen ihren Quellcode.',
        'the stored text',
      );
    } finally {
      writer.destroy();
    }
  }, 60_000);

  it("offers 'Vorschlagen' at a selection to whoever may not write the text, opening the composer at the new wording", async () => {
    const { author, reviewer, url } = await sectionTeam(suite.app, 'Vorschlag an der Markierung');
    const authorPage = await pageOf(author);
    await authorPage.goto(url);
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    await authorPage.locator(EDITOR).click();
    await authorPage.keyboard.type('Die Kommunen teilen ihren Code.');
    await authorPage.getByText('Alle Änderungen gespeichert').waitFor();
    // The author writes the text: only "Kommentieren" at the selection.
    await selectWithMouse(authorPage, 'Code');
    await authorPage.locator('.comment-at-selection').waitFor();
    expect(await authorPage.locator('.suggest-at-selection').count()).toBe(0);

    const reviewerPage = await pageOf(reviewer);
    await reviewerPage.goto(url);
    await reviewerPage.locator(EDITOR).getByText('ihren Code').waitFor();
    await reviewerPage.getByText(/oder „Vorschlagen“ für einen neuen Wortlaut/).waitFor();
    await selectWithMouse(reviewerPage, 'Code');
    await reviewerPage.locator('.suggest-at-selection').click();
    const comments = reviewerPage.getByRole('region', { name: 'Kommentare' });
    expect(await comments.getByRole('checkbox', { name: 'Änderung vorschlagen' }).isChecked()).toBe(true);
    const wording = comments.getByRole('textbox', { name: 'Neuer Wortlaut' });
    expect(await reviewerPage.evaluate<string | null>('document.activeElement?.id ?? null')).toBe(
      await wording.getAttribute('id'),
    );
    await reviewerPage.keyboard.press('End');
    await reviewerPage.keyboard.type(' (Open Source)');
    await reviewerPage.keyboard.press('Control+Enter');
    await comments.getByRole('status').getByText('Ihr Vorschlag wurde gespeichert.').waitFor();
    expect(await comments.locator('ins').textContent()).toBe('eingefügt: (Open Source)');
    await screenshot(reviewerPage, 'suggestions-06-from-selection');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);
  }, 60_000);
});
