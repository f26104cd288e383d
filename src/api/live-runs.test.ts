import { describe, expect, test } from 'vitest';
import type { BackupTarget, Run } from './domain';
import { runPace, withLiveRuns } from './live-runs';
import { newestFirst, runOf } from './run-parts';

const config = (over: Partial<BackupTarget> = {}): BackupTarget => ({
  connectionId: 'rs',
  kind: 'configuration',
  id: 'c1',
  name: 'Web',
  description: '',
  type: null,
  machine: { agentId: 'a1', name: 'web01' },
  organization: null,
  enabled: true,
  encrypted: false,
  schedule: { description: 'Daily at 2:00 AM', zone: null, manual: false },
  retentionDays: 30,
  inclusions: [],
  exclusions: [],
  lastRun: { id: 'b1', state: 'succeeded', vendorState: 'Completed', at: '2026-11-30T02:00:00Z' },
  nextRunAt: '2026-12-01T02:00:00Z',
  currentRunId: null,
  region: 'DFW',
  ...over,
});

const backup = (over: Partial<Run> = {}): Run =>
  runOf({
    connectionId: 'rs',
    kind: 'backup',
    id: 'b2',
    parentId: 'c1',
    parentName: 'Web',
    state: 'running',
    vendorState: 'InProgress',
    startedAt: '2026-12-01T02:00:00Z',
    ...over,
  });

describe('withLiveRuns', () => {
  test("the feed's newer run becomes the last and current run", () => {
    const [c] = withLiveRuns([config()], [backup()]);
    expect(c?.currentRunId).toBe('b2');
    expect(c?.lastRun).toMatchObject({ id: 'b2', state: 'running', vendorState: 'InProgress' });
  });

  test('a run just requested (no time yet) is newer than any ended one', () => {
    const queued = backup({ id: 'b3', state: 'queued', vendorState: 'start_requested', startedAt: null });
    const ended = backup({ id: 'b2', state: 'succeeded', endedAt: '2026-12-01T03:00:00Z' });
    const [c] = withLiveRuns([config()], newestFirst([ended, queued]));
    expect(c?.currentRunId).toBe('b3');
  });

  test('for the same run the feed is fresher; a newer run the list names wins over an older feed run', () => {
    const listed = config({
      lastRun: { id: 'b2', state: 'running', vendorState: 'InProgress', at: null },
      currentRunId: 'b2',
    });
    const [ended] = withLiveRuns([listed], [backup({ state: 'failed', vendorState: 'Failed' })]);
    expect(ended).toMatchObject({ currentRunId: null, lastRun: { id: 'b2', state: 'failed' } });
    const newer = config({
      lastRun: { id: 'b9', state: 'queued', vendorState: 'Queued', at: '2026-12-01T05:00:00Z' },
    });
    expect(withLiveRuns([newer], [backup()])[0]).toBe(newer);
  });

  test('unchanged configurations keep their identity; other connections and kinds are ignored', () => {
    const same = config({
      lastRun: { id: 'b2', state: 'running', vendorState: 'InProgress', at: '2026-12-01T02:00:00Z' },
      currentRunId: 'b2',
    });
    const other = config({ id: 'c2' });
    const list = [same, other];
    const out = withLiveRuns(list, [
      backup(),
      backup({ connectionId: 'rs-2', parentId: 'c2' }),
      backup({ kind: 'restore', parentId: 'c2' }),
    ]);
    expect(out[0]).toBe(same);
    expect(out[1]).toBe(other);
    // Nothing changed: the list itself, so that nothing downstream sorts, filters or renders again.
    expect(out).toBe(list);
    expect(withLiveRuns(list, [])).toBe(list);
    // One changed: a new list, the others kept.
    const moved = withLiveRuns(list, [backup({ state: 'succeeded', vendorState: 'Completed' })]);
    expect(moved).not.toBe(list);
    expect(moved[0]).toMatchObject({ currentRunId: null, lastRun: { id: 'b2', state: 'succeeded' } });
    expect(moved[1]).toBe(other);
  });

  test('a feed answer that changes no run gives back the last result, object for object', () => {
    // The list (polled slowly) names an older run of c1; the feed has a newer one, at every answer.
    const list = [config(), config({ id: 'c2' }), config({ id: 'c3' })];
    const first = withLiveRuns(list, [backup(), backup({ id: 'b7', parentId: 'c3' })]);
    expect(first[0]).toMatchObject({ currentRunId: 'b2' });
    // The next answer: equal runs, new objects (as every answer brings).
    const again = withLiveRuns(list, [backup({ id: 'b7', parentId: 'c3' }), backup()]);
    expect(again).toBe(first);
    // One run moves on: a new list in which only that target is new.
    const moved = withLiveRuns(list, [backup({ state: 'succeeded' }), backup({ id: 'b7', parentId: 'c3' })]);
    expect(moved).not.toBe(first);
    expect(moved[0]).toMatchObject({ currentRunId: null, lastRun: { id: 'b2', state: 'succeeded' } });
    expect(moved[1]).toBe(list[1]);
    expect(moved[2]).toBe(first[2]);
    // A run that ends as the list says gives back the list's own target there.
    const done = withLiveRuns(list, [
      backup({ id: 'b1', state: 'succeeded', vendorState: 'Completed', startedAt: '2026-11-30T02:00:00Z' }),
    ]);
    expect(done[0]).toBe(list[0]);
  });
});

describe('withLiveRuns over jobs (a last run known by its status and time only)', () => {
  const job: BackupTarget = {
    connectionId: 'veeam',
    kind: 'job',
    id: 'j1',
    name: 'Mail',
    description: '',
    type: 'EntireOrganization',
    machine: null,
    organization: { id: null, name: 'Contoso' },
    encrypted: null,
    region: null,
    enabled: true,
    schedule: { description: 'Daily', zone: null, manual: false },
    lastRun: { id: null, state: 'succeeded', vendorState: 'Success', at: '2026-11-30T02:00:00Z' },
    nextRunAt: null,
    currentRunId: null,
  };
  const session = backup({
    connectionId: 'veeam',
    kind: 'job-session',
    parentId: 'j1',
    vendorState: 'Running',
  });

  test('a newer session gives the job its status; an older one does not', () => {
    expect(withLiveRuns([job], [session])[0]).toMatchObject({
      lastRun: { state: 'running', vendorState: 'Running', at: session.startedAt },
      currentRunId: session.id,
    });
    const older = { ...session, startedAt: '2026-11-29T02:00:00Z' };
    expect(withLiveRuns([job], [older])[0]).toBe(job);
  });

  test('a job whose listed status is the newest session’s, ended, keeps its identity', () => {
    const ended = { ...session, state: 'succeeded' as const, vendorState: 'Success' };
    expect(withLiveRuns([job], [ended])[0]).toBe(job);
    const failed = { ...ended, state: 'failed' as const, vendorState: 'Failed' };
    expect(withLiveRuns([job], [failed])[0]).toMatchObject({ lastRun: { state: 'failed' } });
  });
});

describe('runPace', () => {
  test('in flight is fast, an open restore session is open, ended runs idle', () => {
    expect(runPace(backup())).toBe('fast');
    expect(runPace(backup({ state: 'stopping' }))).toBe('fast');
    expect(runPace(backup({ kind: 'restore-session', state: 'running', vendorState: 'Working' }))).toBe(
      'open',
    );
    expect(runPace(backup({ kind: 'restore-session', state: 'stopping', vendorState: 'Stopping' }))).toBe(
      'fast',
    );
    expect(runPace(backup({ state: 'succeeded' }))).toBe('idle');
  });
});
