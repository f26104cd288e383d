import type { ReactNode } from 'react';
import { useCallback, useMemo } from 'react';
import { withLiveRuns } from '../../../api/live-runs';
import type { BackupTarget, Connection } from '../../../api/domain';
import { useConnectionLists } from '../../../components/connection-lists';
import { ListFrame } from '../../../components/list-frame';
import { useListView } from '../../../components/list-view';
import { mayDoAny } from '../../../components/page-access';
import { mergeConnections } from '../../../components/query-answers';
import { mergeFailures, useLiveRuns } from '../../../components/use-live-runs';
import { jobQueries } from '../queries';
import type { PermissionFor } from './job-actions';
import { JOB_COMMANDS, JobActions } from './job-actions';
import { JOBS_LIST } from './jobs-filter';
import { JobsTable } from './jobs-table';

/** The feed laid over the jobs: their sessions (not the restore sessions, which no row shows). */
const JOB_FEEDS = ['job-sessions'] as const;

/**
 * The jobs of every signed-in connection whose targets are jobs (`capabilities.targets`, whatever the
 * dialect): one list request per connection per tick, filtered and sorted in memory from the URL's
 * params by the list frame. The job-session feed is laid over the
 * list, as the Configurations page lays its feeds: a job started by its schedule or another person
 * shows as soon as the feed tells it, not at the list's next (slow) tick.
 */
export function JobsPage({
  connections,
  permissionFor,
  onExplore,
  children,
}: {
  connections: readonly Connection[];
  permissionFor: PermissionFor;
  onExplore?: (job: BackupTarget) => void;
  /** The explore dialog, rendered by the route that owns it. */
  children?: ReactNode;
}) {
  const lists = useConnectionLists(connections, jobQueries.list);
  const live = useLiveRuns(connections, JOB_FEEDS);
  const merged = useMemo(() => withLiveRuns(lists.rows, live.runs), [lists.rows, live.runs]);
  const view = useListView(JOBS_LIST, merged, connections);
  const actions = useCallback(
    (job: BackupTarget) => <JobActions job={job} permissionFor={permissionFor} onExplore={onExplore} />,
    [permissionFor, onExplore],
  );

  return (
    <ListFrame
      title="Jobs"
      description="Backup jobs: schedule, last and next run."
      connections={connections}
      noConnection={{
        title: 'No connection with jobs',
        body: 'Sign in to a connection whose backups are jobs to see them.',
      }}
      lists={{
        pending: lists.pending,
        failures: mergeFailures(lists.failures, live.failures),
        stale: mergeFailures(lists.stale, live.stale),
        notAnswering: mergeConnections(lists.notAnswering, live.notAnswering),
      }}
      empty={{ title: 'No jobs yet', body: 'These connections have no backup job.' }}
      view={view}
      table={
        <JobsTable
          jobs={view.shown}
          sort={view.sort}
          onSortChange={view.onSort}
          actions={mayDoAny(connections, permissionFor, JOB_COMMANDS) ? actions : undefined}
        />
      }
    >
      {children}
    </ListFrame>
  );
}
