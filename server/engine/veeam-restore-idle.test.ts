import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreSessionEventPageSchema, restoreSessionPageSchema } from '../../src/api/veeam-v5/wire';
import type { VeeamTestService } from '../veeam-v5/testing';
import { fakeClock, SEED_JOB, startVeeam } from '../veeam-v5/testing';

/**
 * Restore sessions stop on their own after RESTORE_IDLE_MINUTES (default 30) without a request made
 * to them, on the engine's clock: Stopped, result Success, the end time when the idle time ran out, and
 * an event saying why. The list of all sessions is not activity (the console polls it); a request to
 * the session is. The rule holds across a restart.
 */
const MINUTE = 60_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A service that is closed after the test (closing one twice, after a restart, is harmless). */
async function start(args: string[] = [], clock = fakeClock()): Promise<VeeamTestService> {
  const s = await startVeeam(args, clock);
  cleanups.push(() => s.service.close());
  return s;
}

/** A data folder on disk, removed after the test. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'veeam-idle-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(s: VeeamTestService): Promise<string> {
  const explore = { explore: { datetime: '2026-11-22 11:00:00.000', type: 'vex' } };
  expect((await s.post('support', `/v5/Jobs/${SEED_JOB}/action`, explore)).status).toBe(200);
  return (await sessions(s))[0]!.id;
}

/** Every session, read through the list (which does not count as activity). */
async function sessions(s: VeeamTestService) {
  const res = await s.call('viewer', '/v5/RestoreSessions?limit=100');
  return restoreSessionPageSchema.parse(await res.json()).results;
}
const find = async (s: VeeamTestService, id: string) => (await sessions(s)).find((r) => r.id === id)!;

async function events(s: VeeamTestService, id: string) {
  const res = await s.call('viewer', `/v5/RestoreSessions/${id}/Events?limit=100`);
  return restoreSessionEventPageSchema.parse(await res.json()).results;
}

describe('idle restore sessions', () => {
  it('stop after 30 minutes without a request, at that moment, with a result and an event saying why', async () => {
    const t = await start();
    const opened = t.clock.now();
    const id = await open(t);
    t.tick(29 * MINUTE);
    expect(await find(t, id)).toMatchObject({ state: 'Working', endTime: null, result: null });
    t.tick(2 * MINUTE);
    const stopped = await find(t, id);
    expect(stopped).toMatchObject({
      state: 'Stopped',
      result: 'Success',
      endTime: new Date(opened + 30 * MINUTE).toISOString(),
      details: 'The restore session was stopped after 30 minutes without activity.',
    });
    expect((await events(t, id)).at(-1)).toMatchObject({
      title: 'Restore session stopped',
      status: 'Warning',
      message: 'The restore session was stopped after 30 minutes without activity.',
    });
  });

  it('count a request to the session as activity, not the list of all sessions', async () => {
    const t = await start();
    const id = await open(t);
    t.tick(20 * MINUTE);
    const touched = t.clock.now();
    expect((await t.call('viewer', `/v5/RestoreSessions/${id}`)).status).toBe(200);
    t.tick(20 * MINUTE);
    expect((await find(t, id)).state).toBe('Working');
    t.tick(11 * MINUTE);
    expect(await find(t, id)).toMatchObject({
      state: 'Stopped',
      endTime: new Date(touched + 30 * MINUTE).toISOString(),
    });
  });

  it('follow RESTORE_IDLE_MINUTES: another time, or 0 for never', async () => {
    let t = await start(['--restore-idle-minutes', '5']);
    const id = await open(t);
    t.tick(6 * MINUTE);
    expect((await find(t, id)).details).toBe(
      'The restore session was stopped after 5 minutes without activity.',
    );
    t = await start(['--restore-idle-minutes', '0']);
    const kept = await open(t);
    t.tick(20 * 60 * MINUTE); // 20 hours (the demo tokens live 24)
    expect((await find(t, kept)).state).toBe('Working');
  });

  it('hold across a restart: an idle stop stays, an idle time that ran out while down ends then', async () => {
    const dir = dataDir();
    const clock = fakeClock();
    let t = await start(['--data-dir', dir], clock);
    const first = await open(t);
    t.tick(31 * MINUTE);
    const idleStopped = await find(t, first);
    const idleEvents = await events(t, first);
    const expired = await open(t);
    const openedExpired = clock.now();
    t.tick(10 * MINUTE);
    const inTime = await open(t);
    t.service.close();

    clock.advance(25 * MINUTE); // down 25 minutes: `expired` ran out of idle time meanwhile, `inTime` not
    t = await start(['--data-dir', dir], clock);
    expect(await find(t, first)).toEqual(idleStopped);
    expect(await events(t, first)).toEqual(idleEvents);
    expect(await find(t, expired)).toMatchObject({
      state: 'Stopped',
      result: 'Success',
      endTime: new Date(openedExpired + 30 * MINUTE).toISOString(),
      details: 'The restore session was stopped after 30 minutes without activity.',
    });
    const closed = await find(t, inTime);
    expect(closed).toMatchObject({
      state: 'Stopped',
      result: 'Failed',
      endTime: new Date(clock.now()).toISOString(),
    });
    expect(closed.details).toMatch(/restarted/);
  });
});
