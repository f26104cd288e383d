import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import * as client from 'openid-client';
import type { Role } from '../../src/api/contract/roles';
import { ROLES } from '../../src/api/contract/roles';
import type { Clock } from '../context';
import type { Db } from '../store/db';
import type { Outcome } from './audit';
import type { OidcConfig } from './config';
import { endSessionsOf } from './sessions';
import { signInPageSaying } from './sign-in-reason';
import type { ConsoleUser } from './users';
import { findUserById } from './users';

/**
 * OpenID Connect sign-in, the console's second way in (docs/console-oidc.md): the authorization
 * code flow with PKCE (S256), `state` and `nonce`, against the issuer CONSOLE_OIDC_ISSUER names.
 * openid-client does the protocol: discovery, the code exchange, and the ID token's checks (its
 * signature by the issuer's JWKS, iss, aud, exp, nonce). A person whose role claim maps to a role
 * gets a console session exactly as a password sign-in does; every end of the flow, good or bad,
 * is a 302 (to the `next` path, or to `/sign-in?error=…`) and an audit row `sign-in`.
 *
 * Each person is a row of `console_users` (so sessions, the Users page, disabling and the audit log
 * work for them unchanged) linked by issuer and subject in `console_oidc_users`; the role is the
 * one their latest sign-in brought.
 */

/** The browser's binding to the sign-ins it started: 256 random bits, 10 minutes. */
export const OIDC_COOKIE = 'console_oidc';
/** How long a started sign-in may take at the provider. */
export const OIDC_PENDING_S = 600;
/** Started sign-ins kept at most (the oldest go first): a flood of starts cannot fill the memory. */
const MAX_PENDING = 10_000;
/** The issuer's discovery document is read again after this long. */
const DISCOVERY_MS = 3600_000;
/** A request to the provider (discovery, token, userinfo) waits this long at most, in seconds. */
const PROVIDER_TIMEOUT_S = 10;
/** A console user of single sign-on has no password: this value matches none (not scrypt). */
const NO_PASSWORD = 'oidc';

/** What the flow tells the audit log (the row's action is `sign-in`). */
export interface OidcNote {
  action: 'sign-in';
  who?: string | null;
  role?: string | null;
  targetId?: string | null;
  targetName?: string | null;
  outcome: Outcome;
  message: string;
}

export interface OidcDeps {
  db: Db;
  oidc: OidcConfig;
  clock: Clock;
  /** Where the console's API is mounted (`/console/api`): the routes are below it at `/oidc`. */
  apiPath: string;
  /** Whether the browser came over HTTPS (the cookie is then Secure). */
  overHttps(c: Context): boolean;
  /** Sets the audit row of this request. */
  note(c: Context, note: OidcNote): void;
  /** Starts a console session for `user` with its cookie, as the password sign-in does. */
  startSession(c: Context, user: ConsoleUser): void;
}

interface Pending {
  binding: string;
  nonce: string;
  verifier: string;
  next: string;
  redirectUri: string;
  expiresAt: number;
}

const digest = (value: string): string => createHash('sha256').update(value).digest('base64url');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The path to go to after the sign-in: a path of this console (one "/" first, never `//host` nor
 * `/\host`, which browsers read as another site), not the sign-in page nor the API; "/" otherwise.
 */
