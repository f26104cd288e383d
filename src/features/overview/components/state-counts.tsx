import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { RunState } from '../../../api/domain';
import { runStateLabel } from '../../../components/status-badge';
import { formatCount } from '../../../lib/format';

const SHOWN: RunState[] = [
  'running',
  'queued',
  'succeeded',
  'warning',
  'failed',
  'missed',
  'stopped',
  'skipped',
];

/** Counts of runs by state over the last day, across connections. */
export function StateCounts({ counts }: { counts: Record<RunState, number> }) {
  return (
    <SimpleGrid
      cols={{ base: 2, xs: 4, lg: 8 }}
      spacing="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {SHOWN.map((state) => (
        <Paper
          key={state}
          component="li"
          withBorder
          p="xs"
          data-status={state}
          aria-label={`${runStateLabel(state)}: ${counts[state]}`}
        >
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {runStateLabel(state)}
          </Text>
          <Text fz="xl" fw={700} data-testid={`count-${state}`}>
            {formatCount(counts[state])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
