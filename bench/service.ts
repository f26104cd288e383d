import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createService } from '../server/app';
import { loadConfig } from '../server/config';
import { serveConsole } from '../server/static';

export interface RunningService {
  url: string;
  seedMs: number;
  close(): Promise<void>;
}

/**
 * The reference service (with the built console when `dist` is given), on a free loopback port, with a
 * fresh data folder.
 */
export async function startService(options: {
  scale: number;
  speed: number;
  dist?: string;
}): Promise<RunningService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'backup-console-bench-'));
  const config = loadConfig(
    [
      '--data-dir',
      dataDir,
      '--scale',
      String(options.scale),
      '--speed',
      String(options.speed),
      '--port',
      '0',
    ],
    {},
  );
  const t0 = performance.now();
  const service = await createService(config);
  const seedMs = performance.now() - t0;
  if (options.dist) serveConsole(service, options.dist);
  const server = serve({ fetch: service.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  service.ctx.engine.start();
  return {
    url: `http://127.0.0.1:${port}`,
    seedMs,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          service.close();
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
