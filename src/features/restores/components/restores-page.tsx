import '@mantine/core/styles/Button.css';
import { Button } from '@mantine/core';
import { useCallback } from 'react';
import { Link } from 'react-router';
import type { Connection, Restore } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { useConnectionLists } from '../../../components/connection-lists';
import { ListFrame } from '../../../components/list-frame';
import { useListView } from '../../../components/list-view';
import { mayDoAny } from '../../../components/page-access';
import type { Action, Permission } from '../../../lib/can';
import { restoreQueries } from '../queries';
import { RESTORES_LIST } from './restores-list';
import { RestoresTable } from './restores-table';
import { StopRestoreButton } from './stop-restore-button';

/** Rackspace restores of every signed-in Rackspace connection, newest first, with live progress. */
export function RestoresPage({
  connections,
  permissionFor,
}: {
  connections: readonly Connection[];
  permissionFor: (connectionId: string, action: Action) => Permission;
}) {
  const lists = useConnectionLists(connections, restoreQueries.list);
  const view = useListView(RESTORES_LIST, lists.rows, connections);
  const may = (connectionId: string) => permissionFor(connectionId, 'restore').allowed;
  const label = useCallback((id: string) => connections.find((c) => c.id === id)?.label ?? id, [connections]);
  const actions = useCallback(
    (r: Restore) =>
      isInFlight(r.state) && permissionFor(r.connectionId, 'restore').allowed ? (
        <StopRestoreButton restore={r} />
      ) : null,
    [permissionFor],
  );

  return (
    <ListFrame
      title="Restores"
      description="Rackspace Cloud Backup restores: where from, where to, and how far they got."
      actions={
        connections.some((c) => may(c.id)) && (
          <Button component={Link} to="/restores/new">
            New restore
          </Button>
        )
      }
      connections={connections}
      noConnection={{
        title: 'No Rackspace connection',
        body: 'Sign in to a Rackspace connection to see its restores.',
      }}
      lists={lists}
      empty={{ title: 'No restores yet', body: 'Start one with New restore, from any restorable backup.' }}
      view={view}
      table={
        <RestoresTable
          restores={view.shown}
          connectionLabel={label}
          actions={mayDoAny(connections, permissionFor, ['restore']) ? actions : undefined}
          sort={view.sort}
          onSortChange={view.onSort}
        />
      }
    />
  );
}
