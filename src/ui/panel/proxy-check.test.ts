import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  canCheckProxyHere,
  checkProxy,
  proxyStateOf,
  readProxySettings,
  requestProxyPermission,
} from './proxy-check.ts';

const request = vi.fn<(p: { permissions?: string[] }) => Promise<boolean>>();
const get = vi.fn<() => Promise<{ value: unknown; levelOfControl: string }>>();

beforeEach(() => {
  request.mockReset().mockResolvedValue(true);
  get.mockReset().mockResolvedValue({
    value: { proxyType: 'none' },
    levelOfControl: 'controllable_by_this_extension',
  });
  Object.assign(fakeBrowser.permissions, { request });
  Object.assign(fakeBrowser, { proxy: { settings: { get } } });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('checkProxy', () => {
  it('asks for the permission synchronously, before anything is awaited', () => {
    void checkProxy();
    expect(request).toHaveBeenCalledExactlyOnceWith({ permissions: ['proxy'] });
  });

  it('reads the settings once granted', async () => {
    get.mockResolvedValue({
      value: { proxyType: 'manual', http: 'proxy.corp:3128' },
      levelOfControl: 'controllable_by_this_extension',
    });
    await expect(checkProxy()).resolves.toBe('set');
    expect(get).toHaveBeenCalledWith({});
  });

  it('declined, refused or throwing: declined, and the settings are not read', async () => {
    request.mockResolvedValueOnce(false);
    await expect(checkProxy()).resolves.toBe('declined');
    request.mockRejectedValueOnce(new Error('May only request permissions from a user gesture'));
    await expect(checkProxy()).resolves.toBe('declined');
    request.mockImplementationOnce(() => {
      throw new Error('Only permissions specified in the manifest may be requested.');
    });
    await expect(checkProxy()).resolves.toBe('declined');
    expect(get).not.toHaveBeenCalled();
  });

  it('requestProxyPermission resolves to the answer', async () => {
    await expect(requestProxyPermission()).resolves.toBe(true);
  });
});

describe('readProxySettings', () => {
  it('no proxy API (no permission, Firefox for Android): unknown', async () => {
    Object.assign(fakeBrowser, { proxy: undefined });
    await expect(readProxySettings()).resolves.toBe('unknown');
  });

  it('a failing read: unknown', async () => {
    get.mockRejectedValue(new Error('boom'));
    await expect(readProxySettings()).resolves.toBe('unknown');
  });
});

describe('proxyStateOf', () => {
  it.each([
    // Chrome's modes.
    [{ mode: 'direct' }, 'not-set'],
    [{ mode: 'fixed_servers', rules: { singleProxy: { host: 'p' } } }, 'set'],
    [{ mode: 'pac_script', pacScript: { url: 'http://wpad/wpad.dat' } }, 'set'],
    [{ mode: 'system' }, 'unknown'],
    [{ mode: 'auto_detect' }, 'unknown'],
    // Firefox's proxy types.
    [{ proxyType: 'none' }, 'not-set'],
    [{ proxyType: 'manual', http: 'proxy:8080' }, 'set'],
    [{ proxyType: 'autoConfig', autoConfigUrl: 'http://pac/' }, 'set'],
    [{ proxyType: 'system' }, 'unknown'],
    [{ proxyType: 'autoDetect' }, 'unknown'],
    [{}, 'unknown'],
    [null, 'unknown'],
  ] as const)('%j → %s', (value, state) => {
    expect(proxyStateOf(value)).toBe(state);
  });

  it('another extension in control of an unreadable setting: set', () => {
    expect(proxyStateOf({}, 'controlled_by_other_extensions')).toBe('set');
    expect(proxyStateOf({ mode: 'direct' }, 'controlled_by_other_extensions')).toBe('not-set');
  });
});

describe('canCheckProxyHere', () => {
  it('never in Chrome, never outside an extension page', () => {
    Object.assign(fakeBrowser.runtime, {
      getManifest: () => ({ optional_permissions: ['proxy'] }),
    });
    expect(canCheckProxyHere('chrome')).toBe(false);
    // The unit tests' page is not an extension page.
    expect(canCheckProxyHere('firefox')).toBe(false);
    vi.stubGlobal('location', new URL('moz-extension://0b1c/src/recovery/index.html'));
    expect(canCheckProxyHere('chrome')).toBe(false);
    expect(canCheckProxyHere('firefox')).toBe(true);
  });

  it('only when the manifest lists proxy as optional', () => {
    vi.stubGlobal('location', new URL('moz-extension://0b1c/src/recovery/index.html'));
    Object.assign(fakeBrowser.runtime, { getManifest: () => ({ optional_permissions: [] }) });
    expect(canCheckProxyHere('firefox')).toBe(false);
  });
});
