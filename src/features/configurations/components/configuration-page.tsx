import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { hasArea } from '../../../api/capabilities';
import type { Run } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { ListLink } from '../../../components/detail-frame';
import { DetailFrame, DetailNotFound } from '../../../components/detail-frame';
import { withLiveRuns } from '../../../api/live-runs';
import { LiveIndicator } from '../../../components/live-indicator';
import { usePageAccess } from '../../../components/page-access';
import { RunProgress } from '../../../components/run-progress';
import { ErrorState, LoadingState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { formatBytes, formatCount, formatDateTime } from '../../../lib/format';
import { configurationQueries, currentRun, useFullRuns } from '../queries';
import { BackupHistory } from './backup-history';
import { BackupReport } from './backup-report';
import { ConfigurationActions } from './configuration-actions';
import { ConfigurationDetails } from './configuration-details';

export const CONFIGURATIONS_LINK: ListLink = { to: '/configurations', label: 'Configurations' };

/** One configuration: settings, schedule, files, the run in flight moving live, the backup history. */
export function ConfigurationPage({ connectionId, id }: { connectionId: string; id: string }) {
  const access = usePageAccess();
  const known =
    access.connections.some((c) => c.id === connectionId) &&
    hasArea(access.capabilities(connectionId), 'configurations');
  if (!known)
    return (
      <DetailNotFound
        what="Configuration"
        list={CONFIGURATIONS_LINK}
        reason={`There is no connection “${connectionId}” with configurations.`}
      />
    );
  return <KnownConfiguration connectionId={connectionId} id={id} />;
}

/** The run that ended last: its outcome, when, and what it backed up. */
function LastRun({ run }: { run: Run }) {
  return (
    <Group gap="sm" wrap="wrap" data-testid="last-run" data-status={run.state}>
      <Text size="sm">Last backup</Text>
      <StatusBadge state={run.state} vendorState={run.vendorState} />
      <Text size="sm">
        {[
          run.endedAt ? `ended ${formatDateTime(run.endedAt)}` : null,
          run.progress.bytesDone != null ? formatBytes(run.progress.bytesDone) : null,
          run.progress.filesDone != null ? `${formatCount(run.progress.filesDone)} files` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Group>
  );
}

function KnownConfiguration({ connectionId, id }: { connectionId: string; id: string }) {
  const access = usePageAccess();
  const detail = useQuery(configurationQueries.detail(connectionId, id));
  const runs = useQuery(configurationQueries.runs(connectionId, id));
  const history = useFullRuns(connectionId, runs.data);
  const [params] = useSearchParams();
  const reportOf = params.get('backup');

  return (
    <DetailFrame query={detail} what="Configuration" list={CONFIGURATIONS_LINK} id={id}>
      {(data) => {
        // The configuration polls slowly; its runs, fast while one is in flight, bring the last run.
        const c = withLiveRuns([data], history ?? [])[0] ?? data;
        const running = currentRun(history);
        // Once a run ends the card keeps what it came to, so that its end does not look like a blank.
        const last = running ? null : (history?.find((r) => !isInFlight(r.state)) ?? null);
        // "Restore…" on a restorable backup, for a role that may restore here (support and admin).
        const restoreFrom = access.allow(connectionId, 'restore').allowed ? c.id : null;
        return {
          title: c.name,
          description: `${c.machine?.name} · ${access.label(connectionId)}`,
          actions: (
            <>
              <ConfigurationActions configuration={c} size="sm" runningId={running?.id ?? null} />
              <LiveIndicator />
            </>
          ),
          body: (
            <Stack gap="md">
              <Paper withBorder p="md" component="section" aria-label="Current run">
                <Title order={2} size="h4" mb="sm">
                  Current run
                </Title>
                {running ? (
                  <Group
                    justify="space-between"
                    wrap="wrap"
                    data-status={running.state}
                    data-testid="current-run"
                  >
                    <Text size="sm">Started {formatDateTime(running.startedAt)}</Text>
                    <Group gap="sm">
                      <RunProgress run={running} />
                      <StatusBadge state={running.state} vendorState={running.vendorState} />
                    </Group>
                  </Group>
                ) : (
                  <Stack gap="xs">
                    <Text size="sm" c="dimmed" data-testid="current-run" data-status="idle">
                      No backup is running.
                    </Text>
                    {last && <LastRun run={last} />}
                  </Stack>
                )}
              </Paper>
              <ConfigurationDetails configuration={c} connectionLabel={access.label(connectionId)} />
              <Paper withBorder p="md" component="section" aria-label="Backup history">
                <Title order={2} size="h4" mb="sm">
                  Backup history
                </Title>
                {runs.isPending ? (
                  <LoadingState label="Loading the backups" />
                ) : runs.isError && !runs.data ? (
                  <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
                ) : (
                  <BackupHistory runs={history ?? []} selectedId={reportOf} restoreFrom={restoreFrom} />
                )}
              </Paper>
              {reportOf && (
                <BackupReport connectionId={connectionId} backupId={reportOf} restoreFrom={restoreFrom} />
              )}
            </Stack>
          ),
        };
      }}
    </DetailFrame>
  );
}
