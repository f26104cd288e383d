import type { DialectPlugin } from './dialect';
import type { Connection } from './domain';
import { rackspaceV1 } from './rackspace-v1/plugin';
import { rackspaceV2 } from './rackspace-v2/plugin';
import { veeamV5 } from './veeam-v5/plugin';

const registered: DialectPlugin[] = [rackspaceV1, rackspaceV2, veeamV5];

/** The registered dialects: to add a backend, add its plug-in here (docs/adding-a-dialect.md). */
export const DIALECTS: readonly DialectPlugin[] = registered;

/**
 * Registers one more dialect at run time, before config.json is read (a test's own dialect,
 * src/app/dialect-seam.test.tsx); returns the function that takes it out again. A name already
 * registered is refused: two plug-ins must never answer for one `dialect`.
 */
export function registerDialect(plugin: DialectPlugin): () => void {
  if (findDialect(plugin.name)) throw new Error(`A dialect "${plugin.name}" is registered already.`);
  registered.push(plugin);
  return () => {
    const at = registered.indexOf(plugin);
    if (at >= 0) registered.splice(at, 1);
  };
}

/** The plug-in of a dialect name, if one is registered. */
export function findDialect(name: string): DialectPlugin | undefined {
  return DIALECTS.find((d) => d.name === name);
}

/** The plug-in of a connection's dialect; config.json was checked against the registry at start. */
export function dialectOf(connection: Pick<Connection, 'dialect'>): DialectPlugin {
  const dialect = findDialect(connection.dialect);
  if (!dialect)
    throw new Error(
      `No dialect "${connection.dialect}" is registered (${DIALECTS.map((d) => d.name).join(', ')}).`,
    );
  return dialect;
}
