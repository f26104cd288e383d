import { queryOptions } from '@tanstack/react-query';
import type { Configuration, Job } from '../../api/domain';
import { providerFor } from '../../api/runtime';
import { POLL_SLOW_MS } from '../../lib/polling';

/**
 * What the Overview reads besides the run feeds (src/api/run-feeds.ts): a connection's configurations
 * or jobs for "next up" and "overdue", ['overview', connectionId, 'scheduled']. They change slowly,
 * so they poll at the slow pace; the feeds carry what moves.
 */
export const overviewQueries = {
  all: () => ['overview'] as const,
  scheduled: (connectionId: string) =>
    queryOptions({
      queryKey: ['overview', connectionId, 'scheduled'] as const,
      queryFn: async ({ signal }): Promise<{ configurations: Configuration[]; jobs: Job[] }> => {
        const provider = providerFor(connectionId);
        const [configurations, jobs] = await Promise.all([
          provider.capabilities.configurations ? provider.listConfigurations({ signal }) : [],
          provider.capabilities.jobs ? provider.listJobs({ signal }) : [],
        ]);
        return { configurations, jobs };
      },
      refetchInterval: POLL_SLOW_MS,
    }),
};
