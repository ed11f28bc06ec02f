/**
 * One fixture per browser, used by every end-to-end file: a fake of the sites, the browser
 * with the test build of the extension, the background answering, and one site tab. Also
 * the signals tests wait on instead of the clock (see `src/shared/test-signals.ts`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  type BrowserName,
  launchBrowser,
  PING_PAGE,
  type TestBrowser,
  type TestPage,
} from './browsers.ts';
import { extensionDirFor } from './extension-dir.ts';
import { type FakeSites, startFakeSites } from './fake-sites.ts';
import { pollFor } from './test-page.ts';

export interface BrowserFixture {
  readonly name: BrowserName;
  readonly fake: FakeSites;
  readonly browser: TestBrowser;
  /** A tab for the sites, opened once the background answered. */
  readonly page: TestPage;
  /** Runs `expression` (may be a promise) in one of the extension's own pages. */
  inExtension<T>(expression: string): Promise<T>;
  /**
   * Chromium with `keepProfile` only: closes the browser as the user would and starts it
   * again on the same profile, with the tabs it had open (the fake sites stay up). The
   * fixture's `browser` and `page` are the new ones once it resolves.
   */
  restartBrowser(): Promise<void>;
}

export interface FixtureOptions {
  /** Another unpacked extension than the test build (the harness's own checks). */
  extensionDir?: () => Promise<string> | string;
  /** The browser's UI language ("de"); the browser's default when absent. */
  locale?: string;
  /**
   * Chromium only: a profile of its own (a temporary directory, removed after the block)
   * that `restartBrowser()` starts again; else a throwaway profile per launch.
   */
  keepProfile?: boolean;
  /** Firefox only: prefs for this block's browser (see LaunchOptions.firefoxPrefs). */
  firefoxPrefs?: Record<string, unknown>;
}

/**
 * Registers beforeAll/afterAll for one browser in the calling describe block; the returned
 * object's fields are there from the first test on.
 */
