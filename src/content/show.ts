import type { Incident } from '~/shared/incident.ts';
import type { PagePrompt } from '~/shared/page-prompt.ts';
import type { SiteView } from '~/shared/protocol/messages.ts';
import { pageState } from './page-state.ts';
import { loadedPageUi, loadPageUi } from './page-ui-loader.ts';

/** From the settings, via the `pageStarted` reply; null: not heard yet (the defaults). */
let prompt: PagePrompt | null = null;

export function setPrompt(value: PagePrompt | null | undefined): void {
  prompt = value ?? null;
}

/** The episode the user dismissed: later updates of it stay quiet. */
let dismissedEpisode: number | null = null;

/**
 * Starts loading the page UI ahead of `show`, when the page is about to report a failure;
 * not when the user chose to be shown nothing.
 */
export function prefetchPageUi(): void {
  if (prompt?.mode === 'off') return;
  loadPageUi().catch(() => undefined);
}

/**
 * Shows (or updates, or removes) the panel for the tab's incident. A panel is one episode:
 * the background's incidents carry theirs (`firstAt`); a page that shows what it found
 * before the background answers names the episode, so the answer updates that panel.
 */
export async function show(
  site: SiteView,
  incident: Incident | null,
  retryAfterMs: number | null = null,
  episode: number | undefined = incident?.firstAt,
): Promise<void> {
  // "Off": the badge and the history still know; the page shows nothing (nor loads it).
  if (prompt?.mode === 'off') {
    pageState().latest = incident;
    return;
  }
  // Nothing shown and nothing to show: the page UI stays unloaded on a healthy page.
  if (!incident && !loadedPageUi()) {
    pageState().latest = null;
    return;
  }
  // The panel and its fixes load only when there is something to show.
  const host = await loadPageUi();
  const { pageFixes } = host;
  pageState().latest = incident;
  if (!incident || episode === dismissedEpisode) {
    if (!incident) host.hidePanel();
    return;
  }
  const problem = incident.failure
    ? { failure: incident.failure, request: incident.surface === 'compact' }
    : incident.refusal
      ? { refusal: incident.refusal }
      : null;
  if (!problem) return;
  host.showPanel({
    // One panel per episode: an update of the same episode keeps its retry loop running.
    episode: episode ?? incident.firstAt,
    problem,
    variant:
      incident.surface === 'page' && incident.failure && prompt?.mode !== 'compact'
        ? 'overlay'
        : 'compact',
    count: incident.count,
    composer: site.composer,
    // Refusals (rate limit, challenge...) get words, never fixes: nothing to retry.
    fixes: incident.failure
      ? pageFixes(site, incident, retryAfterMs, prompt ? prompt.autoRetry : undefined)
      : undefined,
    onDismiss: () => {
      dismissedEpisode = episode ?? incident.firstAt;
    },
  });
}

/**
 * Whether the incident the background held when this page started was heard in this
 * document. One heard before it (a failed answer, then the user reloaded) belongs to the
 * page that is gone: the background ends it once this load proves healthy, and showing it
 * meanwhile would flash a stale notice over a page that works.
 */
export function heardInThisDocument(
  incident: Incident | null | undefined,
  documentStart: number = performance.timeOrigin,
): incident is Incident {
  return !!incident && incident.lastAt >= documentStart;
}
