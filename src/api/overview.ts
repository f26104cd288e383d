import type { BackupTarget, Run, RunState, TargetKind } from './domain';
import { isRecentRun } from './run-parts';

/** What the Overview shows for one connection, from its feeds and its backup targets. */
export interface ConnectionOverview {
  connectionId: string;
  /** Runs of the last day and all in flight, newest first. */
  runs: Run[];
  countsByState: Record<RunState, number>;
  /** Backup targets (configurations, jobs), with their next run, for "what runs next" and "overdue". */
  scheduled: ScheduledItem[];
  /** ISO time of the answers it was made from. */
  asOf: string;
}

export interface ScheduledItem {
  id: string;
  kind: TargetKind;
  name: string;
  enabled: boolean;
  nextRunAt: string | null;
  lastState: RunState | null;
  /** Enabled, and its next run is in the past by more than a grace period. */
  overdue: boolean;
}

const DAY_MS = 24 * 3600 * 1000;
/** A scheduled run is overdue when it is this late (agents poll every few minutes). */
export const OVERDUE_GRACE_MS = 15 * 60 * 1000;

export function emptyCounts(): Record<RunState, number> {
  return {
    queued: 0,
    running: 0,
    stopping: 0,
    succeeded: 0,
    warning: 0,
    failed: 0,
    stopped: 0,
    skipped: 0,
    missed: 0,
  };
}

/**
 * The Overview of one connection from what its queries hold: the runs of its feeds, and its backup
 * targets (with the feeds' runs laid over them, see live-runs.ts).
 */
export function overviewOf(input: {
  connectionId: string;
  runs: readonly Run[];
  targets: readonly BackupTarget[];
  now: number;
  /**
   * The time the runs are counted back from (the run feeds' newest answer), as the Activity page
   * counts its range; `now` when not given.
   */
  runsAsOf?: number;
}): ConnectionOverview {
  const { now, runsAsOf = now } = input;
  // The same runs as the Activity page's last 24 hours, which each count links to.
  const recent = input.runs.filter((r) => isRecentRun(r, runsAsOf, DAY_MS));
  const countsByState = emptyCounts();
  for (const r of recent) countsByState[r.state] += 1;
  const scheduled: ScheduledItem[] = input.targets.map((t) => ({
    id: t.id,
    kind: t.kind,
    name: t.name,
    enabled: t.enabled,
    nextRunAt: t.nextRunAt,
    lastState: t.lastRun?.state ?? null,
    overdue: t.enabled && t.nextRunAt !== null && now - Date.parse(t.nextRunAt) > OVERDUE_GRACE_MS,
  }));
  return {
    connectionId: input.connectionId,
    runs: recent,
    countsByState,
    scheduled,
    asOf: new Date(now).toISOString(),
  };
}
