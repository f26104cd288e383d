import { useMemo } from 'react';
import { hasArea } from '../../../api/capabilities';
import { withLiveRuns } from '../../../api/live-runs';
import { useConnectionLists } from '../../../components/connection-lists';
import { ListFrame } from '../../../components/list-frame';
import { useListView } from '../../../components/list-view';
import { LiveIndicator } from '../../../components/live-indicator';
import { usePageAccess } from '../../../components/page-access';
import { mergeConnections } from '../../../components/query-answers';
import { mergeFailures, useLiveRuns } from '../../../components/use-live-runs';
import { configurationQueries } from '../queries';
import { CONFIGURATIONS_LIST } from './configurations-filter';
import { ConfigurationsTable } from './configurations-table';
import { WakeAgentsButton } from './wake-agents-button';

/**
 * Every configuration (the backup targets of the connections whose targets are configurations) across
 * connections. The lists poll slowly; the connection's run feed (one request per tick while a backup
 * runs) brings the runs that move.
 */
export function ConfigurationsPage() {
  const access = usePageAccess();
  const connections = useMemo(
    () => access.signedIn.filter((c) => hasArea(access.capabilities(c.id), 'configurations')),
    [access],
  );
  const lists = useConnectionLists(connections, configurationQueries.list);
  const live = useLiveRuns(connections);
  const merged = useMemo(() => withLiveRuns(lists.rows, live.runs), [lists.rows, live.runs]);
  const view = useListView(CONFIGURATIONS_LIST, merged, connections);
  // The same element while only the search text changes: the header then stays as it is.
  const actions = useMemo(
    () => (
      <>
        {connections.map((c) => (
          <WakeAgentsButton key={c.id} connectionId={c.id} />
        ))}
        <LiveIndicator />
      </>
    ),
    [connections],
  );

  return (
    <ListFrame
      title="Configurations"
      description="Backup configurations: schedule, last and next run."
      actions={actions}
      connections={connections}
      noConnection={{
        title: 'No connection with configurations signed in',
        body: 'Configurations come from the connections whose backups are configurations.',
      }}
      lists={{
        pending: lists.pending,
        failures: mergeFailures(lists.failures, live.failures),
        stale: mergeFailures(lists.stale, live.stale),
        notAnswering: mergeConnections(lists.notAnswering, live.notAnswering),
      }}
      empty={{ title: 'No configurations yet' }}
      view={view}
      table={<ConfigurationsTable rows={view.shown} sort={view.sort} onSort={view.onSort} />}
    />
  );
}
