/**
 * Where the page UI file leaves what it offers when it runs, for the bootstrap to find: one
 * slot in this content-script world. Untyped here so the page UI file needs nothing of the
 * loader; `page-ui-loader.ts` gives it its type.
 */
const UI_KEY = '__gatewayGuardPageUi';
const world = globalThis as { [UI_KEY]?: unknown };

/** Called by the page UI file when it runs. The first one stays. */
export function fillPageUiSlot(ui: unknown): void {
  world[UI_KEY] ??= ui;
}

export function pageUiSlot(): unknown {
  return world[UI_KEY] ?? null;
}
