import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { environmentManager, QueryObserver } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { POLL_FAST_MS, POLL_OPEN_MS, POLL_SLOW_MS } from '../lib/polling';
import { HttpClient } from './http';
import type { ChannelLike, LiveStreamOptions } from './live-stream';
import { HELLO_WITHIN_MS, liveStream, PUSHED_POLL_MS, SILENT_HEARTBEATS, watchHook } from './live-stream';
import { createQueryClient } from './query-client';
import { readOptions } from './resource-queries';
import { ApiRuntime } from './runtime';
import { FakeSource } from './testing/fake-event-source';

const ORIGIN = 'http://console.test';
const BASE = (id: string) => `/console/api/connections/${id}`;

const hello = (connections: unknown[] = []) => ({ stream: 's', heartbeatMs: 5_000, connections });

/**
 * One console tab: a query client as the app makes it, one HttpClient per connection that sends what
 * the runtime's would (a watch hook only for a connection the server holds), and a request log.
 */
function tab(held: readonly string[] = ['veeam']) {
  const client = createQueryClient({ retry: false });
  const sent: { connectionId: string; url: string; watch: string | null }[] = [];
  const http = (connectionId: string) =>
    new HttpClient({
      connectionId,
      origin: ORIGIN,
      baseUrl: () => BASE(connectionId),
      errorForms: [],
      auth: () => 'cookie',
      fetch: (url, init) => {
        sent.push({ connectionId, url, watch: new Headers(init.headers).get('X-Console-Watch') });
        return Promise.resolve(
          new Response('[]', {
            headers: {
              'content-type': 'application/json',
              'X-Console-Polled-At': '2026-12-04T10:00:00.000Z',
            },
          }),
        );
      },
      watch: held.includes(connectionId) ? watchHook(connectionId, () => BASE(connectionId)) : undefined,
    });
  const clients = new Map<string, HttpClient>();
  const httpOf = (id: string) => clients.get(id) ?? clients.set(id, http(id)).get(id)!;
  const stops: (() => void)[] = [];
  /** A query shown on screen that reads `path` of its key's connection. */
  const show = (
    queryKey: QueryKey,
    path: string,
    refetchInterval?: number,
    query?: Record<string, string | number>,
  ) => {
    const connectionId = String(queryKey[1]);
    const observer = new QueryObserver(client, {
      queryKey,
      refetchInterval,
      queryFn: async (ctx) => {
        const { signal } = readOptions(ctx, connectionId);
        await httpOf(connectionId).send({ method: 'GET', path, query, signal });
        return path;
      },
    });
    stops.push(observer.subscribe(() => undefined));
    return observer;
  };
  const reads = (path: string) => sent.filter((r) => new URL(r.url).pathname.endsWith(path)).length;
  return { client, sent, http: httpOf, show, reads, close: () => stops.forEach((s) => s()) };
}

async function settle(client: QueryClient) {
  await vi.waitFor(() => expect(client.isFetching()).toBe(0));
}

function startStream(client: QueryClient, options: Partial<LiveStreamOptions> = {}) {
  const sources: FakeSource[] = [];
  const stream = liveStream(client);
  stream.start({
    url: '/console/api/stream',
    serverHeld: (id) => id === 'veeam',
    openEventSource: () => {
      const source = new FakeSource();
      sources.push(source);
      return source;
    },
    locks: null,
    openChannel: null,
    visible: () => true,
    ...options,
  });
  return { stream, sources, source: () => sources[sources.length - 1]! };
}

// Queries poll only in a browser: this file's tests are one (TanStack Query sets no timers on a server).
beforeAll(() => environmentManager.setIsServer(() => false));
afterAll(() => environmentManager.setIsServer(() => typeof window === 'undefined'));

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
  vi.useRealTimers();
});

