import { browser } from '~/shared/browser.ts';
import { t } from '~/shared/i18n.ts';

/** Title and language of one of the extension's pages, in the browser's language. */
export function startPage(title: string): HTMLElement | null {
  document.title = title === t('extName') ? title : `${title} · ${t('extName')}`;
  try {
    document.documentElement.lang = browser.i18n.getUILanguage() || 'en';
  } catch {
    // Keep the page's own lang.
  }
  return document.getElementById('app');
}
