import type { Page } from 'playwright-core';
import type { SmtpConfig } from '../../apps/server/src/config/app-config.js';
import { createProject, PASSWORD as API_PASSWORD, registerUser, type Person } from '../../apps/server/test/factories.js';
import { HttpClient } from '../../apps/server/test/http-client.js';
import { linkIn, MailReceiver } from '../../apps/server/test/mail-receiver.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { browserSuite } from './suite.js';

/**
 * The account page (name, password, other sessions) and the forgotten-password flow, through
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
    await page.waitForFunction(`document.activeElement?.getAttribute('name') === 'currentPassword'`);
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