describe('X-Console-Watch', () => {
  test('names the pace of the query that sends the GET: feed for the run feeds, else its poll interval', async () => {
    const t = tab();
    cleanup.push(t.close);
    t.show(['runs', 'veeam', 'restores'], '/restoresessions');
    t.show(['targets', 'veeam', 'list'], '/jobs', POLL_FAST_MS);
    t.show(['restore-sessions', 'veeam', 'list'], '/restore-sessions', POLL_OPEN_MS);
    t.show(['targets', 'veeam', 'runs', 'x'], '/organizations/x/jobs', POLL_SLOW_MS);
    t.show(['organizations', 'veeam', 'list'], '/organizations');
    await settle(t.client);
    const watch = (path: string) => t.sent.find((r) => r.url.endsWith(path))?.watch;
    expect(watch('/restoresessions')).toBe('feed');
    expect(watch('/jobs')).toBe('fast');
    expect(watch('/restore-sessions')).toBe('open');
    expect(watch('/organizations/x/jobs')).toBe('idle');
    // A query that does not poll is not watched: the server would poll what nobody refreshes.
    expect(watch('/organizations')).toBeNull();
  });

  test('a directory an adapter reads for another query (no observer of its own) is watched as keep (the server reads it once a minute)', async () => {
    const t = tab();
    cleanup.push(t.close);
    await t.client.fetchQuery({
      queryKey: ['targets', 'veeam', 'list'],
      queryFn: async (ctx) => {
        const { signal } = readOptions(ctx, 'veeam');
        await t.http('veeam').send({ method: 'GET', path: '/jobs', signal });
        return [];
      },
    });
    expect(t.sent.map((r) => r.watch)).toEqual(['keep']);
  });

  test('a lookup of what does not change (keep) is watched as keep, whatever the pace of the query that reads it', async () => {
    const t = tab();
    cleanup.push(t.close);
    await t.client.fetchQuery({
      queryKey: ['runs', 'veeam', 'restores'],
      queryFn: async (ctx) => {
        const { signal } = readOptions(ctx, 'veeam');
        await t.http('veeam').send({ method: 'GET', path: '/restoresessions', signal });
        await t.http('veeam').send({ method: 'GET', path: '/jobs/1', signal, keep: true });
        return [];
      },
    });
    expect(t.sent.map((r) => r.watch)).toEqual(['feed', 'keep']);
  });

  test('the liveliest observer of a query names its pace; none outside a query or on a per-person connection', async () => {
    const t = tab(['veeam']);
    cleanup.push(t.close);
    t.show(['targets', 'veeam', 'list'], '/jobs', POLL_SLOW_MS);
    t.show(['targets', 'veeam', 'list'], '/jobs', POLL_FAST_MS);
    t.show(['targets', 'own', 'list'], '/jobs', POLL_FAST_MS);
    await settle(t.client);
    // Named when sent: the first request left before the second observer came.
    await t.client.refetchQueries();
    expect(t.sent.filter((r) => r.connectionId === 'veeam').map((r) => r.watch)).toEqual(['idle', 'fast']);
    expect(t.sent.filter((r) => r.connectionId === 'own').map((r) => r.watch)).toEqual([null, null]);
    // A command (no query behind its signal) says nothing.
    await t.http('veeam').send({ method: 'GET', path: '/jobs', signal: new AbortController().signal });
    expect(t.sent.at(-1)).toMatchObject({ connectionId: 'veeam', watch: null });
  });

  test('the runtime gives the watch only to connections the console server polls, in console mode', () => {
    const connections = [
      { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5' as const, baseUrl: BASE('veeam') },
      { id: 'own', label: 'Own', dialect: 'veeam-v5' as const, baseUrl: BASE('own'), personal: true },
    ];
    const common = {
      connections,
      fetch: () => Promise.reject(new Error('no')),
      origin: ORIGIN,
      storage: null,
    };
    const inConsole = new ApiRuntime({ ...common, console: { session: '/console/api/session', oidc: null } });
    expect(inConsole.serverPolls('veeam')).toBe(true);
    expect(inConsole.serverPolls('own')).toBe(false);
    expect(new ApiRuntime(common).serverPolls('veeam')).toBe(false);
  });
});

describe('change', () => {
  test('refetches exactly the queries that read that path, with its query string as sent', async () => {
    const t = tab(['veeam', 'other']);
    cleanup.push(t.close);
    t.show(['targets', 'veeam', 'list'], '/jobs', POLL_FAST_MS, { limit: 10 });
    t.show(['organizations', 'veeam', 'list'], '/organizations', POLL_SLOW_MS);
    t.show(['targets', 'other', 'list'], '/jobs', POLL_FAST_MS, { limit: 10 });
    await settle(t.client);
    const { source } = startStream(t.client, { serverHeld: (id) => id === 'veeam' || id === 'other' });
    cleanup.push(() => liveStream(t.client).stop());
    source().emit('hello', hello());
    const before = t.sent.length;
    source().emit('change', { connection: 'veeam', path: '/jobs?limit=10', version: 2, polledAt: null });
    await settle(t.client);
    expect(t.sent.slice(before).map((r) => `${r.connectionId} ${new URL(r.url).pathname}`)).toEqual([
      'veeam /console/api/connections/veeam/jobs',
    ]);
    // The same path without the query string the query sent is another path.
    source().emit('change', { connection: 'veeam', path: '/jobs', version: 3, polledAt: null });
    await settle(t.client);
    expect(t.sent.length).toBe(before + 1);
  });

  test('a change to a directory an adapter read for a shown query reads that query again, and the directory with it', async () => {
    const t = tab();
    cleanup.push(t.close);
    // A job list that names each job's organization from the organizations' directory, as the Veeam
    // adapter does: the directory is a query of its own, observed by nobody.
    const jobs = new QueryObserver(t.client, {
      queryKey: ['targets', 'veeam', 'list'],
      refetchInterval: POLL_SLOW_MS,
      queryFn: async (ctx) => {
        const o = readOptions(ctx, 'veeam');
        const [organizations] = await Promise.all([
          o.lookup!.list('organizations', async (d) => {
            await t.http('veeam').send({ method: 'GET', path: '/organizations', signal: d.signal });
            return [];
          }),
          t.http('veeam').send({ method: 'GET', path: '/jobs', signal: o.signal }),
        ]);
        return organizations;
      },
    });
    cleanup.push(jobs.subscribe(() => undefined));
    await settle(t.client);
    expect([t.reads('/organizations'), t.reads('/jobs')]).toEqual([1, 1]);
    const { source } = startStream(t.client);
    cleanup.push(() => liveStream(t.client).stop());
    source().emit('hello', hello());
    source().emit('change', { connection: 'veeam', path: '/organizations', version: 2, polledAt: null });
    await settle(t.client);
    expect([t.reads('/organizations'), t.reads('/jobs')]).toEqual([2, 2]);
    // What the job list read itself changed: the directory, fresh, is not read again.
    source().emit('change', { connection: 'veeam', path: '/jobs', version: 2, polledAt: null });
    await settle(t.client);
    expect([t.reads('/organizations'), t.reads('/jobs')]).toEqual([2, 3]);
  });

  test('a hidden tab only marks them stale: no request', async () => {
    const t = tab();
    cleanup.push(t.close);
    const jobs = t.show(['targets', 'veeam', 'list'], '/jobs', POLL_FAST_MS);
    await settle(t.client);
    const { source } = startStream(t.client, { visible: () => false });
    cleanup.push(() => liveStream(t.client).stop());
    source().emit('hello', hello());
    const before = t.sent.length;
    source().emit('change', { connection: 'veeam', path: '/jobs', version: 2, polledAt: null });
    await settle(t.client);
    expect(t.sent.length).toBe(before);
    expect(jobs.getCurrentResult().isStale).toBe(true);
    expect(t.client.getQueryState(['targets', 'veeam', 'list'])?.isInvalidated).toBe(true);
  });
});

describe('reconnect', () => {
  test('a hello after the first reads the shown queries of server-held connections once', async () => {
    const t = tab(['veeam']);
    cleanup.push(t.close);
    t.show(['targets', 'veeam', 'list'], '/jobs', POLL_FAST_MS);
    t.show(['runs', 'veeam', 'restores'], '/restoresessions', POLL_FAST_MS);
    t.show(['targets', 'own', 'list'], '/own-jobs', POLL_FAST_MS);
    await settle(t.client);
    const { source, stream } = startStream(t.client);
    cleanup.push(() => stream.stop());
    source().emit('hello', hello());
    const before = t.sent.length;
    source().drop();
    expect(stream.getSnapshot().state).toBe('reconnecting');
    source().emit('hello', hello());
    await settle(t.client);
    expect(stream.getSnapshot().state).toBe('held');
    const after = t.sent.slice(before).map((r) => new URL(r.url).pathname);
    expect(after.sort()).toEqual([
      '/console/api/connections/veeam/jobs',
      '/console/api/connections/veeam/restoresessions',
    ]);
  });
});

describe('polling while pushed', () => {
  /** On fake time: a tab showing Veeam's jobs at the fast pace, its first answer in, then the stream. */
  async function fastJobs() {
    vi.useFakeTimers();
    const t = tab(['veeam']);
    cleanup.push(t.close);
    t.show(['targets', 'veeam', 'list'], '/jobs', POLL_FAST_MS);
    await vi.advanceTimersByTimeAsync(10);
    const started = startStream(t.client);
    cleanup.push(() => started.stream.stop());
    return { t, ...started };
  }

  test('server-held queries poll every 30 s while the stream is held; per-person and other queries keep their pace', async () => {
    vi.useFakeTimers();
    const t = tab(['veeam']);
    cleanup.push(t.close);
    t.show(['targets', 'veeam', 'list'], '/jobs', POLL_FAST_MS);
    t.show(['targets', 'own', 'list'], '/own-jobs', POLL_FAST_MS);
    t.show(['console-users', 'veeam'], '/users', POLL_FAST_MS);
    await vi.advanceTimersByTimeAsync(10);
    const { source, stream } = startStream(t.client);
    cleanup.push(() => stream.stop());
    source().emit('hello', hello());
    const at = { jobs: t.reads('/jobs'), own: t.reads('/own-jobs'), users: t.reads('/users') };
    // Heartbeats keep the stream held.
    for (let s = 0; s < 20; s += 5) {
      await vi.advanceTimersByTimeAsync(5_000);
      source().emit('status', { connections: [] });
    }
    // The first timer was already set at the fast pace: one more, then the safety net's.
    expect(t.reads('/jobs') - at.jobs).toBeLessThanOrEqual(1);
    expect(t.reads('/own-jobs') - at.own).toBeGreaterThanOrEqual(15);
    expect(t.reads('/users') - at.users).toBeGreaterThanOrEqual(15);
    const slow = t.reads('/jobs');
    for (let s = 0; s < PUSHED_POLL_MS; s += 5_000) {
      await vi.advanceTimersByTimeAsync(5_000);
      source().emit('status', { connections: [] });
    }
    expect(t.reads('/jobs') - slow).toBe(1);
  });

  test('no hello within 5 s: the usual pace', async () => {
    const { t, stream } = await fastJobs();
    expect(stream.getSnapshot().state).toBe('connecting');
    await vi.advanceTimersByTimeAsync(HELLO_WITHIN_MS);
    expect(stream.getSnapshot().state).toBe('fallback');
    expect(stream.pushes('veeam')).toBe(false);
    const before = t.reads('/jobs');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.reads('/jobs') - before).toBeGreaterThanOrEqual(7);
  });

  test('silence for three heartbeats (a buffering proxy): the usual pace at once, and a read now', async () => {
    const { t, source, sources, stream } = await fastJobs();
    source().emit('hello', hello());
    await vi.advanceTimersByTimeAsync(2_000); // the timer set before the hello fires once
    const before = t.reads('/jobs');
    await vi.advanceTimersByTimeAsync(5_000 * SILENT_HEARTBEATS - 2_000 - 1);
    expect(t.reads('/jobs')).toBe(before);
    expect(stream.getSnapshot().state).toBe('held');
    await vi.advanceTimersByTimeAsync(1);
    expect(stream.getSnapshot().state).toBe('fallback');
    expect(t.reads('/jobs')).toBe(before + 1); // at once
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.reads('/jobs') - before).toBeGreaterThanOrEqual(4);
    // That stream is given up (its events would come late, in bursts); a new one is tried later.
    expect(sources[0]!.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sources).toHaveLength(2);
  });

  test('without a stream (the browser signing in to each vendor) every interval is the page’s own', async () => {
    vi.useFakeTimers();
    const t = tab([]);
    cleanup.push(t.close);
    t.show(['targets', 'veeam', 'list'], '/jobs', POLL_FAST_MS);
    await vi.advanceTimersByTimeAsync(10);
    const before = t.reads('/jobs');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.reads('/jobs') - before).toBe(8);
    expect(liveStream(t.client).pushes('veeam')).toBe(false);
  });
});

