import { describe, expect, test } from 'vitest';
import { VEEAM_SERVER_TIME, veeamServerZone } from './map';

/** Veeam names no zone: a daily job's wall-clock time and its next run tell the server's offset (issue 10 §14). */
describe('veeamServerZone', () => {
  const daily = (dailyTime: string) => ({ type: 'Daily', dailyTime, scheduleEnabled: true });

  test("a daily job's next run at its dailyTime in UTC: the server runs on UTC", () => {
    expect(veeamServerZone(daily('03:30:00'), '2026-12-04T03:30:00Z')).toEqual({
      name: VEEAM_SERVER_TIME,
      iana: null,
      offsetMinutes: 0,
    });
  });

  test('an offset east or west of UTC, also across midnight and written with an offset', () => {
    expect(veeamServerZone(daily('03:30:00'), '2026-12-04T02:30:00Z').offsetMinutes).toBe(60);
    expect(veeamServerZone(daily('01:00'), '2026-12-04T06:00:00Z').offsetMinutes).toBe(-300);
    expect(veeamServerZone(daily('23:00:00'), '2026-12-04T03:00:00Z').offsetMinutes).toBe(-240);
    expect(veeamServerZone(daily('05:45:00'), '2026-12-04T05:45:00+05:45').offsetMinutes).toBe(345);
    expect(veeamServerZone(daily('10:00:00'), '2026-12-03T23:00:00Z').offsetMinutes).toBe(660);
  });

  test('nothing is made up: periodic, disabled or unscheduled jobs and odd answers leave the offset unknown', () => {
    const none = (policy: Parameters<typeof veeamServerZone>[0], next: string | null) =>
      veeamServerZone(policy, next).offsetMinutes;
    expect(none({ type: 'Periodically' }, '2026-12-04T03:30:00Z')).toBeNull();
    expect(none({ ...daily('03:30:00'), scheduleEnabled: false }, '2026-12-04T03:30:00Z')).toBeNull();
    expect(none(daily('03:30:00'), null)).toBeNull();
    expect(none(daily('03:30:00'), '2026-12-04T03:37:00Z')).toBeNull();
    expect(none(daily('half past three'), '2026-12-04T03:30:00Z')).toBeNull();
  });
});
