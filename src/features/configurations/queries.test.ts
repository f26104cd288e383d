import type { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commandOptions } from '../../api/commands';
import { createQueryClient } from '../../api/query-client';
import { setApiRuntime } from '../../api/runtime';
import type { InProcess } from '../../api/testing/in-process-service';
import { startInProcess } from '../../api/testing/in-process-service';
import { POLL_FAST_MS, POLL_SLOW_MS } from '../../lib/polling';
import { configurationQueries, currentRun } from './queries';

const CID = 'rackspace-ord';

/** The interval a query's refetchInterval function gives for its cached data. */
function intervalOf(
  client: QueryClient,
  options: { queryKey: readonly unknown[]; refetchInterval?: unknown },
) {
  const query = client.getQueryCache().find({ queryKey: options.queryKey, exact: true })!;
  const fn = options.refetchInterval as (q: typeof query) => number;
  return fn(query);
}

describe('configuration queries', () => {
  let t: InProcess;
  let client: QueryClient;
  beforeAll(async () => {
    t = await startInProcess();
    setApiRuntime(t.runtime);
    await t.runtime.signIn(CID, { username: 'admin', password: 'demo' });
    client = createQueryClient({ retry: false });
  });
  afterAll(() => {
    t.close();
    setApiRuntime(null);
  });

  test('keys go from general to specific', () => {
    expect(configurationQueries.list(CID).queryKey).toEqual(['configurations', CID, 'list']);
    expect(configurationQueries.detail(CID, 'x').queryKey).toEqual(['configurations', CID, 'detail', 'x']);
    expect(configurationQueries.runs(CID, 'x').queryKey).toEqual(['configurations', CID, 'runs', 'x']);
    expect(configurationQueries.connection(CID)).toEqual(configurationQueries.list(CID).queryKey.slice(0, 2));
  });

  test('a whole list costs the same few requests per tick however many rows it has', async () => {
    const list = await client.fetchQuery(configurationQueries.list(CID));
    const before = t.requests.length;
    await client.refetchQueries({ queryKey: configurationQueries.list(CID).queryKey });
    const perTick = t.requests.length - before;
    expect(list.length).toBeGreaterThan(5);
    expect(perTick).toBeLessThanOrEqual(2);
  });

  test('polls slowly when idle and fast while a backup of the list runs; a start invalidates the list', async () => {
    const opts = configurationQueries.list(CID);
    const idle = await client.fetchQuery(opts);
    const target = idle.find((c) => c.enabled && c.currentRunId === null)!;
    const detail = configurationQueries.detail(CID, target.id);
    await client.fetchQuery(detail);
    expect(intervalOf(client, detail)).toBe(POLL_SLOW_MS);

    const start = commandOptions.startBackup(client);
    const { runId } = await start.mutationFn!({ connectionId: CID, targetId: target.id }, undefined as never);
    await start.onSettled!(
      undefined,
      null,
      { connectionId: CID, targetId: target.id },
      undefined,
      undefined as never,
    );
    expect(client.getQueryState(opts.queryKey)?.isInvalidated).toBe(true);

    await client.refetchQueries({ queryKey: opts.queryKey });
    const live = client.getQueryData(opts.queryKey)!;
    expect(live.find((c) => c.id === target.id)?.currentRunId).toBe(runId);
    expect(intervalOf(client, opts)).toBe(POLL_FAST_MS);
    await client.refetchQueries({ queryKey: detail.queryKey });
    expect(intervalOf(client, detail)).toBe(POLL_FAST_MS);

    const runs = await client.fetchQuery(configurationQueries.runs(CID, target.id));
    expect(currentRun(runs)?.id).toBe(runId);
  });
});
