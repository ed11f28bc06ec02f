import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '~/shared/settings/model.ts';
import { STATUS_ALARM, STATUS_PERIOD_MINUTES, scheduleStatusChecks } from './periodic.ts';

describe('periodic status check', () => {
  it('is off by default: no alarm', async () => {
    await scheduleStatusChecks(defaultSettings());
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('sets a slow alarm when turned on, and clears it when turned off', async () => {
    await scheduleStatusChecks({ ...defaultSettings(), periodicStatusCheck: true });
    const alarm = await fakeBrowser.alarms.get(STATUS_ALARM);
    expect(alarm?.periodInMinutes).toBe(STATUS_PERIOD_MINUTES);
    await scheduleStatusChecks({ ...defaultSettings(), periodicStatusCheck: true });
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    await scheduleStatusChecks(defaultSettings());
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
