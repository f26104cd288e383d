import { readFileSync } from 'node:fs';
import type { Role } from '../../src/api/contract/roles';
import { isRole, ROLES } from '../../src/api/contract/roles';

/**
 * The console server's own settings (issue 13): read from environment variables, each checked, so
 * that a malformed value stops the start with a message naming it.
 */
export interface ConsoleConfig {
  /** The folder of `console.sqlite` (the same DATA_DIR as the reference service's file). */
  dataDir: string;
  /** Whether a console without users gets the demo users admin, support and viewer (password demo). */
  demoUsers: boolean;
  /** A session ends after this long without a request, in seconds. */
  sessionIdleS: number;
  /** A session ends this long after its sign-in whatever happens, in seconds. */
  sessionMaxS: number;
  /** Audit rows older than this many days are deleted (0 = kept for ever). */
  auditRetentionDays: number;
  /** How often the server checks each held connection ahead of requests, in seconds (0 = never). */
  healthCheckS?: number;
  /**
   * The most requests a second the server's poller sends to one connection (docs/live-push.md);
   * 1 when unset.
   */
  pollPerSecond?: number;
  /** The file of the connections whose credentials the server holds (server/console/held.ts). */
  connectionsFile?: string | null;
  /**
   * CONSOLE_CONNECTIONS unset: a server that serves the console with the embedded reference service's
   * demo data holds that service's own connections (console mode by default). `off`: it holds none,
   * and the browser signs in to each vendor itself.
   */
  referenceConnections?: boolean;
  /** Sign-in through an OpenID Connect provider (server/console/oidc.ts); null when not set up. */
  oidc?: OidcConfig | null;
}

/** OpenID Connect sign-in, from the CONSOLE_OIDC_* variables (docs/console-oidc.md). */
export interface OidcConfig {
  /** The issuer's URL, as its discovery document names it (`…/.well-known/openid-configuration` below it). */
  issuer: string;
  clientId: string;
  /** From CONSOLE_OIDC_CLIENT_SECRET or the file CONSOLE_OIDC_CLIENT_SECRET_FILE names. */
  clientSecret: string;
  /** The ID token (or userinfo) claim whose value, a string or an array of strings, gives the role. */
  roleClaim: string;
  /** Values of the role claim and the role each gives; the role names give themselves. */
  roles: Readonly<Record<string, Role>>;
  /** The scopes asked for; `openid` always among them. */
  scopes: string;
  /** The words of the sign-in page's button. */
  label: string;
  /**
   * The origin the browser reaches the console at (CONSOLE_PUBLIC_URL), for the redirect URI;
   * null: the request's own host and scheme.
   */
  publicUrl: string | null;
}

export const OIDC_DEFAULT_ROLE_CLAIM = 'backup_console_role';
export const OIDC_DEFAULT_LABEL = 'Sign in with single sign-on';
export const OIDC_DEFAULT_SCOPES = 'openid profile email';

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return value;
}

function rate(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be a number from ${min} to ${max}, not "${raw}"`);
  return value;
}

function onOff(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'on', 'true', 'yes'].includes(value)) return true;
  if (['0', 'off', 'false', 'no'].includes(value)) return false;
  throw new Error(`${name} must be on or off, not "${raw}"`);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An http(s) URL; plain http only to a loopback address (a test's or a developer's own provider). */
function webUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`${name} must be an https URL, not "${raw}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new Error(`${name} must be an https URL (http only to a loopback address), not "${raw}"`);
  if (url.username || url.password || url.search || url.hash)
    throw new Error(`${name} must not carry a user, password, query or fragment: "${raw}"`);
  return url;
}

/** A secret from the variable `name` or from the file `${name}_FILE` names: one of them, not both. */
function secret(name: string, env: NodeJS.ProcessEnv): string {
  const direct = env[name];
  const file = env[`${name}_FILE`]?.trim();
  if (direct !== undefined && direct !== '' && file) throw new Error(`set ${name} or ${name}_FILE, not both`);
  let value = direct ?? '';
  if (file) {
    try {
      value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new Error(`${name}_FILE names a file that cannot be read (${file}): ${(err as Error).message}`);
    }
  }
  if (value === '') throw new Error(`${name} (or ${name}_FILE) must be set when CONSOLE_OIDC_ISSUER is`);
  return value;
}

/** `CONSOLE_OIDC_ROLES=admins:admin,helpdesk:support`: a claim value and its role, comma-separated. */
function roleMap(raw: string | undefined): Record<string, Role> {
  const roles: Record<string, Role> = Object.fromEntries(ROLES.map((r) => [r, r]));
  if (raw === undefined || raw.trim() === '') return roles;
  const seen = new Set<string>();
  for (const entry of raw.split(',')) {
    const at = entry.lastIndexOf(':');
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at < 0 || value === '')
      throw new Error(
        `CONSOLE_OIDC_ROLES must be "value:role" pairs separated by commas, not "${entry.trim()}"`,
      );
    if (!isRole(role))
      throw new Error(`CONSOLE_OIDC_ROLES: "${value}" must map to one of ${ROLES.join(', ')}, not "${role}"`);
    if (seen.has(value)) throw new Error(`CONSOLE_OIDC_ROLES names "${value}" twice`);
    seen.add(value);
    roles[value] = role;
  }
  return roles;
}

