import { afterEach, describe, expect, it } from 'vitest';
import { agentSchema, backupConfigurationSchema, backupDetailSchema } from '../../src/api/rackspace-v1/wire';
import type { Harness } from '../rackspace-v1/test-support';
import { harness } from '../rackspace-v1/test-support';
import { WINDOWS_ZONE_NAMES, zoneOfWindowsName } from '../../src/api/rackspace-v1/windows-zones';
import { nextRunAfter, toRrule, v1StartTime, windowsZone } from './rackspace-schedule';

const base = { hour_interval: null, start_hour: null, start_minute: 0, day_of_week: null, time_zone: 'UTC' };
const at = (iso: string) => Date.parse(iso);

describe('schedules', () => {
  it('computes the next run of each frequency on the wall clock of its zone', () => {
    const after = at('2026-11-22T12:07:00Z');
    expect(nextRunAfter({ ...base, frequency: 'Manually' }, after)).toBeNull();
    expect(
      new Date(
        nextRunAfter({ ...base, frequency: 'Hourly', hour_interval: 1, start_minute: 15 }, after)!,
      ).toISOString(),
    ).toBe('2026-11-22T12:15:00.000Z');
    // 02:30 in New York (EST, UTC-5) is 07:30 UTC; today's has passed, so tomorrow's.
    const daily = {
      ...base,
      frequency: 'Daily' as const,
      start_hour: 2,
      start_minute: 30,
      time_zone: 'America/New_York',
    };
    expect(new Date(nextRunAfter(daily, after)!).toISOString()).toBe('2026-11-23T07:30:00.000Z');
    // Weekly on Wednesday (3) at 14:00 London time (GMT in November).
    const weekly = {
      ...base,
      frequency: 'Weekly' as const,
      day_of_week: 3,
      start_hour: 14,
      time_zone: 'Europe/London',
    };
    expect(new Date(nextRunAfter(weekly, after)!).toISOString()).toBe('2026-11-25T14:00:00.000Z');
  });

  it('stores each Windows zone name a v1.0 client may send as a zone the clock knows, and shows it back by that name', () => {
    expect(WINDOWS_ZONE_NAMES.length).toBeGreaterThan(30);
    for (const name of WINDOWS_ZONE_NAMES) {
      const zone = zoneOfWindowsName(name)!;
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone }), name).not.toThrow();
      expect(windowsZone(zone), zone).toBe(name);
    }
    expect(zoneOfWindowsName('Eastern Standard Time')).toBe('America/New_York');
    expect(zoneOfWindowsName('eastern standard time')).toBeUndefined();
    expect(zoneOfWindowsName('toString')).toBeUndefined();
  });

  it('shows one schedule as a v2 RRULE and as v1.0 start-time fields', () => {
    const daily = { ...base, frequency: 'Daily' as const, start_hour: 14, start_minute: 0 };
    expect(toRrule(daily)).toBe('RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=14;BYMINUTE=0');
    expect(v1StartTime(daily)).toEqual({ hour: 2, minute: 0, ampm: 'PM' });
    expect(v1StartTime({ ...daily, start_hour: 0 })).toEqual({ hour: 12, minute: 0, ampm: 'AM' });
    expect(toRrule({ ...base, frequency: 'Hourly', hour_interval: 4, start_minute: 30 })).toBe(
      'RRULE:FREQ=HOURLY;INTERVAL=4;BYMINUTE=30',
    );
    expect(v1StartTime({ ...base, frequency: 'Hourly', hour_interval: 4 })).toEqual({
      hour: null,
      minute: null,
      ampm: null,
    });
    expect(toRrule({ ...base, frequency: 'Weekly', day_of_week: 1, start_hour: 3 })).toBe(
      'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;BYHOUR=3;BYMINUTE=0',
    );
  });
});

