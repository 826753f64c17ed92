import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import {
  describeInBrowser,
  recordForeignRequests,
  registerInBrowser,
  screenshot,
  seriousA11yViolations,
} from './browser.js';
import { browserSuite } from './suite.js';

/** A project from the municipal report template, created through the API as the page's user. */
async function createProject(page: Page, origin: string, title: string): Promise<string> {
  const response = await page.request.post(`${origin}/api/projects`, {
    data: { title, template: 'kommunaler-bericht-open-source' },
    headers: { Origin: origin },
  });
  if (!response.ok()) {
    throw new Error(`POST /projects answered ${String(response.status())}: ${await response.text()}`);
  }
  return ((await response.json()) as { project: { id: string } }).project.id;
}

/** The numbers and titles of the outline's links, in reading order. */
async function outlineLinks(page: Page): Promise<string[]> {
  const tree = page.getByRole('list', { name: 'Gliederung' }).first();
  return (await tree.locator('.outline-item__title a').allTextContents()).map((text) => text.trim());
}

/** The drop target (item row) of a section, found by its link's accessible name. */
function dropTargetOf(page: Page, linkName: string): Locator {
  return page.locator('.outline-dnd', { has: page.getByRole('link', { name: linkName, exact: true }) });
}

/** Centre of the handle and a point at `fraction` of the target row's height (0 = top, 1 = bottom). */
async function dragPoints(
  page: Page,
  from: string,
  onto: string,
  fraction: number,
): Promise<{ start: { x: number; y: number }; end: { x: number; y: number } }> {
  const handle = await dropTargetOf(page, from).locator('.outline-dnd__handle').boundingBox();
  const target = await dropTargetOf(page, onto).boundingBox();
  if (handle === null || target === null) {
    throw new Error(`no box for the drag of "${from}" onto "${onto}"`);
  }
  return {
    start: { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 },
    end: { x: target.x + target.width / 2, y: target.y + target.height * fraction },
  };
}

/**
 * Presses the mouse on the handle of `from` and moves it, in steps (so that the browser fires
 * dragstart, dragenter and dragover), to `fraction` of the height of `onto`'s row. Returns with
 * the button still held: the caller looks at the indicator, then releases.
 */
