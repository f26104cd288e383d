import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { randomUUID } from 'node:crypto';
import { z } from '../../src/api/contract/zod';
import type { Clock } from '../context';
import { systemClock } from '../context';
import { clientAddress, guess, signInKeys } from '../identity/throttle';
import { check, readJson } from '../rackspace-v1/request';
import type { Db } from '../store/db';
import type { Outcome } from './audit';
import { AuditLog, auditCsv, parseAuditQuery } from './audit';
import type { HeldConnection, PersonalSignIn } from './forward';
import { ApiError } from '../../src/api/api-error';
import { forward } from './forward';
import { firstReadsAnswer, firstReadsOf } from './first-reads';
import { CONSOLE_API, connectionBasePath } from './browser-config';
import { oidcRoutes, safeNext } from './oidc';
import { signInPageSaying } from './sign-in-reason';
import { findDialect } from '../../src/api/dialects';
import type { ConsoleConfig } from './config';
import type { Session } from './sessions';
import {
  SESSION_COOKIE,
  checkSession,
  createSession,
  endSession,
  endSessionsOf,
  sessionById,
  sweepSessions,
} from './sessions';
import { openConsoleDb } from './store';
import type { PollTimes, Polled } from './poller';
import { SharedPolls, paceOf } from './poller';
import type { ConsoleUser } from './users';
import {
  addUser,
  changeUser,
  checkPassword,
  findUser,
  listUsers,
  seedDemoConsoleUsers,
  setPassword,
} from './users';

/**
 * The console server's own API under `/console/api` (issue 13 items 2, 3 and 5): sign-in and
 * sign-out with a server-side session in an HttpOnly, SameSite=Strict cookie, the users an
 * administrator manages, and the audit log. Every answer is JSON `{"message": …}` on error (the
 * plain form every connection reads), a client's mistake is a 4xx, and each sign-in attempt, and each
 * mutating request and refusal of a person signed in, leaves an audit row.
 */
export { CONSOLE_API };
/** The largest body the console's own API reads: a sign-in or a user is a few hundred bytes. */
export const CONSOLE_MAX_BODY = 64 * 1024;

/** What a route tells the audit log about its request. */
interface Note {
  action: string;
  connection?: string | null;
  vendorStatus?: number | null;
  who?: string | null;
  role?: string | null;
  targetId?: string | null;
  targetName?: string | null;
  message?: string | null;
  outcome?: Outcome;
  /**
   * A sign-in whose credentials were checked (or whose account was found disabled): recorded even
   * without a session. The throttle of guesses bounds how often that can happen; a sign-in it turns
   * away (429) or a body that names nobody is not recorded without a session.
   */
  attempt?: boolean;
}

type Env = {
  Variables: { session: Session | undefined; note: Note | undefined; message: string | undefined };
};
type C = Context<Env>;

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ConsoleServer {
  db: Db;
  audit: AuditLog;
  /** The pollers of the connections the server holds, and the open streams (docs/live-push.md). */
  polls: SharedPolls;
  close(): void;
}

function fail(c: C, status: ContentfulStatusCode, message: string): Response {
  c.set('message', message);
  return c.json({ message }, status);
}

/** A vendor's answer as the poller keeps it, with when it was asked (`X-Console-Polled-At`). */
function keptAnswer(kept: Polled, passed?: Headers): Response {
  const headers = new Headers(passed);
  if (kept.contentType) headers.set('content-type', kept.contentType);
  headers.set('x-console-polled-at', new Date(kept.polledAt).toISOString());
  return new Response(kept.body as Uint8Array<ArrayBuffer>, { status: kept.status, headers });
}

/** Whether the browser reached the console over HTTPS, itself or through a proxy that says so. */
function overHttps(c: C): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https' || /(^|;|,)\s*proto=https\b/i.test(c.req.header('forwarded') ?? '');
}

/**
 * The session cookie's attributes. Its path is the whole console, so that a page request carries it
 * and the server can render the Overview with the person's data (server/static.ts); SameSite=Strict
 * keeps it off every request another site starts, a link included.
 */
function cookieOptions(c: C, maxAgeS?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict' as const,
    secure: overHttps(c),
    ...(maxAgeS === undefined ? {} : { maxAge: maxAgeS }),
  };
}

/**
 * Clears the session cookie, and the one a console before the cookie's path was widened set on
 * /console/api alone (a browser would otherwise keep sending it there beside the new one).
 */
