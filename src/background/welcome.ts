import { browser, type Runtime } from '~/shared/browser.ts';

export const WELCOME_PAGE = 'src/welcome/index.html';

/** A first install opens the welcome page once; updates and browser restarts do not. */
export function onInstalled(details: Runtime.OnInstalledDetailsType): void {
  if (details.reason !== 'install') return;
  void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).catch(() => undefined);
}