export function safeNext(next: string | undefined | null): string {
  if (!next || next.length > 2048 || !next.startsWith('/') || /^\/[/\\]/.test(next)) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  const base = 'http://console.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  const path = url.pathname.toLowerCase();
  if (/^\/sign-in(\/|$)/.test(path) || /^\/console\/api(\/|$)/.test(path)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The values of the role claim: `name` itself, else a dotted path (`realm_access.roles`). */
function claimValues(claims: Record<string, unknown>, name: string): string[] | undefined {
  let value: unknown = Object.hasOwn(claims, name) ? claims[name] : undefined;
  if (value === undefined && name.includes('.')) {
    value = claims;
    for (const part of name.split('.')) {
      value =
        value !== null && typeof value === 'object' && Object.hasOwn(value, part)
          ? (value as Record<string, unknown>)[part]
          : undefined;
    }
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
}

/** The highest role the claim's values map to, if any. */
export function roleOf(values: readonly string[], roles: Readonly<Record<string, Role>>): Role | undefined {
  let best = -1;
  for (const v of values) if (Object.hasOwn(roles, v)) best = Math.max(best, ROLES.indexOf(roles[v]!));
  return best < 0 ? undefined : ROLES[best];
}

/** A name for a message in a URL: 64 characters at most. */
const shortName = (name: string): string => (name.length > 64 ? `${name.slice(0, 63)}…` : name);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** A console user name for a new person: their name made to fit, with -2, -3… when it is taken. */
function freeUsername(db: Db, wanted: string): string {
  const base =
    wanted
      .replace(/[^A-Za-z0-9._@-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 58) || 'sso-user';
  const taken = db.prepare('SELECT 1 FROM console_users WHERE username = ?');
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!taken.get(name)) return name;
  }
}

interface Person {
  issuer: string;
  subject: string;
  displayName: string;
  email: string | null;
  claimed: string[];
}

/** The console user linked to a person, if they signed in before. */
function linkedUser(db: Db, issuer: string, subject: string): ConsoleUser | undefined {
  const row = db
    .prepare('SELECT user_id FROM console_oidc_users WHERE issuer = ? AND subject = ?')
    .get(issuer, subject) as { user_id: number } | undefined;
  return row && findUserById(db, row.user_id);
}

/** The person's console user with the role of this sign-in: added at their first, updated after. */
function upsertPerson(db: Db, person: Person, role: Role, now: number): ConsoleUser {
  return db.transaction(() => {
    const known = linkedUser(db, person.issuer, person.subject);
    let id: number;
    if (known) {
      id = known.id;
      if (known.role !== role)
        db.prepare('UPDATE console_users SET role = ?, changed_at = ? WHERE id = ?').run(role, now, id);
      db.prepare(
        `UPDATE console_oidc_users SET display_name = ?, email = ?, claimed = ?, last_sign_in_at = ?
         WHERE issuer = ? AND subject = ?`,
      ).run(
        person.displayName,
        person.email,
        JSON.stringify(person.claimed),
        now,
        person.issuer,
        person.subject,
      );
    } else {
      const username = freeUsername(db, person.displayName);
      id = Number(
        db
          .prepare(
            `INSERT INTO console_users (username, role, password_hash, created_at, changed_at)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .run(username, role, NO_PASSWORD, now, now).lastInsertRowid,
      );
      db.prepare(
        `INSERT INTO console_oidc_users
           (issuer, subject, user_id, display_name, email, claimed, first_sign_in_at, last_sign_in_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        person.issuer,
        person.subject,
        id,
        person.displayName,
        person.email,
        JSON.stringify(person.claimed),
        now,
        now,
      );
    }
    return findUserById(db, id)!;
  })();
}

/**
 * Why a request to the provider failed, in a few words: the messages and codes of the error and its
 * causes that are errors (never a cause's other fields, which may hold the provider's answer).
 */
function reason(err: unknown): string {
  if (err instanceof client.ResponseBodyError)
    return `${err.error}${err.error_description ? `: ${err.error_description}` : ''}`;
  if (err instanceof client.AuthorizationResponseError) return err.error;
  const words: string[] = [];
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    words.push(typeof code === 'string' && !e.message.includes(code) ? `${e.message} (${code})` : e.message);
  }
  const all = words.length > 0 ? words.join(': ') : String(err);
  return all.length > 300 ? `${all.slice(0, 297)}...` : all;
}

/** Whether an error is the provider not answering (no connection, a timeout, not an OIDC answer). */
function unreachable(err: unknown): boolean {
  const e = err as { name?: string; message?: string; cause?: unknown };
  return (
    e?.name === 'TimeoutError' ||
    e?.name === 'AbortError' ||
    (e instanceof TypeError && /fetch failed/i.test(e.message ?? '')) ||
    (e?.cause !== undefined && e.cause !== err && unreachable(e.cause))
  );
}

/** The issuer's configuration from its discovery document, read again after an hour. */
class Issuer {
  private found: { config: client.Configuration; at: number } | undefined;
  private pending: Promise<client.Configuration> | undefined;

  constructor(
    private readonly oidc: OidcConfig,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<client.Configuration> {
    const now = this.clock.now();
    if (this.found && now - this.found.at < DISCOVERY_MS) return this.found.config;
    this.pending ??= this.discover().finally(() => (this.pending = undefined));
    const config = await this.pending;
    this.found = { config, at: now };
    return config;
  }

  /** After the provider failed to answer: the next sign-in reads its discovery document again. */
  forget(): void {
    this.found = undefined;
  }

  private async discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.oidc;
    const insecure = new URL(issuer).protocol === 'http:';
    const options = {
      timeout: PROVIDER_TIMEOUT_S,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    };
    const found = await client.discovery(new URL(issuer), clientId, clientSecret, undefined, options);
    const server = found.serverMetadata();
    // client_secret_basic where the provider takes it (the default of OpenID Connect), else _post.
    const methods = server.token_endpoint_auth_methods_supported;
    const auth =
      !methods || methods.includes('client_secret_basic')
        ? client.ClientSecretBasic(clientSecret)
        : client.ClientSecretPost(clientSecret);
    const config = new client.Configuration(server, clientId, { client_secret: clientSecret }, auth);
    config.timeout = PROVIDER_TIMEOUT_S;
    if (insecure) client.allowInsecureRequests(config);
    // The ID token's signature is checked with the issuer's JWKS even though it came over TLS.
    client.enableNonRepudiationChecks(config);
    return config;
  }
}

const SETTINGS_UNREADABLE = 'The single sign-on provider’s settings could not be read: ask an administrator.';

/** Words for the provider's own error codes at the redirect (RFC 6749 4.1.2.1, OIDC 3.1.2.6). */
function providerError(code: string): string {
  switch (code) {
    case 'access_denied':
      return 'The single sign-on provider did not let you in (access_denied): the sign-in was cancelled or refused.';
    case 'login_required':
    case 'interaction_required':
    case 'consent_required':
      return `The single sign-on provider needs you to sign in there first (${code}): try again.`;
    default:
      return `The single sign-on provider refused the sign-in (${code.replace(/[^\w.-]/g, '').slice(0, 60)}).`;
  }
}

/** The routes below `${apiPath}/oidc`: `/` (what the sign-in page shows), `/start` and `/callback`. */
export function oidcRoutes(deps: OidcDeps): Hono {
  const { db, oidc, clock } = deps;
  const app = new Hono();
  const issuer = new Issuer(oidc, clock);
  const pending = new Map<string, Pending>();
  const cookiePath = `${deps.apiPath}/oidc`;

  const redirectUri = (c: Context): string => {
    const origin =
      oidc.publicUrl ??
      `${deps.overHttps(c) ? 'https' : 'http'}://${c.req.header('host') ?? new URL(c.req.url).host}`;
    return `${origin}${cookiePath}/callback`;
  };

  /** The page a request's flow returns to (the sign-in page keeps it for another try). */
  const returnTo = new WeakMap<Context, string>();

  /** The end of a flow that did not sign anyone in: the sign-in page says why, the audit log too. */
  const refuse = (
    c: Context,
    outcome: Outcome,
    message: string,
    detail?: string,
    who: Partial<OidcNote> = {},
  ): Response => {
    deps.note(c, {
      action: 'sign-in',
      outcome,
      message: `Single sign-on: ${message}${detail ? ` (${detail})` : ''}`,
      ...who,
    });
    return c.redirect(signInPageSaying(message, returnTo.get(c)), 302);
  };

  const sweep = (now: number) => {
    for (const [state, p] of pending) {
      if (p.expiresAt > now && pending.size < MAX_PENDING) break;
      pending.delete(state);
    }
  };

  app.get('/', (c) => c.json({ label: oidc.label, start: `${cookiePath}/start`, issuer: oidc.issuer }, 200));

  app.get('/start', async (c) => {
    const next = safeNext(c.req.query('next'));
    returnTo.set(c, next);
    let config: client.Configuration;
    try {
      config = await issuer.get();
    } catch (err) {
      return refuse(
        c,
        'failed',
        unreachable(err)
          ? 'The single sign-on provider cannot be reached: try again later, or sign in with a password.'
          : SETTINGS_UNREADABLE,
        reason(err),
      );
    }
    const now = clock.now();
    sweep(now);
    // One binding per browser, kept while it has sign-ins under way (two tabs may start one each).
    const held = getCookie(c, OIDC_COOKIE);
    const binding = held && TOKEN.test(held) ? held : randomBytes(32).toString('base64url');
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const uri = redirectUri(c);
    pending.set(state, {
      binding: digest(binding),
      nonce,
      verifier,
      next,
      redirectUri: uri,
      expiresAt: now + OIDC_PENDING_S * 1000,
    });
    // Lax, not Strict: it must come back on the provider's cross-site redirect to the callback.
    setCookie(c, OIDC_COOKIE, binding, {
      path: cookiePath,
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.overHttps(c),
      maxAge: OIDC_PENDING_S,
    });
    const challenge = await client.calculatePKCECodeChallenge(verifier);
    let url: URL;
    try {
      url = client.buildAuthorizationUrl(config, {
        redirect_uri: uri,
        scope: oidc.scopes,
        state,
        nonce,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
    } catch (err) {
      pending.delete(state);
      return refuse(c, 'failed', SETTINGS_UNREADABLE, reason(err));
    }
    return c.redirect(url.href, 302);
  });

  app.get('/callback', async (c) => {
    const query = new URL(c.req.url).searchParams;
    const state = query.get('state') ?? '';
    const started = pending.get(state);
    if (started) pending.delete(state); // one use, whatever happens next
    if (!started || started.expiresAt <= clock.now())
      return refuse(
        c,
        'refused',
        'This sign-in is unknown or took longer than 10 minutes: start it again.',
        state ? undefined : 'no state',
      );
    returnTo.set(c, started.next);
    const binding = getCookie(c, OIDC_COOKIE);
    if (!binding || digest(binding) !== started.binding)
      return refuse(
        c,
        'refused',
        'This sign-in was started in another browser, or its cookie was lost: start it again.',
      );
    const error = query.get('error');
    if (error)
      return refuse(c, 'refused', providerError(error), query.get('error_description')?.slice(0, 200));
    if (!query.get('code'))
      return refuse(c, 'failed', 'The single sign-on provider sent no authorization code: start again.');

    try {
      const config = await issuer.get();
      // The redirect URI as sent at the start (not the Host of this request), with the provider's answer.
      const current = new URL(started.redirectUri);
      current.search = query.toString();
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: started.verifier,
        expectedState: state,
        expectedNonce: started.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) return refuse(c, 'failed', 'The single sign-on provider sent no ID token.');
      let values = claimValues(claims, oidc.roleClaim);
      // A provider may keep the claim for the userinfo endpoint only.
      if (values === undefined && config.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        values = claimValues(info, oidc.roleClaim);
      }
      const person: Person = {
        issuer: claims.iss,
        subject: claims.sub,
        displayName: (
          text(claims.preferred_username) ??
          text(claims.email) ??
          text(claims.name) ??
          claims.sub
        ).slice(0, 256),
        email: text(claims.email) ?? null,
        claimed: values ?? [],
      };
      const who = { who: person.displayName };
      const role = roleOf(person.claimed, oidc.roles);
      const now = clock.now();
      if (!role) {
        // Whoever lost their role at the provider loses their console sessions too.
        const known = linkedUser(db, person.issuer, person.subject);
        if (known) endSessionsOf(db, known.id);
        return refuse(
          c,
          'refused',
          `Your single sign-on account (${shortName(person.displayName)}) has no role in this console: ask an administrator for access.`,
          `claim ${oidc.roleClaim}: ${values === undefined ? 'absent' : JSON.stringify(values).slice(0, 200)}`,
          { ...who, targetId: known ? String(known.id) : null, targetName: known?.username ?? null },
        );
      }
      const user = upsertPerson(db, person, role, now);
      const target = {
        who: user.username,
        role: user.role,
        targetId: String(user.id),
        targetName: user.username,
      };
      if (user.disabled)
        return refuse(c, 'refused', 'This account is disabled: ask an administrator.', undefined, target);
      deps.startSession(c, user);
      deps.note(c, {
        action: 'sign-in',
        outcome: 'ok',
        message: `Single sign-on: ${person.displayName} at ${person.issuer} (subject ${person.subject}), role ${role} from ${oidc.roleClaim}.`,
        ...target,
      });
      return c.redirect(started.next, 302);
    } catch (err) {
      if (unreachable(err)) {
        issuer.forget();
        return refuse(
          c,
          'failed',
          'The single sign-on provider cannot be reached: try again later, or sign in with a password.',
          reason(err),
        );
      }
      if (err instanceof client.ResponseBodyError)
        return refuse(
          c,
          'failed',
          'The single sign-on provider refused the sign-in code: start again.',
          reason(err),
        );
      // openid-client's other errors: an answer that failed its checks (the ID token's signature,
      // iss, aud, exp, nonce…).
      if (
        err instanceof client.ClientError ||
        err instanceof client.AuthorizationResponseError ||
        err instanceof client.WWWAuthenticateChallengeError
      )
        return refuse(
          c,
          'failed',
          'The single sign-on provider’s answer could not be verified: ask an administrator.',
          reason(err),
        );
      console.error('GET /console/api/oidc/callback failed:', err);
      return refuse(
        c,
        'failed',
        'The console failed while finishing the sign-in; the error was logged.',
        reason(err),
      );
    }
  });

  return app;
}
