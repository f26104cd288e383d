import type { Configuration, Job, Run } from './domain';
import { isInFlight } from './domain';
import type { Pace } from '../lib/polling';
import { runTimeOf } from './run-parts';

/**
 * How lively a run keeps its feed: fast while it is in flight, except a Veeam restore session that is
 * open (Working): it waits for a person to browse it, nothing advances, so it polls at the open pace.
 */
export function runPace(run: Run): Pace {
  if (!isInFlight(run.state)) return 'idle';
  return run.kind === 'restore-session' && run.state === 'running' ? 'open' : 'fast';
}

const timeOf = (iso: string | null | undefined) => (iso ? Date.parse(iso) || 0 : 0);
/** When a run started; one just requested (no time yet) is the newest of all. */
const startOf = (r: Run) => timeOf(r.startedAt) || runTimeOf(r);

/** The newest run of each parent (configuration or job) among `runs`, by connection and parent id. */
function newestByParent(runs: readonly Run[], kind: Run['kind']): Map<string, Run> {
  const newest = new Map<string, Run>();
  for (const r of runs) {
    if (r.kind !== kind || r.parentId === null) continue;
    const key = `${r.connectionId}\u0000${r.parentId}`;
    const seen = newest.get(key);
    if (!seen || startOf(r) > startOf(seen)) newest.set(key, r);
  }
  return newest;
}

/**
 * Configurations with the runs of the feeds laid over them: a configuration list is polled slowly
 * (it changes when someone edits it), the feeds fast while something runs. A configuration's last
 * run is the feed's newest one unless the list names a newer one; the feed is fresher for the same
 * run. Unchanged configurations keep their identity, so memoised rows are not redone.
 */
export function withLiveRuns(
  configurations: readonly Configuration[],
  runs: readonly Run[],
): Configuration[] {
  const newest = newestByParent(runs, 'backup');
  if (newest.size === 0) return configurations as Configuration[];
  return configurations.map((c) => {
    const run = newest.get(`${c.connectionId}\u0000${c.id}`);
    if (!run) return c;
    const listed = c.lastRun;
    if (listed?.id && listed.id !== run.id && timeOf(listed.at) > startOf(run)) return c;
    const lastRun = {
      id: run.id,
      state: run.state,
      vendorState: run.vendorState,
      at: run.startedAt ?? run.updatedAt,
    };
    const currentRunId = isInFlight(run.state) ? run.id : null;
    const same =
      listed?.id === lastRun.id &&
      listed.state === lastRun.state &&
      listed.vendorState === lastRun.vendorState &&
      listed.at === lastRun.at &&
      c.currentRunId === currentRunId;
    return same ? c : { ...c, lastRun, currentRunId };
  });
}

/** Jobs with the newest session of the job-session feed as their last status when it is newer. */
export function jobsWithLiveRuns(jobs: readonly Job[], runs: readonly Run[]): Job[] {
  const newest = newestByParent(runs, 'job-session');
  if (newest.size === 0) return jobs as Job[];
  return jobs.map((j) => {
    const run = newest.get(`${j.connectionId}\u0000${j.id}`);
    if (!run || timeOf(j.lastRunAt) > startOf(run)) return j;
    if (j.lastStatus === run.state && j.lastVendorStatus === run.vendorState) return j;
    return {
      ...j,
      lastStatus: run.state,
      lastVendorStatus: run.vendorState,
      lastRunAt: run.startedAt ?? j.lastRunAt,
    };
  });
}
