/**
 * Mounts the panel over a failing site page: an open shadow root on a host element that is
 * a direct child of <html>, so the site's CSS cannot reach in and ours cannot leak out.
 */
import { render } from 'preact';
import type { Failure } from '~/shared/failure.ts';
import { Panel } from '~/ui/panel/Panel.tsx';
import panelCss from '~/ui/panel/panel.css?inline';

const HOST_TAG = 'gateway-guard-panel';

export function showPanel(failure: Failure, url: string): void {
  document.querySelector(HOST_TAG)?.remove();
  const host = document.createElement(HOST_TAG);
  // Inline and important: a site rule like `html > * { display: none }` must not hide us.
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', 'block', 'important');
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('inset', '0', 'important');
  host.style.setProperty('z-index', '2147483647', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = panelCss;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  document.documentElement.append(host);

  const previousFocus = document.activeElement as HTMLElement | null;
  const close = () => {
    render(null, mount);
    host.remove();
    previousFocus?.focus?.();
  };
  render(
    <Panel
      failure={failure}
      url={url}
      onRetry={() => location.reload()}
      onDismiss={close}
      overlay
    />,
    mount,
  );
}
