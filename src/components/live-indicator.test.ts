import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, test } from 'vitest';
import { ApiError } from '../api/api-error';
import { readLiveStatus } from './live-indicator';

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
