import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, test } from 'vitest';
import { ApiError } from '../api/api-error';
import type { LiveSnapshot } from '../api/live-stream';
import { connectionsLine, readLiveStatus, readPushedStatus, watchLiveStatus } from './live-indicator';

/** A real QueryClient with watched queries, each answering or failing as told. */
function cache(answers: (ApiError | 'ok')[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const stops = answers.map((answer, i) => {
    const observer = new QueryObserver(client, {
      queryKey: ['q', i],
      queryFn: () => (answer === 'ok' ? Promise.resolve(i) : Promise.reject(answer)),
    });
    return { stop: observer.subscribe(() => undefined), settled: observer.refetch() };
  });
  return {
    client,
    settled: Promise.all(stops.map((s) => s.settled)),
    stop: () => stops.forEach((s) => s.stop()),
  };
}

const http500 = new ApiError({ kind: 'http', status: 500, message: 'Injected fault' });
const network = new ApiError({ kind: 'network', message: 'Failed to fetch' });

describe('readLiveStatus', () => {
  let stop = () => undefined as void;
  afterEach(() => stop());

  test('every request answered with an error status: the service answers with errors, not unreachable', async () => {
    const c = cache([http500, http500]);
    stop = c.stop;
    await c.settled;
    expect(readLiveStatus(c.client, true).liveness).toBe('failing');
  });

  test('every request failing on the network: offline', async () => {
    const c = cache([network, network]);
    stop = c.stop;
    await c.settled;
    expect(readLiveStatus(c.client, true).liveness).toBe('offline');
  });

  test('an answer that what was asked for is not there or not allowed is the service working: live, as of that answer', async () => {
    const notFound = new ApiError({ kind: 'http', status: 404, message: 'Configuration not found' });
    const forbidden = new ApiError({ kind: 'http', status: 403, message: 'Not allowed' });
    const before = Date.now();
    const c = cache([notFound, forbidden]);
    stop = c.stop;
    await c.settled;
    const status = readLiveStatus(c.client, true);
    expect(status.liveness).toBe('live');
    expect(status.dataAsOf).toBeGreaterThanOrEqual(before);
    // With a fault beside it, the fault shows as ever.
    const mixed = cache([notFound, http500]);
    await mixed.settled;
    expect(readLiveStatus(mixed.client, true).liveness).toBe('reconnecting');
    mixed.stop();
  });

  test('an ended session (401), a timeout (408) or too many requests (429) are trouble: failing', async () => {
    for (const status of [401, 408, 429]) {
      const c = cache([new ApiError({ kind: 'http', status, message: `HTTP ${status}` })]);
      await c.settled;
      expect(readLiveStatus(c.client, true).liveness).toBe('failing');
      c.stop();
    }
  });

  test('some fail, some answer: reconnecting; all answer: live', async () => {
    const some = cache([http500, 'ok']);
    await some.settled;
    expect(readLiveStatus(some.client, true).liveness).toBe('reconnecting');
    some.stop();
    const all = cache(['ok', 'ok']);
    stop = all.stop;
    await all.settled;
    expect(readLiveStatus(all.client, true).liveness).toBe('live');
  });
});

describe('watchLiveStatus', () => {
  test('wakes once per burst of changes to watched queries, never for entries nothing watches', async () => {
    const c = cache(['ok']);
    await c.settled;
    let woken = 0;
    const off = watchLiveStatus(c.client, () => (woken += 1));
    try {
      // An adapter writing a poll's worth of entries no one watches (a v2 feed's backup sources).
      for (let i = 0; i < 50; i++) c.client.setQueryData(['source', i], { configurationId: String(i) });
      await Promise.resolve();
      expect(woken).toBe(0);
      // A watched query's refetch: a cache event or more as the request leaves and as its answer
      // lands (the fetch, the success, each observer's new result), one wake-up for each.
      await c.client.refetchQueries({ queryKey: ['q'] });
      await Promise.resolve();
      expect(woken).toBe(2);
      // An observer leaving can move the status.
      c.stop();
      await Promise.resolve();
      expect(woken).toBe(3);
    } finally {
      off();
    }
  });
});

describe('readPushedStatus (console mode, with the stream)', () => {
  const at = (iso: string) => Date.parse(iso);
  const label = (id: string) => ({ veeam: 'Veeam', dfw: 'Rackspace DFW', own: 'Own' })[id] ?? id;
  const serverHeld = (id: string) => id !== 'own';

  /** Watched queries of the given keys, answered. */
  async function onScreen(keys: string[][]) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const stops = keys.map((queryKey) => {
      const observer = new QueryObserver(client, { queryKey, queryFn: () => Promise.resolve(1) });
      return { stop: observer.subscribe(() => undefined), settled: observer.refetch() };
    });
    await Promise.all(stops.map((s) => s.settled));
    return { client, stop: () => stops.forEach((s) => s.stop()) };
  }

  const stream = (
    state: LiveSnapshot['state'],
    connections: Record<string, Partial<LiveSnapshot['connections'][string]>>,
  ): LiveSnapshot => ({
    state,
    connections: Object.fromEntries(
      Object.entries(connections).map(([id, c]) => [
        id,
        { id, state: 'live', polledAt: null, message: null, ...c },
      ]),
    ),
  });

  test('per connection from the stream; data as of the oldest last poll of the connections on screen', async () => {
    const s = await onScreen([
      ['targets', 'veeam', 'list'],
      ['runs', 'dfw', 'backups'],
    ]);
    try {
      const status = readPushedStatus(
        s.client,
        true,
        stream('held', {
          veeam: { polledAt: at('2026-12-04T10:00:05Z') },
          dfw: { state: 'failing', polledAt: at('2026-12-04T09:59:00Z'), message: 'Vendor down' },
          // Not on screen: it says nothing of what the page shows.
          other: { polledAt: at('2026-12-04T08:00:00Z') },
        }),
        serverHeld,
        label,
      );
      expect(status).toEqual({
        liveness: 'reconnecting',
        dataAsOf: at('2026-12-04T09:59:00Z'),
        connections: [
          { id: 'dfw', label: 'Rackspace DFW', liveness: 'reconnecting', reason: 'Vendor down' },
          { id: 'veeam', label: 'Veeam', liveness: 'live' },
        ],
        elsewhere: [],
      });
      expect(connectionsLine(status.connections)).toBe(
        'Rackspace DFW: reconnecting (Vendor down); Veeam: live',
      );
    } finally {
      s.stop();
    }
  });

  test("a held connection whose own requests fail is failing, with the error's words, whatever the stream says of its polls", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const refused = new ApiError({
      kind: 'http',
      status: 502,
      message: 'Could not sign in to RS wrong password: Identity refused the credentials.',
    });
    const observers = [
      new QueryObserver(client, {
        queryKey: ['targets', 'dfw', 'list'],
        queryFn: () => Promise.reject(refused),
      }),
      new QueryObserver(client, {
        queryKey: ['targets', 'veeam', 'list'],
        queryFn: () => Promise.resolve(1),
      }),
    ];
    const stops = observers.map((o) => o.subscribe(() => undefined));
    try {
      await Promise.all(observers.map((o) => o.refetch()));
      // The server polls nothing of it (none of its reads was kept): idle, which says nothing of it.
      const polled = stream('held', { dfw: { state: 'idle' }, veeam: {} });
      const status = readPushedStatus(client, true, polled, serverHeld, label);
      expect(status.liveness).toBe('failing');
      expect(status.connections).toEqual([
        { id: 'dfw', label: 'Rackspace DFW', liveness: 'failing', reason: refused.message },
        { id: 'veeam', label: 'Veeam', liveness: 'live' },
      ]);
      // Asked again (a query without data forgets its error meanwhile): still failing.
      void observers[0]!.refetch();
      expect(readPushedStatus(client, true, polled, serverHeld, label).connections[0]!.liveness).toBe(
        'failing',
      );
    } finally {
      stops.forEach((stop) => stop());
    }
  });

  test('a held connection nothing on screen reads, which the stream says fails, is told apart (for the navigation)', async () => {
    const s = await onScreen([['targets', 'veeam', 'list']]);
    try {
      const status = readPushedStatus(
        s.client,
        true,
        stream('held', {
          veeam: {},
          dfw: { state: 'failing', message: 'Identity refused the credentials.' },
        }),
        serverHeld,
        label,
      );
      expect(status.connections).toEqual([{ id: 'veeam', label: 'Veeam', liveness: 'live' }]);
      expect(status.elsewhere).toEqual([
        {
          id: 'dfw',
          label: 'Rackspace DFW',
          liveness: 'reconnecting',
          reason: 'Identity refused the credentials.',
        },
      ]);
    } finally {
      s.stop();
    }
  });

  test('the stream not held: reconnecting; the browser offline: offline; a per-person connection by its own queries', async () => {
    const s = await onScreen([
      ['targets', 'veeam', 'list'],
      ['targets', 'own', 'list'],
    ]);
    try {
      const polled = { veeam: { polledAt: at('2026-12-04T10:00:00Z') } };
      const lost = readPushedStatus(s.client, true, stream('fallback', polled), serverHeld, label);
      expect(lost.liveness).toBe('reconnecting');
      expect(lost.connections).toEqual([
        { id: 'own', label: 'Own', liveness: 'live' },
        { id: 'veeam', label: 'Veeam', liveness: 'reconnecting' },
      ]);
      // The per-person connection's answer is newer than the server's last poll of Veeam: the oldest counts.
      expect(lost.dataAsOf).toBe(at('2026-12-04T10:00:00Z'));
      const offline = readPushedStatus(s.client, false, stream('held', polled), serverHeld, label);
      expect(offline.liveness).toBe('offline');
      expect(offline.connections.map((c) => c.liveness)).toEqual(['offline', 'offline']);
      const held = readPushedStatus(s.client, true, stream('held', polled), serverHeld, label);
      expect(held.liveness).toBe('live');
    } finally {
      s.stop();
    }
  });
});
