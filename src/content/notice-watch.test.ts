import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '~/shared/classify.ts';
import { chatgpt } from '~/sites/chatgpt.ts';
import { MAX_BATCH, watchNotices } from './notice-watch.ts';

const phrases = {
  outage: [...chatgpt.phrases.outage],
  network: [...chatgpt.phrases.network],
  notOutage: [...chatgpt.phrases.notOutage],
};
let stop: () => void;
let seen: Verdict[];

async function tick(ms = 200) {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<main id="chat"><p>Hello</p></main><textarea></textarea>';
  seen = [];
  stop = watchNotices(Promise.resolve(phrases), (verdict) => seen.push(verdict));
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

function add(html: string, parent = document.getElementById('chat')) {
  const div = document.createElement('div');
  div.innerHTML = html;
  parent?.append(div);
  return div;
}

describe('watchNotices', () => {
  it('reports the site’s error notice once', async () => {
    add('<span>Something went wrong. If this issue persists please contact us.</span>');
    await tick();
    expect(seen).toEqual([
      {
        kind: 'outage',
        failure: { kind: 'page', text: expect.stringContaining('Something went wrong') },
      },
    ]);
  });

  it('looks at a bounded batch, the latest elements, when a page adds thousands at once', async () => {
    const counted = vi.spyOn(Element.prototype, 'getElementsByTagName');
    const chat = document.getElementById('chat');
    for (let i = 0; i < 2_000; i++) {
      const p = document.createElement('p');
      p.textContent = `Message ${i}`;
      chat?.append(p);
    }
    add('<span>Something went wrong. If this issue persists please contact us.</span>');
    await tick();
    expect(seen).toHaveLength(1);
    expect(counted.mock.calls.length).toBeLessThanOrEqual(MAX_BATCH);
    counted.mockRestore();
  });

  it('collects notices shown before the site’s wording arrived', async () => {
    stop();
    let ready: (p: typeof phrases) => void = () => undefined;
    stop = watchNotices(new Promise((r) => (ready = r)), (verdict) => seen.push(verdict));
    add('A network error occurred.');
    await tick();
    expect(seen).toEqual([]);
    ready(phrases);
    await tick();
    expect(seen).toHaveLength(1);
  });

  it('stops for a site that is turned off', async () => {
    stop();
    stop = watchNotices(Promise.resolve(null), (verdict) => seen.push(verdict));
    await tick();
    add('A network error occurred.');
    await tick();
    expect(seen).toEqual([]);
  });

  it('never reads what the user types', async () => {
    add('<div contenteditable="true">Something went wrong. Please try again</div>');
    const area = document.querySelector('textarea');
    area?.append(document.createTextNode('Error in message stream'));
    await tick();
    expect(seen).toEqual([]);
  });

  it('ignores long answers that mention an error, and limits and sign-in notices', async () => {
    add(`<p>${'When you see "network error" in your app, check the proxy. '.repeat(8)}</p>`);
    add("<p>You've reached our limit of messages per hour.</p>");
    await tick();
    expect(seen.filter((v) => v.kind === 'outage')).toEqual([]);
  });

  it('judges a streamed answer in batches, not per mutation', async () => {
    const answer = add('<p></p>').firstElementChild as HTMLElement;
    const reads = vi.spyOn(Element.prototype, 'textContent', 'get');
    for (let i = 0; i < 2000; i++) answer.append(document.createTextNode(`token${i} `));
    await tick();
    // 2000 mutations, one batch: the paragraph is read once, not 2000 times.
    expect(reads.mock.calls.length).toBeLessThanOrEqual(3);
    reads.mockRestore();
    expect(seen).toEqual([]);
  });

  it('never reads the text of an element larger than a notice', async () => {
    const chat = document.getElementById('chat') as HTMLElement;
    for (let i = 0; i < 200; i++)
      add(`<p>Message ${i}: the gateway answered slowly, and so on</p>`);
    await tick();
    const reads = vi.spyOn(Element.prototype, 'textContent', 'get');
    // A text node added straight to a long container puts the container in the batch.
    chat.append(document.createTextNode('\n'));
    document.body.append(document.createTextNode('\n'));
    await tick();
    expect(reads.mock.contexts).not.toContain(chat);
    expect(reads.mock.contexts).not.toContain(document.body);
    reads.mockRestore();
    expect(seen).toEqual([]);
  });

  describe('while the document is parsed', () => {
    let loading: boolean;
    /** Watches, in place of the one started for every test, a document still being parsed. */
    const watchWhileParsing = (phrasesReady: Promise<typeof phrases | null>) => {
      stop();
      stop = watchNotices(
        phrasesReady,
        (verdict) => seen.push(verdict),
        150,
        () => loading,
      );
    };
    beforeEach(() => {
      loading = true;
      watchWhileParsing(Promise.resolve(phrases));
    });
    const parsed = async () => {
      await Promise.resolve(); // The observer hears the parser's insertions first.
      loading = false;
      document.dispatchEvent(new Event('DOMContentLoaded'));
      await tick();
    };

    it('makes no record of what the parser inserts: it observes once the document is parsed', async () => {
      const observe = vi.spyOn(MutationObserver.prototype, 'observe');
      watchWhileParsing(Promise.resolve(phrases));
      for (let i = 0; i < 20; i++) add(`<article><p>Message ${i}</p></article>`);
      expect(observe).not.toHaveBeenCalled();
      await parsed();
      expect(observe).toHaveBeenCalledTimes(1);
      observe.mockRestore();
    });

    it('never observes a page that is not covered, not even once it is parsed', async () => {
      const observe = vi.spyOn(MutationObserver.prototype, 'observe');
      watchWhileParsing(Promise.resolve(null));
      await parsed();
      add('<div role="alert">A network error occurred.</div>');
      await tick();
      expect(observe).not.toHaveBeenCalled();
      expect(seen).toEqual([]);
      observe.mockRestore();
    });

    it('reads none of what the parser inserts', async () => {
      const reads = vi.spyOn(Element.prototype, 'textContent', 'get');
      for (let i = 0; i < 200; i++)
        add(`<article><p>Message ${i}: a network error, explained</p></article>`);
      add('<span>Something went wrong. If this issue persists please contact us.</span>');
      await parsed();
      expect(reads).not.toHaveBeenCalled();
      reads.mockRestore();
      expect(seen).toEqual([]);
    });

    it('looks at its marked notices once it is parsed', async () => {
      add('<div role="alert">A network error occurred.</div>');
      await tick();
      expect(seen).toEqual([]);
      await parsed();
      expect(seen).toEqual([
        { kind: 'outage', failure: expect.objectContaining({ kind: 'network' }) },
      ]);
    });

    it('sees what scripts add once it is parsed', async () => {
      await parsed();
      add('<span>Something went wrong. If this issue persists please contact us.</span>');
      await tick();
      expect(seen).toHaveLength(1);
    });
  });
});
