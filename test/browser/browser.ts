import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIST = join(ROOT, 'apps/web/dist');
const RESULTS = join(ROOT, 'test-results');

/**
 * True when browser tests can run. Without Chromium they are skipped with a loud message,
 * except under CI=true, where a missing browser must fail the run instead of hiding tests.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) {
    return true;
  }
  const message = `Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` to run the browser tests`;
  if (process.env.CI === 'true') {
    throw new Error(message);
  }
  console.warn(`\n\n!!! BROWSER TESTS SKIPPED !!! ${message}\n\n`);
  return false;
}

/** `describe` when Chromium is there, else a loudly announced skip (see browserAvailable). */
export const describeInBrowser = browserAvailable() ? describe : describe.skip;

/** The password every browser test uses for the accounts it registers. */
export const PASSWORD = 'ein sicheres Passwort 2026';

/** Registers through the German registration page (by default with a fresh address) and waits for the project list. */
export async function registerInBrowser(
  page: Page,
  origin: string,
  name: string,
  email = `${name.split(' ')[0].toLowerCase()}-${randomUUID().slice(0, 6)}@example.org`,
): Promise<void> {
  await page.goto(`${origin}/register`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Organisation (optional)').fill('Stadt Musterstadt');
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await page.getByRole('heading', { name: 'Ihre Projekte' }).waitFor();
}

/**
 * A German browser context with no session (a visitor who has not signed in yet),
 * kept in `contexts` so the suite can close it.
 */
export async function germanContext(
  browser: Browser,
  contexts: BrowserContext[],
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'de-DE', ...options });
  contexts.push(context);
  return context;
}

/**
 * A German browser context signed in with a session cookie from the API (as after a login),
 * kept in `contexts` so the suite can close it.
 */
export async function signedInContext(
  browser: Browser,
  origin: string,
  cookie: string | null,
  contexts: BrowserContext[],
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await germanContext(browser, contexts, options);
  const value = cookie?.split('=')[1] ?? '';
  await context.addCookies([{ name: 'kapitel_session', value, url: origin }]);
  return context;
}

/** Debian's Chromium, headless, with nothing that would call out to the internet. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot under test-results/ (git-ignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}

/** Serious and critical WCAG 2.1 A/AA violations on the current page, as short strings. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length}x)`);
}

/** Fails when the page asks any host but ours for anything (no CDN, fonts or telemetry). */
export function recordForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreign.push(url);
    }
  });
  return foreign;
}

/**
 * Evaluates `expression` in the page every 50 ms until it is true (up to `timeoutMs`). Polled from
 * here on purpose: page.waitForFunction re-evaluates a string inside the page once the first try
 * fails, which our Content-Security-Policy (no 'unsafe-eval') forbids, so it fails only when slow.
 */
export async function waitUntilTrue(page: Page, expression: string, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await page.evaluate<boolean>(expression)) !== true) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what} (${expression})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
