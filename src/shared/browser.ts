/**
 * The only module that imports webextension-polyfill. Chrome 148+ and Firefox expose a
 * promise-based `browser` natively, so dropping the polyfill later is a change here alone.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, WebRequest } from 'webextension-polyfill';
export { browser };
