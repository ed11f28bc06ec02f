/** Set at build time: which browser this bundle is for. */
declare const __TARGET__: 'chrome' | 'firefox';

/** Set at build time: true only in the end-to-end test build, whose timers are shorter. */
declare const __TEST_BUILD__: boolean;

/** crxjs: the built file name of a content script, for scripting.registerContentScripts. */
declare module '*?script' {
  const fileName: string;
  export default fileName;
}
