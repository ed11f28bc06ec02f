/** The optional proxy permission is held for one reading only. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkProxy } from './proxy-check.ts';

const request = vi.fn(async () => true);
const remove = vi.fn(async () => true);
const get = vi.fn(async () => ({ value: { proxyType: 'none' }, levelOfControl: 'x' }));

beforeEach(() => {
  request.mockClear();
  remove.mockClear();
  Object.assign(fakeBrowser.permissions, { request, remove });
  Object.assign(fakeBrowser, { proxy: { settings: { get } } });
});

describe('proxy check', () => {
  it('gives the permission back right after reading the settings', async () => {
    await expect(checkProxy()).resolves.toBe('not-set');
    expect(remove).toHaveBeenCalledExactlyOnceWith({ permissions: ['proxy'] });
    expect(get.mock.invocationCallOrder[0]).toBeLessThan(remove.mock.invocationCallOrder[0] ?? 0);
  });

  it('gives it back even when the reading fails', async () => {
    get.mockRejectedValueOnce(new Error('gone'));
    await expect(checkProxy()).resolves.toBe('unknown');
    expect(remove).toHaveBeenCalledOnce();
  });

  it('has nothing to give back when declined', async () => {
    request.mockResolvedValueOnce(false);
    await expect(checkProxy()).resolves.toBe('declined');
    expect(remove).not.toHaveBeenCalled();
  });
});