describe('status and end', () => {
  test('status keeps each connection’s state and last poll; an answer’s X-Console-Polled-At is noted; end stops and says why', async () => {
    const t = tab(['veeam']);
    cleanup.push(t.close);
    const ended: string[] = [];
    const { source, stream } = startStream(t.client, { onEnd: (m) => ended.push(m) });
    source().emit(
      'hello',
      hello([
        { id: 'veeam', state: 'failing', polledAt: '2026-12-04T09:00:00.000Z', message: 'Vendor down' },
      ]),
    );
    expect(stream.getSnapshot().connections.veeam).toEqual({
      id: 'veeam',
      state: 'failing',
      polledAt: Date.parse('2026-12-04T09:00:00.000Z'),
      message: 'Vendor down',
    });
    t.show(['targets', 'veeam', 'list'], '/jobs', POLL_FAST_MS);
    await settle(t.client);
    expect(stream.getSnapshot().connections.veeam?.polledAt).toBe(Date.parse('2026-12-04T10:00:00.000Z'));
    source().emit('end', { message: 'Signed out.' });
    expect(ended).toEqual(['Signed out.']);
    expect(stream.getSnapshot().state).toBe('off');
    expect(source().closed).toBe(true);
  });
});

/** Tabs of one browser: a lock manager that grants one holder at a time, and a channel between tabs. */
function browser() {
  const queue: { grant: () => void; signal?: AbortSignal }[] = [];
  let held = false;
  const next = () => {
    if (held) return;
    const waiting = queue.shift();
    if (waiting) {
      held = true;
      waiting.grant();
    }
  };
  const locks = {
    request: ((_name: string, options: LockOptions, callback: LockGrantedCallback<unknown>) =>
      new Promise<unknown>((resolve, reject) => {
        const entry = {
          signal: options.signal,
          grant: () => {
            void Promise.resolve(callback(null))
              .then(resolve, reject)
              .finally(() => {
                held = false;
                next();
              });
          },
        };
        options.signal?.addEventListener('abort', () => {
          const i = queue.indexOf(entry);
          if (i >= 0) queue.splice(i, 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
        queue.push(entry);
        next();
      })) as LockManager['request'],
  };
  const channels = new Set<ChannelLike>();
  const openChannel = () => {
    const channel: ChannelLike = {
      onmessage: null,
      postMessage: (message) => {
        for (const other of channels)
          if (other !== channel)
            queueMicrotask(() => other.onmessage?.(new MessageEvent('message', { data: message })));
      },
      close: () => channels.delete(channel),
    };
    channels.add(channel);
    return channel;
  };
  return { locks, openChannel };
}

describe('one stream per browser', () => {
  test('one tab holds the stream; the others get its events; when it stops, another takes over', async () => {
    const b = browser();
    const one = tab();
    const two = tab();
    cleanup.push(one.close, two.close);
    two.show(['targets', 'veeam', 'list'], '/jobs', POLL_FAST_MS);
    await settle(two.client);
    const first = startStream(one.client, { locks: b.locks, openChannel: b.openChannel });
    const second = startStream(two.client, { locks: b.locks, openChannel: b.openChannel });
    cleanup.push(
      () => first.stream.stop(),
      () => second.stream.stop(),
    );
    await vi.waitFor(() => expect(first.sources).toHaveLength(1));
    expect(second.sources).toHaveLength(0);
    first.source().emit('hello', hello());
    await vi.waitFor(() => expect(second.stream.getSnapshot().state).toBe('held'));
    const before = two.sent.length;
    first.source().emit('change', { connection: 'veeam', path: '/jobs', version: 2, polledAt: null });
    await vi.waitFor(() => expect(two.sent.length).toBe(before + 1));
    first.stream.stop();
    await vi.waitFor(() => expect(second.sources).toHaveLength(1));
    expect(first.sources[0]!.closed).toBe(true);
    // Its own stream's hello is a reconnect for this tab: what it shows is read once.
    second.source().emit('hello', hello());
    await vi.waitFor(() => expect(two.sent.length).toBe(before + 2));
  });

  test('a tab that starts after the leader had its hello learns the state from the leader', async () => {
    const b = browser();
    const one = tab();
    const two = tab();
    const first = startStream(one.client, { locks: b.locks, openChannel: b.openChannel });
    cleanup.push(() => first.stream.stop());
    await vi.waitFor(() => expect(first.sources).toHaveLength(1));
    first.source().emit('hello', hello([{ id: 'veeam', state: 'live', polledAt: null, message: null }]));
    const second = startStream(two.client, { locks: b.locks, openChannel: b.openChannel });
    cleanup.push(() => second.stream.stop());
    await vi.waitFor(() => expect(second.stream.getSnapshot().state).toBe('held'));
    expect(second.stream.getSnapshot().connections.veeam?.state).toBe('live');
  });
});
