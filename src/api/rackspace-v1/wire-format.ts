import { z } from '../contract/zod';

/** Rackspace Cloud Backup v1.0 wire primitives: ids, dates, sizes, durations, states (see ./wire.ts). */

/** An integer id, sent as a number or a numeric string (the seeds send numbers; tables say String). */
export const v1IdSchema = z
  .pipe(
    z.union([z.number(), z.string().check(z.trim(), z.regex(/^\d+$/, 'must be a whole number'))]),
    z.transform((v) => Number(v)),
  )
  .check(z.refine((n) => Number.isSafeInteger(n) && n > 0, 'must be a positive whole number'));

/** `/Date(ms)/` (JSON text `"\/Date(ms)\/"`), optionally with a zone offset `/Date(ms+0000)/`. */
export const msDateSchema = z
  .string()
  .check(z.regex(/^\/Date\(-?\d+([+-]\d{4})?\)\/$/, 'not a /Date(ms)/ date'));

export function toMsDate(ms: number): string {
  return `/Date(${Math.round(ms)})/`;
}

/** Milliseconds of a `/Date(ms)/` string; null for null or a malformed value. */
export function fromMsDate(value: string | null | undefined): number | null {
  const m = value ? /^\/Date\((-?\d+)/.exec(value) : null;
  return m?.[1] ? Number(m[1]) : null;
}

/** Human byte size as the vendor writes it: "35.3 MB", "3.7 GB", "0 B". */
export function formatV1Size(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  const text = i === 0 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
  return `${text} ${units[i]}`;
}

/** Bytes of a human size string ("35.3 MB" → 37014732); null when it cannot be read. */
export function parseV1Size(text: string | null | undefined): number | null {
  const m = text ? /^\s*([\d.]+)\s*(B|KB|MB|GB|TB|PB)\s*$/i.exec(text) : null;
  if (!m?.[1] || !m[2]) return null;
  const power = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'].indexOf(m[2].toUpperCase());
  return Math.round(Number(m[1]) * 1024 ** power);
}

/** `hh:mm:ss` durations. */
export function formatV1Duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

export const BACKUP_STATES = [
  'Queued',
  'InProgress',
  'Skipped',
  'Missed',
  'Stopped',
  'Completed',
  'Failed',
  'Preparing',
  'StartRequested',
  'StartScheduled',
  'StopRequested',
  'CompletedWithErrors',
] as const;
export const backupStateSchema = z.enum(BACKUP_STATES);
export type BackupState = z.infer<typeof backupStateSchema>;

/** `RestoreStateId` values; Activity and RestoreReport use the names as strings. */
export const RESTORE_STATES = [
  'Creating',
  'Queued',
  'InProgress',
  'Completed',
  'Stopped',
  'Failed',
  'StartRequested',
  'StopRequested',
  'CompletedWithErrors',
  'Preparing',
] as const;
export const restoreStateSchema = z.enum(RESTORE_STATES);
export type RestoreState = z.infer<typeof restoreStateSchema>;

export const publicKeySchema = z.object({ ModulusHex: z.string(), ExponentHex: z.string() });
