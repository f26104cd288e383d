import { describe, expect, it } from 'vitest';
import { makeJob } from './job-fixtures';
import { filterJobs, indexJobs, readJobFilters, sortJobs, writeJobFilters } from './jobs-filter';

const jobs = [
  makeJob({ id: 'a', name: 'Mailboxes', organizationName: 'Contoso', lastStatus: 'failed', enabled: true }),
  makeJob({ id: 'b', name: 'Sites', organizationName: 'Fabrikam', lastStatus: 'succeeded', enabled: false }),
  makeJob({ id: 'c', name: 'OneDrive', organizationName: 'Contoso', lastStatus: null, nextRunAt: null }),
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
  const indexed = indexJobs(jobs);

  it('matches the name or organization, case-insensitively', () => {
    const ids = (q: string) => filterJobs(indexed, { q, status: 'all', enabled: 'all' }).map((j) => j.id);
    expect(ids('CONTOSO')).toEqual(['a', 'c']);
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
    expect(sortJobs(jobs, { key: 'name', dir: 'asc' }).map((j) => j.id)).toEqual(['a', 'c', 'b']);
    expect(sortJobs(jobs, { key: 'name', dir: 'desc' }).map((j) => j.id)).toEqual(['b', 'c', 'a']);
    expect(
      sortJobs(jobs, { key: 'nextRun', dir: 'asc' })
        .map((j) => j.id)
        .at(-1),
    ).toBe('c');
  });

  it('filters 10,000 jobs well within a keystroke budget', () => {
    const many = indexJobs(
      Array.from({ length: 10_000 }, (_, i) =>
        makeJob({ id: String(i), name: `Job ${i}`, organizationName: `Org ${i % 50}` }),
      ),
    );
    const t0 = performance.now();
    const hits = filterJobs(many, { q: 'org 7', status: 'all', enabled: 'all' });
    expect(performance.now() - t0).toBeLessThan(50);
    expect(hits).toHaveLength(200);
  });
});
