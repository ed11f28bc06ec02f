/** Set at build time: which browser this bundle is for. */
declare const __TARGET__: 'chrome' | 'firefox';
