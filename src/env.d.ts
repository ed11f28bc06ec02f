/** Set at build time: which browser this bundle is for. */
declare const __TARGET__: 'chrome' | 'firefox';

/** Set at build time: true only in the end-to-end test build, whose timers are shorter. */
declare const __TEST_BUILD__: boolean;

/** crxjs: the built file name of a content script, for scripting.registerContentScripts. */
declare module '*?script' {
  const fileName: string;
  export default fileName;
}

/**
 * Set at build time: true in the content script's self-contained bootstrap, which has the
 * background inject the page UI file; false elsewhere (unit tests import it directly).
 */
declare const __SPLIT_PAGE_UI__: boolean;
