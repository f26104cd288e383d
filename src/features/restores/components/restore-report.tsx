import '@mantine/core/styles/Paper.css';
import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import type { Restore } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { Fact } from '../../../components/fact';
import { RunErrors, RunNotes } from '../../../components/run-errors';
import { RunProgress } from '../../../components/run-progress';
import {
  NONE,
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  secondsBetween,
} from '../../../lib/format';
import { RestoreStateBadge, restoreStatus } from './restore-state-badge';
import { destinationPathText } from './restores-table';

/** A restore's report: where from and to, what it restored, how long it took, and every error. */
export function RestoreReport({ restore, now }: { restore: Restore; now?: number }) {
  const running = isInFlight(restore.state);
  const duration = restore.durationSeconds ?? secondsBetween(restore.startedAt, restore.endedAt, now);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="restore-status-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="restore-status-title">
            Status
          </Title>
          <div data-status={restoreStatus(restore)} data-testid="restore-state">
            <RestoreStateBadge restore={restore} />
          </div>
          {!restore.draft && <RunProgress run={restore} now={now} />}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
            <Fact label="Configuration" strong>
              {restore.parentName || NONE}
            </Fact>
            <Fact label="From machine" strong>
              {restore.sourceMachineName ?? NONE}
            </Fact>
            <Fact label="To machine" strong>
              {restore.destinationMachineName ?? `agent ${restore.destinationAgentId}`}
            </Fact>
            <Fact label="To path" strong>
              {destinationPathText(restore.destinationPath)}
            </Fact>
            <Fact label="Overwrite existing files" strong>
              {restore.overwrite ? 'Yes' : 'No'}
            </Fact>
            <Fact label="Encrypted backup" strong>
              {restore.encrypted == null ? NONE : restore.encrypted ? 'Yes' : 'No'}
            </Fact>
            <Fact label="Started" strong>
              {formatDateTime(restore.startedAt)}
            </Fact>
            <Fact label={running ? 'Running for' : 'Ended'} strong>
              {running ? formatDuration(duration) : formatDateTime(restore.endedAt)}
            </Fact>
            <Fact label="Files restored" strong>
              {formatCount(restore.progress.filesDone)}
            </Fact>
            <Fact label="Bytes restored" strong>
              {formatBytes(restore.progress.bytesDone)}
            </Fact>
            <Fact label="Duration" strong>
              {formatDuration(duration)}
            </Fact>
            <Fact label="Errors" strong>
              {formatCount(restore.errorCount)}
            </Fact>
          </SimpleGrid>
          <RunNotes run={restore} />
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="restore-errors-title">
        <Title order={2} size="h4" id="restore-errors-title" mb="sm">
          Errors
        </Title>
        <RunErrors errors={restore.errors} running={running} labelledBy="restore-errors-title" />
      </Paper>
    </Stack>
  );
}
