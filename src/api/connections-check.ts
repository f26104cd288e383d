import type { ConfigEntry, Problem } from './dialect';
import { DIALECTS, findDialect } from './dialects';
import type { Connection } from './domain';

/**
 * The runtime config's rules, checked by hand rather than with zod: this runs on the first page, and
 * zod is only needed later, by the adapters. Each dialect's plug-in checks its own fields.
 */
const ID = /^[a-z0-9][a-z0-9-]*$/;

export type { Problem } from './dialect';
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
  const dialect = typeof raw.dialect === 'string' ? findDialect(raw.dialect) : undefined;
  if (!dialect) {
    const names = DIALECTS.map((d) => `"${d.name}"`);
    const known = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
    const what = typeof raw.dialect === 'string' ? ` ("${raw.dialect}" is not a known dialect)` : '';
    problems.push({ path: at, message: `dialect must be ${known}${what}` });
    return undefined;
  }
  const before = problems.length;
  const id = text(raw, 'id', at, problems, 'is required');
  if (id !== undefined && !ID.test(id))
    problems.push({
      path: [...at, 'id'],
      message: 'must be lower-case letters, digits and dashes (it appears in URLs)',
    });
  const label = text(raw, 'label', at, problems, 'must not be empty');
  const entry: ConfigEntry = {
    text: (key, required) => text(raw, key, at, problems, required),
    raw: (key) => raw[key],
    problem: (key, message) => problems.push({ path: [...at, key], message }),
  };
  const own = dialect.checkConfig(entry);
  if (!own || problems.length !== before) return undefined;
  return { ...own, id: id!, label: label!, dialect: dialect.name };
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
