import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

const BROWSERS: Record<BrowserName, { env: string; fallback: string; apt: string }> = {
  chromium: { env: 'CHROME_PATH', fallback: '/usr/bin/chromium', apt: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', fallback: '/usr/bin/firefox-esr', apt: 'firefox-esr' },
};

/** Where the browser is expected: $CHROME_PATH / $FIREFOX_PATH, else the Debian package's path. */
export function executablePath(name: BrowserName): string {
  const { env, fallback } = BROWSERS[name];
  return process.env[env] || fallback;
}

/** Null when the browser can be run; otherwise what is missing and how to install it. */
export function missingBrowser(name: BrowserName): string | null {
  const path = executablePath(name);
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    const { env, apt } = BROWSERS[name];
    return (
      `${name} is missing: no executable at ${path}. Install it with ` +
      `\`apt-get install -y ${apt}\` (or set ${env} to its path).`
    );
  }
}

/** The executable path, or an Error naming the missing browser and its install command. */
export function requireBrowser(name: BrowserName): string {
  const missing = missingBrowser(name);
  if (missing) throw new Error(missing);
  return executablePath(name);
}

const versions = new Map<BrowserName, string>();

/**
 * What the browser says of itself (`Chromium 156.0.8078.114 built on Debian…` is shortened
 * to `Chromium 156.0.8078.114`), so every failure and the suite's header name the exact
 * build that was driven.
 */
export function browserVersion(name: BrowserName): string {
  const known = versions.get(name);
  if (known) return known;
  let version: string;
  try {
    const printed = execFileSync(requireBrowser(name), ['--version'], {
      encoding: 'utf8',
      timeout: 15_000,
      // Firefox refuses to run as root with a display-less HOME in some setups; --version
      // needs neither, but keep its profile lookups out of the user's home.
      env: { ...process.env, MOZ_HEADLESS: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    version = printed.replace(/\s+built on .*$/s, '').trim() || `${name} (version unknown)`;
  } catch (error) {
    version = `${name} (version unknown: ${String(error).split('\n')[0]})`;
  }
  versions.set(name, version);
  return version;
}
