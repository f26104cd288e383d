import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadOidcConfig } from './config';
import { OIDC_COOKIE, safeNext } from './oidc';
import type { ConsoleHarness } from './test-support';
import { consoleHarness, send, signIn } from './test-support';
import type { IdpAccounts, TestIdp } from './testing/oidc-idp';
import {
  IDP_CLIENT_ID as CLIENT_ID,
  IDP_CLIENT_SECRET as CLIENT_SECRET,
  rsaKey,
  startIdp,
} from './testing/oidc-idp';

/**
 * OpenID Connect sign-in against a real provider (oidc-provider) on 127.0.0.1, with a console
 * server over real HTTP: each flow is walked as a browser would, following redirects by hand with
 * a cookie jar per browser, through the provider's login and consent interactions (answered by a
 * small interaction handler with `interactionFinished`: ./testing/oidc-idp.ts, which the e2e spec of
 * single sign-on uses too).
 */

/** The provider's people; the role claim is `backup_console_role`, a string or an array. */
const ACCOUNTS: IdpAccounts = {
  alice: { preferred_username: 'alice', email: 'alice@example.com', backup_console_role: 'admin' },
  bob: { preferred_username: 'bob', name: 'Bob B', backup_console_role: ['staff', 'helpdesk'] },
  carol: { preferred_username: 'carol', backup_console_role: ['sales'] },
  dan: { email: 'dan@example.com' },
  erin: { preferred_username: 'erin', backup_console_role: 'viewer' },
  // A person of the provider called like the console's own administrator.
  mallory: { preferred_username: 'admin', backup_console_role: 'viewer' },
};

/** A browser's cookies: name, value and path, per origin. */
class Jar {
  private cookies = new Map<string, { name: string; value: string; path: string; origin: string }>();

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => c.origin === url.origin && url.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  store(url: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) || '/';
      const gone =
        attributes.some((a) => /^max-age=0$/i.test(a)) ||
        attributes.some((a) => /^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()) ||
        value === '';
      const key = `${url.origin} ${name} ${path}`;
      if (gone) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path, origin: url.origin });
    }
  }

  get(origin: string, name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.origin === origin && c.name === name)?.value;
  }
}

interface Hop {
  url: URL;
  status: number;
  location: string | null;
  setCookies: string[];
}

/**
 * Follows redirects by hand from `url` as a browser would, until an answer that is no redirect or
 * a redirect to the console's pages (out of /console/api): the hops, the last one last.
 */
async function walk(jar: Jar, url: string, stopAt?: (next: URL) => boolean, console = h.url): Promise<Hop[]> {
  const hops: Hop[] = [];
  let at = new URL(url);
  for (let i = 0; i < 20; i++) {
    const answer = await fetch(at, { redirect: 'manual', headers: { cookie: jar.header(at) } });
    const setCookies = answer.headers.getSetCookie();
    jar.store(at, setCookies);
    await answer.arrayBuffer();
    const location = answer.headers.get('location');
    hops.push({ url: at, status: answer.status, location, setCookies });
    if (answer.status < 300 || answer.status >= 400 || !location) return hops;
    const next = new URL(location, at);
    if (stopAt?.(next)) return hops;
    if (next.origin === console && !next.pathname.startsWith('/console/api/')) return hops;
    at = next;
  }
  throw new Error(`too many redirects: ${hops.map((x) => x.url.href).join(' → ')}`);
}

let idp: TestIdp;
let h: ConsoleHarness;
/** A second console of the same provider, for the test of a key set that does not sign its ID tokens. */
let h2: ConsoleHarness;
const ROLES_MAP = 'admins:admin,helpdesk:support,staff:viewer';

