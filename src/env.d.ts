/** Set at build time: which browser this bundle is for. */
declare const __TARGET__: 'chrome' | 'firefox';

/** crxjs: the built file name of a content script, for scripting.registerContentScripts. */
declare module '*?script' {
  const fileName: string;
  export default fileName;
}
