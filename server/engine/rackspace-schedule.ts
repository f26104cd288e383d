import { windowsNameOfZone } from '../../src/api/rackspace-v1/windows-zones';
import type { ConfigurationRow } from '../store/rackspace-types';

/**
 * Schedules of the Rackspace model, stored once and shown two ways: v1.0's Frequency/StartTime*
 * fields (Windows zone names) and v2's RRULE (IANA zone names). Next runs follow the real wall clock
 * in the configuration's zone.
 */

type Schedule = Pick<
  ConfigurationRow,
  'frequency' | 'hour_interval' | 'start_hour' | 'start_minute' | 'day_of_week' | 'time_zone'
>;

const WINDOWS_ZONES: Record<string, string> = {
  'America/New_York': 'Eastern Standard Time',
  'US/Central': 'Central Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'US/Pacific': 'Pacific Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'Europe/London': 'GMT Standard Time',
  'Asia/Hong_Kong': 'China Standard Time',
  'Australia/Sydney': 'AUS Eastern Standard Time',
  UTC: 'UTC',
};

export function windowsZone(iana: string): string {
  return WINDOWS_ZONES[iana] ?? windowsNameOfZone(iana) ?? 'UTC';
}

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** v2's one-rule recurrence, or null for a manual-only configuration. */
export function toRrule(s: Schedule): string | null {
  const minute = s.start_minute ?? 0;
  switch (s.frequency) {
    case 'Manually':
      return null;
    case 'Hourly':
      return `RRULE:FREQ=HOURLY;INTERVAL=${s.hour_interval ?? 1};BYMINUTE=${minute}`;
    case 'Daily':
      return `RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=${s.start_hour ?? 0};BYMINUTE=${minute}`;
    case 'Weekly':
      return `RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=${DAYS[s.day_of_week ?? 0]};BYHOUR=${s.start_hour ?? 0};BYMINUTE=${minute}`;
  }
}

/** v1.0's start time: hour 1–12 with AM/PM; null for Manually and Hourly, as the vendor shows. */
export function v1StartTime(s: Schedule): {
  hour: number | null;
  minute: number | null;
  ampm: 'AM' | 'PM' | null;
} {
  if (s.frequency === 'Manually' || s.frequency === 'Hourly' || s.start_hour === null)
    return { hour: null, minute: null, ampm: null };
  const h = s.start_hour;
  return { hour: h % 12 === 0 ? 12 : h % 12, minute: s.start_minute ?? 0, ampm: h < 12 ? 'AM' : 'PM' };
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(ms: number, zone: string): LocalParts {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? 'Sun'),
  };
}

/** The instant at which the wall clock of `zone` shows the given local date and time. */
function zonedInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  zone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall;
  // Two passes settle the zone offset, also across a DST change.
  for (let i = 0; i < 2; i++) {
    const p = localParts(guess, zone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wall - shown;
  }
  return guess;
}

const HOUR = 3600_000;

/** The next scheduled run strictly after `after`; null for a manual-only configuration. */
export function nextRunAfter(s: Schedule, after: number): number | null {
  const minute = s.start_minute ?? 0;
  if (s.frequency === 'Manually') return null;
  if (s.frequency === 'Hourly') {
    const interval = Math.max(1, s.hour_interval ?? 1) * HOUR;
    // Hours are counted from the epoch so that the grid is stable across restarts.
    let t = Math.floor(after / interval) * interval + minute * 60_000;
    while (t <= after) t += interval;
    return t;
  }
  const local = localParts(after, s.time_zone);
  for (let add = 0; add <= 8; add++) {
    const dayStart = new Date(Date.UTC(local.year, local.month - 1, local.day + add));
    if (s.frequency === 'Weekly' && dayStart.getUTCDay() !== (s.day_of_week ?? 0)) continue;
    const t = zonedInstant(
      dayStart.getUTCFullYear(),
      dayStart.getUTCMonth() + 1,
      dayStart.getUTCDate(),
      s.start_hour ?? 0,
      minute,
      s.time_zone,
    );
    if (t > after) return t;
  }
  return null;
}
