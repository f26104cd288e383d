import type { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commandOptions } from '../../api/commands';
import { withLiveRuns } from '../../api/live-runs';
import { createQueryClient } from '../../api/query-client';
import { runFeedQueries } from '../../api/run-feeds';
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
  const interval = options.refetchInterval as number | ((q: typeof query) => number);
  return typeof interval === 'number' ? interval : interval(query);
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
    expect(configurationQueries.list(CID).queryKey).toEqual(['targets', CID, 'list']);
    expect(configurationQueries.detail(CID, 'x').queryKey).toEqual(['targets', CID, 'detail', 'x']);
    expect(configurationQueries.runs(CID, 'x').queryKey).toEqual(['targets', CID, 'runs', 'x']);
    expect(configurationQueries.connection(CID)).toEqual(configurationQueries.list(CID).queryKey.slice(0, 2));
  });

  test('a whole list costs one request per tick however many rows it has', async () => {
    const list = await client.fetchQuery(configurationQueries.list(CID));
    const before = t.requests.length;
    await client.refetchQueries({ queryKey: configurationQueries.list(CID).queryKey });
    const perTick = t.requests.length - before;
    expect(list.length).toBeGreaterThan(5);
    expect(perTick).toBe(1);
  });

  test('lists and details poll slowly even while a backup runs: the feed brings the run; a start invalidates both', async () => {
    const opts = configurationQueries.list(CID);
    const idle = await client.fetchQuery(opts);
    const target = idle.find((c) => c.enabled && c.currentRunId === null)!;
    const detail = configurationQueries.detail(CID, target.id);
    await client.fetchQuery(detail);
    expect(intervalOf(client, detail)).toBe(POLL_SLOW_MS);
    const feed = runFeedQueries.feed(CID, 'backups');
    await client.fetchQuery(feed);

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
    expect(client.getQueryState(feed.queryKey)?.isInvalidated).toBe(true);

    await client.refetchQueries({ queryKey: opts.queryKey });
    await client.refetchQueries({ queryKey: feed.queryKey });
    expect(intervalOf(client, opts)).toBe(POLL_SLOW_MS);
    expect(intervalOf(client, feed)).toBe(POLL_FAST_MS);
    const merged = withLiveRuns(client.getQueryData(opts.queryKey)!, client.getQueryData(feed.queryKey)!);
    expect(merged.find((c) => c.id === target.id)?.currentRunId).toBe(runId);

    const runs = configurationQueries.runs(CID, target.id);
    expect(currentRun(await client.fetchQuery(runs))?.id).toBe(runId);
    expect(intervalOf(client, runs)).toBe(POLL_FAST_MS);
  });
});
