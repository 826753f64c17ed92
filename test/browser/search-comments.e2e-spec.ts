import { randomUUID } from 'node:crypto';
import type { CommentResponse } from '@kapitel/domain';
import { createProject, createSection, registerUser, type Person } from '../../apps/server/test/factories.js';
import { doc, paragraph, setContent, text } from '../../apps/server/test/e2e/export-support.js';
import { mustSucceed } from '../../apps/server/test/permission-matrix.js';
import { describeInBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { browserSuite } from './suite.js';

describeInBrowser('searching the report’s comments in Chromium', () => {
  const suite = browserSuite();
  const { pageOf } = suite;

  async function comment(person: Person, projectId: string, sectionId: string, body: string, parentId?: string) {
    const res = await person.client.post<CommentResponse>(
      `/api/projects/${projectId}/sections/${sectionId}/comments`,
      parentId === undefined ? { body } : { body, parentId },
    );
    expect(res.status).toBe(201);
    return res.body.comment.id;
  }

  it('lists the comments found below the sections and opens a hit’s thread in its section', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: `Digitalbericht ${randomUUID().slice(0, 4)}` });
    const formats = await createSection(lead, project.id, { title: 'Dateiformate' });
    await setContent(suite.app, formats.id, doc(paragraph(text('Abgaben als ODF oder PDF.'))));
    const archive = await createSection(lead, project.id, { title: 'Archiv' });
    const root = await comment(lead, project.id, archive.id, 'Welches Format soll das Archiv bekommen?');
    await comment(lead, project.id, archive.id, 'Wir nehmen ODF, wie im Konzept.', root);
    await mustSucceed(lead, 'post', `/api/projects/${project.id}/sections/${archive.id}/comments/${root}/resolve`);

    const page = await pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const field = page.getByRole('search', { name: 'Suche im Bericht' }).getByRole('searchbox', { name: 'Im Bericht suchen' });
    const panel = page.getByRole('region', { name: 'Suchergebnisse' });
    const status = page.locator('.search-panel').getByRole('status');

    await field.fill('odf');
    await field.press('Enter');
    // The live region counts the comments too.
    await status.getByText('1 Treffer in 1 Abschnitt und 1 Kommentar für „odf“.').waitFor();
    const found = panel.getByRole('region', { name: 'Kommentare' });
    await found.getByRole('heading', { name: 'Kommentare', level: 3 }).waitFor();
    const hit = found.getByRole('listitem');
    expect(await hit.count()).toBe(1);
    await hit.getByRole('heading', { name: '2 Archiv', level: 4 }).waitFor();
    await hit.getByText('Lea Leitung').waitFor();
    await hit.getByText('erledigt', { exact: true }).waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(['ODF']);
    expect(await hit.locator('.search-comment__snippet').textContent()).toBe('Wir nehmen ODF, wie im Konzept.');

    await screenshot(page, 'search-comments-01-results');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Only a comment: said so, the sections' list stays empty.
    await field.fill('Format Archiv');
    await field.press('Enter');
    await status.getByText('Keine Treffer in Abschnitten, aber 1 Kommentar für „Format Archiv“.').waitFor();
    expect(await panel.locator('.search-panel__results > .search-results').count()).toBe(0);
    expect(await panel.locator('.search-comments .search-result').count()).toBe(1);

    // A reply found opens its thread (the first comment's id) in the section.
    await page.goBack();
    await status.getByText('1 Treffer in 1 Abschnitt und 1 Kommentar für „odf“.').waitFor();
    await hit.getByRole('link', { name: '2 Archiv' }).click();
    await page.waitForURL(`${suite.app.origin}/projects/${project.id}/sections/${archive.id}?comment=${root}`);
    const comments = page.getByRole('region', { name: 'Kommentare' });
    await comments.locator('.comment-thread--current', { hasText: 'Wir nehmen ODF' }).waitFor();
    await screenshot(page, 'search-comments-02-thread-open');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
