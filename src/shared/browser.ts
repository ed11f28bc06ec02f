/**
 * The extension APIs, promise-based: the `browser` namespace Firefox has always had and
 * Chrome has from version 148 (the manifest's minimum), listeners that answer with a
 * promise included. This is the only module that names it, so the rest of the code (and
 * the in-memory fake browser of the unit tests) never depends on where it comes from.
 *
 * webextension-polyfill is a no-op where that namespace exists and is no longer maintained:
 * only its types are used (generated from Firefox's schemas, so Chrome-only fields are
 * missing), and its 3 KB gzipped stay out of every page.
 */
import type { Browser } from 'webextension-polyfill';

export type { Runtime, Tabs, WebRequest } from 'webextension-polyfill';
export const browser = (globalThis as unknown as { browser: Browser }).browser;
