/**
 * Requests from the extension's own pages (toolbar popup, options, welcome) to the
 * background. Declared here and merged into the one protocol in messages.ts; handled in
 * src/background/ui-handlers.ts. Only extension pages may send them.
 */
// biome-ignore lint/complexity/noBannedTypes: filled in as the popup and options grow
export type UiProtocol = {};
