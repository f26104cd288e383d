import type { SchedulePolicy } from '../../src/api/veeam-v5/wire';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Minutes30" → 30 min, "Hours4" → 4 h, in milliseconds; null when the text is not such a period. */
export function periodMs(every: string | undefined): number | null {
  const m = /^(Minutes|Hours)(\d+)$/.exec(every ?? '');
  if (!m) return null;
  return Number(m[2]) * (m[1] === 'Hours' ? 60 : 1) * MINUTE;
}

function dayMatches(dailyType: string | undefined, weekday: number): boolean {
  switch (dailyType ?? 'Everyday') {
    case 'Everyday':
      return true;
    case 'Workdays':
      return weekday >= 1 && weekday <= 5;
    case 'Weekends':
      return weekday === 0 || weekday === 6;
    default:
      return DAY_NAMES[weekday] === dailyType;
  }
}

/**
 * The first scheduled run strictly after `after` (epoch ms), on the real wall clock; null for a job
 * without a schedule. Daily times are read as UTC: the demo service has no time zone of its own.
 */
export function nextRunAfter(policy: SchedulePolicy | undefined, after: number): number | null {
  if (!policy || policy.scheduleEnabled === false) return null;
  if (policy.type === 'Periodically') {
    const period = periodMs(policy.periodicallyEvery);
    return period ? (Math.floor(after / period) + 1) * period : null;
  }
  if (policy.type === 'Daily') {
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(policy.dailyTime ?? '');
    if (!m) return null;
    const timeOfDay = (Number(m[1]) * 60 + Number(m[2])) * MINUTE + Number(m[3] ?? 0) * 1000;
    const midnight = Math.floor(after / DAY) * DAY;
    for (let d = 0; d <= 8; d++) {
      const candidate = midnight + d * DAY + timeOfDay;
      if (candidate > after && dayMatches(policy.dailyType, new Date(candidate).getUTCDay()))
        return candidate;
    }
  }
  return null;
}

/** The typical gap between two runs: how far back history sessions are spread. */
export function typicalGapMs(policy: SchedulePolicy | undefined): number {
  if (policy?.type === 'Periodically') return periodMs(policy.periodicallyEvery) ?? DAY;
  return DAY;
}