beforeAll(async () => {
  idp = await startIdp({ accounts: ACCOUNTS, answer: 'alice' });
  const oidc = loadOidcConfig({
    CONSOLE_OIDC_ISSUER: idp.url,
    CONSOLE_OIDC_CLIENT_ID: CLIENT_ID,
    CONSOLE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    CONSOLE_OIDC_ROLES: ROLES_MAP,
  });
  h = await consoleHarness({ oidc });
  h2 = await consoleHarness({ oidc });
  idp.registerClient([h, h2].map((x) => `${x.url}/console/api/oidc/callback`));
});
afterAll(async () => {
  await h?.close();
  await h2?.close();
  await idp?.close();
});

/** A whole sign-in of `who` in a new browser: the hops, the console's final redirect, the cookie. */
async function signInAs(who: string, next?: string) {
  idp.answer = who;
  const jar = new Jar();
  const start = `${h.url}/console/api/oidc/start${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`;
  const hops = await walk(jar, start);
  const last = hops[hops.length - 1]!;
  const cookie = jar.get(h.url, 'console_session');
  return { hops, jar, location: last.location, cookie: cookie && `console_session=${cookie}` };
}

const session = (cookie?: string) => send(h.url, 'GET', '/console/api/session', { cookie });
const signInRows = () => h.console.audit.query({ action: 'sign-in' }, 100);
const errorOf = (location: string | null) =>
  new URL(location ?? '', 'http://x').pathname === '/sign-in'
    ? new URL(location!, 'http://x').searchParams.get('error')
    : null;

