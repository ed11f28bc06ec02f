/**
 * The content script's two files, built self-contained (see vite.config.ts): the bootstrap
 * every covered page runs, and the page UI (panel, fixes, draft rescue) the background
 * injects into a page that needs it. Neither is web-accessible, so no site can probe for
 * the extension by fetching its files.
 */
export const CONTENT_SCRIPT_FILE = 'assets/gateway-guard-content.js';
export const PAGE_UI_FILE = 'assets/gateway-guard-page-ui.js';
