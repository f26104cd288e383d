import type { ReadOptions } from '../provider';
import type { Activity } from './wire';

/** States in which a run has started, so that its report tells when. */
const STARTED = new Set(['Preparing', 'InProgress', 'StopRequested']);
/** Report reads per list at most: a burst of new runs costs a few requests, the rest wait a tick. */
const READS_PER_LIST = 5;

const keyOf = (a: Activity) => `${a.Type}/${a.ID}`;

/**
 * When v1.0 runs started. The activity list tells only the time of a run's last change
 * (`TimeOfActivity` moves with every state update); a run's report tells its start, which never
 * changes once known. So each started run's report is read once, and what it said is kept.
 */
export function runStarts(readStart: (a: Activity, o?: ReadOptions) => Promise<string | null>) {
  const known = new Map<string, string>();
  // A state in which the report had no start yet is not asked again until the state moves on.
  const asked = new Set<string>();
  const learn = (a: Activity, start: string | null) => {
    if (start) known.set(keyOf(a), start);
  };
  return {
    learn,
    /** Reads the starts not yet known of the started runs in `list`; answers each run's start. */
    async fill(list: readonly Activity[], o?: ReadOptions): Promise<(a: Activity) => string | null> {
      const missing = list
        .filter((a) => STARTED.has(a.CurrentState) && !known.has(keyOf(a)))
        .filter((a) => !asked.has(`${keyOf(a)}/${a.CurrentState}`))
        .slice(0, READS_PER_LIST);
      await Promise.all(
        missing.map(async (a) => {
          const asking = `${keyOf(a)}/${a.CurrentState}`;
          asked.add(asking);
          // A failed read is tried again on the next list; the run shows no start meanwhile.
          learn(a, await readStart(a, o).catch(() => (asked.delete(asking), null)));
        }),
      );
      return (a) => known.get(keyOf(a)) ?? null;
    },
  };
}
