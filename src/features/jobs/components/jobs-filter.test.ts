import { describe, expect, it } from 'vitest';
import type { BackupTarget } from '../../../api/domain';
import type { ListSort } from '../../../components/list-view';
import { filtersOf, readListParams, rowFilter, writeListParams } from '../../../components/list-view';
import type { Indexed } from '../../../lib/list-index';
import { filterIndexed } from '../../../lib/list-index';
import { jobLastRun, makeJob } from './job-fixtures';
import type { JobSortKey } from './jobs-filter';
import { JOBS_LIST } from './jobs-filter';

// The Jobs list's view through the list frame's reader and writer (issue 12 item 5).
const FILTERS = filtersOf(JOBS_LIST, [{ id: 'veeam', label: 'Veeam' }]);
type JobSort = ListSort<JobSortKey>;
interface JobFilters {
  q: string;
  status: string;
  enabled: string;
  sort: JobSort;
}
const readJobFilters = (params: URLSearchParams): JobFilters => {
  const { q, values, sort } = readListParams(JOBS_LIST, FILTERS, params);
  return { q, status: values.status ?? '', enabled: values.enabled ?? '', sort };
};
const writeJobFilters = (params: URLSearchParams, { q, sort, ...values }: Partial<JobFilters>) =>
  writeListParams(JOBS_LIST, FILTERS, params, { q, sort, values });
const sortJobs = (rows: readonly BackupTarget[], sort: JobSort) =>
  JOBS_LIST.index.sort(rows, sort.key, sort.dir);
const filterJobs = (
  sorted: readonly Indexed<BackupTarget>[],
  { q, status, enabled }: Omit<JobFilters, 'sort'>,
) => filterIndexed(sorted, q, rowFilter(FILTERS, ['all', status, enabled]) ?? undefined);

const jobs = [
  makeJob({
    id: 'a',
    name: 'Mailboxes',
    organization: { id: 'org-1', name: 'Contoso' },
    lastRun: jobLastRun('failed', 'Failed'),
    enabled: true,
  }),
  makeJob({
    id: 'b',
    name: 'Sites',
    organization: { id: 'org-2', name: 'Fabrikam' },
    lastRun: jobLastRun('succeeded'),
    enabled: false,
  }),
  makeJob({
    id: 'c',
    name: 'OneDrive',
    organization: { id: 'org-1', name: 'Contoso' },
    lastRun: null,
    nextRunAt: null,
  }),
];

describe('job filters in the URL', () => {
  it('reads defaults from empty params and ignores nonsense', () => {
    expect(readJobFilters(new URLSearchParams('status=bogus&enabled=x&sort=hack:up'))).toEqual({
      q: '',
      status: 'all',
      enabled: 'all',
      sort: { key: 'name', dir: 'asc' },
    });
  });

  it('round-trips a change and leaves defaults out', () => {
    const params = writeJobFilters(new URLSearchParams('tab=1'), {
      q: 'con',
      status: 'failed',
      sort: { key: 'nextRun', dir: 'desc' },
    });
    expect(params.toString()).toBe('tab=1&q=con&status=failed&sort=nextRun%3Adesc');
    expect(readJobFilters(params)).toMatchObject({
      q: 'con',
      status: 'failed',
      sort: { key: 'nextRun', dir: 'desc' },
    });
    expect(writeJobFilters(params, { q: '', status: 'all' }).toString()).toBe('tab=1&sort=nextRun%3Adesc');
  });
});

describe('filtering and sorting jobs', () => {
  const indexed = sortJobs(jobs, { key: 'name', dir: 'asc' });

  it('matches the name or organization, case-insensitively', () => {
    const ids = (q: string) => filterJobs(indexed, { q, status: 'all', enabled: 'all' }).map((j) => j.id);
    expect(ids('CONTOSO')).toEqual(['a', 'c']);
    expect(ids('  sites ')).toEqual(['b']);
    expect(ids('sit')).toEqual(['b']);
    expect(ids('nothing like it')).toEqual([]);
  });

  it('filters by last status (including never run) and by enabled', () => {
    expect(filterJobs(indexed, { q: '', status: 'none', enabled: 'all' }).map((j) => j.id)).toEqual(['c']);
    expect(filterJobs(indexed, { q: '', status: 'all', enabled: 'disabled' }).map((j) => j.id)).toEqual([
      'b',
    ]);
  });

  it('sorts by name both ways and puts jobs without a next run last', () => {
    const ids = (sort: Parameters<typeof sortJobs>[1]) => sortJobs(jobs, sort).map((e) => e.row.id);
    expect(ids({ key: 'name', dir: 'asc' })).toEqual(['a', 'c', 'b']);
    expect(ids({ key: 'name', dir: 'desc' })).toEqual(['b', 'c', 'a']);
    expect(ids({ key: 'nextRun', dir: 'asc' }).at(-1)).toBe('c');
  });

  it('sorts numbers in names as numbers, ignores case and accents, and breaks ties by name', () => {
    const named = ['Job 10', 'job 9', 'Émile', 'emile', 'Job 100'].map((name, i) =>
      makeJob({ id: String(i), name, organization: { id: 'org-1', name: 'Same' } }),
    );
    expect(sortJobs(named, { key: 'name', dir: 'asc' }).map((e) => e.row.name)).toEqual([
      'Émile',
      'emile',
      'job 9',
      'Job 10',
      'Job 100',
    ]);
    const byOrg = sortJobs(named, { key: 'organization', dir: 'desc' }).map((e) => e.row.name);
    expect(byOrg).toEqual(['Émile', 'emile', 'job 9', 'Job 10', 'Job 100']);
  });

  it('a changed job is re-read, an unchanged one is not', () => {
    const before = sortJobs(jobs, { key: 'status', dir: 'asc' });
    const changed = jobs.map((j) =>
      j.id === 'b' ? { ...j, lastRun: jobLastRun('failed', 'Failed'), name: 'Zed' } : j,
    );
    const after = sortJobs(changed, { key: 'status', dir: 'asc' });
    expect(after.find((e) => e.row.id === 'b')?.text).toContain('zed');
    expect(after.find((e) => e.row.id === 'a')).toBe(before.find((e) => e.row.id === 'a'));
    expect(after.map((e) => e.row.id)).toEqual(['c', 'a', 'b']);
  });
});
