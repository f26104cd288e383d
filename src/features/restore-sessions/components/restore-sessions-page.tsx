import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/SegmentedControl.css';
import { Button, Group, SegmentedControl } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Connection, RestoreSession } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import type { Action, Permission } from '../../../lib/can';
import { restoreSessionQueries } from '../queries';
import { RestoreSessionsTable } from './restore-sessions-table';
import { StopSessionButton } from './stop-session-button';

type Show = 'all' | 'open' | 'ended';

function combineSessions(results: UseQueryResult<RestoreSession[]>[]) {
  return {
    sessions: results
      .flatMap((r) => r.data ?? [])
      .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '')),
    pending: results.some((r) => r.isPending),
    errors: results.map((r) => r.error),
    refetches: results.map((r) => r.refetch),
  };
}

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
  const [params, setParams] = useSearchParams();
  const raw = params.get('show');
  const show: Show = raw === 'open' || raw === 'ended' ? raw : 'all';
  const lists = useQueries({
    queries: connections.map((c) => restoreSessionQueries.list(c.id)),
    combine: combineSessions,
  });
  const shown = useMemo(
    () =>
      show === 'all'
        ? lists.sessions
        : lists.sessions.filter((s) => isInFlight(s.state) === (show === 'open')),
    [lists.sessions, show],
  );
  const failures = lists.errors
    .map((error, i) => ({ error, refetch: lists.refetches[i], connection: connections[i] }))
    .filter((f) => f.error !== null);
  const may = (s: RestoreSession) => permissionFor(s.connectionId, 'restore-session').allowed;

  return (
    <>
      <PageHeader
        title="Restore sessions"
        description="Veeam Explorer sessions opened to browse and restore Microsoft 365 items."
        actions={onOpenNew && <Button onClick={onOpenNew}>Open a restore session</Button>}
      />
      {children}
      {connections.length === 0 ? (
        <EmptyState title="No Veeam connection">
          Sign in to a Veeam connection to see its restore sessions.
        </EmptyState>
      ) : (
        <>
          {failures.map((f) => (
            <ErrorState
              key={f.connection?.id}
              error={f.error}
              onRetry={() => void f.refetch?.()}
              title={`Could not load the restore sessions of ${f.connection?.label ?? 'a connection'}`}
            />
          ))}
          <Group mb="sm">
            <SegmentedControl
              aria-label="Which sessions"
              value={show}
              onChange={(v) =>
                setParams(
                  (p) => {
                    const next = new URLSearchParams(p);
                    if (v === 'all') next.delete('show');
                    else next.set('show', v);
                    return next;
                  },
                  { replace: true },
                )
              }
              data={[
                { value: 'all', label: 'All' },
                { value: 'open', label: 'Open' },
                { value: 'ended', label: 'Ended' },
              ]}
            />
          </Group>
          {lists.pending && lists.sessions.length === 0 ? (
            <LoadingState label="Loading restore sessions" />
          ) : shown.length === 0 ? (
            failures.length === 0 && (
              <EmptyState title={show === 'all' ? 'No restore sessions yet' : `No ${show} restore sessions`}>
                A restore session opens when someone explores a job's backups.
              </EmptyState>
            )
          ) : (
            <RestoreSessionsTable
              sessions={shown}
              actions={(s) => (isInFlight(s.state) && may(s) ? <StopSessionButton session={s} /> : null)}
            />
          )}
        </>
      )}
    </>
  );
}
