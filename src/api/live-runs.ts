import type { BackupTarget, LastRun, Run } from './domain';
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

/** The kinds of run a target has (a Rackspace backup, a Veeam job session): not its restores. */
const TARGET_RUN_KINDS: readonly Run['kind'][] = ['backup', 'job-session'];

/** A target's key among the lists of every connection. */
const targetKey = (connectionId: string, id: string) => `${connectionId}\u0000${id}`;

/** The newest run of each target among `runs`, by connection and target id. */
function newestByTarget(runs: readonly Run[]): Map<string, Run> {
  const newest = new Map<string, Run>();
  for (const r of runs) {
    if (!TARGET_RUN_KINDS.includes(r.kind) || r.parentId === null) continue;
    const key = targetKey(r.connectionId, r.parentId);
    const seen = newest.get(key);
    if (!seen || startOf(r) > startOf(seen)) newest.set(key, r);
  }
  return newest;
}

/**
 * Targets with the runs of the feeds laid over them: a target list is polled slowly (it changes when
 * someone edits it), the feeds fast while something runs. A target's last run is the feed's newest
 * one unless the list names a newer one (another run, or a run it names only by its time, as Veeam
 * does, that started later); the feed is fresher for the same run. Unchanged targets keep their
 * identity, so memoised rows are not redone, and so do targets the feed changes the same way as at
 * its last answer: the list is polled slowly, so every target whose run is newer than the list differs
 * from it at every feed answer (about 600 of 10,000 at the benchmark's scale), and each new object cost
 * the list its sort keys again. An answer that changes no target's run gives back the last result.
 */
export function withLiveRuns(targets: readonly BackupTarget[], runs: readonly Run[]): BackupTarget[] {
  const newest = newestByTarget(runs);
  if (newest.size === 0) return targets as BackupTarget[];
  // Only the targets the feeds name are looked at (a feed answers every 1.25 s while something runs;
  // a list may hold 10,000 targets), and the list itself is kept when none of them changed.
  const at = positions(targets);
  let out: BackupTarget[] | null = null;
  const changed: number[] = [];
  for (const [key, run] of newest) {
    for (const i of at.get(key) ?? []) {
      const t = targets[i]!;
      const next = withRun(t, run);
      if (next === t) continue;
      (out ??= targets.slice())[i] = next;
      changed.push(i);
    }
  }
  if (!out) return targets as BackupTarget[];
  // The last result over the same list, when this answer laid the same targets over the same places.
  changed.sort((a, b) => a - b);
  const last = lastResult.get(targets);
  if (
    last &&
    last.changed.length === changed.length &&
    changed.every((i, n) => last.changed[n] === i && last.rows[i] === out[i])
  )
    return last.rows;
  lastResult.set(targets, { rows: out, changed });
  return out;
}

/** Per target list, the last result and the places in it that hold a target with a feed's run. */
const lastResult = new WeakMap<readonly BackupTarget[], { rows: BackupTarget[]; changed: number[] }>();

/** Per target of a list, the last target made from it with a feed's run (see withRun). */
const lastWithRun = new WeakMap<BackupTarget, BackupTarget>();

const positionsByList = new WeakMap<readonly BackupTarget[], Map<string, number[]>>();

/** Where each target (by connection and id) is in `targets`: made once per list. */
function positions(targets: readonly BackupTarget[]): Map<string, number[]> {
  let at = positionsByList.get(targets);
  if (!at) {
    at = new Map();
    targets.forEach((t, i) => {
      const key = targetKey(t.connectionId, t.id);
      const seen = at!.get(key);
      if (seen) seen.push(i);
      else at!.set(key, [i]);
    });
    positionsByList.set(targets, at);
  }
  return at;
}

/** The target with `run`, its feed's newest, laid over it; the target itself when that changes nothing. */
function withRun(t: BackupTarget, run: Run): BackupTarget {
  const listed = t.lastRun;
  if (listed && listed.id !== run.id && timeOf(listed.at) > startOf(run)) return t;
  const lastRun = {
    id: run.id,
    state: run.state,
    vendorState: run.vendorState,
    at: run.startedAt ?? run.updatedAt,
  };
  const currentRunId = isInFlight(run.state) ? run.id : null;
  // A last run the list names only by its state and time (Veeam) is this run when they agree.
  const byState = listed !== null && listed.id === null;
  if (listed && sameLastRun(listed, lastRun, byState) && t.currentRunId === currentRunId) return t;
  // The same run laid over the same target as at the feed's last answer: the object made then.
  const before = lastWithRun.get(t);
  if (before?.lastRun && sameLastRun(before.lastRun, lastRun, false) && before.currentRunId === currentRunId)
    return before;
  const next = { ...t, lastRun, currentRunId };
  lastWithRun.set(t, next);
  return next;
}

/** Whether two last runs say the same; `byState` leaves out their ids and times (the list names it by neither). */
function sameLastRun(a: LastRun, b: LastRun, byState: boolean): boolean {
  return (
    (a.id === b.id || byState) &&
    a.state === b.state &&
    a.vendorState === b.vendorState &&
    (a.at === b.at || byState)
  );
}
