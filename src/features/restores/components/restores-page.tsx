import '@mantine/core/styles/Button.css';
import { Button } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Connection, Restore } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { newestFirst } from '../../../api/run-parts';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import type { Action, Permission } from '../../../lib/can';
import { restoreQueries } from '../queries';
import { RestoresTable } from './restores-table';
import { StopRestoreButton } from './stop-restore-button';

function combineRestores(results: UseQueryResult<Restore[]>[]) {
  return {
    // By when each last changed, as every run list: a v1.0 list knows no start of an ended restore.
    restores: newestFirst(results.flatMap((r) => r.data ?? [])),
    pending: results.some((r) => r.isPending),
    errors: results.map((r) => r.error),
    refetches: results.map((r) => r.refetch),
  };
}

/** Rackspace restores of every signed-in Rackspace connection, newest first, with live progress. */
export function RestoresPage({
  connections,
  permissionFor,
}: {
  connections: readonly Connection[];
  permissionFor: (connectionId: string, action: Action) => Permission;
}) {
  const lists = useQueries({
    queries: connections.map((c) => restoreQueries.list(c.id)),
    combine: combineRestores,
  });
  const failures = lists.errors
    .map((error, i) => ({ error, refetch: lists.refetches[i], connection: connections[i] }))
    .filter((f) => f.error !== null);
  const may = (connectionId: string) => permissionFor(connectionId, 'restore').allowed;
  const label = (id: string) => connections.find((c) => c.id === id)?.label ?? id;

  return (
    <>
      <PageHeader
        title="Restores"
        description="Rackspace Cloud Backup restores: where from, where to, and how far they got."
        actions={
          connections.some((c) => may(c.id)) && (
            <Button component={Link} to="/restores/new">
              New restore
            </Button>
          )
        }
      />
      {connections.length === 0 ? (
        <EmptyState title="No Rackspace connection">
          Sign in to a Rackspace connection to see its restores.
        </EmptyState>
      ) : (
        <>
          {failures.map((f) => (
            <ErrorState
              key={f.connection?.id}
              error={f.error}
              onRetry={() => void f.refetch?.()}
              title={`Could not load the restores of ${f.connection?.label ?? 'a connection'}`}
            />
          ))}
          {lists.pending && lists.restores.length === 0 ? (
            <LoadingState label="Loading restores" />
          ) : lists.restores.length === 0 ? (
            failures.length === 0 && (
              <EmptyState title="No restores yet">
                Start one with New restore, from any restorable backup.
              </EmptyState>
            )
          ) : (
            <RestoresTable
              restores={lists.restores}
              connectionLabel={label}
              actions={(r) =>
                isInFlight(r.state) && may(r.connectionId) ? <StopRestoreButton restore={r} /> : null
              }
            />
          )}
        </>
      )}
    </>
  );
}
