import { createProject, createSection, registerUser } from '../../apps/server/test/factories.js';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations } from './browser.js';
import { joinProject } from './people.js';
import { browserSuite } from './suite.js';

/**
 * Deleting a project in Chromium: the lead's danger zone asks for the title and then, in
 * place, once more; the members' open pages (project and section page) say that the
 * project is gone, and the project list names it for the lead.
 */
describeInBrowser('deleting a project in Chromium', () => {
  const suite = browserSuite();

  it('lets the lead delete it after typing its title, and the open pages of members say it is gone', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht zum Löschen' });
    const keep = await createProject(lead, { title: 'Bericht, der bleibt' });
    const author = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    const reviewer = await joinProject(suite.app, lead, project.id, 'Rita Prüfer', 'reviewer');
    const section = await createSection(lead, project.id, { title: 'Ausgangslage' });

    const authorPage = await suite.pageOf(author);
    await authorPage.goto(`${suite.app.origin}/projects/${project.id}`);
    await authorPage.getByRole('heading', { name: 'Bericht zum Löschen', level: 1 }).waitFor();
    // Only a lead is offered the danger zone.
    expect(await authorPage.getByRole('region', { name: 'Projekt löschen' }).count()).toBe(0);
    const reviewerPage = await suite.pageOf(reviewer);
    await reviewerPage.goto(`${suite.app.origin}/projects/${project.id}/sections/${section.id}`);
    await reviewerPage.getByText('Verbunden', { exact: true }).waitFor();

    const page = await suite.pageOf(lead);
    const foreign = recordForeignRequests(page, suite.app.origin);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const zone = page.getByRole('region', { name: 'Projekt löschen' });
    await zone.getByText(/Löscht den ganzen Bericht endgültig/).waitFor();
    const field = zone.getByLabel('Titel des Projekts zur Bestätigung');

    // A wrong title: the button only says what is missing, at the field, which takes the focus.
    await field.fill('Bericht');
    await zone.getByRole('button', { name: 'Projekt löschen' }).click();
    await zone.getByText('Der eingegebene Titel stimmt nicht mit dem Titel des Projekts überein.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe(await field.getAttribute('id'));
    await screenshot(page, 'project-deletion-01-mismatch');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The right title: asked once more in place; cancelling leaves everything as it was.
    await field.fill('Bericht zum Löschen');
    await zone.getByRole('button', { name: 'Projekt löschen' }).click();
    const question = zone.getByRole('group', { name: '„Bericht zum Löschen“ mit allen Inhalten endgültig löschen?' });
    await question.waitFor();
    await screenshot(page, 'project-deletion-02-question');
    await question.getByRole('button', { name: 'Abbrechen' }).click();
    expect((await lead.client.get(`/api/projects/${project.id}`)).status).toBe(200);

    await zone.getByRole('button', { name: 'Projekt löschen' }).click();
    await zone.getByRole('button', { name: 'Endgültig löschen' }).click();
    await page.getByText('Das Projekt „Bericht zum Löschen“ wurde gelöscht.').waitFor();
    expect(page.url()).toBe(`${suite.app.origin}/projects`);
    await page.getByRole('link', { name: /Bericht, der bleibt/ }).waitFor();
    expect(await page.getByRole('link', { name: /Bericht zum Löschen/ }).count()).toBe(0);
    await screenshot(page, 'project-deletion-03-list');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect((await lead.client.get(`/api/projects/${keep.id}`)).status).toBe(200);

    // The members' open pages say so, without a reload, with the way to their projects.
    await authorPage.getByRole('alert').getByText('Dieses Projekt wurde gelöscht.').waitFor();
    await authorPage.getByRole('link', { name: 'Zu Ihren Projekten' }).waitFor();
    await screenshot(authorPage, 'project-deletion-04-member');
    expect(await seriousA11yViolations(authorPage)).toEqual([]);
    await reviewerPage.getByRole('alert').getByText('Dieses Projekt wurde gelöscht.').waitFor();
    expect(await reviewerPage.locator('.ProseMirror').count()).toBe(0);
    expect(foreign).toEqual([]);
  }, 90_000);
});
