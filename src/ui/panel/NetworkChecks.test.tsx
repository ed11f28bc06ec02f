import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checksLogResult, NetworkChecks, type NetworkChecksProps } from './NetworkChecks.tsx';

let mount: HTMLElement;
/** Hosts whose probe fails; every other host answers. */
let down: Set<string>;
const fetchMock = vi.fn(async (url: string, _init?: RequestInit) => {
  if (down.has(new URL(url).hostname)) throw new TypeError('Failed to fetch');
  return { type: 'opaque', status: 0 } as Response;
});
const request = vi.fn(async (_: { permissions?: string[] }) => true);
const get = vi.fn(async () => ({
  value: { proxyType: 'none' } as Record<string, unknown>,
  levelOfControl: 'controllable_by_this_extension',
}));

beforeEach(() => {
  down = new Set();
  fetchMock.mockClear();
  request.mockReset().mockResolvedValue(true);
  get.mockClear();
  vi.stubGlobal('fetch', fetchMock);
  Object.assign(fakeBrowser.permissions, { request });
  Object.assign(fakeBrowser, { proxy: { settings: { get } } });
});

afterEach(() => {
  render(null, mount);
  mount.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const trusted = () => true;

function show(props: Partial<NetworkChecksProps> = {}) {
  mount = document.createElement('div');
  document.body.append(mount);
  act(() => {
    render(
      <NetworkChecks
        siteHost="chatgpt.com"
        statusHost="status.openai.com"
        canCheckProxy={false}
        accept={trusted}
        {...props}
      />,
      mount,
    );
  });
  const root = mount.querySelector('section') as HTMLElement;
  const buttons = () => [...root.querySelectorAll('button')].map((b) => b.textContent);
  const button = (name: string) => {
    const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
    if (!found) throw new Error(`no button ${name}: ${buttons().join(', ')}`);
    return found;
  };
  const rows = () =>
    Object.fromEntries(
      [...root.querySelectorAll('li.gg-check')].map((li) => [
        li.querySelector('.gg-check-name')?.textContent,
        li.querySelector('.gg-check-state')?.textContent,
      ]),
    );
  const summary = () => root.querySelector('[aria-live]')?.textContent ?? '';
  return { root, button, buttons, rows, summary };
}

/** Lets pending probes and renders finish. */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });

