import { browser } from '~/shared/browser.ts';
import { isSiteEnabled, type Settings } from '~/shared/settings/model.ts';
import { SITES } from '~/sites/index.ts';
import { settings } from '../current-settings.ts';
import { readAllStatuses } from './fetch-status.ts';

export const STATUS_ALARM = 'gateway-guard-status-check';
/** Slow on purpose: status pages are read when useful; this only keeps the popup fresh. */
export const STATUS_PERIOD_MINUTES = 30;

let listening = false;

/** The optional periodic status check, off by default. */
export async function scheduleStatusChecks(settings: Settings): Promise<void> {
  const alarms = browser.alarms;
  if (!alarms) return;
  if (!settings.periodicStatusCheck) {
    await alarms.clear(STATUS_ALARM).catch(() => false);
    return;
  }
  listenForStatusAlarm();
  if (!(await alarms.get(STATUS_ALARM).catch(() => undefined))) {
    await alarms.create(STATUS_ALARM, { periodInMinutes: STATUS_PERIOD_MINUTES });
  }
}

/** Called at the worker's top level, so the alarm can wake it. */
export function listenForStatusAlarm(): void {
  if (listening || !browser.alarms) return;
  listening = true;
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === STATUS_ALARM) void settings().then(checkAll);
  });
}

function checkAll(current: Settings) {
  if (!current.periodicStatusCheck) return;
  const ids = SITES.map((site) => site.id).filter((id) => isSiteEnabled(current, id));
  return readAllStatuses(ids);
}
