/**
 * Which tabs are in a private (incognito) window, so nothing from them is written to disk:
 * no history entry, no draft in local storage. Known from the tabs themselves; kept in
 * session storage (memory) so it still answers for a tab after it closed or the worker
 * restarted.
 */
import { browser, type Tabs } from '~/shared/browser.ts';

const KEY = 'private-tabs';
/** Tab ids are never reused within a session; keep the list bounded all the same. */
const MAX_REMEMBERED = 1000;

const known = new Map<number, boolean>();

async function remembered(): Promise<number[]> {
  const stored = await browser.storage.session
    .get(KEY)
    .catch(() => ({}) as Record<string, unknown>);
  const list = (stored as Record<string, unknown>)[KEY];
  return Array.isArray(list) ? list.filter((id): id is number => Number.isInteger(id)) : [];
}

/** Notes a tab's window kind (from any tab object the browser hands over). */
export async function notePrivacy(tab: Pick<Tabs.Tab, 'id' | 'incognito'>): Promise<void> {
  if (tab.id === undefined) return;
  const before = known.get(tab.id);
  known.set(tab.id, tab.incognito);
  if (!tab.incognito || before === true) return;
  const list = await remembered();
  if (list.includes(tab.id)) return;
  await browser.storage.session
    .set({ [KEY]: [...list, tab.id].slice(-MAX_REMEMBERED) })
    .catch(() => undefined);
}

/** True for a tab of a private window, also after it closed. */
export async function isPrivateTab(tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined) return false;
  const seen = known.get(tabId);
  if (seen !== undefined) return seen;
  if ((await remembered()).includes(tabId)) return true;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab) return false;
  await notePrivacy(tab);
  return tab.incognito;
}

/** Called at the worker's top level: learns of private tabs as they open and load. */
export function watchPrivateTabs(): void {
  browser.tabs.onCreated.addListener((tab) => void notePrivacy(tab));
  browser.tabs.onUpdated.addListener((_id, _change, tab) => void notePrivacy(tab));
  void browser.tabs
    .query({})
    .then((tabs) => Promise.all(tabs.map(notePrivacy)))
    .catch(() => undefined);
}
