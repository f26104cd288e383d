import { Paper, SimpleGrid, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import type { RunState } from '../../../api/domain';
import { activityHref } from '../../../components/run-links';
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

/**
 * Counts of runs by state over the last day, across connections. Each count is a link to the
 * Activity page showing those runs (that state, the last 24 hours, its default range): the same runs,
 * counted the same way (isRecentRun).
 */
export const StateCounts = memo(function StateCounts({ counts }: { counts: Record<RunState, number> }) {
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
        <li key={state} data-status={state}>
          <Paper
            component={Link}
            to={activityHref({ state })}
            // Mantine's focus ring for the keyboard: a Paper has none of its own (outline: 0).
            className="mantine-focus-auto"
            withBorder
            p="xs"
            display="block"
            td="none"
            c="inherit"
            aria-label={`${runStateLabel(state)}: ${counts[state]}`}
            title={`Show the ${runStateLabel(state).toLowerCase()} runs of the last 24 hours in Activity`}
          >
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {runStateLabel(state)}
            </Text>
            <Text fz="xl" fw={700} data-testid={`count-${state}`}>
              {formatCount(counts[state])}
            </Text>
          </Paper>
        </li>
      ))}
    </SimpleGrid>
  );
});
