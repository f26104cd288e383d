import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contractSuite } from '../contract.test-suite';
import { isInFlight } from '../domain';
import { restoreContract } from '../restore-contract.test-suite';
import type { InProcess } from '../testing/in-process-service';
import { startInProcess } from '../testing/in-process-service';
import { v1State } from './map';
import { BACKUP_STATES } from './wire';

contractSuite('rackspace-dfw');
restoreContract('rackspace-dfw');

describe('Rackspace v1.0 specifics', () => {
  let t: InProcess;
  beforeAll(async () => {
    t = await startInProcess();
    await t.runtime.signIn('rackspace-dfw', { username: 'support', password: 'demo' });
  });
  afterAll(() => t.close());

  test('wake agents, then a manual start answers the new BackupId (bare number)', async () => {
    const p = t.runtime.provider('rackspace-dfw');
    await p.wakeAgents();
    expect(t.requests.at(-1)).toMatchObject({
      method: 'POST',
      url: expect.stringMatching(/\/dfw\/v1\.0\/110011\/user\/wakeupagents$/) as unknown,
    });
    const c = (await p.listTargets()).find((x) => x.enabled && x.currentRunId === null)!;
    const { runId } = await p.startBackup(c.id);
    expect(runId).toMatch(/^\d+$/);
    expect((await p.getTarget(c.id)).currentRunId).toBe(runId);
    await t.until(async () => !isInFlight((await p.getBackup(runId!)).state));
    const report = await p.getBackup(runId!);
    // The report's human sizes ("3.7 GB") come back as bytes, its "hh:mm:ss" as seconds.
    if (report.state === 'succeeded') expect(report.progress.bytesDone).toBeGreaterThan(0);
    expect(report.durationSeconds).toBeGreaterThan(0);
    expect(report.restorable).not.toBeNull();
  });

  test('a running backup keeps its start and shows live counters from its report, read once by the feed', async () => {
    const p = t.runtime.provider('rackspace-dfw');
    const c = (await p.listTargets()).find((x) => x.enabled && x.currentRunId === null)!;
    const { runId } = await p.startBackup(c.id);
    await t.until(async () => (await p.getBackup(runId!)).vendorState === 'InProgress', 2_000);
    const inFeed = async () => (await p.listRuns('activity')).find((r) => r.id === runId)!;
    const inHistory = async () => (await p.listTargetRuns(c.id)).find((r) => r.id === runId)!;
    const first = await p.getBackup(runId!);
    expect(first.startedAt).not.toBeNull();
    expect(Date.parse(first.startedAt!)).toBeLessThan(t.clock.now());
    expect((await inFeed()).startedAt).toBe(first.startedAt);
    t.tick(2_000); // two simulated minutes: a backup transfers for ten at least
    const reportsBefore = t.requests.filter((r) => r.url.includes('/backup/report/')).length;
    const [later, fed, listed] = [await p.getBackup(runId!), await inFeed(), await inHistory()];
    expect(later.vendorState).toBe('InProgress');
    // The start stays put while the state updates move TimeOfActivity on.
    expect(later.startedAt).toBe(first.startedAt);
    expect(fed.startedAt).toBe(first.startedAt);
    expect(fed.updatedAt).not.toBe(first.startedAt);
    expect(listed.startedAt).toBe(first.startedAt);
    expect(later.progress.bytesDone).toBeGreaterThan(0);
    expect(later.progress.filesDone).toBeGreaterThan(0);
    expect(later.progress.rateBps).toBeGreaterThan(0);
    expect(listed.progress.bytesDone).toBeGreaterThan(0);
    // The feed knew the start already: one report read for getBackup, one for the history, none for it.
    expect(t.requests.filter((r) => r.url.includes('/backup/report/')).length - reportsBefore).toBe(2);
  });

  test('every documented state has its neutral word', () => {
    expect(BACKUP_STATES.map(v1State)).toEqual([
      'queued',
      'running',
      'skipped',
      'missed',
      'stopped',
      'succeeded',
      'failed',
      'running',
      'queued',
      'queued',
      'stopping',
      'warning',
    ]);
    expect(v1State('Creating')).toBe('stopped');
  });
});

