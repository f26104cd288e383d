import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from './api-error';
import type { RunFeed } from './capabilities';
import type { BackupTarget, Run, RunKind } from './domain';
import { isInFlight, RUN_STATES } from './domain';
import { withLiveRuns } from './live-runs';
import { overviewOf } from './overview';
import type { BackupProvider } from './provider';
import { createQueryClient } from './query-client';
import { lookupIn } from './resource-queries';
import type { InProcess } from './testing/in-process-service';
import { runTimeOf } from './run-parts';
import { startInProcess } from './testing/in-process-service';

function expectRun(run: Run, connectionId: string) {
  expect(run.connectionId).toBe(connectionId);
  expect(run.id).toMatch(/\S/);
  expect(RUN_STATES).toContain(run.state);
  expect(run.vendorState).toMatch(/\S/);
  for (const t of [run.startedAt, run.endedAt, run.updatedAt]) if (t) expect(Date.parse(t)).not.toBeNaN();
}

/** A target (configuration or job) this connection can start, and how to read its runs. */
async function backupTarget(p: BackupProvider) {
  const list = await p.listTargets();
  const idle = (x: BackupTarget) =>
    x.enabled && x.currentRunId === null && !(x.lastRun && isInFlight(x.lastRun.state));
  const target = list.find(idle) ?? list[0];
  if (!target) throw new Error('no target to start');
  return { id: target.id, runs: () => p.listTargetRuns(target.id) };
}

/**
 * The contract every adapter keeps, run against the reference service in-process. Each dialect's
 * test file calls it with its connection id from the default config.
 */
