import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel } from './Panel.tsx';

let mount: HTMLElement;

function show(props: Partial<Parameters<typeof Panel>[0]> = {}) {
  mount = document.createElement('div');
  document.body.append(mount);
  const handlers = { onRetry: vi.fn(), onDismiss: vi.fn() };
  act(() => {
    render(
      <Panel
        problem={{ failure: { kind: 'http', status: 502 } }}
        url="https://chatgpt.com/c/1"
        variant="overlay"
        {...handlers}
        {...props}
      />,
      mount,
    );
  });
  const dialog = mount.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error('no dialog');
  const button = (name: string) =>
    [...dialog.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
  return { dialog, button, ...handlers };
}

afterEach(() => {
  render(null, mount);
  mount.remove();
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
    const { button, onRetry, onDismiss } = show();
    expect(document.activeElement).toBe(button('Retry now'));
    button('Retry now').click();
    button('Dismiss').click();
    expect(onRetry).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('dismisses on Escape', () => {
    const { onDismiss } = show();
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
    const { dialog, onDismiss } = show({ variant: 'compact', count: 300 });
    expect(document.activeElement).toBe(before);
    expect(dialog.textContent).toContain('300 failed requests so far');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onDismiss).not.toHaveBeenCalled();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onDismiss).toHaveBeenCalledOnce();
    before.remove();
  });

  it('explains a refusal without offering a retry', () => {
    const { dialog } = show({
      problem: { refusal: { kind: 'rate-limit', status: 429 } },
      onRetry: undefined,
    });
    expect(dialog.querySelector('h2')?.textContent).toBe('429 Too Many Requests');
    expect([...dialog.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Dismiss']);
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
});
