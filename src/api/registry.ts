import { dialectOf } from './dialects';
import type { Connection } from './domain';
import type { HttpClient } from './http';
import { afterFirstPaint } from '../lib/after-first-paint';
import { lazyProvider } from './lazy-provider';
import type { BackupProvider } from './provider';

/**
 * Builds the provider of one connection over its HTTP client. Its adapter and zod wire schemas load
 * in their own chunk when the connection is first called, not on the first page; the capabilities are
 * there at once. The first load waits for the page's first paint (the frame and the page's heading
 * show before the adapters' code runs). It lives beside provider.ts rather than in it so that the
 * adapters can import the interface without an import cycle.
 */
export function createProvider(connection: Connection, http: HttpClient): BackupProvider {
  const dialect = dialectOf(connection);
  return lazyProvider(connection, dialect.capabilities, async () => {
    await afterFirstPaint();
    return (await dialect.loadAdapter())(connection, http, dialect.capabilities);
  });
}
