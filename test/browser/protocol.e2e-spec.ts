import { createProject, createSection, registerUser } from '../../apps/server/test/factories.js';
import { describeInBrowser, recordForeignRequests, screenshot, seriousA11yViolations } from './browser.js';
import { joinProject } from './people.js';
import { browserSuite } from './suite.js';

/**
 * The project's protocol ("Protokoll") in Chromium: linked for leads only, a table of who did
 * what when in which section in plain sentences, filters by kind and person, "Mehr laden";
 * other members read that only the lead may see it.
 */
describeInBrowser('the protocol of a project in Chromium', () => {
  const suite = browserSuite();

  it('shows a lead who did what, filtered by kind and person, page by page', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht mit Protokoll' });
    const author = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    const base = `/api/projects/${project.id}`;
    const section = await createSection(lead, project.id, { title: 'Ausgangslage' });
    expect((await lead.client.patch(`${base}/sections/${section.id}`, { assigneeIds: [author.user.id] })).status).toBe(200);
    expect((await author.client.post(`${base}/sections/${section.id}/comments`, { body: 'Zahlen folgen.' })).status).toBe(201);
    expect((await lead.client.patch(`${base}/members/${author.user.id}`, { role: 'reviewer' })).status).toBe(200);
    // Enough entries for a second page (50 a page).
    for (let index = 1; index <= 48; index += 1) {
      await createSection(lead, project.id, { title: `Anhang ${String(index)}` });
    }

    const page = await suite.pageOf(lead);
    const foreign = recordForeignRequests(page, suite.app.origin);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    await page.getByRole('link', { name: 'Protokoll ansehen' }).click();
    await page.getByRole('heading', { name: 'Protokoll', level: 1 }).waitFor();
    expect(page.url()).toBe(`${suite.app.origin}/projects/${project.id}/protocol`);
    const table = page.getByRole('table', { name: 'Protokolleinträge' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(50);
    await page.getByRole('status').getByText('50 Einträge gezeigt.').waitFor();
    const first = table.locator('tbody tr').first();
    expect(await first.locator('td').allInnerTexts()).toEqual(['Lea Leitung', 'Abschnitt angelegt', 'Anhang 48']);
    await screenshot(page, 'protocol-01-lead');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The older ones, then the end.
    await page.getByRole('button', { name: 'Mehr laden' }).click();
    await page.getByRole('status').getByText('56 Einträge gezeigt. Das sind alle Einträge.').waitFor();
    expect(await page.getByRole('button', { name: 'Mehr laden' }).count()).toBe(0);
    const last = table.locator('tbody tr').last();
    expect(await last.locator('td').allInnerTexts()).toEqual(['Lea Leitung', 'Projekt angelegt', '–']);

    // Members and invitations only: sentences name the person and the roles.
    await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Mitglieder und Einladungen' });
    await page.getByRole('status').getByText('3 Einträge gezeigt. Das sind alle Einträge.').waitFor();
    expect(await table.locator('tbody td:nth-child(3)').allInnerTexts()).toEqual([
      'Rolle von Ali Autor geändert: Autorin/Autor → Prüferin/Prüfer',
      'Einladung angenommen, Rolle: Autorin/Autor',
      `${author.user.email} als Autorin/Autor eingeladen`,
    ]);
    // And only what Ali did: his acceptance.
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Ali Autor' });
    await page.getByRole('status').getByText('1 Eintrag gezeigt. Das sind alle Einträge.').waitFor();
    expect(await table.locator('tbody tr').first().locator('td').allInnerTexts()).toEqual([
      'Ali Autor',
      'Einladung angenommen, Rolle: Autorin/Autor',
      '–',
    ]);
    // His comment, with the section it is on as a link.
    await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Kommentare' });
    await page.getByRole('status').getByText('1 Eintrag gezeigt. Das sind alle Einträge.').waitFor();
    const commentRow = table.locator('tbody tr').first();
    expect(await commentRow.locator('td').allInnerTexts()).toEqual(['Ali Autor', 'Kommentar geschrieben', 'Ausgangslage']);
    expect(await commentRow.getByRole('link', { name: 'Ausgangslage' }).getAttribute('href')).toBe(
      `/projects/${project.id}/sections/${section.id}`,
    );
    // Nothing of a kind: said so.
    await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Schreibversuche abgelehnt' });
    await page.getByRole('status').getByText('Keine Einträge für diese Auswahl.').waitFor();
    await screenshot(page, 'protocol-02-filtered');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The same page in English.
    await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Alle Arten' });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Activity log', level: 1 }).waitFor();
    await page.getByRole('status').getByText('2 entries shown. These are all entries.').waitFor();
    expect(foreign).toEqual([]);
  }, 90_000);

  it('offers the entries of changes made while the page is open, and loads them on request', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht, lebendig' });
    const page = await suite.pageOf(lead);
    // The change below must come after the page follows the project's stream.
    const streamOpen = page.waitForResponse((response) => response.url().endsWith(`/api/projects/${project.id}/events`));
    await page.goto(`${suite.app.origin}/projects/${project.id}/protocol`);
    const table = page.getByRole('table', { name: 'Protokolleinträge' });
    await page.getByRole('status').getByText('1 Eintrag gezeigt. Das sind alle Einträge.').waitFor();
    await streamOpen;

    await createSection(lead, project.id, { title: 'Neu während des Lesens' });
    const news = page.getByRole('status').getByText('Das Protokoll hat neue Einträge.', { exact: false });
    await news.waitFor();
    // Offered, not loaded by itself: the table stays as it was.
    expect(await table.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'protocol-04-news');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Neue Einträge anzeigen' }).click();
    await page.getByRole('status').getByText('2 Einträge gezeigt. Das sind alle Einträge.').waitFor();
    expect(await table.locator('tbody tr').first().locator('td').allInnerTexts()).toEqual([
      'Lea Leitung',
      'Abschnitt angelegt',
      'Neu während des Lesens',
    ]);
    expect(await news.count()).toBe(0);
  });

  it('offers no link to other members and tells them on the page that only the lead may see it', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht ohne Einblick' });
    const author = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    const page = await suite.pageOf(author);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    await page.getByRole('heading', { name: 'Bericht ohne Einblick', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Protokoll ansehen' }).count()).toBe(0);

    await page.goto(`${suite.app.origin}/projects/${project.id}/protocol`);
    await page.getByText('Das Protokoll dieses Projekts kann nur die Projektleitung sehen.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect((await author.client.get(`/api/projects/${project.id}/audit`)).status).toBe(403);
    await screenshot(page, 'protocol-03-not-lead');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Someone outside the project learns nothing of it: "not found".
    const outsider = await registerUser(suite.app, { name: 'Otto Außen' });
    const outsiderPage = await suite.pageOf(outsider);
    await outsiderPage.goto(`${suite.app.origin}/projects/${project.id}/protocol`);
    await outsiderPage.getByRole('heading', { name: 'Seite nicht gefunden', level: 1 }).waitFor();
  }, 60_000);
});
