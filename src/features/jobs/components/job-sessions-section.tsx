import { Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { isInFlight } from '../../../api/domain';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { formatDateTime } from '../../../lib/format';
import { jobQueries } from '../queries';
import { JobSessions } from './job-sessions';
import { LogItems } from './log-items';
import { SessionStats } from './session-stats';

/** A job's sessions, the one chosen in the URL (?session=, else the newest) with its statistics and log. */
export function JobSessionsSection({ connectionId, jobId }: { connectionId: string; jobId: string }) {
  const [params] = useSearchParams();
  const sessions = useQuery(jobQueries.sessions(connectionId, jobId));
  const list = sessions.data ?? [];
  const selected = list.find((s) => s.id === params.get('session')) ?? list[0] ?? null;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Sessions
      </Title>
      {sessions.isPending ? (
        <LoadingState label="Loading the sessions" rows={3} />
      ) : sessions.isError ? (
        <ErrorState
          error={sessions.error}
          onRetry={() => void sessions.refetch()}
          title="Could not load the sessions"
        />
      ) : list.length === 0 ? (
        <EmptyState title="No sessions yet">
          This job has not run. Start it to create its first session.
        </EmptyState>
      ) : (
        <>
          <JobSessions sessions={list} selectedId={selected?.id ?? null} />
          {selected && (
            <Group align="flex-start" gap="md" grow wrap="wrap">
              <Stack gap="md" miw={280}>
                <Title order={3} size="h4">
                  Session of {formatDateTime(selected.startedAt)}
                </Title>
                <SessionStats session={selected} />
                <SessionLog
                  connectionId={connectionId}
                  sessionId={selected.id}
                  live={isInFlight(selected.state)}
                />
              </Stack>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

function SessionLog({
  connectionId,
  sessionId,
  live,
}: {
  connectionId: string;
  sessionId: string;
  live: boolean;
}) {
  const log = useQuery(jobQueries.logItems(connectionId, sessionId, live));
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Log
      </Title>
      {log.isPending ? (
        <LoadingState label="Loading the log" rows={3} />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} title="Could not load the log" />
      ) : log.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing logged yet.
        </Text>
      ) : (
        <LogItems items={log.data} label="Session log" />
      )}
    </Stack>
  );
}
