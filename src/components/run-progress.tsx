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
import classes from './run-progress.module.css';
import { runStateLabel } from './status-badge';
import { VendorWord } from './vendor-word';

/** Runs that never started: whatever counters the vendor sends (v2: 100%, 0 B), they did no work. */
const NO_WORK: readonly Run['state'][] = ['missed', 'skipped'];

/** Stripes that move while a run is in flight, on the compositor (not Mantine's `animated`). */
const MOVING = { section: classes.moving };

/** What a run counts: Veeam's job sessions process objects (mail items, files, sites), the others files. */
function countText(run: Run, n: number): string {
  const [one, many] = run.kind === 'job-session' ? ['object', 'objects'] : ['file', 'files'];
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * What a run tells of its progress, in the dialect's terms: Veeam percent and rates, v2 counters and
 * bytes, v1.0 its report's counters; a bar without a percent while it runs when the vendor does not tell
 * how much is left.
 */
export function RunProgress({ run, compact = false, now }: { run: Run; compact?: boolean; now?: number }) {
  const { progress } = run;
  if (NO_WORK.includes(run.state))
    return (
      <Text size="xs" c="dimmed" miw={compact ? 120 : 200}>
        {runStateLabel(run.state)}
      </Text>
    );
  const running = isInFlight(run.state);
  const elapsed = secondsBetween(run.startedAt, running ? null : run.endedAt, now);
  const percent = progress.percent ?? (running ? null : run.state === 'succeeded' ? 100 : null);
  const label = `Progress of ${run.parentName}`;
  const details = [
    progress.bytesDone != null ? `${formatBytes(progress.bytesDone)} done` : null,
    progress.filesDone != null ? countText(run, progress.filesDone) : null,
    progress.rateBps != null && running ? formatRate(progress.rateBps) : null,
    progress.etaSeconds != null && running ? formatEta(progress.etaSeconds) : null,
    elapsed != null ? `${formatDuration(elapsed)} ${running ? 'elapsed' : 'taken'}` : null,
  ].filter((x): x is string => x !== null);

  return (
    <Stack gap={2} miw={compact ? 120 : 200}>
      {percent != null ? (
        <Progress
          value={percent}
          aria-label={label}
          size={compact ? 'sm' : 'md'}
          classNames={running ? MOVING : undefined}
        />
      ) : running ? (
        <Progress
          value={100}
          aria-label={`${label}: in progress`}
          size={compact ? 'sm' : 'md'}
          classNames={MOVING}
        />
      ) : null}
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {percent != null && (
          <Text size="xs" fw={500}>
            {formatPercent(percent)}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {details.length > 0 ? details.join(' · ') : <VendorWord word={run.vendorState} />}
        </Text>
      </Group>
    </Stack>
  );
}
