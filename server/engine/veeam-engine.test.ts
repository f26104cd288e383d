import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobSession } from '../../src/api/veeam-v5/wire';
import {
  jobListSchema,
  jobSchema,
  jobSessionPageSchema,
  linkId,
  logItemPageSchema,
  restoreSessionSchema,
} from '../../src/api/veeam-v5/wire';
import { veeamStore } from '../store/veeam-store';
import type { VeeamTestService } from '../veeam-v5/testing';
import { fakeClock, SEED_JOB, startVeeam } from '../veeam-v5/testing';
import { MISSED_AFTER_MS } from './veeam-ticker';

/** The job and restore session state machines, driven tick by tick with a fake clock (SPEED=60). */

let t: VeeamTestService | undefined;
let dir: string | undefined;
afterEach(() => {
  t?.service.close();
  t = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function latestSession(s: VeeamTestService, jobId = SEED_JOB): Promise<JobSession> {
  const page = jobSessionPageSchema.parse(
    await (await s.call('viewer', `/v5/Jobs/${jobId}/JobSessions?limit=1`)).json(),
  );
  return page.results[0]!;
}

async function logTitles(s: VeeamTestService, sessionId: string): Promise<string[]> {
  const page = logItemPageSchema.parse(
    await (await s.call('viewer', `/v5/JobSessions/${sessionId}/LogItems?limit=1000`)).json(),
  );
  return page.results.map((l) => l.title);
}

/** Ticks of a quarter second until the session ends; returns what each tick showed. */
async function runToEnd(s: VeeamTestService, jobId = SEED_JOB): Promise<JobSession[]> {
  const seen: JobSession[] = [];
  for (let i = 0; i < 400; i++) {
    s.tick(250);
    const session = await latestSession(s, jobId);
    seen.push(session);
    if (session.endTime) return seen;
  }
  throw new Error('the session did not end in 100 s at SPEED=60');
}

describe('job sessions', () => {
  it('go Queued → Running → Success in 10–31 s at SPEED=60, progress and statistics only growing', async () => {
    t = await startVeeam();
    const started = t.clock.now();
    expect((await t.post('support', `/v5/Jobs/${SEED_JOB}/action`, { start: null })).status).toBe(200);
    expect(await latestSession(t)).toMatchObject({ status: 'Queued', progress: 0 });
    const seen = await runToEnd(t);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ status: 'Success', progress: 100 });
    const seconds = (t.clock.now() - started) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(10);
    expect(seconds).toBeLessThanOrEqual(32);
    const running = seen.filter((x) => x.status === 'Running');
    expect(running.length).toBeGreaterThan(20);
    for (let i = 1; i < running.length; i++) {
      expect(running[i]!.progress).toBeGreaterThanOrEqual(running[i - 1]!.progress);
      expect(running[i]!.statistics!.transferredDataBytes).toBeGreaterThanOrEqual(
        running[i - 1]!.statistics!.transferredDataBytes,
      );
      expect(running[i]!.statistics!.processedObjects).toBeGreaterThanOrEqual(
        running[i - 1]!.statistics!.processedObjects,
      );
    }
    expect(
      running.some((x) => x.progress > 0 && x.progress < 100 && x.statistics!.processingRateBytesPS > 0),
    ).toBe(true);
    const titles = await logTitles(t, last.id);
    expect(titles[0]).toMatch(/^\[Success\] Job started at .* \(started by support\)$/);
    expect(titles.at(-1)).toMatch(/^\[Success\] Job finished at /);
    const job = jobSchema.parse(await (await t.call('viewer', `/v5/Jobs/${SEED_JOB}`)).json());
    expect(job).toMatchObject({ lastStatus: 'Success', lastRun: last.creationTime });
    const org = (await (await t.call('viewer', job._links!.organization!.href)).json()) as {
      lastBackuptime: string;
    };
    expect(Date.parse(org.lastBackuptime)).toBe(Date.parse(last.endTime!));
  });

  it.each([
    ['Warning', /^\[Warning\] /, /^\[Warning\] Job finished with warnings at /],
    ['Failed', /^\[Failed\] /, /^\[Failed\] Job finished with error at /],
  ] as const)(
    'end %s with real-looking log items when the run is planned so',
    async (outcome, line, final) => {
      t = await startVeeam();
      const store = veeamStore(t.service.ctx.db);
      // risk 1: every run warns or fails; run until one ends as wanted (the plan draws from the session id).
      store.update('veeam_jobs', SEED_JOB, { risk: 1 });
      for (let attempt = 0; attempt < 30; attempt++) {
        await t.post('admin', `/v5/Jobs/${SEED_JOB}/action`, { start: null });
        const last = (await runToEnd(t)).at(-1)!;
        if (last.status !== outcome) continue;
        const titles = await logTitles(t, last.id);
        expect(titles.some((x) => line.test(x))).toBe(true);
        expect(titles.at(-1)).toMatch(final);
        expect(last.details).toBeTruthy();
        const job = jobSchema.parse(await (await t.call('viewer', `/v5/Jobs/${SEED_JOB}`)).json());
        expect(job.lastStatus).toBe(outcome);
        return;
      }
      throw new Error(`no run ended ${outcome} in 30 attempts (each has an even chance)`);
    },
  );

  it('stop ends a running session Stopped at once', async () => {
    t = await startVeeam();
    await t.post('admin', `/v5/Jobs/${SEED_JOB}/action`, { start: null });
    t.tick(5000);
    const running = await latestSession(t);
    expect(running.status).toBe('Running');
    await t.post('admin', `/v5/Jobs/${SEED_JOB}/action`, { stop: null });
    const stopped = await latestSession(t);
    expect(stopped).toMatchObject({ status: 'Stopped', details: 'Stopped by admin.' });
    expect(stopped.progress).toBe(running.progress);
    t.tick(5000);
    expect((await latestSession(t)).status).toBe('Stopped');
    expect((await logTitles(t, stopped.id)).at(-1)).toMatch(/^\[Warning\] Job stopped by admin at /);
  });
});

