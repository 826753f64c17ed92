import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { AppConfig } from '../../apps/server/src/config/app-config.js';
import { createProject, invite, registerUser } from '../../apps/server/test/factories.js';
import { MailReceiver } from '../../apps/server/test/mail-receiver.js';
import { describeInBrowser, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { browserSuite } from './suite.js';

const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/** A lead (Lea Leitung) with a project, on the project page in a tab that may use the clipboard. */
async function leadOnProject(suite: ReturnType<typeof browserSuite>) {
  const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
  const project = await createProject(lead, { title: `Kommunale Wärmeplanung ${randomUUID().slice(0, 4)}` });
  const page = await suite.pageOf(lead, CLIPBOARD);
  await page.goto(`${suite.app.origin}/projects/${project.id}`);
  await page.getByRole('heading', { name: 'Offene Einladungen' }).waitFor();
  return { lead, project, page };
}

async function inviteInPage(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-Mail-Adresse der eingeladenen Person').fill(email);
  await page.getByLabel('Rolle im Projekt').selectOption('author');
  await page.getByRole('button', { name: 'Einladung erstellen' }).click();
  await page.getByText(`Einladung für ${email} erstellt.`, { exact: false }).first().waitFor();
}

function clipboard(page: Page): Promise<string> {
  return page.evaluate<string>('navigator.clipboard.readText()');
}

/** The polite live region (role=status) that says `text`: visible text that is also announced. */
function statusWith(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

describeInBrowser('getting an invitation link to the person, in Chromium', () => {
  const suite = browserSuite();

  it('says the link is to be passed on when the server sends no e-mail, and copies the link and a ready-to-send text with a visible, announced "Kopiert"', async () => {
    const { project, page } = await leadOnProject(suite);
    const email = `ali-${randomUUID().slice(0, 6)}@example.org`;
    await inviteInPage(page, email);

    await page
      .getByText(`Dieser Server verschickt keine Einladungs-E-Mails: Bitte geben Sie den Link selbst an ${email} weiter`, { exact: false })
      .first()
      .waitFor();
    const link = await page.getByLabel('Einladungslink').inputValue();
    expect(link).toMatch(new RegExp(`^${suite.app.origin}/invite/[\\w-]{43}$`));

    await page.getByRole('button', { name: 'Link kopieren' }).click();
    await statusWith(page, 'Kopiert: Der Link ist in der Zwischenablage.').waitFor();
    expect(await clipboard(page)).toBe(link);

    await page.getByRole('button', { name: 'Einladungstext kopieren' }).click();
    await statusWith(page, 'Kopiert: Der Einladungstext ist in der Zwischenablage.').waitFor();
    const text = await clipboard(page);
    expect(text).toContain(`am Bericht „${project.title}“ mitzuarbeiten, als Autorin/Autor.`);
    expect(text).toContain(`\n${link}\n`);
    expect(text).toMatch(/Der Link gilt bis \d{2}\.\d{2}\.\d{4}/);
    expect(text).toContain(`Adresse ${email}`);
    expect(text.endsWith('Viele Grüße\nLea Leitung')).toBe(true);

    const row = page.getByRole('row', { name: email });
    await row.getByText('Nicht gesendet').waitFor();
    await row.getByText('Lea Leitung').waitFor();
    await page.getByText('Einladungslinks werden nur beim Erstellen angezeigt.', { exact: false }).waitFor();
    await page.getByText('Einladungstext ansehen').click();
    expect(await page.getByLabel('Einladungstext', { exact: true }).inputValue()).toBe(text);
    await screenshot(page, 'invitation-delivery-01-created-no-mail');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // 320 px wide (400 % zoom): the link, its buttons and the text fit without scrolling sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await page.locator('.issued-invitation').screenshot({ path: 'test-results/invitation-delivery-01b-narrow.png' });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(`This server does not send invitation emails: please pass the link on to ${email} yourself`, { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Copy invitation text' }).click();
    await statusWith(page, 'Copied: the invitation text is on the clipboard.').waitFor();
    expect(await clipboard(page)).toContain(`I would like to invite you to work on the report “${project.title}” in Kapitel, as Author.`);
  });

  it('gives an open invitation a new link after a confirmation: the new link works in another browser, the old one is refused', async () => {
    const invitee = await registerUser(suite.app, { name: 'Ali Autor' });
    const { lead, project, page } = await leadOnProject(suite);
    const old = await invite(lead, project.id, invitee.user.email, 'author');
    await page.reload();

    await page.getByRole('button', { name: `Neuen Link erzeugen (Einladung für ${invitee.user.email})` }).click();
    const question = page.getByRole('group', {
      name: `Neuen Link für ${invitee.user.email} erzeugen? Der bisherige Link funktioniert dann nicht mehr.`,
    });
    await question.waitFor();
    await screenshot(page, 'invitation-delivery-02-renew-question');
    await question.getByRole('button', { name: 'Ja, neuen Link erzeugen' }).click();

    // The box with the new link takes the focus, as the row that had it is replaced.
    const box = page.getByRole('group', { name: `Neuer Link für ${invitee.user.email} erzeugt.`, exact: false });
    await box.waitFor();
    await waitUntilTrue(page, `document.activeElement?.classList.contains('issued-invitation') === true`, 'the issued invitation to have focus');
    const link = await box.getByLabel('Einladungslink').inputValue();
    expect(link).not.toBe(old.url);
    await box.getByRole('button', { name: 'Link kopieren' }).click();
    await statusWith(page, 'Kopiert: Der Link ist in der Zwischenablage.').waitFor();
    expect(await clipboard(page)).toBe(link);
    expect(await page.getByRole('row', { name: invitee.user.email }).count()).toBe(1);
    await screenshot(page, 'invitation-delivery-03-renewed');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const other = await suite.pageOf(invitee);
    await other.goto(old.url);
    await other.getByRole('heading', { level: 1, name: 'Dieser Einladungslink gilt nicht mehr' }).waitFor();
    await other.getByText('durch einen neueren Link ersetzt', { exact: false }).waitFor();
    expect(await other.getByRole('button', { name: 'Einladung annehmen' }).count()).toBe(0);
    await screenshot(other, 'invitation-delivery-04-old-link');
    await other.goto(link);
    await other.getByRole('button', { name: 'Einladung annehmen' }).click();
    await other.getByRole('heading', { name: project.title }).waitFor();
  });

  it('keeps an invitation that expired unused in the list, marked, for a new link or to be removed', async () => {
    const { lead, project, page } = await leadOnProject(suite);
    const late = `lena-${randomUUID().slice(0, 6)}@example.org`;
    const gone = `gero-${randomUUID().slice(0, 6)}@example.org`;
    for (const email of [late, gone]) {
      const invitation = await invite(lead, project.id, email, 'author');
      await suite.app.db.query(`UPDATE invitations SET expires_at = now() - interval '2 days' WHERE id = $1`, [invitation.id]);
    }
    await page.reload();

    const lateRow = page.getByRole('row', { name: late });
    await lateRow.getByText('Abgelaufen', { exact: true }).waitFor();
    await screenshot(page, 'invitation-delivery-05-expired');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await lateRow.getByRole('button', { name: `Neuen Link erzeugen (Einladung für ${late})` }).click();
    const question = page.getByRole('group', { name: `Neuen Link für ${late} erzeugen? Er gilt wieder 7 Tage.` });
    await question.getByRole('button', { name: 'Ja, neuen Link erzeugen' }).click();
    await page.getByRole('group', { name: `Neuer Link für ${late} erzeugt.`, exact: false }).waitFor();
    await page.getByRole('row', { name: late }).getByRole('button', { name: `Einladung für ${late} widerrufen` }).waitFor();
    expect(await page.getByRole('row', { name: late }).getByText('Abgelaufen', { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: `Abgelaufene Einladung für ${gone} entfernen` }).click();
    await page
      .getByRole('group', { name: `Abgelaufene Einladung für ${gone} aus der Liste entfernen?` })
      .getByRole('button', { name: 'Ja, entfernen' })
      .click();
    await statusWith(page, `Die abgelaufene Einladung für ${gone} wurde entfernt.`).waitFor();
    await page.getByRole('row', { name: gone }).waitFor({ state: 'detached' });
    expect(await page.getByRole('row', { name: late }).count()).toBe(1);
  });
});

describeInBrowser('invitation e-mails seen by the lead, in Chromium', () => {
  let receiver: MailReceiver;
  // Filled in before the suite's server starts (hooks run in the order they were added).
  const server: Partial<AppConfig> = {};
  beforeAll(async () => {
    receiver = await MailReceiver.start();
    server.smtp = receiver.smtp;
  });
  afterAll(async () => {
    await receiver.close();
  });
  const suite = browserSuite({ server });

  it('says that the link went out by e-mail, and marks the invitation as sent', async () => {
    const { page } = await leadOnProject(suite);
    const email = `eva-${randomUUID().slice(0, 6)}@example.org`;
    await inviteInPage(page, email);
    await page.getByText(`Kapitel hat den Link per E-Mail an ${email} geschickt`, { exact: false }).first().waitFor();
    const link = await page.getByLabel('Einladungslink').inputValue();
    expect((await receiver.nextMailTo(email)).text).toContain(link);
    await page.getByRole('row', { name: email }).getByText('Gesendet').waitFor();
    await screenshot(page, 'invitation-delivery-05-mailed');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
