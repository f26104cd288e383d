import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ConsoleHarness } from './test-support';
import { consoleHarness, send, sessionCookie, signIn } from './test-support';
import { withoutForeignReason } from './sign-in-reason';

/**
 * Issue 13 items 2 and 3 over real HTTP and a real SQLite file: sign-in to the console, its cookie,
 * the server-side session (idle timeout, lifetime, sign-out), the throttle, the cross-site check,
 * user management by administrators, and 4xx answers to bad input.
 */
let h: ConsoleHarness;
beforeEach(async () => {
  h = await consoleHarness();
});
afterEach(async () => h.close());

const MINUTE = 60_000;
const session = (cookie?: string) => send(h.url, 'GET', '/console/api/session', { cookie });

describe('sign-in and the session cookie', () => {
  test('sets an HttpOnly, SameSite=Strict cookie; GET says who; DELETE ends the session on the server', async () => {
    const answer = await send(h.url, 'POST', '/console/api/session', {
      body: { username: 'Support', password: 'demo' },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ user: { username: 'support', role: 'support' }, idleTimeoutS: 1800 });
    const set = ([] as string[]).concat(answer.headers['set-cookie'] ?? []).join('\n');
    // The whole console's path, so that page requests carry it too (the Overview is rendered with the
    // person's data); and the cookie a console before that set on /console/api alone is cleared.
    expect(set).toMatch(
      /^console_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict\nconsole_session=; Max-Age=0; Path=\/console\/api; HttpOnly; SameSite=Strict$/,
    );
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.text).not.toMatch(/token|password/i);
    const cookie = sessionCookie(answer);

    expect((await session(cookie)).json).toMatchObject({ user: { username: 'support', role: 'support' } });
    const out = await send(h.url, 'DELETE', '/console/api/session', { cookie });
    expect(out.status).toBe(204);
    const cleared = ([] as string[]).concat(out.headers['set-cookie'] ?? []);
    expect(cleared).toEqual([
      'console_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict',
      'console_session=; Max-Age=0; Path=/console/api; HttpOnly; SameSite=Strict',
    ]);
    // The same cookie sent again (a copy kept somewhere) names no session any more.
    const after = await session(cookie);
    expect(after.status).toBe(401);
    expect(after.json.message).toMatch(/not valid .*sign in again/);
  });

  test('Secure when the browser came over HTTPS through a proxy that says so', async () => {
    const proxies: Record<string, string>[] = [
      { 'x-forwarded-proto': 'https' },
      { forwarded: 'for=10.0.0.1;proto=https' },
    ];
    for (const headers of proxies) {
      const answer = await send(h.url, 'POST', '/console/api/session', {
        body: { username: 'viewer', password: 'demo' },
        headers,
      });
      expect(String(answer.headers['set-cookie'])).toMatch(/; Secure/);
    }
  });

  test('a session ends after the idle timeout, and at its lifetime however busy', async () => {
    const idle = await signIn(h.url, 'viewer');
    h.clock.advance(29 * MINUTE);
    expect((await session(idle)).status).toBe(200);
    h.clock.advance(29 * MINUTE); // 29 minutes since the last request: still on
    expect((await session(idle)).status).toBe(200);
    h.clock.advance(30 * MINUTE);
    const ended = await session(idle);
    expect(ended.status).toBe(401);
    expect(ended.json.message).toBe('Your session ended after 30 minutes without a request: sign in again.');

    const busy = await signIn(h.url, 'viewer');
    for (let t = 0; t < 12 * 60; t += 20) {
      expect((await session(busy)).status, `after ${t} minutes`).toBe(200);
      h.clock.advance(20 * MINUTE);
    }
    const limit = await session(busy);
    expect(limit.status).toBe(401);
    expect(limit.json.message).toBe('Your session reached its limit of 12 hours: sign in again.');
  });

  test('a timeout of one minute or one hour is said in the singular', async () => {
    await h.close();
    h = await consoleHarness({ sessionIdleS: 60, sessionMaxS: 3600 });
    const idle = await signIn(h.url, 'viewer');
    h.clock.advance(MINUTE);
    expect((await session(idle)).json.message).toBe(
      'Your session ended after 1 minute without a request: sign in again.',
    );
    const busy = await signIn(h.url, 'viewer');
    for (let t = 0; t < 60; t += 0.5) {
      expect((await session(busy)).status, `after ${t} minutes`).toBe(200);
      h.clock.advance(MINUTE / 2);
    }
    expect((await session(busy)).json.message).toBe(
      'Your session reached its limit of 1 hour: sign in again.',
    );
  });

  test('forged, malformed or absent cookies and bad bodies get a 4xx with a message, never a 500', async () => {
    const forged = await session('console_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.status).toBe(401);
    expect(String(forged.headers['set-cookie'])).toMatch(/console_session=; Max-Age=0/);
    expect((await session('console_session=%%%; other=1')).status).toBe(401);
    expect((await session()).json.message).toBe('Not signed in: sign in to the console first.');

    const post = (options: Parameters<typeof send>[3]) =>
      send(h.url, 'POST', '/console/api/session', options);
    const cases: [Parameters<typeof send>[3], number, RegExp][] = [
      [{ raw: '{"username": "admin", ' }, 400, /not valid JSON/],
      [{ raw: '' }, 400, /needs a JSON body/],
      [{ body: ['admin', 'demo'] }, 400, /JSON object|not valid/],
      [{ body: { username: 'admin' } }, 400, /password: is required/],
      [{ body: { username: 'admin', password: 7 } }, 400, /password/],
      [{ body: { username: '   ', password: 'demo' } }, 400, /username/],
      [
        {
          raw: 'username=admin&password=demo',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        415,
        /must be JSON/,
      ],
      [
        { raw: JSON.stringify({ username: 'admin', password: 'x'.repeat(70 * 1024) }) },
        413,
        /larger than 64 KB/,
      ],
    ];
    for (const [options, status, message] of cases) {
      const answer = await post(options);
      expect(answer.status, JSON.stringify(options).slice(0, 80)).toBe(status);
      expect(String(answer.json.message)).toMatch(message);
    }
    // Spaces around a name are not part of it, as in the form.
    expect((await post({ body: { username: ' admin ', password: 'demo' } })).status).toBe(200);
    // The forwarding route's bodies too, before the session is looked at; a read is not limited.
    const cookie = await signIn(h.url, 'admin');
    const big = JSON.stringify({ name: 'x'.repeat(70 * 1024) });
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const over = await send(h.url, method, '/console/api/connections/veeam/Jobs', { raw: big, cookie });
      expect(over.status, method).toBe(413);
      expect(String(over.json.message)).toMatch(/larger than 64 KB/);
    }
    expect((await send(h.url, 'GET', '/console/api/connections/veeam/Jobs', { cookie })).status).toBe(404);
    const unknown = await send(h.url, 'GET', '/console/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe('No such console API: GET /console/api/nothing-here');
  });
});

describe('wrong passwords', () => {
  test('a wrong password and an unknown user read alike; guesses are slowed per user and per address, never for good', async () => {
    const wrong = (username: string, from?: string) =>
      send(h.url, 'POST', '/console/api/session', { body: { username, password: 'guess' }, from });
    const first = await wrong('admin');
    expect(first).toMatchObject({ status: 401, json: { message: 'Wrong user name or password.' } });
    expect((await wrong('nobody')).json).toEqual(first.json);
    // admin: 3 free guesses per user name, then one per 0.5 s doubling; an early one is a 429 unchecked.
    await send(h.url, 'POST', '/console/api/session', { body: { username: 'admin', password: 'guess 2' } });
    await send(h.url, 'POST', '/console/api/session', { body: { username: 'admin', password: 'guess 3' } });
    const throttled = await send(h.url, 'POST', '/console/api/session', {
      body: { username: 'admin', password: 'demo' },
      from: '127.0.0.2',
    });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect(throttled.json.message).toBe('Too many wrong sign-ins: try again in 1 second.');
    // Another user from the same address is not held up by admin's count.
    expect(
      (await send(h.url, 'POST', '/console/api/session', { body: { username: 'viewer', password: 'demo' } }))
        .status,
    ).toBe(200);
    // After the wait, the right password gets in.
    h.clock.advance(1000);
    expect(await signIn(h.url, 'admin', 'demo', '127.0.0.2')).toMatch(/^console_session=/);

    // Per address: 10 free guesses whatever the user names, then the address waits too.
    for (let i = 0; i < 10; i++) expect((await wrong(`someone-${i}`, '127.0.0.3')).status).toBe(401);
    const address = await wrong('viewer', '127.0.0.3');
    expect(address.status).toBe(429);
    expect(
      (
        await send(h.url, 'POST', '/console/api/session', {
          body: { username: 'viewer', password: 'demo' },
          from: '127.0.0.4',
        })
      ).status,
    ).toBe(200);
  });
});

describe("the sign-in form as the browser sends it, before the page's code runs", () => {
  const form = (fields: Record<string, string>, headers: Record<string, string> = {}, from?: string) =>
    send(h.url, 'POST', '/console/api/session/form', {
      raw: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: h.url, ...headers },
      from,
    });

  test('signs in with the same cookie and goes on to `next` with a 303; a refusal goes back to the form saying why', async () => {
    const ok = await form(
      { username: ' Support ', password: 'demo', next: '/jobs?connection=veeam' },
      { origin: h.url, 'sec-fetch-site': 'same-origin' },
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/jobs?connection=veeam');
    const cookie = sessionCookie(ok);
    expect(String(ok.headers['set-cookie'])).toMatch(/Path=\/console\/api; HttpOnly; SameSite=Strict/);
    expect((await session(cookie)).json).toMatchObject({ user: { username: 'support', role: 'support' } });

    const wrong = await form({ username: 'support', password: 'guess', next: '/jobs' });
    expect(wrong.status).toBe(303);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const back = new URL(String(wrong.headers.location), h.url);
    expect(back.pathname).toBe('/sign-in');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      next: '/jobs',
      error: 'Wrong user name or password.',
      // Signed by this server, so that the page shows it (server/console/sign-in-reason.ts).
      sig: back.searchParams.get('sig'),
      // The name given, which the form shows again; never the password.
      username: 'support',
    });
    expect(back.search).not.toContain('guess');
    expect(withoutForeignReason(back)).toBeNull();

    // Nothing typed (the form has no checks of its own before its code runs), or spaces alone: back,
    // saying what is missing.
    for (const username of ['', '   ']) {
      const empty = await form({ username, password: username === '' ? '' : 'demo' });
      const again = new URL(String(empty.headers.location), h.url).searchParams;
      expect(again.get('error'), username).toBe('Enter your username and password.');
      expect(again.has('username')).toBe(false);
    }

    // A form that names nobody checks no password: without a session it leaves no row.
    const rows = h.console.audit.query({ action: 'sign-in' }, 10).reverse();
    expect(rows.map((r) => `${r.who} ${r.status} ${r.outcome}`)).toEqual([
      'support 303 ok',
      'support 303 failed',
    ]);
    expect(rows[1]!.message).toBe('Wrong user name or password.');
    // A name without a password comes back with it.
    const named = await form({ username: ' viewer ', password: '' });
    expect(new URL(String(named.headers.location), h.url).searchParams.get('username')).toBe('viewer');
  });

  test('shares the throttle of guesses with the JSON sign-in, and never goes on to another site', async () => {
    for (let i = 0; i < 3; i++)
      await send(h.url, 'POST', '/console/api/session', {
        body: { username: 'admin', password: `guess ${i}` },
      });
    const throttled = await form({ username: 'admin', password: 'demo' });
    expect(new URL(String(throttled.headers.location), h.url).searchParams.get('error')).toBe(
      'Too many wrong sign-ins: try again in 1 second.',
    );
    // The guesses the throttle let through are recorded; one it turned away checked no password, and
    // a row for each would let a client fill the log as fast as it can send.
    expect(h.console.audit.query({ action: 'sign-in' }, 10).map((r) => `${r.status} ${r.outcome}`)).toEqual([
      '401 failed',
      '401 failed',
      '401 failed',
    ]);
    h.clock.advance(1000);
    for (const next of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      '/sign-in',
      '/console/api/users',
    ]) {
      const answer = await form({ username: 'viewer', password: 'demo', next });
      expect(answer.status, next).toBe(303);
      expect(answer.headers.location, next).toBe('/');
    }
  });

  test("another site's form, or one that does not say where it comes from, is refused; a body that is not the form is a 415", async () => {
    const sites: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://evil.example' },
    ];
    for (const headers of sites) {
      const out = await form({ username: 'admin', password: 'demo' }, headers);
      expect(out.status, JSON.stringify(headers)).toBe(403);
      expect(out.headers['set-cookie']).toBeUndefined();
    }
    const bare = await send(h.url, 'POST', '/console/api/session/form', {
      raw: 'username=admin&password=demo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bare.status).toBe(403);
    expect(bare.headers['set-cookie']).toBeUndefined();
    const json = await send(h.url, 'POST', '/console/api/session/form', {
      body: { username: 'admin', password: 'demo' },
      headers: { origin: h.url },
    });
    expect(json.status).toBe(415);
    expect(json.json.message).toMatch(/application\/x-www-form-urlencoded/);
  });
});

