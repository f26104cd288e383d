import type { Schedule } from '../api/domain';
import { formatScheduleZone } from '../lib/format';

/**
 * The time zone a schedule runs in, in words with its UTC offset at the next run (or now), for the
 * lists' second line and the pages' "Time zone"; null when there is none to tell (the vendor names
 * none, or `withManual` is false and the schedule runs only by hand).
 */
export function scheduleZoneText(
  schedule: Schedule,
  nextRunAt: string | null,
  { withManual = false }: { withManual?: boolean } = {},
): string | null {
  if (!schedule.zone || (schedule.manual && !withManual)) return null;
  return formatScheduleZone(schedule.zone, nextRunAt ?? undefined);
}

/** The IANA name behind a zone named otherwise ("Eastern Standard Time" is America/New_York), for a title. */
export function scheduleZoneTitle(schedule: Schedule): string | undefined {
  const zone = schedule.zone;
  return zone?.iana && zone.iana !== zone.name ? `IANA time zone ${zone.iana}` : undefined;
}
