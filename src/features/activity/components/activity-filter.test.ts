import { describe, expect, it } from 'vitest';
import type { Run } from '../../../api/domain';
import { applyActivityFilters, readActivityFilters, writeActivityFilters } from './activity-filter';

const now = Date.parse('2026-11-22T12:00:00Z');
const run = (over: Partial<Run>): Run => ({
  connectionId: 'rackspace-dfw',
  kind: 'backup',
  id: '1',
  parentId: '10',
  parentName: 'Daily',
  machineName: 'web-01',
  state: 'succeeded',
  vendorState: 'Completed',
  startedAt: '2026-11-22T11:00:00Z',
  endedAt: '2026-11-22T11:30:00Z',
  updatedAt: '2026-11-22T11:30:00Z',
  progress: {
    percent: null,
    filesSearched: null,
    filesDone: null,
    bytesSearched: null,
    bytesDone: null,
    rateBps: null,
    itemsPerSecond: null,
    etaSeconds: null,
  },
  errorCount: 0,
  reason: null,
  restorable: true,
  encrypted: false,
  initiatedBy: null,
  ...over,
});

describe('activity filters', () => {
  it('round-trips through the URL and leaves defaults out', () => {
    const params = writeActivityFilters(new URLSearchParams(), {
      kind: 'restore',
      range: '24h',
      state: 'failed',
    });
    expect(params.toString()).toBe('kind=restore&state=failed');
    expect(readActivityFilters(params)).toEqual({
      connection: 'all',
      kind: 'restore',
      state: 'failed',
      range: '24h',
    });
    expect(readActivityFilters(new URLSearchParams('kind=bogus&range=9y'))).toMatchObject({
      kind: 'all',
      range: '24h',
    });
  });

  it('filters by connection, kind, state and time; runs in flight are always recent; newest first', () => {
    const runs = [
      run({ id: 'old', updatedAt: '2026-11-01T00:00:00Z' }),
      run({ id: 'new' }),
      run({ id: 'veeam', connectionId: 'veeam', kind: 'job-session', updatedAt: '2026-11-22T11:50:00Z' }),
      run({ id: 'running-old', state: 'running', updatedAt: '2026-10-01T00:00:00Z' }),
      run({ id: 'failed', state: 'failed', updatedAt: '2026-11-22T11:40:00Z' }),
    ];
    const ids = (f: Parameters<typeof applyActivityFilters>[1]) =>
      applyActivityFilters(runs, f, now).map((r) => r.id);
    const base = readActivityFilters(new URLSearchParams());
    expect(ids(base)).toEqual(['veeam', 'failed', 'new', 'running-old']);
    expect(ids({ ...base, range: 'all' })).toContain('old');
    expect(ids({ ...base, connection: 'veeam' })).toEqual(['veeam']);
    expect(ids({ ...base, kind: 'backup', state: 'failed' })).toEqual(['failed']);
    expect(ids({ ...base, state: 'in-flight' })).toEqual(['running-old']);
  });

  it('a run just requested, with no time yet, is the newest', () => {
    const runs = [
      run({ id: 'ended' }),
      run({ id: 'requested', state: 'queued', startedAt: null, endedAt: null, updatedAt: null }),
    ];
    const all = { ...readActivityFilters(new URLSearchParams()), range: 'all' as const };
    expect(applyActivityFilters(runs, all, now).map((r) => r.id)).toEqual(['requested', 'ended']);
  });
});
