import type { UseQueryResult } from '@tanstack/react-query';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Connection, Job } from '../../../api/domain';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useSearchText } from '../../../components/use-search-text';
import { useStableCallback } from '../../../components/use-stable-callback';
import { jobQueries } from '../queries';
import type { PermissionFor } from './job-actions';
import { JobActions } from './job-actions';
import type { JobFilters } from './jobs-filter';
import { filterJobs, readJobFilters, sortJobs, writeJobFilters } from './jobs-filter';
import { JobsTable } from './jobs-table';
import { JobsToolbar } from './jobs-toolbar';

/** Module-level so that TanStack Query re-runs it only when a result changes (10,000 rows). */
function combineLists(results: UseQueryResult<Job[]>[]) {
  return {
    jobs: results.flatMap((r) => r.data ?? []),
    pending: results.some((r) => r.isPending),
    errors: results.map((r) => r.error),
    refetches: results.map((r) => r.refetch),
  };
}

/**
 * Veeam jobs of every signed-in Veeam connection: one list request per connection per tick, filtered
 * and sorted in memory from the URL's params. A keystroke filters rows already in order and renders the
 * rows in view in the same render as the box (see the Configurations page for why not deferred).
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
  const [params, setParams] = useSearchParams();
  const filters = readJobFilters(params);
  const lists = useQueries({
    queries: connections.map((c) => jobQueries.list(c.id)),
    combine: combineLists,
  });
  const failures = lists.errors
    .map((error, i) => ({ error, refetch: lists.refetches[i], connection: connections[i] }))
    .filter((f) => f.error !== null);

  // Sorted when the list or the sort changes; a keystroke only filters what is already in order.
  const { key, dir } = filters.sort;
  const sorted = useMemo(() => sortJobs(lists.jobs, { key, dir }), [lists.jobs, key, dir]);
  const [search, setSearch] = useSearchText(filters.q, (q) =>
    setParams((p) => writeJobFilters(p, { q }), { replace: true }),
  );
  const { status, enabled } = filters;
  const shown = useMemo(
    () => filterJobs(sorted, { q: search, status, enabled }),
    [sorted, search, status, enabled],
  );
  const sort = useMemo(() => ({ key, dir }), [key, dir]);
  const change = (c: Partial<JobFilters>) => setParams((p) => writeJobFilters(p, c), { replace: true });
  // Stable props: the memoised table does not re-render while only the search box changes.
  const onSortChange = useStableCallback((s: JobFilters['sort']) => change({ sort: s }));
  const actions = useCallback(
    (job: Job) => <JobActions job={job} permissionFor={permissionFor} onExplore={onExplore} />,
    [permissionFor, onExplore],
  );

  return (
    <>
      <PageHeader
        title="Jobs"
        description="Veeam Backup for Microsoft 365 jobs: schedule, last and next run."
      />
      {children}
      {connections.length === 0 ? (
        <EmptyState title="No Veeam connection">Sign in to a Veeam connection to see its jobs.</EmptyState>
      ) : (
        <>
          {failures.map((f) => (
            <ErrorState
              key={f.connection?.id}
              error={f.error}
              onRetry={() => void f.refetch?.()}
              title={`Could not load the jobs of ${f.connection?.label ?? 'a connection'}`}
              what="Jobs"
            />
          ))}
          {lists.pending && lists.jobs.length === 0 ? (
            <LoadingState label="Loading jobs" />
          ) : lists.jobs.length === 0 ? (
            failures.length === 0 && (
              <EmptyState title="No jobs yet">This organization has no backup job.</EmptyState>
            )
          ) : (
            <>
              <JobsToolbar
                filters={filters}
                search={search}
                onSearch={setSearch}
                onChange={change}
                shown={shown.length}
                total={lists.jobs.length}
              />
              {shown.length === 0 ? (
                <EmptyState title="No job matches">Change the search or the filters.</EmptyState>
              ) : (
                <JobsTable jobs={shown} sort={sort} onSortChange={onSortChange} actions={actions} />
              )}
            </>
          )}
        </>
      )}
    </>
  );
}
