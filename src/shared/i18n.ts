import type en from '../../public/_locales/en/messages.json';
import { browser } from './browser.ts';

/** Every key of the English catalogue: a typo in a key fails the typecheck. */
export type MessageKey = keyof typeof en;

/** A user-visible string in the browser's language (English when a translation is missing). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
