import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { dialectOf } from '../../api/dialects';
import type { Run } from '../../api/domain';
import { runFeedQueries } from '../../api/run-feeds';
import { usePageAccess } from '../../components/page-access';
import type { StartedRun } from '../../components/started-runs';
import { followStartedRuns } from '../../components/started-runs';
import { runStateLabel } from '../../components/status-badge';
import { formatBytes, formatCount, formatDateTime } from '../../lib/format';

const COLOR: Partial<Record<Run['state'], string>> = { succeeded: 'green', warning: 'yellow', failed: 'red' };

/** "Succeeded at 10:32 · 1.2 GB · 340 files": what the person wants to know of a run they started. */
export function runOutcome(run: Run): string {
  const count = run.kind === 'job-session' ? 'objects' : 'files';
  return [
    `${runStateLabel(run.state)}${run.endedAt ? ` at ${formatDateTime(run.endedAt)}` : ''}`,
    run.progress.bytesDone != null ? formatBytes(run.progress.bytesDone) : null,
    run.progress.filesDone != null ? `${formatCount(run.progress.filesDone)} ${count}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Said once per run that ended; loaded when needed, as the notifications host is. */
function tell(ended: readonly { run: Run }[]) {
  void import('@mantine/notifications').then(({ notifications }) => {
    for (const { run } of ended)
      notifications.show({
        color: COLOR[run.state] ?? 'gray',
        title: `The backup of ${run.parentName} has ended`,
        message: runOutcome(run),
        autoClose: 10_000,
      });
  });
}

/**
 * Tells the person when a backup or job run they started in this tab has ended, with its outcome,
 * whatever page they are on: the starts come from this tab's mutation cache, the ends from the
 * connections' run feeds, which this keeps observed (so polled, fast while the run moves) until then.
 */
export function RunEndNotices() {
  const queryClient = useQueryClient();
  const [watching, setWatching] = useState<readonly string[]>([]);
  useEffect(() => {
    let following: StartedRun[] = [];
    const follow = (next: StartedRun[]) => {
      following = next;
      setWatching([...new Set(next.map((s) => s.connectionId))]);
    };
    const feeds = () =>
      queryClient.getQueriesData<Run[]>({ queryKey: runFeedQueries.all() }).flatMap(([, runs]) => runs ?? []);
    const stopStarts = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      if (event.mutation.options.mutationKey?.[1] !== 'start-backup') return;
      const v = event.mutation.state.variables as { connectionId: string; targetId: string };
      const data = event.action.data as { runId: string | null } | undefined;
      follow([
        ...following,
        { connectionId: v.connectionId, targetId: v.targetId, runId: data?.runId ?? null },
      ]);
    });
    const stopFeeds = queryClient.getQueryCache().subscribe((event) => {
      if (following.length === 0 || event.type !== 'updated' || event.action.type !== 'success') return;
      if ((event.query.queryKey as readonly unknown[])[0] !== 'runs') return; // runFeedQueries.all()
      const { ended, following: next } = followStartedRuns(following, feeds());
      if (ended.length > 0) tell(ended);
      if (ended.length > 0 || next.some((s, i) => s !== following[i])) follow(next);
    });
    return () => {
      stopStarts();
      stopFeeds();
    };
  }, [queryClient]);
  const connections = usePageAccess().connections.filter((c) => watching.includes(c.id));
  useQueries({
    queries: connections.flatMap((c) =>
      dialectOf(c).capabilities.runFeeds.map((feed) => runFeedQueries.feed(c.id, feed)),
    ),
  });
  return null;
}
