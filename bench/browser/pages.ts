/**
 * The bodies the fake sites serve for the bench. Each carries an inline script that
 * watches, frame by frame, for Gateway Guard's panel and writes down when it is first laid
 * out with its heading and a visible **Retry now** (the frame it is first painted in).
 */
import { errorPage, siteTitle } from '../../test/e2e/harness/fake-sites.ts';

/**
 * `window.__ggSeen`: the epoch time (timeOrigin + now) of the first frame in which the
 * panel's heading and Retry now are laid out, and what the panel said then.
 */
const WATCH_PANEL = `<script>
(() => {
  const visible = (el) => !!el && el.getClientRects().length > 0 &&
    (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true);
  const look = () => {
    for (const host of document.querySelectorAll('gateway-guard-panel')) {
      const root = host.shadowRoot;
      if (!root) continue;
      const dialog = root.querySelector('[role="dialog"]');
      const heading = dialog && dialog.querySelector('h1, h2, #gg-title');
      const retry = dialog && [...dialog.querySelectorAll('button')]
        .find((b) => b.textContent.trim() === 'Retry now');
      if (visible(heading) && visible(retry)) return dialog.textContent.replace(/\\s+/g, ' ').trim();
    }
    return null;
  };
  const frame = () => {
    const text = look();
    if (text !== null) {
      window.__ggSeen = { at: performance.timeOrigin + performance.now(), text };
      return;
    }
    requestAnimationFrame(frame);
  };
  window.__ggWatch = () => { window.__ggSeen = null; requestAnimationFrame(frame); };
  window.__ggWatch();
})();
</script>`;

/** The nginx 502 page with the watcher. */
export function failingPage(status = 502): string {
  return errorPage(status).replace('</body>', `${WATCH_PANEL}\n</body>`);
}

/** `paragraphs` earlier messages of about 600 characters each. */
function conversation(paragraphs: number): string {
  const words =
    'the gateway answered slowly so the model kept streaming tokens into the reply while the user waited and read along';
  const text = `${words} ${words} ${words} ${words} ${words}`;
  return Array.from(
    { length: paragraphs },
    (_, i) =>
      `<article data-message="${i}" class="${i % 2 ? 'assistant' : 'user'}"><div class="markdown"><p>${text}</p><p>${text}</p></div></article>`,
  ).join('\n');
}

/**
 * A healthy chat page: a long conversation, the composer, the panel watcher, and
 * `window.__ggStream(tokens)`, which appends `tokens` tokens to a new answer as fast as
 * the event loop allows and resolves with the elapsed milliseconds. Each token is its own
 * task (MessageChannel, not setTimeout(0), which browsers clamp to 4 ms after five nested
 * calls and would hide the cost), as a streamed answer's chunks are.
 */
export function chatPage(host: string, paragraphs = 200): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${siteTitle(host)}</title></head>
<body data-fake-host="${host}">
<main id="chat">
${conversation(paragraphs)}
</main>
<form><textarea id="prompt-textarea"></textarea></form>
${WATCH_PANEL}
<script>
window.__ggStream = (tokens) => new Promise((resolve) => {
  const answer = document.createElement('article');
  answer.className = 'assistant';
  const body = document.createElement('div');
  body.className = 'markdown';
  let paragraph = document.createElement('p');
  body.append(paragraph);
  answer.append(body);
  document.getElementById('chat').append(answer);
  const words = ['the', 'model', 'streams', 'a', 'long', 'answer', 'token', 'by', 'token,', 'well'];
  const channel = new MessageChannel();
  const start = performance.now();
  let sent = 0;
  channel.port1.onmessage = () => {
    paragraph.append(document.createTextNode(words[sent % words.length] + ' '));
    sent++;
    if (sent % 80 === 0) {
      paragraph = document.createElement('p');
      body.append(paragraph);
    }
    if (sent < tokens) channel.port2.postMessage(0);
    else resolve(performance.now() - start);
  };
  channel.port2.postMessage(0);
});
</script>
</body>
</html>
`;
}
