/**
 * Mounts the "Restore your draft?" notice: an open shadow root on a host element that is a
 * direct child of <html> (like the panel's), in the bottom-left corner so it never covers
 * the compact failure notice in the bottom-right. Loaded only when there is a draft to offer.
 */
import { render } from 'preact';
import { fromUser } from '~/shared/protocol/senders.ts';
import { DraftOffer, type DraftOfferProps } from '~/ui/panel/DraftOffer.tsx';
import panelCss from '~/ui/panel/panel.css?inline';

const HOST_TAG = 'gateway-guard-draft';
/** The panel's compact notice sits bottom-right; this one mirrors it on the left. */
const OWN_CSS = '.gg-draft { margin: 0 0 16px 16px; }';

let host: HTMLElement | null = null;
let mount: HTMLElement | null = null;

export function showDraftOffer(props: DraftOfferProps): void {
  if (!mount || !host?.isConnected) createHost();
  if (!mount) return;
  // Only the user's own click or key: a page's script can click our buttons too, and must
  // not replace what is in the composer or make the offer go away.
  const close = (then: () => void) => (event?: Event) => {
    if (event && !fromUser(event)) return;
    hideDraftOffer();
    then();
  };
  render(
    <DraftOffer
      text={props.text}
      onRestore={close(props.onRestore)}
      onDismiss={close(props.onDismiss)}
    />,
    mount,
  );
}

export function hideDraftOffer(): void {
  if (mount) render(null, mount);
  host?.remove();
  host = null;
  mount = null;
}

function createHost(): void {
  host?.remove();
  host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = document.createElement('style');
  sheet.textContent = `${panelCss}\n${OWN_CSS}`;
  mount = document.createElement('div');
  shadow.append(sheet, mount);
  // Inline and important, so the site's own rules cannot move or hide it.
  const rules: Record<string, string> = {
    all: 'initial',
    display: 'block',
    position: 'fixed',
    'z-index': '2147483647',
    left: '0',
    bottom: '0',
  };
  for (const [name, value] of Object.entries(rules)) {
    host.style.setProperty(name, value, 'important');
  }
  document.documentElement.append(host);
}