describe('NetworkChecks', () => {
  it('starts with every row not run, a named section and nothing announced', () => {
    const { root, rows, summary, buttons } = show({ canCheckProxy: true });
    const title = root.querySelector(`#${CSS.escape(root.getAttribute('aria-labelledby') ?? '')}`);
    expect(title?.textContent).toBe('Network checks');
    expect(rows()).toEqual({
      'Browser online': 'Not run',
      'chatgpt.com can be reached': 'Not run',
      'status.openai.com can be reached (status page)': 'Not run',
      "Proxy in the browser's settings": 'Not run',
    });
    expect(buttons()).toEqual(['Run network checks', 'Check for a proxy']);
    expect(summary()).toBe('');
    expect(root.textContent).toContain('Only chatgpt.com and its status page are contacted.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('announces politely, on the result summary only', () => {
    const { root } = show();
    const live = root.querySelectorAll('[aria-live]');
    expect(live).toHaveLength(1);
    expect(live[0]?.getAttribute('aria-live')).toBe('polite');
    expect(live[0]?.classList.contains('gg-checks-summary')).toBe(true);
  });

  it('site answers: reached with a time, and it is the service', async () => {
    const { button, rows, summary } = show();
    act(() => button('Run network checks').click());
    expect(rows()['chatgpt.com can be reached']).toBe('Checking…');
    expect(summary()).toBe('Running the checks…');
    await settle();
    expect(rows()).toEqual({
      'Browser online': 'Online',
      'chatgpt.com can be reached': expect.stringMatching(/^Reached in \d+ ms$/),
      'status.openai.com can be reached (status page)':
        expect.stringMatching(/^Reached in \d+ ms$/),
    });
    expect(summary()).toContain("the problem is most likely on the service's side");
    expect(summary()).toContain('Wait a few minutes, then retry.');
  });

  it('contacts only the site and its status page, without cookies', async () => {
    const { button } = show();
    act(() => button('Run network checks').click());
    await settle();
    expect(fetchMock.mock.calls.map(([url]) => url).sort()).toEqual([
      'https://chatgpt.com/',
      'https://status.openai.com/',
    ]);
    for (const [, init] of fetchMock.mock.calls) {
      expect(init).toMatchObject({ method: 'HEAD', mode: 'no-cors', credentials: 'omit' });
    }
  });

  it('only the site unreachable: the service, or something blocking just it', async () => {
    down.add('chatgpt.com');
    const { button, rows, summary } = show();
    act(() => button('Run network checks').click());
    await settle();
    expect(rows()['chatgpt.com can be reached']).toBe('Failed: no answer');
    expect(summary()).toContain(
      'chatgpt.com could not be reached, but status.openai.com could. Most likely the service is down',
    );
    expect(summary()).toContain('Turn off your VPN or proxy');
  });

  it('both unreachable: your connection, restart the router, another network', async () => {
    down.add('chatgpt.com').add('status.openai.com');
    const { button, summary, root } = show();
    act(() => button('Run network checks').click());
    await settle();
    expect(summary()).toContain(
      'Neither chatgpt.com nor status.openai.com could be reached: the problem is most likely your connection.',
    );
    const steps = [...root.querySelectorAll('.gg-checks-steps li')].map((li) => li.textContent);
    expect(steps).toEqual([
      'Restart your router: unplug it for 30 seconds, then plug it back in.',
      "Try another network, such as your phone's hotspot.",
    ]);
  });

  it('offline: says so', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    down.add('chatgpt.com').add('status.openai.com');
    const { button, rows, summary } = show();
    act(() => button('Run network checks').click());
    await settle();
    expect(rows()['Browser online']).toBe('Offline');
    expect(summary()).toContain('Your browser is offline');
  });

  it('without a status page: no other-host row, nothing else contacted', async () => {
    down.add('chatgpt.com');
    const { button, rows, summary } = show({ statusHost: null });
    expect(Object.keys(rows())).toEqual(['Browser online', 'chatgpt.com can be reached']);
    act(() => button('Run network checks').click());
    await settle();
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(summary()).toContain('chatgpt.com could not be reached. This can be the service');
  });

  it('checks for a proxy: asks for the permission within the click, then reads it', async () => {
    get.mockResolvedValueOnce({
      value: { proxyType: 'manual', http: 'proxy.corp:3128' },
      levelOfControl: 'controllable_by_this_extension',
    });
    const { button, rows, summary } = show({ canCheckProxy: true });
    const click = button('Check for a proxy');
    let requestsDuringClick = 0;
    // Runs right after the component's own handler, still inside the same click.
    click.addEventListener('click', () => {
      requestsDuringClick = request.mock.calls.length;
    });
    act(() => click.click());
    expect(requestsDuringClick).toBe(1);
    expect(request).toHaveBeenCalledExactlyOnceWith({ permissions: ['proxy'] });
    expect(rows()["Proxy in the browser's settings"]).toBe('Checking…');
    await settle();
    expect(rows()["Proxy in the browser's settings"]).toBe('A proxy is set');
    expect(summary()).toContain('A proxy is set in the browser.');
    expect(summary()).toContain('Turn off your VPN or proxy, then try again.');
    // The proxy check contacts nobody.
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a declined permission and system settings read plainly', async () => {
    request.mockResolvedValueOnce(false);
    const { button, rows, summary } = show({ canCheckProxy: true });
    act(() => button('Check for a proxy').click());
    await settle();
    expect(rows()["Proxy in the browser's settings"]).toBe('Not checked: permission not given');
    expect(get).not.toHaveBeenCalled();

    get.mockResolvedValueOnce({
      value: { proxyType: 'system' },
      levelOfControl: 'controllable_by_this_extension',
    });
    act(() => button('Check for a proxy').click());
    await settle();
    expect(rows()["Proxy in the browser's settings"]).toBe(
      "Uses the system's settings, which Gateway Guard can't see",
    );
    expect(summary()).toContain("uses your system's proxy settings");
  });

  it('where the proxy cannot be checked: offers the full checks instead', () => {
    const onOpenFullChecks = vi.fn();
    const { button, buttons, rows } = show({ canCheckProxy: false, onOpenFullChecks });
    expect(buttons()).toEqual(['Run network checks', 'Open full network checks']);
    expect(rows()["Proxy in the browser's settings"]).toBe(
      'The proxy check runs on a Gateway Guard page.',
    );
    act(() => button('Open full network checks').click());
    expect(onOpenFullChecks).toHaveBeenCalledOnce();
    expect(request).not.toHaveBeenCalled();
  });

  it('with no way to check a proxy (Chrome): no proxy row', () => {
    const { buttons, rows } = show({ canCheckProxy: false });
    expect(buttons()).toEqual(['Run network checks']);
    expect(Object.keys(rows())).not.toContain("Proxy in the browser's settings");
  });

  it('ignores clicks that are not the user’s (a site script clicking into the shadow root)', async () => {
    const onOpenFullChecks = vi.fn();
    const { button } = show({ accept: undefined, onOpenFullChecks });
    act(() => {
      button('Run network checks').click();
      button('Open full network checks').click();
    });
    await settle();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(onOpenFullChecks).not.toHaveBeenCalled();
  });

  it('does not start a second run while one is going', async () => {
    const { button } = show();
    act(() => button('Run network checks').click());
    expect(button('Run network checks').getAttribute('aria-disabled')).toBe('true');
    act(() => button('Run network checks').click());
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(button('Run network checks').hasAttribute('aria-disabled')).toBe(false);
  });

  it('runs on its own when asked, and reports the results', async () => {
    down.add('status.openai.com');
    const onResults = vi.fn();
    show({ autoRun: true, onResults });
    await settle();
    expect(onResults).toHaveBeenCalledOnce();
    const [results, advice] = onResults.mock.calls[0] ?? [];
    expect(results).toMatchObject({
      online: true,
      site: { reachable: true },
      other: { reachable: false, ms: null },
      proxy: null,
    });
    expect(advice.findings).toEqual(['adviceService']);
    expect(checksLogResult(results)).toMatch(/^site \d+ms, other fail$/);
  });

  it('every control is a native button, reachable by keyboard', () => {
    const { root } = show({ canCheckProxy: true });
    for (const control of root.querySelectorAll('button')) {
      expect(control.getAttribute('type')).toBe('button');
      expect(control.tabIndex).toBe(0);
      expect(control.hasAttribute('disabled')).toBe(false);
    }
  });
});

describe('checksLogResult', () => {
  it('fits the fix log', () => {
    expect(
      checksLogResult({
        online: false,
        site: { reachable: false, ms: null },
        other: { reachable: false, ms: null },
        proxy: 'declined',
      }).length,
    ).toBeLessThanOrEqual(40);
    expect(
      checksLogResult({
        online: true,
        site: { reachable: true, ms: 12 },
        other: null,
        proxy: 'not-set',
      }),
    ).toBe('site 12ms, other -, proxy not-set');
  });
});
