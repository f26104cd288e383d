import { afterEach, describe, expect, test } from 'vitest';
import type { ConsoleHarness } from './test-support';
import { consoleHarness, send, signIn } from './test-support';

/**
 * Issue 13 item 4 (the issue's §5) over real HTTP and a real SQLite file: the audit log records every
 * sign-in and failed attempt, every refusal and every mutating request; an administrator reads it
 * newest first with filters and as CSV; it is append-only and kept for the configured days.
 */
let h: ConsoleHarness;
afterEach(async () => h.close());

interface Entry {
  id: number;
  at: string;
  who: string | null;
  role: string | null;
  action: string;
  outcome: string;
  status: number;
  address: string | null;
  durationMs: number;
  message: string | null;
}
const MINUTE = 60_000;

async function audit(cookie: string, query = ''): Promise<{ entries: Entry[]; next: number | null }> {
  const answer = await send(h.url, 'GET', `/console/api/audit${query}`, { cookie });
  if (answer.status !== 200) throw new Error(`${answer.status} ${answer.text}`);
  return answer.json as unknown as { entries: Entry[]; next: number | null };
}

describe('the audit log', () => {
  test('records sign-ins, failed attempts, refusals and mutations; newest first, filtered, paged', async () => {
    h = await consoleHarness();
    const viewer = await signIn(h.url, 'viewer');
    h.clock.advance(MINUTE);
    await send(h.url, 'POST', '/console/api/session', { body: { username: 'viewer', password: 'nope' } });
    h.clock.advance(MINUTE);
    const refused = await send(h.url, 'GET', '/console/api/audit', { cookie: viewer });
    expect(refused).toMatchObject({
      status: 403,
      json: { message: 'Your role (viewer) may not read the audit log; this needs the admin role.' },
    });
    h.clock.advance(MINUTE);
    await send(h.url, 'DELETE', '/console/api/session', { cookie: viewer });
    h.clock.advance(MINUTE);
    const admin = await signIn(h.url, 'admin');
    // Reading the log is no mutation: it leaves no row.
    await audit(admin);

    const { entries, next } = await audit(admin);
    expect(next).toBeNull();
    expect(entries.map((e) => [e.who, e.role, e.action, e.outcome, e.status])).toEqual([
      ['admin', 'admin', 'sign-in', 'ok', 200],
      ['viewer', 'viewer', 'sign-out', 'ok', 204],
      ['viewer', 'viewer', 'request', 'refused', 403],
      ['viewer', null, 'sign-in', 'failed', 401],
      ['viewer', 'viewer', 'sign-in', 'ok', 200],
    ]);
    expect(entries[0]!.at).toBe('2026-12-03T08:04:00.000Z');
    expect(entries[3]!.message).toBe('Wrong user name or password.');
    expect(entries[0]!.address).toBe('127.0.0.1');
    expect(entries.every((e) => e.durationMs >= 0)).toBe(true);

    const ask = async (query: string) =>
      (await audit(admin, query)).entries.map((e) => `${e.who} ${e.action} ${e.outcome}`);
    expect(await ask('?person=VIEWER&action=sign-in')).toEqual([
      'viewer sign-in failed',
      'viewer sign-in ok',
    ]);
    expect(await ask('?outcome=refused')).toEqual(['viewer request refused']);
    expect(await ask('?from=2026-12-03T08:01:00Z&to=2026-12-03T08:03:00Z')).toEqual([
      'viewer sign-out ok',
      'viewer request refused',
      'viewer sign-in failed',
    ]);
    expect(await ask('?connection=veeam')).toEqual([]);
    const first = await audit(admin, '?limit=2');
    expect(first.entries).toHaveLength(2);
    const second = await audit(admin, `?limit=2&before=${first.next}`);
    expect(second.entries.map((e) => e.action)).toEqual(['request', 'sign-in']);
    const third = await audit(admin, `?limit=2&before=${second.next}`);
    expect(third).toMatchObject({ next: null });
    expect(third.entries).toHaveLength(1);
  });

  test('no row for a request without a session but a sign-in attempt, and the throttle bounds those', async () => {
    h = await consoleHarness();
    for (const [method, path, body] of [
      ['POST', '/console/api/anything', {}],
      ['PUT', '/console/api/users/bob', {}],
      ['DELETE', '/console/api/session', undefined],
      ['POST', '/console/api/users', { username: 'x', role: 'admin', password: 'x' }],
      ['POST', '/console/api/connections/veeam/Jobs', {}],
      ['POST', '/console/api/session', { username: '' }],
    ] as const) {
      const answer = await send(h.url, method, path, { body });
      expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
    }
    // A cookie that names no session is no session.
    const forged = 'console_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await send(h.url, 'POST', '/console/api/anything', { cookie: forged, body: {} });
    // Twenty wrong passwords at once: the throttle lets three through, and only those are recorded.
    for (let i = 0; i < 20; i++)
      await send(h.url, 'POST', '/console/api/session', { body: { username: 'viewer', password: `g${i}` } });
    const admin = await signIn(h.url, 'admin');
    const { entries } = await audit(admin);
    expect(entries.map((e) => [e.who, e.action, e.status])).toEqual([
      ['admin', 'sign-in', 200],
      ['viewer', 'sign-in', 401],
      ['viewer', 'sign-in', 401],
      ['viewer', 'sign-in', 401],
    ]);
  });

  test("a signed-in person's request to a path no route has is recorded with who they are", async () => {
    h = await consoleHarness();
    const admin = await signIn(h.url, 'admin');
    expect((await send(h.url, 'DELETE', '/console/api/users/bob', { cookie: admin })).status).toBe(404);
    const support = await signIn(h.url, 'support');
    expect((await send(h.url, 'POST', '/console/api/anything', { cookie: support, body: {} })).status).toBe(
      404,
    );
    const { entries } = await audit(admin, '?action=request');
    expect(entries.map((e) => [e.who, e.role, e.status, e.outcome, e.message])).toEqual([
      ['support', 'support', 404, 'failed', 'No such console API: POST /console/api/anything'],
      ['admin', 'admin', 404, 'failed', 'No such console API: DELETE /console/api/users/bob'],
    ]);
  });

  test('CSV export: one row per entry, fields quoted, nothing a spreadsheet would run', async () => {
    h = await consoleHarness();
    await send(h.url, 'POST', '/console/api/session', {
      body: { username: '=HYPERLINK("http://evil.example"),"x"', password: 'guess' },
    });
    const admin = await signIn(h.url, 'admin');
    const answer = await send(h.url, 'GET', '/console/api/audit?format=csv&outcome=failed', {
      cookie: admin,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="console-audit-2026-12-03.csv"');
    const lines = answer.text.split('\r\n');
    expect(lines[0]).toBe(
      'time,person,role,address,connection,action,method,path,target id,target name,status,vendor status,duration ms,outcome,message',
    );
    expect(lines[1]).toMatch(
      /^2026-12-03T08:00:00\.000Z,"'=HYPERLINK\(""http:\/\/evil\.example""\),""x""",,127\.0\.0\.1,,sign-in,POST,\/console\/api\/session,,,401,,\d+,failed,Wrong user name or password\.$/,
    );
    expect(lines.slice(2)).toEqual(['']);
  });

  test('bad filters are a 400 that says what is wrong; the log cannot be changed', async () => {
    h = await consoleHarness();
    const admin = await signIn(h.url, 'admin');
    for (const [query, message] of [
      ['?outcome=maybe', 'outcome is one of ok, failed, refused, not "maybe".'],
      ['?from=yesterday', 'from is a time (ISO 8601, such as 2026-12-03T08:00:00Z, or ms), not "yesterday".'],
      ['?from=2026-12-03&to=2026-12-01', 'from is after to.'],
      ['?limit=0', 'limit is a whole number from 1 to 1000, not "0".'],
      ['?before=-1', 'before is a whole number from 1 to 9007199254740991, not "-1".'],
      ['?format=xml', 'format is csv or json, not "xml".'],
      [
        '?who=admin',
        'Unknown filter "who": use person, action, connection, outcome, from, to, limit, before, format.',
      ],
    ]) {
      const answer = await send(h.url, 'GET', `/console/api/audit${query}`, { cookie: admin });
      expect(answer, query).toMatchObject({ status: 400, json: { message } });
    }
    for (const method of ['DELETE', 'PUT', 'PATCH', 'POST'])
      expect(
        (await send(h.url, method, '/console/api/audit', { cookie: admin, body: {} })).status,
        method,
      ).toBe(404);
    expect(() => h.console.db.prepare(`UPDATE console_audit SET outcome = 'ok'`).run()).toThrow(
      'the audit log is append-only',
    );
  });

  test('rows older than the retention are deleted', async () => {
    h = await consoleHarness({ auditRetentionDays: 2 });
    await signIn(h.url, 'viewer');
    h.clock.advance(36 * 60 * MINUTE);
    await signIn(h.url, 'support');
    h.clock.advance(36 * 60 * MINUTE); // the viewer's sign-in is 3 days old, support's 1.5
    const admin = await signIn(h.url, 'admin');
    expect((await audit(admin)).entries.map((e) => e.who)).toEqual(['admin', 'support']);
  });
});
