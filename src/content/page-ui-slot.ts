/**
 * Where the page UI file leaves what it offers when it runs, for the bootstrap to find: one
 * slot in this content-script world. Untyped here so the page UI file needs nothing of the
 * loader; `page-ui-loader.ts` gives it its type.
 */
const UI_KEY = '__gatewayGuardPageUi';
/** Called once the slot is filled: the bootstrap waiting for the file to run. */
const READY_KEY = '__gatewayGuardPageUiReady';
const world = globalThis as { [UI_KEY]?: unknown; [READY_KEY]?: () => void };

/** Called by the page UI file when it runs. The first one stays. */
export function fillPageUiSlot(ui: unknown): void {
  world[UI_KEY] ??= ui;
  world[READY_KEY]?.();
}

export function pageUiSlot(): unknown {
  return world[UI_KEY] ?? null;
}

/**
 * Resolves when the page UI file has run here: as it runs, not when the background's
 * answer that it was injected arrives (one more hop through the background).
 */
export function pageUiSlotFilled(): Promise<void> {
  return new Promise((resolve) => {
    if (pageUiSlot()) resolve();
    else world[READY_KEY] = resolve;
  });
}
