/**
 * The support report: plain text a user can paste into a site's support form. It says when,
 * where and what failed, and what was tried, and nothing private: no cookies, no tokens, no
 * query strings, no conversation text, and only the shape of the page's path.
 *
 * Pure, and in English on purpose: it goes to a support desk, not to the user. Every word it
 * uses is in `WORDS` below.
 */
import type { FixKind, Incident } from '~/shared/incident.ts';
import type { Failure } from './failure.ts';

export interface ReportFix {
  /** What was tried: a `FixKind` ("retry-now"), or a few words of its own. */
  fix: FixKind | (string & {});
  /** When (ms since the epoch). */
  at: number;
  /** How it went: "still 502", "worked". */
  result: string;
}

export interface ReportInput {
  /** The product's name: "ChatGPT". */
  siteName: string;
  /** The page that failed; only its host and its redacted path are kept. */
  url: string;
  incident: Incident;
  /** The fixes tried; by default the incident's own log. */
  fixes?: readonly ReportFix[];
  /** From `browserLabel(navigator.userAgent)`: "Chrome 150". */
  browser: string;
  /** `browser.runtime.getManifest().version`. */
  extensionVersion: string;
  /** When the report is made (ms since the epoch). */
  now: number;
  /** What the site's status page said, when it was read: "Partial outage: Conversations". */
  statusSummary?: string;
}

const WORDS = {
  heading: 'Gateway Guard report',
  created: 'Created',
  site: 'Site',
  page: 'Page',
  problem: 'Problem',
  count: 'Failed requests',
  firstAt: 'First seen',
  lastAt: 'Last seen',
  statusPage: 'Status page said',
  trace: 'Response headers (latest failure)',
  took: 'Request took (latest failure)',
  fixes: 'Fixes tried',
  noFixes: 'none',
  browser: 'Browser',
  extension: 'Extension',
  extensionName: 'Gateway Guard',
  timesNote: 'All times are UTC.',
  privacyNote:
    'This report contains no cookies, tokens, query strings or conversation text; only route words are kept in the page path; everything else becomes :id.',
  http: 'HTTP',
  network: 'Network error',
  pageNotice: 'The site showed its own error message in the page (its text is left out).',
  refusal: 'Not an outage',
  unknown: 'Unknown',
  networkKinds: {
    'connection-reset': 'connection reset',
    'connection-refused': 'connection refused',
    'connection-closed': 'connection closed',
    'timed-out': 'timed out',
    'name-not-resolved': 'name not resolved',
    'internet-disconnected': 'internet disconnected',
    proxy: 'proxy failed',
    ssl: 'secure connection failed',
    other: 'other',
  },
  fixKinds: {
    'retry-now': 'Retry now',
    'auto-retry': 'Automatic retry',
    'reload-no-cache': 'Reload without cache',
    'clear-storage': 'Clear the site’s cache and storage',
    'clear-cookies': 'Clear the site’s cookies',
    'network-checks': 'Network checks',
  } as Record<string, string>,
  refusals: {
    'rate-limit': 'rate limited',
    challenge: 'security check',
    blocked: 'blocked by the site’s protection',
    policy: 'declined by the site’s policy',
    'sign-in': 'sign-in needed',
    'usage-cap': 'usage limit reached',
  },
  statuses: {
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
    520: 'Unknown Error (Cloudflare)',
    521: 'Web Server Is Down (Cloudflare)',
    522: 'Connection Timed Out (Cloudflare)',
    523: 'Origin Is Unreachable (Cloudflare)',
    524: 'A Timeout Occurred (Cloudflare)',
    525: 'SSL Handshake Failed (Cloudflare)',
    526: 'Invalid SSL Certificate (Cloudflare)',
    527: 'Railgun Error (Cloudflare)',
    529: 'Site Overloaded',
    429: 'Too Many Requests',
  } as Record<number, string>,
} as const;

