import { randomUUID } from 'node:crypto';
import type { Section } from '@kapitel/domain';
import type { Dialog, WebSocketRoute } from 'playwright-core';
import { createProject, createSection, registerUser } from '../../apps/server/test/factories.js';
import { describeInBrowser } from './browser.js';
import { holdBackWhile, sectionTeam, storedText } from './people.js';
import { browserSuite } from './suite.js';

describeInBrowser('edits the server has not stored yet, in Chromium', () => {
  const suite = browserSuite();
  const { pageOf, contextOf } = suite;

  it('asks before the tab closes while typed text has not reached the server, and not once it has', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: `Ungespeichert ${randomUUID().slice(0, 4)}` });
    const section: Section = await createSection(lead, project.id, { title: 'Fazit' });
    const page = await pageOf(lead);
    const held = { holding: false };
    await holdBackWhile(page, held);
    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog): void => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    };
    page.on('dialog', onDialog);

    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${section.id}`);
    const text = page.getByRole('textbox', { name: 'Text des Abschnitts „Fazit“' });
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await text.click();
    await page.keyboard.type('Gespeichert.');
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    await page.close({ runBeforeUnload: true });
    await page.waitForEvent('close');
    expect(dialogs).toEqual([]);

    const second = await pageOf(lead);
    second.on('dialog', onDialog);
    await holdBackWhile(second, held);
    await second.goto(`${suite.app.origin}/projects/${project.id}/sections/${section.id}`);
    await second.getByText('Alle Änderungen gespeichert').waitFor();
    held.holding = true;
    await second.getByRole('textbox', { name: 'Text des Abschnitts „Fazit“' }).click();
    await second.keyboard.type(' Nicht gespeichert.');
    await second.getByText('Änderungen werden gespeichert', { exact: false }).waitFor();
    // Dismissed: the tab stays open, with the text still in it.
    await second.close({ runBeforeUnload: true });
    const deadline = Date.now() + 5000;
    while (dialogs.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(dialogs).toEqual(['beforeunload']);
    expect(second.isClosed()).toBe(false);
  }, 30_000);

  it('notices at once when a dropped connection comes back to a session that ended meanwhile', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: `Sitzung ${randomUUID().slice(0, 4)}` });
    const section: Section = await createSection(lead, project.id, { title: 'Fazit' });
    const page = await pageOf(lead);
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/collab\//, (socket) => {
      sockets.push(socket);
      socket.connectToServer();
    });
    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${section.id}`);
    await page.getByText('Alle Änderungen gespeichert').waitFor();

    // The session ends without a logout (an administrator deleting it), and the connection
    // drops: its reconnection is refused, which the browser reports as a network failure.
    await suite.app.db.query('DELETE FROM sessions WHERE user_id = $1', [lead.user.id]);
    const started = Date.now();
    await sockets[0].close();
    await page.getByText('Ihre Sitzung wurde beendet. Melden Sie sich erneut an, um weiterzuarbeiten.').waitFor();
    // Not only when the next poll of the notifications (every 30 s) happens to ask.
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('learns that the author lost the section even when the page’s reload fell into a network gap', async () => {
    const { lead, project, author, section, url } = await sectionTeam(suite.app, 'Netzlücke');
    const context = await contextOf(author);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();

    // Offline (open connections stay, as in Chromium's emulation): the event about the
    // unassignment arrives, the reload of the section it causes gets no answer.
    await context.setOffline(true);
    const unassigned = await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, { assigneeIds: [] });
    expect(unassigned.status).toBe(200);
    await page.getByText('Keine Verbindung zum Server.', { exact: false }).first().waitFor();
    await context.setOffline(false);

    // Back online, the page loads again by itself and the editor says why it is read-only.
    await page.getByText('Nur lesen: Sie sind diesem Abschnitt nicht zugewiesen.').waitFor({ timeout: 10_000 });
    expect(await page.getByText('Keine Verbindung zum Server.', { exact: false }).count()).toBe(0);
  }, 30_000);

  it('says at once that the network is gone, keeps what is typed meanwhile, and stores it when the network is back', async () => {
    const { author, project, section, url } = await sectionTeam(suite.app, 'Offline');
    const context = await contextOf(author);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByText('Alle Änderungen gespeichert').waitFor();

    await context.setOffline(true);
    // Not after the socket's 30 s silence timeout: when the browser says it is offline.
    await page.getByText('Verbindung wird wiederhergestellt', { exact: false }).waitFor({ timeout: 5000 });
    await page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' }).click();
    await page.keyboard.type('Unterwegs geschrieben.');
    await page.getByText('Ihre Änderungen werden übertragen, sobald die Verbindung wieder steht.').waitFor();

    await context.setOffline(false);
    await page.getByText('Alle Änderungen gespeichert').waitFor({ timeout: 15_000 });
    expect(await storedText(author, project.id, section.id)).toContain('Unterwegs geschrieben.');
  }, 40_000);
});
