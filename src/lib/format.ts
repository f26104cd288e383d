/**
 * Formatting for people: bytes, rates, durations, ETAs, times with their zone, relative times.
 * Every function accepts null/undefined and answers "—" so that callers need no guards.
 */

export const NONE = '—';

type Maybe<T> = T | null | undefined;

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** 1536 → "1.5 KB". Binary multiples with the familiar labels, as Rackspace's own answers use. */
export function formatBytes(bytes: Maybe<number>): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return NONE;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** Bytes per second → "12.3 MB/s". */
export function formatRate(bytesPerSecond: Maybe<number>): string {
  const bytes = formatBytes(bytesPerSecond);
  return bytes === NONE ? NONE : `${bytes}/s`;
}

/** Items per second → "40 items/s". */
export function formatItemRate(itemsPerSecond: Maybe<number>): string {
  if (itemsPerSecond == null || !Number.isFinite(itemsPerSecond) || itemsPerSecond < 0) return NONE;
  const digits = itemsPerSecond < 10 && itemsPerSecond % 1 !== 0 ? 1 : 0;
  return `${itemsPerSecond.toFixed(digits)} items/s`;
}

/** 3725 → "1 h 2 min"; 45 → "45 s"; the two largest units only, because more is noise. */
export function formatDuration(seconds: Maybe<number>): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return NONE;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const parts: [number, string][] = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor((s % 86400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'min'],
    [s % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}

/** Seconds between two ISO times (end defaults to now), for a run's elapsed time. */
export function secondsBetween(
  startIso: Maybe<string>,
  endIso?: Maybe<string>,
  now = Date.now(),
): number | null {
  if (!startIso) return null;
  const start = Date.parse(startIso);
  const end = endIso ? Date.parse(endIso) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, (end - start) / 1000);
}

/** Estimated time left → "about 3 min left"; under ten seconds reads "almost done". */
export function formatEta(seconds: Maybe<number>): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return NONE;
  if (seconds < 10) return 'almost done';
  return `about ${formatDuration(seconds)} left`;
}

/** 12345 → "12,345". */
export function formatCount(n: Maybe<number>): string {
  if (n == null || !Number.isFinite(n)) return NONE;
  return (countFormat ??= new Intl.NumberFormat('en-US')).format(n);
}

/** 0..100 → "42%". */
export function formatPercent(percent: Maybe<number>): string {
  if (percent == null || !Number.isFinite(percent)) return NONE;
  return `${Math.round(Math.min(100, Math.max(0, percent)))}%`;
}

/**
 * Intl formatters cost far more to make than to use (a list of 10,000 rows formats hundreds of times
 * per render): one of each kind per zone, made once.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(kind: 'date-time' | 'time' | 'zone', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}\u0000${timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date-time'
        ? { dateStyle: 'medium', timeStyle: 'short', timeZone }
        : kind === 'time'
          ? { timeStyle: 'medium', timeZone }
          : { timeZone, timeZoneName: 'short' };
    f = new Intl.DateTimeFormat('en-US', options);
    formatters.set(key, f);
  }
  return f;
}

// Made on first use: each Intl formatter loads its locale data when made, a few milliseconds of the
// first page's start-up that a page without relative times or counts need not spend.
let relativeFormat: Intl.RelativeTimeFormat | undefined;
let countFormat: Intl.NumberFormat | undefined;

function toDate(iso: Maybe<string | number | Date>): Date | null {
  if (iso == null || iso === '') return null;
  const d = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "Nov 22, 2026, 7:05 AM UTC": a time always shows its zone (the viewer's own unless given). */
export function formatDateTime(iso: Maybe<string | number | Date>, timeZone?: string): string {
  const d = toDate(iso);
  if (!d) return NONE;
  const text = dateFormat('date-time', timeZone).format(d);
  return `${plainSpaces(text)} ${zoneName(d, timeZone)}`;
}

/** ICU puts narrow no-break spaces before AM/PM; plain spaces copy, search and match better. */
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

/** "7:05:09 AM UTC": a time of day with its zone, for "data as of". */
export function formatTime(iso: Maybe<string | number | Date>, timeZone?: string): string {
  const d = toDate(iso);
  if (!d) return NONE;
  const time = dateFormat('time', timeZone).format(d);
  return `${plainSpaces(time)} ${zoneName(d, timeZone)}`;
}

/**
 * Makes the date formatters ahead of the first answers: the first Intl.DateTimeFormat of a page loads
 * the locale's date data, about 70 ms of a mid-range phone's main thread that would otherwise be part of
 * the render that shows the first answers ("data as of", run times). main.tsx calls it once the page
 * has painted, while the adapters and the first answers are on their way.
 */
export function warmDateFormats(): void {
  const now = Date.now();
  formatDateTime(now);
  formatTime(now);
}

/** Zone names by zone and quarter hour (offsets change on quarter hours at the finest). */
const zoneNames = new Map<string, string>();
function zoneName(d: Date, timeZone?: string): string {
  const key = `${timeZone ?? ''}\u0000${Math.floor(d.getTime() / 900_000)}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    const part = dateFormat('zone', timeZone)
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName');
    name = part?.value ?? 'UTC';
    if (zoneNames.size > 10_000) zoneNames.clear();
    zoneNames.set(key, name);
  }
  return name;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat | null>();

/** The UTC offset of an IANA zone at a time, in minutes; null for a zone this browser does not know. */
export function zoneOffsetMinutes(
  iana: string,
  at: Maybe<string | number | Date> = Date.now(),
): number | null {
  let f = offsetFormats.get(iana);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: iana, timeZoneName: 'longOffset' });
    } catch {
      f = null;
    }
    offsetFormats.set(iana, f);
  }
  if (!f) return null;
  const name = f.formatToParts(toDate(at) ?? new Date()).find((p) => p.type === 'timeZoneName')?.value;
  if (name === 'GMT') return 0;
  const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name ?? '');
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** "UTC-05:00", "UTC+05:30", "UTC+00:00". */
export function formatUtcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/**
 * A schedule's time zone (domain ScheduleZone) in words, with its UTC offset at `at` (the next run:
 * summer time moves it): "Eastern Standard Time (UTC-05:00)", "America/Chicago (UTC-06:00)",
 * "Veeam server time (UTC+00:00)"; the name alone when no offset is known.
 */
export function formatScheduleZone(
  zone: { name: string; iana: string | null; offsetMinutes: number | null },
  at?: Maybe<string | number | Date>,
): string {
  const offset = zone.iana ? zoneOffsetMinutes(zone.iana, at ?? Date.now()) : zone.offsetMinutes;
  if (offset === null || zone.name === 'UTC') return zone.name;
  return `${zone.name} (${formatUtcOffset(offset)})`;
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "3 minutes ago", "in 2 hours", "now". */
export function formatRelative(iso: Maybe<string | number | Date>, now: number = Date.now()): string {
  const d = toDate(iso);
  if (!d) return NONE;
  let delta = (d.getTime() - now) / 1000;
  if (Math.abs(delta) < 5) return 'now';
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(delta) < size)
      return (relativeFormat ??= new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' })).format(
        Math.round(delta),
        unit,
      );
    delta /= size;
  }
  return NONE;
}

/**
 * When a run started, or, when only its end is known (v1.0's activity tells an ended run's end),
 * "Ended …"; `fallback` when neither is.
 */
export function formatStartOrEnd(startedAt: Maybe<string>, endedAt: Maybe<string>, fallback = NONE): string {
  if (startedAt) return formatDateTime(startedAt);
  return endedAt ? `Ended ${formatDateTime(endedAt)}` : fallback;
}
