import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contractSuite } from '../contract.test-suite';
import {
  restoreContentContract,
  restoreContentExplorersContract,
} from '../restore-content-contract.test-suite';
import { isInFlight } from '../domain';
import type { BackupProvider } from '../provider';
import type { InProcess } from '../testing/in-process-service';
import { startInProcess } from '../testing/in-process-service';
import { logLevel, restoreSessionState, veeamState } from './map';

contractSuite('veeam');
restoreContentContract('veeam');
restoreContentExplorersContract('veeam');

describe('Veeam specifics', () => {
  let t: InProcess;
  let p: BackupProvider;
  beforeAll(async () => {
    t = await startInProcess();
    await t.runtime.signIn('veeam', { username: 'support', password: 'demo' });
    p = t.runtime.provider('veeam');
  });
  afterAll(() => t.close());

  test('jobs carry their organization name and a schedule in words', async () => {
    const [jobs, orgs] = await Promise.all([p.listTargets(), p.listOrganizations()]);
    const names = new Set(orgs.map((o) => o.name));
    expect(jobs.length).toBeGreaterThan(0);
    for (const j of jobs) {
      expect(names.has(j.organization?.name ?? '')).toBe(true);
      expect(j.schedule.description).not.toMatch(/undefined|NaN/);
    }
  });

  test('a running job session shows percent, rates and transferred bytes; its log items follow', async () => {
    const job = (await p.listTargets()).find(
      (j) => j.enabled && !(j.lastRun && isInFlight(j.lastRun.state)),
    )!;
    await p.startBackup(job.id);
    const running = await t.until(
      async () => (await p.listTargetRuns(job.id))[0]?.state === 'running',
      1_000,
    );
    expect(running).toBe(true);
    t.tick(2_000);
    const [session] = await p.listTargetRuns(job.id);
    expect(session).toMatchObject({ kind: 'job-session', parentId: job.id, parentName: job.name });
    expect(session!.progress.percent).toBeGreaterThan(0);
    expect(session!.progress.rateBps).toBeGreaterThan(0);
    expect(session!.progress.bytesDone).toBeGreaterThan(0);
    const items = await p.listLogItems(session!.id);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => ['info', 'success', 'warning', 'error'].includes(i.level))).toBe(true);
    const activity = await p.listActivity();
    expect(activity.find((r) => r.id === session!.id)?.state).toBe('running');
  });

  test('explore opens a restore session of the job; it can be stopped and has events', async () => {
    const job = (await p.listTargets())[0]!;
    const { sessionId } = await p.explore({
      jobId: job.id,
      pointInTime: new Date(t.clock.now()).toISOString(),
      type: 'vex',
      showDeleted: true,
      showAllVersions: false,
    });
    expect(sessionId).not.toBeNull();
    const session = await p.getRestoreSession(sessionId!);
    expect(session).toMatchObject({
      kind: 'restore-session',
      state: 'running',
      sessionType: 'Vex',
      initiatedBy: 'support',
    });
    expect((await p.listRestoreSessions()).some((s) => s.id === sessionId)).toBe(true);
    await p.stopRestoreSession(sessionId!);
    await t.until(async () => (await p.getRestoreSession(sessionId!)).state !== 'running', 1_000);
    expect(['stopped', 'warning', 'failed']).toContain((await p.getRestoreSession(sessionId!)).state);
    const events = await p.listRestoreSessionEvents(sessionId!);
    expect(events.length).toBeGreaterThan(0);
  });

  test('a point in time that is not a date is refused before any request', async () => {
    const before = t.requests.length;
    const job = (await p.listTargets())[0]!;
    const n = t.requests.length;
    await expect(
      p.explore({
        jobId: job.id,
        pointInTime: 'yesterday-ish',
        type: 'vex',
        showDeleted: false,
        showAllVersions: false,
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/not a date/) as unknown });
    expect(t.requests.length).toBe(n);
    expect(n).toBeGreaterThan(before);
  });

  test('vendor words map to the neutral states', () => {
    expect(
      ['Queued', 'Running', 'Success', 'Warning', 'Failed', 'Stopped', 'Disconnected', 'NotConfigured'].map(
        veeamState,
      ),
    ).toEqual(['queued', 'running', 'succeeded', 'warning', 'failed', 'stopped', 'failed', 'skipped']);
    expect(restoreSessionState('Working', null)).toBe('running');
    expect(restoreSessionState('Stopped', 'Success')).toBe('stopped');
    expect(restoreSessionState('Stopped', 'Failed')).toBe('failed');
    expect(logLevel('[Warning] Mailbox john@contoso.com: item size exceeds limit')).toBe('warning');
    expect(logLevel('[Success] Job started at 1/1/2026')).toBe('success');
    expect(logLevel('Processing mailbox')).toBe('info');
  });
});
