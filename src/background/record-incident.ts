import { badgeText, type Incident, type IncidentEvent } from '~/shared/incident.ts';
import { sendToTab } from '~/shared/protocol/messages.ts';
import { announceBackOnline } from './back-online.ts';
import { showBadge } from './badge.ts';
import { logEnded, noteEnding } from './history-log.ts';
import { dropTab, getIncident, updateIncident } from './incident-store.ts';
import { readStatus } from './status/fetch-status.ts';

/** How often at most a tab hears about a growing count; the last change always arrives. */
const PUSH_INTERVAL_MS = 250;

const pushTimers = new Map<number, ReturnType<typeof setTimeout>>();
const lastPushAt = new Map<number, number>();

/** Applies an event to a tab's incident, then updates the badge and tells the page. */
export async function record(tabId: number, event: IncidentEvent): Promise<Incident | null> {
  const { before, after } = await updateIncident(tabId, event);
  if (before === after) return after;
  void noteEnding(before, after, event, tabId);
  if (before && !after && isRecovery(event)) void announceBackOnline(before);
  // A new episode: read the site's status page now, so the panel has it when it asks.
  if (after && after.firstAt !== before?.firstAt) void readStatus(after.siteId).catch(() => null);
  if (badgeText(before) !== badgeText(after)) void showBadge(tabId, after);
  if (pageListens(before, after)) schedulePush(tabId, after);
  return after;
}

/**
 * Only a healthy page listens for its incident (a failed answer's notice comes and goes
 * with it); a failed page learns its incident in the answer to its own report, and the
 * recovery page asks for it.
 */
export function pageListens(before: Incident | null, after: Incident | null): boolean {
  return after ? after.surface === 'compact' : before?.surface === 'compact';
}

/** The episode ended because the site worked again (not because the user went elsewhere). */
function isRecovery(event: IncidentEvent): boolean {
  return (
    (event.type === 'page-loaded' && event.healthy && event.siteId !== null) ||
    event.type === 'chat-ok'
  );
}

/** A closed tab's incident ends there: it goes to the history. */
export async function closeTab(tabId: number): Promise<void> {
  const incident = await getIncident(tabId);
  dropTab(tabId);
  if (incident) await logEnded(incident, 'closed', Date.now(), tabId);
}

function schedulePush(tabId: number, incident: Incident | null): void {
  clearTimeout(pushTimers.get(tabId));
  const wait = (lastPushAt.get(tabId) ?? 0) + PUSH_INTERVAL_MS - Date.now();
  const push = () => {
    pushTimers.delete(tabId);
    lastPushAt.set(tabId, Date.now());
    void sendToTab(tabId, 'incident', { incident });
  };
  if (wait <= 0) push();
  else pushTimers.set(tabId, setTimeout(push, wait));
}