describe('OpenID Connect sign-in against a real provider', () => {
  test('the start redirects to the provider with PKCE S256, state and nonce, bound by a Lax cookie', async () => {
    const start = await send(h.url, 'GET', '/console/api/oidc/start?next=/jobs');
    expect(start.status).toBe(302);
    const to = new URL(String(start.headers.location));
    expect(`${to.origin}${to.pathname}`).toBe(`${idp.url}/auth`);
    const q = to.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('redirect_uri')).toBe(`${h.url}/console/api/oidc/callback`);
    expect(q.get('scope')).toBe('openid profile email');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const set = ([] as string[]).concat(start.headers['set-cookie'] ?? []).join('\n');
    expect(set).toMatch(
      new RegExp(
        `^${OIDC_COOKIE}=[A-Za-z0-9_-]{43}; Max-Age=600; Path=/console/api/oidc; HttpOnly; SameSite=Lax$`,
      ),
    );
    // What the sign-in page reads for its button.
    const about = await send(h.url, 'GET', '/console/api/oidc');
    expect(about.json).toEqual({
      label: 'Sign in with single sign-on',
      start: '/console/api/oidc/start',
      issuer: idp.url,
    });
  });

  test('the redirect URI: CONSOLE_PUBLIC_URL, else the request (https behind a proxy that says so)', async () => {
    const redirectOf = async (base: string, headers?: Record<string, string>) => {
      const start = await send(base, 'GET', '/console/api/oidc/start', { headers });
      return {
        uri: new URL(String(start.headers.location)).searchParams.get('redirect_uri'),
        cookie: ([] as string[]).concat(start.headers['set-cookie'] ?? []).join(),
      };
    };
    const proxied = await redirectOf(h.url, { 'x-forwarded-proto': 'https' });
    expect(proxied.uri).toBe(`https://${new URL(h.url).host}/console/api/oidc/callback`);
    expect(proxied.cookie).toMatch(/; Secure/);
    const config = loadOidcConfig({
      CONSOLE_OIDC_ISSUER: idp.url,
      CONSOLE_OIDC_CLIENT_ID: CLIENT_ID,
      CONSOLE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      CONSOLE_PUBLIC_URL: 'https://console.example.com',
    });
    const other = await consoleHarness({ oidc: config });
    try {
      expect((await redirectOf(other.url, { host: 'evil.example' })).uri).toBe(
        'https://console.example.com/console/api/oidc/callback',
      );
    } finally {
      await other.close();
    }
  });

  test('a role claim "admin": a console session with the role admin, GET /session as for a password, `next` kept', async () => {
    const { hops, location, cookie } = await signInAs('alice', '/jobs/42?tab=log');
    // Through the provider's login and consent, back to the callback, then to `next`.
    const paths = hops.map((x) => x.url.pathname.replace(/\/[A-Za-z0-9_-]{10,}$/, '/…'));
    expect(paths).toContain('/interaction/…');
    expect(paths[paths.length - 1]).toBe('/console/api/oidc/callback');
    expect(location).toBe('/jobs/42?tab=log');
    expect(cookie).toMatch(/^console_session=[A-Za-z0-9_-]{43}$/);
    const callback = hops[hops.length - 1]!;
    expect(callback.setCookies.join('\n')).toMatch(
      /console_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict/,
    );
    const answer = await session(cookie);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ user: { username: 'alice', role: 'admin' }, idleTimeoutS: 1800 });
    expect(answer.text).not.toMatch(/token|secret/i);
    // An admin of single sign-on is an admin of the console: the Users page lists them.
    const users = await send(h.url, 'GET', '/console/api/users', { cookie });
    expect(users.status).toBe(200);
    expect(JSON.stringify(users.json)).toContain('"username":"alice"');

    const row = signInRows()[0]!;
    expect(row).toMatchObject({
      who: 'alice',
      role: 'admin',
      action: 'sign-in',
      method: 'GET',
      path: '/console/api/oidc/callback',
      status: 302,
      outcome: 'ok',
      targetName: 'alice',
    });
    expect(row.message).toContain(`Single sign-on: alice at ${idp.url} (subject alice), role admin`);
    const kept = h.console.db
      .prepare('SELECT issuer, subject, display_name, email FROM console_oidc_users WHERE subject = ?')
      .get('alice');
    expect(kept).toEqual({
      issuer: idp.url,
      subject: 'alice',
      display_name: 'alice',
      email: 'alice@example.com',
    });
  });

  test('a group mapped by CONSOLE_OIDC_ROLES gives its role (the highest of several)', async () => {
    const { location, cookie } = await signInAs('bob');
    expect(location).toBe('/');
    expect((await session(cookie)).json).toMatchObject({ user: { username: 'bob', role: 'support' } });
  });

  test('no mapped role (or no claim): refused with a message, no session, an audit row', async () => {
    for (const [who, name] of [
      ['carol', 'carol'],
      ['dan', 'dan@example.com'],
    ] as const) {
      const { hops, location, cookie } = await signInAs(who, '/jobs');
      expect(cookie).toBeUndefined();
      expect(hops[hops.length - 1]!.setCookies.join()).not.toContain('console_session');
      expect(errorOf(location)).toBe(
        `Your single sign-on account (${name}) has no role in this console: ask an administrator for access.`,
      );
      expect(location).not.toMatch(/eyJ|code=/); // no token, no code
      expect(signInRows()[0]).toMatchObject({ who: name, outcome: 'refused', status: 302, role: null });
      expect(signInRows()[0]!.message).toContain('backup_console_role');
    }
    const none = h.console.db
      .prepare("SELECT COUNT(*) AS n FROM console_users WHERE username IN ('carol', 'dan@example.com')")
      .get() as { n: number };
    expect(none.n).toBe(0);
  });

  test('a name the console already has is not that user: the person gets a name of their own', async () => {
    const { cookie } = await signInAs('mallory');
    expect((await session(cookie)).json).toMatchObject({ user: { username: 'admin-2', role: 'viewer' } });
    expect(await signIn(h.url, 'admin')).toMatch(/^console_session=/);
  });

  test('a wrong state, a lost cookie, an expired or unknown sign-in, a missing code: refused and audited', async () => {
    const stopAtCallback = (next: URL) => next.pathname === '/console/api/oidc/callback';
    const callbackOf = async (jar: Jar) => {
      idp.answer = 'alice';
      const hops = await walk(jar, `${h.url}/console/api/oidc/start`, stopAtCallback);
      return new URL(hops[hops.length - 1]!.location!);
    };
    const finish = async (jar: Jar, url: URL) => {
      const hops = await walk(jar, url.href);
      expect(jar.get(h.url, 'console_session')).toBeUndefined();
      return errorOf(hops[hops.length - 1]!.location);
    };

    // A state that is not the one sent (a callback forged by another site).
    let jar = new Jar();
    let url = await callbackOf(jar);
    const right = url.searchParams.get('state')!;
    url.searchParams.set('state', `${right.slice(0, -2)}xx`);
    expect(await finish(jar, url)).toBe(
      'This sign-in is unknown or took longer than 10 minutes: start it again.',
    );
    expect(signInRows()[0]).toMatchObject({ outcome: 'refused', status: 302 });
    // The right state still works, once.
    url.searchParams.set('state', right);
    expect((await walk(jar, url.href)).at(-1)!.location).toBe('/');
    expect(errorOf((await walk(jar, url.href)).at(-1)!.location)).toMatch(/unknown or took longer/);

    // The callback in a browser that did not start the sign-in (its cookie absent).
    url = await callbackOf(new Jar());
    expect(await finish(new Jar(), url)).toBe(
      'This sign-in was started in another browser, or its cookie was lost: start it again.',
    );

    // Longer than 10 minutes at the provider.
    jar = new Jar();
    url = await callbackOf(jar);
    h.clock.advance(11 * 60_000);
    expect(await finish(jar, url)).toMatch(/unknown or took longer than 10 minutes/);

    // No code.
    jar = new Jar();
    url = await callbackOf(jar);
    url.searchParams.delete('code');
    expect(await finish(jar, url)).toBe(
      'The single sign-on provider sent no authorization code: start again.',
    );
    expect(signInRows()[0]).toMatchObject({ outcome: 'failed', status: 302 });

    // No state at all, straight to the callback.
    const bare = await send(h.url, 'GET', '/console/api/oidc/callback?code=abc');
    expect(bare.status).toBe(302);
    expect(errorOf(String(bare.headers.location))).toMatch(/unknown or took longer/);
  });

  test('the provider refuses (access_denied): back to the sign-in page with why, audited', async () => {
    const { location, cookie } = await signInAs('deny');
    expect(cookie).toBeUndefined();
    expect(errorOf(location)).toBe(
      'The single sign-on provider did not let you in (access_denied): the sign-in was cancelled or refused.',
    );
    expect(signInRows()[0]).toMatchObject({ outcome: 'refused', status: 302 });
    expect(signInRows()[0]!.message).toContain('The person declined.');
  });

  test('`next` is a path of this console: //evil.example, /\\evil, a full URL and /sign-in give "/"', async () => {
    expect((await signInAs('bob', '//evil.example')).location).toBe('/');
    expect((await signInAs('bob', 'https://evil.example/x')).location).toBe('/');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      '/sign-in',
      '/Sign-In?x=1',
      '/console/api/users',
      'jobs',
      '',
    ])
      expect(safeNext(bad), bad).toBe('/');
    expect(safeNext('/audit?person=a%20b#top')).toBe('/audit?person=a%20b#top');
  });

  test("the role is the latest sign-in's; a role taken away at the provider ends the console sessions", async () => {
    const first = await signInAs('erin');
    expect((await session(first.cookie)).json).toMatchObject({ user: { username: 'erin', role: 'viewer' } });
    ACCOUNTS.erin!.backup_console_role = ['admins'];
    const second = await signInAs('erin');
    expect((await session(second.cookie)).json).toMatchObject({ user: { username: 'erin', role: 'admin' } });
    // The role is read per request: the first browser's session is an admin's now too.
    expect((await session(first.cookie)).json).toMatchObject({ user: { role: 'admin' } });
    ACCOUNTS.erin!.backup_console_role = [];
    const third = await signInAs('erin');
    expect(third.cookie).toBeUndefined();
    expect(errorOf(third.location)).toMatch(/has no role in this console/);
    expect((await session(first.cookie)).status).toBe(401);
    expect((await session(second.cookie)).status).toBe(401);
    expect(signInRows()[0]).toMatchObject({ who: 'erin', outcome: 'refused', targetName: 'erin' });
  });

  test("an administrator's disabling applies: the person's sessions end and the next sign-in is refused", async () => {
    const { cookie } = await signInAs('bob');
    expect((await session(cookie)).status).toBe(200);
    const admin = await signIn(h.url, 'admin');
    const off = await send(h.url, 'PATCH', '/console/api/users/bob', {
      cookie: admin,
      body: { disabled: true },
    });
    expect(off.status).toBe(200);
    expect((await session(cookie)).status).toBe(401);
    const again = await signInAs('bob');
    expect(again.cookie).toBeUndefined();
    expect(errorOf(again.location)).toBe('This account is disabled: ask an administrator.');
    expect(signInRows()[0]).toMatchObject({ who: 'bob', outcome: 'refused', targetName: 'bob' });
  });
});

