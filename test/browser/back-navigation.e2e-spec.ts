import type { Page } from 'playwright-core';
import { createProject, createSection, registerUser } from '../../apps/server/test/factories.js';
import { describeInBrowser, waitUntilTrue } from './browser.js';
import { browserSuite } from './suite.js';

const TWELVE = '12 Kapitel Nummer 12';

/** Where the outline's link to chapter 12 stands in the window (px from its top). */
function topOfTwelve(page: Page): Promise<number> {
  return page.evaluate<number>(
    `[...document.querySelectorAll('a')].find((a) => a.textContent.trim() === ${JSON.stringify(TWELVE)}).getBoundingClientRect().top`,
  );
}

/** Back and Forward return to where a page was scrolled to, also when it loads its data first. */
describeInBrowser('going back to a long page, in Chromium', () => {
  const suite = browserSuite();

  it('returns to the place in a long outline after a section was opened from it, the focus on the page’s heading', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Langer Bericht' });
    for (let chapter = 1; chapter <= 14; chapter += 1) {
      await createSection(lead, project.id, { title: `Kapitel Nummer ${String(chapter)}` });
    }
    const page = await suite.pageOf(lead, { viewport: { width: 1024, height: 600 } });
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    const twelve = page.getByRole('link', { name: TWELVE, exact: true });
    await twelve.waitFor();
    await page.getByRole('heading', { name: 'Mitglieder' }).waitFor();
    await twelve.scrollIntoViewIfNeeded();
    expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(300);
    const before = await topOfTwelve(page);

    await twelve.click();
    await page.getByRole('heading', { level: 1, name: TWELVE }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Langer Bericht' }).waitFor();
    // The link is where it was in the window (the page loads its parts anew meanwhile; the
    // browser keeps what is in view in place while they grow).
    await waitUntilTrue(page, `window.scrollY > 300`, 'the outline scrolled down again');
    await page.getByRole('heading', { name: 'Mitglieder' }).waitFor();
    await page.waitForTimeout(300);
    expect(Math.abs((await topOfTwelve(page)) - before)).toBeLessThan(40);
    // The focus is on the page's heading, as after every change of page, without scrolling to it.
    expect(await page.evaluate<string | null>(`document.activeElement?.tagName ?? null`)).toBe('H1');

    // Forward again.
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: TWELVE }).waitFor();
  });

  it('leaves Back within one page to the browser: from a part of the project page to where one was', async () => {
    const lead = await registerUser(suite.app, { name: 'Lea Leitung' });
    const project = await createProject(lead, { title: 'Kurzer Bericht' });
    for (let chapter = 1; chapter <= 8; chapter += 1) {
      await createSection(lead, project.id, { title: `Kapitel Nummer ${String(chapter)}` });
    }
    const page = await suite.pageOf(lead, { viewport: { width: 1024, height: 600 } });
    await page.goto(`${suite.app.origin}/projects/${project.id}`);
    await page.getByRole('heading', { name: 'Mitglieder' }).waitFor();
    expect(await page.evaluate<number>('window.scrollY')).toBe(0);
    await page.getByRole('navigation', { name: 'Auf dieser Seite' }).getByRole('link', { name: 'Mitglieder' }).click();
    await waitUntilTrue(page, 'window.scrollY > 300', 'the jump to the members');
    await page.goBack();
    await waitUntilTrue(page, 'window.scrollY < 20', 'the page back at its top');
  });
});
