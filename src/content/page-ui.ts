/**
 * The page UI: everything a covered page loads only when it has something to show (the
 * panel and its fixes, draft rescue and its offer). Built as one self-contained file that
 * the background injects on request (see `page-ui-loader.ts`).
 */
import { readTabMessage } from '~/shared/protocol/tab-messages.ts';
import { startRescue } from './draft-rescue.ts';
import { pageFixes } from './fixes.ts';
import { fillPageUiSlot } from './page-ui-slot.ts';
import { hidePanel, showPanel } from './panel-host.tsx';

export const pageUi = { showPanel, hidePanel, pageFixes, startRescue, readTabMessage };
fillPageUiSlot(pageUi);
