/**
 * Loads the page UI (panel, fixes, draft rescue) into this page's content-script world when
 * there is something to show. In the built extension the background injects it as a file
 * (`scripting.executeScript`), so nothing needs to be web-accessible; in unit tests it is
 * imported directly. The state both parts read is in `page-state.ts`.
 */
import { sendToBackground } from '~/shared/protocol/messages.ts';
import type { readTabMessage } from '~/shared/protocol/tab-messages.ts';
import type { startRescue } from './draft-rescue.ts';
import type { pageFixes } from './fixes.ts';
import { pageUiSlot, pageUiSlotFilled } from './page-ui-slot.ts';
import type { hidePanel, showPanel } from './panel-host.tsx';

/** What the page UI file offers the bootstrap once it has run. */
export interface PageUi {
  showPanel: typeof showPanel;
  hidePanel: typeof hidePanel;
  pageFixes: typeof pageFixes;
  startRescue: typeof startRescue;
  /** Reads the background's messages for the bootstrap, which leaves out the schemas. */
  readTabMessage: typeof readTabMessage;
}

/** The page UI if it is already loaded here, without loading it. */
export const loadedPageUi = pageUiSlot as () => PageUi | null;

let loading: Promise<PageUi> | null = null;

export function loadPageUi(): Promise<PageUi> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<PageUi> {
  const ready = loadedPageUi();
  if (ready) return ready;
  if (!__SPLIT_PAGE_UI__) return (await import('./page-ui.ts')).pageUi;
  const injected = sendToBackground('loadPageUi', {}).then((reply) => {
    if (!reply?.ok) throw new Error('No page UI');
  });
  // The file fills the slot as it runs, a hop before the background's answer arrives.
  await Promise.race([pageUiSlotFilled(), injected]);
  const ui = loadedPageUi();
  if (!ui) throw new Error('No page UI');
  return ui;
}