const OIDC_VARIABLES = [
  'CONSOLE_OIDC_CLIENT_ID',
  'CONSOLE_OIDC_CLIENT_SECRET',
  'CONSOLE_OIDC_CLIENT_SECRET_FILE',
  'CONSOLE_OIDC_ROLE_CLAIM',
  'CONSOLE_OIDC_ROLES',
  'CONSOLE_OIDC_SCOPES',
  'CONSOLE_OIDC_LABEL',
];

/** OpenID Connect sign-in when CONSOLE_OIDC_ISSUER is set; null otherwise. */
export function loadOidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const issuerRaw = env.CONSOLE_OIDC_ISSUER?.trim();
  if (!issuerRaw) {
    const stray = OIDC_VARIABLES.find((name) => env[name]?.trim());
    if (stray) throw new Error(`${stray} is set but CONSOLE_OIDC_ISSUER is not`);
    return null;
  }
  // Kept as written: the discovery document must name the issuer exactly so.
  webUrl('CONSOLE_OIDC_ISSUER', issuerRaw);
  const issuer = issuerRaw;
  const clientId = env.CONSOLE_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('CONSOLE_OIDC_CLIENT_ID must be set when CONSOLE_OIDC_ISSUER is');
  const roleClaim = env.CONSOLE_OIDC_ROLE_CLAIM?.trim() || OIDC_DEFAULT_ROLE_CLAIM;
  const scopes = (env.CONSOLE_OIDC_SCOPES?.trim() || OIDC_DEFAULT_SCOPES).split(/\s+/);
  if (!scopes.includes('openid'))
    throw new Error(`CONSOLE_OIDC_SCOPES must include openid, not "${env.CONSOLE_OIDC_SCOPES}"`);
  const label = env.CONSOLE_OIDC_LABEL?.trim() || OIDC_DEFAULT_LABEL;
  if (label.length > 100) throw new Error('CONSOLE_OIDC_LABEL must be at most 100 characters');
  let publicUrl: string | null = null;
  const publicRaw = env.CONSOLE_PUBLIC_URL?.trim();
  if (publicRaw) {
    const url = webUrl('CONSOLE_PUBLIC_URL', publicRaw);
    if (url.pathname !== '/')
      throw new Error(
        `CONSOLE_PUBLIC_URL must be an origin like https://console.example.com, not "${publicRaw}"`,
      );
    publicUrl = url.origin;
  }
  return {
    issuer,
    clientId,
    clientSecret: secret('CONSOLE_OIDC_CLIENT_SECRET', env),
    roleClaim,
    roles: roleMap(env.CONSOLE_OIDC_ROLES),
    scopes: scopes.join(' '),
    label,
    publicUrl,
  };
}

/** CONSOLE_CONNECTIONS: a file, `off`, or unset (the reference service's connections where it applies). */
function connectionsSetting(raw: string | undefined): {
  connectionsFile: string | null;
  referenceConnections: boolean;
} {
  const value = raw?.trim() ?? '';
  if (value === '') return { connectionsFile: null, referenceConnections: true };
  if (value.toLowerCase() === 'off') return { connectionsFile: null, referenceConnections: false };
  return { connectionsFile: value, referenceConnections: false };
}

/**
 * `demoDataSet`: whether the reference service holds its demo data set (a new data folder gets it);
 * the demo users come with it unless CONSOLE_DEMO_USERS=off.
 */
export function loadConsoleConfig(dataDir: string, demoDataSet: boolean, env = process.env): ConsoleConfig {
  const idleMinutes = whole(
    'CONSOLE_SESSION_IDLE_MINUTES',
    env.CONSOLE_SESSION_IDLE_MINUTES,
    30,
    1,
    7 * 24 * 60,
  );
  const maxHours = whole('CONSOLE_SESSION_HOURS', env.CONSOLE_SESSION_HOURS, 12, 1, 90 * 24);
  if (idleMinutes > maxHours * 60)
    throw new Error(
      `CONSOLE_SESSION_IDLE_MINUTES (${idleMinutes}) must not be longer than CONSOLE_SESSION_HOURS (${maxHours} h)`,
    );
  return {
    dataDir,
    demoUsers: demoDataSet && onOff('CONSOLE_DEMO_USERS', env.CONSOLE_DEMO_USERS, true),
    sessionIdleS: idleMinutes * 60,
    sessionMaxS: maxHours * 3600,
    auditRetentionDays: whole('CONSOLE_AUDIT_DAYS', env.CONSOLE_AUDIT_DAYS, 365, 0, 100 * 365),
    healthCheckS: whole('CONSOLE_HEALTH_CHECK_SECONDS', env.CONSOLE_HEALTH_CHECK_SECONDS, 60, 0, 24 * 3600),
    pollPerSecond: rate('CONSOLE_POLL_PER_SECOND', env.CONSOLE_POLL_PER_SECOND, 1, 0.05, 20),
    ...connectionsSetting(env.CONSOLE_CONNECTIONS),
    oidc: loadOidcConfig(env),
  };
}
