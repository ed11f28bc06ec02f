import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '~/background/incident.ts';
import type { PopupTab } from '~/shared/ui-messages.ts';
import { TabCard } from './TabCard.tsx';

let mount: HTMLElement;
afterEach(() => {
  act(() => render(null, mount));
  mount.remove();
});

const incident: Incident = {
  siteId: 'chatgpt',
  url: 'https://chatgpt.com/c/1',
  surface: 'page',
  failure: { kind: 'http', status: 502 },
  refusal: null,
  count: 1,
  firstAt: Date.now() - 60_000,
  lastAt: Date.now(),
  retries: 3,
  fixes: [],
};

function card(watched: boolean) {
  const tab = {
    tabId: 7,
    siteId: 'chatgpt',
    siteName: 'ChatGPT',
    url: 'https://chatgpt.com/c/1',
    enabled: true,
    incident,
    statusPage: null,
    onRecoveryPage: false,
    watched,
  } as PopupTab;
  mount = document.createElement('div');
  document.body.append(mount);
  act(() => render(<TabCard tab={tab} now={Date.now()} onChanged={() => undefined} />, mount));
  return mount.textContent ?? '';
}

describe('TabCard: automatic recovery', () => {
  it('says the site is being watched while it is checked', () => {
    expect(card(true)).toContain('Being watched: Gateway Guard checks ChatGPT until it answers.');
  });

  it('says nothing of it when it is not (stopped, turned off)', () => {
    expect(card(false)).not.toContain('Being watched');
  });
});
