import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../test/unit/english.ts';
import {
  type Advice,
  adviseFromChecks,
  type CheckResults,
  type ProbeResult,
  type ProxyState,
  SLOW_MS,
} from './network-advice.ts';

const FAST: ProbeResult = { reachable: true, ms: 120 };
const SLOW: ProbeResult = { reachable: true, ms: SLOW_MS + 500 };
const DOWN: ProbeResult = { reachable: false, ms: null };

const ONLINE = [true, false, null] as const;
const SITE = [FAST, SLOW, DOWN, null] as const;
const OTHER = [FAST, DOWN, null] as const;
const PROXY: ReadonlyArray<ProxyState | null> = ['set', 'not-set', 'unknown', 'declined', null];

const every: CheckResults[] = ONLINE.flatMap((online) =>
  SITE.flatMap((site) =>
    OTHER.flatMap((other) => PROXY.map((proxy) => ({ online, site, other, proxy }))),
  ),
);

const UNREACHABLE_SITE = { reachable: false, ms: null };

const advise = (results: Partial<CheckResults>): Advice =>
  adviseFromChecks({ online: true, site: null, other: null, proxy: null, ...results });

describe('adviseFromChecks: the verdict', () => {
  it('site answers: it is the service, whatever else failed', () => {
    for (const online of ONLINE) {
      for (const other of OTHER) {
        const { findings, steps } = advise({ online, site: FAST, other });
        expect(findings).toEqual(['adviceService']);
        expect(steps).toEqual(['adviceStepWait']);
      }
    }
  });

  it('site answers and its status page reports no incident: this browser is what is left', () => {
    for (const other of OTHER) {
      const { findings, steps } = advise({ site: FAST, other, statusAllClear: true });
      expect(findings).toEqual(['adviceBrowserOnly']);
      expect(steps).toEqual(['adviceStepOtherBrowser']);
    }
    // Not reached, or the status page unknown or troubled: the other advice stands.
    expect(
      advise({ site: UNREACHABLE_SITE, other: FAST, statusAllClear: true }).steps,
    ).not.toContain('adviceStepOtherBrowser');
    expect(advise({ site: FAST, statusAllClear: false }).findings).toEqual(['adviceService']);
  });

  it('site answers slowly: also says it is slow', () => {
    expect(advise({ site: SLOW, other: FAST }).findings).toEqual(['adviceService', 'adviceSlow']);
    expect(advise({ site: { reachable: true, ms: SLOW_MS - 1 } }).findings).toEqual([
      'adviceService',
    ]);
  });

  it('offline and the site unreachable or unchecked: your connection', () => {
    for (const site of [DOWN, null]) {
      for (const other of OTHER) {
        expect(advise({ online: false, site, other })).toEqual({
          findings: ['adviceOffline'],
          steps: ['adviceStepRouter', 'adviceStepOtherNetwork'],
        });
      }
    }
  });

  it('only the site unreachable: most likely the service, or something blocking it', () => {
    for (const online of [true, null]) {
      expect(advise({ online, site: DOWN, other: FAST })).toEqual({
        findings: ['adviceSiteOnly'],
        steps: ['adviceStepWait', 'adviceStepNoVpn', 'adviceStepOtherNetwork'],
      });
    }
  });

  it('both unreachable: your connection', () => {
    for (const online of [true, null]) {
      expect(advise({ online, site: DOWN, other: DOWN })).toEqual({
        findings: ['adviceConnection'],
        steps: ['adviceStepRouter', 'adviceStepOtherNetwork'],
      });
    }
  });

  it('site unreachable, nothing to compare with: either side', () => {
    expect(advise({ site: DOWN, other: null })).toEqual({
      findings: ['adviceSiteUnreachable'],
      steps: ['adviceStepNoVpn', 'adviceStepRouter', 'adviceStepOtherNetwork'],
    });
  });

  it('nothing run: no advice', () => {
    expect(advise({ online: null })).toEqual({ findings: [], steps: [] });
    // Online alone proves little: no verdict from it.
    expect(advise({ online: true })).toEqual({ findings: [], steps: [] });
    expect(advise({ online: true, other: FAST })).toEqual({ findings: [], steps: [] });
  });
});

describe('adviseFromChecks: the proxy', () => {
  it('set: says so and puts "without VPN/proxy" first', () => {
    for (const site of SITE) {
      for (const other of OTHER) {
        const { findings, steps } = advise({ site, other, proxy: 'set' });
        expect(findings.at(-1)).toBe('adviceProxySet');
        expect(steps[0]).toBe('adviceStepNoVpn');
      }
    }
  });

  it('set, with the site answering with errors: the proxy may be what answers', () => {
    expect(advise({ site: FAST, other: FAST, proxy: 'set' })).toEqual({
      findings: ['adviceService', 'adviceProxySet'],
      steps: ['adviceStepNoVpn', 'adviceStepWait'],
    });
  });

  it('system settings: says a proxy is possible but unseen', () => {
    expect(advise({ site: DOWN, other: DOWN, proxy: 'unknown' })).toEqual({
      findings: ['adviceConnection', 'adviceProxySystem'],
      steps: ['adviceStepNoVpn', 'adviceStepRouter', 'adviceStepOtherNetwork'],
    });
    expect(advise({ proxy: 'unknown' }).findings).toEqual(['adviceProxySystem']);
  });

  it('not set, declined or not checked: no word about a proxy, same verdict', () => {
    for (const proxy of ['not-set', 'declined', null] as const) {
      expect(advise({ site: DOWN, other: DOWN, proxy })).toEqual(
        advise({ site: DOWN, other: DOWN }),
      );
      expect(advise({ site: FAST, proxy }).findings).toEqual(['adviceService']);
      expect(advise({ proxy })).toEqual({ findings: [], steps: [] });
    }
  });
});

describe('adviseFromChecks: every combination', () => {
  it.each(every.map((results) => [JSON.stringify(results), results] as const))(
    '%s',
    (_, results) => {
      const { findings, steps } = adviseFromChecks(results);
      // At most one verdict about where the problem is, and it comes first.
      const verdicts = findings.filter((f) => f !== 'adviceSlow' && !f.startsWith('adviceProxy'));
      expect(verdicts.length).toBeLessThanOrEqual(1);
      if (verdicts[0]) expect(findings[0]).toBe(verdicts[0]);
      // A verdict whenever the site was checked or the browser is offline.
      expect(verdicts.length).toBe(results.site || results.online === false ? 1 : 0);
      // Steps only with something to act on, and never twice.
      if (findings.length === 0) expect(steps).toEqual([]);
      expect(new Set(steps).size).toBe(steps.length);
      // A proxy is only mentioned when the check found one or could not see.
      expect(findings.includes('adviceProxySet')).toBe(results.proxy === 'set');
      expect(findings.includes('adviceProxySystem')).toBe(results.proxy === 'unknown');
      // Every key has English words, with the hosts filled in.
      for (const key of [...findings, ...steps]) {
        const text = englishMessage(key, ['chatgpt.com', 'status.openai.com']);
        expect(text, key).not.toBe('');
        expect(text, key).not.toMatch(/\$/);
      }
    },
  );
});
