import { queryOptions } from '@tanstack/react-query';
import { resourceQueries } from '../../api/resource-queries';
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
