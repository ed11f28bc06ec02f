/**
 * Screens that look finished: every screen (in-page panel, compact notice, recovery page,
 * popup, options, welcome and its demo) in all six languages, light and dark, narrow and
 * wide, with nothing wider than its box, past the window's edge or on top of its neighbour;
 * and the options page's "Your own sites" form laid out as a form.
 *
 * Chromium only: it takes the UI language from --lang (Firefox here has no other language
 * packs), and the pages are the same code in both. One browser per language; the theme is
 * switched on a drawn screen, so each screen opens once per language and width.
 */
import { describe, expect, it } from 'vitest';
import { browserNames } from './harness/browsers.ts';
import { useBrowser } from './harness/fixture.ts';
import {
  LAYOUT_PROBLEMS,
  type LayoutProblem,
  OPTIONS_FORM_PROBLEMS,
} from './harness/overflow-probe.ts';
import {
  LOCALES,
  OPEN_DETAILS,
  openScreen,
  SCREENS,
  type ScreenTabs,
  sizesOf,
  THEMES,
} from './harness/screens.ts';
import { pollFor } from './harness/test-page.ts';

const CASES = SCREENS.flatMap((screen) => sizesOf(screen).map((size) => ({ screen, size })));

describe.skipIf(!browserNames().includes('chromium')).each(LOCALES)(
  'screens in Chromium (%s)',
  (locale) => {
    const env = useBrowser('chromium', { locale });
    let tabs: ScreenTabs | undefined;
    const tabsNow = async (): Promise<ScreenTabs> => {
      tabs ??= {
        browser: env.browser,
        fake: env.fake,
        site: env.page,
        extension: await env.browser.newPage(),
      };
      return tabs;
    };

    // The check itself: a screen it passes must be one where it would have seen a fault.
    it.runIf(locale === 'en')('the check names an element wider than its box', async () => {
      const t = await tabsNow();
      const page = await openScreen(t, 'options', { width: 320, height: 640 });
      const problems = await page.evaluate<LayoutProblem[]>(`(() => {
        const p = document.createElement('p');
        p.className = 'probe-fault';
        p.style.cssText = 'width: 100px; white-space: nowrap';
        p.textContent = 'An unbreakable line far wider than its box, past the window too';
        document.querySelector('.op-section').append(p);
        try { return ${LAYOUT_PROBLEMS}; } finally { p.remove(); }
      })()`);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            element: expect.stringContaining('p.probe-fault'),
            problem: expect.stringMatching(/content in a 100 px box/),
          }),
          expect.objectContaining({ element: 'the page' }),
        ]),
      );
    });

    it.each(CASES)(
      '$screen at $size.width px: nothing overflows, light or dark',
      async ({ screen, size }) => {
        const t = await tabsNow();
        await t.site.setColorScheme('light');
        await t.extension.setColorScheme('light');
        const page = await openScreen(t, screen, size);
        const found: string[] = [];
        const check = async (theme: string, state = '') => {
          await page.setColorScheme(theme as 'light' | 'dark');
          const problems = await pollFor(`the ${screen} drawn`, 10_000, async () => {
            return (await page.evaluate<LayoutProblem[] | null>(LAYOUT_PROBLEMS)) ?? undefined;
          });
          const where = `${screen} · ${locale} · ${theme} · ${size.width} px${state}`;
          for (const p of problems) found.push(`${where}: ${p.element} ${p.problem}`);
        };
        for (const theme of THEMES) await check(theme);
        // What the screen folds away (Technical details) is laid out too, once unfolded.
        if ((await page.evaluate<number>(OPEN_DETAILS)) > 0) await check('dark', ' · details open');
        if (screen === 'options') {
          const form = await page.evaluate<string[]>(OPTIONS_FORM_PROBLEMS);
          for (const p of form) found.push(`options form · ${locale} · ${size.width} px: ${p}`);
        }
        expect(found, found.join('\n')).toEqual([]);
      },
    );
  },
);
