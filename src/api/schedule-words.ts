/** Schedules in people's words, for every dialect (domain Schedule.description). */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function clock12(hour24: number, minute: number): string {
  const h = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${h}:${String(minute).padStart(2, '0')} ${hour24 < 12 ? 'AM' : 'PM'}`;
}

export function everyHours(n: number): string {
  return n === 1 ? 'Every hour' : `Every ${n} hours`;
}

export function dayName(index: number): string {
  return DAYS[index] ?? `day ${index}`;
}

const RRULE_DAYS: Record<string, string> = {
  SU: 'Sunday',
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
};

/** "RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=14;BYMINUTE=0" → "Daily at 2:00 PM". */
export function rruleWords(rule: string): string {
  const parts = new Map(
    rule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((p) => p.split('=') as [string, string | undefined])
      .map(([k, v]) => [k.toUpperCase(), v ?? ''] as const),
  );
  const interval = Number(parts.get('INTERVAL') ?? 1) || 1;
  const hour = Number(parts.get('BYHOUR') ?? 0);
  const minute = Number(parts.get('BYMINUTE') ?? 0);
  const at = clock12(hour, minute);
  switch (parts.get('FREQ')) {
    case 'HOURLY':
      return everyHours(interval);
    case 'DAILY':
      return interval === 1 ? `Daily at ${at}` : `Every ${interval} days at ${at}`;
    case 'WEEKLY': {
      const days = (parts.get('BYDAY') ?? '')
        .split(',')
        .map((d) => RRULE_DAYS[d.trim().toUpperCase()])
        .filter(Boolean);
      const on = days.length ? ` on ${days.join(', ')}` : '';
      return `${interval === 1 ? 'Weekly' : `Every ${interval} weeks`}${on} at ${at}`;
    }
    default:
      return rule;
  }
}

const PERIOD = /^(Minutes|Hours)(\d+)$/;

/** Veeam schedulePolicy → words: "Every 5 minutes", "Workdays at 08:00". */
export function veeamPolicyWords(policy: {
  type: string;
  periodicallyEvery?: string;
  dailyType?: string;
  dailyTime?: string;
  scheduleEnabled?: boolean;
}): string {
  if (policy.scheduleEnabled === false) return 'Manually';
  if (policy.type === 'Periodically') {
    const m = PERIOD.exec(policy.periodicallyEvery ?? '');
    if (!m) return `Periodically (${policy.periodicallyEvery ?? 'unknown period'})`;
    const n = Number(m[2]);
    return m[1] === 'Hours' ? everyHours(n) : n === 1 ? 'Every minute' : `Every ${n} minutes`;
  }
  if (policy.type === 'Daily') {
    const [h = 0, min = 0] = (policy.dailyTime ?? '00:00').split(':').map(Number);
    const days = policy.dailyType ?? 'Everyday';
    const when =
      days === 'Everyday'
        ? 'Daily'
        : days === 'Workdays'
          ? 'Workdays'
          : days === 'Weekends'
            ? 'Weekends'
            : `${days}s`;
    return `${when} at ${clock12(h, min)}`;
  }
  return policy.type;
}
