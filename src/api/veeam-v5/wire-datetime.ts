import { z } from '../contract/zod';

/** Veeam v5 wire: the explore `datetime` in its documented forms (see ./wire.ts). */

const DATETIME_FORMATS = [
  // yyyy-MM-dd HH:mm:ss.SSS (seconds and fraction optional), and ISO-8601 with up to 7 fractional digits
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?$/i,
  // yyyy.MM.dd hh:mm:ss (12-hour "hh" in .NET notation; a 24-hour value and AM/PM are taken as well)
  /^(\d{4})\.(\d{2})\.(\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))?()(?:\s*(AM|PM))?$/i,
];

/**
 * Reads an explore `datetime`: "2020-04-12 10:54:40.279", "2020.04.12 10:54:40" or ISO-8601 such as
 * "2020-04-12T10:54:40.2794046Z" (seed 004). Without a zone it is UTC (the vendor's type is "UTC").
 * Returns epoch milliseconds, or null when the text is not a real date in one of those forms.
 */
export function parseVeeamDateTime(text: string): number | null {
  const value = text.trim();
  for (const [i, format] of DATETIME_FORMATS.entries()) {
    const m = format.exec(value);
    if (!m) continue;
    const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
      .slice(1, 7)
      .map((s) => Number(s ?? 0));
    const suffix = m[8];
    let h = hour;
    let offsetMin = 0;
    if (i === 0 && suffix && suffix.toUpperCase() !== 'Z') {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(suffix);
      offsetMin = (z?.[1] === '-' ? -1 : 1) * (Number(z?.[2]) * 60 + Number(z?.[3]));
    }
    if (i === 1 && suffix) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (suffix.toUpperCase() === 'PM' ? 12 : 0);
    }
    // setUTCFullYear, unlike Date.UTC, keeps years 0–99 (.NET's empty date is 0001-01-01).
    const check = new Date(0);
    check.setUTCFullYear(year, month - 1, day);
    check.setUTCHours(h, minute, second, 0);
    const whole = check.getTime();
    // 2020-02-31 rolls over into March: a date that does not come back unchanged is not real.
    const real =
      check.getUTCFullYear() === year &&
      check.getUTCMonth() === month - 1 &&
      check.getUTCDate() === day &&
      check.getUTCHours() === h &&
      check.getUTCMinutes() === minute &&
      check.getUTCSeconds() === second;
    const fractionMs = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
    return real ? whole + fractionMs - offsetMin * 60_000 : null;
  }
  return null;
}

/** Formats epoch ms in the first documented form, "yyyy-MM-dd HH:mm:ss.SSS" (UTC): what clients send. */
export function formatVeeamDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export const veeamDateTimeSchema = z
  .string()
  .check(
    z.refine(
      (s) => parseVeeamDateTime(s) !== null,
      'must be a date and time as "yyyy-MM-dd HH:mm:ss.SSS", "yyyy.MM.dd hh:mm:ss" or ISO-8601 (e.g. 2020-04-12T10:54:40.2794046Z)',
    ),
  );
