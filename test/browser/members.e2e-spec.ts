import type { Page } from 'playwright-core';
import { createProject, createSection, registerUser } from '../../apps/server/test/factories.js';
import { describeInBrowser, screenshot, seriousA11yViolations, waitUntilTrue } from './browser.js';
import { joinProject } from './people.js';
import { browserSuite } from './suite.js';

/** The text of the element(s) a control names with aria-describedby. */
async function descriptionOf(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(' ');
}

const ONLY_LEAD_ROLE =
  'Einzige Projektleitung: Die Rolle lässt sich erst ändern, wenn eine weitere Person Projektleitung ist.';
const ONLY_LEAD_LEAVE =
  'Sie sind die einzige Projektleitung. Ernennen Sie zuerst eine weitere Person zur Projektleitung, dann können Sie das Projekt verlassen.';

describeInBrowser('members: the last lead and leaving a project, in Chromium', () => {
  const suite = browserSuite();

  it('offers the only lead no change that would leave the project without a lead, and says why', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht mit einer Leitung' });
    await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    const page = await suite.pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const members = page.getByRole('region', { name: 'Mitglieder', exact: true });
    await members.getByRole('rowheader', { name: 'Ali Autor' }).waitFor();

    // Her own role: shown, disabled, with the reason as visible text that the select names.
    const ownRole = page.getByLabel('Rolle von Lea Leitung', { exact: true });
    expect(await ownRole.isDisabled()).toBe(true);
    expect(await descriptionOf(page, 'Rolle von Lea Leitung')).toBe(ONLY_LEAD_ROLE);
    await members.getByText(ONLY_LEAD_ROLE, { exact: true }).waitFor();
    // No "remove" on her own row; others can still be removed and changed.
    expect(await page.getByRole('button', { name: 'Lea Leitung entfernen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ali Autor entfernen' }).count()).toBe(1);
    expect(await page.getByLabel('Rolle von Ali Autor', { exact: true }).isDisabled()).toBe(false);
    // Leaving: disabled, with the way out in words.
    const leave = members.getByRole('button', { name: 'Projekt verlassen' });
    expect(await leave.isDisabled()).toBe(true);
    const reasonId = (await leave.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${reasonId}"]`).innerText()).toBe(ONLY_LEAD_LEAVE);
    await screenshot(page, 'members-01-only-lead');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Once Ali leads too, Lea may change her role and leave.
    await page.getByLabel('Rolle von Ali Autor', { exact: true }).selectOption('lead');
    await page.getByRole('button', { name: 'Rolle von Ali Autor speichern' }).click();
    await page.getByText('Die Rolle von Ali Autor ist jetzt: Projektleitung.').waitFor();
    await members.getByText(ONLY_LEAD_ROLE, { exact: true }).waitFor({ state: 'detached' });
    expect(await ownRole.isDisabled()).toBe(false);
    expect(await leave.isDisabled()).toBe(false);
  }, 60_000);

  it('asks before a role change that lifts assignments, names them, keeps them on Escape and says how many went', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht mit Zuweisungen' });
    const rita = await joinProject(suite.app, lead, project.id, 'Rita Prüfer', 'reviewer');
    const ali = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    const first = await createSection(lead, project.id, { title: 'Ausgangslage' });
    const second = await createSection(lead, project.id, { title: 'Ziele' });
    for (const [section, assignees] of [[first, []], [second, [ali.user.id]]] as const) {
      const res = await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, {
        assigneeIds: assignees,
        reviewerId: rita.user.id,
      });
      expect(res.status).toBe(200);
    }
    const reviewers = async () =>
      (
        await suite.app.db.query<{ reviewer_id: string | null }>(
          'SELECT reviewer_id FROM sections WHERE project_id = $1 ORDER BY position',
          [project.id],
        )
      ).rows.map((row) => row.reviewer_id);
    const page = await suite.pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const members = page.getByRole('region', { name: 'Mitglieder', exact: true });
    const role = page.getByLabel('Rolle von Rita Prüfer', { exact: true });
    await role.waitFor();

    // Removing her would lift them too: the question says which.
    await members.getByRole('button', { name: 'Rita Prüfer entfernen' }).click();
    const removal = members.getByRole('group', { name: 'Rita Prüfer wirklich aus dem Projekt entfernen?' });
    await removal.getByText('Dabei werden diese 2 Zuweisungen aufgehoben:').waitFor();
    expect(await removal.getByRole('listitem').allInnerTexts()).toEqual(['prüft „1 Ausgangslage“', 'prüft „2 Ziele“']);
    await waitUntilTrue(page, `document.activeElement?.textContent === 'Ja, entfernen'`, 'the confirm button to have focus');
    await page.keyboard.press('Escape');
    await removal.waitFor({ state: 'detached' });

    // Asked first, with what goes; Escape keeps role and assignments, the focus back on the role.
    await role.selectOption('reader');
    await page.getByRole('button', { name: 'Rolle von Rita Prüfer speichern' }).click();
    const question = members.getByRole('group', {
      name: 'Als Leserin/Leser verliert Rita Prüfer diese 2 Zuweisungen:',
    });
    await question.waitFor();
    expect(await question.getByRole('listitem').allInnerTexts()).toEqual(['prüft „1 Ausgangslage“', 'prüft „2 Ziele“']);
    await waitUntilTrue(page, `document.activeElement?.textContent === 'Ja, Rolle ändern'`, 'the confirm button to have focus');
    await screenshot(page, 'members-04-role-change-question');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await role.inputValue()).toBe('reviewer');
    await waitUntilTrue(page, `document.activeElement?.getAttribute('aria-label') === null && document.activeElement?.tagName === 'SELECT'`, 'the role to have focus');
    expect(await reviewers()).toEqual([rita.user.id, rita.user.id]);

    // Another role chosen while asked: the question (about the role before) goes.
    await role.selectOption('reader');
    await page.getByRole('button', { name: 'Rolle von Rita Prüfer speichern' }).click();
    await question.waitFor();
    await role.selectOption('author');
    await question.waitFor({ state: 'detached' });

    // Confirmed: the role changes, the assignments go, and the message says how many.
    await role.selectOption('author');
    await page.getByRole('button', { name: 'Rolle von Rita Prüfer speichern' }).click();
    await members.getByRole('button', { name: 'Ja, Rolle ändern' }).click();
    await page.getByText('Die Rolle von Rita Prüfer ist jetzt: Autorin/Autor. 2 Zuweisungen sind aufgehoben.').waitFor();
    expect(await reviewers()).toEqual([null, null]);

    // A role that keeps everything is not asked about: Ali stays the assignee as a lead.
    await page.getByLabel('Rolle von Ali Autor', { exact: true }).selectOption('lead');
    await page.getByRole('button', { name: 'Rolle von Ali Autor speichern' }).click();
    await page.getByText('Die Rolle von Ali Autor ist jetzt: Projektleitung.').waitFor();
    expect(await members.getByRole('button', { name: 'Ja, Rolle ändern' }).count()).toBe(0);
  }, 60_000);

  it('lets a lead who is not the last one leave, after asking, and names the project on the list', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Bericht zum Verlassen' });
    const other = await joinProject(suite.app, lead, project.id, 'Otto Zweitleitung', 'author');
    expect(
      (await lead.client.patch(`/api/projects/${project.id}/members/${other.user.id}`, { role: 'lead' }))
        .status,
    ).toBe(200);
    const page = await suite.pageOf(lead);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const members = page.getByRole('region', { name: 'Mitglieder', exact: true });
    await members.getByRole('rowheader', { name: 'Otto Zweitleitung' }).waitFor();

    // Asked first; "Abbrechen" changes nothing and gives the focus back.
    await members.getByRole('button', { name: 'Projekt verlassen' }).click();
    await members
      .getByText('Das Projekt wirklich verlassen? Zurück kommen Sie nur mit einer neuen Einladung.')
      .waitFor();
    await screenshot(page, 'members-02-leave-question');
    await page.keyboard.press('Escape');
    await waitUntilTrue(page, `document.activeElement?.textContent === 'Projekt verlassen'`, 'the leave button to have focus');

    await members.getByRole('button', { name: 'Projekt verlassen' }).click();
    await members.getByRole('button', { name: 'Ja, verlassen' }).click();
    await page.getByRole('heading', { name: 'Ihre Projekte', level: 1 }).waitFor();
    await page
      .getByRole('status')
      .getByText('Sie haben das Projekt „Bericht zum Verlassen“ verlassen.')
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/projects');
    expect(await page.getByRole('link', { name: 'Bericht zum Verlassen' }).count()).toBe(0);
    await screenshot(page, 'members-03-left');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const rows = await suite.app.db.query<{ role: string }>(
      'SELECT role FROM project_members WHERE project_id = $1 ORDER BY role',
      [project.id],
    );
    expect(rows.rows).toEqual([{ role: 'lead' }]);
    // The notice belongs to the moment of leaving: a reload does not bring it back.
    await page.reload();
    await page.getByRole('heading', { name: 'Ihre Projekte', level: 1 }).waitFor();
    expect(await page.getByText('Sie haben das Projekt', { exact: false }).count()).toBe(0);
  }, 60_000);

  it('lets an author leave from the members card, in English too', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Report to leave' });
    const author = await joinProject(suite.app, lead, project.id, 'Ali Autor', 'author');
    const page = await suite.pageOf(author);
    await page.goto(`${suite.app.origin}/projects`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const members = page.getByRole('region', { name: 'Members', exact: true });
    await members.getByRole('rowheader', { name: 'Lea Leitung' }).waitFor();
    // No management column for an author, but leaving is there.
    expect(await members.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    await members.getByRole('button', { name: 'Leave project' }).click();
    await members.getByText('Really leave the project? Only a new invitation brings you back.').waitFor();
    await members.getByRole('button', { name: 'Yes, leave' }).click();
    await page.getByText('You have left the project “Report to leave”.').waitFor();
    expect(
      (await lead.client.get<Array<{ userId: string }>>(`/api/projects/${project.id}/members`)).body.map(
        (m) => m.userId,
      ),
    ).toEqual([lead.user.id]);
  }, 60_000);
});