async function dragOver(page: Page, from: string, onto: string, fraction: number): Promise<void> {
  // The outline's top at the top of the viewport: both rows visible, positions stable. (An
  // expression, not a function in a string: evaluate() does not call a function given as text,
  // so the page never scrolled, and the drags worked only while the outline fitted the window.)
  await page.getByRole('heading', { name: 'Gliederung', level: 2, exact: true }).waitFor();
  await page.evaluate(
    `[...document.querySelectorAll('h2')].find((heading) => heading.textContent.trim() === 'Gliederung').scrollIntoView()`,
  );
  const { start, end } = await dragPoints(page, from, onto, fraction);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 4, start.y + 4, { steps: 2 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  // Chromium fires dragover only while the pointer stays on the same element: hold still once.
  await page.mouse.move(end.x, end.y);
}

describeInBrowser('report settings and drag and drop in the outline in Chromium', () => {
  const suite = browserSuite();
  // Nobody is signed in: these tests register through the pages themselves.
  const { newPage } = suite;

  it('lets a lead change title, subtitle and language of the report, and refuses an empty title', async () => {
    const lead = await newPage();
    const foreign = recordForeignRequests(lead, suite.app.origin);
    await registerInBrowser(lead, suite.app.origin, 'Lea Leitung');
    const title = `Digitale Souveränität ${randomUUID().slice(0, 4)}`;
    const projectId = await createProject(lead, suite.app.origin, title);
    await lead.goto(`${suite.app.origin}/projects/${projectId}`);
    await lead.getByRole('heading', { name: title, level: 1 }).waitFor();

    const settings = lead.getByRole('region', { name: 'Berichtseinstellungen' });
    const toggle = settings.getByRole('button', { name: 'Berichtseinstellungen ändern' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(
      await settings.getByRole('button', { name: 'Berichtseinstellungen schließen' }).getAttribute('aria-expanded'),
    ).toBe('true');
    // The form starts from the report as it is.
    expect(await settings.getByLabel('Titel', { exact: true }).inputValue()).toBe(title);
    expect(await settings.getByLabel('Sprache des Berichts').inputValue()).toBe('de');

    const newTitle = `Open Source Report ${randomUUID().slice(0, 4)}`;
    await settings.getByLabel('Titel', { exact: true }).fill(newTitle);
    await settings.getByLabel('Untertitel').fill('Annual report 2026 of the city');
    await settings.getByLabel('Beschreibung').fill('What the city learned about open source.');
    // The publisher, for the PDF's cover: optional, with a hint what to write.
    const publisher = settings.getByLabel('Herausgeber');
    expect(await publisher.inputValue()).toBe('');
    await settings.getByText('z. B. „Deutscher Städtetag“').waitFor();
    await publisher.fill('  Deutscher Städtetag ');
    await settings.getByLabel('Sprache des Berichts').selectOption({ label: 'Englisch' });
    await screenshot(lead, 'settings-01-form');
    expect(await seriousA11yViolations(lead)).toEqual([]);
    await settings.getByRole('button', { name: 'Einstellungen speichern' }).click();

    // Announced in the card's live region; the page header follows.
    await settings
      .getByRole('status')
      .getByText('Gespeichert: Die Berichtseinstellungen sind aktualisiert.')
      .waitFor();
    const heading = lead.getByRole('heading', { name: newTitle, level: 1 });
    await heading.waitFor();
    expect(await heading.getAttribute('lang')).toBe('en');
    await lead.getByText('Annual report 2026 of the city').waitFor();
    const facts = lead.getByRole('region', { name: 'Projektangaben' });
    await facts.getByText('What the city learned about open source.').waitFor();
    await facts.getByText('Englisch').waitFor();
    await screenshot(lead, 'settings-02-saved');
    expect(await seriousA11yViolations(lead)).toEqual([]);

    // A reload keeps it.
    await lead.reload();
    await lead.getByRole('heading', { name: newTitle, level: 1 }).waitFor();
    await lead.getByText('Annual report 2026 of the city').waitFor();
    expect(await lead.getByRole('heading', { name: title }).count()).toBe(0);

    // An empty title is refused at the field, and nothing is sent.
    const patches: string[] = [];
    lead.on('request', (request) => {
      if (request.method() === 'PATCH') {
        patches.push(request.url());
      }
    });
    await settings.getByRole('button', { name: 'Berichtseinstellungen ändern' }).click();
    const titleField = settings.getByLabel('Titel', { exact: true });
    expect(await titleField.inputValue()).toBe(newTitle);
    expect(await settings.getByLabel('Herausgeber').inputValue()).toBe('Deutscher Städtetag');
    await titleField.fill('   ');
    await settings.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await settings.getByText('Bitte füllen Sie dieses Feld aus.').waitFor();
    expect(await titleField.getAttribute('aria-invalid')).toBe('true');
    expect(await lead.evaluate<string | null>(`document.activeElement?.getAttribute('name') ?? null`)).toBe(
      'title',
    );
    expect(patches).toEqual([]);
    await screenshot(lead, 'settings-03-empty-title');
    expect(await seriousA11yViolations(lead)).toEqual([]);

    // Escape closes the panel, unsaved, back to the button that opened it.
    await titleField.press('Escape');
    await titleField.waitFor({ state: 'detached' });
    expect(await lead.evaluate<string | null>(`document.activeElement?.textContent ?? null`)).toBe(
      'Berichtseinstellungen ändern',
    );
    expect(patches).toEqual([]);

    const stored = await suite.app.db.query<{ title: string; subtitle: string | null; publisher: string | null; language: string }>(
      'SELECT title, subtitle, publisher, language FROM projects WHERE id = $1',
      [projectId],
    );
    expect(stored.rows).toEqual([
      { title: newTitle, subtitle: 'Annual report 2026 of the city', publisher: 'Deutscher Städtetag', language: 'en' },
    ]);
    expect(foreign).toEqual([]);
  }, 90_000);

  it('lets a lead move a section by drag and drop, and refuses a drop into its own sub-section', async () => {
    // Tall enough for the whole outline: the browser drags only within the viewport.
    const lead = await newPage({ viewport: { width: 1280, height: 1600 } });
    const foreign = recordForeignRequests(lead, suite.app.origin);
    await registerInBrowser(lead, suite.app.origin, 'Lea Leitung');
    const projectId = await createProject(lead, suite.app.origin, `Gliederung ${randomUUID().slice(0, 4)}`);
    await lead.goto(`${suite.app.origin}/projects/${projectId}`);
    await lead.getByRole('link', { name: '3.2 Open Source im Beschaffungsverfahren', exact: true }).waitFor();
    const before = await outlineLinks(lead);
    expect(before).toEqual([
      'Vorwort',
      '1 Ausgangslage und Einführung',
      '2 Handlungsmöglichkeiten der Kommunen',
      '3 Schritt für Schritt zu mehr Open Source',
      '3.1 Bestandsaufnahme und Planung',
      '3.2 Open Source im Beschaffungsverfahren',
      '3.3 Beispiele aus Kommunen',
      '4 Zusammenarbeit in der Open-Source-Gemeinschaft',
      '5 Häufige Einwände und Antworten',
      'Anhang',
    ]);
    const moves: string[] = [];
    lead.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/move')) {
        moves.push(request.url());
      }
    });

    // Chapter 1 goes below chapter 4: the line and "Hierher verschieben" show where it lands.
    await dragOver(
      lead,
      '1 Ausgangslage und Einführung',
      '4 Zusammenarbeit in der Open-Source-Gemeinschaft',
      0.9,
    );
    const indicator = dropTargetOf(lead, '4 Zusammenarbeit in der Open-Source-Gemeinschaft');
    await lead.locator('.outline-dnd[data-drop="after"]').waitFor();
    expect(await indicator.getAttribute('data-drop')).toBe('after');
    await indicator.getByText('Hierher verschieben', { exact: true }).waitFor();
    await screenshot(lead, 'settings-04-dragging');
    await lead.mouse.up();
    await lead.getByText('„Ausgangslage und Einführung“ ist jetzt Abschnitt 4.').waitFor();
    await lead.getByRole('link', { name: '4 Ausgangslage und Einführung', exact: true }).waitFor();
    expect(await outlineLinks(lead)).toEqual([
      'Vorwort',
      '1 Handlungsmöglichkeiten der Kommunen',
      '2 Schritt für Schritt zu mehr Open Source',
      '2.1 Bestandsaufnahme und Planung',
      '2.2 Open Source im Beschaffungsverfahren',
      '2.3 Beispiele aus Kommunen',
      '3 Zusammenarbeit in der Open-Source-Gemeinschaft',
      '4 Ausgangslage und Einführung',
      '5 Häufige Einwände und Antworten',
      'Anhang',
    ]);
    expect(moves).toHaveLength(1);
    await lead.locator('.outline-dnd[data-drop]').waitFor({ state: 'detached' });

    // Dropped onto the middle of a section, chapter 5 becomes its last sub-section.
    await dragOver(
      lead,
      '5 Häufige Einwände und Antworten',
      '3 Zusammenarbeit in der Open-Source-Gemeinschaft',
      0.5,
    );
    await lead.locator('.outline-dnd[data-drop="inside"]').waitFor();
    await screenshot(lead, 'settings-05-dragging-inside');
    await lead.mouse.up();
    await lead.getByRole('link', { name: '3.1 Häufige Einwände und Antworten', exact: true }).waitFor();
    await lead.getByText('„Häufige Einwände und Antworten“ ist jetzt Abschnitt 3.1.').waitFor();
    expect(moves).toHaveLength(2);

    // Chapter 2 cannot go into its own sub-section 2.2: no indicator, no request, no change.
    const unchanged = await outlineLinks(lead);
    await dragOver(
      lead,
      '2 Schritt für Schritt zu mehr Open Source',
      '2.2 Open Source im Beschaffungsverfahren',
      0.5,
    );
    await lead.locator('.outline-dnd[data-dragging="true"]').waitFor();
    const shown = lead.locator('.outline-dnd[data-drop]');
    expect(await shown.count()).toBe(0);
    // Over a place it may go (into chapter 1) the indicator shows; back over 2.2 it is gone again,
    // and so it is between its own sub-sections.
    const moveTo = async (onto: string, fraction: number): Promise<void> => {
      const { end } = await dragPoints(lead, '2 Schritt für Schritt zu mehr Open Source', onto, fraction);
      await lead.mouse.move(end.x, end.y, { steps: 4 });
      await lead.mouse.move(end.x, end.y);
    };
    await moveTo('1 Handlungsmöglichkeiten der Kommunen', 0.5);
    await lead.locator('.outline-dnd[data-drop="inside"]').waitFor();
    await moveTo('2.2 Open Source im Beschaffungsverfahren', 0.5);
    await shown.waitFor({ state: 'detached' });
    await moveTo('2.3 Beispiele aus Kommunen', 0.05);
    expect(await shown.count()).toBe(0);
    await moveTo('2.2 Open Source im Beschaffungsverfahren', 0.5);
    expect(await shown.count()).toBe(0);
    await screenshot(lead, 'settings-06-refused');
    await lead.mouse.up();
    await lead.locator('.outline-dnd[data-dragging]').waitFor({ state: 'detached' });
    expect(moves).toHaveLength(2);
    expect(await outlineLinks(lead)).toEqual(unchanged);

    // A reload shows the same order: the moves were stored.
    await lead.reload();
    await lead.getByRole('link', { name: '3.1 Häufige Einwände und Antworten', exact: true }).waitFor();
    expect(await outlineLinks(lead)).toEqual(unchanged);
    await screenshot(lead, 'settings-07-after-drops');
    expect(await seriousA11yViolations(lead)).toEqual([]);
    expect(foreign).toEqual([]);
  }, 90_000);
});
