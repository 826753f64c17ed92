import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  describeInBrowser,
  recordForeignRequests,
  registerInBrowser,
  screenshot,
  seriousA11yViolations,
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
    await lead.getByRole('progressbar', { name: '0 von 9 Abschnitten freigegeben' }).waitFor();
    await screenshot(lead, 'outline-01-from-template');
    expect(await seriousA11yViolations(lead)).toEqual([]);

    // Add a chapter at the end.
    await lead.getByLabel('Titel des Abschnitts').fill('Ausblick');
    await lead.getByRole('button', { name: 'Abschnitt hinzufügen' }).click();
    await lead.getByRole('link', { name: '6 Ausblick', exact: true }).waitFor();
    await lead.getByRole('progressbar', { name: '0 von 10 Abschnitten freigegeben' }).waitFor();

    // Move it by keyboard: up twice, then into chapter 3. Focus stays on the button used.
    const up = lead.getByRole('button', { name: '„Ausblick“ nach oben verschieben' });
    await up.focus();
    await lead.keyboard.press('Enter');
    await lead.getByRole('link', { name: '5 Ausblick', exact: true }).waitFor();
    expect(await focusedLabel(lead)).toBe('„Ausblick“ nach oben verschieben');
    await lead.keyboard.press('Enter');
    await lead.getByRole('link', { name: '4 Ausblick', exact: true }).waitFor();
    await lead
      .getByRole('button', { name: '„Ausblick“ einrücken (Unterabschnitt des vorherigen Abschnitts)' })
      .focus();
    await lead.keyboard.press('Space');
    await lead.getByRole('link', { name: '3.4 Ausblick', exact: true }).waitFor();
    await lead.getByText('„Ausblick“ ist jetzt Abschnitt 3.4.').waitFor();
    expect(await focusedLabel(lead)).toBe('„Ausblick“ einrücken (Unterabschnitt des vorherigen Abschnitts)');
    // The first chapter cannot move up, nor be indented: those buttons are disabled.
    expect(await lead.getByRole('button', { name: '„Vorwort“ nach oben verschieben' }).isDisabled()).toBe(
      true,
    );
    expect(await lead.getByRole('button', { name: /^„Vorwort“ einrücken/ }).isDisabled()).toBe(true);
    await screenshot(lead, 'outline-02-moved');

    // Assign the first chapter, with a due date long past.
    await lead.getByRole('button', { name: '„Ausgangslage und Einführung“ bearbeiten' }).click();
    await lead.getByRole('checkbox', { name: 'Lea Leitung (Stadt Musterstadt)' }).check();
    await lead.getByLabel('Prüfung durch').selectOption({ label: 'Lea Leitung (Stadt Musterstadt)' });
    await lead.getByLabel('Fällig am').fill('2020-01-15');
    await screenshot(lead, 'outline-03-editing');
    expect(await seriousA11yViolations(lead)).toEqual([]);
    await lead.getByRole('button', { name: 'Zuweisung speichern' }).click();
    await lead.getByText('Zuweisung für „Ausgangslage und Einführung“ gespeichert.').waitFor();
    await lead.getByText('Zuständig: Lea Leitung').waitFor();
    await lead.getByText('überfällig', { exact: true }).waitFor();
    await lead.getByRole('button', { name: '„Ausgangslage und Einführung“ bearbeiten' }).click();

    // Delete a chapter with its sub-sections into the trash and bring it back.
    const chapter = 'Wie kommen Kommunen sukzessive zu mehr Open Source?';
    await lead.getByRole('button', { name: `„${chapter}“ bearbeiten` }).click();
    await lead.getByRole('button', { name: `„${chapter}“ löschen` }).click();
    await lead.getByRole('button', { name: 'Ja, löschen' }).click();
    await lead.getByText(`„${chapter}“ liegt jetzt im Papierkorb.`).waitFor();
    await lead
      .getByRole('link', { name: '3 Kontributoren und das Open-Source-Ökosystem', exact: true })
      .waitFor();
    expect(await lead.getByRole('link', { name: /Fallbeispiele|Ausblick/ }).count()).toBe(0);
    await lead.getByText('Unterabschnitte: 4').waitFor();
    await lead.getByRole('progressbar', { name: '0 von 5 Abschnitten freigegeben' }).waitFor();
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
    await lead.getByRole('button', { name: 'Freigeben' }).click();
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
    await lead.getByRole('progressbar', { name: '1 von 10 Abschnitten freigegeben' }).waitFor();
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
    await author.getByRole('progressbar', { name: '0 of 9 sections approved' }).waitFor();
    await author.getByText('Assigned to: Ali Autor').waitFor();
    await author.getByText('Due on 31 Dec 2099').waitFor();
    expect(await author.getByRole('button', { name: /^Move|^Indent|^Outdent|^Edit/ }).count()).toBe(0);
    expect(await author.getByRole('heading', { name: 'Trash' }).count()).toBe(0);
    await screenshot(author, 'outline-08-author-en');
    expect(await seriousA11yViolations(author)).toEqual([]);

    await author.getByRole('link', { name: '1 Ausgangslage und Einführung', exact: true }).click();
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await author.getByText('New status: In review.').waitFor();
    await author.getByText('In the current status there is no review step for you here.').waitFor();
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
