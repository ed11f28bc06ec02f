/**
 * What the network checks mean: from "is the browser online, can the site be reached, can
 * another host be reached, is a proxy set" to plain advice. Pure; the words are message keys.
 */
import type { MessageKey } from './i18n.ts';

/** One reachability probe: any answer at all means reachable; `ms` is how long it took. */
export interface ProbeResult {
  reachable: boolean;
  ms: number | null;
}

/**
 * What the browser's proxy settings say. `unknown`: the browser defers to the system's (or
 * auto-detected) settings, which an extension cannot see, so a proxy is possible. `declined`:
 * the user did not grant the permission to read them.
 */
export type ProxyState = 'set' | 'not-set' | 'unknown' | 'declined';

/** The checks' results; null means "not checked". */
export interface CheckResults {
  /** `navigator.onLine`. */
  online: boolean | null;
  /** The chat site's own host. */
  site: ProbeResult | null;
  /** Another host: the site's status page (null also when the site has none). */
  other: ProbeResult | null;
  proxy: ProxyState | null;
  /** The site's status page reports no incident (operational); absent: not known. */
  statusAllClear?: boolean;
}

/** What the results say (paragraphs), then what to try (a list). */
export interface Advice {
  findings: AdviceFinding[];
  steps: AdviceStep[];
}

export type AdviceFinding = Extract<
  MessageKey,
  | 'adviceService'
  | 'adviceSlow'
  | 'adviceOffline'
  | 'adviceSiteOnly'
  | 'adviceConnection'
  | 'adviceSiteUnreachable'
  | 'adviceProxySet'
  | 'adviceProxySystem'
  | 'adviceBrowserOnly'
>;

export type AdviceStep = Extract<
  MessageKey,
  | 'adviceStepWait'
  | 'adviceStepNoVpn'
  | 'adviceStepRouter'
  | 'adviceStepOtherNetwork'
  | 'adviceStepOtherBrowser'
>;

/** An answer slower than this is worth a word. */
export const SLOW_MS = 3000;

/**
 * Advice from the results. A probe's evidence wins over `navigator.onLine` (which can only
 * say "no network at all"): a site that answered was reached, whatever the flag says.
 */
export function adviseFromChecks(results: CheckResults): Advice {
  const { online, site, other, proxy } = results;
  const findings: AdviceFinding[] = [];
  const steps: AdviceStep[] = [];
  const proxyPossible = proxy === 'set' || proxy === 'unknown';

  if (site?.reachable && results.statusAllClear) {
    // It answers, its status page reports no incident, yet it fails here: what is left is
    // this browser (its data, an extension) — the same chat elsewhere tells.
    findings.push('adviceBrowserOnly');
    if (site.ms !== null && site.ms >= SLOW_MS) findings.push('adviceSlow');
    steps.push('adviceStepOtherBrowser');
  } else if (site?.reachable) {
    // It answers, yet the chat fails: the service answers with errors.
    findings.push('adviceService');
    if (site.ms !== null && site.ms >= SLOW_MS) findings.push('adviceSlow');
    steps.push('adviceStepWait');
  } else if (online === false) {
    findings.push('adviceOffline');
    steps.push('adviceStepRouter', 'adviceStepOtherNetwork');
  } else if (site) {
    if (other?.reachable) {
      // Only the site is out of reach: it is down, or something blocks just it.
      findings.push('adviceSiteOnly');
      steps.push('adviceStepWait', 'adviceStepNoVpn', 'adviceStepOtherNetwork');
    } else if (other) {
      findings.push('adviceConnection');
      if (proxyPossible) steps.push('adviceStepNoVpn');
      steps.push('adviceStepRouter', 'adviceStepOtherNetwork');
    } else {
      // Nothing to compare with: either side.
      findings.push('adviceSiteUnreachable');
      steps.push('adviceStepNoVpn', 'adviceStepRouter', 'adviceStepOtherNetwork');
    }
  }

  if (proxy === 'set') {
    findings.push('adviceProxySet');
    // A proxy in the way is the first thing to rule out.
    steps.unshift('adviceStepNoVpn');
  } else if (proxy === 'unknown') {
    findings.push('adviceProxySystem');
  }

  return { findings, steps: [...new Set(steps)] };
}
