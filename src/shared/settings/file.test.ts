import { describe, expect, it } from 'vitest';
import { exportFileName, exportSettings, importSettings, SETTINGS_FILE_MAX_BYTES } from './file.ts';
import { defaultSettings, isSiteEnabled } from './model.ts';

const NOW = Date.UTC(2026, 4, 17, 9, 30);

function changed() {
  const settings = defaultSettings();
  settings.sites.claude = { enabled: false };
  settings.prompt = 'compact';
  settings.autoRetry.limitMinutes = 30;
  settings.history.keepDays = 7;
  return settings;
}

describe('export', () => {
  it('round-trips through import unchanged', () => {
    const settings = changed();
    expect(importSettings(exportSettings(settings, NOW))).toEqual({ ok: true, settings });
  });

  it('names the file by date', () => {
    expect(exportFileName(NOW)).toBe('gateway-guard-settings-2026-05-17.json');
  });
});

describe('import: good files', () => {
  it('takes bare settings of the current version, completing what is missing', () => {
    const result = importSettings(JSON.stringify({ version: 3, prompt: 'off' }));
    expect(result).toEqual({ ok: true, settings: { ...defaultSettings(), prompt: 'off' } });
  });

  it('migrates files of older versions (2, 1 and 0)', () => {
    const v1 = importSettings(JSON.stringify({ version: 1, sites: { poe: { enabled: false } } }));
    expect(v1.ok && isSiteEnabled(v1.settings, 'poe')).toBe(false);
    const v0 = importSettings(JSON.stringify({ disabledSites: ['grok'] }));
    expect(v0.ok && isSiteEnabled(v0.settings, 'grok')).toBe(false);
    expect(v0.ok && v0.settings.version).toBe(3);
    const v2 = importSettings(
      JSON.stringify({
        version: 2,
        autoRetry: { enabled: false, maxAttempts: 3, maxWaitSeconds: 30 },
      }),
    );
    expect(v2.ok && v2.settings.autoRetry).toEqual({ enabled: false, limitMinutes: 120 });
  });

  it('skips sites this version does not know (the list grows between releases)', () => {
    const result = importSettings(
      JSON.stringify({ version: 3, sites: { 'future-chat': { enabled: false } } }),
    );
    expect(result.ok && result.settings.sites).toEqual(defaultSettings().sites);
  });
});

describe('import: bad files are refused with a reason', () => {
  it.each([
    ['empty', ''],
    ['plain text', 'hello'],
    ['truncated JSON', '{"format": "gateway-guard-settings", "settings": {'],
    ['a trailing comma', '{"version": 3,}'],
  ])('not JSON: %s', (_what, text) => {
    expect(importSettings(text)).toEqual({ ok: false, error: 'importNotJson' });
  });

  it.each([
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"settings"'],
    ['an array', '[{"version": 3}]'],
    ['another format', '{"format": "other-extension", "settings": {}}'],
    ['settings that are not an object', '{"format": "gateway-guard-settings", "settings": []}'],
  ])('wrong shape: %s', (_what, text) => {
    expect(importSettings(text)).toEqual({ ok: false, error: 'importWrongShape' });
  });

  it('a huge file, by its size, before reading it', () => {
    expect(importSettings('{}', 5 * 1024 * 1024)).toEqual({
      ok: false,
      error: 'importTooLarge',
      detail: '5120',
    });
    const padded = JSON.stringify({ version: 3, pad: 'x'.repeat(SETTINGS_FILE_MAX_BYTES) });
    expect(importSettings(padded)).toMatchObject({ ok: false, error: 'importTooLarge' });
  });

  it('unknown keys, named (top level, nested, per site, in the envelope, old versions)', () => {
    expect(importSettings(JSON.stringify({ version: 3, theme: 'dark' }))).toEqual({
      ok: false,
      error: 'importUnknownKeys',
      detail: 'theme',
    });
    expect(
      importSettings(
        JSON.stringify({
          version: 3,
          autoRetry: { enabled: true, forever: true },
          sites: { chatgpt: { enabled: true, colour: 'red' } },
        }),
      ),
    ).toEqual({
      ok: false,
      error: 'importUnknownKeys',
      detail: 'autoRetry.forever, sites.chatgpt.colour',
    });
    const envelope = JSON.parse(exportSettings(defaultSettings(), NOW));
    expect(importSettings(JSON.stringify({ ...envelope, signature: 'x' }))).toMatchObject({
      error: 'importUnknownKeys',
      detail: 'signature',
    });
    expect(importSettings(JSON.stringify({ version: 1, sites: {}, prompt: 'off' }))).toMatchObject({
      error: 'importUnknownKeys',
      detail: 'prompt',
    });
  });

  it.each([
    [{ prompt: 'loud' }, 'prompt'],
    [{ notifyBackOnline: 'yes' }, 'notifyBackOnline'],
    [{ sites: { chatgpt: { enabled: 1 } } }, 'sites.chatgpt'],
    [{ sites: [] }, 'sites'],
    [{ autoRetry: { limitMinutes: 0 } }, 'autoRetry.limitMinutes'],
    [{ autoRetry: { limitMinutes: 1e9 } }, 'autoRetry.limitMinutes'],
    [{ drafts: { keepHours: 1.5 } }, 'drafts.keepHours'],
    [{ history: { keepDays: '30' } }, 'history.keepDays'],
    [{ history: null }, 'history'],
  ])('a wrong value: %j', (values, path) => {
    expect(importSettings(JSON.stringify({ version: 3, ...values }))).toEqual({
      ok: false,
      error: 'importBadValue',
      detail: path,
    });
  });

  it('a bad version, or one newer than this Gateway Guard', () => {
    expect(importSettings('{"version": "3"}')).toMatchObject({ error: 'importBadValue' });
    expect(importSettings('{"version": -1}')).toMatchObject({ error: 'importBadValue' });
    expect(importSettings('{"version": 4}')).toEqual({ ok: false, error: 'importNewerVersion' });
  });

  it('never lets "__proto__" through', () => {
    const result = importSettings('{"version": 3, "__proto__": {"prompt": "off"}}');
    expect(result).toMatchObject({ ok: false, error: 'importUnknownKeys' });
  });
});
