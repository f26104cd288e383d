import type { Run } from '../api/domain';
import { isInFlight } from '../api/domain';

/** A run the person started in this tab: followed until it ends, then told once. */
export interface StartedRun {
  connectionId: string;
  /** The configuration or job it runs for. */
  targetId: string;
  /** The run's id when the start answer told it (Rackspace); Veeam's start tells none. */
  runId: string | null;
}

/**
 * Which started runs have ended, by the runs the feeds hold now, and which are still followed. A start
 * without a run id follows the first run of its configuration or job seen in flight (one at a time
 * runs per job); from then on, by that run's id.
 */
export function followStartedRuns(
  started: readonly StartedRun[],
  runs: readonly Run[],
): { ended: { started: StartedRun; run: Run }[]; following: StartedRun[] } {
  const ended: { started: StartedRun; run: Run }[] = [];
  const following: StartedRun[] = [];
  for (const s of started) {
    const mine = runs.filter((r) => r.connectionId === s.connectionId);
    const run = s.runId
      ? mine.find((r) => r.id === s.runId)
      : mine.find((r) => r.parentId === s.targetId && isInFlight(r.state));
    if (run && !isInFlight(run.state)) ended.push({ started: s, run });
    else following.push(run && !s.runId ? { ...s, runId: run.id } : s);
  }
  return { ended, following };
}