describe('cross-site requests', () => {
  test('a mutation from another site is refused and audited; the console itself and non-browser clients pass', async () => {
    const cookie = await signIn(h.url, 'admin');
    const host = new URL(h.url).host;
    const sites: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'http://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of sites) {
      const out = await send(h.url, 'DELETE', '/console/api/session', { cookie, headers });
      expect(out.status, JSON.stringify(headers)).toBe(403);
      expect(out.json.message).toMatch(/refuses changes asked by another site/);
    }
    expect((await session(cookie)).status).toBe(200);
    const added = await send(h.url, 'POST', '/console/api/users', {
      cookie,
      headers: { origin: `http://${host}`, 'sec-fetch-site': 'same-origin' },
      body: { username: 'carol', role: 'viewer', password: 'carol password' },
    });
    expect(added.status).toBe(201);
    const rows = h.console.audit.query({ action: 'cross-site' }, 10);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({
      who: 'admin',
      role: 'admin',
      outcome: 'refused',
      status: 403,
      method: 'DELETE',
    });
  });
});

describe('users, managed by administrators', () => {
  test('add, change role, disable, reset password; only an admin may; bad input is a 4xx', async () => {
    const admin = await signIn(h.url, 'admin');
    const viewer = await signIn(h.url, 'viewer');
    const refused = await send(h.url, 'GET', '/console/api/users', { cookie: viewer });
    expect(refused).toMatchObject({
      status: 403,
      json: { message: 'Your role (viewer) may not manage console users; this needs the admin role.' },
    });
    const users = await send(h.url, 'GET', '/console/api/users', { cookie: admin });
    expect((users.json.users as { username: string }[]).map((u) => u.username)).toEqual([
      'admin',
      'support',
      'viewer',
    ]);

    const add = (body: unknown) => send(h.url, 'POST', '/console/api/users', { cookie: admin, body });
    expect((await add({ username: 'dan', role: 'support', password: 'dan password' })).json).toMatchObject({
      user: { username: 'dan', role: 'support', disabled: false },
    });
    expect((await add({ username: 'dan', role: 'viewer', password: 'dan password' })).status).toBe(409);
    expect((await add({ username: 'eve', role: 'root', password: 'eve password' })).json.message).toMatch(
      /role is one of viewer, support, admin/,
    );
    expect((await add({ username: 'eve', role: 'viewer', password: 'short' })).status).toBe(400);
    expect((await add({ username: 'eve' })).status).toBe(400);

    const dan = await signIn(h.url, 'dan', 'dan password');
    const patch = (name: string, body: unknown, cookie = admin) =>
      send(h.url, 'PATCH', `/console/api/users/${name}`, { cookie, body });
    expect((await patch('dan', { role: 'viewer' })).json).toMatchObject({ user: { role: 'viewer' } });
    expect((await session(dan)).json).toMatchObject({ user: { role: 'viewer' } }); // at once, same session
    expect((await patch('dan', { role: 'viewer', colour: 'red' })).status).toBe(400);
    expect((await patch('nobody', { role: 'viewer' })).status).toBe(404);
    expect((await patch('admin', { disabled: true })).json.message).toMatch(/may not disable yourself/);
    expect((await patch('admin', { role: 'viewer' })).json.message).toMatch(/last active administrator/);

    expect((await patch('dan', { disabled: true })).json).toMatchObject({ user: { disabled: true } });
    expect((await session(dan)).status).toBe(401);
    const disabled = await send(h.url, 'POST', '/console/api/session', {
      body: { username: 'dan', password: 'dan password' },
    });
    expect(disabled).toMatchObject({
      status: 403,
      json: { message: 'This account is disabled: ask an administrator.' },
    });
    expect((await patch('dan', { disabled: false })).status).toBe(200);

    const dan2 = await signIn(h.url, 'dan', 'dan password');
    const reset = await send(h.url, 'POST', '/console/api/users/dan/password', {
      cookie: admin,
      body: { password: 'new dan password' },
    });
    expect(reset.json).toMatchObject({ sessionsEnded: 1 });
    expect((await session(dan2)).status).toBe(401);
    expect(
      (
        await send(h.url, 'POST', '/console/api/session', {
          body: { username: 'dan', password: 'dan password' },
        })
      ).status,
    ).toBe(401);
    expect(await signIn(h.url, 'dan', 'new dan password')).toMatch(/^console_session=/);
    expect((await session(admin)).status).toBe(200);

    const actions = h.console.audit
      .query({ person: 'admin' }, 50)
      .filter((r) => r.action.startsWith('user.'))
      .map((r) => `${r.action} ${r.targetName} ${r.outcome}`)
      .reverse();
    expect(actions).toEqual([
      'user.add dan ok',
      'user.add dan failed',
      'user.add eve failed',
      'user.add eve failed',
      'user.add null failed',
      'user.role dan ok',
      'user.change dan failed',
      'user.role nobody failed',
      'user.disable admin failed',
      'user.role admin failed',
      'user.disable dan ok',
      'user.enable dan ok',
      'user.password dan ok',
    ]);
  });
});
