import { z } from '../contract/zod';
import { backupStateSchema, linkSchema, pathRuleSchema, refSchema, restoreStateSchema } from './wire-format';

/** The objects Cloud Backup v2 answers with (docs/dialects/rackspace-v2.md); field names are the vendor's. */

const links = z.array(linkSchema);
const iso = z.nullable(z.string());
/** Lists carry `links` with `next`/`previous`; they may be missing on empty lists. */
const listLinks = z.optional(links);

export const agentSchema = z.object({
  project_id: z.string(),
  id: z.string(),
  name: z.string(),
  version: z.string(),
  host: z.object({
    flavor: z.string(),
    region: z.string(),
    machine: refSchema,
    os: z.object({ name: z.string(), version: z.string(), architecture: z.string() }),
    addresses: z.array(z.object({ version: z.int(), addr: z.string() })),
  }),
  enabled: z.boolean(),
  rsa_public_key: z.object({ modulus: z.string(), exponent: z.string() }),
  vault: z.object({
    id: z.string(),
    name: z.string(),
    state: z.string(),
    flavor: z.string(),
    encrypted: z.boolean(),
    region: z.string(),
    use_internal: z.boolean(),
    links,
  }),
  log_level: z.string(),
  registered_time: z.string(),
  links,
});
export type Agent = z.infer<typeof agentSchema>;
export const agentListSchema = z.object({ agents: z.array(agentSchema), links: listLinks });

/** GET /agents/{id}/status. */
export const agentStatusSchema = z.object({ busy: z.boolean(), online: z.boolean() });
export type AgentStatus = z.infer<typeof agentStatusSchema>;

export const scheduleSchema = z.object({
  /** One RRULE: `RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=14;BYMINUTE=0`. */
  recurrence: z.array(z.string()),
  /** IANA, "US/Central". */
  time_zone: z.string(),
  start: z.nullish(z.string()),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const notificationSchema = z.object({
  type: z.literal('email'),
  destination: z.string(),
  on_success: z.boolean(),
  on_failure: z.boolean(),
});

/** The summary form of GET /configurations: no inclusions, exclusions or notifications. */
export const configurationSummarySchema = z.object({
  project_id: z.string(),
  id: z.string(),
  agent: refSchema,
  name: z.string(),
  enabled: z.boolean(),
  deleted: z.boolean(),
  /** null = manual only. */
  schedule: z.nullable(scheduleSchema),
  retention: z.object({ days: z.int() }),
  backups: z.object({
    last_completed: z.nullable(refSchema),
    next: z.object({ scheduled_time: iso }),
  }),
  links,
});
export type ConfigurationSummary = z.infer<typeof configurationSummarySchema>;

export const configurationSchema = z.extend(configurationSummarySchema, {
  inclusions: z.array(pathRuleSchema),
  exclusions: z.array(pathRuleSchema),
  notifications: z.array(notificationSchema),
});
export type Configuration = z.infer<typeof configurationSchema>;
export const configurationListSchema = z.object({
  configurations: z.array(configurationSummarySchema),
  links: listLinks,
});

/** The `errors` object embedded in a backup or restore. */
export const errorsSummarySchema = z.object({
  count: z.int(),
  reason: z.string(),
  diagnostics: z.string(),
  links,
});

export const backupSchema = z.object({
  project_id: z.string(),
  id: z.string(),
  agent: refSchema,
  configuration: refSchema,
  state: backupStateSchema,
  started_time: iso,
  ended_time: iso,
  snapshot_id: z.nullable(z.int()),
  errors: errorsSummarySchema,
  files_searched: z.int(),
  files_backed_up: z.int(),
  bytes_searched: z.int(),
  bytes_backed_up: z.int(),
  bytes_in_db: z.int(),
  bandwidth_avg_bps: z.int(),
  restorable: z.boolean(),
  links,
});
export type Backup = z.infer<typeof backupSchema>;
export const backupListSchema = z.object({ backups: z.array(backupSchema), links: listLinks });

/** GET /backups/{id}/errors and /restores/{id}/errors. */
export const errorListSchema = z.object({
  count: z.int(),
  reason: z.string(),
  diagnostics: z.string(),
  list: z.array(
    z.object({
      index: z.int(),
      path: z.string(),
      /** file_or_folder_missing, file_missing_blocks, phx_exception … */
      type: z.string(),
      description: z.string(),
      exception: z.object({ code: z.int(), description: z.string(), details: z.string() }),
    }),
  ),
  links,
});
export type ErrorList = z.infer<typeof errorListSchema>;

export const restoreSchema = z.object({
  project_id: z.string(),
  id: z.string(),
  backup: refSchema,
  destination_agent: refSchema,
  destination_path: z.nullable(z.string()),
  overwrite_files: z.boolean(),
  inclusions: z.array(pathRuleSchema),
  exclusions: z.array(pathRuleSchema),
  state: restoreStateSchema,
  started_time: iso,
  ended_time: iso,
  errors: errorsSummarySchema,
  files_restored: z.int(),
  bytes_restored: z.int(),
  links,
});
export type Restore = z.infer<typeof restoreSchema>;
export const restoreListSchema = z.object({ restores: z.array(restoreSchema), links: listLinks });

export const eventSchema = z.object({
  /** A numeric string. */
  id: z.string(),
  time: z.string(),
  /** backup_queued, backup_progress, restore_completed … */
  event: z.string(),
  agent: z.object({ id: z.string() }),
  configuration: z.optional(z.object({ id: z.string() })),
  backup: z.optional(z.object({ id: z.string() })),
  restore: z.optional(z.object({ id: z.string() })),
  request_id: z.optional(z.string()),
  bytes_completed: z.optional(z.int()),
  bytes_remaining: z.optional(z.int()),
  total_bytes: z.optional(z.int()),
});
export type Event = z.infer<typeof eventSchema>;
export const eventListSchema = z.object({ events: z.array(eventSchema), links: listLinks });

export const activitySchema = z.object({
  id: z.string(),
  type: z.enum(['backup', 'restore', 'cleanup']),
  last_updated_time: z.string(),
  state: z.string(),
  agent: refSchema,
  configuration: z.optional(refSchema),
  links,
});
export type Activity = z.infer<typeof activitySchema>;
export const activityListSchema = z.object({ activities: z.array(activitySchema), links: listLinks });
