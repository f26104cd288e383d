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

/**
 * A connection the console server holds (console mode): the browser gets its id, label, dialect, the
 * region its runs are in and the same-origin path the server forwards below; never a vendor's URL.
 */
function checkHeld(entry: ConfigEntry): Omit<Connection, 'id' | 'label' | 'dialect'> | undefined {
  const basePath = entry.text('basePath', 'is required (the path the console server forwards below)');
  if (basePath !== undefined && (!basePath.startsWith('/') || basePath.startsWith('//'))) {
    entry.problem('basePath', 'must be a path on this server, starting with one "/"');
    return undefined;
  }
  const region = entry.raw('region');
  if (region !== undefined && typeof region !== 'string') {
    entry.problem('region', 'must be a string');
    return undefined;
  }
  const signIn = entry.raw('signIn');
  if (signIn !== undefined && signIn !== 'server' && signIn !== 'per-person') {
    entry.problem('signIn', 'must be "server" or "per-person"');
    return undefined;
  }
  return basePath === undefined
    ? undefined
    : {
        baseUrl: basePath,
        ...(region ? { region } : {}),
        ...(signIn === 'per-person' ? { personal: true } : {}),
      };
}

/** One entry of `connections`: its checked fields (unknown keys dropped), or undefined. */
function checkEntry(raw: unknown, i: number, problems: Problem[], held: boolean): Connection | undefined {
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
  const own = held ? checkHeld(entry) : dialect.checkConfig(entry);
  if (!own || problems.length !== before) return undefined;
  return { ...own, id: id!, label: label!, dialect: dialect.name };
}

/**
 * The console server's part of config.json when it serves the console (console mode): where people sign
 * in to it, and the single sign-on button when it has one. Absent when the browser signs in to vendors.
 */
export interface ConsoleSettings {
  /** The console server's session resource: POST signs in, GET reads, DELETE signs out. */
  session: string;
  /** OpenID Connect sign-in, when configured: the button's words and the path that starts it. */
  oidc: { label: string; start: string } | null;
}

function checkConsole(raw: unknown, problems: Problem[]): ConsoleSettings | null {
  if (raw === undefined) return null;
  const at = ['console'];
  if (!isObject(raw)) {
    problems.push({ path: at, message: 'must be an object' });
    return null;
  }
  const session = text(raw, 'session', at, problems, 'is required (the console server sign-in path)');
  let oidc: ConsoleSettings['oidc'] = null;
  if (raw.oidc !== undefined && raw.oidc !== null) {
    const o = isObject(raw.oidc) ? raw.oidc : {};
    const label = text(o, 'label', [...at, 'oidc'], problems, 'must not be empty');
    const start = text(o, 'start', [...at, 'oidc'], problems, 'is required');
    if (label !== undefined && start !== undefined) oidc = { label, start };
  }
  return session === undefined ? null : { session, oidc };
}

/** Checks a parsed config.json: the connections, or every problem found. */
export function checkConnections(raw: unknown): {
  connections: Connection[];
  console: ConsoleSettings | null;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  if (!isObject(raw))
    return { connections: [], console: null, problems: [{ path: [], message: 'must be a JSON object' }] };
  const consoleSettings = checkConsole(raw.console, problems);
  const list = raw.connections;
  if (!Array.isArray(list)) {
    const message = 'expected array (the list of connections)';
    return { connections: [], console: null, problems: [...problems, { path: ['connections'], message }] };
  }
  if (list.length === 0)
    problems.push({ path: ['connections'], message: 'must list at least one connection' });
  const connections: Connection[] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const connection = checkEntry(entry, i, problems, raw.console !== undefined);
    if (!connection) return;
    if (seen.has(connection.id))
      problems.push({ path: ['connections', i, 'id'], message: `"${connection.id}" is used twice` });
    seen.add(connection.id);
    connections.push(connection);
  });
  return { connections, console: consoleSettings, problems };
}
