import { describe, expect, it } from 'vitest';
import {
  NONE,
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  formatEta,
  formatItemRate,
  formatPercent,
  formatRate,
  formatRelative,
  formatStartOrEnd,
  formatTime,
  secondsBetween,
} from './format';

describe('formatBytes and formatRate', () => {
  it('reads naturally across units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(35.3 * 1024 * 1024)).toBe('35.3 MB');
    expect(formatBytes(150 * 1024 ** 3)).toBe('150 GB');
    expect(formatRate(2 * 1024 * 1024)).toBe('2.0 MB/s');
    expect(formatItemRate(2.5)).toBe('2.5 items/s');
  });
  it('answers a dash for nothing or nonsense', () => {
    expect(formatBytes(null)).toBe(NONE);
    expect(formatBytes(-1)).toBe(NONE);
    expect(formatBytes(Number.NaN)).toBe(NONE);
    expect(formatRate(undefined)).toBe(NONE);
  });
});

describe('formatDuration and formatEta', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(3725)).toBe('1 h 2 min');
    expect(formatDuration(90061)).toBe('1 d 1 h');
    expect(formatDuration(7200)).toBe('2 h');
  });
  it('tells time left', () => {
    expect(formatEta(5)).toBe('almost done');
    expect(formatEta(190)).toBe('about 3 min 10 s left');
    expect(formatEta(null)).toBe(NONE);
  });
  it('measures elapsed time', () => {
    expect(secondsBetween('2026-01-01T00:00:00Z', '2026-01-01T00:01:30Z')).toBe(90);
    expect(secondsBetween('2026-01-01T00:00:00Z', null, Date.parse('2026-01-01T00:00:10Z'))).toBe(10);
    expect(secondsBetween(null)).toBeNull();
  });
});

describe('times', () => {
  it('always shows the zone', () => {
    expect(formatDateTime('2026-11-22T07:05:00Z', 'UTC')).toBe('Nov 22, 2026, 7:05 AM UTC');
    expect(formatDateTime('2026-07-01T12:00:00Z', 'America/Chicago')).toBe('Jul 1, 2026, 7:00 AM CDT');
    expect(formatTime('2026-11-22T07:05:09Z', 'UTC')).toBe('7:05:09 AM UTC');
    expect(formatDateTime(null)).toBe(NONE);
    expect(formatDateTime('not a date')).toBe(NONE);
  });
  it('tells a start, else an end, else the fallback', () => {
    expect(formatStartOrEnd('2026-11-22T07:05:00Z', '2026-11-22T08:00:00Z')).toMatch(/^Nov 22, 2026/);
    expect(formatStartOrEnd(null, '2026-11-22T08:00:00Z')).toMatch(/^Ended Nov 22, 2026/);
    expect(formatStartOrEnd(null, null)).toBe(NONE);
    expect(formatStartOrEnd(null, null, 'Backup 7')).toBe('Backup 7');
  });
  it('names the zone of each moment across a daylight-saving change (the names are cached)', () => {
    const ny = (iso: string) => formatDateTime(iso, 'America/New_York');
    expect(ny('2026-03-08T06:59:00Z')).toBe('Mar 8, 2026, 1:59 AM EST');
    expect(ny('2026-03-08T07:00:00Z')).toBe('Mar 8, 2026, 3:00 AM EDT');
    expect(ny('2026-03-08T06:45:00Z')).toBe('Mar 8, 2026, 1:45 AM EST');
    expect(ny('2026-03-08T07:14:00Z')).toBe('Mar 8, 2026, 3:14 AM EDT');
  });
  it('tells relative times both ways', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(formatRelative('2026-11-22T11:57:00Z', now)).toBe('3 minutes ago');
    expect(formatRelative('2026-11-22T14:00:00Z', now)).toBe('in 2 hours');
    expect(formatRelative('2026-11-22T12:00:02Z', now)).toBe('now');
    expect(formatRelative('2026-11-21T12:00:00Z', now)).toBe('yesterday');
  });
});

describe('counts and percent', () => {
  it('groups digits and clamps percent', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatPercent(42.4)).toBe('42%');
    expect(formatPercent(140)).toBe('100%');
  });
});
