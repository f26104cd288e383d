import type { QueryClient } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import { dialectOf } from '../../api/dialects';
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
 * True when all of them answered. The console server does this before it renders the page with a
 * person's data (src/server-render.tsx).
 */
export async function prefetchOverview(
  client: QueryClient,
  connections: readonly Connection[],
): Promise<boolean> {
  const reads = connections.flatMap((c) => {
    const { runFeeds, targets } = dialectOf(c).capabilities;
    return [
      ...runFeeds.map(async (feed) => {
        const query = runFeedQueries.feed(c.id, feed);
        await client.prefetchQuery(query);
        return answered(client, query.queryKey);
      }),
      ...(targets === null
        ? []
        : [
            (async () => {
              const query = overviewQueries.targets(c.id);
              await client.prefetchQuery(query);
              return answered(client, query.queryKey);
            })(),
          ]),
    ];
  });
  return (await Promise.all(reads)).every(Boolean);
}

/** Whether the query answered (prefetchQuery keeps a failure in the cache without throwing). */
const answered = (client: QueryClient, queryKey: readonly unknown[]) =>
  client.getQueryState(queryKey)?.status === 'success';
