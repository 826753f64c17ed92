import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  describeInBrowser,
  recordForeignRequests,
  registerInBrowser,
  screenshot,
  seriousA11yViolations,
  waitUntilTrue,
} from './browser.js';
import { browserSuite } from './suite.js';

const TEMPLATE = 'Kommunaler Bericht: Open Source und digitale Souveränität';

/** A JSON call to our API with the page's session cookie and the Origin a browser would send. */
async function call<T>(
  page: Page,
  origin: string,
  method: 'POST' | 'PATCH',
  path: string,
  data: unknown,
): Promise<T> {
  const response = await page.request.fetch(`${origin}/api${path}`, {
    method,
    data,
    headers: { Origin: origin },
  });
  if (!response.ok()) {
    throw new Error(`${method} ${path} answered ${String(response.status())}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** The aria-label of the element that has the keyboard focus (a string: the tests have no DOM types). */
function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`document.activeElement?.getAttribute('aria-label') ?? null`);
}

/** The visible text of the element that has the keyboard focus. */
function focusedText(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`document.activeElement?.textContent ?? null`);
}

/** The description of a section form's save button: its "unsaved changes" hint, if shown. */
async function unsavedHint(page: Page, button: string): Promise<string | null> {
  const id = await page.getByRole('button', { name: button, exact: true }).getAttribute('aria-describedby');
  return id === null ? null : page.locator(`[id="${id}"]`).textContent();
}

/** The border style of a move button: how a disabled one differs from the others beyond colour. */
function moveButtonBorder(page: Page, label: string): Promise<string> {
  const selector = JSON.stringify(`button[aria-label="${label}"]`);
  return page.evaluate<string>(`getComputedStyle(document.querySelector(${selector})).borderTopStyle`);
}

/** Who the server has assigned to a top-level section of the project shown on the page. */
async function assigneesOf(page: Page, origin: string, title: string): Promise<string[]> {
  const projectId = new URL(page.url()).pathname.split('/')[2] ?? '';
  const response = await page.request.get(`${origin}/api/projects/${projectId}/outline`);
  const { sections } = (await response.json()) as { sections: { title: string; assigneeIds: string[] }[] };
  const section = sections.find((candidate) => candidate.title === title);
  if (section === undefined) {
    throw new Error(`the outline has no "${title}"`);
  }
  return section.assigneeIds;
}

describeInBrowser('the outline and review workflow in Chromium', () => {
  const suite = browserSuite();
  // Nobody is signed in: these tests register and sign in through the pages themselves.
  const { newPage } = suite;

  it('lets a lead shape the outline from a template, assign, move, delete, restore and approve a section', async () => {
    const lead = await newPage();
    const foreign = recordForeignRequests(lead, suite.app.origin);
    await registerInBrowser(lead, suite.app.origin, 'Lea Leitung');

    // A project from the municipal report template.
    const title = `Digitale Souveränität ${randomUUID().slice(0, 4)}`;
    await lead.getByLabel('Titel', { exact: true }).fill(title);
    await lead.getByLabel('Gliederungsvorlage').selectOption({ label: TEMPLATE });
    await lead.getByRole('button', { name: 'Projekt anlegen' }).click();
    await lead.getByRole('heading', { name: title }).waitFor();
    await lead.getByRole('link', { name: 'Vorwort', exact: true }).waitFor();
    await lead.getByRole('link', { name: '3.2 Open Source im Beschaffungsverfahren', exact: true }).waitFor();
    await lead.getByRole('link', { name: 'Anhang', exact: true }).waitFor();
    await lead.getByRole('progressbar', { name: '0 von 10 Abschnitten freigegeben' }).waitFor();
    await screenshot(lead, 'outline-01-from-template');
    expect(await seriousA11yViolations(lead)).toEqual([]);

    // Add a chapter: it goes after the last chapter, before the annex, which stays last.
    await lead.getByLabel('Titel des Abschnitts').fill('Ausblick');
    await lead.getByRole('button', { name: 'Abschnitt hinzufügen' }).click();
    await lead.getByRole('link', { name: '6 Ausblick', exact: true }).waitFor();
    await lead.getByRole('progressbar', { name: '0 von 11 Abschnitten freigegeben' }).waitFor();
    await lead.locator('button[aria-label="„Anhang“ nach unten verschieben"][disabled]').waitFor();
    expect(
      await lead.getByRole('link', { name: /^(\d+ )?(Ausblick|Anhang)$/ }).allInnerTexts(),
    ).toEqual(['6 Ausblick', 'Anhang']);

    // Move it by keyboard: up past two chapters, then into chapter 3. Focus stays on the
    // button used.
    const up = lead.getByRole('button', { name: '„Ausblick“ nach oben verschieben' });
    await up.focus();
    await lead.keyboard.press('Enter');
    await lead.getByRole('link', { name: '5 Ausblick', exact: true }).waitFor();
    expect(await focusedLabel(lead)).toBe('„Ausblick“ nach oben verschieben');
    await lead.keyboard.press('Enter');
    await lead.getByRole('link', { name: '4 Ausblick', exact: true }).waitFor();
    const indent = 'Einzug vergrößern: „Ausblick“ wird Unterabschnitt des vorherigen Abschnitts';
    expect(await lead.getByRole('button', { name: indent }).getAttribute('title')).toBe('Einzug vergrößern');
    await lead.getByRole('button', { name: indent }).focus();
    await lead.keyboard.press('Space');
    await lead.getByRole('link', { name: '3.4 Ausblick', exact: true }).waitFor();
    await lead.getByText('„Ausblick“ ist jetzt Abschnitt 3.4.').waitFor();
    expect(await focusedLabel(lead)).toBe(indent);
    expect(
      await lead
        .getByRole('button', { name: 'Einzug verkleinern: „Ausblick“ rückt eine Ebene höher' })
        .getAttribute('title'),
    ).toBe('Einzug verkleinern');
    // Moved to the top of its level, its ↑ turns disabled: the focus goes to the group of move
    // buttons, where another Enter moves nothing (on ↓ it would move the section back).
    const upInChapter = lead.getByRole('button', { name: '„Ausblick“ nach oben verschieben' });
    await upInChapter.focus();
    for (const number of ['3.3', '3.2', '3.1']) {
      await lead.keyboard.press('Enter');
      await lead.getByRole('link', { name: `${number} Ausblick`, exact: true }).waitFor();
    }
    await waitUntilTrue(lead, `document.activeElement?.getAttribute('aria-label') === '„Ausblick“ verschieben'`, 'the focus on the move group');
    await lead.keyboard.press('Enter');
    await lead.waitForTimeout(500);
    await lead.getByRole('link', { name: '3.1 Ausblick', exact: true }).waitFor();
    expect(await focusedLabel(lead)).toBe('„Ausblick“ verschieben');
    // And back down to the end of the chapter with three quick presses: each one is carried
    // out in turn, once the outline shows the one before.
    await lead.getByRole('button', { name: '„Ausblick“ nach unten verschieben' }).focus();
    for (let press = 0; press < 3; press += 1) {
      await lead.keyboard.press('Enter');
    }
    await lead.getByRole('link', { name: '3.4 Ausblick', exact: true }).waitFor();
    await waitUntilTrue(lead, `document.activeElement?.getAttribute('aria-label') === '„Ausblick“ verschieben'`, 'the focus on the move group');
    // The first chapter cannot move up, nor be indented: those buttons are disabled.
    expect(await lead.getByRole('button', { name: '„Vorwort“ nach oben verschieben' }).isDisabled()).toBe(
      true,
    );
    expect(await lead.getByRole('button', { name: /^Einzug vergrößern: „Vorwort“/ }).isDisabled()).toBe(true);
    // They look inactive, by shape too: a dashed grey frame, where enabled ones have a solid one.
    expect(await moveButtonBorder(lead, '„Vorwort“ nach oben verschieben')).toBe('dashed');
    expect(await moveButtonBorder(lead, '„Vorwort“ nach unten verschieben')).toBe('solid');
    await screenshot(lead, 'outline-02-moved');

    // Assign the first chapter, with a due date long past.
    const first = '„Ausgangslage und Einführung“';
    await lead.getByRole('button', { name: `${first} bearbeiten` }).click();
    const saveSettings = lead.getByRole('button', { name: 'Titel und Nummerierung speichern' });
    const saveAssignment = lead.getByRole('button', { name: 'Zuweisung speichern' });
    // The first button says what it saves; with nothing changed it says that instead of "gespeichert".
    await saveSettings.click();
    await lead.getByRole('status').getByText('Keine Änderungen zu speichern.', { exact: true }).waitFor();
    expect(await lead.getByText(/gespeichert\.$/).count()).toBe(0);
    await lead.getByRole('checkbox', { name: 'Lea Leitung (Stadt Musterstadt)' }).check();
    await lead.getByLabel('Prüfung durch').selectOption({ label: 'Lea Leitung (Stadt Musterstadt)' });
    await lead.getByLabel('Fällig am').fill('2020-01-15');
    // A date already past is taken, and said to make the section overdue at once.
    await lead.getByText('Dieses Datum liegt in der Vergangenheit: Der Abschnitt gilt dann sofort als überfällig.').waitFor();
    // The assignment form shows, and its button tells screen readers, that it holds unsaved work.
    expect(await unsavedHint(lead, 'Zuweisung speichern')).toBe('Nicht gespeicherte Änderungen');
    expect(await unsavedHint(lead, 'Titel und Nummerierung speichern')).toBeNull();
    // The title's button does not save the assignment: the server still has nobody assigned.
    await saveSettings.click();
    await lead.getByRole('status').getByText('Keine Änderungen zu speichern.', { exact: true }).waitFor();
    expect(await assigneesOf(lead, suite.app.origin, 'Ausgangslage und Einführung')).toEqual([]);
    expect(await unsavedHint(lead, 'Zuweisung speichern')).toBe('Nicht gespeicherte Änderungen');

    // Closing the tools with unsaved changes asks first; the focus goes to the safe answer.
    await lead.getByRole('button', { name: `${first} bearbeiten` }).click();
    const discard = lead.getByRole('group', { name: 'Nicht gespeicherte Änderungen verwerfen?' });
    await discard.getByText('Die Zuweisung ist geändert, aber noch nicht gespeichert.').waitFor();
    expect(await focusedText(lead)).toBe('Weiter bearbeiten');
    await screenshot(lead, 'outline-03a-discard-asks');
    expect(await seriousA11yViolations(lead)).toEqual([]);
    // Escape keeps the work, with the focus at the button that saves it.
    await lead.keyboard.press('Escape');
    await discard.waitFor({ state: 'detached' });
    expect(await focusedText(lead)).toBe('Zuweisung speichern');
    expect(await lead.getByRole('checkbox', { name: 'Lea Leitung (Stadt Musterstadt)' }).isChecked()).toBe(true);
    // A section without sub-sections is asked about alone.
    await lead.getByRole('button', { name: `${first} löschen` }).click();
    await lead.getByText(`${first} in den Papierkorb legen?`, { exact: true }).waitFor();
    await screenshot(lead, 'outline-03-editing');
    await lead.getByRole('button', { name: 'Abbrechen' }).click();
    expect(await seriousA11yViolations(lead)).toEqual([]);
    await saveAssignment.click();
    await lead.getByText(`Zuweisung für ${first} gespeichert.`).waitFor();
    await lead.getByText('Zuständig: Lea Leitung').waitFor();
    await lead.getByText('überfällig', { exact: true }).waitFor();
    expect(await unsavedHint(lead, 'Zuweisung speichern')).toBeNull();

    // Opening another section's tools with unsaved changes asks too; discarding opens them.
    await lead.getByLabel('Fällig am').fill('2020-02-01');
    await lead.getByRole('button', { name: '„Vorwort“ bearbeiten' }).click();
    await discard.getByRole('button', { name: 'Änderungen verwerfen' }).click();
    await lead.getByRole('button', { name: '„Vorwort“ bearbeiten', expanded: true }).waitFor();
    expect(await focusedLabel(lead)).toBe('„Vorwort“ bearbeiten');
    expect(await lead.getByRole('button', { name: `${first} bearbeiten`, expanded: false }).count()).toBe(1);
    // The renamed button saves title and numbering; closing after a save does not ask.
    await lead.getByLabel('Titel', { exact: true }).fill('Vorwort der Stadt');
    expect(await unsavedHint(lead, 'Titel und Nummerierung speichern')).toBe('Nicht gespeicherte Änderungen');
    await saveSettings.click();
    await lead.getByText('Titel und Nummerierung von „Vorwort der Stadt“ gespeichert.').waitFor();
    await lead.getByRole('link', { name: 'Vorwort der Stadt', exact: true }).waitFor();
    expect(await unsavedHint(lead, 'Titel und Nummerierung speichern')).toBeNull();
    await lead.getByRole('button', { name: '„Vorwort der Stadt“ bearbeiten' }).click();
    await lead.getByRole('button', { name: '„Vorwort der Stadt“ bearbeiten', expanded: false }).waitFor();
    expect(await discard.count()).toBe(0);
    // The discarded due date is gone: the tools show the saved one.
    await lead.getByRole('button', { name: `${first} bearbeiten` }).click();
    expect(await lead.getByLabel('Fällig am').inputValue()).toBe('2020-01-15');
    await lead.getByRole('button', { name: `${first} bearbeiten` }).click();
    await lead.getByRole('button', { name: `${first} bearbeiten`, expanded: false }).waitFor();

    // Delete a chapter with its sub-sections into the trash and bring it back.
    const chapter = 'Schritt für Schritt zu mehr Open Source';
    await lead.getByRole('button', { name: `„${chapter}“ bearbeiten` }).click();
    await lead.getByRole('button', { name: `„${chapter}“ löschen` }).click();
    await lead
      .getByText(`„${chapter}“ mit seinen 4 Unterabschnitten in den Papierkorb legen?`, { exact: true })
      .waitFor();
    await lead.getByRole('button', { name: 'Ja, löschen' }).click();
    await lead.getByText(`„${chapter}“ liegt jetzt im Papierkorb.`).waitFor();
    await lead
      .getByRole('link', { name: '3 Zusammenarbeit in der Open-Source-Gemeinschaft', exact: true })
      .waitFor();
    expect(await lead.getByRole('link', { name: /Beispiele aus Kommunen|Ausblick/ }).count()).toBe(0);
    await lead.getByText('Unterabschnitte: 4').waitFor();
    await lead.getByText('War auf oberster Ebene', { exact: true }).waitFor();
    await lead.getByRole('progressbar', { name: '0 von 6 Abschnitten freigegeben' }).waitFor();
    const restore = lead.getByRole('button', { name: `„${chapter}“ wiederherstellen` });
    await screenshot(lead, 'outline-04-trash');
    expect(await seriousA11yViolations(lead)).toEqual([]);
    await restore.click();
    await lead.getByRole('link', { name: `3 ${chapter}`, exact: true }).waitFor();
    await lead.getByRole('link', { name: '3.4 Ausblick', exact: true }).waitFor();
    await lead.getByText('Der Papierkorb ist leer.').waitFor();
    expect(await focusedLabel(lead)).toBeNull();
    expect(await lead.evaluate<string | null>(`document.activeElement?.textContent ?? null`)).toBe(
      `3 ${chapter}`,
    );

    // A sub-section in the trash says under which section it was, and goes back there.
    await lead.getByRole('button', { name: '„Beispiele aus Kommunen“ bearbeiten' }).click();
    await lead.getByRole('button', { name: '„Beispiele aus Kommunen“ löschen' }).click();
    await lead.getByText('„Beispiele aus Kommunen“ in den Papierkorb legen?', { exact: true }).waitFor();
    await lead.getByRole('button', { name: 'Ja, löschen' }).click();
    await lead.getByText(`War unter 3 ${chapter}`, { exact: true }).waitFor();
    await lead.getByRole('link', { name: '3.3 Ausblick', exact: true }).waitFor();
    await screenshot(lead, 'outline-04b-trash-place');
    await lead.getByRole('button', { name: '„Beispiele aus Kommunen“ wiederherstellen' }).click();
    await lead.getByRole('link', { name: '3.3 Beispiele aus Kommunen', exact: true }).waitFor();
    await lead.getByText('Der Papierkorb ist leer.').waitFor();

    // The section page: submit, ask for changes with a note, submit again, approve.
    await lead.getByRole('link', { name: '1 Ausgangslage und Einführung', exact: true }).click();
    await lead.getByRole('heading', { name: '1 Ausgangslage und Einführung', level: 1 }).waitFor();
    await lead.getByText('Noch keine Prüfschritte.').waitFor();
    await screenshot(lead, 'outline-05-section');
    expect(await seriousA11yViolations(lead)).toEqual([]);

    await lead.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
    await lead.getByText('Neuer Status: In Prüfung.').waitFor();
    await lead.getByRole('button', { name: 'Änderungen anfordern' }).click();
    const send = lead.getByRole('button', { name: 'Änderungen anfordern' }).last();
    await send.click();
    await lead.getByText('Bitte füllen Sie dieses Feld aus.').waitFor();
    await lead.getByLabel('Was soll geändert werden?').fill('Bitte die Zahlen von 2025 ergänzen.');
    await send.click();
    await lead.getByText('Neuer Status: Änderungen angefordert.').waitFor();
    await lead.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
    await lead.getByText('Neuer Status: In Prüfung.').waitFor();
    // The template's section has no text yet: approving asks first, naming why.
    await lead.getByRole('button', { name: 'Freigeben' }).click();
    await lead.getByRole('group', { name: 'Trotzdem freigeben?' }).getByText('Der Abschnitt hat noch keinen Text').waitFor();
    await lead.getByRole('button', { name: 'Ja, freigeben' }).click();
    await lead.getByText('Neuer Status: Freigegeben.').waitFor();
    await lead.getByRole('button', { name: 'Wieder öffnen' }).waitFor();
    const history = lead.getByRole('table', { name: 'Verlauf der Prüfschritte' });
    await history.getByRole('row').nth(4).waitFor();
    expect(await history.getByRole('row').count()).toBe(5);
    await history.getByText('Bitte die Zahlen von 2025 ergänzen.').waitFor();
    await history.getByText('von In Prüfung zu Freigegeben').waitFor();
    await screenshot(lead, 'outline-06-approved');
    expect(await seriousA11yViolations(lead)).toEqual([]);

    // Back on the project page the progress counts the approval; approved is never overdue.
    await lead.getByRole('link', { name: title }).click();
    await lead.getByRole('progressbar', { name: '1 von 11 Abschnitten freigegeben' }).waitFor();
    expect(await lead.getByText('überfällig', { exact: true }).count()).toBe(0);
    await screenshot(lead, 'outline-07-progress');
    expect(await seriousA11yViolations(lead)).toEqual([]);

    const transitions = await suite.app.db.query<{ action: string; note: string | null }>(
      `SELECT t.action, t.note FROM section_transitions t JOIN sections s ON s.id = t.section_id
        JOIN projects p ON p.id = s.project_id WHERE p.title = $1 ORDER BY t.id`,
      [title],
    );
    expect(transitions.rows).toEqual([
      { action: 'submit', note: null },
      { action: 'request_changes', note: 'Bitte die Zahlen von 2025 ergänzen.' },
      { action: 'submit', note: null },
      { action: 'approve', note: null },
    ]);
    expect(foreign).toEqual([]);
  }, 120_000);

  it('shows an author, in English, the outline without lead tools and only the steps an assignee may take', async () => {
    const lead = await newPage();
    await registerInBrowser(lead, suite.app.origin, 'Lea Leitung');
    const title = `Open Source Report ${randomUUID().slice(0, 4)}`;
    const { project } = await call<{ project: { id: string } }>(lead, suite.app.origin, 'POST', '/projects', {
      title,
      template: 'kommunaler-bericht-open-source',
    });
    const authorEmail = `ali-${randomUUID().slice(0, 6)}@example.org`;
    const invitation = await call<{ token: string }>(
      lead,
      suite.app.origin,
      'POST',
      `/projects/${project.id}/invitations`,
      {
        email: authorEmail,
        role: 'author',
      },
    );

    const author = await newPage();
    const foreign = recordForeignRequests(author, suite.app.origin);
    await registerInBrowser(author, suite.app.origin, 'Ali Autor', authorEmail);
    await call(author, suite.app.origin, 'POST', `/invitations/${invitation.token}/accept`, {});
    const me = await author.request.get(`${suite.app.origin}/api/me`);
    const authorId = ((await me.json()) as { user: { id: string } }).user.id;
    const outline = await lead.request.get(`${suite.app.origin}/api/projects/${project.id}/outline`);
    const sections = ((await outline.json()) as { sections: { id: string; title: string }[] }).sections;
    const first = sections.find((section) => section.title === 'Ausgangslage und Einführung');
    if (first === undefined) {
      throw new Error('the template has no "Ausgangslage und Einführung"');
    }
    await call(lead, suite.app.origin, 'PATCH', `/projects/${project.id}/sections/${first.id}`, {
      assigneeIds: [authorId],
      dueDate: '2099-12-31',
    });

    await author.getByRole('button', { name: 'English' }).click();
    await author.goto(`${suite.app.origin}/projects/${project.id}`);
    await author.getByRole('heading', { name: 'Outline' }).waitFor();
    await author.getByRole('progressbar', { name: '0 of 10 sections approved' }).waitFor();
    await author.getByText('Assigned to: Ali Autor').waitFor();
    await author.getByText('Due on 31 Dec 2099').waitFor();
    expect(
      await author.getByRole('button', { name: /^Move|^Increase indent|^Decrease indent|^Edit/ }).count(),
    ).toBe(0);
    expect(await author.getByRole('heading', { name: 'Trash' }).count()).toBe(0);
    await screenshot(author, 'outline-08-author-en');
    expect(await seriousA11yViolations(author)).toEqual([]);

    await author.getByRole('link', { name: '1 Ausgangslage und Einführung', exact: true }).click();
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.getByText('New status: In review.').waitFor();
    await author
      .getByText('The section is with the project lead for review. The text is locked until a decision is made.', {
        exact: false,
      })
      .waitFor();
    expect(await author.getByRole('button', { name: /Approve|Request changes|Reopen/ }).count()).toBe(0);
    await author
      .getByRole('table', { name: 'History of review steps' })
      .getByText('from Draft to In review')
      .waitFor();
    await screenshot(author, 'outline-09-author-submitted-en');
    expect(await seriousA11yViolations(author)).toEqual([]);
    expect(foreign).toEqual([]);
  }, 90_000);
});
