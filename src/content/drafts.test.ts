/**
 * Draft rescue on a page (happy-dom) with an in-memory browser.storage.local, reached as in
 * the browser: through the background's draft handlers, as the top frame of the page's tab.
 * What gets saved when, what comes back, and what a send does to it.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftHandlers } from '~/background/draft-handlers.ts';
import { startDraftRescue } from './drafts.ts';
import { activeDraftRescue } from './page-state.ts';
// Loaded up front, so its on-demand import takes no real time under the fake clock.
import './page-ui.ts';
import { chatgptView } from '../../test/unit/site-view.ts';

const site = chatgptView({
  composer: ['#prompt-textarea', 'form textarea', '[contenteditable="true"]'],
});
const T0 = Date.UTC(2026, 0, 1);

const stored = () => fakeBrowser.storage.local.get(null) as Promise<Record<string, unknown>>;
const area = () => document.getElementById('prompt-textarea') as HTMLTextAreaElement;

function at(path: string) {
  vi.stubGlobal('location', new URL(`https://chatgpt.com${path}`));
}

function page(
  path = '/c/1',
  body = '<main id="chat"></main><form><textarea id="prompt-textarea"></textarea></form>',
) {
  activeDraftRescue()?.stop();
  document.body.innerHTML = body;
  at(path);
}

/** An event as the browser makes it for the user's own typing and clicks. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** What a keystroke does: the value changes, then an input event. */
function type(text: string, target: HTMLTextAreaElement | HTMLInputElement = area()) {
  target.value = text;
  target.dispatchEvent(
    trusted(new InputEvent('input', { bubbles: true, inputType: 'insertText' })),
  );
}

/** The user's click (an element's click() is a script's, which the offer ignores). */
function click(button: HTMLElement | undefined) {
  button?.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
}

/** Messages to the background reach its draft handlers, from this page's top frame. */
function routeToBackground(incognito = false) {
  fakeBrowser.runtime.sendMessage = (async (message: { type: keyof typeof draftHandlers }) => {
    const handler = draftHandlers[message.type] as (m: unknown, s: unknown) => Promise<unknown>;
    const sender = {
      id: fakeBrowser.runtime.id,
      url: String(location.href),
      frameId: 0,
      tab: { id: 7, incognito },
    };
    return handler(message, sender);
  }) as typeof fakeBrowser.runtime.sendMessage;
}

/** Enter in the composer, after which the site empties it by script (no input event). */
function send() {
  area().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  area().value = '';
}

const settled = (ok: boolean, id = fakeBrowser.runtime.id) =>
  fakeBrowser.runtime.onMessage.trigger({ type: 'chatSettled', ok }, { id }, () => undefined);

const offer = () => document.querySelector('gateway-guard-draft')?.shadowRoot ?? null;
const offerButton = (name: string) =>
  [...(offer()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === name);

async function expectStored(expected: Record<string, unknown>) {
  await vi.waitFor(async () => expect(await stored()).toEqual(expected));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
  page();
  routeToBackground();
});
afterEach(() => {
  activeDraftRescue()?.stop();
  document.querySelector('gateway-guard-draft')?.remove();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('saving', () => {
  it('saves the composer’s text half a second after the user stops typing', async () => {
    startDraftRescue(site);
    type('Hel');
    await vi.advanceTimersByTimeAsync(300);
    type('Hello');
    await vi.advanceTimersByTimeAsync(300);
    expect(await stored()).toEqual({});
    await vi.advanceTimersByTimeAsync(300);
    await expectStored({ 'draft:chatgpt /c/1': { text: 'Hello', savedAt: T0 + 800 } });
  });

  it('never saves any other field', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<input id="search"><textarea id="notes"></textarea>',
    );
    startDraftRescue(site);
    type('my secret search', document.getElementById('search') as HTMLInputElement);
    type('private notes', document.getElementById('notes') as HTMLTextAreaElement);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await stored()).toEqual({});
  });

  it('saveNow saves at once, also text the user did not type on this page', async () => {
    const rescue = startDraftRescue(site);
    area().value = 'the site’s own saved draft';
    await rescue.saveNow();
    expect(await stored()).toEqual({
      'draft:chatgpt /c/1': { text: 'the site’s own saved draft', savedAt: T0 },
    });
  });

  it('saves the last keystrokes on Enter, before the site empties the composer', async () => {
    startDraftRescue(site);
    type('Quick');
    await vi.advanceTimersByTimeAsync(600);
    type('Quick message');
    send();
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(async () =>
      expect((await stored())['draft:chatgpt /c/1']).toMatchObject({ text: 'Quick message' }),
    );
  });
});

