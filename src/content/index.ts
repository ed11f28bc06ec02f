/**
 * The bootstrap that runs on every covered page. On a healthy page it reads one number and
 * sends one message; the panel's UI is only loaded when there is something to show.
 */
import { isOutageStatus } from '~/shared/http-status.ts';
import { sendToBackground } from '~/shared/messages.ts';
import { documentStatus, domReady, pageLooksEmpty } from './page.ts';

async function start(): Promise<void> {
  const own = documentStatus();
  let status = own;
  try {
    // The network layer may know the status when the page cannot read it itself.
    const reply = await sendToBackground('pageStarted', { status: own });
    status = own ?? reply.status;
  } catch {
    // Background unreachable (extension reloading): the page's own reading still counts.
  }
  if (!isOutageStatus(status)) return;
  await domReady();
  if (pageLooksEmpty()) {
    await sendToBackground('openRecovery', { status }).catch(() => undefined);
    return;
  }
  const { showPanel } = await import('./panel-host.tsx');
  showPanel({ kind: 'http', status }, location.href);
}

if (window === window.top) void start();
