import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '~/shared/incident.ts';
import type { PopupTab } from '~/shared/protocol/ui-messages.ts';
import { migrateSettings } from '~/shared/settings/model.ts';
import { saveSettings } from '~/shared/settings/storage.ts';
import { Popup } from './Popup.tsx';

let mount: HTMLElement;

function show() {
  mount = document.createElement('div');
  document.body.append(mount);
  act(() => render(<Popup tabParam="7" />, mount));
}

afterEach(() => {
  act(() => render(null, mount));
  mount.remove();
});

describe('Popup', () => {
  it('renders at once, before the background (or any status page) answers', () => {
    fakeBrowser.runtime.sendMessage = (() => new Promise(() => {})) as never;
    show();
    const text = mount.textContent ?? '';
    expect(text).toContain('Gateway Guard');
    expect(text).toContain('Settings');
    expect(text).toContain('Checking this tab…');
    expect(text).toContain('Service status');
  });

  it('says all is fine when nothing went wrong', async () => {
    fakeBrowser.runtime.sendMessage = (async (message: { type: string }) => {
      if (message.type === 'popupTab') return { tab: null };
      if (message.type === 'incidentHistory') return { entries: [] };
      if (message.type === 'siteStatuses') return { readings: {} };
      return undefined;
    }) as never;
    show();
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const text = mount.textContent ?? '';
    expect(text).toContain('All clear: no incidents recorded recently. Everything is fine.');
    expect(text).toContain('This tab is not one of the chat sites Gateway Guard watches.');
    // Every site is watched by default, each listed with its status.
    expect(mount.querySelectorAll('.pp-status')).toHaveLength(12);
    // And each with its last seven days, quiet here.
    const weeks = [...mount.querySelectorAll('.pp-week')];
    expect(weeks).toHaveLength(12);
    expect(weeks.every((week) => week.getAttribute('title') === 'Last 7 days: no problems')).toBe(
      true,
    );
  });
});

describe('Popup: a site the user added', () => {
  it("the tab's card offers clear-data, the status page and the report", async () => {
    await saveSettings({
      ...migrateSettings(undefined),
      customSites: [{ origin: 'https://example.org', statusPage: 'https://status.example.org/' }],
    });
    const url = 'https://example.org/chat';
    const incident: Incident = {
      siteId: 'custom:example.org',
      url,
      surface: 'page',
      failure: { kind: 'http', status: 502 },
      refusal: null,
      count: 1,
      firstAt: Date.now() - 60_000,
      lastAt: Date.now(),
      retries: 0,
      fixes: [],
    };
    // As the background describes the tab (its registry knows the user's sites).
    const tab: PopupTab = {
      tabId: 7,
      siteId: 'custom:example.org',
      siteName: 'example.org',
      hosts: ['example.org'],
      url,
      enabled: true,
      incident,
      statusPage: 'https://status.example.org/',
      statusSource: { kind: 'link', page: 'https://status.example.org/' },
      onRecoveryPage: false,
      cookieScope: { by: 'domain', domains: ['example.org'], wider: false },
    };
    fakeBrowser.runtime.sendMessage = (async (message: { type: string }) => {
      if (message.type === 'popupTab') return { tab };
      if (message.type === 'incidentHistory') return { entries: [] };
      if (message.type === 'siteStatuses') return { readings: {} };
      return undefined;
    }) as never;
    show();
    await expect.poll(() => mount.textContent ?? '').toContain('Copy report');
    const text = mount.textContent ?? '';
    expect(text).toContain('Clear site data');
    expect(text).toContain('Status page');
  });
});
