import type { Locator, Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import type { TestApp } from '../../apps/server/test/test-app.js';
import { doc, paragraph, setContent, table, text } from '../../apps/server/test/e2e/export-support.js';
import { sectionTeam } from './people.js';

/** What the toolbar specs read of the toolbar, the menu and the table in the page and on the server. */

export const EDITOR = '.ProseMirror';

interface StoredNode {
  type: string;
  content?: StoredNode[];
}

/** Rows and cells of the section's first table as the server stores it: "3x2" is three rows of two. */
export async function storedTableShape(person: Person, projectId: string, sectionId: string): Promise<string> {
  const res = await person.client.get<{ json: StoredNode }>(
    `/api/projects/${projectId}/sections/${sectionId}/content`,
  );
  expect(res.status).toBe(200);
  const found = (res.body.json.content ?? []).find((node) => node.type === 'table');
  const rows = found?.content ?? [];
  return `${String(rows.length)}x${String(rows[0]?.content?.length ?? 0)}`;
}

/** The same, of the table in the editor. */
export function editorTableShape(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const rows = document.querySelectorAll('${EDITOR} table tr');
    return rows.length + 'x' + (rows[0] ? rows[0].children.length : 0);
  })()`);
}

/** The name of what has the focus: a toolbar button's aria-label, else its text. */
export function focusedName(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(
    `document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.dataset.label ?? document.activeElement?.textContent.trim() ?? null`,
  );
}

/** The distinct tops (rounded) of the toolbar's buttons in view: one for one row. */
function buttonRows(page: Page): Promise<number> {
  return page.evaluate<number>(
    `new Set([...document.querySelectorAll('.editor-toolbar > .editor-toolbar__group button, .editor-toolbar > .editor-toolbar__more:not([data-idle]) button')].map((button) => Math.round(button.getBoundingClientRect().top))).size`,
  );
}

/** The names of the buttons in the row, in their order (without "Mehr"). */
export function rowNames(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(
    `[...document.querySelectorAll('.editor-toolbar > .editor-toolbar__group button')].map((button) => button.getAttribute('aria-label') ?? button.textContent.trim())`,
  );
}

/** The names of the open "Mehr" menu's entries, in their order. */
export function menuNames(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(
    `[...document.querySelectorAll('[role="menu"] [role="menuitem"], [role="menu"] [role="menuitemcheckbox"]')].map((item) => item.dataset.label)`,
  );
}

/** Every button of the toolbar outside a table, in the row's order, as at 1000 px where all fit. */
export const FULL_ROW = [
  'Rückgängig',
  'Wiederholen',
  'Normaler Absatz',
  'Überschrift H2',
  'Überschrift H3',
  'Überschrift H4',
  'Fett',
  'Kursiv',
  'Unterstrichen',
  'Durchgestrichen',
  'Hochgestellt',
  'Tiefgestellt',
  'Aufzählung',
  'Nummerierte Liste',
  'Zitat',
  'Link',
  'Fußnote einfügen',
  'Querverweis einfügen',
  'Quelle zitieren',
  'Zeilenumbruch',
  'Tabelle einfügen',
  'Bild einfügen',
  'Bildbeschreibung bearbeiten',
];

/** The toolbar is one row: not much taller than one of its buttons (plus its padding). */
export async function expectOneRow(page: Page, toolbar: Locator, bold = 'Fett'): Promise<void> {
  const bar = await toolbar.boundingBox();
  const button = await toolbar.getByRole('button', { name: bold }).boundingBox();
  expect(bar !== null && button !== null).toBe(true);
  expect(bar?.height ?? 0).toBeLessThan((button?.height ?? 0) * 1.5);
  expect(await buttonRows(page)).toBe(1);
}

/** sectionTeam's section, holding a paragraph, a table of two rows and two columns, and a paragraph. */
export async function sectionWithTable(app: TestApp, projectTitle: string) {
  const team = await sectionTeam(app, projectTitle);
  await setContent(
    app,
    team.section.id,
    doc(
      paragraph(text('Vorher')),
      table(['Größe', 'Anteil'], [['bis 5.000', '12 %']]),
      paragraph(text('Nachher')),
    ),
  );
  return team;
}

