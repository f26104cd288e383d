import '@mantine/core/styles/Paper.css';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { LogItem, RestoreSession } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import type { ListLink } from '../../../components/detail-frame';
import { DetailFrame } from '../../../components/detail-frame';
import { Fact } from '../../../components/fact';
import { ErrorState, LoadingState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { NONE, formatDateTime, formatDuration, secondsBetween } from '../../../lib/format';
import { restoreSessionQueries } from '../queries';
import { exploreTypeLabel } from './explore-types';
import { SessionExplorer } from './explorer/session-explorer';
import { StopSessionButton } from './stop-session-button';

export const RESTORE_SESSIONS_LINK: ListLink = { to: '/restore-sessions', label: 'Restore sessions' };

/** One restore session: what it explores, its state, and its events. */
export function RestoreSessionPage({
  connectionId,
  id,
  mayStop,
  mayBrowse = false,
  mayRestore = false,
  renderEvents,
}: {
  connectionId: string;
  id: string;
  mayStop: boolean;
  /** Browse the session's content (support and admin, on a dialect that can). */
  mayBrowse?: boolean;
  /** Restore, save and send its items. */
  mayRestore?: boolean;
  /** The events table (the log table the Jobs feature also uses, handed in by the route). */
  renderEvents: (events: readonly LogItem[]) => ReactNode;
}) {
  const session = useQuery(restoreSessionQueries.detail(connectionId, id));
  const events = useQuery(restoreSessionQueries.events(connectionId, id));
  return (
    <DetailFrame query={session} what="Restore session" list={RESTORE_SESSIONS_LINK} id={id}>
      {(s) => {
        const open = isInFlight(s.state);
        return {
          title: s.parentName || 'Restore session',
          description: `${exploreTypeLabel(s.sessionType)} · ${s.organizationName || NONE}`,
          actions: open && mayStop ? <StopSessionButton session={s} size="sm" /> : undefined,
          body: (
            <>
              <SessionFacts session={s} />
              {mayBrowse &&
                (open ? (
                  <SessionExplorer connectionId={connectionId} sessionId={s.id} mayRestore={mayRestore} />
                ) : (
                  <Text size="sm" c="dimmed" mb="md">
                    This restore session has ended: its content can no longer be browsed. Open a new one to
                    restore from this backup.
                  </Text>
                ))}
              <Title order={2} size="h3" mb="xs" mt="md">
                Events
              </Title>
              {events.isPending ? (
                <LoadingState label="Loading the events" rows={3} />
              ) : events.isError ? (
                <ErrorState
                  error={events.error}
                  onRetry={() => void events.refetch()}
                  title="Could not load the events"
                />
              ) : events.data.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No events yet.
                </Text>
              ) : (
                renderEvents(events.data)
              )}
            </>
          ),
        };
      }}
    </DetailFrame>
  );
}

/** State, result, who started it, when it was created and ended, how long it was open. */
function SessionFacts({ session: s }: { session: RestoreSession }) {
  const open = isInFlight(s.state);
  return (
    <Paper withBorder p="md" radius="md" mb="md">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} component="dl" m={0}>
        <Fact label="State">
          <span data-testid="restore-session-state" data-status={s.state}>
            <StatusBadge state={s.state} vendorState={s.vendorState} />
          </span>
        </Fact>
        <Fact label="Result">{s.result ?? (open ? 'Still open' : NONE)}</Fact>
        <Fact label="Started by">{s.initiatedBy ?? NONE}</Fact>
        <Fact label="Created">{formatDateTime(s.startedAt)}</Fact>
        <Fact label="Ended">{s.endedAt ? formatDateTime(s.endedAt) : 'Still open'}</Fact>
        <Fact label="Open for">{formatDuration(secondsBetween(s.startedAt, s.endedAt))}</Fact>
      </SimpleGrid>
      {s.reason && (
        <Text size="sm" mt="sm">
          {s.reason}
        </Text>
      )}
    </Paper>
  );
}
