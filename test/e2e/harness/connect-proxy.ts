import { createServer } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface ConnectProxy {
  port: number;
  /** Every CONNECT target seen ("host:port"), refused ones included: shows stray traffic. */
  readonly connects: readonly string[];
  close(): Promise<void>;
}

/**
 * Firefox has no --host-resolver-rules, so it is pointed at this proxy instead: every
 * `CONNECT host:443` is tunnelled to the local fake HTTPS server, which picks the site by
 * the Host header. Nothing else is served, so nothing can leak to the real network.
 * With `onlyHosts`, CONNECTs to other hosts are refused too (like Chromium's
 * `MAP * ~NOTFOUND`), which keeps the browser's own background traffic off the fake.
 */
export async function startConnectProxy(
  targetPort: number,
  onlyHosts?: readonly string[],
): Promise<ConnectProxy> {
  const sockets = new Set<Socket>();
  const connects: string[] = [];
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A browser tearing a tunnel down mid-write is normal; it must not crash the run.
    socket.on('error', () => socket.destroy());
  };

  const server = createServer((_req, res) => {
    res.writeHead(405, { connection: 'close', 'content-type': 'text/plain' });
    res.end('This proxy only tunnels CONNECT host:443\n');
  });
  server.on('connection', track);

  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    connects.push(target);
    const [, host] = /^([a-z0-9.-]+):443$/i.exec(target) ?? [];
    if (!host || (onlyHosts && !onlyHosts.includes(host.toLowerCase()))) {
      client.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy: no port');

  return {
    port: address.port,
    connects,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