export function contractSuite(connectionId: string) {
  describe(`BackupProvider contract: ${connectionId}`, () => {
    let t: InProcess;
    let p: BackupProvider;
    beforeAll(async () => {
      t = await startInProcess();
      await t.runtime.signIn(connectionId, { username: 'admin', password: 'demo' });
      p = t.runtime.provider(connectionId);
    });
    afterAll(() => t.close());

    test('the lists its capabilities promise hold data of this connection; the others are empty', async () => {
      const { capabilities: caps } = p;
      const [targets, activity, restores, sessions] = await Promise.all([
        p.listTargets(),
        p.listActivity(),
        p.listRestores(),
        p.listRestoreSessions(),
      ]);
      expect(targets.length > 0).toBe(caps.targets !== null);
      if (!caps.restores) expect(restores).toEqual([]);
      if (!caps.restoreSessions) expect(sessions).toEqual([]);
      expect(activity.length).toBeGreaterThan(0);
      for (const run of activity) expectRun(run, connectionId);
      for (const target of targets) {
        expect(target.connectionId).toBe(connectionId);
        expect(target.kind).toBe(caps.targets);
        expect(target.schedule.description).toMatch(/\S/);
        // A configuration names its machine, a job its organization.
        if (target.kind === 'configuration') expect(target.machine?.name).toMatch(/\S/);
        else expect(target.organization).not.toBeNull();
      }
      const times = activity.map((r) => Date.parse(r.updatedAt ?? r.startedAt ?? '') || 0);
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    test('a started backup shows in flight, then reaches a final state', async () => {
      const target = await backupTarget(p);
      const { runId } = await p.startBackup(target.id);
      const mine = async () => {
        const runs = await target.runs();
        return runId ? runs.find((r) => r.id === runId) : runs[0];
      };
      const first = await mine();
      expect(first).toBeDefined();
      expect(isInFlight(first!.state)).toBe(true);
      const ended = await t.until(async () => {
        const run = await mine();
        return run !== undefined && !isInFlight(run.state);
      });
      expect(ended).toBe(true);
      expect(['succeeded', 'warning', 'failed']).toContain((await mine())!.state);
    });

    test('a running backup can be stopped', async () => {
      const target = await backupTarget(p);
      const { runId } = await p.startBackup(target.id);
      t.tick(1_000);
      const run = runId ? { id: runId } : (await target.runs())[0];
      await p.stopBackup({ targetId: target.id, runId: run?.id ?? null });
      const stopped = await t.until(async () => {
        const runs = await target.runs();
        return runs.find((r) => r.id === run?.id)?.state === 'stopped';
      }, 2_000);
      expect(stopped).toBe(true);
    });

    test('stopping a backup where none runs is a 409 that says so, and nothing is stopped', async () => {
      const target = await backupTarget(p);
      const before = (await target.runs()).map((r) => [r.id, r.state]);
      const error = await p.stopBackup({ targetId: target.id, runId: null }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(409);
      expect((error as ApiError).connectionId).toBe(connectionId);
      expect((error as ApiError).message).toMatch(/not running|is running/);
      expect((await target.runs()).map((r) => [r.id, r.state])).toEqual(before);
    });

    test('disable and enable are read back', async () => {
      const target = await backupTarget(p);
      const enabled = async () => (await p.getTarget(target.id)).enabled;
      await p.setEnabled(target.id, false);
      expect(await enabled()).toBe(false);
      await p.setEnabled(target.id, true);
      expect(await enabled()).toBe(true);
    });

    test.each(['unknown', '../agents', 'abc'])(
      'an unknown or malformed id (%s) is a 404 ApiError with a message a person can read',
      async (kind) => {
        const id =
          kind === 'unknown'
            ? p.connection.dialect === 'rackspace-v1'
              ? '987654321'
              : '00000000-0000-4000-8000-000000000000'
            : kind;
        const error = await p.getTarget(id).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).status).toBe(404);
        expect((error as ApiError).message).toMatch(/\w{4,}/);
      },
    );

    test('what the dialect cannot do rejects as unsupported, without a request', async () => {
      const before = t.requests.length;
      const attempts: Promise<unknown>[] = [];
      if (!p.capabilities.restoreSessions) attempts.push(p.stopRestoreSession('x'));
      if (!p.capabilities.wakeAgents) attempts.push(p.wakeAgents());
      if (!p.capabilities.restores) attempts.push(p.stopRestore('x'));
      expect(attempts.length).toBeGreaterThan(0);
      for (const a of attempts) await expect(a).rejects.toMatchObject({ kind: 'unsupported' });
      expect(t.requests.length).toBe(before);
    });

    test('a viewer is refused with 403 and the service says why', async () => {
      await t.runtime.signIn(connectionId, { username: 'viewer', password: 'demo' });
      try {
        const target = await backupTarget(p);
        const error = await p.startBackup(target.id).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ kind: 'http', status: 403 });
        expect((error as ApiError).message).toMatch(/viewer/);
      } finally {
        await t.runtime.signIn(connectionId, { username: 'admin', password: 'demo' });
      }
    });

    test('each run feed is one request of its own kinds, newest first; the activity is their union', async () => {
      const kinds: Record<RunFeed, RunKind[]> = {
        activity: ['backup', 'restore'],
        backups: ['backup'],
        restores: ['restore'],
        'job-sessions': ['job-session'],
        'restore-sessions': ['restore-session'],
      };
      const seen = new Set<string>();
      // Names of jobs and configurations are read through the query layer's lookup: their own cache
      // entries, read again when stale (src/api/resource-queries.ts).
      const o = { lookup: lookupIn(createQueryClient({ retry: false }), connectionId) };
      for (const feed of p.capabilities.runFeeds) {
        await p.listRuns(feed, o);
        const before = t.requests.length;
        const runs = await p.listRuns(feed, o);
        expect(t.requests.slice(before).map((r) => new URL(r.url).pathname)).toHaveLength(1);
        for (const run of runs) {
          expectRun(run, connectionId);
          expect(kinds[feed]).toContain(run.kind);
          seen.add(`${run.kind}:${run.id}`);
        }
        // A run in flight that has no time yet (queued a moment ago) is the newest of all.
        const times = runs.map(runTimeOf);
        expect(times).toEqual([...times].sort((a, b) => (a === b ? 0 : b > a ? 1 : -1)));
      }
      const activity = await p.listActivity();
      expect(new Set(activity.map((r) => `${r.kind}:${r.id}`))).toEqual(seen);
    });

    test('the overview counts runs by state and lists what is scheduled', async () => {
      const runs = await p.listActivity();
      const o = overviewOf({
        connectionId,
        runs,
        targets: withLiveRuns(await p.listTargets(), runs),
        now: t.clock.now(),
      });
      expect(o.connectionId).toBe(connectionId);
      const counted = Object.values(o.countsByState).reduce((a, b) => a + b, 0);
      expect(counted).toBe(o.runs.length);
      expect(o.runs.length).toBeGreaterThan(0);
      expect(o.scheduled.length).toBeGreaterThan(0);
    });

    test('a 401 marks the connection signed out', async () => {
      t.expireTokens();
      await expect(p.listActivity()).rejects.toMatchObject({ kind: 'http', status: 401 });
      expect(t.runtime.session.getSnapshot().expired).toContain(connectionId);
      expect(t.runtime.session.get(connectionId)).toBeUndefined();
    });
  });
}
