import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '~/shared/incident.ts';
import type { PopupTab } from '~/shared/protocol/ui-messages.ts';
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

function card(watched: boolean, changes: Partial<PopupTab> = {}) {
  const tab = {
    tabId: 7,
    siteId: 'chatgpt',
    siteName: 'ChatGPT',
    hosts: ['chatgpt.com', 'chat.openai.com'],
    url: 'https://chatgpt.com/c/1',
    enabled: true,
    incident,
    statusPage: null,
    statusSource: { kind: 'none', closest: null },
    cookieScope: { by: 'domain', domains: ['chatgpt.com'], wider: false },
    onRecoveryPage: false,
    watched,
    ...changes,
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

describe('TabCard: quick fixes', () => {
  const names = () => [...mount.querySelectorAll('button, a')].map((b) => b.textContent);

  it('offers the panel’s fixes it can reach from outside, in the panel’s order', () => {
    card(false, { statusPage: 'https://status.openai.com/' });
    expect(names()).toEqual(['Retry now', 'Clear site data', 'Status page', 'Copy report']);
  });

  it('the same for a site the user added', () => {
    card(false, {
      siteId: 'custom:example.com',
      siteName: 'example.com',
      url: 'https://example.com/chat',
      statusPage: 'https://status.example.com/',
      incident: { ...incident, siteId: 'custom:example.com', url: 'https://example.com/chat' },
    });
    expect(names()).toEqual(['Retry now', 'Clear site data', 'Status page', 'Copy report']);
  });

  it('leaves out the status page when the site has none', () => {
    card(false);
    expect(names()).toEqual(['Retry now', 'Clear site data', 'Copy report']);
  });

  it('for a refusal: only the status page', () => {
    card(false, {
      statusPage: 'https://status.openai.com/',
      incident: { ...incident, failure: null, refusal: { kind: 'rate-limit', status: 429 } },
    });
    expect(names()).toEqual(['Status page']);
  });
});
