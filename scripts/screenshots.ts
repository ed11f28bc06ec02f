/**
 * `npm run screenshots`: every screen of the real extension (the test build: the store
 * build's code with shorter waits) in Chromium on the local fake sites, in all six
 * languages, light and dark, narrow and wide, into screenshots/<language>/; and the store
 * listing's 1280 × 800 shots into store/screenshots/<language>/. To look at, not to commit:
 * both folders are ignored by git. The screens test (test/e2e/screens.e2e.test.ts) checks
 * the same screens for overflow.
 *
 * Options: `--locale de,ja` only some languages; `--no-build` uses dist-test as it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/e2e/harness/chromium.ts';
import { extensionDirFor } from '../test/e2e/harness/extension-dir.ts';
import { startFakeSites } from '../test/e2e/harness/fake-sites.ts';
import { waitForAnimations } from '../test/e2e/harness/fixture.ts';
import {
  LOCALES,
  openScreen,
  SCREENS,
  type Screen,
  type ScreenTabs,
  type Size,
  sizesOf,
  THEMES,
} from '../test/e2e/harness/screens.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { locale: { type: 'string' }, 'no-build': { type: 'boolean' } },
});
const locales = values.locale
  ? values.locale.split(',').map((l) => l.trim())
  : ([...LOCALES] as string[]);
const unknown = locales.filter((l) => !(LOCALES as readonly string[]).includes(l));
if (unknown.length > 0) throw new Error(`--locale: not a shipped language: ${unknown.join(', ')}`);

/** The store's shots: the screens a listing shows, in the order it shows them, light theme. */
const STORE: readonly Screen[] = ['panel', 'compact', 'recovery', 'welcome-demo', 'options'];
const STORE_SIZE: Size = { width: 1280, height: 800 };
/** Pages taller than the window are saved whole; the panels are saved as the window shows them. */
const WHOLE_PAGE: ReadonlySet<Screen> = new Set(['options', 'welcome']);

if (!values['no-build'] || !existsSync(extensionDirFor('chromium'))) {
  execFileSync('npx', ['vite', 'build', '--mode', 'test-chrome'], { cwd: root, stdio: 'inherit' });
}

// Without a Japanese and Chinese font the browser draws empty boxes: the layout is still
// measured, but the pictures say little about those languages.
const cjkFonts = (() => {
  try {
    return execFileSync('fc-list', [':lang=ja'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
})();
if (!cjkFonts && locales.some((l) => l === 'ja' || l.startsWith('zh'))) {
  console.warn('No Japanese/Chinese font here (fonts-noto-cjk): ja and zh-CN show boxes.');
}

const shots = resolve(root, 'screenshots');
const storeShots = resolve(root, 'store/screenshots');
let count = 0;
const started = Date.now();

for (const locale of locales) {
  // The store names its languages with an underscore, like _locales/ (zh_CN).
  const folder = locale.replace('-', '_');
  for (const dir of [resolve(shots, folder), resolve(storeShots, folder)]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const fake = await startFakeSites();
  const browser = await launchChromium({
    extensionDir: extensionDirFor('chromium'),
    fakePort: fake.port,
    locale,
  });
  try {
    await browser.waitForBackground();
    const tabs: ScreenTabs = {
      browser,
      fake,
      site: await browser.newPage(),
      extension: await browser.newPage(),
    };
    for (const screen of SCREENS) {
      for (const size of sizesOf(screen)) {
        for (const tab of [tabs.site, tabs.extension]) await tab.setColorScheme('light');
        const page = await openScreen(tabs, screen, size);
        for (const theme of THEMES) {
          await page.setColorScheme(theme);
          await waitForAnimations(page);
          const file = resolve(shots, folder, `${screen}-${size.width}-${theme}.png`);
          await page.screenshot(file, { fullPage: WHOLE_PAGE.has(screen) });
          count++;
          const forStore =
            theme === 'light' &&
            STORE.includes(screen) &&
            size.width === STORE_SIZE.width &&
            size.height === STORE_SIZE.height;
          if (forStore) {
            const n = STORE.indexOf(screen) + 1;
            await page.screenshot(resolve(storeShots, folder, `${n}-${screen}.png`));
            count++;
          }
        }
      }
    }
    console.log(`${locale}: done`);
  } finally {
    await browser.close().catch(() => undefined);
    await fake.close();
  }
}
console.log(
  `${count} screenshots in ${Math.round((Date.now() - started) / 1000)} s: ${shots} and ${storeShots}`,
);
