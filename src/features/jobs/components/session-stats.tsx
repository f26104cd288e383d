import '@mantine/core/styles/Paper.css';
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Run } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { RunProgress } from '../../../components/run-progress';
import { StatusBadge } from '../../../components/status-badge';
import {
  NONE,
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  formatItemRate,
  formatRate,
  secondsBetween,
} from '../../../lib/format';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" fw={500} component="dd" m={0}>
        {value}
      </Text>
    </Stack>
  );
}

/** One job session's statistics as Veeam reports them: percent, rates, data transferred, objects. */
export function SessionStats({ session }: { session: Run }) {
  const running = isInFlight(session.state);
  const { progress } = session;
  return (
    <Paper withBorder p="md" radius="md" aria-label="Session statistics" component="section">
      <Stack gap="sm">
        <StatusBadge state={session.state} vendorState={session.vendorState} />
        <RunProgress run={session} />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
          <Stat label="Started" value={formatDateTime(session.startedAt)} />
          <Stat
            label={running ? 'Running for' : 'Ended'}
            value={
              running ? formatDuration(secondsBetween(session.startedAt)) : formatDateTime(session.endedAt)
            }
          />
          <Stat label="Duration" value={formatDuration(secondsBetween(session.startedAt, session.endedAt))} />
          <Stat label="Processing rate" value={formatRate(progress.rateBps)} />
          <Stat label="Items per second" value={formatItemRate(progress.itemsPerSecond)} />
          <Stat label="Transferred" value={formatBytes(progress.bytesDone)} />
          <Stat label="Processed objects" value={formatCount(progress.filesDone)} />
          <Stat label="Errors" value={session.errorCount ? formatCount(session.errorCount) : 'None'} />
        </SimpleGrid>
        {session.reason && (
          <Text size="sm" c="dimmed">
            {session.reason}
          </Text>
        )}
        {session.initiatedBy && (
          <Text size="xs" c="dimmed">
            Started by {session.initiatedBy || NONE}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
