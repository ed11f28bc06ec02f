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
