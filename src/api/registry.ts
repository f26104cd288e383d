import { dialectOf } from './dialects';
import type { Connection } from './domain';
import type { HttpClient } from './http';
import { lazyProvider } from './lazy-provider';
import type { BackupProvider } from './provider';

/**
 * Builds the provider of one connection over its HTTP client. Its adapter and zod wire schemas load
 * in their own chunk when the connection is first called, not on the first page; the capabilities are
 * there at once. It lives beside provider.ts rather than in it so that the adapters can import the
 * interface without an import cycle.
 */
export function createProvider(connection: Connection, http: HttpClient): BackupProvider {
  const dialect = dialectOf(connection);
  return lazyProvider(connection, dialect.capabilities, async () =>
    (await dialect.loadAdapter())(connection, http, dialect.capabilities),
  );
}
