import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Paper.css';
import { Anchor, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { RunDetail } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { Fact } from '../../../components/fact';
import { RunErrors, RunNotes } from '../../../components/run-errors';
import { RunProgress } from '../../../components/run-progress';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  secondsBetween,
} from '../../../lib/format';
import { configurationQueries } from '../queries';
import { RestoreFromBackup } from './backup-history';

const close = (
  <Anchor component={Link} to="?" replace size="sm">
    Close the report
  </Anchor>
);

/**
 * One backup's report, chosen in the history (?backup=): its state, counters, duration, and why it
 * failed or what it could not back up (the vendor's error list). It follows the run while it runs.
 */
export function BackupReport({
  connectionId,
  backupId,
  restoreFrom = null,
}: {
  connectionId: string;
  backupId: string;
  /** The configuration's id when the person may restore: a restorable backup offers "Restore…". */
  restoreFrom?: string | null;
}) {
  const backup = useQuery(configurationQueries.backup(connectionId, backupId));
  const section = useRef<HTMLElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // The report opens below the history, often below the fold: bring it into view and move the focus
  // to its title, so that a click (or Enter) in the history visibly does something.
  useEffect(() => {
    section.current?.scrollIntoView?.({ block: 'start' });
    title.current?.focus({ preventScroll: true });
  }, [backupId]);
  return (
    <Paper
      ref={section}
      withBorder
      p="md"
      component="section"
      aria-labelledby="backup-report-title"
      style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 56px) + var(--mantine-spacing-md))' }}
    >
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="backup-report-title" ref={title} tabIndex={-1}>
          Backup {backupId}
        </Title>
        <Group gap="sm">
          {restoreFrom !== null && backup.data && (
            <RestoreFromBackup configurationId={restoreFrom} run={backup.data} size="sm" />
          )}
          {close}
        </Group>
      </Group>
      {backup.isPending ? (
        <LoadingState label="Loading the backup" rows={3} />
      ) : backup.isError ? (
        backup.error.status === 404 ? (
          <NotFoundState what="Backup" />
        ) : (
          <ErrorState error={backup.error} onRetry={() => void backup.refetch()} what="Backup" />
        )
      ) : (
        <Report run={backup.data} />
      )}
    </Paper>
  );
}

function Report({ run: b }: { run: RunDetail }) {
  const running = isInFlight(b.state);
  const duration = b.durationSeconds ?? secondsBetween(b.startedAt, b.endedAt);
  return (
    <Stack gap="sm">
      <Group gap="sm" data-status={b.state} data-testid="backup-state">
        <StatusBadge state={b.state} vendorState={b.vendorState} />
        <RunProgress run={b} />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
        <Fact label="Started">{formatDateTime(b.startedAt)}</Fact>
        <Fact label={running ? 'Running for' : 'Ended'}>
          {running ? formatDuration(duration) : formatDateTime(b.endedAt)}
        </Fact>
        <Fact label="Duration">{formatDuration(duration)}</Fact>
        <Fact label="Restorable">{b.restorable == null ? '—' : b.restorable ? 'Yes' : 'No'}</Fact>
        <Fact label="Files searched">{formatCount(b.progress.filesSearched)}</Fact>
        <Fact label="Files backed up">{formatCount(b.progress.filesDone)}</Fact>
        <Fact label="Bytes searched">{formatBytes(b.progress.bytesSearched)}</Fact>
        <Fact label="Bytes backed up">{formatBytes(b.progress.bytesDone)}</Fact>
      </SimpleGrid>
      <RunNotes run={b} />
      <Title order={3} size="h5" id="backup-errors-title">
        Errors ({formatCount(b.errorCount)})
      </Title>
      <RunErrors errors={b.errors} running={running} labelledBy="backup-errors-title" />
    </Stack>
  );
}
