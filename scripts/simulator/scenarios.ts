/**
 * The outage simulator's scenarios, as data: each is a list of timed phases saying what the
 * fake site answers and what its fake status page reports. The simulator plays them; a unit
 * test checks that every one is well formed and that each ends healthy.
 */

/** What the fake site answers during a phase. */
export type SiteAnswer =
  | { kind: 'healthy' }
  /** An nginx-style HTML error page with this status. */
  | { kind: 'html-error'; status: number }
  /** This status with an empty body (the browser would show its own error page). */
  | { kind: 'empty-error'; status: number; retryAfterS?: number }
  /** The connection is reset before any answer. */
  | { kind: 'reset' }
  /** The page loads, but the chat's answer stream breaks off mid-answer. */
  | { kind: 'chat-breaks' };

/** What the fake status page reports (served from the real-format fixtures). */
export type StatusReport = 'operational' | 'degraded' | 'major-outage';

export interface Phase {
  /** Seconds this phase lasts; the last phase has none (it lasts until the scenario ends). */
  forS?: number;
  /** The same, in quick mode (end-to-end tests, a fast look). */
  quickForS?: number;
  site: SiteAnswer;
  status: StatusReport;
  /** What this phase stands for, in the timeline. */
  note: string;
}

/** What the extension must have shown by the end for the scenario to count as passed. */
export type Sign =
  /** The panel over the site's own error page. */
  | 'panel'
  /** The extension's recovery page in place of the browser's error page. */
  | 'recovery-page'
  /** The compact notice over a healthy page (a failed chat answer). */
  | 'notice'
  /** Automatic recovery counting down or checking the site. */
  | 'auto-retry'
  /** The status line below, read from the fake status page. */
  | 'status'
  /** Back to a working chat, without the panel. */
  | 'back';

export type SimSite = 'chatgpt' | 'claude';

export interface Scenario {
  id: string;
  title: string;
  /** One or two sentences for the control page. */
  description: string;
  site: SimSite;
  /** The page the tab opens on the site. */
  path: string;
  phases: readonly Phase[];
  expect: readonly Sign[];
  /** Text the panel shows from the status page, e.g. "ChatGPT status: Operational". */
  statusText: string;
}

