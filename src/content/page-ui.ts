/**
 * The page UI: everything a covered page loads only when it has something to show (the
 * panel and its fixes, draft rescue and its offer). Built as one self-contained file that
 * the background injects on request (see `page-ui-loader.ts`).
 */
import { startRescue } from './draft-rescue.ts';
import { pageFixes } from './fixes.ts';
import { registerPageUi } from './page-ui-loader.ts';
import { hidePanel, showPanel } from './panel-host.tsx';

export interface PageUi {
  showPanel: typeof showPanel;
  hidePanel: typeof hidePanel;
  pageFixes: typeof pageFixes;
  startRescue: typeof startRescue;
}

export const pageUi: PageUi = { showPanel, hidePanel, pageFixes, startRescue };
registerPageUi(pageUi);
