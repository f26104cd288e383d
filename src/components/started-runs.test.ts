import { describe, expect, test } from 'vitest';
import type { Run, RunState } from '../api/domain';
import { runOf } from '../api/run-parts';
import { followStartedRuns } from './started-runs';

const run = (id: string, parentId: string, state: RunState): Run =>
  runOf({
    connectionId: 'veeam',
    kind: 'job-session',
    id,
    parentId,
    parentName: 'Daily',
    state,
    vendorState: state,
  });

describe('the runs a person started in this tab (issue 10 §11)', () => {
  test('a start with a run id is told when that run ends, not before', () => {
    const started = [{ connectionId: 'veeam', targetId: 'job', runId: 'r2' }];
    expect(followStartedRuns(started, [run('r2', 'job', 'running')]).ended).toEqual([]);
    const { ended, following } = followStartedRuns(started, [
      run('r2', 'job', 'failed'),
      run('r1', 'job', 'succeeded'),
    ]);
    expect(ended.map((e) => e.run.id)).toEqual(['r2']);
    expect(following).toEqual([]);
  });

  test('a start without a run id follows the first run of its job seen in flight, ignoring older ended ones', () => {
    const started = [{ connectionId: 'veeam', targetId: 'job', runId: null }];
    const before = followStartedRuns(started, [run('old', 'job', 'succeeded')]);
    expect(before.ended).toEqual([]);
    const seen = followStartedRuns(before.following, [
      run('new', 'job', 'running'),
      run('old', 'job', 'succeeded'),
    ]);
    expect(seen.following).toEqual([{ connectionId: 'veeam', targetId: 'job', runId: 'new' }]);
    const done = followStartedRuns(seen.following, [
      run('new', 'job', 'warning'),
      run('old', 'job', 'succeeded'),
    ]);
    expect(done.ended.map((e) => e.run.id)).toEqual(['new']);
  });

  test('another connection with the same ids is not mistaken for it', () => {
    const started = [{ connectionId: 'rackspace-ord', targetId: 'job', runId: 'r2' }];
    expect(followStartedRuns(started, [run('r2', 'job', 'failed')]).ended).toEqual([]);
  });
});
