/**
 * The cost of watching a page while a long answer streams in: Gateway Guard's watcher
 * (added elements only, batched) against the naive way (scan the document's text on every
 * mutation). Run with `npm run bench`; the ratio is the figure to read.
 */
import { bench, describe } from 'vitest';
import { watchNotices } from '~/content/notice-watch.ts';
import { chatgpt } from '~/sites/chatgpt.ts';

const phrases = {
  outage: [...chatgpt.phrases.outage],
  network: [...chatgpt.phrases.network],
  notOutage: [...chatgpt.phrases.notOutage],
};

function conversation(): HTMLElement {
  document.body.innerHTML = '';
  const main = document.createElement('main');
  for (let i = 0; i < 200; i++) {
    const p = document.createElement('p');
    p.textContent = `Earlier message ${i}: ${'lorem ipsum dolor sit amet '.repeat(10)}`;
    main.append(p);
  }
  document.body.append(main);
  return main;
}

/** Tokens arrive one per task, as from a network stream; observers run after each. */
async function stream(into: HTMLElement, tokens: number) {
  const paragraph = document.createElement('p');
  into.append(paragraph);
  for (let i = 0; i < tokens; i++) {
    paragraph.append(document.createTextNode(`token${i} `));
    await Promise.resolve();
  }
  await new Promise((r) => setTimeout(r, 0)); // Let a pending batch run.
}

describe('streaming 1000 tokens into a 200-message conversation', () => {
  bench(
    'Gateway Guard watcher (added elements, batched)',
    async () => {
      const main = conversation();
      // Batches every task here (150 ms in the page), so the bench measures its real work.
      const stop = watchNotices(Promise.resolve(phrases), () => undefined, 0);
      await stream(main, 1000);
      stop();
    },
    { iterations: 5, time: 0 },
  );

  bench(
    'naive watcher (whole-document text per mutation)',
    async () => {
      const main = conversation();
      const observer = new MutationObserver(() => {
        const text = document.body.textContent?.toLowerCase() ?? '';
        phrases.outage.some((p) => text.includes(p));
      });
      observer.observe(document.body, { childList: true, subtree: true });
      await stream(main, 1000);
      observer.disconnect();
    },
    { iterations: 5, time: 0 },
  );
});
