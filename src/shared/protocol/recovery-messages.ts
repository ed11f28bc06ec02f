/**
 * Automatic recovery, coordinated by the background: one schedule and one probe per site,
 * whatever the number of failing tabs. Declared here and merged into the one protocol in
 * messages.ts; handled in src/background/recovery-watch.ts.
 */

/** What a failing tab shows of its site's recovery. */
export interface WatchView {
  siteId: string;
  siteName: string;
  /**
   * waiting: the next check is due at `dueAt`; paused-offline: until the browser is back
   * online; stopped: by the user; limit: the time limit passed (one click resumes);
   * recovered: the site answers, the tabs are on their way back.
   */
  state: 'waiting' | 'paused-offline' | 'stopped' | 'limit' | 'recovered';
  phase: 'fast' | 'steady';
  /** When the next check is due (waiting only). */
  dueAt: number | null;
  /** When a tab should ask again at the latest (a check, or a status read, is due). */
  wakeAt: number | null;
  /** Checks made so far, and since when the site has been failing. */
  checks: number;
  since: number;
  /** How long checking goes on (from the episode's start, or the last resume). */
  limitMs: number;
  /** The site's status page reports a major outage, since then (null: it does not). */
  outageSince: number | null;
}

export type WatchAction = 'join' | 'tick' | 'stop' | 'resume';

export interface RecoveryProtocol {
  /**
   * From a failed page's panel (its own tab) or the recovery page (naming the failed
   * address): join the site's watch, ask whether a check is due (the background runs it
   * once for all tabs), stop it for every tab of the site, or resume it.
   */
  recoveryWatch: {
    request: {
      action: WatchAction;
      url?: string;
      /** The failed answer's Retry-After, in ms (join only). */
      retryAfterMs?: number | null;
      hidden: boolean;
      online: boolean;
    };
    response: { view: WatchView | null };
  };
}

/** Sent by the background to the failing tabs of a site when its watch changes. */
export interface RecoveryTabProtocol {
  watchChanged: { request: { view: WatchView }; response: undefined };
}
