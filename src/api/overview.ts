import type { Configuration, Job, Run, RunState } from './domain';
import { isRecentRun } from './run-parts';

/** What the Overview shows for one connection, from its feeds and its configurations or jobs. */
export interface ConnectionOverview {
  connectionId: string;
  /** Runs of the last day and all in flight, newest first. */
  runs: Run[];
  countsByState: Record<RunState, number>;
  /** Configurations or jobs, with their next run, for "what runs next" and "overdue". */
  scheduled: ScheduledItem[];
  /** ISO time of the answers it was made from. */
  asOf: string;
}

export interface ScheduledItem {
  id: string;
  kind: 'configuration' | 'job';
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
 * The Overview of one connection from what its queries hold: the runs of its feeds, and its
 * configurations or jobs (with the feeds' runs laid over them, see live-runs.ts).
 */
export function overviewOf(input: {
  connectionId: string;
  runs: readonly Run[];
  configurations: readonly Configuration[];
  jobs: readonly Job[];
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
  const scheduled: ScheduledItem[] = [
    ...input.configurations.map((c) => ({
      id: c.id,
      kind: 'configuration' as const,
      name: c.name,
      enabled: c.enabled,
      nextRunAt: c.nextRunAt,
      lastState: c.lastRun?.state ?? null,
    })),
    ...input.jobs.map((j) => ({
      id: j.id,
      kind: 'job' as const,
      name: j.name,
      enabled: j.enabled,
      nextRunAt: j.nextRunAt,
      lastState: j.lastStatus,
    })),
  ].map((s) => ({
    ...s,
    overdue: s.enabled && s.nextRunAt !== null && now - Date.parse(s.nextRunAt) > OVERDUE_GRACE_MS,
  }));
  return {
    connectionId: input.connectionId,
    runs: recent,
    countsByState,
    scheduled,
    asOf: new Date(now).toISOString(),
  };
}
