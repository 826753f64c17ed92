import { randomUUID } from 'node:crypto';
import {
  describeInBrowser,
  PASSWORD,
  recordForeignRequests,
  registerInBrowser,
  screenshot,
  seriousA11yViolations,
} from './browser.js';
import { createProject, registerUser } from '../../apps/server/test/factories.js';
import { browserSuite } from './suite.js';

describeInBrowser('the web app in Chromium', () => {
  const suite = browserSuite();
  // Nobody is signed in: these tests register and sign in through the pages themselves.
  const { newPage } = suite;

  it('lets a lead register, create a project and invite a second user who accepts with the given role', async () => {
    const lead = await newPage();
    const foreign = recordForeignRequests(lead, suite.app.origin);
    const leadEmail = `lea-${randomUUID().slice(0, 6)}@example.org`;
    await registerInBrowser(lead, suite.app.origin, 'Lea Leitung', leadEmail);
    await screenshot(lead, 'foundation-01-projects-empty');
    expect(await seriousA11yViolations(lead)).toEqual([]);

    const title = `Open Source in Kommunen ${randomUUID().slice(0, 4)}`;
    await lead.getByLabel('Titel', { exact: true }).fill(title);
    await lead.getByRole('button', { name: 'Projekt anlegen' }).click();
    await lead.getByRole('heading', { name: title }).waitFor();
    await screenshot(lead, 'foundation-02-project');
    expect(await seriousA11yViolations(lead)).toEqual([]);

    const authorEmail = `ali-${randomUUID().slice(0, 6)}@example.org`;
    await lead.getByLabel('E-Mail-Adresse der eingeladenen Person').fill(authorEmail);
    await lead.getByLabel('Rolle im Projekt').selectOption('author');
    await lead.getByRole('button', { name: 'Einladung erstellen' }).click();
    const link = await lead.getByLabel('Einladungslink').inputValue();
    expect(link).toMatch(new RegExp(`^${suite.app.origin}/invite/[\\w-]{40,}$`));
    await screenshot(lead, 'foundation-03-invited');

    const author = await newPage();
    await author.goto(link);
    await author.getByRole('link', { name: 'Konto anlegen' }).first().click();
    await author.getByLabel('Name').fill('Ali Autor');
    await author.getByLabel('E-Mail-Adresse').fill(authorEmail);
    await author.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
    await author.getByRole('button', { name: 'Konto anlegen' }).click();
    await author.getByRole('button', { name: 'Einladung annehmen' }).click();
    await author.getByRole('heading', { name: title }).waitFor();
    await author.getByText('Autorin/Autor').first().waitFor();
    await screenshot(author, 'foundation-04-accepted');
    expect(await seriousA11yViolations(author)).toEqual([]);

    const members = await suite.app.db.query<{ role: string }>(
      `SELECT m.role FROM project_members m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
      [authorEmail],
    );
    expect(members.rows).toEqual([{ role: 'author' }]);
    expect(foreign).toEqual([]);
  }, 60_000);

  it('speaks German by default and switches to English', async () => {
    const page = await newPage();
    await page.goto(`${suite.app.origin}/login`);
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'foundation-05-login-de');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'foundation-06-login-en');
  });

  it('shows a clear error for a wrong password', async () => {
    const page = await newPage();
    await page.goto(`${suite.app.origin}/login`);
    await page.getByLabel('E-Mail-Adresse').fill(`nobody-${randomUUID().slice(0, 6)}@example.org`);
    await page.getByLabel('Passwort', { exact: true }).fill('falsches Passwort 1');
    await page.getByRole('button', { name: 'Anmelden' }).last().click();
    await page.getByText('E-Mail-Adresse oder Passwort sind nicht korrekt.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('says "page not found" for an address naming no project or section, whether the id is unknown or no id at all', async () => {
    const person = await registerUser(suite.app);
    const project = await createProject(person);
    const page = await suite.pageOf(person);
    const addresses = [
      `/projects/${randomUUID()}`,
      '/projects/abc',
      `/projects/${project.id}/sections/${randomUUID()}`,
      `/projects/${project.id}/sections/xyz`,
    ];
    for (const address of addresses) {
      await page.goto(`${suite.app.origin}${address}`);
      await page.getByRole('heading', { name: 'Seite nicht gefunden' }).waitFor();
      expect(await page.title()).toBe('Seite nicht gefunden – Kapitel');
      // Not the message for a form with wrong entries, nor a retry that cannot help.
      expect(await page.getByRole('button', { name: 'Erneut versuchen' }).count()).toBe(0);
    }
    await screenshot(page, 'foundation-07-section-not-found');
  });
});
