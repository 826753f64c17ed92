import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Person } from '../../apps/server/test/factories.js';
import { startTestApp, type TestApp } from '../../apps/server/test/test-app.js';
import { launchBrowser, signedInContext, WEB_DIST } from './browser.js';

/** A real server with the built web app and a Chromium, for the tests of one `describe`. */
export interface BrowserSuite {
  readonly app: TestApp;
  readonly browser: Browser;
  /** A German browser context signed in as `person` (their session cookie, as after a login). */
  readonly contextOf: (person: Person, options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A tab of such a context. */
  readonly pageOf: (person: Person, options?: BrowserContextOptions) => Promise<Page>;
}

/**
 * Starts the server and Chromium before the current `describe`'s tests and closes both,
 * with every context opened through the suite, after them.
 */
export function browserSuite(): BrowserSuite {
  let app: TestApp | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    app = await startTestApp({ webDist: WEB_DIST });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await app?.close();
  });
  const started = <T>(value: T | null, what: string): T => {
    if (value === null) {
      throw new Error(`the ${what} is read before the suite started`);
    }
    return value;
  };
  const suite: BrowserSuite = {
    get app() {
      return started(app, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    contextOf: (person, options = {}) =>
      signedInContext(suite.browser, suite.app.origin, person.client.cookie, contexts, options),
    pageOf: async (person, options) => (await suite.contextOf(person, options)).newPage(),
  };
  return suite;
}
