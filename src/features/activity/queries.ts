import { queryOptions } from '@tanstack/react-query';
import type { Run } from '../../api/domain';
import { isInFlight } from '../../api/domain';
import { providerFor } from '../../api/runtime';
import { livePolling } from '../../lib/polling';

/** Every run of a connection, one request per connection per tick: ['activity', connectionId, 'list']. */
export const activityQueries = {
  all: () => ['activity'] as const,
  runs: (connectionId: string) =>
    queryOptions({
      queryKey: ['activity', connectionId, 'list'] as const,
      queryFn: ({ signal }) => providerFor(connectionId).listActivity({ signal }),
      refetchInterval: livePolling((runs: Run[]) => runs.some((r) => isInFlight(r.state))),
    }),
};
