import type { ConsoleSettings } from './connections-check';
import { checkConnections } from './connections-check';
import type { Connection } from './domain';
import type { FetchLike } from './http';

export class ConnectionsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionsConfigError';
  }
}

/** config.json as the browser reads it: the connections and, in console mode, the console server's part. */
export interface RuntimeConfig {
  connections: Connection[];
  console: ConsoleSettings | null;
}

/** Checks a parsed config; a wrong one throws with every problem named by its place in the file. */
export function parseRuntimeConfig(raw: unknown, source = 'config.json'): RuntimeConfig {
  const { connections, console, problems } = checkConnections(raw);
  if (problems.length > 0) {
    const named = problems.map(({ path, message }) => {
      const where = path.length ? path.join('.') : '(the whole file)';
      return `${where}: ${message}`;
    });
    throw new ConnectionsConfigError(`${source} is not a valid connections config. ${named.join('; ')}.`);
  }
  return { connections, console };
}

/** The connections of a config (a vendor-mode config: the server's connections file, the tests'). */
export function parseConnections(raw: unknown, source = 'config.json'): Connection[] {
  return parseRuntimeConfig(raw, source).connections;
}

/** Loads and checks the runtime config; a missing or malformed file gives a clear message. */
export async function loadRuntimeConfig(fetchImpl: FetchLike, url = '/config.json'): Promise<RuntimeConfig> {
  let response: Response;
  try {
    // The browser's cache revalidates it (the server sends no-cache and an ETag); index.html preloads it.
    response = await fetchImpl(url, { headers: { Accept: 'application/json' } });
  } catch (err) {
    throw new ConnectionsConfigError(
      `Could not load ${url} (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  if (!response.ok)
    throw new ConnectionsConfigError(
      `Could not load ${url}: the server answered ${response.status}. It must sit next to index.html.`,
    );
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ConnectionsConfigError(`${url} is not valid JSON.`);
  }
  return parseRuntimeConfig(raw, url);
}