describe('Rackspace v1.0 requests per tick', () => {
  test('the configuration list and the activity feed are one request each, the list without the activity', async () => {
    const t = await startInProcess();
    try {
      await t.runtime.signIn('rackspace-dfw', { username: 'viewer', password: 'demo' });
      const p = t.runtime.provider('rackspace-dfw');
      const path = () => t.requests.slice(before).map((r) => r.url.replace(/^.*110011/, ''));
      let before = t.requests.length;
      const configurations = await p.listTargets();
      expect(configurations.length).toBeGreaterThan(0);
      expect(path()).toEqual(['/backup-configuration']);
      before = t.requests.length;
      await p.listRuns('activity');
      expect(path()).toEqual(['/activity']);
    } finally {
      t.close();
    }
  });

  test("the list alone tells a configuration's run from BackupState: its id while it runs, its result after", async () => {
    const t = await startInProcess();
    try {
      await t.runtime.signIn('rackspace-dfw', { username: 'admin', password: 'demo' });
      const p = t.runtime.provider('rackspace-dfw');
      const target = (await p.listTargets()).find((c) => c.enabled && c.currentRunId === null)!;
      const { runId } = await p.startBackup(target.id);
      const running = (await p.listTargets()).find((c) => c.id === target.id)!;
      expect(running.currentRunId).toBe(runId);
      expect(running.lastRun).toMatchObject({ id: runId, state: 'queued' });
      await t.until(async () => (await p.getTarget(target.id)).currentRunId === null, 5_000);
      const ended = await p.getTarget(target.id);
      expect(ended.lastRun?.id).toBe(runId);
      expect(['succeeded', 'warning', 'failed']).toContain(ended.lastRun?.state);
    } finally {
      t.close();
    }
  });
});

describe('Rackspace v1.0 draft restores', () => {
  test('a restore created without a start is a draft until it starts; a refused start keeps the same draft', async () => {
    const t = await startInProcess();
    try {
      await t.runtime.signIn('rackspace-dfw', { username: 'support', password: 'demo' });
      const p = t.runtime.provider('rackspace-dfw');
      const point = (await p.listRestorePoints(null)).find((r) => r.encrypted)!;
      const restoresBefore = (await p.listRestores()).length;
      const draft = await p.createRestore(
        {
          backupId: point.backupId,
          sourceAgentId: point.agentId,
          destinationAgentId: point.agentId,
          destinationPath: null,
          overwrite: false,
        },
        { start: false },
      );
      expect(draft).toMatchObject({ draft: true, vendorState: 'Creating', encrypted: true });
      expect((await p.listRestores()).find((r) => r.id === draft.id)?.draft).toBe(true);
      // A draft has not run: it is on the Restores page, not among the runs of the activity feed.
      expect((await p.listRuns('activity')).some((r) => r.kind === 'restore' && r.id === draft.id)).toBe(
        false,
      );

      const refused = await p.startRestore(draft.id, 'wrong password').then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ status: 400, message: expect.stringMatching(/password/i) as unknown });
      expect((await p.getRestore(draft.id)).draft).toBe(true);

      await p.startRestore(draft.id, 'demo-vault');
      const started = await p.getRestore(draft.id);
      expect(started.draft).toBe(false);
      expect(isInFlight(started.state)).toBe(true);
      const after = await p.listRestores();
      expect(after).toHaveLength(restoresBefore + 1);
      expect(after.find((r) => r.id === draft.id)?.draft).toBe(false);
      expect((await p.listRuns('activity')).some((r) => r.kind === 'restore' && r.id === draft.id)).toBe(
        true,
      );
    } finally {
      t.close();
    }
  });
});

describe('Rackspace v1.0 restores listed from the activity', () => {
  test('each says where it goes, and a draft has neither started nor ended', async () => {
    const t = await startInProcess();
    try {
      await t.runtime.signIn('rackspace-dfw', { username: 'support', password: 'demo' });
      const p = t.runtime.provider('rackspace-dfw');
      const point = (await p.listRestorePoints(null)).find((r) => !r.encrypted)!;
      const input = {
        backupId: point.backupId,
        sourceAgentId: point.agentId,
        destinationAgentId: point.agentId,
        overwrite: false,
      };
      const toPath = await p.createRestore({ ...input, destinationPath: '/srv/x' }, { start: true });
      const toOrigin = await p.createRestore({ ...input, destinationPath: null }, { start: true });
      const draft = await p.createRestore({ ...input, destinationPath: '/srv/d' }, { start: false });
      t.tick(60_000);
      const listed = new Map((await p.listRestores()).map((r) => [r.id, r]));
      expect(listed.get(toPath.id)?.destinationPath).toBe('/srv/x');
      expect(listed.get(toOrigin.id)?.destinationPath).toBeNull();
      expect(listed.get(draft.id)).toMatchObject({ draft: true, startedAt: null, endedAt: null });
      // Read once: the next list asks the activity only.
      const before = t.requests.length;
      await p.listRestores();
      expect(t.requests.slice(before).map((r) => r.url.replace(/^.*110011/, ''))).toEqual(['/activity']);
    } finally {
      t.close();
    }
  });
});
