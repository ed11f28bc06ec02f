import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newIncident } from '~/shared/incident.ts';
import { statusOf } from '../../../test/unit/status-of.ts';
import type { FixActions } from './fix-actions.ts';
import type { FixContext } from './fix-plan.ts';
import { Panel, type PanelFixes, type PanelProps } from './Panel.tsx';

let mount: HTMLElement;
const anyClick = () => true;

/**
 * The panel's fixes for a 502 on ChatGPT's page, as the page would plan them; only the
 * fixes given an action are offered (the demo surface: Retry now and the report).
 */
function fixes(actions: Partial<FixActions> = {}, context: Partial<FixContext> = {}): PanelFixes {
  return {
    context: {
      surface: 'page',
      url: 'https://chatgpt.com/c/1',
      failure: { kind: 'http', status: 502 },
      incident: null,
      site: {
        id: 'chatgpt',
        name: 'ChatGPT',
        hosts: ['chatgpt.com'],
        statusPage: 'https://status.openai.com',
        statusSource: statusOf('chatgpt'),
        cookieScope: { by: 'domain', domains: ['chatgpt.com'], wider: false },
      },
      autoRetry: false,
      cannotClearCache: false,
      proxyCheckHere: false,
      ...context,
    },
    actions: { retryNow: vi.fn(), ...actions },
  };
}

/** ChatGPT's status page as the background reads it. */
const statusReading = (level: 'major-outage' | 'operational') => ({
  level,
  component: null,
  incidents: [],
  readAt: 0,
  source: 'https://status.openai.com',
  unknownReason: null,
  inferred: false,
});