describe('giving the draft back', () => {
  it('refills an empty composer', async () => {
    await fakeBrowser.storage.local.set({ 'draft:chatgpt /c/1': { text: 'saved', savedAt: T0 } });
    startDraftRescue(site);
    await vi.waitFor(() => expect(area().value).toBe('saved'));
    // Refilling is not editing: the draft keeps its age.
    await vi.advanceTimersByTimeAsync(2000);
    expect(await stored()).toEqual({ 'draft:chatgpt /c/1': { text: 'saved', savedAt: T0 } });
  });

  it('refills a composer the site renders late', async () => {
    await fakeBrowser.storage.local.set({ 'draft:chatgpt /c/1': { text: 'late', savedAt: T0 } });
    page('/c/1', '<main id="chat"></main>');
    startDraftRescue(site);
    await vi.advanceTimersByTimeAsync(1000);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<form><textarea id="prompt-textarea"></textarea></form>',
    );
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(100);
      expect(area().value).toBe('late');
    });
  });

  it('refills once more when the app replaces its server-rendered composer', async () => {
    await fakeBrowser.storage.local.set({ 'draft:chatgpt /c/1': { text: 'saved', savedAt: T0 } });
    startDraftRescue(site);
    await vi.waitFor(() => expect(area().value).toBe('saved'));
    const form = document.querySelector('form') as HTMLFormElement;
    form.innerHTML = '<textarea id="prompt-textarea"></textarea>';
    await vi.advanceTimersByTimeAsync(1500);
    expect(area().value).toBe('saved');
  });

  it('does not refill again what the user sent right away', async () => {
    await fakeBrowser.storage.local.set({ 'draft:chatgpt /c/1': { text: 'saved', savedAt: T0 } });
    startDraftRescue(site);
    await vi.waitFor(() => expect(area().value).toBe('saved'));
    send();
    await vi.advanceTimersByTimeAsync(1500);
    expect(area().value).toBe('');
  });

  it('refills a contenteditable composer', async () => {
    await fakeBrowser.storage.local.set({ 'draft:chatgpt /c/1': { text: 'rich', savedAt: T0 } });
    page('/c/1', '<div contenteditable="true" class="ProseMirror"><p><br></p></div>');
    startDraftRescue(site);
    await vi.waitFor(() =>
      expect(document.querySelector('.ProseMirror')?.textContent).toBe('rich'),
    );
  });

  it('gives nothing back on another page, or after 24 hours', async () => {
    await fakeBrowser.storage.local.set({
      'draft:chatgpt /c/2': { text: 'other page', savedAt: T0 },
      'draft:chatgpt /c/1': { text: 'too old', savedAt: T0 - 25 * 60 * 60 * 1000 },
    });
    startDraftRescue(site);
    await vi.advanceTimersByTimeAsync(2000);
    expect(area().value).toBe('');
    expect(Object.keys(await stored())).toEqual(['draft:chatgpt /c/2']);
  });

  describe('when the composer already holds other text', () => {
    beforeEach(async () => {
      await fakeBrowser.storage.local.set({
        'draft:chatgpt /c/1': { text: 'my draft', savedAt: T0 },
      });
      area().value = 'text the site put there';
      area().focus();
      startDraftRescue(site);
      await vi.waitFor(() => expect(offerButton('Restore draft')).toBeDefined());
    });

    it('offers the draft without taking focus from the composer', () => {
      const dialog = offer()?.querySelector('[role="dialog"]');
      const title = offer()?.getElementById(dialog?.getAttribute('aria-labelledby') ?? '');
      expect(title?.textContent).toBe('Restore your draft?');
      expect(dialog?.textContent).toContain('my draft');
      expect(offerButton('Dismiss')).toBeDefined();
      expect(document.activeElement).toBe(area());
      expect(document.querySelector('gateway-guard-draft')?.parentElement).toBe(
        document.documentElement,
      );
      expect(area().value).toBe('text the site put there');
    });

    it('Restore draft replaces the composer’s text', async () => {
      click(offerButton('Restore draft'));
      expect(area().value).toBe('my draft');
      expect(offer()).toBeNull();
      expect(document.activeElement).toBe(area());
      await expectStored({ 'draft:chatgpt /c/1': { text: 'my draft', savedAt: T0 } });
    });

    it('Dismiss and Escape close it and leave both texts alone', async () => {
      click(offerButton('Dismiss'));
      expect(offer()).toBeNull();
      expect(area().value).toBe('text the site put there');
      expect(Object.keys(await stored())).toEqual(['draft:chatgpt /c/1']);
    });

    it('Escape inside it dismisses it', () => {
      offer()
        ?.querySelector('button')
        ?.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
      expect(offer()).toBeNull();
    });

    it("ignores the page's own script clicking its buttons", () => {
      offerButton('Restore draft')?.click();
      offerButton('Dismiss')?.click();
      expect(area().value).toBe('text the site put there');
      expect(offer()).not.toBeNull();
    });
  });
});

