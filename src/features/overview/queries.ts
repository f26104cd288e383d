import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import { dialectOf } from '../../api/dialects';
import { READ_AHEAD } from '../../api/live-watch';
import type { Connection } from '../../api/domain';
import { resourceQueries } from '../../api/resource-queries';
import { runFeedQueries } from '../../api/run-feeds';
import { POLL_SLOW_MS } from '../../lib/polling';

/**
 * What the Overview reads besides the run feeds (src/api/run-feeds.ts): a connection's backup targets
 * for "next up" and "overdue", the same entry the Configurations and Jobs pages read. Here it polls at
 * the slow pace whatever runs: the feeds carry what moves.
 */
export const overviewQueries = {
  targets: (connectionId: string) =>
    queryOptions({ ...resourceQueries.targets(connectionId), refetchInterval: POLL_SLOW_MS }),
};

/**
 * Asks for every query the Overview's first render of `connections` (the signed-in ones) reads: each
 * one's run feeds (useLiveRuns) and, where the dialect has them, its backup targets (useOverview).
 * Their keys when all of them answered, else null. The console server does this before it renders the
 * page with a person's data (src/server-render.tsx), and sends the page these answers alone (what the
 * adapters wrote into the cache beside them, such as a v2 backup's configuration, the browser's code
 * asks for as it needs it).
 */
export async function prefetchOverview(
  client: QueryClient,
  connections: readonly Connection[],
): Promise<QueryKey[] | null> {
  const keys: QueryKey[] = [];
  const reads: Promise<void>[] = [];
  for (const c of connections) {
    const { runFeeds, targets } = dialectOf(c).capabilities;
    for (const feed of runFeeds) {
      const query = runFeedQueries.feed(c.id, feed);
      keys.push(query.queryKey);
      reads.push(client.prefetchQuery(query));
    }
    if (targets !== null) {
      // Watched at the pace the page shows it (the feeds' pace is theirs whoever reads them).
      const query = { ...overviewQueries.targets(c.id), meta: { [READ_AHEAD]: true } };
      keys.push(query.queryKey);
      reads.push(client.prefetchQuery(query));
    }
  }
  // prefetchQuery keeps a failure in the cache without throwing.
  await Promise.all(reads);
  return keys.every((key) => client.getQueryState(key)?.status === 'success') ? keys : null;
}
