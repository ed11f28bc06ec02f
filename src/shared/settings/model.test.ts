import { describe, expect, it } from 'vitest';
import { SITES } from '~/sites/index.ts';
import {
  defaultSettings,
  isSiteEnabled,
  LIMITS,
  migrateSettings,
  SETTINGS_VERSION,
} from './model.ts';

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
    expect(settings.version).toBe(3);
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

describe('settings version 3', () => {
  it('defaults to the full panel, automatic retry and draft rescue on, notifications off', () => {
    const settings = defaultSettings();
    expect(SETTINGS_VERSION).toBe(3);
    expect(settings).toMatchObject({
      prompt: 'full',
      autoRetry: { enabled: true, limitMinutes: 120 },
      drafts: { enabled: true, keepHours: 24 },
      history: { keepDays: 30 },
      notifyBackOnline: false,
    });
  });

  it('migrates version 1: the sites kept, everything new at its default', () => {
    const settings = migrateSettings({
      version: 1,
      sites: { chatgpt: { enabled: false }, claude: { enabled: true } },
    });
    expect(settings).toEqual({
      ...defaultSettings(),
      sites: { ...defaultSettings().sites, chatgpt: { enabled: false } },
    });
  });

  it('migrates version 2: the attempt counts give way to the two-hour limit', () => {
    const settings = migrateSettings({
      version: 2,
      prompt: 'compact',
      autoRetry: { enabled: false, maxAttempts: 3, maxWaitSeconds: 300 },
      notifyBackOnline: true,
    });
    expect(settings.version).toBe(3);
    expect(settings.autoRetry).toEqual({ enabled: false, limitMinutes: 120 });
    expect(settings).toMatchObject({ prompt: 'compact', notifyBackOnline: true });
  });

  it('migrates version 0 all the way to 3', () => {
    const settings = migrateSettings({ disabledSites: ['gemini'] });
    expect(settings.version).toBe(3);
    expect(isSiteEnabled(settings, 'gemini')).toBe(false);
    expect(settings.prompt).toBe('full');
    expect(settings.autoRetry).toEqual(defaultSettings().autoRetry);
  });

  it('keeps valid values of every field', () => {
    const stored = {
      version: 3,
      sites: { poe: { enabled: false } },
      prompt: 'compact',
      autoRetry: { enabled: false, limitMinutes: 240 },
      drafts: { enabled: false, keepHours: 6 },
      history: { keepDays: 7 },
      notifyBackOnline: true,
      periodicStatusCheck: true,
      customSites: [{ origin: 'https://example.org', statusPage: null }],
    };
    expect(migrateSettings(stored)).toEqual({
      ...stored,
      sites: { ...defaultSettings().sites, poe: { enabled: false } },
    });
  });

  it('resets values of the wrong type and clamps numbers into range', () => {
    const settings = migrateSettings({
      version: 3,
      prompt: 'loud',
      autoRetry: { enabled: 'yes', limitMinutes: 1e6 },
      drafts: { enabled: true, keepHours: Number.NaN },
      history: { keepDays: -4 },
      notifyBackOnline: 1,
    });
    expect(settings.prompt).toBe('full');
    expect(settings.autoRetry).toEqual({
      enabled: true,
      limitMinutes: LIMITS.limitMinutes.max,
    });
    expect(settings.drafts.keepHours).toBe(24);
    expect(settings.history.keepDays).toBe(LIMITS.keepDays.min);
    expect(settings.notifyBackOnline).toBe(false);
  });
});

describe('custom sites in settings', () => {
  it('keeps valid https origins once each, drops the rest', () => {
    const settings = migrateSettings({
      version: 3,
      customSites: [
        { origin: 'https://Chat.Example.com/x', statusPage: 'https://status.example.com' },
        { origin: 'https://chat.example.com', statusPage: null },
        { origin: 'http://insecure.example' },
        { origin: 42 },
        'junk',
        { origin: 'example.org', statusPage: 'javascript:alert(1)' },
      ],
    });
    expect(settings.customSites).toEqual([
      { origin: 'https://chat.example.com', statusPage: 'https://status.example.com' },
      { origin: 'https://example.org', statusPage: null },
    ]);
  });

  it('starts empty, and from older versions too', () => {
    expect(migrateSettings(undefined).customSites).toEqual([]);
    expect(migrateSettings({ version: 1, sites: {} }).customSites).toEqual([]);
  });
});
