/**
 * Mounts the panel over a site page: an open shadow root on a host element that is a
 * direct child of <html>, so the site's CSS cannot reach in and ours cannot leak out.
 * Loaded only when there is something to show.
 */
import { render } from 'preact';
import checksCss from '~/ui/panel/network-checks.css?inline';
import { Panel, type PanelFixes, type Problem } from '~/ui/panel/Panel.tsx';
import panelCss from '~/ui/panel/panel.css?inline';

const HOST_TAG = 'gateway-guard-panel';

export interface PanelRequest {
  episode: number;
  problem: Problem;
  variant: 'overlay' | 'compact';
  count: number;
  fixes?: PanelFixes;
  onDismiss: () => void;
}

let mount: HTMLElement | null = null;
let host: HTMLElement | null = null;
let previousFocus: HTMLElement | null = null;

export function showPanel(request: PanelRequest): void {
  if (!mount || !host?.isConnected) createHost();
  if (!mount || !host) return;
  placeHost(host, request.variant);
  const dismiss = () => {
    hidePanel();
    request.onDismiss();
  };
  render(
    <Panel
      key={request.episode}
      problem={request.problem}
      url={location.href}
      variant={request.variant}
      count={request.count}
      fixes={request.fixes}
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
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = document.createElement('style');
  sheet.textContent = panelCss + checksCss;
  mount = document.createElement('div');
  shadow.append(sheet, mount);
  previousFocus = document.activeElement as HTMLElement | null;
  document.documentElement.append(host);
}

/**
 * Inline and important, so a site rule like `html > * { display: none }` cannot hide us.
 * The overlay covers the viewport; the compact notice takes only its corner, so the
 * conversation around it stays readable and clickable.
 */
function placeHost(element: HTMLElement, variant: PanelRequest['variant']): void {
  const overlay = variant === 'overlay';
  const rules: Record<string, string> = {
    all: 'initial',
    display: 'block',
    position: 'fixed',
    'z-index': '2147483647',
    top: overlay ? '0' : 'auto',
    left: overlay ? '0' : 'auto',
    right: '0',
    bottom: '0',
  };
  element.removeAttribute('style');
  for (const [name, value] of Object.entries(rules)) {
    element.style.setProperty(name, value, 'important');
  }
}
