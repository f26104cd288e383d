import '@mantine/core/styles/Paper.css';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { BackupTarget } from '../../../api/domain';
import type { ListLink } from '../../../components/detail-frame';
import { DetailFrame } from '../../../components/detail-frame';
import { Fact } from '../../../components/fact';
import { scheduleZoneText } from '../../../components/schedule-zone';
import { StatusBadge } from '../../../components/status-badge';
import { NONE, formatDateTime, formatRelative } from '../../../lib/format';
import { withLiveRuns } from '../../../api/live-runs';
import { jobQueries } from '../queries';
import type { PermissionFor } from './job-actions';
import { JobActions } from './job-actions';
import { JobSessionsSection } from './job-sessions-section';
import { jobTypeLabel } from './jobs-table';

export const JOBS_LINK: ListLink = { to: '/jobs', label: 'Jobs' };

/** One job: its settings, its sessions with live statistics, and the chosen session's log. */
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
  onExplore?: (job: BackupTarget) => void;
  children?: ReactNode;
}) {
  const job = useQuery(jobQueries.detail(connectionId, id));
  // The job itself polls slowly; its sessions (the same query as the section below) poll fast while
  // one runs, and the newest gives the job its live status.
  const sessions = useQuery(jobQueries.sessions(connectionId, id));
  return (
    <DetailFrame query={job} what="Job" list={JOBS_LINK} id={id}>
      {(data) => {
        const j = withLiveRuns([data], sessions.data ?? [])[0] ?? data;
        return {
          title: j.name,
          description: `${j.organization?.name} · ${jobTypeLabel(j.type)}${j.description ? ` · ${j.description}` : ''}`,
          actions: <JobActions job={j} permissionFor={permissionFor} onExplore={onExplore} size="sm" />,
          body: (
            <>
              {children}
              <JobFacts job={j} />
              <JobSessionsSection connectionId={connectionId} jobId={id} />
            </>
          ),
        };
      }}
    </DetailFrame>
  );
}

/** Enabled, last status, schedule, last and next run. */
function JobFacts({ job: j }: { job: BackupTarget }) {
  return (
    <Paper withBorder p="md" radius="md" mb="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="dl" m={0}>
        <Fact label="Enabled">
          <Text span size="sm" fw={600} data-testid="job-enabled" data-enabled={String(j.enabled)}>
            {j.enabled ? 'Enabled' : 'Disabled'}
          </Text>
        </Fact>
        <Fact label="Last status">
          {j.lastRun?.state ? (
            <StatusBadge state={j.lastRun?.state} vendorState={j.lastRun?.vendorState} />
          ) : (
            'Never run'
          )}
        </Fact>
        <Fact label="Schedule">{j.schedule.description}</Fact>
        <Fact label="Time zone">{scheduleZoneText(j.schedule, j.nextRunAt) ?? NONE}</Fact>
        <Fact label="Last run">
          {j.lastRun?.at ? `${formatRelative(j.lastRun?.at)} (${formatDateTime(j.lastRun?.at)})` : 'Never'}
        </Fact>
        <Fact label="Next run">
          {j.nextRunAt ? `${formatRelative(j.nextRunAt)} (${formatDateTime(j.nextRunAt)})` : 'Not scheduled'}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
