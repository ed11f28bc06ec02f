/**
 * Mounts the panel over a site page: an open shadow root on a host element that is a
 * direct child of <html>, so the site's CSS cannot reach in and ours cannot leak out.
 * Loaded only when there is something to show.
 */
import { render } from 'preact';
import checksCss from '~/ui/panel/network-checks.css?inline';
import { Panel, type PanelFixes, type Problem } from '~/ui/panel/Panel.tsx';
import panelCss from '~/ui/panel/panel.css?inline';
import { findComposer } from './composer.ts';
import { NOTICE_MARGIN, placeNotice } from './notice-place.ts';

const HOST_TAG = 'gateway-guard-panel';

export interface PanelRequest {
  episode: number;
  problem: Problem;
  variant: 'overlay' | 'compact';
  count: number;
  fixes?: PanelFixes;
  /** The site's composer selectors: the compact notice keeps clear of it. */
  composer?: readonly string[];
  onDismiss: () => void;
}

let mount: HTMLElement | null = null;
let host: HTMLElement | null = null;
let previousFocus: HTMLElement | null = null;

/** A page that removes the panel's host gets it back, as it was: the user still needs it. */
const keepAttached = new MutationObserver(() => {
  if (host && mount && !host.isConnected) document.documentElement.append(host);
});

export function showPanel(request: PanelRequest): void {
  if (!mount || !host?.isConnected) createHost();
  if (!mount || !host) return;
  placeHost(host, request.variant, request.composer ?? []);
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
  keepAttached.disconnect();
  window.removeEventListener('resize', replace);
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
  keepAttached.observe(document.documentElement, { childList: true });
}

let replace = () => {};

/**
 * Inline and important, so a site rule like `html > * { display: none }` cannot hide us.
 * The overlay covers the viewport; the compact notice takes only a corner clear of the
 * composer, so the conversation stays readable and the composer usable.
 */
function placeHost(
  element: HTMLElement,
  variant: PanelRequest['variant'],
  composer: readonly string[],
): void {
  window.removeEventListener('resize', replace);
  if (variant === 'overlay') {
    setRules(element, { top: '0', left: '0', right: '0', bottom: '0' });
    return;
  }
  replace = () => {
    // The form holds the send button too; a composer without one is measured alone.
    const field = findComposer(composer);
    const box = (field?.closest('form') ?? field)?.getBoundingClientRect() ?? null;
    const place = placeNotice(innerWidth, innerHeight, box);
    setRules(element, {
      top: place.corner === 'top' ? '0' : 'auto',
      left: 'auto',
      right: '0',
      bottom: place.corner === 'bottom' ? '0' : 'auto',
      '--gg-room': `${place.room}px`,
      '--gg-margin': `${NOTICE_MARGIN}px`,
    });
  };
  replace();
  window.addEventListener('resize', replace, { passive: true });
}

function setRules(element: HTMLElement, placement: Record<string, string>): void {
  const rules: Record<string, string> = {
    all: 'initial',
    display: 'block',
    position: 'fixed',
    'z-index': '2147483647',
    ...placement,
  };
  element.removeAttribute('style');
  for (const [name, value] of Object.entries(rules)) {
    element.style.setProperty(name, value, 'important');
  }
}
