import { isRegion, REGIONS } from './contract/regions';
import type { Connection, Dialect } from './domain';

/**
 * The runtime config's rules (PRODUCT.md "Connections"), checked by hand rather than with zod: this
 * runs on the first page, and zod is only needed later, by the adapters.
 */
const DIALECTS: readonly string[] = ['rackspace-v1', 'rackspace-v2', 'veeam-v5'] satisfies Dialect[];
const ID = /^[a-z0-9][a-z0-9-]*$/;

export type Problem = { path: (string | number)[]; message: string };
type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A required non-empty string: its value, or a problem under `path`. */
function text(entry: Fields, key: string, path: (string | number)[], problems: Problem[], required: string) {
  const value = entry[key];
  if (typeof value === 'string' && value.length > 0) return value;
  const message = value === undefined || value === '' ? required : `must be a string (${required})`;
  problems.push({ path: [...path, key], message });
  return undefined;
}

/** One entry of `connections`: its checked fields (unknown keys dropped), or undefined. */
function checkEntry(raw: unknown, i: number, problems: Problem[]): Connection | undefined {
  const at = ['connections', i];
  if (!isObject(raw)) {
    problems.push({ path: at, message: 'must be an object' });
    return undefined;
  }
  if (typeof raw.dialect !== 'string' || !DIALECTS.includes(raw.dialect)) {
    problems.push({ path: at, message: 'dialect must be "rackspace-v1", "rackspace-v2" or "veeam-v5"' });
    return undefined;
  }
  const dialect = raw.dialect as Dialect;
  const before = problems.length;
  const id = text(raw, 'id', at, problems, 'is required');
  if (id !== undefined && !ID.test(id))
    problems.push({
      path: [...at, 'id'],
      message: 'must be lower-case letters, digits and dashes (it appears in URLs)',
    });
  const label = text(raw, 'label', at, problems, 'must not be empty');
  if (dialect === 'veeam-v5') {
    const baseUrl = text(raw, 'baseUrl', at, problems, 'is required: the /v5 root of the Veeam REST API');
    return problems.length === before ? { id: id!, label: label!, dialect, baseUrl: baseUrl! } : undefined;
  }
  const identityUrl = text(
    raw,
    'identityUrl',
    at,
    problems,
    'is required: the Rackspace Identity v2.0 root, e.g. "/v2.0"',
  );
  const region = typeof raw.region === 'string' ? raw.region.toUpperCase() : undefined;
  if (region === undefined || !isRegion(region))
    problems.push({ path: [...at, 'region'], message: `must be one of ${REGIONS.join(', ')}` });
  if (problems.length !== before) return undefined;
  return { id: id!, label: label!, dialect, identityUrl: identityUrl!, region: region! };
}

/** Checks a parsed config.json: the connections, or every problem found. */
export function checkConnections(raw: unknown): { connections: Connection[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!isObject(raw)) return { connections: [], problems: [{ path: [], message: 'must be a JSON object' }] };
  const list = raw.connections;
  if (!Array.isArray(list)) {
    const message = 'expected array (the list of connections)';
    return { connections: [], problems: [{ path: ['connections'], message }] };
  }
  if (list.length === 0)
    problems.push({ path: ['connections'], message: 'must list at least one connection' });
  const connections: Connection[] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const connection = checkEntry(entry, i, problems);
    if (!connection) return;
    if (seen.has(connection.id))
      problems.push({ path: ['connections', i, 'id'], message: `"${connection.id}" is used twice` });
    seen.add(connection.id);
    connections.push(connection);
  });
  return { connections, problems };
}
