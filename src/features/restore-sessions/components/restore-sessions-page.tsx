import '@mantine/core/styles/Button.css';
import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCallback } from 'react';
import type { Connection, RestoreSession } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { useConnectionLists } from '../../../components/connection-lists';
import { ListFrame } from '../../../components/list-frame';
import { useListView } from '../../../components/list-view';
import { mayDoAny } from '../../../components/page-access';
import type { Action, Permission } from '../../../lib/can';
import { restoreSessionQueries } from '../queries';
import { RESTORE_SESSIONS_LIST } from './restore-sessions-list';
import { RestoreSessionsTable } from './restore-sessions-table';
import { StopSessionButton } from './stop-session-button';

/** Veeam restore sessions of every signed-in Veeam connection, newest first, open ones stoppable. */
export function RestoreSessionsPage({
  connections,
  permissionFor,
  onOpenNew,
  children,
}: {
  connections: readonly Connection[];
  permissionFor: (connectionId: string, action: Action) => Permission;
  /** Shown when the person may open a session on at least one connection. */
  onOpenNew?: () => void;
  children?: ReactNode;
}) {
  const lists = useConnectionLists(connections, restoreSessionQueries.list);
  const view = useListView(RESTORE_SESSIONS_LIST, lists.rows, connections);
  const actions = useCallback(
    (s: RestoreSession) =>
      isInFlight(s.state) && permissionFor(s.connectionId, 'restore-session').allowed ? (
        <StopSessionButton session={s} />
      ) : null,
    [permissionFor],
  );

  return (
    <ListFrame
      title="Restore sessions"
      description="Veeam Explorer sessions opened to browse and restore Microsoft 365 items."
      actions={onOpenNew && <Button onClick={onOpenNew}>Open a restore session</Button>}
      connections={connections}
      noConnection={{
        title: 'No Veeam connection',
        body: 'Sign in to a Veeam connection to see its restore sessions.',
      }}
      lists={lists}
      empty={{
        title: 'No restore sessions yet',
        body: "A restore session opens when someone explores a job's backups.",
      }}
      view={view}
      table={
        <RestoreSessionsTable
          sessions={view.shown}
          actions={mayDoAny(connections, permissionFor, ['restore-session']) ? actions : undefined}
          sort={view.sort}
          onSortChange={view.onSort}
        />
      }
    >
      {children}
    </ListFrame>
  );
}