function dropCookies(c: C): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
  deleteCookie(c, SESSION_COOKIE, { ...cookieOptions(c), path: CONSOLE_API });
}

/**
 * Why a mutating request is refused as cross-site, if it is: a browser says where a request comes
 * from (Sec-Fetch-Site, else Origin), and only the console's own pages may change anything. A
 * client that is no browser sends neither and is let through (it holds its own cookie; CSRF is a
 * browser's confusion).
 */
function crossSite(c: C): string | undefined {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined)
    return site === 'same-origin'
      ? undefined
      : `The console refuses changes asked by another site (Sec-Fetch-Site: ${site}).`;
  const origin = c.req.header('origin');
  if (origin === undefined) return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  return host !== undefined && host === c.req.header('host')
    ? undefined
    : `The console refuses changes asked by another site (Origin: ${origin}).`;
}

const signInSchema = z.object({
  // Trimmed before the length check, in both the JSON sign-in and the form: a user name never holds a
  // space (users.ts), and a name of spaces alone is nothing typed.
  username: z.string().check(z.trim(), z.minLength(1), z.maxLength(256)),
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
});
const personalSignInSchema = z
  .strictObject({
    username: z.string().check(z.minLength(1), z.maxLength(256)),
    password: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
    apiKey: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
  })
  .check(
    z.refine((b) => b.password !== undefined || b.apiKey !== undefined, 'needs a password or an apiKey'),
  );
const addUserSchema = z.object({ username: z.string(), role: z.string(), password: z.string() });
const changeSchema = z.strictObject({ role: z.optional(z.string()), disabled: z.optional(z.boolean()) });
const passwordSchema = z.object({ password: z.string() });

const userAnswer = (u: ConsoleUser) => ({
  username: u.username,
  role: u.role,
  disabled: u.disabled,
  createdAt: new Date(u.createdAt).toISOString(),
  changedAt: new Date(u.changedAt).toISOString(),
});

