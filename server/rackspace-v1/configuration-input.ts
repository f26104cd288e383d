import { z } from '../../src/api/contract/zod';
import { FREQUENCIES, v1IdSchema } from '../../src/api/rackspace-v1/wire';
import { WINDOWS_ZONE_NAMES, zoneOfWindowsName } from '../../src/api/rackspace-v1/windows-zones';
import type { ConfigurationFields } from '../store/rackspace-configurations';
import type { PathRule } from '../store/rackspace-types';

/**
 * The body of v1.0 `POST /backup-configuration` and `PUT /backup-configuration/{id}` as the vendor
 * documents it (docs/rackspace-sdk.md, "Configurations"). Keys the vendor's own answers carry
 * (`BackupConfigurationId`, `Datacenter`, `EncryptionKey`, `IsDeleted`, …) may come along, as
 * Rackspace's SDK sends a read configuration back: they are ignored. The vendor's tables type every
 * field "String", its examples send JSON numbers and booleans: both are taken.
 */

const fromString = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (/^-?\d+$/.test(text)) return Number(text);
  return value;
};

const flag = z.pipe(z.transform(fromString), z.boolean({ error: 'must be true or false' }));

function wholeIn(min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}, or null`;
  return z.pipe(
    z.transform(fromString),
    z.number({ error }).check(z.int({ error }), z.minimum(min, { error }), z.maximum(max, { error })),
  );
}
const optionalWholeIn = (min: number, max: number) => z.nullish(wholeIn(min, max));

const fileRuleSchema = z.object({
  FilePath: z
    .string({ error: 'must be a path' })
    .check(
      z.minLength(1, { error: 'must not be empty' }),
      z.maxLength(1024, { error: 'must be at most 1024 characters' }),
    ),
  FileItemType: z.enum(['File', 'Folder'], { error: 'must be "File" or "Folder"' }),
});

const fileRules = z.nullish(
  z
    .array(fileRuleSchema, { error: 'must be a list of {FilePath, FileItemType}' })
    .check(z.maxLength(1000, { error: 'may hold at most 1000 rules' })),
);

export const configurationInputSchema = z.object({
  MachineAgentId: v1IdSchema,
  BackupConfigurationName: z
    .string({ error: 'must be a name' })
    .check(
      z.trim(),
      z.minLength(1, { error: 'must not be empty' }),
      z.maxLength(255, { error: 'must be at most 255 characters' }),
    ),
  IsActive: flag,
  VersionRetention: z.pipe(
    z.transform(fromString),
    z.union([z.literal(0), z.literal(30), z.literal(60)], {
      error: 'must be 0 (keep every version), 30 or 60 (days)',
    }),
  ),
  MissedBackupActionId: z.optional(
    z.pipe(
      z.transform(fromString),
      z.union([z.literal(1), z.literal(2)], {
        error: 'must be 1 (notify at once) or 2 (notify at the next scheduled time)',
      }),
    ),
  ),
  Frequency: z.enum(FREQUENCIES, { error: 'must be "Manually", "Hourly", "Daily" or "Weekly"' }),
  StartTimeHour: optionalWholeIn(1, 12),
  StartTimeMinute: optionalWholeIn(0, 59),
  StartTimeAmPm: z.nullish(z.enum(['AM', 'PM'], { error: 'must be "AM", "PM" or null' })),
  DayOfWeekId: optionalWholeIn(0, 6),
  HourInterval: optionalWholeIn(1, 23),
  TimeZoneId: z.string({ error: 'must be a Windows time zone name, such as "Eastern Standard Time"' }),
  NotifyRecipients: z
    .string({ error: 'must be an e-mail address, or "" for none' })
    .check(z.maxLength(1024, { error: 'must be at most 1024 characters' })),
  NotifySuccess: flag,
  NotifyFailure: flag,
  BackupPrescript: z.nullish(z.string({ error: 'must be a string' }).check(z.maxLength(4096))),
  BackupPostscript: z.nullish(z.string({ error: 'must be a string' }).check(z.maxLength(4096))),
  Inclusions: fileRules,
  Exclusions: fileRules,
  /** Only on an update; when given it must be the configuration's own. */
  BackupConfigurationScheduleId: z.nullish(z.pipe(z.transform(fromString), z.int())),
});
export type ConfigurationInput = z.output<typeof configurationInputSchema>;

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The stored fields of a valid body, or what is wrong with it: what the schedule of its Frequency
 * needs, a time zone the service knows, recipients where notices are asked for, paths listed once.
 */
export function configurationFields(
  input: ConfigurationInput,
): { ok: true; fields: Omit<ConfigurationFields, 'next_run_at'> } | { ok: false; message: string } {
  const wrong: string[] = [];
  const f = input.Frequency;
  const timed = f === 'Daily' || f === 'Weekly';
  if (timed) {
    for (const key of ['StartTimeHour', 'StartTimeMinute', 'StartTimeAmPm'] as const)
      if (input[key] == null) wrong.push(`${key} is required for a ${f} configuration`);
  }
  if (f === 'Weekly' && input.DayOfWeekId == null)
    wrong.push('DayOfWeekId (0 Sunday to 6 Saturday) is required for a Weekly configuration');
  if (f === 'Hourly' && input.HourInterval == null)
    wrong.push('HourInterval (1 to 23 hours) is required for an Hourly configuration');
  const zone = zoneOfWindowsName(input.TimeZoneId.trim());
  if (!zone)
    wrong.push(
      `TimeZoneId "${input.TimeZoneId}" is not a Windows time zone name this service knows; use one of ${WINDOWS_ZONE_NAMES.map((n) => `"${n}"`).join(', ')}`,
    );
  const recipients = input.NotifyRecipients.split(/[,;]/)
    .map((r) => r.trim())
    .filter(Boolean);
  const badAddress = recipients.find((r) => !ADDRESS.test(r));
  if (badAddress) wrong.push(`NotifyRecipients: "${badAddress}" is not an e-mail address`);
  if ((input.NotifySuccess || input.NotifyFailure) && recipients.length === 0)
    wrong.push('NotifyRecipients needs an e-mail address when NotifySuccess or NotifyFailure is true');
  const inclusions = rules(input.Inclusions);
  const exclusions = rules(input.Exclusions);
  for (const [name, list] of [
    ['Inclusions', inclusions],
    ['Exclusions', exclusions],
  ] as const) {
    const twice = list.find((r, i) => list.findIndex((o) => o.path === r.path) !== i);
    if (twice) wrong.push(`${name} lists "${twice.path}" more than once`);
  }
  const both = inclusions.find((r) => exclusions.some((e) => e.path === r.path));
  if (both) wrong.push(`"${both.path}" is both included and excluded`);
  if (wrong.length) return { ok: false, message: `The body is not valid: ${wrong.join('; ')}.` };

  const hour12 = input.StartTimeHour ?? 12;
  return {
    ok: true,
    fields: {
      name: input.BackupConfigurationName,
      enabled: input.IsActive ? 1 : 0,
      frequency: f,
      hour_interval: f === 'Hourly' ? (input.HourInterval ?? null) : null,
      start_hour: timed ? (hour12 % 12) + (input.StartTimeAmPm === 'PM' ? 12 : 0) : null,
      start_minute: timed || f === 'Hourly' ? (input.StartTimeMinute ?? null) : null,
      day_of_week: f === 'Weekly' ? (input.DayOfWeekId ?? null) : null,
      time_zone: zone!,
      retention_days: input.VersionRetention,
      missed_action: input.MissedBackupActionId ?? 1,
      notify_recipients: input.NotifyRecipients.trim(),
      notify_success: input.NotifySuccess ? 1 : 0,
      notify_failure: input.NotifyFailure ? 1 : 0,
      prescript: input.BackupPrescript ?? '',
      postscript: input.BackupPostscript ?? '',
      inclusions: JSON.stringify(inclusions),
      exclusions: JSON.stringify(exclusions),
    },
  };
}

function rules(list: ConfigurationInput['Inclusions']): PathRule[] {
  return (list ?? []).map((r) => ({ type: r.FileItemType === 'File' ? 'file' : 'folder', path: r.FilePath }));
}
