import { type CustomSite, normaliseOrigin } from '~/sites/custom.ts';
import { SITES } from '~/sites/index.ts';

/**
 * Settings: typed defaults, a version, and migrations from every older version. Stored in
 * sync storage under one key; whatever is read is validated and completed with defaults.
 */
export const SETTINGS_VERSION = 3;

/** How a failing page is shown: the full panel, only the corner notice, or nothing. */
export type PromptMode = 'full' | 'compact' | 'off';
export const PROMPT_MODES: readonly PromptMode[] = ['full', 'compact', 'off'];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Per built-in site: watched or not. */
  sites: Record<string, { enabled: boolean }>;
  prompt: PromptMode;
  /** Automatic recovery of a failed page: checks the site until it answers, for `limitMinutes`. */
  autoRetry: { enabled: boolean; limitMinutes: number };
  /** Draft rescue: the composer's text kept on this device for `keepHours`. */
  drafts: { enabled: boolean; keepHours: number };
  /** Ended incidents kept on this device for `keepDays` (and at most `HISTORY_MAX`). */
  history: { keepDays: number };
  /** Tell the user when a failing site works again (needs the optional permission). */
  notifyBackOnline: boolean;
  /** Read the sites' status pages every half hour in the background (needs "alarms"). */
  periodicStatusCheck: boolean;
  /** Sites the user added: any https origin (host access asked for when added). */
  customSites: CustomSite[];
}

/** At most this many custom sites (sync storage is small). */
export const MAX_CUSTOM_SITES = 20;

/** Allowed ranges (inclusive); anything outside is clamped, anything not a number is reset. */
export const LIMITS = {
  limitMinutes: { min: 10, max: 24 * 60 },
  keepHours: { min: 1, max: 24 * 7 },
  keepDays: { min: 1, max: 90 },
} as const;

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    sites: Object.fromEntries(SITES.map((site) => [site.id, { enabled: true }])),
    prompt: 'full',
    // The same as DEFAULT_RETRY.limitMs (retry-policy.ts): two hours.
    autoRetry: { enabled: true, limitMinutes: 120 },
    // The same as DRAFT_LIMITS.maxAgeMs (drafts/rules.ts).
    drafts: { enabled: true, keepHours: 24 },
    history: { keepDays: 30 },
    notifyBackOnline: false,
    periodicStatusCheck: false,
    customSites: [],
  };
}

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: Record<number, Migration> = {
  // Version 0 (before versions existed) kept a list of turned-off site ids.
  0: (old) => ({
    version: 1,
    sites: Object.fromEntries(
      (Array.isArray(old.disabledSites) ? old.disabledSites : [])
        .filter((id): id is string => typeof id === 'string')
        .map((id) => [id, { enabled: false }]),
    ),
  }),
  // Version 1 knew only the sites; everything the options page added starts at its default.
  1: (old) => ({ ...defaultSettings(), sites: old.sites, version: 2 }),
  // Version 2 stopped retrying after a number of attempts; version 3 checks until a time
  // limit instead. The old counts do not translate: everyone gets the default limit.
  2: (old) => ({
    ...old,
    autoRetry: { enabled: isRecord(old.autoRetry) ? old.autoRetry.enabled : undefined },
    version: 3,
  }),
};

/** Any stored value (or nothing) → valid current settings. Never throws. */
export function migrateSettings(stored: unknown): Settings {
  let value: Record<string, unknown> = isRecord(stored) ? { ...stored } : {};
  let version = typeof value.version === 'number' ? value.version : 0;
  if (version > SETTINGS_VERSION) {
    // Written by a newer Gateway Guard (synced from another browser): read what we know.
    version = SETTINGS_VERSION;
  }
  while (version < SETTINGS_VERSION) {
    const migrate = MIGRATIONS[version];
    value = migrate ? migrate(value) : {};
    version += 1;
  }
  return normalise(value);
}

/** The current version's shape, each field checked and completed from the defaults. */
function normalise(value: Record<string, unknown>): Settings {
  const settings = defaultSettings();
  const sites = isRecord(value.sites) ? value.sites : {};
  for (const id of Object.keys(settings.sites)) {
    const site = sites[id];
    const enabled = isRecord(site) ? site.enabled : undefined;
    if (typeof enabled === 'boolean') settings.sites[id] = { enabled };
  }
  if (PROMPT_MODES.includes(value.prompt as PromptMode))
    settings.prompt = value.prompt as PromptMode;

  const retry = isRecord(value.autoRetry) ? value.autoRetry : {};
  settings.autoRetry = {
    enabled: bool(retry.enabled, settings.autoRetry.enabled),
    limitMinutes: int(retry.limitMinutes, LIMITS.limitMinutes, settings.autoRetry.limitMinutes),
  };
  const drafts = isRecord(value.drafts) ? value.drafts : {};
  settings.drafts = {
    enabled: bool(drafts.enabled, settings.drafts.enabled),
    keepHours: int(drafts.keepHours, LIMITS.keepHours, settings.drafts.keepHours),
  };
  const history = isRecord(value.history) ? value.history : {};
  settings.history = {
    keepDays: int(history.keepDays, LIMITS.keepDays, settings.history.keepDays),
  };
  settings.notifyBackOnline = bool(value.notifyBackOnline, settings.notifyBackOnline);
  settings.periodicStatusCheck = bool(value.periodicStatusCheck, settings.periodicStatusCheck);
  settings.customSites = customSitesOf(value.customSites);
  return settings;
}

/** Valid, distinct https origins only; a status page must be an https address too. */
function customSitesOf(value: unknown): CustomSite[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const sites: CustomSite[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.origin !== 'string') continue;
    const origin = normaliseOrigin(item.origin);
    if (!origin || seen.has(origin)) continue;
    seen.add(origin);
    const page = typeof item.statusPage === 'string' ? item.statusPage : null;
    sites.push({ origin, statusPage: page && /^https:\/\/\S+$/.test(page) ? page : null });
  }
  return sites.slice(0, MAX_CUSTOM_SITES);
}

export function isSiteEnabled(settings: Settings, siteId: string): boolean {
  return settings.sites[siteId]?.enabled ?? true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function int(value: unknown, range: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}