/** Opens the console's database, seeds the demo users where due, and mounts its API on `app`. */
export async function mountConsole(
  app: Hono,
  config: ConsoleConfig,
  clock: Clock = systemClock,
  /**
   * The connections whose credentials the server holds, for `/console/api/connections/{id}/…`
   * (server/console/held.ts reads them from the file CONSOLE_CONNECTIONS names).
   */
  held: {
    connections(): readonly HeldConnection[];
    fetch?: typeof fetch;
    /** Tests only: shorter times for the shared poller. */
    pollTimes?: Partial<PollTimes>;
  } = { connections: () => [] },
): Promise<ConsoleServer> {
  const db = openConsoleDb(config.dataDir);
  if (config.demoUsers) await seedDemoConsoleUsers(db, clock.now());
  const audit = new AuditLog(db, config.auditRetentionDays);
  audit.sweep(clock.now(), true);
  sweepSessions(db, config, clock.now());
  const polls = new SharedPolls(
    () => held.connections(),
    (id) => {
      const now = sessionById(db, id, config, clock.now());
      return now.ok ? { role: now.session.user.role } : { ended: now.message };
    },
    { perSecond: config.pollPerSecond ?? 1, ...held.pollTimes },
    held.fetch,
  );

  const api = new Hono<Env>();

  // Outermost: every answer below passes here, refusals of the middleware after it included.
  api.use('*', async (c: C, next) => {
    const at = clock.now();
    const started = performance.now();
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
    const status = c.res.status;
    const refused = status === 403 || status === 429;
    const note = c.get('note');
    if (!note && SAFE.has(c.req.method) && !refused) return;
    // Whose request it was, where the route did not ask (a path no route has, a body too large).
    const session = c.get('session') ?? checkSessionOf(getCookie(c, SESSION_COOKIE), clock.now());
    // Without a session only a sign-in attempt is recorded: anyone may send requests, and a row for
    // each would let them fill the log (rows are kept for CONSOLE_AUDIT_DAYS).
    if (!session && !note?.attempt) return;
    audit.append({
      at,
      who: note?.who ?? session?.user.username ?? null,
      role: note?.role ?? session?.user.role ?? null,
      address: clientAddress(c) ?? null,
      connection: note?.connection ?? null,
      action: note?.action ?? 'request',
      method: c.req.method,
      path: c.req.path,
      targetId: note?.targetId ?? null,
      targetName: note?.targetName ?? null,
      status,
      vendorStatus: note?.vendorStatus ?? null,
      durationMs: performance.now() - started,
      outcome: note?.outcome ?? (status < 400 ? 'ok' : refused ? 'refused' : 'failed'),
      message: note?.message ?? c.get('message') ?? null,
    });
  });
  /** The good session a cookie names, if any. */
  const checkSessionOf = (token: string | undefined, now: number): Session | undefined => {
    const held = checkSession(db, token, config, now);
    return held.ok ? held.session : undefined;
  };
  const limitBody = bodyLimit({
    maxSize: CONSOLE_MAX_BODY,
    onError: (c) => fail(c as C, 413, `The request body is larger than ${CONSOLE_MAX_BODY / 1024} KB.`),
  });
  // No route here reads the body of a GET, HEAD or OPTIONS (the forwarding route sends none on), so
  // the limit, which would build the whole Request object for each, is skipped for them.
  const limitBodies: MiddlewareHandler = (c, next) => (SAFE.has(c.req.method) ? next() : limitBody(c, next));
  api.use('*', limitBodies);
  api.use('*', async (c: C, next) => {
    if (SAFE.has(c.req.method)) return next();
    const problem = crossSite(c);
    if (!problem) return next();
    // The audit row names whose session the other site tried to use, when the cookie came along.
    c.set('note', { action: 'cross-site' });
    return fail(c, 403, problem);
  });

  /** The caller's session, or the 401 answer (a cookie that names no good session is dropped). */
  const signedIn = (c: C): Session | Response => {
    const token = getCookie(c, SESSION_COOKIE);
    const checked = checkSession(db, token, config, clock.now());
    if (checked.ok) {
      c.set('session', checked.session);
      return checked.session;
    }
    if (token !== undefined) dropCookies(c);
    return fail(c, 401, checked.message);
  };
  const admin = (c: C, what: string): Session | Response => {
    const session = signedIn(c);
    if (session instanceof Response) return session;
    if (session.user.role === 'admin') return session;
    return fail(c, 403, `Your role (${session.user.role}) may not ${what}; this needs the admin role.`);
  };
  /** The JSON body checked by `schema`, or the 4xx answer. */
  const bodyOf = async <S extends z.ZodMiniType>(c: C, schema: S): Promise<z.output<S> | Response> => {
    const body = await readJson(c);
    if (!body.ok) return fail(c, body.status, body.message);
    const parsed = check(schema, body.value);
    return parsed.ok ? parsed.value : fail(c, parsed.status, parsed.message);
  };
  /** An administrator's change: the note for the audit log, the session and the checked body. */
  const adminChange = async <S extends z.ZodMiniType>(
    c: C,
    note: Note,
    schema: S,
  ): Promise<{ session: Session; body: z.output<S> } | Response> => {
    c.set('note', note);
    const session = admin(c, 'manage console users');
    if (session instanceof Response) return session;
    const body = await bodyOf(c, schema);
    return body instanceof Response ? body : { session, body };
  };
  /** A new session for `user` and its cookie (password and OpenID Connect sign-in alike). */
  const startSession = (c: C, user: ConsoleUser, now: number): Session => {
    // A session this browser still holds ends: one browser, one session.
    const held = checkSession(db, getCookie(c, SESSION_COOKIE), config, now);
    if (held.ok) endSession(db, held.session.id);
    const { token, session } = createSession(db, user, config, now);
    setCookie(c, SESSION_COOKIE, token, cookieOptions(c, config.sessionMaxS));
    // A console before the cookie's path was widened set it on /console/api alone.
    deleteCookie(c, SESSION_COOKIE, { ...cookieOptions(c), path: CONSOLE_API });
    return session;
  };
  const sessionAnswer = (s: Session) => ({
    user: { username: s.user.username, role: s.user.role },
    signedInAt: new Date(s.createdAt).toISOString(),
    expiresAt: new Date(s.expiresAt).toISOString(),
    idleTimeoutS: config.sessionIdleS,
  });

  /**
   * A password sign-in, for both of its forms below: the name and password checked (under the
   * throttle of guesses), the session started and its cookie set, or why not.
   */
  const passwordSignIn = async (
    c: C,
    note: Note,
    username: string,
    password: string,
  ): Promise<{ ok: true; session: Session } | { ok: false; status: 401 | 403 | 429; message: string }> => {
    note.who = username;
    const now = clock.now();
    const result = await guess(
      db,
      c,
      signInKeys(c, username),
      `${username.toLowerCase()}\0${password}`,
      now,
      'sign-ins',
      () => checkPassword(db, username, password),
    );
    if (!result.ok && result.status === 429) {
      c.header('Retry-After', String(result.retryAfterS));
      return { ok: false, status: 429, message: result.message };
    }
    note.attempt = true;
    if (!result.ok) return { ok: false, status: 401, message: 'Wrong user name or password.' };
    const user = result.value;
    Object.assign(note, {
      who: user.username,
      role: user.role,
      targetId: String(user.id),
      targetName: user.username,
    });
    if (user.disabled)
      return { ok: false, status: 403, message: 'This account is disabled: ask an administrator.' };
    return { ok: true, session: startSession(c, user, now) };
  };

  api.post('/session', async (c) => {
    const note: Note = { action: 'sign-in' };
    c.set('note', note);
    const body = await bodyOf(c, signInSchema);
    if (body instanceof Response) return body;
    const signed = await passwordSignIn(c, note, body.username, body.password);
    return signed.ok ? c.json(sessionAnswer(signed.session), 200) : fail(c, signed.status, signed.message);
  });

  /**
   * The sign-in page's form as the browser itself sends it, before the page's code has taken the form
   * over (a slow phone shows the server-rendered form seconds before its scripts have run): the same
   * sign-in, answered as a page is, with 303 to the `next` path (by way of the sign-in page's step for
   * the connections each person signs in to, when there are any), or back to `/sign-in?error=…`. Another
   * site's form is refused like any change it asks for (the cross-site check above).
   */
  api.post('/session/form', async (c) => {
    const note: Note = { action: 'sign-in' };
    c.set('note', note);
    // Back to the page with why, and with the name given (a name of at most the 256 characters a
    // username may have; never the password), which the form shows again.
    const back = (next: string, message: string, outcome: Outcome = 'failed', username = '') => {
      Object.assign(note, { outcome, message });
      return c.redirect(signInPageSaying(message, next, username.trim().slice(0, 256)), 303);
    };
    // A browser sending a form says where it comes from; another site's is refused above. Without
    // either header this is not a browser's form, and a sign-in it cannot vouch for is not made.
    if (c.req.header('sec-fetch-site') === undefined && c.req.header('origin') === undefined)
      return fail(c, 403, 'A sign-in form comes from a browser, which says where it was sent from (Origin).');
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type))
      return fail(
        c,
        415,
        'This address reads the sign-in form (Content-Type: application/x-www-form-urlencoded).',
      );
    const form = new URLSearchParams(await c.req.text());
    const next = safeNext(form.get('next'));
    const parsed = check(signInSchema, {
      username: form.get('username') ?? '',
      password: form.get('password') ?? '',
    });
    if (!parsed.ok)
      return back(next, 'Enter your username and password.', 'failed', form.get('username') ?? '');
    const signed = await passwordSignIn(c, note, parsed.value.username, parsed.value.password);
    if (!signed.ok)
      return back(next, signed.message, signed.status === 401 ? 'failed' : 'refused', parsed.value.username);
    // A connection each person signs in to with their own vendor account: that step is the sign-in
    // page's code's, so the person goes on to it (the page shows it to someone signed in to the
    // console with such a sign-in pending), and from there to `next`, rather than past it.
    if (held.connections().some((h) => h.personal))
      return c.redirect(`/sign-in?${new URLSearchParams({ next }).toString()}`, 303);
    return c.redirect(next, 303);
  });

  api.get('/session', (c) => {
    const session = signedIn(c);
    return session instanceof Response ? session : c.json(sessionAnswer(session), 200);
  });

  /** Drops (and revokes where the dialect can) the vendor tokens of console sessions that ended. */
  const dropEnded = async (): Promise<void> => {
    // Ended, past its lifetime or idle too long (an idle row stays until its cookie comes back).
    const alive = db.prepare(
      'SELECT 1 FROM console_sessions WHERE id = ? AND expires_at > ? AND last_seen_at > ?',
    );
    const now = clock.now();
    const good = (id: string) => alive.get(id, now, now - config.sessionIdleS * 1000) !== undefined;
    for (const h of held.connections()) await h.personal?.keepOnly(good).catch(() => undefined);
  };
  const sweeper = setInterval(() => void dropEnded(), 60_000);
  sweeper.unref();

  api.delete('/session', async (c) => {
    c.set('note', { action: 'sign-out' });
    const session = signedIn(c);
    if (session instanceof Response) return session;
    // The person's own vendor tokens end with the console session (revoked where the dialect can).
    for (const h of held.connections()) await h.personal?.signOut(session.id).catch(() => undefined);
    endSession(db, session.id);
    polls.endSession(session.id, 'You signed out.');
    dropCookies(c);
    return c.body(null, 204);
  });

  api.get('/users', (c) => {
    const session = admin(c, 'manage console users');
    return session instanceof Response ? session : c.json({ users: listUsers(db).map(userAnswer) }, 200);
  });

  api.post('/users', async (c) => {
    const note: Note = { action: 'user.add' };
    const asked = await adminChange(c, note, addUserSchema);
    if (asked instanceof Response) return asked;
    const { body } = asked;
    note.targetName = body.username;
    const added = await addUser(db, body, clock.now());
    if (!added.ok) return fail(c, added.status, added.message);
    note.targetId = String(added.value.id);
    return c.json({ user: userAnswer(added.value) }, 201);
  });

  api.patch('/users/:name', async (c) => {
    const name = c.req.param('name');
    const note: Note = { action: 'user.change', targetName: name };
    const asked = await adminChange(c, note, changeSchema);
    if (asked instanceof Response) return asked;
    const { session, body } = asked;
    if (body.disabled !== undefined) note.action = body.disabled ? 'user.disable' : 'user.enable';
    else if (body.role !== undefined) note.action = 'user.role';
    const target = findUser(db, name);
    if (target?.id === session.user.id && body.disabled === true)
      return fail(c, 409, 'You may not disable yourself: another administrator may.');
    const changed = changeUser(db, name, body, clock.now());
    if (!changed.ok) return fail(c, changed.status, changed.message);
    Object.assign(note, { targetId: String(changed.value.id), targetName: changed.value.username });
    if (changed.value.disabled) {
      endSessionsOf(db, changed.value.id);
      await dropEnded();
    }
    return c.json({ user: userAnswer(changed.value) }, 200);
  });

  api.post('/users/:name/password', async (c) => {
    const name = c.req.param('name');
    const note: Note = { action: 'user.password', targetName: name };
    const asked = await adminChange(c, note, passwordSchema);
    if (asked instanceof Response) return asked;
    const { session, body } = asked;
    const done = await setPassword(db, name, body.password, clock.now());
    if (!done.ok) return fail(c, done.status, done.message);
    Object.assign(note, { targetId: String(done.value.id), targetName: done.value.username });
    // Whoever knew the old password is signed out; an administrator who sets their own keeps this session.
    const ended = endSessionsOf(db, done.value.id, session.id);
    await dropEnded();
    return c.json({ user: userAnswer(done.value), sessionsEnded: ended }, 200);
  });

  api.get('/audit', (c) => {
    const session = admin(c, 'read the audit log');
    if (session instanceof Response) return session;
    const query = parseAuditQuery(new URL(c.req.url).searchParams);
    if (!query.ok) return fail(c, 400, query.message);
    const rows = audit.query(query.filter, query.limit + 1, query.before);
    const page = rows.slice(0, query.limit);
    if (query.csv) {
      const day = new Date(clock.now()).toISOString().slice(0, 10);
      c.header('Content-Disposition', `attachment; filename="console-audit-${day}.csv"`);
      return c.body(auditCsv(page), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    const next = rows.length > query.limit ? page[page.length - 1]!.id : null;
    return c.json({ entries: page.map((r) => ({ ...r, at: new Date(r.at).toISOString() })), next }, 200);
  });

  api.get('/connections', (c) => {
    const session = signedIn(c);
    if (session instanceof Response) return session;
    const connections = held.connections().map((h) => ({
      id: h.id,
      label: h.label ?? h.id,
      dialect: h.dialect,
      capabilities: findDialect(h.dialect)?.capabilities ?? null,
      basePath: connectionBasePath(h.id),
      health: h.health?.() ?? { state: 'unknown', message: null, at: null },
      signIn: h.personal ? 'per-person' : 'server',
      ...(h.personal ? { signedIn: h.personal.has(session.id) } : {}),
    }));
    return c.json({ connections }, 200);
  });

  /** The per-person connection a personal sign-in or sign-out names, or the 4xx answer. */
  const personalOf = (c: C, id: string): (HeldConnection & { personal: PersonalSignIn }) | Response => {
    const found = held.connections().find((h) => h.id === id);
    if (!found) return fail(c, 404, `There is no connection "${id}".`);
    if (!found.personal)
      return fail(
        c,
        409,
        `The console server signs in to ${found.label ?? id} itself: there is no personal sign-in.`,
      );
    return found as HeldConnection & { personal: PersonalSignIn };
  };

  // Per-person vendor sign-in: the vendor's token stays in this server, under the console session.
  api.post('/connections/:id/session', async (c) => {
    const id = c.req.param('id');
    const note: Note = { action: 'connection.sign-in', connection: id };
    c.set('note', note);
    const session = signedIn(c);
    if (session instanceof Response) return session;
    const connection = personalOf(c, id);
    if (connection instanceof Response) return connection;
    const body = await bodyOf(c, personalSignInSchema);
    if (body instanceof Response) return body;
    // The vendor user name is the target; the secret is in no row and no answer.
    note.targetName = body.username;
    try {
      await connection.personal.signIn(session.id, body);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : null;
      note.vendorStatus = status;
      const why = err instanceof Error ? err.message : String(err);
      // The vendor refused the person's credentials (OAuth's invalid_grant is a 400): a 401 here; a
      // vendor that slows sign-ins passes its 429 on; one that fails or does not answer is a 502.
      const answer = status === 429 ? 429 : status !== null && status >= 400 && status < 500 ? 401 : 502;
      return fail(c, answer, why);
    }
    note.vendorStatus = 200;
    return c.json({ connection: id, signedIn: true }, 200);
  });

  api.delete('/connections/:id/session', async (c) => {
    const id = c.req.param('id');
    c.set('note', { action: 'connection.sign-out', connection: id });
    const session = signedIn(c);
    if (session instanceof Response) return session;
    const connection = personalOf(c, id);
    if (connection instanceof Response) return connection;
    await connection.personal.signOut(session.id).catch(() => undefined);
    return c.body(null, 204);
  });

  // The stream of what changed on the connections this session watches (docs/live-push.md).
  api.get('/stream', (c) => {
    const session = signedIn(c);
    if (session instanceof Response) return session;
    const streamId = randomUUID();
    const encoder = new TextEncoder();
    let closeStream: (() => void) | null = null;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        const sink = {
          sessionId: session.id,
          role: session.user.role,
          send(event: string, data: unknown) {
            if (open)
              controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
          },
          close() {
            if (!open) return;
            open = false;
            controller.close();
            closeStream?.();
          },
        };
        // A browser waits this long before it opens the stream again after losing it.
        controller.enqueue(encoder.encode('retry: 2000\n\n'));
        closeStream = polls.open(sink, streamId);
      },
      cancel() {
        closeStream?.();
      },
    });
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        // A proxy in front (nginx) would otherwise hold the events back until its buffer fills.
        'x-accel-buffering': 'no',
      },
    });
  });

  // What changed since a page's answers were read, among the paths this session watches: a page the
  // server rendered with its answers asks once its stream is held, and reads again only those.
  api.get('/changes', (c) => {
    const session = signedIn(c);
    if (session instanceof Response) return session;
    const since = c.req.query('since') ?? '';
    if (!/^\d{1,15}$/.test(since))
      return fail(c, 400, '"since" must be a time in milliseconds since 1970 (an integer).');
    return c.json({ changes: polls.changedSince(session.id, session.user.role, Number(since)) }, 200, {
      'cache-control': 'no-store',
    });
  });

  // The Overview's first reads in one answer (server/console/first-reads.ts). Each read is the
  // forwarding route's below, asked in this process with this request's cookie and the read's pace.
  api.get('/first-reads', (c) => {
    const session = signedIn(c);
    if (session instanceof Response) return session;
    const cookie = c.req.header('cookie') ?? '';
    return firstReadsAnswer(
      firstReadsOf(held.connections()),
      (path, pace) =>
        Promise.resolve(
          app.request(
            new URL(path, c.req.url),
            { headers: { cookie, 'x-console-watch': pace } },
            c.env as object | undefined,
          ),
        ),
      c.req.header('accept-encoding'),
    );
  });

  // A person's request to a vendor: the rule check, then the vendor with the server's credentials (or,
  // on a per-person connection, with the person's own vendor token).
  api.all('/connections/:id/*', async (c) => {
    const id = c.req.param('id');
    const session = signedIn(c);
    if (session instanceof Response) return session;
    const found = held.connections().find((h) => h.id === id);
    if (!found) return fail(c, 404, `There is no connection "${id}".`);
    const connection = found.personal ? found.personal.forSession(session.id) : found;
    const url = new URL(c.req.url);
    const prefix = connectionBasePath(id);
    if (!url.pathname.startsWith(`${prefix}/`)) return fail(c, 404, `There is no connection "${id}".`);
    const rest = url.pathname.slice(prefix.length) + url.search;
    // A read the browser keeps showing: the shared poller keeps it, and may answer it from its cache
    // once forward() has checked the rule, or from a request for the same path already on its way.
    const pace = c.req.method === 'GET' ? paceOf(c.req.header('x-console-watch')) : null;
    const poller = pace && !found.personal ? polls.poller(id) : null;
    let sentAt = Date.now();
    /** This read goes to the vendor: its answer (or null) for the reads that wait for it. */
    let settle: ((answer: Polled | null) => void) | undefined;
    const cached =
      poller && pace
        ? async () => {
            const kept = poller.cached(rest, Date.now()) ?? (await poller.joined(rest));
            if (kept) {
              poller.watch(session.id, rest, pace, Date.now());
              return keptAnswer(kept);
            }
            sentAt = Date.now();
            settle = poller.begin(rest, sentAt);
            return null;
          }
        : undefined;
    const body = SAFE.has(c.req.method) ? undefined : await c.req.arrayBuffer();
    try {
      const done = await forward(
        connection,
        session.user.role,
        {
          method: c.req.method,
          rest,
          contentType: c.req.header('content-type'),
          // A kept answer is kept as plain bytes: the console compresses it for each browser.
          acceptEncoding: poller ? undefined : c.req.header('accept-encoding'),
          body,
          cached,
        },
        held.fetch,
      );
      const note: Note = { ...done.note };
      // A command answered without its target's name (a bare id, a new run, no body): the name from
      // the lists the poller keeps, which the page that showed the target read.
      if (!SAFE.has(c.req.method) && note.targetId && !note.targetName && !found.personal)
        note.targetName = polls.poller(id)?.nameOf(note.targetId) ?? null;
      if (done.kind === 'refused') {
        c.set('note', note);
        c.set('message', done.message);
        return c.json(done.body, done.status);
      }
      // A command may change what every poll of the connection reads.
      if (!SAFE.has(c.req.method) && !found.personal) polls.poller(id)?.noteCommand(Date.now());
      if (!SAFE.has(c.req.method) || done.kind === 'failed' || done.kind === 'signed-out')
        c.set('note', note);
      if (done.kind === 'failed') return fail(c, done.status, done.message);
      if (done.kind === 'signed-out') {
        c.set('message', done.message);
        return c.json(done.body, done.status);
      }
      if (done.cached) return done.response;
      if (poller && pace) {
        const kept: Polled = {
          status: done.response.status,
          contentType: done.response.headers.get('content-type'),
          body: new Uint8Array(await done.response.arrayBuffer()),
          polledAt: sentAt,
        };
        poller.rootPath = done.rootPath;
        poller.watch(session.id, rest, pace, sentAt);
        poller.record(rest, kept, 'browser');
        settle?.(kept);
        return keptAnswer(kept, done.response.headers);
      }
      return done.response;
    } finally {
      // A read that went to the vendor and got no answer to keep: those waiting for it ask themselves.
      settle?.(null);
    }
  });

  // OpenID Connect sign-in (docs/console-oidc.md), when CONSOLE_OIDC_ISSUER is set.
  if (config.oidc)
    api.route(
      '/oidc',
      oidcRoutes({
        db,
        oidc: config.oidc,
        clock,
        apiPath: CONSOLE_API,
        overHttps: (c) => overHttps(c as C),
        // Each of its notes ends a sign-in flow (docs/console-oidc.md), recorded as an attempt.
        note: (c, note) => (c as C).set('note', { ...note, attempt: true }),
        startSession: (c, user) => void startSession(c as C, user, clock.now()),
      }),
    );

  api.all('*', (c) => fail(c, 404, `No such console API: ${c.req.method} ${c.req.path}`));
  api.onError((err, c) => {
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return fail(c, 500, 'The console server failed while answering; the error was logged.');
  });

  app.route(CONSOLE_API, api);
  return {
    db,
    audit,
    polls,
    close: () => {
      polls.close();
      clearInterval(sweeper);
      db.close();
    },
  };
}
