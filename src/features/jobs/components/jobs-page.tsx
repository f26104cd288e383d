import type { ReactNode } from 'react';
import { useCallback } from 'react';
import type { Connection, Job } from '../../../api/domain';
import { useConnectionLists } from '../../../components/connection-lists';
import { ListFrame } from '../../../components/list-frame';
import { useListView } from '../../../components/list-view';
import { mayDoAny } from '../../../components/page-access';
import { jobQueries } from '../queries';
import type { PermissionFor } from './job-actions';
import { JOB_COMMANDS, JobActions } from './job-actions';
import { JOBS_LIST } from './jobs-filter';
import { JobsTable } from './jobs-table';

/**
 * Veeam jobs of every signed-in Veeam connection: one list request per connection per tick, filtered
 * and sorted in memory from the URL's params by the list frame.
 */
export function JobsPage({
  connections,
  permissionFor,
  onExplore,
  children,
}: {
  connections: readonly Connection[];
  permissionFor: PermissionFor;
  onExplore?: (job: Job) => void;
  /** The explore dialog, rendered by the route that owns it. */
  children?: ReactNode;
}) {
  const lists = useConnectionLists(connections, jobQueries.list);
  const view = useListView(JOBS_LIST, lists.rows, connections);
  const actions = useCallback(
    (job: Job) => <JobActions job={job} permissionFor={permissionFor} onExplore={onExplore} />,
    [permissionFor, onExplore],
  );

  return (
    <ListFrame
      title="Jobs"
      description="Veeam Backup for Microsoft 365 jobs: schedule, last and next run."
      connections={connections}
      noConnection={{ title: 'No Veeam connection', body: 'Sign in to a Veeam connection to see its jobs.' }}
      lists={lists}
      empty={{ title: 'No jobs yet', body: 'This organization has no backup job.' }}
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
