import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, test } from 'vitest';
import { ApiError } from '../api/api-error';
import { readLiveStatus, watchLiveStatus } from './live-indicator';

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
