import { describe, expect, it } from 'vitest';
import { SITES } from '~/sites/index.ts';
import { defaultSettings, isSiteEnabled, migrateSettings, SETTINGS_VERSION } from './settings.ts';

describe('settings', () => {
  it('defaults to every site on, at the current version', () => {
    const settings = defaultSettings();
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(Object.keys(settings.sites).sort()).toEqual(SITES.map((s) => s.id).sort());
    for (const site of SITES) expect(isSiteEnabled(settings, site.id)).toBe(true);
  });

  it.each([undefined, null, 42, 'settings', [], {}])('turns %j into defaults', (stored) => {
    expect(migrateSettings(stored)).toEqual(defaultSettings());
  });

  it('migrates version 0 (a list of turned-off sites)', () => {
    const settings = migrateSettings({ disabledSites: ['claude', 'poe', 7, 'no-such-site'] });
    expect(settings.version).toBe(1);
    expect(isSiteEnabled(settings, 'claude')).toBe(false);
    expect(isSiteEnabled(settings, 'poe')).toBe(false);
    expect(isSiteEnabled(settings, 'chatgpt')).toBe(true);
    expect(settings.sites).not.toHaveProperty('no-such-site');
  });

  it('keeps valid values and repairs invalid ones', () => {
    const settings = migrateSettings({
      version: 1,
      sites: { chatgpt: { enabled: false }, claude: { enabled: 'no' }, gemini: null },
    });
    expect(isSiteEnabled(settings, 'chatgpt')).toBe(false);
    expect(isSiteEnabled(settings, 'claude')).toBe(true);
    expect(isSiteEnabled(settings, 'gemini')).toBe(true);
  });

  it('reads what it knows of settings written by a newer version', () => {
    const settings = migrateSettings({
      version: 99,
      sites: { grok: { enabled: false } },
      future: 1,
    });
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(isSiteEnabled(settings, 'grok')).toBe(false);
    expect(settings).not.toHaveProperty('future');
  });

  it('adds sites that did not exist when the settings were saved', () => {
    const settings = migrateSettings({ version: 1, sites: { chatgpt: { enabled: false } } });
    expect(isSiteEnabled(settings, 'metaai')).toBe(true);
  });
});
