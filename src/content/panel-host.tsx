/**
 * Mounts the panel over a site page: an open shadow root on a host element that is a
 * direct child of <html>, so the site's CSS cannot reach in and ours cannot leak out.
 * Loaded only when there is something to show.
 */
import { render } from 'preact';
import { Panel, type Problem } from '~/ui/panel/Panel.tsx';
import panelCss from '~/ui/panel/panel.css?inline';

const HOST_TAG = 'gateway-guard-panel';

export interface PanelRequest {
  problem: Problem;
  variant: 'overlay' | 'compact';
  count: number;
  onRetry?: () => void;
  onDismiss: () => void;
}

let mount: HTMLElement | null = null;
let host: HTMLElement | null = null;
let previousFocus: HTMLElement | null = null;

export function showPanel(request: PanelRequest): void {
  if (!mount || !host?.isConnected) createHost();
  if (!mount) return;
  const dismiss = () => {
    hidePanel();
    request.onDismiss();
  };
  render(
    <Panel
      problem={request.problem}
      url={location.href}
      variant={request.variant}
      count={request.count}
      onRetry={request.onRetry}
      onDismiss={dismiss}
    />,
    mount,
  );
}

export function hidePanel(): void {
  if (mount) render(null, mount);
  host?.remove();
  host = null;
  mount = null;
  previousFocus?.focus?.();
  previousFocus = null;
}

function createHost(): void {
  host = document.createElement(HOST_TAG);
  // Inline and important: a site rule like `html > * { display: none }` must not hide us.
  // The host itself takes no room; the panel inside is positioned against the viewport.
  const style = host.style;
  style.setProperty('all', 'initial', 'important');
  style.setProperty('display', 'block', 'important');
  style.setProperty('position', 'fixed', 'important');
  style.setProperty('top', '0', 'important');
  style.setProperty('left', '0', 'important');
  style.setProperty('width', '0', 'important');
  style.setProperty('height', '0', 'important');
  style.setProperty('z-index', '2147483647', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = document.createElement('style');
  sheet.textContent = panelCss;
  mount = document.createElement('div');
  shadow.append(sheet, mount);
  previousFocus = document.activeElement as HTMLElement | null;
  document.documentElement.append(host);
}
