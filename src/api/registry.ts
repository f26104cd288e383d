import type { Connection, Dialect } from './domain';
import type { HttpClient } from './http';
import { overviewOf } from './overview';
import type { AdapterProvider, BackupProvider } from './provider';
import { createRackspaceV1Provider } from './rackspace-v1/adapter';
import { createRackspaceV2Provider } from './rackspace-v2/adapter';
import { createVeeamV5Provider } from './veeam-v5/adapter';

/**
 * The adapters by dialect. It lives beside provider.ts rather than in it so that the adapters can
 * import the interface without an import cycle.
 */
const factories: Record<Dialect, (connection: Connection, http: HttpClient) => AdapterProvider> = {
  'rackspace-v1': createRackspaceV1Provider,
  'rackspace-v2': createRackspaceV2Provider,
  'veeam-v5': createVeeamV5Provider,
};

/** Builds the provider of one connection over its HTTP client. */
export function createProvider(connection: Connection, http: HttpClient): BackupProvider {
  const adapter = factories[connection.dialect](connection, http);
  return { ...adapter, getOverview: (o) => overviewOf(adapter, o) };
}
