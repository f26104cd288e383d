import { describe, expect, it } from 'vitest';
import { nextRunAfter, periodMs } from './veeam-schedule';

const at = (iso: string) => Date.parse(iso);
const next = (policy: Parameters<typeof nextRunAfter>[0], after: string) => {
  const ms = nextRunAfter(policy, at(after));
  return ms === null ? null : new Date(ms).toISOString();
};

describe('Veeam schedule policies', () => {
  it('reads periods', () => {
    expect(periodMs('Minutes5')).toBe(5 * 60_000);
    expect(periodMs('Hours8')).toBe(8 * 3600_000);
    expect(periodMs('Days1')).toBeNull();
  });

  it('runs Periodically on the period boundaries, strictly after now', () => {
    const hourly = { type: 'Periodically', periodicallyEvery: 'Hours1' };
    expect(next(hourly, '2026-11-22T12:00:00.000Z')).toBe('2026-11-22T13:00:00.000Z');
    expect(next(hourly, '2026-11-22T12:59:59.999Z')).toBe('2026-11-22T13:00:00.000Z');
    expect(next({ type: 'Periodically', periodicallyEvery: 'Minutes30' }, '2026-11-22T12:10:00Z')).toBe(
      '2026-11-22T12:30:00.000Z',
    );
  });

  it('runs Daily at dailyTime (UTC) on the days dailyType names', () => {
    const daily = (dailyType: string) => ({ type: 'Daily', dailyType, dailyTime: '22:00:00' });
    // 2026-11-20 is a Friday.
    expect(next(daily('Everyday'), '2026-11-20T21:00:00Z')).toBe('2026-11-20T22:00:00.000Z');
    expect(next(daily('Everyday'), '2026-11-20T22:00:00Z')).toBe('2026-11-21T22:00:00.000Z');
    expect(next(daily('Workdays'), '2026-11-20T23:00:00Z')).toBe('2026-11-23T22:00:00.000Z');
    expect(next(daily('Weekends'), '2026-11-17T23:00:00Z')).toBe('2026-11-21T22:00:00.000Z');
    expect(next(daily('Wednesday'), '2026-11-20T23:00:00Z')).toBe('2026-11-25T22:00:00.000Z');
  });

  it('has no next run without a schedule, or with one it cannot read', () => {
    expect(next(undefined, '2026-11-20T21:00:00Z')).toBeNull();
    expect(
      next({ type: 'Daily', dailyTime: '22:00:00', scheduleEnabled: false }, '2026-11-20T21:00:00Z'),
    ).toBeNull();
    expect(next({ type: 'Daily', dailyTime: 'late' }, '2026-11-20T21:00:00Z')).toBeNull();
    expect(next({ type: 'Periodically', periodicallyEvery: 'often' }, '2026-11-20T21:00:00Z')).toBeNull();
  });
});
