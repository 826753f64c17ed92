import type { Page } from 'playwright-core';
import { doc, paragraph, setContent, text } from '../../apps/server/test/e2e/export-support.js';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations } from './browser.js';
import { sectionTeam } from './people.js';
import { browserSuite } from './suite.js';

/** The reviewer's verdict and the lead's questions before approving and reopening (docs/outline.md, "Review"). */
describeInBrowser('a reviewer’s verdict and the lead’s approval in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;

  it('lets the reviewer report no objections, which the lead sees; approving with an open comment and reopening ask first', async () => {
    const { lead, reviewer, author, section, url } = await sectionTeam(suite.app, 'Prüfbericht');
    // The assignment told the author already; the bell below counts only what the review brings.
    await author.client.post('/api/notifications/read-all');
    const bell = (page: Page, unread: number) =>
      page.getByRole('button', { name: `Benachrichtigungen, ${String(unread)} ungelesen` });

    // The author writes a sentence and submits; the reviewer leaves a comment open.
    const authorPage = await pageOf(author);
    await authorPage.goto(url);
    await authorPage.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' }).click();
    await authorPage.keyboard.type('Die Stadt setzt auf offene Standards.');
    await authorPage.getByText('Verbunden · Alle Änderungen gespeichert').waitFor();
    await authorPage.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
    await authorPage.getByText('Neuer Status: In Prüfung.').waitFor();
    const comment = await reviewer.client.post(`/api/projects/${section.projectId}/sections/${section.id}/comments`, {
      body: 'Die Quelle der Zahlen fehlt noch.',
    });
    expect(comment.status).toBe(201);

    // The reviewer: "Keine Einwände" with a note, shown on the page and in the history.
    const reviewerPage = await pageOf(reviewer);
    const foreign = recordForeignRequests(reviewerPage, suite.app.origin);
    await reviewerPage.goto(url);
    await reviewerPage.getByRole('button', { name: 'Keine Einwände' }).click();
    await reviewerPage.getByLabel('Anmerkung (optional)').fill('Zahlen und Tabellen geprüft.');
    await reviewerPage.getByRole('button', { name: 'Keine Einwände melden' }).click();
    await reviewerPage.getByRole('status').getByText('„Keine Einwände“ ist vermerkt.', { exact: false }).waitFor();
    const verdicts = reviewerPage.getByRole('list').filter({ hasText: 'Zahlen und Tabellen geprüft.' });
    await verdicts.getByText('Rita Prüfer').waitFor();
    expect(await reviewerPage.getByRole('button', { name: 'Keine Einwände' }).count()).toBe(0);
    const reviewerHistory = reviewerPage.getByRole('table', { name: 'Verlauf der Prüfschritte' });
    await reviewerHistory.getByRole('rowheader', { name: 'Keine Einwände' }).waitFor();
    await reviewerHistory.getByText('Status bleibt In Prüfung').waitFor();
    await screenshot(reviewerPage, 'outline-10-reviewer-no-objections');
    expect(await seriousA11yViolations(reviewerPage)).toEqual([]);

    // The lead: a "geprüft" badge in the outline naming the reviewer, and a notification.
    const leadPage = await pageOf(lead);
    await leadPage.goto(`${suite.app.origin}/projects/${section.projectId}`);
    await leadPage.getByText('Geprüft, keine Einwände: Rita Prüfer').waitFor();
    await leadPage.getByText('geprüft', { exact: true }).waitFor();
    await bell(leadPage, 2).click();
    const verdict = leadPage
      .getByRole('dialog', { name: 'Benachrichtigungen' })
      .getByRole('link', { name: /Rita Prüfer hat einen Abschnitt geprüft: keine Einwände/ });
    await verdict.getByText('„Zahlen und Tabellen geprüft.“').waitFor();
    await screenshot(leadPage, 'outline-11-lead-sees-no-objections');
    expect(await seriousA11yViolations(leadPage)).toEqual([]);

    // Approving with an open comment asks first; Escape keeps the section in review.
    await verdict.click();
    await leadPage.getByRole('heading', { name: 'Ausgangslage', level: 1 }).waitFor();
    const approve = leadPage.getByRole('button', { name: 'Freigeben' });
    await approve.click();
    const question = leadPage.getByRole('group', { name: 'Trotzdem freigeben?' });
    await question.getByText('1 offener Kommentar').waitFor();
    expect(await question.getByText('Der Abschnitt hat noch keinen Text').count()).toBe(0);
    await screenshot(leadPage, 'outline-12-approve-asks');
    expect(await seriousA11yViolations(leadPage)).toEqual([]);
    await leadPage.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await leadPage.evaluate<string | null>('document.activeElement?.textContent ?? null')).toBe('Freigeben');
    await approve.click();
    await leadPage.getByRole('button', { name: 'Ja, freigeben' }).click();
    await leadPage.getByText('Neuer Status: Freigegeben.').waitFor();
    // What the author's and the reviewer's own steps said is stale now: it goes, not to be
    // read as the state of the section.
    await authorPage.getByText('Neuer Status: In Prüfung.').waitFor({ state: 'detached' });
    await reviewerPage.getByText('„Keine Einwände“ ist vermerkt.', { exact: false }).waitFor({ state: 'detached' });

    // Reopening asks too, takes a reason, and the author hears of it.
    await leadPage.getByRole('button', { name: 'Wieder öffnen' }).click();
    const reopen = leadPage.getByRole('form', { name: 'Abschnitt wieder öffnen?' });
    await reopen.getByLabel('Grund (optional)').fill('Neue Zahlen 2027 einarbeiten.');
    await screenshot(leadPage, 'outline-13-reopen-asks');
    expect(await seriousA11yViolations(leadPage)).toEqual([]);
    await leadPage.getByRole('button', { name: 'Ja, wieder öffnen' }).click();
    await leadPage.getByText('Neuer Status: Entwurf.').waitFor();
    await leadPage
      .getByRole('table', { name: 'Verlauf der Prüfschritte' })
      .getByText('Neue Zahlen 2027 einarbeiten.')
      .waitFor();

    // The author's bell: the reviewer's comment, the approval and the reopening.
    await bell(authorPage, 3).click();
    const authorBell = authorPage.getByRole('dialog', { name: 'Benachrichtigungen' });
    await authorBell.getByRole('link', { name: /Rita Prüfer hat Ihren Abschnitt kommentiert/ }).waitFor();
    const reopened = authorBell.getByRole('link', { name: /Lea Leitung hat Ihren Abschnitt wieder geöffnet/ });
    await reopened.getByText('„Neue Zahlen 2027 einarbeiten.“').waitFor();
    await screenshot(authorPage, 'outline-14-author-hears-of-reopen');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);

    const steps = await suite.app.db.query<{ action: string; note: string | null }>(
      'SELECT action, note FROM section_transitions WHERE section_id = $1 ORDER BY id',
      [section.id],
    );
    expect(steps.rows).toEqual([
      { action: 'submit', note: null },
      { action: 'no_objections', note: 'Zahlen und Tabellen geprüft.' },
      { action: 'approve', note: null },
      { action: 'reopen', note: 'Neue Zahlen 2027 einarbeiten.' },
    ]);
    expect(foreign).toEqual([]);
  }, 120_000);

  it('asks the lead before approving what the assigned reviewer has not checked yet, and not once they have', async () => {
    const { lead, reviewer, author, section, url } = await sectionTeam(suite.app, 'Prüfbericht');
    await setContent(suite.app, section.id, doc(paragraph(text('Die Stadt setzt auf offene Standards.'))));
    const base = `/api/projects/${section.projectId}/sections/${section.id}`;
    expect((await author.client.post(`${base}/transitions`, { action: 'submit' })).status).toBe(200);

    const leadPage = await pageOf(lead);
    await leadPage.goto(url);
    const approve = leadPage.getByRole('button', { name: 'Freigeben' });
    await approve.click();
    const question = leadPage.getByRole('group', { name: 'Trotzdem freigeben?' });
    await question.getByText('Rita Prüfer hat den Abschnitt in dieser Runde noch nicht geprüft („Keine Einwände“ fehlt)').waitFor();
    expect(await question.getByRole('listitem').count()).toBe(1);
    await screenshot(leadPage, 'outline-15-approve-before-review');
    expect(await seriousA11yViolations(leadPage)).toEqual([]);
    await leadPage.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });

    // Once the reviewer has checked, nothing speaks against it: approved at once.
    expect((await reviewer.client.post(`${base}/no-objections`, {})).status).toBe(200);
    await approve.click();
    await leadPage.getByText('Neuer Status: Freigegeben.').waitFor();
  }, 60_000);
});
