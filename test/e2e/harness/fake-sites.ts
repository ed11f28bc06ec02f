import { STATUS_CODES } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { generate } from 'selfsigned';

/** Every host the fake answers for, under its real name, with the site its page is named after. */
const SITE_NAMES = {
  'chatgpt.com': 'ChatGPT',
  'chat.openai.com': 'ChatGPT',
  'status.openai.com': 'OpenAI Status',
  'claude.ai': 'Claude',
  'status.claude.com': 'Claude Status',
  'gemini.google.com': 'Gemini',
  'www.google.com': 'Google',
  'copilot.microsoft.com': 'Copilot',
  'perplexity.ai': 'Perplexity',
  'www.perplexity.ai': 'Perplexity',
  'status.perplexity.com': 'Perplexity Status',
  'chat.mistral.ai': 'Le Chat',
  'status.mistral.ai': 'Mistral Status',
  'chat.deepseek.com': 'DeepSeek',
  'status.deepseek.com': 'DeepSeek Status',
  'poe.com': 'Poe',
  'status.poe.com': 'Poe Status',
  'grok.com': 'Grok',
  'status.x.ai': 'xAI Status',
  'character.ai': 'Character.AI',
  'neo.character.ai': 'Character.AI',
  'status.character.ai': 'Character.AI Status',
  'huggingface.co': 'HuggingChat',
  'status.huggingface.co': 'Hugging Face Status',
  'meta.ai': 'Meta AI',
  'www.meta.ai': 'Meta AI',
  'example.org': 'Example',
  // Not a site: `npm start`'s outage simulator serves its control page here (.test is
  // reserved, so the name can never be a real one).
  'simulator.test': 'Outage simulator',
} as const;

export type FakeHost = keyof typeof SITE_NAMES;

/** The hosts the browsers are pointed at the fake for (and its certificate names). */
export const FAKE_HOSTS = Object.keys(SITE_NAMES) as readonly FakeHost[];

/**
 * What one scripted request gets. `destroy` closes the socket without any answer; `reset`
 * aborts it with a TCP RST (the browser reports a connection reset).
 */
export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
  destroy?: boolean;
  reset?: boolean;
  /**
   * Sends the headers (announcing the whole body) and only this many bytes of the body,
   * waits a moment, then resets the connection: an answer that breaks off mid-stream.
   */
  cutAfterBytes?: number;
}

