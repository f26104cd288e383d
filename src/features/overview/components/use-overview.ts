import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { dialectOf } from '../../../api/dialects';
import type { Connection, Run, RunState } from '../../../api/domain';
import { isInFlight } from '../../../api/domain';
import { withLiveRuns } from '../../../api/live-runs';
import type { ConnectionOverview } from '../../../api/overview';
import { emptyCounts, overviewOf } from '../../../api/overview';
import { newestFirst } from '../../../api/run-parts';
import type { PageAccess } from '../../../components/page-access';
import {
  mergeConnections,
  pendingConnections,
  useHeldErrors,
  useNotAnswering,
} from '../../../components/query-answers';
import type { ConnectionFailure } from '../../../components/use-live-runs';
import { mergeFailures, queryFailures, useLiveRuns } from '../../../components/use-live-runs';
import { useSameArray } from '../../../components/use-same-array';
import { overviewQueries } from '../queries';
import type { Scheduled } from './scheduled-list';
import { sameFields, sameItems, useSameValue } from './use-same-value';

/** The counts and lists of the Overview. */
export interface OverviewBodyData {
  /** At least one connection has answered. */
  loaded: boolean;
  counts: Record<RunState, number>;
  running: Run[];
  failed: Run[];
  next: Scheduled[];
  overdue: Scheduled[];
}

export interface OverviewData {
  body: OverviewBodyData;
  failures: ConnectionFailure[];
  /** Connections whose first answer has not come after a while: named, the others shown without them. */
  notAnswering: readonly Connection[];
}

/**
 * The first view waits this long at most after a connection has answered for the others, so that the
 * counts do not grow connection by connection when they answer together, and a connection that is
 * slow or does not answer at all never holds back the others'.
 */
export const FIRST_VIEW_WAIT_MS = 1_000;

/** True once `on` has been true for `ms` (and from then on). */
function useTrueFor(on: boolean, ms: number): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!on || done) return undefined;
    const timer = setTimeout(() => setDone(true), ms);
    return () => clearTimeout(timer);
  }, [on, done, ms]);
  return done;
}

const NONE: never[] = [];

/** A connection's list among `results` (one per connection of `connections`): [] when it has none, null until it answers. */
function listOf<T>(
  connections: readonly Connection[],
  results: readonly { data?: T[] }[],
  connectionId: string,
): T[] | null {
  const i = connections.findIndex((c) => c.id === connectionId);
  return i < 0 ? NONE : (results[i]?.data ?? null);
}

/**
 * The Overview across the signed-in connections. Per connection: its run feeds (polled fast while
 * something moves) and its backup targets (slow): one request per connection per tick while one kind
 * of run is in flight.
 */
export function useOverview(access: PageAccess): OverviewData {
  const live = useLiveRuns(access.signedIn);
  const withTargets = useSameArray(access.signedIn.filter((c) => dialectOf(c).capabilities.targets !== null));
  // A connection that failed keeps its error while it is asked again (not "loading" at each attempt).
  const results = useHeldErrors(
    useQueries({ queries: withTargets.map((c) => overviewQueries.targets(c.id)) }),
    withTargets.map((c) => c.id),
  );
  // Per connection, its targets: [] when it has none, null until they answer.
  const scheduledData = useSameArray(access.signedIn.map((c) => listOf(withTargets, results, c.id)));
  const scheduledAt = Math.max(0, ...results.map((r) => r.dataUpdatedAt));

  // The first view waits for every connection's first answer (or failure), so that the counts do not
  // grow connection by connection, but no longer than FIRST_VIEW_WAIT_MS after one connection has
  // answered in full: one that is slow or never answers must not hide the others. After that a
  // connection that fails, retries or has not answered yet hides only itself.
  // Until then nothing is derived: each answer that comes in would otherwise redo it for nothing.
  // Settled from the first render when every answer is there already (the Overview the server rendered,
  // or one come back to): no update during that render, which would make React render the page twice.
  const answered = !live.pending && results.every((r) => !r.isPending);
  const oneAnswered = access.signedIn.some((c, i) => scheduledData[i] && !live.waiting.includes(c.id));
  const waitedEnough = useTrueFor(oneAnswered && !answered, FIRST_VIEW_WAIT_MS);
  const [settled, setSettled] = useState(answered);
  if (!settled && (answered || waitedEnough)) setSettled(true);
  const ready = settled || answered;

  const loaded = useMemo(
    () =>
      !ready
        ? []
        : access.signedIn.flatMap((c, i): ConnectionOverview[] => {
            const targets = scheduledData[i];
            const runs = live.runs.filter((r) => r.connectionId === c.id);
            // Per connection: one whose feed has nothing yet (or fails) must not hide the others' data.
            if (!targets || live.waiting.includes(c.id)) return [];
            return [
              overviewOf({
                connectionId: c.id,
                runs,
                targets: withLiveRuns(targets, runs),
                // "Now" is when the answers arrived, so the view moves with the data, not with renders.
                now: Math.max(live.updatedAt, scheduledAt),
                // The runs' last day is counted as the Activity page counts it, from the feeds' answers.
                runsAsOf: live.updatedAt,
              }),
            ];
          }),
    [ready, access.signedIn, live.runs, live.waiting, live.updatedAt, scheduledData, scheduledAt],
  );

  // Derived once per change of the answers, not on every render of the page.
  const derived = useMemo(() => {
    const counts = emptyCounts();
    for (const o of loaded)
      for (const s of Object.keys(counts) as RunState[]) counts[s] += o.countsByState[s];
    const runs = loaded.flatMap((o) => o.runs);
    const scheduled: Scheduled[] = loaded.flatMap((o) =>
      o.scheduled.map((s) => ({ ...s, connectionId: o.connectionId })),
    );
    return {
      counts,
      running: newestFirst(runs.filter((r) => isInFlight(r.state))),
      failed: newestFirst(runs.filter((r) => r.state === 'failed' || r.state === 'missed')).slice(0, 20),
      overdue: scheduled.filter((s) => s.overdue),
      next: scheduled
        .filter((s) => s.enabled && !s.overdue && s.nextRunAt)
        .sort((a, b) => Date.parse(a.nextRunAt ?? '') - Date.parse(b.nextRunAt ?? ''))
        .slice(0, 10),
    };
  }, [loaded]);

  // A poll that brings nothing new for a part keeps that part's value, so that it does not render again.
  const counts = useSameValue(derived.counts, sameFields);
  const running = useSameValue(derived.running, sameItems);
  const failed = useSameValue(derived.failed, sameItems);
  const overdue = useSameValue(derived.overdue, sameItems);
  const next = useSameValue(derived.next, sameItems);
  const shown = settled && loaded.length > 0;
  // One value while nothing of the counts and lists changed, so that the page can hand it to a
  // deferred render; the failures (each with a retry of the current queries) are made on each render.
  const body = useMemo(
    () => ({ loaded: shown, counts, running, failed, overdue, next }),
    [shown, counts, running, failed, overdue, next],
  );
  const failures = mergeFailures(live.failures, queryFailures(results, withTargets));
  const targetsNotAnswering = useNotAnswering(pendingConnections(results, withTargets));
  // A connection that failed says so; one of its other reads still on its way does not also name it.
  const notAnswering = mergeConnections(live.notAnswering, targetsNotAnswering).filter(
    (c) => !failures.some((f) => f.connection.id === c.id),
  );
  return { body, failures, notAnswering };
}
