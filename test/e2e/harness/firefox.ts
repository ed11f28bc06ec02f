import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import type { LaunchOptions, TestBrowser, TestPage } from './browsers.ts';
import { type ConnectProxy, startConnectProxy } from './connect-proxy.ts';
import { browserVersion, requireBrowser } from './executables.ts';
import { gateOnBackground } from './extension-page.ts';
import { FAKE_HOSTS } from './fake-sites.ts';
import { clickPoint } from './panel-probe.ts';
import { makeTestPage, settleAfterFailedNavigation, withTimeout } from './test-page.ts';

/** The extension's Firefox id (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'gateway-guard@gateway-guard.app';
/** Pinned through `extensions.webextensions.uuids` so the moz-extension origin is known. */
export const FIREFOX_EXTENSION_UUID = '6f1d3c52-8a4b-4e0f-9c2d-7b5e1a9f3d40';

const NAV_TIMEOUT_MS = 20_000;

/** Prefs that keep Firefox off the network; everything left goes through our proxy. */
const QUIET_PREFS: Record<string, unknown> = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.update.auto': false,
  'app.update.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.geoip.url': '',
  'browser.topsites.contile.enabled': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'dom.push.connection.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.discovery.api_url': 'data:,',
  'extensions.systemAddon.update.enabled': false,
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': 'data:,',
  'toolkit.telemetry.unified': false,
};

function prefs(proxyPort: number): Record<string, unknown> {
  return {
    ...QUIET_PREFS,
    // Firefox cannot map host names, so all traffic goes to the CONNECT proxy, which
    // tunnels it to the fake sites (and refuses everything that is not https).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    // MV3 host permissions (and content-script matches) are user-revocable in Firefox and
    // only granted at install when this is true. It defaults to true on Firefox 140 ESR;
    // pinned so the suite does not depend on the build's default.
    'extensions.originControls.grantByDefault': true,
    // The test profile grants optional permissions (a custom site's origin) without the
    // prompt a user would answer.
    'extensions.webextOptionalPermissionPrompts': false,
  };
}

/** puppeteer-core's BiDi frame exposes its browsing context; typed here for raw navigate. */
interface BidiFrame {
  browsingContext: {
    navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void>;
  };
}

/**
 * Firefox's WebDriver BiDi deliberately reports no events for extension documents (bug
 * 1755014), so Puppeteer never sees a tab reach a moz-extension:// page: page.goto() hangs
 * there and page.url() keeps the previous URL. Commands still work, so navigation uses the
 * raw BiDi navigate (which waits for the load itself) and the URL is read from the page:
 * `document.documentURI`, which is also what Puppeteer reports for error pages
 * (about:neterror?…, where location.href would still say the failed https URL).
 */
function wrapPage(page: Page): TestPage {
  let documentUri = page.url();
  let driverUrl = documentUri;
  let navigations = 0;
  let navigationError: string | null = null;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  const evaluate = (expression: string) => page.evaluate(expression);
  const readUri = async () => {
    const uri = await withTimeout(evaluate('document.documentURI'), 1_000, 'documentURI');
    documentUri = String(uri);
    return documentUri;
  };
  // Keeps url() current between actions, e.g. after the extension redirects the tab.
  let polling = false;
  const poller = setInterval(() => {
    if (page.isClosed() || !page.browser().connected) {
      clearInterval(poller);
      return;
    }
    if (polling) return;
    polling = true;
    readUri()
      .catch(() => {})
      .finally(() => {
        polling = false;
      });
  }, 150);
  poller.unref();

  return makeTestPage({
    async goto(url) {
      const frame = page.mainFrame() as unknown as BidiFrame;
      const before = navigations;
      const documentBefore = await readUri().catch(() => documentUri);
      let failed = false;
      navigationError = null;
      // Network errors (NS_ERROR_*) and navigations the extension redirects reject here;
      // they are the subject of the tests. Only a hang is a harness failure.
      const settled = frame.browsingContext.navigate(url, 'complete').catch((error: unknown) => {
        failed = true;
        navigationError = String(error).split('\n')[0] ?? String(error);
      });
      await withTimeout(settled, NAV_TIMEOUT_MS, `Firefox: navigation to ${url}`);
      if (failed) {
        await settleAfterFailedNavigation(evaluate, documentBefore, () => navigations > before);
      }
      await readUri().catch(() => {});
    },
    lastNavigationError: () => navigationError,
    url() {
      // A navigation Puppeteer did see is newer than the last polled document URI.
      const seen = page.url();
      if (seen !== driverUrl) {
        driverUrl = seen;
        documentUri = seen;
      }
      return documentUri;
    },
    freshUrl: () => readUri().catch(() => page.url()),
    async clickElement(expression) {
      const point = await evaluate(clickPoint(expression));
      if (point === null) return false;
      const { x, y, problem } = point as { x: number; y: number; problem?: string };
      if (problem) throw new Error(`the element ${problem}`);
      // Real input through WebDriver BiDi (input.performActions): a trusted click. Not
      // ElementHandle.click (see clickPoint), and not the ARIA selector either: it uses BiDi
      // locateNodes, which finds nothing in extension pages.
      await page.mouse.click(x, y);
      return true;
    },
    press: (key) => page.keyboard.press(key as KeyInput),
    type: (text) => page.keyboard.type(text),
    evaluate: <T>(fn: string | (() => T)) => page.evaluate(fn) as Promise<T>,
    async screenshot(path, options) {
      await page.screenshot({
        path: path as `${string}.png`,
        fullPage: options?.fullPage ?? false,
      });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    setColorScheme: (value) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value }]),
    waitForClose: () => new Promise<void>((resolve) => page.once('close', () => resolve())),
    async close() {
      clearInterval(poller);
      await page.close();
    },
  });
}

export async function launchFirefox({
  extensionDir,
  fakePort,
  headless = true,
  locale,
  firefoxPrefs = {},
}: LaunchOptions): Promise<TestBrowser> {
  const executablePath = requireBrowser('firefox');
  const proxy: ConnectProxy = await startConnectProxy(fakePort, FAKE_HOSTS);
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        ...prefs(proxy.port),
        ...(locale ? { 'intl.locale.requested': locale } : {}),
        ...firefoxPrefs,
      },
      env: {
        ...process.env,
        // Release builds ignore the services.settings.server override (so Remote Settings
        // would keep trying the real server) unless this is set.
        MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
        // Firefox 153's WebDriver BiDi refuses to navigate to moz-extension:// pages ("not
        // allowed in this context") unless the remote agent has system access; ESR 140
        // allowed it by default. Set on every version so the suite does not depend on it.
        MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1',
      },
    });
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) {
      throw new Error(`Firefox installed the extension as ${id}; its gecko id must be ${GECKO_ID}`);
    }
    const driver = browser;
    const extensionBase = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    const openPage = async () => wrapPage(await driver.newPage());
    const version = browserVersion('firefox');
    return {
      name: 'firefox',
      version,
      extensionBase,
      ...gateOnBackground(version, extensionBase, openPage),
      openPages: async () => (await driver.pages()).map(wrapPage),
      restartBackground() {
        return Promise.reject(new Error('Firefox cannot stop an extension background on request'));
      },
      // The profile grants the extension's own requests (extensions.webextOptionalPermissionPrompts).
      allowSiteAccess: async () => undefined,
      async close() {
        await driver.close();
        await proxy.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await proxy.close();
    throw error;
  }
}
