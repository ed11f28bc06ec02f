/** The recovery page of a site the user added: the same fixes as for a built-in site. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { recoveryQuery } from '~/shared/recovery-link.ts';
import { migrateSettings } from '~/shared/settings/model.ts';
import { saveSettings } from '~/shared/settings/storage.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('the recovery page, for a site the user added', () => {
  it('offers clear-data, the status page, network checks and the report', async () => {
    await saveSettings({
      ...migrateSettings(undefined),
      customSites: [{ origin: 'https://example.org', statusPage: 'https://status.example.org/' }],
    });
    fakeBrowser.runtime.getManifest = (() => ({ version: '1.0.0' })) as never;
    fakeBrowser.tabs.getCurrent = (async () => undefined) as never;
    fakeBrowser.runtime.sendMessage = (async () => undefined) as never;
    history.replaceState(
      null,
      '',
      recoveryQuery({ kind: 'http', status: 502 }, 'https://example.org/chat'),
    );
    const app = document.createElement('div');
    app.id = 'app';
    document.body.append(app);

    // The page's entry: it reads the settings, then renders.
    await import('./main.tsx');

    await expect.poll(() => app.textContent ?? '').toContain('Copy report');
    const text = app.textContent ?? '';
    expect(text).toContain('example.org');
    expect(text).toContain('Clear site data');
    expect(text).toContain('Status page');
    expect(text).toContain('Network checks');
  });
});