export function useBrowser(name: BrowserName, options: FixtureOptions = {}): BrowserFixture {
  let fake: FakeSites | undefined;
  let browser: TestBrowser | undefined;
  let page: TestPage | undefined;
  let profile: string | undefined;
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`${what} is not ready: the ${name} fixture did not start`);
    return value;
  };

  const launch = async (restoreLastSession: boolean) => {
    const sites = need(fake, 'the fake sites');
    const extensionDir = (await options.extensionDir?.()) ?? extensionDirFor(name);
    browser = await launchBrowser(name, {
      extensionDir,
      fakePort: sites.port,
      locale: options.locale,
      userDataDir: profile,
      restoreLastSession,
      firefoxPrefs: options.firefoxPrefs,
    });
    await browser.waitForBackground();
    page = await browser.newPage();
  };

  beforeAll(async () => {
    if (options.keepProfile) {
      if (name !== 'chromium') throw new Error('keepProfile: only Chromium restarts on a profile');
      profile = await mkdtemp(join(tmpdir(), 'gateway-guard-profile-'));
    }
    fake = await startFakeSites();
    await launch(false);
    console.log(`[e2e] ${need(browser, 'the browser').version}`);
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const fixture: BrowserFixture = {
    name,
    get fake() {
      return need(fake, 'the fake sites');
    },
    get browser() {
      return need(browser, 'the browser');
    },
    get page() {
      return need(page, 'the site tab');
    },
    async inExtension<T>(expression: string): Promise<T> {
      const extension = await fixture.browser.newPage();
      try {
        await extension.goto(`${fixture.browser.extensionBase}/${PING_PAGE}`);
        return await extension.evaluate<T>(expression);
      } finally {
        await extension.close();
      }
    },
    async restartBrowser() {
      if (!profile) throw new Error('restartBrowser needs a fixture with keepProfile');
      const closing = browser;
      browser = undefined;
      page = undefined;
      await closing?.close();
      await launch(true);
    },
  };
  return fixture;
}

/**
 * What the test build's content script says it made of the page it runs on: `watching` (a
 * healthy page, draft rescue and the notice watcher listening), `failing` (an error page it
 * handled), `off` (not a covered site, or turned off). Waits until it says one of `states`.
 */
export function waitForContentScript(
  page: TestPage,
  states: Array<'watching' | 'failing' | 'off'> = ['watching'],
  timeoutMs = 10_000,
): Promise<string> {
  return pollFor(
    `the content script on ${page.url()} to say ${states.join(' or ')}`,
    timeoutMs,
    async () => {
      const state = await page.evaluate<string | null>(
        `document.documentElement.getAttribute('data-gg-test-content')`,
      );
      return state && states.includes(state as 'watching') ? state : undefined;
    },
  );
}

/** One decision the test build's background wrote down about a page load. */
export interface LoadDecision {
  url: string;
  decision: string;
  at: number;
}

export const DECISIONS = `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  return (await api.storage.session.get('testDecisions')).testDecisions ?? [];
})()`;

/**
 * Waits until the test build's background has decided about a load of `url` (it writes
 * each decision to session storage), and returns that decision: the positive sign that the
 * extension has looked, before a test asserts that something did not happen.
 */
export async function waitForLoadDecision(
  fixture: BrowserFixture,
  url: string,
  since: number,
  timeoutMs = 10_000,
): Promise<LoadDecision> {
  const extension = await fixture.browser.newPage();
  try {
    await extension.goto(`${fixture.browser.extensionBase}/${PING_PAGE}`);
    return await pollFor(`the background's decision on ${url}`, timeoutMs, async () => {
      const all = await extension.evaluate<LoadDecision[]>(DECISIONS);
      return all.find((d) => d.url === url && d.at >= since);
    });
  } finally {
    await extension.close();
  }
}

/** Resolves once every CSS animation and transition in the page (shadow roots too) is done. */
export async function waitForAnimations(page: TestPage): Promise<void> {
  await page.evaluate(`(async () => {
    const roots = [document, ...[...document.querySelectorAll('*')].flatMap((el) => el.shadowRoot ? [el.shadowRoot] : [])];
    await Promise.all(roots.flatMap((root) => root.getAnimations()).map((a) => a.finished.catch(() => undefined)));
  })()`);
}

/** Resolves after the page has rendered one more frame (a panel's re-render is in it). */
export async function nextFrame(page: TestPage): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))');
}

/**
 * Real key presses into `selector` (focused with the caret at the end, as a click would
 * leave it), once the content script is listening; when `saved` is true, waits until the
 * draft store holds the text (past the save delay).
 */
export async function typeInto(
  fixture: BrowserFixture,
  selector: string,
  text: string,
  { saved = true } = {},
): Promise<void> {
  const { page } = fixture;
  await waitForContentScript(page, ['watching']);
  await page.evaluate(`(() => {
    const field = document.querySelector(${JSON.stringify(selector)});
    field.focus();
    if (field.isContentEditable) getSelection().selectAllChildren(field);
    if (field.isContentEditable) getSelection().collapseToEnd();
  })()`);
  await page.type(text);
  if (saved) await waitForStoredDraft(fixture, new URL(page.url()).pathname, text);
}

/**
 * Waits until the extension's local storage holds `text` as the draft of the page at
 * `path` (a draft is stored under a key naming its page; another page's draft with the
 * same words does not count).
 */
export async function waitForStoredDraft(
  fixture: BrowserFixture,
  path: string,
  text: string,
): Promise<void> {
  const extension = await fixture.browser.newPage();
  try {
    await extension.goto(`${fixture.browser.extensionBase}/${PING_PAGE}`);
    await pollFor(`a saved draft of ${path} holding "${text}"`, 10_000, async () => {
      const stored = await extension.evaluate<Record<string, unknown>>(
        '(globalThis.browser ?? globalThis.chrome).storage.local.get(null)',
      );
      const found = Object.entries(stored).some(
        ([key, value]) =>
          key.includes(path) && JSON.stringify(value).includes(JSON.stringify(text).slice(1, -1)),
      );
      return found ? true : undefined;
    });
  } finally {
    await extension.close();
  }
}
