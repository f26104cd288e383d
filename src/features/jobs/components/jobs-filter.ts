import { RUN_STATES } from '../../../api/domain';
import type { Job, RunState } from '../../../api/domain';

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

/** A job with its search text lowered once, so that a keystroke costs one pass of `includes`. */
export interface IndexedJob {
  job: Job;
  text: string;
}

export function indexJobs(jobs: readonly Job[]): IndexedJob[] {
  return jobs.map((job) => ({
    job,
    text: `${job.name}\u0000${job.organizationName}\u0000${job.type}\u0000${job.description}`.toLowerCase(),
  }));
}

export function filterJobs(jobs: readonly IndexedJob[], f: Omit<JobFilters, 'sort'>): Job[] {
  const q = f.q.trim().toLowerCase();
  const out: Job[] = [];
  for (const { job, text } of jobs) {
    if (q && !text.includes(q)) continue;
    if (f.enabled !== 'all' && job.enabled !== (f.enabled === 'enabled')) continue;
    if (f.status !== 'all' && (job.lastStatus ?? 'none') !== f.status) continue;
    out.push(job);
  }
  return out;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function sortValue(job: Job, key: JobSortKey): string | number {
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
}

/** Sorts a copy; ties fall back to the name so that the order is stable between polls. */
export function sortJobs(jobs: readonly Job[], sort: JobSort): Job[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...jobs].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    const primary =
      typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return primary !== 0 ? primary * sign : collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  });
}
