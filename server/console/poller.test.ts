import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Service } from '../app';
import { createService } from '../app';
import type { ServiceConfig } from '../config';
import { loadConfig } from '../config';
import { listen } from '../listen-test-support';
import { SEED_JOB_ID } from '../seed/veeam-names';
import { holdConnections } from './held';
import type { StreamEvent } from './stream-test-support';
import { readEvents } from './stream-test-support';
import type { ConsoleHarness } from './test-support';
import { consoleHarness, send, signIn } from './test-support';

/**
 * The shared poller and the stream (docs/live-push.md) against a real reference service as the
 * vendor, over real HTTP, with the poller's times shortened: a feed every 200 ms, a kept directory every
 * 3 s, at most 10 requests a second, a heartbeat every 200 ms.
 */
let config: ServiceConfig;
let vendor: Service;
let vendorServer: Awaited<ReturnType<typeof listen>>;
let h: ConsoleHarness;
/** The vendor requests the console server sent, by path below the API root. */
const vendorCalls: string[] = [];
/** How often the console server opened the held connection (its token and API root). */
let opens = 0;
const streams: EventStream[] = [];
/** A vendor path (below the API root) whose answers the vendor holds back this long, for one test. */
let slow: { path: string; ms: number } | null = null;

const TIMES = {
  perSecond: 10,
  paceMs: { feed: 200, fast: 250, open: 1000, idle: 2000, keep: 3000 },
  watchTtlMs: 3000,
  streamGraceMs: 300,
  heartbeatMs: 200,
  failedRetryMs: 200,
};

beforeAll(async () => {
  config = loadConfig(['--data-dir', ':memory:', '--scale', '2'], {});
  vendor = await createService(config);
  vendorServer = await listen(vendor);
  const counted = (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.startsWith('/v5/') && url.pathname !== '/v5/token')
      vendorCalls.push(url.pathname.slice(3) + url.search);
    const held = slow && url.pathname.slice(3) + url.search === slow.path ? slow.ms : 0;
    return held ? sleep(held).then(() => fetch(input, init)) : fetch(input, init);
  };
  h = await consoleHarness(
    {},
    (origin) =>
      holdConnections(
        [
          {
            connection: {
              id: 'veeam',
              label: 'Veeam',
              dialect: 'veeam-v5',
              baseUrl: `${vendorServer.url}/v5`,
            },
            credentials: { username: 'admin', password: 'demo' },
          },
        ],
        origin,
      ).map((held) => ({
        ...held,
        open: () => {
          opens += 1;
          return held.open();
        },
      })),
    TIMES,
    counted,
  );
});
afterEach(() => {
  for (const s of streams.splice(0)) s.close();
  config.faults.dropRate = 0;
  slow = null;
});
afterAll(async () => {
  await h.close();
  await vendorServer.close();
  vendor.close();
});

interface Event extends StreamEvent {
  at: number;
}

/** An SSE client over node:http: every event it got, and a wait for the next one that matches. */
interface EventStream {
  status: number;
  events: Event[];
  closed: boolean;
  next(match: (e: Event) => boolean, timeoutMs?: number): Promise<Event>;
  close(): void;
}

function openStream(cookie: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request(`${h.url}/console/api/stream`, { headers: { cookie }, agent: false }, (res) => {
      // The events a `next` has gone past: each waits for one after the last it returned.
      let read = 0;
      const stream: EventStream = {
        status: res.statusCode ?? 0,
        events: [],
        closed: false,
        async next(match, timeoutMs = 3000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const at = stream.events.findIndex((e, i) => i >= read && match(e));
            if (at >= 0) {
              read = at + 1;
              return stream.events[at]!;
            }
            if (Date.now() > deadline) throw new Error(`no matching event in ${timeoutMs} ms`);
            await new Promise((r) => setTimeout(r, 20));
          }
        },
        close: () => req.destroy(),
      };
      readEvents(res, (e) => stream.events.push({ ...e, at: Date.now() }));
      res.on('close', () => (stream.closed = true));
      streams.push(stream);
      resolve(stream);
    });
    req.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
    req.end();
  });
}

