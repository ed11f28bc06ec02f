/**
 * Loads the page UI (panel, fixes, draft rescue) into this page's content-script world when
 * there is something to show. In the built extension the background injects it as a file
 * (`scripting.executeScript`), so nothing needs to be web-accessible; in unit tests it is
 * imported directly. The state both parts read (the page's draft rescue, the latest
 * incident) lives in one object of this world, not in either file's module scope.
 */
import type { Incident } from '~/background/incident.ts';
import { sendToBackground } from '~/shared/messages.ts';
import type { DraftRescue } from './drafts.ts';
import type { PageUi } from './page-ui.ts';

const UI_KEY = '__gatewayGuardPageUi';
const STATE_KEY = '__gatewayGuardPageState';

export interface PageState {
  rescue: DraftRescue | null;
  latest: Incident | null;
}

type World = { [UI_KEY]?: PageUi; [STATE_KEY]?: PageState };
const world = globalThis as World;

/** The state shared by the bootstrap and the page UI in this page. */
export function pageState(): PageState {
  world[STATE_KEY] ??= { rescue: null, latest: null };
  return world[STATE_KEY];
}

/** Called by the page UI file when it runs. The first one stays. */
export function registerPageUi(ui: PageUi): void {
  world[UI_KEY] ??= ui;
}

/** The page UI if it is already loaded here, without loading it. */
export function loadedPageUi(): PageUi | null {
  return world[UI_KEY] ?? null;
}

let loading: Promise<PageUi> | null = null;

export function loadPageUi(): Promise<PageUi> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<PageUi> {
  const ready = world[UI_KEY];
  if (ready) return ready;
  if (!__SPLIT_PAGE_UI__) return (await import('./page-ui.ts')).pageUi;
  const reply = await sendToBackground('loadPageUi', {});
  const ui = world[UI_KEY];
  if (!reply?.ok || !ui) throw new Error('The page UI could not be loaded');
  return ui;
}
