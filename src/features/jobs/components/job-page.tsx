import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Paper.css';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Job } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { jobQueries } from '../queries';
import type { PermissionFor } from './job-actions';
import { JobActions } from './job-actions';
import { JobSessions } from './job-sessions';
import { jobTypeLabel } from './jobs-table';
import { LogItems } from './log-items';
import { SessionStats } from './session-stats';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

const backToJobs = (
  <Anchor component={Link} to="/jobs" size="sm">
    Back to Jobs
  </Anchor>
);

/** One Veeam job: its settings, its sessions with live statistics, and the chosen session's log. */
export function JobPage({
  connectionId,
  id,
  permissionFor,
  onExplore,
  children,
}: {
  connectionId: string;
  id: string;
  permissionFor: PermissionFor;
  onExplore?: (job: Job) => void;
  children?: ReactNode;
}) {
  const job = useQuery(jobQueries.detail(connectionId, id));
  if (job.isPending) return <LoadingState label="Loading the job" />;
  if (job.isError)
    return job.error.status === 404 ? (
      <NotFoundState what="Job">{backToJobs}</NotFoundState>
    ) : (
      <ErrorState error={job.error} onRetry={() => void job.refetch()} what="Job" />
    );
  const j = job.data;
  return (
    <>
      <PageHeader
        breadcrumbs={backToJobs}
        title={j.name}
        description={`${j.organizationName} · ${jobTypeLabel(j.type)}${j.description ? ` · ${j.description}` : ''}`}
        actions={<JobActions job={j} permissionFor={permissionFor} onExplore={onExplore} size="sm" />}
      />
      {children}
      <Paper withBorder p="md" radius="md" mb="md">
        <SimpleGrid cols={{ base: 2, sm: 5 }} component="dl" m={0}>
          <Fact label="Enabled">
            <Text span size="sm" fw={600} data-testid="job-enabled" data-enabled={String(j.enabled)}>
              {j.enabled ? 'Enabled' : 'Disabled'}
            </Text>
          </Fact>
          <Fact label="Last status">
            {j.lastStatus ? (
              <StatusBadge state={j.lastStatus} vendorState={j.lastVendorStatus} />
            ) : (
              'Never run'
            )}
          </Fact>
          <Fact label="Schedule">{j.schedule.description}</Fact>
          <Fact label="Last run">
            {j.lastRunAt ? `${formatRelative(j.lastRunAt)} (${formatDateTime(j.lastRunAt)})` : 'Never'}
          </Fact>
          <Fact label="Next run">
            {j.nextRunAt
              ? `${formatRelative(j.nextRunAt)} (${formatDateTime(j.nextRunAt)})`
              : 'Not scheduled'}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Sessions connectionId={connectionId} jobId={id} />
    </>
  );
}

function Sessions({ connectionId, jobId }: { connectionId: string; jobId: string }) {
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
