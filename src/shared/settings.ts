import { SITES } from '~/sites/index.ts';

/**
 * Settings: typed defaults, a version, and migrations from every older version. Stored in
 * sync storage under one key; whatever is read is validated and completed with defaults.
 */
export const SETTINGS_VERSION = 1;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Per built-in site: watched or not. */
  sites: Record<string, { enabled: boolean }>;
}

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    sites: Object.fromEntries(SITES.map((site) => [site.id, { enabled: true }])),
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
};

/** Any stored value (or nothing) → valid current settings. Never throws. */
export function migrateSettings(stored: unknown): Settings {
  let value: Record<string, unknown> =
    typeof stored === 'object' && stored !== null ? { ...(stored as object) } : {};
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
  const defaults = defaultSettings();
  const sites = (typeof value.sites === 'object' && value.sites) || {};
  for (const id of Object.keys(defaults.sites)) {
    const enabled = (sites as Record<string, { enabled?: unknown } | undefined>)[id]?.enabled;
    if (typeof enabled === 'boolean') defaults.sites[id] = { enabled };
  }
  return defaults;
}

export function isSiteEnabled(settings: Settings, siteId: string): boolean {
  return settings.sites[siteId]?.enabled ?? true;
}