describe('a job whose proxy is offline', () => {
  it('fails each run with the reason as it leaves Queued', async () => {
    t = await startVeeam();
    const proxies = (await (await t.call('viewer', '/v5/Proxies')).json()) as {
      id: string;
      status: string;
    }[];
    const offline = proxies.find((p) => p.status === 'Offline')!;
    const repos = (await (await t.call('viewer', '/v5/BackupRepositories')).json()) as {
      id: string;
      _links: { proxy: { href: string } };
    }[];
    const repo = repos.find((r) => r._links.proxy.href.endsWith(offline.id))!;
    const jobs = jobListSchema.parse(await (await t.call('viewer', '/v5/Jobs')).json());
    const job = jobs.find((j) => linkId(j._links, 'backupRepository') === repo.id)!;
    expect(job.isEnabled).toBe(true);
    expect((await t.post('support', `/v5/Jobs/${job.id}/action`, { start: null })).status).toBe(200);
    const last = (await runToEnd(t, job.id)).at(-1)!;
    expect(last.status).toBe('Failed');
    expect(last.details).toBe(
      'Backup proxy vbo-proxy-dr.backup.local is offline: the job could not be processed.',
    );
    expect((await logTitles(t, last.id)).at(-1)).toMatch(/^\[Failed\] Backup proxy vbo-proxy-dr/);
  });
});

describe('the scheduler', () => {
  it('starts a scheduled run on time and sets the next run', async () => {
    t = await startVeeam();
    const due = Date.parse('2026-11-23T03:30:00.000Z');
    t.clock.set(due - 1000);
    t.tick(500);
    expect((await latestSession(t)).status).not.toBe('Queued');
    t.tick(1000);
    const session = await latestSession(t);
    expect(session.status).toBe('Queued');
    expect(Date.parse(session.creationTime)).toBe(due + 500);
    expect((await logTitles(t, session.id))[0]).toMatch(/\(scheduled\)$/);
    const job = jobSchema.parse(await (await t.call('viewer', `/v5/Jobs/${SEED_JOB}`)).json());
    expect(job.nextRun).toBe('2026-11-24T03:30:00.000Z');
  });

  it('skips a run that is long overdue (the service was down) and a disabled job', async () => {
    t = await startVeeam(['--token-ttl', String(7 * 24 * 3600)]);
    const before = await latestSession(t);
    t.clock.set(Date.parse('2026-11-23T03:30:00.000Z') + MISSED_AFTER_MS + 60_000);
    t.tick(250);
    expect((await latestSession(t)).id).toBe(before.id);
    const job = jobSchema.parse(await (await t.call('viewer', `/v5/Jobs/${SEED_JOB}`)).json());
    expect(job.nextRun).toBe('2026-11-24T03:30:00.000Z');
    await t.post('admin', `/v5/Jobs/${SEED_JOB}/action`, { disable: null });
    t.clock.set(Date.parse('2026-11-24T03:30:01.000Z'));
    t.tick(250);
    expect((await latestSession(t)).id).toBe(before.id);
  });
});

describe('a restart in the middle of a run', () => {
  it('fails the job session and closes the restore session with a reason; nothing is lost', async () => {
    dir = mkdtempSync(join(tmpdir(), 'veeam-restart-'));
    const clock = fakeClock();
    t = await startVeeam(['--data-dir', dir], clock);
    await t.post('admin', `/v5/Jobs/${SEED_JOB}/action`, { start: null });
    await t.post('support', `/v5/Jobs/${SEED_JOB}/action`, {
      explore: { datetime: '2026-11-22 11:00:00.000', type: 'vex' },
    });
    t.tick(5000);
    const running = await latestSession(t);
    expect(running.status).toBe('Running');
    const restoreId = (
      (await (await t.call('viewer', '/v5/RestoreSessions?limit=1')).json()) as { results: { id: string }[] }
    ).results[0]!.id;
    t.service.close();

    clock.advance(60_000);
    t = await startVeeam(['--data-dir', dir], clock);
    const after = await latestSession(t);
    expect(after.id).toBe(running.id);
    expect(after.status).toBe('Failed');
    expect(after.details).toMatch(/service stopped while this session was running/);
    expect((await logTitles(t, after.id)).at(-1)).toMatch(/^\[Failed\] Job session interrupted/);
    const job = jobSchema.parse(await (await t.call('viewer', `/v5/Jobs/${SEED_JOB}`)).json());
    expect(job.lastStatus).toBe('Failed');
    const restore = restoreSessionSchema.parse(
      await (await t.call('viewer', `/v5/RestoreSessions/${restoreId}`)).json(),
    );
    expect(restore).toMatchObject({ state: 'Stopped', result: 'Failed' });
    expect(restore.details).toMatch(/restarted/);
    // The job may run again after the restart.
    expect((await t.post('admin', `/v5/Jobs/${SEED_JOB}/action`, { start: null })).status).toBe(200);
  });
});
