import { queryOptions } from '@tanstack/react-query';
import type { ConnectionOverview } from '../../api/domain';
import { isInFlight } from '../../api/domain';
import { providerFor } from '../../api/runtime';
import { livePolling } from '../../lib/polling';

/**
 * The Overview of one connection (counts by state, what runs now, failed, overdue, next): one query
 * per connection, ['overview', connectionId]; `dataUpdatedAt` of the query is the "data as of" time.
 */
export const overviewQueries = {
  all: () => ['overview'] as const,
  connection: (connectionId: string) =>
    queryOptions({
      queryKey: ['overview', connectionId] as const,
      queryFn: ({ signal }) => providerFor(connectionId).getOverview({ signal }),
      refetchInterval: livePolling((o: ConnectionOverview) => o.runs.some((r) => isInFlight(r.state))),
    }),
};
