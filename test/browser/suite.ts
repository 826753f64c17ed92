import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { AppConfig } from '../../apps/server/src/config/app-config.js';
import type { Person } from '../../apps/server/test/factories.js';
import { startTestApp, type TestApp } from '../../apps/server/test/test-app.js';
import { germanContext, launchBrowser, signedInContext, WEB_DIST } from './browser.js';

/** How a `describe` wants its server to differ from the defaults. */
export interface BrowserSuiteOptions {
  /**
   * Server settings on top of the test defaults, e.g. a short export poll. The web app is
   * always the built one: that is what the browser tests are about.
   */
  readonly server?: Omit<Partial<AppConfig>, 'webDist'>;
}

/** A real server with the built web app and a Chromium, for the tests of one `describe`. */
export interface BrowserSuite {
  readonly app: TestApp;
  readonly browser: Browser;
  /** A German browser context signed in as `person` (their session cookie, as after a login). */
  readonly contextOf: (person: Person, options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A tab of such a context. */
  readonly pageOf: (person: Person, options?: BrowserContextOptions) => Promise<Page>;
  /** A German browser context with no session, for tests that register or sign in through the pages. */
  readonly newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  /** A tab of such a context. */
  readonly newPage: (options?: BrowserContextOptions) => Promise<Page>;
}

/**
 * Starts the server and Chromium before the current `describe`'s tests and closes both,
 * with every context opened through the suite, after them.
 */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let app: TestApp | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    app = await startTestApp({ ...options.server, webDist: WEB_DIST });
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
    contextOf: (person, contextOptions = {}) =>
      signedInContext(suite.browser, suite.app.origin, person.client.cookie, contexts, contextOptions),
    pageOf: async (person, contextOptions) => (await suite.contextOf(person, contextOptions)).newPage(),
    newContext: (contextOptions = {}) => germanContext(suite.browser, contexts, contextOptions),
    newPage: async (contextOptions) => (await suite.newContext(contextOptions)).newPage(),
  };
  return suite;
}