const FEED = '/jobsessions?limit=30';
const watched = (cookie: string, path = FEED, pace = 'feed') =>
  send(h.url, 'GET', `/console/api/connections/veeam${path}`, {
    cookie,
    headers: { 'x-console-watch': pace },
  });
const calls = (path: string) => vendorCalls.filter((c) => c === path).length;
/** Whether an answer came from the server's cache: asked of the vendor before the request was sent. */
const fromCache = (answer: { headers: Record<string, unknown> }, sentAt: number) =>
  Date.parse(String(answer.headers['x-console-polled-at'])) < sentAt;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the seed job at the vendor directly, as its schedule or another tool would. */
async function startAtVendor(): Promise<void> {
  const token = await fetch(`${vendorServer.url}/v5/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=admin&password=demo',
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const started = await fetch(`${vendorServer.url}/v5/jobs/${SEED_JOB_ID}/action`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ start: null }),
  });
  expect(started.status).toBeLessThan(300);
}

test('one poll for everyone: two people watching one feed cost the vendor one poller, and both hear of a change at once', async () => {
  const admin = await signIn(h.url, 'admin');
  const viewer = await signIn(h.url, 'viewer');
  const first = await watched(admin);
  expect(first.status).toBe(200);
  expect(first.headers['x-console-polled-at']).toBeDefined();
  // The second person's read is answered from what the server keeps: no request to the vendor.
  const sent = Date.now();
  const second = await watched(viewer);
  expect(second.status).toBe(200);
  expect(fromCache(second, sent)).toBe(true);

  const adminStream = await openStream(admin);
  const viewerStream = await openStream(viewer);
  expect(adminStream.status).toBe(200);
  const hello = await viewerStream.next((e) => e.event === 'hello');
  expect(hello.data.connections).toEqual([expect.objectContaining({ id: 'veeam', state: 'live' })]);

  // However many watch it, the feed is read once per interval (200 ms here): about 10 in 2 s, not 20.
  const counted = calls(FEED);
  const opened = opens;
  await sleep(2000);
  const polls = calls(FEED) - counted;
  expect(polls).toBeGreaterThanOrEqual(5);
  expect(polls).toBeLessThanOrEqual(11);
  // Each poll opens the connection once (one poll may have opened before the count and asked after).
  expect(opens - opened).toBeGreaterThanOrEqual(polls - 1);
  expect(opens - opened).toBeLessThanOrEqual(polls + 1);

  // A run started at the vendor reaches both streams within a poll or two.
  const startedAt = Date.now();
  await startAtVendor();
  const [a, v] = await Promise.all([
    adminStream.next((e) => e.event === 'change' && e.data.path === FEED),
    viewerStream.next((e) => e.event === 'change' && e.data.path === FEED),
  ]);
  expect(a.data).toMatchObject({ connection: 'veeam', path: FEED });
  expect(Math.max(a.at, v.at) - startedAt).toBeLessThan(1000);
  // The read that follows is the new answer, from the cache.
  const asked = Date.now();
  const after = await watched(viewer);
  expect(after.text).not.toBe(first.text);
  expect(fromCache(after, asked)).toBe(true);
});

test('a command through the console is seen by its sender at once: the next read goes to the vendor', async () => {
  const admin = await signIn(h.url, 'admin');
  expect((await watched(admin)).status).toBe(200);
  const jobsPath = `/jobs/${SEED_JOB_ID}`;
  expect((await watched(admin, jobsPath, 'fast')).status).toBe(200);
  const sent = Date.now();
  expect(fromCache(await watched(admin, jobsPath, 'fast'), sent)).toBe(true);

  // The read after the command is the vendor's answer to a request sent after the command was: the
  // poller's own read again (which the sender's read may wait for) or the sender's.
  const commanded = Date.now();
  const stopped = await send(h.url, 'POST', `/console/api/connections/veeam/jobs/${SEED_JOB_ID}/action`, {
    cookie: admin,
    body: { stop: null },
  });
  expect(stopped.status, stopped.text).toBeLessThan(300);
  const read = await watched(admin, jobsPath, 'fast');
  expect(read.status).toBe(200);
  expect(fromCache(read, commanded)).toBe(false);
});

test('a directory read for another query (keep) is read again by the poller at its slow pace, and answered from the cache', async () => {
  const viewer = await signIn(h.url, 'viewer');
  const path = '/organizations';
  const first = Date.now();
  expect((await watched(viewer, path, 'keep')).status).toBe(200);
  const polls = calls(path);
  await sleep(1000);
  expect(calls(path)).toBe(polls);
  const sent = Date.now();
  expect(fromCache(await watched(viewer, path, 'keep'), sent)).toBe(true);
  expect(calls(path)).toBe(polls);
  // Its pace (3 s here, a minute in use) after the first read, the poller asks the vendor once, so
  // that the browsers' reads of it never have to.
  await sleep(first + 3600 - Date.now());
  expect(calls(path)).toBe(polls + 1);
  const later = Date.now();
  const read = await watched(viewer, path, 'keep');
  expect(fromCache(read, later)).toBe(true);
  expect(Date.parse(String(read.headers['x-console-polled-at']))).toBeGreaterThanOrEqual(first + 3000);
});

test('reads of one path that miss the cache at once cost the vendor one request, before and after a command', async () => {
  const admin = await signIn(h.url, 'admin');
  const viewer = await signIn(h.url, 'viewer');
  const path = '/organizations?limit=3';
  const together = () =>
    Promise.all([admin, viewer, admin, viewer, admin, viewer].map((cookie) => watched(cookie, path, 'idle')));
  const first = await together();
  expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(new Set(first.map((r) => r.text)).size).toBe(1);
  expect(calls(path)).toBe(1);

  // A command makes every kept answer stale: the poller reads the path again at once, and the six
  // reads that follow wait for that request or for one of their own, not six.
  const stopped = await send(h.url, 'POST', `/console/api/connections/veeam/jobs/${SEED_JOB_ID}/action`, {
    cookie: admin,
    body: { stop: null },
  });
  expect(stopped.status).toBeLessThan(500);
  const after = await together();
  expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(calls(path)).toBeLessThanOrEqual(3);
});

test('a read without the header is forwarded as it is: not watched, not kept', async () => {
  const viewer = await signIn(h.url, 'viewer');
  const plain = await send(h.url, 'GET', '/console/api/connections/veeam/jobsessions?limit=7', {
    cookie: viewer,
  });
  expect(plain.status).toBe(200);
  expect(plain.headers['x-console-polled-at']).toBeUndefined();
  // Not even a path the Overview reads first: the page asks for those with their pace (first-reads).
  const first = await send(h.url, 'GET', '/console/api/connections/veeam/jobsessions?limit=200', {
    cookie: viewer,
  });
  expect(first.status).toBe(200);
  expect(first.headers['x-console-polled-at']).toBeUndefined();
});

test("the Overview's first reads come in one answer, each line as soon as its read is answered, each read watched", async () => {
  const viewer = await signIn(h.url, 'viewer');
  // The vendor holds back one read from now on, the poller's own polls of it included; then a command
  // makes every kept answer older than itself (earlier tests read some of these paths): the reads below
  // go to the vendor.
  slow = { path: '/organizations', ms: 800 };
  const admin = await signIn(h.url, 'admin');
  await send(h.url, 'POST', `/console/api/connections/veeam/jobs/${SEED_JOB_ID}/action`, {
    cookie: admin,
    body: { stop: null },
  });
  const started = Date.now();
  // Compressed as it streams (Node's fetch reads Brotli when asked for it).
  const answer = await fetch(`${h.url}/console/api/first-reads`, {
    headers: { cookie: viewer, 'accept-encoding': 'br' },
  });
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  expect(answer.headers.get('content-encoding')).toBe('br');
  expect(answer.headers.get('cache-control')).toBe('no-store');
  const lines: { line: Record<string, unknown>; at: number }[] = [];
  const reader = answer.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffered += chunk.value;
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const part of parts)
      lines.push({ line: JSON.parse(part) as Record<string, unknown>, at: Date.now() - started });
  }
  const base = '/console/api/connections/veeam';
  const paths = ['/jobsessions?limit=200', '/restoresessions?limit=200', '/jobs', '/organizations'];
  // First the paths it answers (the dialect's overviewReads), then one line for each.
  expect(lines[0]!.line).toEqual({ paths: paths.map((p) => base + p) });
  const byPath = new Map(lines.slice(1).map((l) => [l.line.path as string, l]));
  expect([...byPath.keys()].sort()).toEqual(paths.map((p) => base + p).sort());
  for (const { line } of byPath.values()) {
    expect(line.status).toBe(200);
    expect(Date.parse(String(line.polledAt))).toBeGreaterThan(0);
    expect(() => JSON.parse(String(line.body)) as unknown).not.toThrow();
  }
  // The same answer as the read's own request: the jobs the vendor lists.
  const jobs = await watched(viewer, '/jobs', 'idle');
  expect(JSON.parse(String(byPath.get(`${base}/jobs`)!.line.body))).toEqual(jobs.json);
  // The slow vendor read holds back its own line only.
  const organizations = byPath.get(`${base}/organizations`)!.at;
  for (const p of paths.slice(0, 3)) expect(byPath.get(base + p)!.at).toBeLessThan(organizations - 400);
  // Each read is watched at its pace, as the page's own read would be: the next is the poller's.
  const sent = Date.now();
  expect(fromCache(await watched(viewer, '/organizations', 'keep'), sent)).toBe(true);

  // Without a session there is nothing to read.
  const anonymous = await send(h.url, 'GET', '/console/api/first-reads');
  expect(anonymous.status).toBe(401);
});

test('a stream carries only what its person may read, with the role they hold now', async () => {
  const admin = await signIn(h.url, 'admin');
  const support = await signIn(h.url, 'support');
  const viewer = await signIn(h.url, 'viewer');
  // What a restore session holds is private: support and admin may watch it, a viewer may not.
  const content = '/restoresessions/00000000-0000-4000-8000-000000000001/organization';
  expect((await watched(admin, content, 'open')).status).toBe(404);
  expect((await watched(support, content, 'open')).status).toBe(404);
  const refused = await watched(viewer, content, 'open');
  expect(refused.status).toBe(403);
  expect(refused.text).toContain('support or admin');

  const adminStream = await openStream(admin);
  const supportStream = await openStream(support);
  const viewerStream = await openStream(viewer);
  await Promise.all(
    [adminStream, supportStream, viewerStream].map((s) => s.next((e) => e.event === 'hello')),
  );
  const poller = h.console.polls.poller('veeam')!;
  const changeContent = (n: number) =>
    poller.record(
      content,
      { status: 200, contentType: 'application/json', body: Buffer.from(`{"n":${n}}`), polledAt: Date.now() },
      'poll',
    );
  const isContent = (e: Event) => e.event === 'change' && e.data.path === content;

  changeContent(1);
  await adminStream.next(isContent);
  await supportStream.next(isContent);

  // Support is made a viewer: from the next heartbeat on, the content's changes no longer reach them.
  const demoted = await send(h.url, 'PATCH', '/console/api/users/support', {
    cookie: admin,
    body: { role: 'viewer' },
  });
  expect(demoted.status).toBe(200);
  await supportStream.next((e) => e.event === 'status');
  await supportStream.next((e) => e.event === 'status');
  const seen = supportStream.events.length;
  changeContent(2);
  await adminStream.next(isContent);
  await sleep(300);
  expect(supportStream.events.slice(seen).filter(isContent)).toEqual([]);
  expect(viewerStream.events.filter(isContent)).toEqual([]);
  await send(h.url, 'PATCH', '/console/api/users/support', { cookie: admin, body: { role: 'support' } });
});

test('a page asks what changed since its reads began: the paths its session watches whose answer changed since, not a first answer, only with a session', async () => {
  const viewer = await signIn(h.url, 'viewer');
  const admin = await signIn(h.url, 'admin');
  const changes = (cookie: string, since: number | string) =>
    send(h.url, 'GET', `/console/api/changes?since=${since}`, { cookie });
  const paths = (answer: { json: Record<string, unknown> }) =>
    (answer.json.changes as { path: string }[]).map((c) => c.path);
  expect((await watched(viewer)).status).toBe(200);
  const readFrom = Date.now();
  // A path the viewer reads for the first time after that: its first answer is not a change.
  expect((await watched(viewer, '/organizations', 'idle')).status).toBe(200);
  // A run started (or, should the first test's still run, its progress): the poller reads the feed every
  // 200 ms here, and the feed's answer changes.
  await startAtVendor().catch(() => undefined);
  await expect.poll(async () => paths(await changes(viewer, readFrom)), { timeout: 3000 }).toContain(FEED);
  const answer = await changes(viewer, readFrom);
  expect(answer.status).toBe(200);
  expect(answer.headers['cache-control']).toBe('no-store');
  const change = (answer.json.changes as Record<string, unknown>[]).find((c) => c.path === FEED);
  expect(change).toMatchObject({ connection: 'veeam', path: FEED });
  expect(typeof change?.version).toBe('number');
  expect(String(change?.polledAt)).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(paths(answer)).not.toContain('/organizations');
  // Nothing changed after now; and another person's session watches nothing.
  expect(paths(await changes(viewer, Date.now() + 60_000))).toEqual([]);
  expect(paths(await changes(admin, readFrom))).toEqual([]);
  // A time that is not one, or no session: refused with why.
  for (const bad of ['', 'soon', '-1', '1.5', '1e12'])
    expect((await changes(viewer, bad)).status, bad).toBe(400);
  expect((await changes(viewer, 'soon')).json.message).toMatch(/since/);
  expect((await send(h.url, 'GET', `/console/api/changes?since=${readFrom}`)).status).toBe(401);
});

test('signing out ends the stream with the words why; without a session there is no stream', async () => {
  const viewer = await signIn(h.url, 'viewer');
  const stream = await openStream(viewer);
  await stream.next((e) => e.event === 'hello');
  expect((await send(h.url, 'DELETE', '/console/api/session', { cookie: viewer })).status).toBe(204);
  const end = await stream.next((e) => e.event === 'end');
  expect(end.data.message).toBe('You signed out.');
  await expect.poll(() => stream.closed).toBe(true);
  const refused = await openStream(viewer);
  expect(refused.status).toBe(401);
});

test('a vendor outage shows as failing on every stream and recovers by itself', async () => {
  const viewer = await signIn(h.url, 'viewer');
  expect((await watched(viewer)).status).toBe(200);
  const stream = await openStream(viewer);
  await stream.next((e) => e.event === 'hello');
  config.faults.dropRate = 1;
  const failing = await stream.next(
    (e) => e.event === 'status' && (e.data.connections as { state: string }[])[0]!.state === 'failing',
  );
  expect((failing.data.connections as { message: string }[])[0]!.message).toMatch(/could not be reached/);
  // Meanwhile a read is not answered from an old cache forever: the vendor is asked, and says so.
  config.faults.dropRate = 0;
  const live = await stream.next(
    (e) => e.event === 'status' && (e.data.connections as { state: string }[])[0]!.state === 'live',
  );
  const polledAt = Date.parse((live.data.connections as { polledAt: string }[])[0]!.polledAt);
  expect(Date.now() - polledAt).toBeLessThan(1000);
});

test('a dropped stream opened again starts with the state of every connection; nobody watching stops the polls', async () => {
  const viewer = await signIn(h.url, 'viewer');
  expect((await watched(viewer)).status).toBe(200);
  const first = await openStream(viewer);
  await first.next((e) => e.event === 'hello');
  first.close();
  const again = await openStream(viewer);
  const hello = await again.next((e) => e.event === 'hello');
  expect(hello.data.connections).toEqual([expect.objectContaining({ id: 'veeam', state: 'live' })]);
  again.close();
  // Every session's streams closed: the watches end after the grace (300 ms here), and with them the polls.
  await expect
    .poll(() => h.console.polls.statuses()[0]!.state, { timeout: 5000, interval: 100 })
    .toBe('idle');
  const settled = vendorCalls.length;
  await sleep(600);
  expect(vendorCalls.length).toBe(settled);
});
