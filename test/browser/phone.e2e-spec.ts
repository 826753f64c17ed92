import type { Page } from 'playwright-core';
import { doc, paragraph, setContent, text } from '../../apps/server/test/e2e/export-support.js';
import { createProject, createSection, createTeam } from '../../apps/server/test/factories.js';
import { describeInBrowser, screenshot } from './browser.js';
import { browserSuite } from './suite.js';

/** A phone held upright (an iPhone 12 to 15). */
const PHONE = { viewport: { width: 390, height: 844 } };

/** The narrowest screen WCAG 1.4.10 asks text to reflow on without scrolling sideways. */
const NARROW = { viewport: { width: 320, height: 640 } };

/** How far the page reaches beyond the screen's right edge, in CSS pixels (0: it cannot be panned sideways). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}

describeInBrowser('the web app on a phone', () => {
  const suite = browserSuite();

  it('cannot be panned sideways on the project list and the project and section pages, whose tables scroll inside their frames', async () => {
    const { lead, project } = await createTeam(suite.app);
    const section = await createSection(lead, project.id, { title: 'Digitale Souveränität in Kommunen' });
    // A title of one word as long as a title may be: it wraps in its card.
    await createProject(lead, { title: 'Donaudampfschifffahrt'.repeat(14) });
    const page = await suite.pageOf(lead, PHONE);

    await page.goto(`${suite.app.origin}/projects`);
    await page.getByRole('heading', { name: /Donaudampfschifffahrt/ }).waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);

    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    // The members table, with a row per role and hidden headings for the actions.
    await page.getByRole('table').first().waitFor();
    await screenshot(page, 'phone-01-project');
    expect(await sidewaysOverflow(page)).toBe(0);

    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${section.id}`);
    await page.getByRole('heading', { name: /Digitale Souveränität in Kommunen/ }).first().waitFor();
    await screenshot(page, 'phone-02-section');
    expect(await sidewaysOverflow(page)).toBe(0);
    // The keyboard hint below the text takes no room while it is hidden: no gap before the comments.
    await page.getByText('Alle Änderungen gespeichert').waitFor();
    const count = await page.locator('.section-editor__count').boundingBox();
    const comments = await page.getByRole('heading', { name: 'Kommentare', level: 2 }).boundingBox();
    expect((comments?.y ?? 0) - ((count?.y ?? 0) + (count?.height ?? 0))).toBeLessThan(100);
  });

  it('opens the notifications inside the screen, below the header', async () => {
    const { reader, project } = await createTeam(suite.app);
    const page = await suite.pageOf(reader, PHONE);
    await page.goto(`${suite.app.origin}/projects/${project.id}`);

    await page.getByRole('button', { name: 'Benachrichtigungen', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Benachrichtigungen' });
    await panel.waitFor();
    await screenshot(page, 'phone-03-notifications');

    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.viewport.width);
    expect(box?.width).toBeGreaterThan(PHONE.viewport.width / 2);
  });

  it('wraps long web addresses and compounds in the reading view and a version at 320 px, so no text scrolls sideways', async () => {
    const { lead, project } = await createTeam(suite.app);
    const section = await createSection(lead, project.id, { title: 'Wasserqualität' });
    const address = 'https://www.example.org/sehr/langer/pfad/zum/bericht/wasserqualitaet-oberfranken-2025-endfassung.pdf';
    await setContent(
      suite.app,
      section.id,
      doc(
        paragraph(text('Quelle: '), text(address, { type: 'link', attrs: { href: address } })),
        paragraph(text('Die Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller berichten.')),
      ),
    );
    const saved = await lead.client.post(`/api/projects/${project.id}/sections/${section.id}/versions`, { label: 'Stand Mai' });
    expect(saved.status).toBe(201);
    const page = await suite.pageOf(lead, NARROW);

    await page.goto(`${suite.app.origin}/projects/${project.id}/read`);
    await page.getByRole('link', { name: address }).waitFor();
    await screenshot(page, 'phone-04-reading-narrow');
    expect(await sidewaysOverflow(page)).toBe(0);

    await page.goto(`${suite.app.origin}/projects/${project.id}/sections/${section.id}`);
    await page.getByRole('button', { name: 'Ansehen: Stand Mai' }).click();
    const version = page.getByRole('dialog', { name: 'Version: Stand Mai' }).getByRole('region', { name: 'Text der Version' });
    await version.getByText('berichten', { exact: false }).waitFor();
    await screenshot(page, 'phone-05-version-narrow');
    const overflow = `(() => { const text = document.querySelector('dialog[open] .version-document'); return text.scrollWidth - text.clientWidth; })()`;
    expect(await page.evaluate<number>(overflow)).toBe(0);
  });
});
