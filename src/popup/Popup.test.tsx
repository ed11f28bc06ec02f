import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
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
  });
});