describe('scheduled runs', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function config(id: number) {
    return backupConfigurationSchema.parse(
      await (await h.call('GET', `/v1.0/110011/backup-configuration/${id}`)).json(),
    );
  }

  /** Moves the clock to the configuration's next run and ticks once. */
  async function reachNextRun(id: number) {
    const before = await config(id);
    const next = Number(/\d+/.exec(before.NextScheduledRunTime ?? '')?.[0]);
    h.clock.time = next;
    h.service.ctx.engine.step(1000);
    return { before, after: await config(id) };
  }

  it('starts an hourly configuration on time and plans the next run an hour later', async () => {
    h = await harness();
    const { before, after } = await reachNextRun(148327);
    expect(before.Frequency).toBe('Hourly');
    expect(after.LastRunBackupReportId).not.toBe(before.LastRunBackupReportId);
    const run = backupDetailSchema.parse(
      await (await h.call('GET', `/v1.0/110011/backup/${after.LastRunBackupReportId}`)).json(),
    );
    expect(run.CurrentState).toBe('StartScheduled');
    const gap =
      Number(/\d+/.exec(after.NextScheduledRunTime!)?.[0]) -
      Number(/\d+/.exec(before.NextScheduledRunTime!)?.[0]);
    expect(gap).toBe(3600_000);
  });

  it('an offline agent misses its scheduled run', async () => {
    h = await harness();
    h.service.ctx.db.prepare('UPDATE rs_agents SET online = 0 WHERE id = 198302').run();
    const { after } = await reachNextRun(148327);
    const run = backupDetailSchema.parse(
      await (await h.call('GET', `/v1.0/110011/backup/${after.LastRunBackupReportId}`)).json(),
    );
    expect(run.CurrentState).toBe('Missed');
  });

  it('a run still going when the next is due makes that one skipped: never a second run', async () => {
    h = await harness();
    const start = await h.call('POST', '/v1.0/110011/backup/action-requested', {
      body: { Action: 'StartManual', Id: 148327 },
    });
    const running = Number(await start.text());
    h.service.ctx.engine.step(1000);
    const { after } = await reachNextRun(148327);
    expect(after.LastRunBackupReportId).toBe(running);
    const skipped = h.service.ctx.db
      .prepare("SELECT COUNT(*) AS n FROM rs_backups WHERE configuration_id = 148327 AND state = 'skipped'")
      .get() as { n: number };
    expect(skipped.n).toBe(1);
  });

  it('a disabled configuration has no next run; enabling plans one again', async () => {
    h = await harness();
    const off = await h.call('POST', '/v1.0/110011/backup-configuration/enable/148327', {
      body: { Enable: false },
    });
    expect(off.status).toBe(200);
    expect(backupConfigurationSchema.parse(await off.json())).toMatchObject({
      IsActive: false,
      NextScheduledRunTime: null,
    });
    const refused = await h.call('POST', '/v1.0/110011/backup/action-requested', {
      body: { Action: 'StartManual', Id: 148327 },
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/disabled/);
    // RS-SDK's old client posts `Enabled`; it is accepted too.
    const on = await h.call('POST', '/v1.0/110011/backup-configuration/enable/148327', {
      body: { Enabled: true },
    });
    expect(backupConfigurationSchema.parse(await on.json()).NextScheduledRunTime).toMatch(
      /^\/Date\(\d+\)\/$/,
    );
  });

  it('waking agents puts an offline agent online for a while (support may, viewer may not)', async () => {
    h = await harness();
    const agent = async () =>
      agentSchema.parse(await (await h.call('GET', '/v1.0/110011/agent/198304')).json());
    expect((await agent()).Status).toBe('Offline');
    expect((await h.call('POST', '/v1.0/110011/user/wakeupagents', { role: 'viewer' })).status).toBe(403);
    expect((await h.call('POST', '/v1.0/110011/user/wakeupagents', { role: 'support' })).status).toBe(200);
    expect((await agent()).Status).toBe('Online');
    h.clock.advance(16 * 60_000);
    expect((await agent()).Status).toBe('Offline');
  });
});
