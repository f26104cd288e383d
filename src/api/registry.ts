import { DIALECT_CAPABILITIES } from './capabilities';
import type { Connection, Dialect } from './domain';
import type { HttpClient } from './http';
import { lazyProvider } from './lazy-provider';
import type { AdapterProvider, BackupProvider } from './provider';

type AdapterFactory = (connection: Connection, http: HttpClient) => AdapterProvider;

/**
 * The adapters by dialect, each in its own chunk: they and their zod wire schemas load when a
 * connection of that dialect is first called, not on the first page. It lives beside provider.ts
 * rather than in it so that the adapters can import the interface without an import cycle.
 */
const factories: Record<Dialect, () => Promise<AdapterFactory>> = {
  'rackspace-v1': () => import('./rackspace-v1/adapter').then((m) => m.createRackspaceV1Provider),
  'rackspace-v2': () => import('./rackspace-v2/adapter').then((m) => m.createRackspaceV2Provider),
  'veeam-v5': () => import('./veeam-v5/adapter').then((m) => m.createVeeamV5Provider),
};

/** Builds the provider of one connection over its HTTP client. */
export function createProvider(connection: Connection, http: HttpClient): BackupProvider {
  const { dialect } = connection;
  return lazyProvider(connection, DIALECT_CAPABILITIES[dialect], async () =>
    (await factories[dialect]())(connection, http),
  );
}
