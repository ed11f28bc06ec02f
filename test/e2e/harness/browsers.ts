import { launchChromium } from './chromium.ts';
import type { BrowserName } from './executables.ts';
import { launchFirefox } from './firefox.ts';

export { launchChromium } from './chromium.ts';
export type { BrowserName } from './executables.ts';
export { hasHostPermissions, PING_PAGE } from './extension-page.ts';
export { launchFirefox } from './firefox.ts';

/** One browser with the extension loaded; the same surface over Playwright and Puppeteer. */
export interface TestBrowser {
  name: BrowserName;
  /** The exact build driven, e.g. "Chromium 156.0.8078.114" (for messages and the log). */
  version: string;
  /** 'chrome-extension://<id>' or 'moz-extension://<uuid>', no trailing slash. */
  extensionBase: string;
  newPage(): Promise<TestPage>;
  /** The tabs open now, in the browser's order (those the browser itself opened too). */
  openPages(): Promise<TestPage[]>;
  /** Resolves once the background answers ping with pong. Call before the first navigation. */
  waitForBackground(): Promise<void>;
  /**
   * Stops the background worker as the browser does when it idles, then wakes it again
   * with a ping. Chromium only: Firefox offers automation no way to stop an event page on
   * request (restarts.e2e.test.ts lowers its idle timeout and waits for Firefox instead).
   */
  restartBackground(): Promise<void>;
  /**
   * Lets the extension reach `origin` as a user can before adding it as their own site:
   * Chromium's extensions page, "Site access", on a specific site. The extension's own
   * request for it then succeeds without a prompt, which automation cannot answer.
   * Firefox's test profile grants such requests itself, so there it does nothing.
   */
  allowSiteAccess(origin: string): Promise<void>;
  close(): Promise<void>;
}

export interface TestPage {
  /**
   * Navigates and waits for load. Never throws for HTTP errors, browser error pages or a
   * navigation the extension redirects; only a navigation timeout is an error.
   */
  goto(url: string): Promise<void>;
  /** Why the last goto's navigation was refused or failed, as the browser said it; else null. */
  lastNavigationError(): string | null;
  url(): string;
  waitForUrl(pred: (u: string) => boolean, timeoutMs?: number): Promise<string>;
  panel(): Promise<PanelSnapshot | null>;
  waitForPanel(timeoutMs?: number): Promise<PanelSnapshot>;
  waitForNoPanel(timeoutMs?: number): Promise<void>;
  /** A real (trusted) mouse click on the visible button with this exact accessible name. */
  clickButton(name: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Real key presses for each character of `text`, into whatever has focus. */
  type(text: string): Promise<void>;
  evaluate<T>(fn: string | (() => T)): Promise<T>;
  /** A PNG of the viewport, or of the whole page with `fullPage`. */
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Resizes the page's viewport (CSS pixels), e.g. to the toolbar popup's size. */
  setViewport(width: number, height: number): Promise<void>;
  /** Emulates the system's light or dark theme (prefers-color-scheme) for this page. */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Resolves when the user closes the page (or the whole browser). */
  waitForClose(): Promise<void>;
  close(): Promise<void>;
}

export interface PanelSnapshot {
  /** Accessible name of the [role=dialog]: aria-labelledby text, else aria-label. */
  name: string;
  /** The dialog's visible text, whitespace collapsed. */
  text: string;
  /** Visible button names, in document order. */
  buttons: string[];
  inShadowRoot: boolean;
  hostIsChildOfHtml: boolean;
}

export interface LaunchOptions {
  /** The unpacked extension to load (for Firefox: one with background.scripts + gecko id). */
  extensionDir: string;
  /** Port of the fake HTTPS sites (startFakeSites().port). */
  fakePort: number;
  /** Default true; `npm start` shows a window when there is a display. */
  headless?: boolean;
  /** The browser's UI language ("de", "zh-CN"), which the extension's words follow. */
  locale?: string;
  /**
   * Chromium only: also serve the DevTools protocol on this local port (the bench reads
   * pages' main-thread time and the service worker's CPU time and heap through it).
   */
  debuggingPort?: number;
  /**
   * Chromium only: the profile to start with and keep (a directory the caller made and
   * removes), so a second launch with the same one is the same user's browser restarted.
   * Absent: a throwaway profile.
   */
  userDataDir?: string;
  /**
   * Chromium only: reopen the tabs the profile had open when it last closed, as Chromium
   * does when it restarts itself or the user chose "Continue where you left off".
   */
  restoreLastSession?: boolean;
  /** Firefox only: prefs on top of the harness's own (a test's browser behaviour). */
  firefoxPrefs?: Record<string, unknown>;
}

export function launchBrowser(name: BrowserName, opts: LaunchOptions): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}

/** Browsers to test: both, or the comma-separated list in E2E_BROWSERS. */
export function browserNames(): BrowserName[] {
  const wanted = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',').map((s) => s.trim());
  const known: BrowserName[] = ['chromium', 'firefox'];
  const unknown = wanted.filter((w) => w && !known.includes(w as BrowserName));
  if (unknown.length > 0) throw new Error(`E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')}`);
  return known.filter((k) => wanted.includes(k));
}

/** True for the browser's own error pages (chrome-error://, about:neterror and friends). */
export function isBrowserErrorPage(url: string): boolean {
  return /^(chrome-error:|about:(neterror|certerror|blocked))/.test(url);
}
