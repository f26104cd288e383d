import '@mantine/core/styles/Progress.css';
import { Group, Progress, Stack, Text } from '@mantine/core';
import type { Run } from '../api/domain';
import { isInFlight } from '../api/domain';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatEta,
  formatPercent,
  formatRate,
  secondsBetween,
} from '../lib/format';

/**
 * What a run tells of its progress, in the dialect's terms: Veeam percent and rates, v2 counters and
 * bytes, v1 only its state and elapsed time (then an indeterminate, striped bar while it runs).
 */
export function RunProgress({ run, compact = false, now }: { run: Run; compact?: boolean; now?: number }) {
  const { progress } = run;
  const running = isInFlight(run.state);
  const elapsed = secondsBetween(run.startedAt, running ? null : run.endedAt, now);
  const percent = progress.percent ?? (running ? null : run.state === 'succeeded' ? 100 : null);
  const label = `Progress of ${run.parentName}`;
  const details = [
    progress.bytesDone != null ? `${formatBytes(progress.bytesDone)} done` : null,
    progress.filesDone != null ? `${formatCount(progress.filesDone)} files` : null,
    progress.rateBps != null && running ? formatRate(progress.rateBps) : null,
    progress.etaSeconds != null && running ? formatEta(progress.etaSeconds) : null,
    elapsed != null ? `${formatDuration(elapsed)} ${running ? 'elapsed' : 'taken'}` : null,
  ].filter((x): x is string => x !== null);

  return (
    <Stack gap={2} miw={compact ? 120 : 200}>
      {percent != null ? (
        <Progress value={percent} aria-label={label} size={compact ? 'sm' : 'md'} animated={running} />
      ) : running ? (
        <Progress
          value={100}
          striped
          animated
          aria-label={`${label}: in progress`}
          size={compact ? 'sm' : 'md'}
        />
      ) : null}
      <Group gap="xs" wrap="nowrap">
        {percent != null && (
          <Text size="xs" fw={500}>
            {formatPercent(percent)}
          </Text>
        )}
        <Text size="xs" c="dimmed" truncate>
          {details.join(' · ') || run.vendorState}
        </Text>
      </Group>
    </Stack>
  );
}
