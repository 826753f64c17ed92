import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createProject, createSection, invite, registerUser, type Person } from '../../apps/server/test/factories.js';
import type { TestApp } from '../../apps/server/test/test-app.js';

/** A person joins the project with a role, through a real invitation, with a name the test can look for. */
export async function joinProject(
  app: TestApp,
  lead: Person,
  projectId: string,
  name: string,
  role: 'author' | 'reviewer',
): Promise<Person> {
  const person = await registerUser(app, { name, organisation: 'Landkreis Beispiel' });
  const invitation = await invite(lead, projectId, person.user.email, role);
  const res = await person.client.post(`/api/invitations/${invitation.token}/accept`);
  if (res.status !== 200) {
    throw new Error(`accept answered ${String(res.status)}`);
  }
  return person;
}

/** The section's text as the server stores it. */
export async function storedText(person: Person, projectId: string, sectionId: string): Promise<string> {
  const res = await person.client.get<{ text: string }>(`/api/projects/${projectId}/sections/${sectionId}/content`);
  if (res.status !== 200) {
    throw new Error(`content answered ${String(res.status)}`);
  }
  return res.body.text;
}

/** The text of the editor as Tiptap has it (DOM text would include the others' caret labels). */
export function editorText(page: Page): Promise<string> {
  return page.evaluate<string>(`document.querySelector('.ProseMirror').editor.getText()`);
}

/**
 * A project with one section, "Ausgangslage", assigned to an author (Ali Autor) with a
 * reviewer (Rita Prüfer); `url` is the section's page.
 */
export async function sectionTeam(app: TestApp, projectTitle: string) {
  const lead = await registerUser(app, { name: 'Lea Leitung', organisation: 'Stadt Musterstadt' });
  const project = await createProject(lead, { title: `${projectTitle} ${randomUUID().slice(0, 4)}` });
  const author = await joinProject(app, lead, project.id, 'Ali Autor', 'author');
  const reviewer = await joinProject(app, lead, project.id, 'Rita Prüfer', 'reviewer');
  const section = await createSection(lead, project.id, { title: 'Ausgangslage' });
  const assigned = await lead.client.patch(`/api/projects/${project.id}/sections/${section.id}`, {
    assigneeIds: [author.user.id],
    reviewerId: reviewer.user.id,
  });
  if (assigned.status !== 200) {
    throw new Error(`assigning answered ${String(assigned.status)}`);
  }
  return { lead, project, author, reviewer, section, url: `${app.origin}/projects/${project.id}/sections/${section.id}` };
}

/** Between page and server: what the page sends on /collab/ is dropped while `held.holding`. */
export async function holdBackWhile(page: Page, held: { holding: boolean }): Promise<void> {
  await page.routeWebSocket(/\/collab\//, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (!held.holding) {
        server.send(message);
      }
    });
    server.onMessage((message) => {
      socket.send(message);
    });
  });
}

/**
 * Opens the section page at `url` and types `typed` into the section "Ausgangslage" (of
 * sectionTeam) while everything the page sends on /collab/ is held back: the edits stay
 * unsent until the returned `held.holding` is set false.
 */
export async function typeHeldBack(page: Page, url: string, typed: string): Promise<{ holding: boolean }> {
  const held = { holding: false };
  await holdBackWhile(page, held);
  await page.goto(url);
  await page.getByText('Verbunden · Alle Änderungen gespeichert').waitFor();
  held.holding = true;
  await page.getByRole('textbox', { name: 'Text des Abschnitts „Ausgangslage“' }).click();
  await page.keyboard.type(typed);
  await page.getByText('Änderungen werden gespeichert', { exact: false }).waitFor();
  return held;
}

/** Reads `read()` every 100 ms until it equals `expected` (as JSON), for up to 10 s; the error says what it saw last. */
export async function waitFor<T>(read: () => Promise<T>, expected: T, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen = await read();
  while (JSON.stringify(seen) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; saw ${JSON.stringify(seen)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await read();
  }
}

/**
 * The blocks of a text, one line each. Tiptap's getText and the server's plain text both
 * separate blocks by blank lines, but count nesting (a list item's paragraph) and the empty
 * paragraph Tiptap keeps after a list differently.
 */
export function blocks(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