/** `flushEffects: false` renders as the page does, leaving effects to the next frame. */
function show(props: Partial<PanelProps> = {}, { flushEffects = true } = {}) {
  mount = document.createElement('div');
  document.body.append(mount);
  const retryNow = vi.fn();
  const onDismiss = vi.fn();
  const draw = () =>
    render(
      <Panel
        problem={{ failure: { kind: 'http', status: 502 } }}
        url="https://chatgpt.com/c/1"
        variant="overlay"
        fixes={fixes({ retryNow }, { surface: 'demo' })}
        onDismiss={onDismiss}
        accept={anyClick}
        {...props}
      />,
      mount,
    );
  if (flushEffects) act(draw);
  else draw();
  const dialog = mount.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error('no dialog');
  const button = (name: string) =>
    [...dialog.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
  const names = () => [...dialog.querySelectorAll('button')].map((b) => b.textContent);
  return { dialog, button, names, retryNow, onDismiss };
}

afterEach(() => {
  act(() => render(null, mount));
  mount.remove();
  vi.useRealTimers();
});

describe('Panel', () => {
  it('is a dialog named by its code and title', () => {
    const { dialog } = show();
    const title = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('502 Bad Gateway');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain("chatgpt.com's side");
  });

  it('names a network failure by its kind', () => {
    const { dialog } = show({
      problem: { failure: { kind: 'network', network: 'timed-out', raw: 'net::ERR_TIMED_OUT' } },
    });
    expect(dialog.querySelector('h2')?.textContent).toBe('Connection timed out');
  });

  it('focuses Retry now first and wires both buttons', () => {
    const { button, retryNow, onDismiss } = show();
    expect(document.activeElement).toBe(button('Retry now'));
    act(() => button('Retry now').click());
    act(() => button('Dismiss').click());
    expect(retryNow).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('ignores clicks that do not come from the user (a page script clicking)', () => {
    const { button, retryNow, onDismiss } = show({ accept: undefined });
    act(() => button('Retry now').click()); // Synthetic: isTrusted is false.
    act(() => button('Dismiss').click());
    expect(retryNow).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('dismisses on Escape', () => {
    const { onDismiss } = show();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('hears Escape and holds focus the moment it is on screen, before effects would run', () => {
    // The page renders without act(): an Escape pressed as soon as the panel shows must
    // not fall into the gap before the browser's next frame.
    const { button, onDismiss } = show({}, { flushEffects: false });
    expect(document.activeElement).toBe(button('Retry now'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('keeps Tab inside the dialog', () => {
    const { dialog, button } = show();
    button('Dismiss').focus();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    expect(document.activeElement).toBe(button('Retry now'));
    dialog.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true }),
    );
    expect(document.activeElement).toBe(button('Dismiss'));
  });

  it('is not modal as the content of the recovery page', () => {
    const { dialog } = show({ variant: 'page' });
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
  });

  it('as a compact notice: does not take focus, shows the count, Escape works inside it', () => {
    const before = document.createElement('textarea');
    document.body.append(before);
    before.focus();
    const { dialog, onDismiss, names } = show({ variant: 'compact', count: 300 });
    expect(document.activeElement).toBe(before);
    expect(dialog.textContent).toContain('300 failed requests so far');
    expect(names()).toEqual(['Retry now', 'Dismiss', 'More fixes']);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onDismiss).not.toHaveBeenCalled();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onDismiss).toHaveBeenCalledOnce();
    before.remove();
  });

  it('as a compact notice: only the code, the meaning and the actions until More fixes', () => {
    const { dialog, button, names } = show({
      variant: 'compact',
      problem: { failure: { kind: 'http', status: 502 }, request: true },
      fixes: fixes({}, { request: true }),
    });
    expect(dialog.querySelector('h2')?.textContent).toBe('502 Bad Gateway');
    expect(dialog.textContent).toContain('failed to answer your message');
    expect(dialog.textContent).not.toContain('for this page');
    expect(dialog.textContent).not.toContain("chatgpt.com's side");
    expect(dialog.textContent).not.toContain('Status page');
    expect(names()).toEqual(['Retry now', 'Dismiss', 'More fixes']);
    act(() => button('More fixes').click());
    expect(dialog.textContent).toContain("chatgpt.com's side");
    expect(dialog.textContent).toContain('Status page');
  });

  it('offers the site’s own retry by name where the page has it', () => {
    const { names } = show({
      variant: 'compact',
      problem: { failure: { kind: 'http', status: 502 }, request: true },
      fixes: fixes({}, { request: true, siteRetry: true }),
    });
    expect(names()[0]).toBe('Retry the answer');
  });

  it('shows status, time and trace ids under Technical details', () => {
    const { dialog } = show({
      fixes: fixes(
        {},
        {
          incident: {
            ...newIncident({
              siteId: 'chatgpt',
              url: 'https://chatgpt.com/c/1',
              surface: 'page',
              verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
              now: 1,
            }),
            trace: {
              at: Date.parse('2026-11-27T06:40:12Z'),
              headers: { 'cf-ray': '8f1e2d3c4b5a6978-FRA' },
              tookMs: 1234,
            },
          },
        },
      ),
    });
    const details = dialog.querySelector('details');
    expect(details?.textContent).toContain('Request took1234 ms');
    expect(details?.querySelector('summary')?.textContent).toBe('Technical details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('cf-ray8f1e2d3c4b5a6978-FRA');
    expect(details?.textContent).toContain('Time (UTC)2026-11-27T06:40:12Z');
  });

  it('says it is a demo when it is one', () => {
    expect(show({ demo: true }).dialog.textContent).toContain('Demo: nothing has failed');
    act(() => render(null, mount));
    expect(show().dialog.textContent).not.toContain('Demo');
  });

  it('explains a refusal without offering any fix', () => {
    const { dialog, names } = show({
      problem: { refusal: { kind: 'rate-limit', status: 429 } },
      fixes: undefined,
    });
    expect(dialog.querySelector('h2')?.textContent).toBe('429 Too Many Requests');
    expect(names()).toEqual(['Dismiss']);
    expect(dialog.textContent).toContain('not an outage');
  });

  it('quotes the site’s own notice as text, never as markup', () => {
    const { dialog } = show({
      problem: {
        failure: { kind: 'page', text: '<img src=x onerror=alert(1)> Error in message stream' },
      },
    });
    expect(dialog.querySelector('q')?.textContent).toContain('<img src=x');
    expect(dialog.querySelector('img')).toBeNull();
  });

  it('lists the other fixes in order of least harm', () => {
    const { names, dialog } = show({
      fixes: fixes({
        reloadBypassingCache: vi.fn(),
        clearSiteData: vi.fn(async () => true),
        copyReport: async () => ({ copied: true, text: '' }),
      }),
    });
    expect(names()).toEqual([
      'Retry now',
      'Dismiss',
      'Reload without cache',
      'Clear site data',
      'Network checks',
      'Copy report',
    ]);
    const link = dialog.querySelector('a');
    expect(link?.textContent).toBe('Status page');
    expect(link?.getAttribute('href')).toBe('https://status.openai.com');
    expect(link?.getAttribute('rel')).toContain('noopener');
  });

  it('puts the local fixes before Retry now when the status page says all is well', async () => {
    const operational = statusReading('operational');
    const { dialog, names } = show({
      fixes: fixes({
        reloadBypassingCache: vi.fn(),
        copyReport: async () => ({ copied: true, text: '' }),
        loadStatus: async () => ({ chatgpt: operational }),
      }),
    });
    expect(names()).toEqual([
      'Retry now',
      'Dismiss',
      'Reload without cache',
      'Network checks',
      'Copy report',
    ]);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(dialog.textContent).toContain('ChatGPT status: Operational');
    expect(names()).toEqual([
      'Reload without cache',
      'Network checks',
      'Copy report',
      'Retry now',
      'Dismiss',
    ]);
  });

  it('keeps Retry now first when the status page reports an outage', async () => {
    const outage = statusReading('major-outage');
    const { names } = show({
      fixes: fixes({
        reloadBypassingCache: vi.fn(),
        loadStatus: async () => ({ chatgpt: outage }),
      }),
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(names()).toEqual(['Retry now', 'Dismiss', 'Reload without cache', 'Network checks']);
  });

  it('reads the status again while it stays open, and keeps it when a re-read fails', async () => {
    vi.useFakeTimers();
    const answers = [
      async () => ({ chatgpt: statusReading('major-outage') }),
      async () => Promise.reject(new Error('offline')),
      async () => ({ chatgpt: statusReading('operational') }),
    ];
    let reads = 0;
    const loadStatus = vi.fn(() =>
      (answers[Math.min(reads++, answers.length - 1)] as () => never)(),
    );
    const { dialog } = show({ fixes: fixes({ loadStatus }) });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(dialog.textContent).toContain('ChatGPT status: Major outage');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(loadStatus).toHaveBeenCalledTimes(2);
    expect(dialog.textContent).toContain('ChatGPT status: Major outage');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(dialog.textContent).toContain('ChatGPT status: Operational');
    vi.useRealTimers();
  });

  it('offers no fix the place has not wired, whatever the plan', () => {
    const { names } = show({ fixes: fixes({}, { autoRetry: true }) });
    expect(names()).toEqual(['Retry now', 'Dismiss', 'Network checks']);
  });

  it('clears site data in two named steps, cookies only after the warning', async () => {
    const run = vi.fn(async () => true);
    const clear = (storageCleared: boolean) =>
      show({
        fixes: fixes(
          { clearSiteData: run },
          {
            incident: {
              ...newIncident({
                siteId: 'chatgpt',
                url: 'https://chatgpt.com/c/1',
                surface: 'page',
                verdict: { kind: 'outage', failure: { kind: 'http', status: 502 } },
                now: 1,
              }),
              fixes: storageCleared ? [{ fix: 'clear-storage', at: 2, result: 'done' }] : [],
            },
          },
        ),
      });
    const first = clear(false);
    act(() => first.button('Clear site data').click());
    expect(run).not.toHaveBeenCalled();
    expect(first.dialog.textContent).toContain('You stay signed in');
    await act(async () => first.button('Clear cache and site storage').click());
    expect(run).toHaveBeenCalledWith('storage');
    act(() => render(null, mount));

    const second = clear(true);
    act(() => second.button('Clear site data').click());
    expect(second.dialog.textContent).toContain('signs you out');
    await act(async () => second.button('Clear cookies and sign out').click());
    expect(run).toHaveBeenLastCalledWith('cookies');
  });

  it('counts down to the next check in words, and Stop stops the site’s watch', async () => {
    vi.useFakeTimers();
    const at = Date.now();
    const base = {
      siteId: 'chatgpt',
      siteName: 'ChatGPT',
      phase: 'steady' as const,
      checks: 14,
      since: at - 30 * 60_000,
      limitMs: 2 * 60 * 60_000,
      outageSince: at - 31 * 60_000,
    };
    const waiting = { ...base, state: 'waiting' as const, dueAt: at + 47_000, wakeAt: at + 47_000 };
    const send = vi.fn(async (action: string) =>
      action === 'stop'
        ? { ...base, state: 'stopped' as const, dueAt: null, wakeAt: null }
        : waiting,
    );
    const { dialog, button } = show({ fixes: fixes({ autoRetry: { send } }, { autoRetry: true }) });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(send).toHaveBeenCalledWith('join', expect.anything());
    expect(dialog.textContent).toMatch(/next check in 4[67] s/);
    expect(dialog.textContent).toMatch(/Checked 14 times since \d/);
    expect(dialog.textContent).toMatch(/ChatGPT reports a major outage since \d/);
    expect(dialog.textContent).not.toMatch(/attempt \d of \d/);
    expect(dialog.querySelector('[aria-live="polite"]')?.textContent).toContain(
      'about once a minute',
    );
    act(() => button('Stop retrying').click());
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(send).toHaveBeenLastCalledWith('stop', expect.anything());
    expect(dialog.textContent).toContain('Automatic retry stopped.');
    expect(button('Keep checking')).toBeDefined();
    vi.useRealTimers();
  });

  it('says when it stopped at the limit, and one click resumes', async () => {
    vi.useFakeTimers();
    const limit = {
      siteId: 'chatgpt',
      siteName: 'ChatGPT',
      phase: 'steady' as const,
      checks: 150,
      since: Date.now() - 2 * 60 * 60_000,
      limitMs: 2 * 60 * 60_000,
      outageSince: null,
      state: 'limit' as const,
      dueAt: null,
      wakeAt: null,
    };
    const send = vi.fn(async (action: string) =>
      action === 'resume'
        ? {
            ...limit,
            state: 'waiting' as const,
            dueAt: Date.now() + 2000,
            wakeAt: Date.now() + 2000,
          }
        : limit,
    );
    const { dialog, button } = show({ fixes: fixes({ autoRetry: { send } }, { autoRetry: true }) });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(dialog.textContent).toContain('Stopped checking after 2 hours');
    act(() => button('Keep checking').click());
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(send).toHaveBeenLastCalledWith('resume', expect.anything());
    expect(dialog.textContent).toMatch(/next check in \d s/);
    vi.useRealTimers();
  });
});