/** The request as a response function sees it (body fully read). */
export interface FakeRequest {
  host: string;
  path: string;
  query: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type FakeHandler =
  | FakeResponse
  | ((req: FakeRequest) => FakeResponse | Promise<FakeResponse>);

export interface LoggedRequest {
  host: string;
  path: string;
  method: string;
  /** Date.now() when the request arrived. */
  time: number;
}

export interface FakeSites {
  port: number;
  /** PEM of the self-signed certificate, for clients that want to trust it explicitly. */
  cert: string;
  /** Answer `host` + `path` (no query; `'*'` = any path) with `response` until replaced. */
  script(host: string, path: string, response: FakeHandler): void;
  /** Drop scripts for one host, or for all hosts. */
  reset(host?: string): void;
  /** Same as reset(host): the host serves its default healthy pages again. */
  healthy(host: string): void;
  readonly requests: readonly LoggedRequest[];
  /** Resolves with the first logged request at or after `since` (default: any time). */
  waitForRequest(
    host: string,
    path: string,
    timeoutMs?: number,
    since?: number,
  ): Promise<LoggedRequest>;
  close(): Promise<void>;
}

/** The `<title>` of a host's healthy page, e.g. "FakeSite ChatGPT". */
export function siteTitle(host: string): string {
  return `FakeSite ${SITE_NAMES[host as FakeHost] ?? host}`;
}

export function healthyPage(host: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${siteTitle(host)}</title></head>
<body data-fake-host="${host}">
<main id="chat">Healthy conversation</main>
<form><textarea id="prompt-textarea"></textarea></form>
</body>
</html>
`;
}

/** An nginx-style error page, e.g. "502 Bad Gateway" (no doctype, like nginx: quirks mode). */
export function errorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>
<head><title>${title}</title></head>
<body>
<center><h1>${title}</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;
}

function sniffType(body: string): string {
  const start = body.trimStart()[0];
  if (start === '<') return 'text/html; charset=utf-8';
  if (start === '{' || start === '[') return 'application/json';
  return 'text/plain; charset=utf-8';
}

function defaultResponse(host: string, path: string): FakeResponse {
  if (path.startsWith('/api/') || path.startsWith('/backend-api/')) {
    return { status: 200, body: '{"ok":true}' };
  }
  return { status: 200, body: healthyPage(host) };
}

/** How long a cut answer's first bytes stand before the reset (long enough to be seen). */
const CUT_PAUSE_MS = 1_500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts the fake on 127.0.0.1 at a random port, with a certificate made now for exactly
 * FAKE_HOSTS (the browsers are pointed here for exactly those hosts, too).
 */
export async function startFakeSites(): Promise<FakeSites> {
  const hosts = new Set<string>(FAKE_HOSTS);
  const pems = await generate([{ name: 'commonName', value: 'Gateway Guard fake sites' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...[...hosts].map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
        ],
      },
    ],
  });

  const scripts = new Map<string, Map<string, FakeHandler>>();
  const requests: LoggedRequest[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();

  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
    const method = req.method ?? 'GET';
    requests.push({ host, path, method, time: Date.now() });
    for (const wake of waiters) wake();

    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      if (!hosts.has(host)) {
        res.writeHead(421, { 'content-type': 'text/plain', 'content-length': '18' });
        res.end('Misdirected host\r\n');
        return;
      }
      const forHost = scripts.get(host);
      const handler = forHost?.get(path) ?? forHost?.get('*');
      const fakeReq: FakeRequest = {
        host,
        path,
        query,
        method,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      let answer: FakeResponse;
      try {
        answer = !handler
          ? defaultResponse(host, path)
          : typeof handler === 'function'
            ? await handler(fakeReq)
            : handler;
      } catch (error) {
        answer = { status: 500, body: `fake handler threw: ${String(error)}` };
      }
      if (answer.delayMs) await sleep(answer.delayMs);
      if (res.destroyed || req.socket.destroyed) return;
      if (answer.reset) {
        // TLSSocket has no handle of its own: reset the TCP socket underneath it.
        const tcp = (req.socket as Socket & { _parent?: Socket })._parent ?? req.socket;
        tcp.resetAndDestroy();
        return;
      }
      if (answer.destroy) {
        req.socket.destroy();
        return;
      }
      const body = Buffer.from(answer.body ?? '', 'utf8');
      const headers: Record<string, string> = {
        'cache-control': 'no-store',
        ...(body.length > 0 ? { 'content-type': sniffType(answer.body ?? '') } : {}),
        ...answer.headers,
        'content-length': String(body.length),
      };
      res.writeHead(answer.status ?? 200, headers);
      if (answer.cutAfterBytes !== undefined) {
        res.write(body.subarray(0, answer.cutAfterBytes));
        await sleep(CUT_PAUSE_MS);
        const tcp = (req.socket as Socket & { _parent?: Socket })._parent ?? req.socket;
        if (!tcp.destroyed) tcp.resetAndDestroy();
        return;
      }
      res.end(body);
    });
  });

  // Keep-alive sockets from the browsers would otherwise hold close() open.
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A browser that drops a TLS handshake (e.g. on a refused cert) must not crash the run.
  server.on('tlsClientError', () => {});

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake sites: no port');

  const matches = (r: LoggedRequest, host: string, path: string, since: number) =>
    r.host === host && (path === '*' || r.path === path) && r.time >= since;

  return {
    port: address.port,
    cert: pems.cert,
    requests,
    script(host, path, response) {
      if (!hosts.has(host)) throw new Error(`fake sites: unknown host ${host}`);
      const forHost = scripts.get(host) ?? new Map<string, FakeHandler>();
      forHost.set(path, response);
      scripts.set(host, forHost);
    },
    reset(host) {
      if (host === undefined) scripts.clear();
      else scripts.delete(host);
    },
    healthy(host) {
      scripts.delete(host);
    },
    waitForRequest(host, path, timeoutMs = 10_000, since = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = requests.find((r) => matches(r, host, path, since));
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake sites: no request to https://${host}${path} in ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