describe('the ID token is checked', () => {
  test("signed by a key that is not in the issuer's JWKS: refused, no session, audited", async () => {
    const other = rsaKey();
    idp.otherJwks = JSON.stringify({
      keys: [{ kty: other.kty, n: other.n, e: other.e, kid: 'test-key', use: 'sig', alg: 'RS256' }],
    });
    idp.answer = 'alice';
    try {
      const jar = new Jar();
      const hops = await walk(jar, `${h2.url}/console/api/oidc/start`, undefined, h2.url);
      expect(jar.get(h2.url, 'console_session')).toBeUndefined();
      expect(errorOf(hops.at(-1)!.location)).toBe(
        'The single sign-on provider’s answer could not be verified: ask an administrator.',
      );
      const row = h2.console.audit.query({ action: 'sign-in' }, 10)[0]!;
      expect(row).toMatchObject({ outcome: 'failed', status: 302, path: '/console/api/oidc/callback' });
      expect(row.message).toMatch(/signature/i);
    } finally {
      idp.otherJwks = undefined;
    }
  });
});

/** A console of another issuer: its start's error message and audit row. */
async function startWithIssuer(issuerUrl: string) {
  const other = await consoleHarness({
    oidc: loadOidcConfig({
      CONSOLE_OIDC_ISSUER: issuerUrl,
      CONSOLE_OIDC_CLIENT_ID: CLIENT_ID,
      CONSOLE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    }),
  });
  try {
    const start = await send(other.url, 'GET', '/console/api/oidc/start?next=/jobs');
    expect(start.status).toBe(302);
    return {
      error: errorOf(String(start.headers.location)),
      row: other.console.audit.query({ action: 'sign-in' }, 10)[0]!,
    };
  } finally {
    await other.close();
  }
}

describe('an issuer that cannot be used', () => {
  test('its discovery document missing: the start ends on the sign-in page, ask an administrator, audited', async () => {
    const { error, row } = await startWithIssuer(`${idp.url}/no-such-issuer`);
    expect(error).toBe('The single sign-on provider’s settings could not be read: ask an administrator.');
    expect(row).toMatchObject({ outcome: 'failed', status: 302, path: '/console/api/oidc/start' });
  });

  test('unreachable: the start ends on the sign-in page with a clear message and an audit row, never a 500', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { error, row } = await startWithIssuer(`http://127.0.0.1:${port}`);
    expect(error).toBe(
      'The single sign-on provider cannot be reached: try again later, or sign in with a password.',
    );
    expect(row).toMatchObject({ outcome: 'failed', status: 302, path: '/console/api/oidc/start' });
    expect(row.message).toMatch(/ECONNREFUSED|fetch failed/);
  });
});
