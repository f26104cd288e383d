import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Service } from './app';
import { guardConnections } from './connections';

/** Tests only: a service on a free loopback port, for what needs a real socket (addresses, sizes). */
export async function listen(service: Service): Promise<{ url: string; close(): Promise<void> }> {
  const server = guardConnections(
    serve({ fetch: service.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server,
  );
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
