import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createProject, invite, registerUser } from '../../apps/server/test/factories.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { browserSuite } from './suite.js';

describeInBrowser('an invitation link in Chromium', () => {
  const suite = browserSuite();

  /** A lead's project with an open invitation for `email` as author. */
  async function invitationFor(email: string, title = `Kommunale Wärmeplanung ${randomUUID().slice(0, 4)}`) {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title });
    const invitation = await invite(lead, project.id, email, 'author');
    return { lead, project, invitation };
  }

  const acceptButton = (page: Page) => page.getByRole('button', { name: 'Einladung annehmen' });

  it('names inviter, project, role and the invited address, in German and English, before anyone signs in', async () => {
    const invitee = await registerUser(suite.app);
    const id = randomUUID().slice(0, 4);
    const { invitation } = await invitationFor(invitee.user.email, `Wärmeplanung „Stand Mai“ ${id}`);

    const page = await suite.newPage();
    await page.goto(invitation.url);
    // The title's own quotation marks nest inside the sentence's.
    await page
      .getByText(`Lea Leitung lädt Sie als Autorin/Autor in das Projekt „Wärmeplanung ‚Stand Mai‘ ${id}“ ein.`)
      .waitFor();
    await page.getByText(invitee.user.email, { exact: true }).waitFor();
    await page.getByText(`Melden Sie sich mit ${invitee.user.email} an`).waitFor();
    expect(await page.getByRole('link', { name: 'Konto anlegen' }).count()).toBe(1);
    expect(await acceptButton(page).count()).toBe(0);
    expect(await page.title()).toBe('Einladung – Kapitel');
    await screenshot(page, 'invitation-01-signed-out');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(`Lea Leitung invites you to the project “Wärmeplanung ‘Stand Mai’ ${id}” as Author.`).waitFor();
  });

  it('starts the sign-in and registration forms with the invited address', async () => {
    const invitedEmail = `nina-${randomUUID().slice(0, 6)}@example.org`;
    const { invitation } = await invitationFor(invitedEmail);

    const page = await suite.newPage();
    await page.goto(invitation.url);
    await page.getByRole('link', { name: 'Konto anlegen' }).click();
    await page.waitForURL((url) => url.pathname === '/register');
    expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe(invitedEmail);

    await page.getByRole('main').getByRole('link', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe(invitedEmail);
    expect(new URL(page.url()).searchParams.get('next')).toBe(new URL(invitation.url).pathname);
  });

  it('leaves the e-mail field empty when the link offers no address shaped like one', async () => {
    const page = await suite.newPage();
    await page.goto(`${suite.app.origin}/login?next=%2Fprojects&email=not-an-address`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe('');
  });

  it('lets the invited account accept after seeing project and role', async () => {
    const invitee = await registerUser(suite.app, { name: 'Ali Autor' });
    const { project, invitation } = await invitationFor(invitee.user.email);

    const page = await suite.pageOf(invitee);
    await page.goto(invitation.url);
    await page.getByText(`in das Projekt „${project.title}“ ein.`).waitFor();
    await acceptButton(page).click();
    await page.getByRole('heading', { name: project.title }).waitFor();
  });

  it('tells a signed-in user with another address that the link is not theirs, with no accept button', async () => {
    const invitedEmail = `ina-${randomUUID().slice(0, 6)}@example.org`;
    const { invitation } = await invitationFor(invitedEmail);
    const someoneElse = await registerUser(suite.app, { name: 'Otto Anders' });

    const page = await suite.pageOf(someoneElse);
    await page.goto(invitation.url);
    await page.getByText('Sie sind mit einem anderen Konto angemeldet').waitFor();
    await page.getByText(`Sie sind als Otto Anders (${someoneElse.user.email}) angemeldet.`).waitFor();
    expect(await acceptButton(page).count()).toBe(0);
    await screenshot(page, 'invitation-02-other-account');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Abmelden und mit ${invitedEmail} anmelden` }).click();
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('next') === new URL(invitation.url).pathname,
    );
    expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe(invitedEmail);
  });

  it('says that an unknown or malformed link is invalid, with no accept button but a way to the projects', async () => {
    const person = await registerUser(suite.app);
    const page = await suite.pageOf(person);
    for (const token of [randomBytes(32).toString('base64url'), 'kaputt']) {
      await page.goto(`${suite.app.origin}/invite/${token}`);
      await page.getByRole('heading', { level: 1, name: 'Dieser Einladungslink ist ungültig' }).waitFor();
      expect(await acceptButton(page).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Zu Ihren Projekten' }).count()).toBe(1);
    }
    await screenshot(page, 'invitation-03-invalid');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('says that a used or expired link was already accepted or has expired, with no accept button', async () => {
    const invitee = await registerUser(suite.app);
    const { invitation: used } = await invitationFor(invitee.user.email);
    expect((await invitee.client.post(`/api/invitations/${used.token}/accept`)).status).toBe(200);
    const { invitation: expired } = await invitationFor(invitee.user.email);
    await suite.app.db.query(
      `UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [expired.id],
    );

    const page = await suite.pageOf(invitee);
    const cases: Array<[string, string]> = [
      [used.url, 'Diese Einladung wurde bereits angenommen'],
      [expired.url, 'Diese Einladung ist abgelaufen'],
    ];
    for (const [url, heading] of cases) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await acceptButton(page).count()).toBe(0);
      expect(await page.getByText('Projekt „').count()).toBe(0);
    }
  });
});