export const SIM_SITES: Record<SimSite, { host: string; name: string; chatApi: string }> = {
  chatgpt: { host: 'chatgpt.com', name: 'ChatGPT', chatApi: '/backend-api/f/conversation' },
  claude: {
    host: 'claude.ai',
    name: 'Claude',
    chatApi: '/api/organizations/org-sim/chat_conversations/conv-sim/completion',
  },
};

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'html-502',
    title: 'HTML 502 from the gateway',
    description:
      'ChatGPT answers with an nginx "502 Bad Gateway" page for a short while. The panel explains it over the error page and automatic retry brings the chat back.',
    site: 'chatgpt',
    path: '/c/sim-502',
    phases: [
      {
        forS: 15,
        quickForS: 5,
        site: { kind: 'html-error', status: 502 },
        status: 'operational',
        note: 'the gateway fails; the status page has not noticed',
      },
      { site: { kind: 'healthy' }, status: 'operational', note: 'the site answers again' },
    ],
    expect: ['panel', 'status', 'auto-retry', 'back'],
    statusText: 'ChatGPT status: Operational',
  },
  {
    id: 'empty-503',
    title: 'Empty 503 with Retry-After',
    description:
      'Claude answers 503 with no body and "Retry-After: 10". The browser would show its own error page; the extension shows its recovery page instead, waits as asked and returns to the chat.',
    site: 'claude',
    path: '/chat/sim-503',
    phases: [
      {
        forS: 20,
        quickForS: 5,
        site: { kind: 'empty-error', status: 503, retryAfterS: 10 },
        status: 'degraded',
        note: 'overloaded, asking clients to wait',
      },
      { site: { kind: 'healthy' }, status: 'operational', note: 'the site answers again' },
    ],
    expect: ['recovery-page', 'status', 'back'],
    statusText: 'Claude status: Degraded performance',
  },
  {
    id: 'connection-reset',
    title: 'Connection reset',
    description:
      'Every connection to ChatGPT is reset before an answer. The recovery page names the network error and returns to the chat once connections work again.',
    site: 'chatgpt',
    path: '/c/sim-reset',
    phases: [
      {
        forS: 15,
        quickForS: 5,
        site: { kind: 'reset' },
        status: 'operational',
        note: 'connections are reset',
      },
      { site: { kind: 'healthy' }, status: 'operational', note: 'connections work again' },
    ],
    expect: ['recovery-page', 'status', 'back'],
    statusText: 'ChatGPT status: Operational',
  },
  {
    id: 'chat-mid-answer',
    title: 'A chat answer failing mid-answer',
    description:
      'The ChatGPT page loads, but the answer stream breaks off halfway and the site prints "Error in message stream". A compact notice leaves the conversation readable; once the site works, retrying the answer brings it in full.',
    site: 'chatgpt',
    path: '/c/sim-chat',
    phases: [
      {
        forS: 15,
        quickForS: 5,
        site: { kind: 'chat-breaks' },
        status: 'operational',
        note: 'answers break off mid-stream',
      },
      { site: { kind: 'healthy' }, status: 'operational', note: 'answers complete again' },
    ],
    expect: ['notice', 'back'],
    statusText: 'ChatGPT status: Operational',
  },
  {
    id: 'status-outage',
    title: 'The status page reports an outage',
    description:
      'Claude fails with 502 while its status page reports a major outage of claude.ai. The panel says so, puts automatic retry first, and the chat comes back when the site heals, before the status page catches up.',
    site: 'claude',
    path: '/chat/sim-outage',
    phases: [
      {
        forS: 25,
        quickForS: 8,
        site: { kind: 'html-error', status: 502 },
        status: 'major-outage',
        note: 'a major outage, posted on the status page',
      },
      {
        forS: 20,
        quickForS: 5,
        site: { kind: 'healthy' },
        status: 'major-outage',
        note: 'the site works; the status page still reports the outage',
      },
      { site: { kind: 'healthy' }, status: 'operational', note: 'the status page posts the fix' },
    ],
    expect: ['panel', 'status', 'auto-retry', 'back'],
    statusText: 'Claude status: Major outage',
  },
  {
    id: 'long-outage',
    title: 'A long outage that heals after a few minutes',
    description:
      'ChatGPT fails with 502 for three minutes: the status page first reports degraded service, then a major outage. Automatic recovery keeps checking (quickly at first, then about once a minute) and brings the chat back without a click.',
    site: 'chatgpt',
    path: '/c/sim-long',
    phases: [
      {
        forS: 30,
        quickForS: 6,
        site: { kind: 'html-error', status: 502 },
        status: 'degraded',
        note: 'errors begin; the status page reports degraded service',
      },
      {
        forS: 150,
        quickForS: 20,
        site: { kind: 'html-error', status: 502 },
        status: 'major-outage',
        note: 'a major outage',
      },
      {
        forS: 30,
        quickForS: 5,
        site: { kind: 'healthy' },
        status: 'major-outage',
        note: 'the site works again; the status page lags',
      },
      { site: { kind: 'healthy' }, status: 'operational', note: 'the status page posts the fix' },
    ],
    expect: ['panel', 'status', 'auto-retry', 'back'],
    statusText: 'ChatGPT reports a major outage since',
  },
];

/** A phase's length in seconds (the last phase: 0, it has no end). */
export function phaseSeconds(phase: Phase, quick: boolean): number {
  return (quick ? (phase.quickForS ?? phase.forS) : phase.forS) ?? 0;
}

/** The phase running `elapsedS` seconds into the scenario, and its index. */
export function phaseAt(scenario: Scenario, elapsedS: number, quick: boolean) {
  let start = 0;
  for (const [index, phase] of scenario.phases.entries()) {
    const length = phaseSeconds(phase, quick);
    if (index === scenario.phases.length - 1 || elapsedS < start + length) {
      return { index, phase, startS: start };
    }
    start += length;
  }
  throw new Error(`scenario ${scenario.id} has no phases`);
}

/** Seconds until the last phase begins: from then on the site is healthy. */
export function secondsToLastPhase(scenario: Scenario, quick: boolean): number {
  return scenario.phases.slice(0, -1).reduce((sum, p) => sum + phaseSeconds(p, quick), 0);
}

/** Seconds until the site itself answers again for good (the status page may lag). */
export function secondsToHealed(scenario: Scenario, quick: boolean): number {
  let start = 0;
  let healedAt = 0;
  for (const phase of scenario.phases) {
    if (phase.site.kind !== 'healthy') healedAt = start + phaseSeconds(phase, quick);
    start += phaseSeconds(phase, quick);
  }
  return healedAt;
}

/** What the fake answers, in a few words for the timeline. */
export function describeAnswer(answer: SiteAnswer): string {
  switch (answer.kind) {
    case 'healthy':
      return '200, the chat page';
    case 'html-error':
      return `${answer.status} with an HTML error page`;
    case 'empty-error':
      return `${answer.status} with an empty body${answer.retryAfterS ? `, Retry-After: ${answer.retryAfterS}` : ''}`;
    case 'reset':
      return 'connection reset';
    case 'chat-breaks':
      return 'the page loads; the chat answer breaks off mid-stream';
  }
}

export const STATUS_WORDS: Record<StatusReport, string> = {
  operational: 'operational',
  degraded: 'degraded',
  'major-outage': 'major outage',
};
