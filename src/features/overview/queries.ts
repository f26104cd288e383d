import { queryOptions } from '@tanstack/react-query';
import { resourceQueries } from '../../api/resource-queries';
import { POLL_SLOW_MS } from '../../lib/polling';

/**
 * What the Overview reads besides the run feeds (src/api/run-feeds.ts): a connection's configurations
 * or jobs for "next up" and "overdue", the same entries the Configurations and Jobs pages read. Here
 * they poll at the slow pace whatever runs: the feeds carry what moves.
 */
export const overviewQueries = {
  configurations: (connectionId: string) =>
    queryOptions({ ...resourceQueries.configurations(connectionId), refetchInterval: POLL_SLOW_MS }),
  jobs: (connectionId: string) =>
    queryOptions({ ...resourceQueries.jobs(connectionId), refetchInterval: POLL_SLOW_MS }),
};
