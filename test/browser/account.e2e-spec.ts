import type { Page } from 'playwright-core';
import type { SmtpConfig } from '../../apps/server/src/config/app-config.js';
import { createProject, PASSWORD as API_PASSWORD, registerUser, type Person } from '../../apps/server/test/factories.js';
import { HttpClient } from '../../apps/server/test/http-client.js';
import { linkIn, MailReceiver } from '../../apps/server/test/mail-receiver.js';
import { describeInBrowser, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { browserSuite } from './suite.js';

/**
 * The account page (name, address, password, other sessions, deleting the account) and the forgotten-password flow, through
 * the German web app, with reset e-mails caught by a real SMTP receiver.
 */

const NEW_PASSWORD = 'ein neues Passwort für Konrad';

/** The name attribute of the focused element: which field the page sent the user to. */
function focusedField(page: Page): Promise<string | null> {
  return page.evaluate<string | null>('document.activeElement?.getAttribute("name") ?? null');
}

/** The text of the element(s) a field names with aria-describedby. */
async function descriptionOf(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

async function signInThroughPage(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).last().click();
  await page.getByRole('heading', { name: 'Ihre Projekte' }).waitFor();
  expect(new URL(page.url()).origin).toBe(origin);
}

describeInBrowser('the account page and forgotten passwords, in Chromium', () => {
  let receiver: MailReceiver;
  // Read by the suite's server when it starts, after the receiver below has its port.
  const server: { smtp?: SmtpConfig } = {};
  beforeAll(async () => {
    receiver = await MailReceiver.start();
    server.smtp = receiver.smtp;
  });
  const suite = browserSuite({ server });
  afterAll(async () => {
    await receiver.close();
  });

  /** The same person signed in a second time (another browser). */
  async function secondSession(person: Person): Promise<Person> {
    const client = new HttpClient(suite.app.origin);
    expect((await client.post('/api/auth/login', { email: person.user.email, password: API_PASSWORD })).status).toBe(200);
    return { client, user: person.user };
  }

  it('changes the name (the header follows) and the password (other browsers are signed out), then signs in with the new one', async () => {
    const person = await registerUser(suite.app, { name: 'Konrad Konto', organisation: 'Stadt Musterstadt' });
    const project = await createProject(person, { title: 'Bericht für das Konto' });
    const elsewhere = await suite.pageOf(await secondSession(person));
    await elsewhere.goto(`${suite.app.origin}/projects/${project.id}`);
    await elsewhere.getByRole('heading', { name: 'Bericht für das Konto' }).waitFor();

    const page = await suite.pageOf(person);
    await page.goto(`${suite.app.origin}/projects`);
    await page.getByRole('link', { name: 'Mein Konto' }).click();
    await page.getByRole('heading', { name: 'Mein Konto', level: 1 }).waitFor();
    expect(await page.title()).toBe('Mein Konto – Kapitel');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Konrad Konto');
    // Who sees the name is said once, by the card, not again at the field.
    expect(await page.getByText('So sehen die anderen Mitwirkenden Sie', { exact: false }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // An empty name is refused before anything is sent, at the field, with the focus there.
    await page.getByLabel('Name', { exact: true }).fill('   ');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte füllen Sie dieses Feld aus.').waitFor();
    expect(await focusedField(page)).toBe('name');
    expect(await descriptionOf(page, 'Name')).toContain('Bitte füllen Sie dieses Feld aus.');

    await page.getByLabel('Name', { exact: true }).fill('Konrad Neuname');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert: Name und Organisation sind aktualisiert.').waitFor();
    expect(await page.locator('.app-header__user-name').innerText()).toContain('Konrad Neuname');
    expect((await person.client.get<{ user: { name: string } }>('/api/me')).body.user.name).toBe('Konrad Neuname');

    // A wrong current password: said once, at that field, which gets the focus with the message there.
    await page.getByLabel('Aktuelles Passwort').fill('nicht mein Passwort');
    await page.getByLabel('Neues Passwort').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    await page.locator('input[name="currentPassword"][aria-invalid="true"]').waitFor();
    await waitUntilTrue(page, `document.activeElement?.getAttribute('name') === 'currentPassword'`, 'the password field to have focus');
    expect(
      await page.evaluate<string | null>(`document.activeElement?.getAttribute('aria-invalid') ?? null`),
    ).toBe('true');
    expect(await descriptionOf(page, 'Aktuelles Passwort')).toContain('Das aktuelle Passwort ist nicht korrekt.');
    expect(await page.getByText('Das aktuelle Passwort ist nicht korrekt.').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'account-01a-wrong-password');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Aktuelles Passwort').fill(API_PASSWORD);
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    await page.getByText('Ihr Passwort ist geändert. Alle anderen Anmeldungen sind beendet (1).').waitFor();
    expect(await page.getByLabel('Aktuelles Passwort').inputValue()).toBe('');
    await screenshot(page, 'account-01-page');
    // The other browser's project page heard of the end at once and asks to sign in.
    await elsewhere.getByRole('heading', { name: 'Anmelden' }).waitFor();

    // Signing out on the other devices keeps this one.
    const third = new HttpClient(suite.app.origin);
    expect((await third.post('/api/auth/login', { email: person.user.email, password: NEW_PASSWORD })).status).toBe(200);
    await page.getByRole('button', { name: 'Auf allen anderen Geräten abmelden' }).click();
    await page
      .getByText('Sie sind jetzt auf allen anderen Geräten abgemeldet (1 Anmeldung beendet). Hier bleiben Sie angemeldet.')
      .waitFor();
    expect((await third.get('/api/me')).status).toBe(401);
    await screenshot(page, 'account-01b-other-devices');
    await page.getByRole('button', { name: 'Auf allen anderen Geräten abmelden' }).click();
    await page.getByText('Sie waren auf keinem anderen Gerät angemeldet. Hier bleiben Sie angemeldet.').waitFor();
    expect((await person.client.get('/api/me')).status).toBe(200);

    await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    await signInThroughPage(page, suite.app.origin, person.user.email, NEW_PASSWORD);
  }, 60_000);

  it('changes the e-mail address: a taken one and a wrong password are said at their fields; the old address is told', async () => {
    const person = await registerUser(suite.app, { name: 'Erika Adresse' });
    const taken = await registerUser(suite.app);
    const elsewhere = await suite.pageOf(await secondSession(person));
    await elsewhere.goto(`${suite.app.origin}/account`);
    await elsewhere.getByRole('heading', { name: 'Mein Konto', level: 1 }).waitFor();
    const page = await suite.pageOf(person);
    await page.goto(`${suite.app.origin}/account`);
    const card = page.getByRole('region', { name: 'E-Mail-Adresse ändern' });
    const newAddress = `neu-${person.user.email}`;

    await card.getByLabel('Neue E-Mail-Adresse').fill(taken.user.email.toUpperCase());
    await card.getByLabel('Passwort zur Bestätigung').fill(API_PASSWORD);
    await card.getByRole('button', { name: 'E-Mail-Adresse ändern' }).click();
    await card.getByText('Diese E-Mail-Adresse gehört schon zu einem anderen Konto.').waitFor();
    await waitUntilTrue(page, `document.activeElement?.getAttribute('name') === 'newEmail'`, 'the e-mail field to have focus');
    expect(await page.getByRole('alert').count()).toBe(0);

    await card.getByLabel('Neue E-Mail-Adresse').fill(newAddress);
    await card.getByLabel('Passwort zur Bestätigung').fill('nicht mein Passwort');
    await card.getByRole('button', { name: 'E-Mail-Adresse ändern' }).click();
    await card.getByText('Das aktuelle Passwort ist nicht korrekt.').waitFor();
    await waitUntilTrue(page, `document.activeElement?.getAttribute('name') === 'currentPassword'`, 'the password field to have focus');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await card.getByLabel('Passwort zur Bestätigung').fill(API_PASSWORD);
    await card.getByRole('button', { name: 'E-Mail-Adresse ändern' }).click();
    await card.getByText(`Ihre E-Mail-Adresse ist jetzt ${newAddress}`, { exact: false }).waitFor();
    await page.getByText(`E-Mail-Adresse: ${newAddress}`).waitFor();
    expect(await card.getByLabel('Passwort zur Bestätigung').inputValue()).toBe('');
    await screenshot(page, 'account-06-email-changed');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The other browser is signed out at once, and the old address has the notice.
    await elsewhere.getByRole('heading', { name: 'Anmelden' }).waitFor();
    const mail = await receiver.nextMailTo(person.user.email);
    expect(mail.text).toContain(`Ihr Konto ist jetzt unter ${newAddress} angemeldet`);
  }, 60_000);

  it('deletes the account once no project would lose its only lead; the others keep the comments and history, without the name', async () => {
    const dora = await registerUser(suite.app, { name: 'Dora Abschied' });
    const project = await createProject(dora, { title: 'Gemeinsamer Bericht' });
    await createProject(dora, { title: 'Doras Entwürfe' });
    const lea = await registerUser(suite.app, { name: 'Lea Bleibt' });
    const invitation = await dora.client.post<{ token: string }>(`/api/projects/${project.id}/invitations`, { email: lea.user.email, role: 'author' });
    expect((await lea.client.post(`/api/invitations/${invitation.body.token}/accept`)).status).toBe(200);
    const section = await dora.client.post<{ section: { id: string } }>(`/api/projects/${project.id}/sections`, { title: 'Ausgangslage' });
    const sectionPath = `/api/projects/${project.id}/sections/${section.body.section.id}`;
    expect((await dora.client.post(`${sectionPath}/comments`, { body: 'Bitte die Zahlen prüfen.' })).status).toBe(201);
    expect((await dora.client.post(`${sectionPath}/transitions`, { action: 'submit' })).status).toBe(200);

    const page = await suite.pageOf(dora);
    await page.goto(`${suite.app.origin}/account`);
    const card = page.getByRole('region', { name: 'Konto löschen' });
    // The only lead of a project with others: the card names it instead of offering the form.
    await card.getByText('Ihr Konto kann noch nicht gelöscht werden').waitFor();
    await card.getByRole('link', { name: 'Gemeinsamer Bericht' }).waitFor();
    expect(await card.getByRole('button', { name: 'Konto endgültig löschen' }).count()).toBe(0);
    await screenshot(page, 'account-07-delete-blocked');
    expect(await seriousA11yViolations(page)).toEqual([]);

    expect((await dora.client.patch(`/api/projects/${project.id}/members/${lea.user.id}`, { role: 'lead' })).status).toBe(200);
    await page.reload();
    await card.getByText('Sie verlassen diese Projekte:').waitFor();
    await card.getByRole('link', { name: 'Gemeinsamer Bericht' }).waitFor();
    await card.getByText('In diesen Projekten ist sonst niemand Mitglied.', { exact: false }).waitFor();
    await card.getByRole('link', { name: 'Doras Entwürfe' }).waitFor();
    await card.getByLabel('Passwort zur Bestätigung').fill(API_PASSWORD);
    await card.getByLabel('Geben Sie zur Bestätigung LÖSCHEN ein').fill('löschen?');
    await card.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await card.getByText('Geben Sie genau LÖSCHEN ein, um das Konto zu löschen.').waitFor();
    await waitUntilTrue(page, `document.activeElement?.getAttribute('name') === 'confirmation'`, 'the confirmation field to have focus');
    await screenshot(page, 'account-08-delete-form');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const cookie = dora.client.cookie;

    await card.getByLabel('Geben Sie zur Bestätigung LÖSCHEN ein').fill('löschen');
    await card.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await page.getByRole('heading', { name: 'Ihr Konto ist gelöscht', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account-deleted');
    await screenshot(page, 'account-09-deleted');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const old = new HttpClient(suite.app.origin);
    old.cookie = cookie;
    expect((await old.get('/api/me')).status).toBe(401);

    // Lea still finds Dora's comment and review step, marked as by a deleted account.
    const leaPage = await suite.pageOf(lea);
    await leaPage.goto(`${suite.app.origin}/projects/${project.id}/sections/${section.body.section.id}`);
    const comments = leaPage.getByRole('region', { name: 'Kommentare' });
    await comments.getByRole('article', { name: 'Kommentar von Gelöschtes Konto' }).getByText('Bitte die Zahlen prüfen.').waitFor();
    await leaPage.getByRole('table', { name: 'Verlauf der Prüfschritte' }).getByRole('cell', { name: 'Gelöschtes Konto' }).waitFor();
    await screenshot(leaPage, 'account-10-work-kept');
    expect(await seriousA11yViolations(leaPage)).toEqual([]);
  }, 90_000);

  it('sends a reset link from the sign-in page that sets a new password once', async () => {
    const person = await registerUser(suite.app, { name: 'Vera Vergessen' });
    const page = await suite.newPage();
    await page.goto(`${suite.app.origin}/login`);
    await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await page.getByRole('heading', { name: 'Passwort vergessen' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('E-Mail-Adresse').fill('keine Adresse');
    await page.getByRole('button', { name: 'Link anfordern' }).click();
    await page.getByText('Bitte geben Sie eine gültige E-Mail-Adresse ein', { exact: false }).waitFor();
    expect(await focusedField(page)).toBe('email');

    await page.getByLabel('E-Mail-Adresse').fill(person.user.email);
    await page.getByRole('button', { name: 'Link anfordern' }).click();
    await page.getByText(`Wenn es für ${person.user.email} ein Konto gibt, ist eine E-Mail mit einem Link unterwegs.`, { exact: false }).waitFor();
    await screenshot(page, 'account-02-forgot-sent');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const link = linkIn(await receiver.nextMailTo(person.user.email));
    await page.goto(link);
    await page.getByRole('heading', { name: 'Neues Passwort festlegen' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Neues Passwort').fill('zu kurz');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByText('Bitte geben Sie mindestens 12 Zeichen ein.').waitFor();
    expect(await focusedField(page)).toBe('newPassword');
    await screenshot(page, 'account-03-reset-invalid');

    await page.getByLabel('Neues Passwort').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByText('Ihr Passwort ist geändert. Melden Sie sich jetzt mit dem neuen Passwort an.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'account-04-reset-done');
    await signInThroughPage(page, suite.app.origin, person.user.email, NEW_PASSWORD);

    // The link is spent: a second use says so and offers a new one.
    const again = await suite.newPage();
    await again.goto(link);
    await again.getByLabel('Neues Passwort').fill('noch ein anderes Passwort');
    await again.getByRole('button', { name: 'Passwort speichern' }).click();
    await again.getByText('Dieser Link zum Zurücksetzen wurde schon verwendet', { exact: false }).waitFor();
    await again.getByRole('link', { name: 'Neuen Link anfordern' }).waitFor();
    expect(await seriousA11yViolations(again)).toEqual([]);
  }, 60_000);
});

describeInBrowser('forgotten passwords on a server without e-mail, in Chromium', () => {
  const suite = browserSuite();

  it('tells to ask the operator instead of asking for the address', async () => {
    const page = await suite.newPage();
    await page.goto(`${suite.app.origin}/forgot-password`);
    await page.getByText('Dieser Server verschickt keine E-Mails').waitFor();
    await page.getByText('Bitten Sie die Person, die Kapitel bei Ihnen betreibt', { exact: false }).waitFor();
    expect(await page.getByLabel('E-Mail-Adresse').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'account-05-forgot-no-email');
  });
});
