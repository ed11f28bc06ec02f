/**
 * Settings as a file: what Export writes and what Import accepts. Pure. Import is strict
 * about the shape (a file that is not ours, or was edited wrongly, is refused with a reason
 * the user can act on) and then goes through `migrateSettings` like everything stored.
 */
import type { MessageKey } from '../i18n.ts';
import {
  defaultSettings,
  LIMITS,
  migrateSettings,
  PROMPT_MODES,
  SETTINGS_VERSION,
  type Settings,
} from './model.ts';

/** Marks a file as Gateway Guard settings. */
export const SETTINGS_FILE_FORMAT = 'gateway-guard-settings';
/** Real settings files are about 1 KB; anything far larger is not one. */
export const SETTINGS_FILE_MAX_BYTES = 64 * 1024;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  exportedAt: string;
  settings: Settings;
}

export function exportSettings(settings: Settings, now: number): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    exportedAt: new Date(now).toISOString(),
    settings,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function exportFileName(now: number): string {
  return `gateway-guard-settings-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** Why a file was refused: a message key, and what to name in it (a key, a size). */
export type ImportResult =
  | { ok: true; settings: Settings }
  | { ok: false; error: MessageKey; detail?: string };

const fail = (error: MessageKey, detail?: string): ImportResult =>
  detail === undefined ? { ok: false, error } : { ok: false, error, detail };

/**
 * Reads an exported file (or a bare settings object of any version). `bytes` is the file's
 * size as the browser reports it, checked before the text is even parsed.
 */
export function importSettings(text: string, bytes = byteLength(text)): ImportResult {
  if (bytes > SETTINGS_FILE_MAX_BYTES) {
    return fail('importTooLarge', String(Math.ceil(bytes / 1024)));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('importNotJson');
  }
  if (!isRecord(parsed)) return fail('importWrongShape');
  let settings: unknown = parsed;
  if ('format' in parsed) {
    if (parsed.format !== SETTINGS_FILE_FORMAT) return fail('importWrongShape');
    const extra = unknownKeys(parsed, ['format', 'exportedAt', 'settings']);
    if (extra.length > 0) return fail('importUnknownKeys', extra.join(', '));
    settings = parsed.settings;
  }
  if (!isRecord(settings)) return fail('importWrongShape');
  const version = settings.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail('importBadValue', 'version');
  }
  if (version > SETTINGS_VERSION) return fail('importNewerVersion');
  const problem = version === SETTINGS_VERSION ? checkCurrent(settings) : checkOld(settings);
  if (problem) return problem;
  return { ok: true, settings: migrateSettings(settings) };
}

/** What older versions stored; their values are repaired by the migrations. */
const OLD_KEYS: Record<number, readonly string[]> = {
  0: ['version', 'disabledSites'],
  1: ['version', 'sites'],
  2: [
    'version',
    'sites',
    'prompt',
    'autoRetry',
    'drafts',
    'history',
    'notifyBackOnline',
    'periodicStatusCheck',
    'customSites',
  ],
};

function checkOld(settings: Record<string, unknown>): ImportResult | null {
  const version = (settings.version as number | undefined) ?? 0;
  const extra = unknownKeys(settings, OLD_KEYS[version] ?? []);
  return extra.length > 0 ? fail('importUnknownKeys', extra.join(', ')) : null;
}

/**
 * The current version, key by key: unknown keys and wrong values are named. Site ids are
 * the one exception: the list of sites grows between releases, so a site this version does
 * not know is skipped rather than refusing the whole file.
 */
function checkCurrent(settings: Record<string, unknown>): ImportResult | null {
  const defaults = defaultSettings();
  const extra = unknownKeys(settings, Object.keys(defaults));
  for (const group of ['autoRetry', 'drafts', 'history'] as const) {
    const value = settings[group];
    if (isRecord(value)) {
      const known = Object.keys(defaults[group]);
      extra.push(...unknownKeys(value, known).map((key) => `${group}.${key}`));
    }
  }
  if (isRecord(settings.sites)) {
    for (const [id, site] of Object.entries(settings.sites)) {
      if (isRecord(site))
        extra.push(...unknownKeys(site, ['enabled']).map((k) => `sites.${id}.${k}`));
    }
  }
  if (extra.length > 0) return fail('importUnknownKeys', extra.slice(0, 5).join(', '));

  const bad = firstBadValue(settings);
  return bad ? fail('importBadValue', bad) : null;
}

/** The path of the first value of the wrong type or out of range, or null. */
function firstBadValue(s: Record<string, unknown>): string | null {
  const checks: Array<[string, unknown, (value: unknown) => boolean]> = [
    ['sites', s.sites, isRecord],
    ['prompt', s.prompt, (v) => PROMPT_MODES.includes(v as never)],
    ['autoRetry', s.autoRetry, isRecord],
    ['drafts', s.drafts, isRecord],
    ['history', s.history, isRecord],
    ['notifyBackOnline', s.notifyBackOnline, isBool],
  ];
  for (const [path, value, valid] of checks) {
    if (value !== undefined && !valid(value)) return path;
  }
  for (const [id, site] of Object.entries(isRecord(s.sites) ? s.sites : {})) {
    if (!isRecord(site) || !isBool(site.enabled)) return `sites.${id}`;
  }
  const nested: Array<[string, unknown, (value: unknown) => boolean]> = [
    ['autoRetry.enabled', field(s.autoRetry, 'enabled'), isBool],
    ['autoRetry.limitMinutes', field(s.autoRetry, 'limitMinutes'), inRange(LIMITS.limitMinutes)],
    ['drafts.enabled', field(s.drafts, 'enabled'), isBool],
    ['drafts.keepHours', field(s.drafts, 'keepHours'), inRange(LIMITS.keepHours)],
    ['history.keepDays', field(s.history, 'keepDays'), inRange(LIMITS.keepDays)],
  ];
  for (const [path, value, valid] of nested) {
    if (value !== undefined && !valid(value)) return path;
  }
  return null;
}

function field(group: unknown, key: string): unknown {
  return isRecord(group) ? group[key] : undefined;
}

const isBool = (value: unknown) => typeof value === 'boolean';

const inRange =
  ({ min, max }: { min: number; max: number }) =>
  (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

function unknownKeys(value: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(value).filter((key) => !known.includes(key));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