/** The plain-text report. */
export function buildReport(input: ReportInput): string {
  const { incident } = input;
  const host = hostOf(input.url);
  const lines = [
    WORDS.heading,
    `${WORDS.created}: ${utc(input.now)}`,
    '',
    `${WORDS.site}: ${oneLine(input.siteName)}${host ? ` (${host})` : ''}`,
    `${WORDS.page}: ${redactPath(input.url)}`,
    `${WORDS.problem}: ${describeProblem(incident)}`,
    `${WORDS.count}: ${incident.count}`,
    `${WORDS.firstAt}: ${utc(incident.firstAt)}`,
    `${WORDS.lastAt}: ${utc(incident.lastAt)}`,
  ];
  const status = input.statusSummary ? oneLine(input.statusSummary) : '';
  if (status) lines.push(`${WORDS.statusPage}: ${status}`);
  const took = tookOf(incident);
  if (took !== null) lines.push(`${WORDS.took}: ${took} ms`);
  // Trace and request ids (an allow-list kept by the background), for the support desk.
  const trace = traceLines(incident);
  if (trace.length > 0) lines.push('', `${WORDS.trace}:`, ...trace);
  lines.push('', `${WORDS.fixes}:`);
  const fixes = [...(input.fixes ?? incident.fixes ?? [])].sort((a, b) => a.at - b.at);
  if (fixes.length === 0) lines.push(`- ${WORDS.noFixes}`);
  for (const { fix, at, result } of fixes) {
    const name = Object.hasOwn(WORDS.fixKinds, fix) ? WORDS.fixKinds[fix] : fix;
    lines.push(`- ${utc(at)} ${oneLine(name ?? fix)}: ${oneLine(result)}`);
  }
  lines.push(
    '',
    `${WORDS.browser}: ${oneLine(input.browser) || WORDS.unknown}`,
    `${WORDS.extension}: ${WORDS.extensionName} ${oneLine(input.extensionVersion)}`,
    '',
    WORDS.timesNote,
    WORDS.privacyNote,
  );
  return `${lines.join('\n')}\n`;
}

/** How long the latest failing request took, when the background saw it start. */
function tookOf(incident: Incident | null): number | null {
  const took = incident?.trace?.tookMs;
  return typeof took === 'number' && Number.isFinite(took) && took >= 0 ? Math.round(took) : null;
}

/** The latest failure's identifying headers as "- name: value" lines, the allow-list only. */
export function traceLines(incident: Incident): string[] {
  const headers = incident.trace?.headers ?? {};
  return Object.entries(headers)
    .filter(([name]) => /^[a-z0-9-]{1,40}$/.test(name) && !SECRET_HEADER.test(name))
    .slice(0, 16)
    .map(([name, value]) => `- ${name}: ${oneLine(value).slice(0, 120)}`);
}

/** What the panel's Technical details show: what developer tools would otherwise tell. */
export interface TechnicalDetails {
  /** "502", or the browser's error code ("net::ERR_CONNECTION_RESET"). */
  status: string;
  /** The latest failure, in UTC. */
  time: string;
  /** Allow-listed identifying headers: [name, value]. */
  headers: Array<[string, string]>;
  /** How long the failing request took, in ms (null: its start was not seen). */
  tookMs: number | null;
}

export function technicalDetails(failure: Failure, incident: Incident | null): TechnicalDetails {
  const status =
    failure.kind === 'http'
      ? String(failure.status)
      : failure.kind === 'network' && /^[A-Za-z0-9_:]{1,80}$/.test(failure.raw)
        ? failure.raw
        : WORDS.unknown;
  const at = incident?.trace?.at ?? incident?.lastAt;
  const headers = traceLines(incident ?? ({} as Incident)).map((line): [string, string] => {
    const [name = '', ...rest] = line.slice(2).split(': ');
    return [name, rest.join(': ')];
  });
  return { status, time: at ? utc(at) : WORDS.unknown, headers, tookMs: tookOf(incident) };
}

/** Never in a report, whatever the background kept. */
const SECRET_HEADER = /cookie|auth|token|secret|session|key|password|signature/i;

function describeProblem(incident: Incident): string {
  if (incident.failure) return describeFailure(incident.failure);
  if (incident.refusal) {
    const { kind, status } = incident.refusal;
    const code = status ? ` (${WORDS.http} ${status})` : '';
    return `${WORDS.refusal}: ${WORDS.refusals[kind]}${code}`;
  }
  return WORDS.unknown;
}