describe('after sending', () => {
  async function typeAndSend(text = 'Hello') {
    startDraftRescue(site);
    type(text);
    await vi.advanceTimersByTimeAsync(600);
    send();
    await vi.advanceTimersByTimeAsync(300);
  }

  it('keeps the sent text until the chat request succeeds, then forgets it', async () => {
    await typeAndSend();
    await expectStored({
      'draft:chatgpt /c/1': { text: 'Hello', savedAt: T0 + 600, sentAt: T0 + 600 },
    });
    await settled(true);
    await expectStored({});
  });

  it('keeps it when the chat request fails', async () => {
    await typeAndSend();
    await settled(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(Object.keys(await stored())).toEqual(['draft:chatgpt /c/1']);
  });

  it('forgets it when a retry succeeds later', async () => {
    await typeAndSend();
    await settled(false);
    await settled(true);
    await expectStored({});
  });

  it('does not forget the next message the user is already typing', async () => {
    await typeAndSend('first');
    type('second');
    await vi.advanceTimersByTimeAsync(600);
    await settled(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(await stored()).toEqual({
      'draft:chatgpt /c/1': { text: 'second', savedAt: T0 + 1400 },
    });
  });

  it('keeps a draft still in the composer when another chat request succeeds', async () => {
    startDraftRescue(site);
    type('not sent yet');
    await vi.advanceTimersByTimeAsync(600);
    await settled(true); // e.g. the user regenerated an answer
    await vi.advanceTimersByTimeAsync(100);
    expect(Object.keys(await stored())).toEqual(['draft:chatgpt /c/1']);
  });

  it('ignores messages that are not from the extension', async () => {
    await typeAndSend();
    await settled(true, 'some-other-extension');
    await vi.advanceTimersByTimeAsync(100);
    expect(Object.keys(await stored())).toEqual(['draft:chatgpt /c/1']);
  });

  it('follows a failed first message from / to its new conversation, and back', async () => {
    page('/');
    await typeAndSend('first message');
    at('/c/new-id'); // the site moved on mid-send
    await settled(false);
    await vi.waitFor(async () =>
      expect(Object.keys(await stored())).toEqual(['draft:chatgpt /c/new-id']),
    );
    // Back on a new chat, the failed message comes back.
    page('/');
    startDraftRescue(site);
    await vi.waitFor(() => expect(area().value).toBe('first message'));
    await vi.waitFor(async () => expect(Object.keys(await stored())).toEqual(['draft:chatgpt /']));
  });
});

describe('clearing the composer by hand', () => {
  function clearByHand(trusted: boolean) {
    area().value = '';
    const event = new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' });
    Object.defineProperty(event, 'isTrusted', { value: trusted });
    area().dispatchEvent(event);
  }

  it('forgets the draft: the user threw the text away', async () => {
    startDraftRescue(site);
    type('never mind');
    await vi.advanceTimersByTimeAsync(600);
    clearByHand(true);
    await vi.advanceTimersByTimeAsync(600);
    await expectStored({});
  });

  it('keeps it when a script, not the user, emptied it', async () => {
    startDraftRescue(site);
    type('keep me');
    await vi.advanceTimersByTimeAsync(600);
    clearByHand(false);
    await vi.advanceTimersByTimeAsync(600);
    expect(Object.keys(await stored())).toEqual(['draft:chatgpt /c/1']);
  });
});

describe('what the page can reach', () => {
  it("ignores input events the page's own script dispatches", async () => {
    startDraftRescue(site);
    area().value = 'typed by a script';
    area().dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(await stored()).toEqual({});
  });

  it("never gets another site's draft, nor writes one", async () => {
    await fakeBrowser.storage.local.set({
      'draft:claude /new': { text: 'claude secret', savedAt: T0, sentAt: T0 },
    });
    const ask = (message: object) => fakeBrowser.runtime.sendMessage(message);
    expect(await ask({ type: 'draftFind', key: 'draft:claude /new' })).toEqual({ found: null });
    expect(await ask({ type: 'draftSave', key: 'draft:claude /new', text: 'x' })).toEqual({
      ok: false,
    });
    expect(
      await ask({ type: 'draftMove', from: 'draft:claude /new', to: 'draft:chatgpt /' }),
    ).toEqual({ ok: false });
    expect(await ask({ type: 'draftDelete', key: 'draft:claude /new' })).toEqual({ ok: false });
    expect(await stored()).toEqual({
      'draft:claude /new': { text: 'claude secret', savedAt: T0, sentAt: T0 },
    });
  });

  it('keeps a private window’s drafts in memory, never in local storage', async () => {
    routeToBackground(true);
    startDraftRescue(site);
    type('private words');
    await vi.advanceTimersByTimeAsync(600);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.session.get(null)).toEqual({
        'draft:chatgpt /c/1': { text: 'private words', savedAt: T0 + 500 },
      }),
    );
    expect(await stored()).toEqual({});
    // A normal window of the same site never sees it.
    routeToBackground(false);
    expect(
      await fakeBrowser.runtime.sendMessage({ type: 'draftFind', key: 'draft:chatgpt /c/1' }),
    ).toEqual({ found: null });
  });
});
