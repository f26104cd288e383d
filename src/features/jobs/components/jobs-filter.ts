import { RUN_STATES } from '../../../api/domain';
import type { Job, RunState } from '../../../api/domain';
import type { Indexed } from '../../../lib/list-index';
import { createListIndex, filterIndexed } from '../../../lib/list-index';

/** What the Jobs list shows, kept in the URL's search params so that a view can be shared by link. */
export interface JobFilters {
  q: string;
  status: RunState | 'none' | 'all';
  enabled: 'all' | 'enabled' | 'disabled';
  sort: JobSort;
}

export type JobSortKey = 'name' | 'organization' | 'status' | 'lastRun' | 'nextRun';
export interface JobSort {
  key: JobSortKey;
  dir: 'asc' | 'desc';
}

const SORT_KEYS: readonly JobSortKey[] = ['name', 'organization', 'status', 'lastRun', 'nextRun'];
const STATUSES: readonly string[] = [...RUN_STATES, 'none'];
const DEFAULT_SORT: JobSort = { key: 'name', dir: 'asc' };

export function readJobFilters(params: URLSearchParams): JobFilters {
  const status = params.get('status') ?? 'all';
  const enabled = params.get('enabled');
  const [key, dir] = (params.get('sort') ?? '').split(':');
  return {
    q: params.get('q') ?? '',
    status: STATUSES.includes(status) ? (status as JobFilters['status']) : 'all',
    enabled: enabled === 'enabled' || enabled === 'disabled' ? enabled : 'all',
    sort: SORT_KEYS.includes(key as JobSortKey)
      ? { key: key as JobSortKey, dir: dir === 'desc' ? 'desc' : 'asc' }
      : DEFAULT_SORT,
  };
}

/** Writes one change into the params, leaving defaults out so that links stay short. */
export function writeJobFilters(params: URLSearchParams, change: Partial<JobFilters>): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string, fallback: string) =>
    value === fallback ? next.delete(name) : next.set(name, value);
  if (change.q !== undefined) set('q', change.q, '');
  if (change.status !== undefined) set('status', change.status, 'all');
  if (change.enabled !== undefined) set('enabled', change.enabled, 'all');
  if (change.sort !== undefined) set('sort', `${change.sort.key}:${change.sort.dir}`, 'name:asc');
  return next;
}

const jobIndex = createListIndex<Job, JobSortKey>({
  text: (job) => `${job.name}\u0000${job.organizationName}\u0000${job.type}\u0000${job.description}`,
  sortValue: (job, key) => {
    switch (key) {
      case 'name':
        return job.name;
      case 'organization':
        return job.organizationName;
      case 'status':
        return job.lastStatus ?? '';
      case 'lastRun':
        return job.lastRunAt ? Date.parse(job.lastRunAt) : 0;
      case 'nextRun':
        // Jobs with no next run go last when ascending: "what runs next" first.
        return job.nextRunAt ? Date.parse(job.nextRunAt) : Number.MAX_SAFE_INTEGER;
    }
  },
  // Ties fall back to the name, then the id, so that the order is stable between polls.
  tieBreak: (job) => `${job.name}\u0000${job.id}`,
});

/** The jobs in the order of `sort`: done when the list or the sort changes, not on a keystroke. */
export function sortJobs(jobs: readonly Job[], sort: JobSort): Indexed<Job>[] {
  return jobIndex.sort(jobs, sort.key, sort.dir);
}

/** One pass over the sorted jobs: search text, enabled and last status. */
export function filterJobs(sorted: readonly Indexed<Job>[], f: Omit<JobFilters, 'sort'>): Job[] {
  return filterIndexed(
    sorted,
    f.q,
    (job) =>
      (f.enabled === 'all' || job.enabled === (f.enabled === 'enabled')) &&
      (f.status === 'all' || (job.lastStatus ?? 'none') === f.status),
  );
}
