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
  formatScheduleZone,
  formatStartOrEnd,
  formatTime,
  formatUtcOffset,
  secondsBetween,
  zoneOffsetMinutes,
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

describe('formatScheduleZone (issue 10 §14)', () => {
  const winter = '2026-01-15T12:00:00Z';
  const summer = '2026-07-15T12:00:00Z';

  it('says a zone with its UTC offset at the given time, summer time included', () => {
    const eastern = { name: 'Eastern Standard Time', iana: 'America/New_York', offsetMinutes: null };
    expect(formatScheduleZone(eastern, winter)).toBe('Eastern Standard Time (UTC-05:00)');
    expect(formatScheduleZone(eastern, summer)).toBe('Eastern Standard Time (UTC-04:00)');
    const chicago = { name: 'America/Chicago', iana: 'America/Chicago', offsetMinutes: null };
    expect(formatScheduleZone(chicago, winter)).toBe('America/Chicago (UTC-06:00)');
    const kolkata = { name: 'India Standard Time', iana: 'Asia/Kolkata', offsetMinutes: null };
    expect(formatScheduleZone(kolkata, summer)).toBe('India Standard Time (UTC+05:30)');
    expect(formatScheduleZone({ name: 'UTC', iana: 'UTC', offsetMinutes: null }, winter)).toBe('UTC');
  });

  it('uses the offset the vendor showed when no IANA zone is known, and the name alone when neither is', () => {
    expect(formatScheduleZone({ name: 'Veeam server time', iana: null, offsetMinutes: 60 })).toBe(
      'Veeam server time (UTC+01:00)',
    );
    expect(formatScheduleZone({ name: 'Veeam server time', iana: null, offsetMinutes: 0 })).toBe(
      'Veeam server time (UTC+00:00)',
    );
    expect(formatScheduleZone({ name: 'Veeam server time', iana: null, offsetMinutes: null })).toBe(
      'Veeam server time',
    );
    // A name this browser's Intl does not know stays as the vendor wrote it, with no made-up offset.
    expect(formatScheduleZone({ name: 'Mars/Olympus', iana: 'Mars/Olympus', offsetMinutes: null })).toBe(
      'Mars/Olympus',
    );
  });

  it('reads and writes UTC offsets', () => {
    expect(zoneOffsetMinutes('Asia/Kathmandu', winter)).toBe(345);
    expect(zoneOffsetMinutes('America/St_Johns', winter)).toBe(-210);
    expect(zoneOffsetMinutes('Europe/London', winter)).toBe(0);
    expect(zoneOffsetMinutes('Not/AZone', winter)).toBeNull();
    expect(formatUtcOffset(-210)).toBe('UTC-03:30');
    expect(formatUtcOffset(345)).toBe('UTC+05:45');
  });
});