function describeFailure(failure: Failure): string {
  switch (failure.kind) {
    case 'http': {
      const name = WORDS.statuses[failure.status];
      return `${WORDS.http} ${failure.status}${name ? ` ${name}` : ''}`;
    }
    case 'network': {
      // The browser's own error code is safe and useful ("net::ERR_CONNECTION_RESET");
      // anything else in `raw` is left out.
      const raw = /^(net::ERR_|NS_ERROR_|NS_BINDING_)[A-Z0-9_]{1,60}$/.test(failure.raw)
        ? ` (${failure.raw})`
        : '';
      return `${WORDS.network}: ${WORDS.networkKinds[failure.network]}${raw}`;
    }
    case 'page':
      // The notice sits in the conversation and may quote it: never copied.
      return WORDS.pageNotice;
  }
}

/** An ISO time in UTC to the second: 2026-11-27T06:40:12Z. */
export function utc(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? WORDS.unknown : date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * The words each site's own routes are made of. Everything else in a path (ids, tokens,
 * handles, a project's name, the words of a question in the address) is the user's, and
 * becomes `:id`. A site not listed (the user's own) keeps only the common words.
 */
const COMMON_ROUTE_WORDS = ['c', 'chat', 'chats', 'new', 'app', 'conversation', 'share', 'api'];
const ROUTE_WORDS: Record<string, readonly string[]> = {
  'chatgpt.com': ['g', 'gpts', 'project', 'projects', 'library', 'codex', 'backend-api', 'f'],
  'chat.openai.com': ['g', 'gpts', 'backend-api'],
  'claude.ai': ['project', 'projects', 'recents', 'settings', 'organizations'],
  'gemini.google.com': ['u', 'gem', 'gems', 'mystuff', '_', 'BardChatUi', 'data', 'batchexecute'],
  'copilot.microsoft.com': ['chats', 'pages', 'discover'],
  'www.perplexity.ai': ['search', 'spaces', 'space', 'page', 'discover', 'library', 'rest', 'sse'],
  'perplexity.ai': ['search', 'spaces', 'space', 'page', 'discover', 'library', 'rest', 'sse'],
  'chat.mistral.ai': ['agents', 'library'],
  'chat.deepseek.com': ['a', 's'],
  'poe.com': ['explore', 'profile'],
  'grok.com': ['project', 'imagine', 'rest'],
  'character.ai': ['profile', 'search', 'histories'],
  'huggingface.co': ['assistant', 'assistants', 'models', 'settings'],
  'www.meta.ai': ['prompt', 'media'],
  'meta.ai': ['prompt', 'media'],
};

/**
 * Only the path of an address, every segment that is not one of the site's route words (or
 * a small number: /u/1/, or an API version: v1) replaced by `:id`. Query and fragment are
 * dropped whole.
 */
export function redactPath(url: string): string {
  let path: string;
  let host = '';
  try {
    const parsed = new URL(url);
    path = parsed.pathname;
    host = parsed.hostname;
  } catch {
    // Not an absolute address: treat it as a path, still without query or fragment.
    path = url.split(/[?#]/, 1)[0] ?? '';
    if (!path.startsWith('/')) path = `/${path}`;
  }
  return path
    .split('/')
    .map((segment) => (segment === '' || isRouteWord(segment, host) ? segment : ':id'))
    .join('/');
}

/** Is a path segment one of the site's route words rather than the user's data? */
export function isRouteWord(segment: string, host = ''): boolean {
  if (/^\d{1,2}$/.test(segment) || /^v\d{1,2}$/.test(segment)) return true;
  const own = Object.hasOwn(ROUTE_WORDS, host) ? (ROUTE_WORDS[host] ?? []) : [];
  return COMMON_ROUTE_WORDS.includes(segment) || own.includes(segment);
}

/**
 * "Chrome 150", "Edge 150", "Firefox 140"… from a user-agent string: the browser and its
 * major version, which is all a reduced user agent tells reliably anyway.
 */
export function browserLabel(userAgent: string): string {
  const rules: ReadonlyArray<readonly [RegExp, string]> = [
    [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
    [/\b(?:OPR|OPiOS)\/(\d+)/, 'Opera'],
    [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
    [/\bVivaldi\/(\d+)/, 'Vivaldi'],
    [/\bYaBrowser\/(\d+)/, 'Yandex Browser'],
    [/\b(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
    [/\b(?:Chrome|CriOS|Chromium)\/(\d+)/, 'Chrome'],
    [/\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
  ];
  for (const [pattern, name] of rules) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return `${name} ${version}`;
  }
  return 'Unknown browser';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** One line, trimmed and bounded: caller text never breaks the report's layout. */
function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
