/**
 * A minimal DevTools-protocol client for Chromium's debugging port: one WebSocket per
 * target (a tab, the extension's service worker), found in `/json/list`. The page
 * session stays with its tab across navigations.
 */
import { createServer } from 'node:net';
import WebSocket from 'ws';

export interface CdpTarget {
  id: string;
  type: string;
  url: string;
  title: string;
  webSocketDebuggerUrl?: string;
}

export interface CdpSession {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  close(): void;
}

/** A free local TCP port (for `--remote-debugging-port`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function targets(port: number): Promise<CdpTarget[]> {
  const response = await fetch(`http://127.0.0.1:${port}/json/list`);
  return (await response.json()) as CdpTarget[];
}

/** Polls the target list until `pick` finds one. */
export async function findTarget(
  port: number,
  what: string,
  pick: (target: CdpTarget) => boolean,
  timeoutMs = 10_000,
): Promise<CdpTarget> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await targets(port)).find(pick);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no DevTools target for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function connect(target: CdpTarget): Promise<CdpSession> {
  if (!target.webSocketDebuggerUrl) throw new Error(`${target.url} has no debugger URL`);
  const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiter?.reject(new Error(message.error.message));
    else waiter?.resolve(message.result);
  });
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('DevTools connection closed'));
    pending.clear();
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => socket.close(),
  };
}

/** Performance.getMetrics as a name → value map (durations in seconds). */
export async function metrics(session: CdpSession): Promise<Record<string, number>> {
  const { metrics: list } = await session.send<{ metrics: Array<{ name: string; value: number }> }>(
    'Performance.getMetrics',
  );
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/**
 * Milliseconds of sampled CPU time in a profile: all of it but idle, or only in functions
 * whose script URL passes `owns` (self time, e.g. the extension's own files).
 */
export function profileMs(profile: CpuProfile, owns?: (url: string) => boolean): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let micros = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the gap to the next one.
    const delta = deltas[i + 1] ?? 0;
    const frame = byId.get(samples[i] ?? -1)?.callFrame;
    if (!frame) continue;
    if (owns ? owns(frame.url) : frame.functionName !== '(idle)') {
      micros += delta;
    }
  }
  return micros / 1000;
}
