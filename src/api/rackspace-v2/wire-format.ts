import { z } from '../contract/zod';

/** Rackspace Cloud Backup v2 wire primitives: links, refs, the error body, states (see ./wire.ts). */

export const linkSchema = z.object({ href: z.string(), rel: z.string() });
export type Link = z.infer<typeof linkSchema>;

export const refSchema = z.object({ id: z.string(), links: z.array(linkSchema) });
export type Ref = z.infer<typeof refSchema>;

export const v2ErrorSchema = z.object({
  message: z.string(),
  errors: z.optional(z.array(z.string())),
});
export type V2Error = z.infer<typeof v2ErrorSchema>;

export const BACKUP_STATES = [
  'start_requested',
  'start_scheduled',
  'queued',
  'preparing',
  'in_progress',
  'stop_requested',
  'completed',
  'completed_with_errors',
  'failed',
  'stopped',
  'skipped',
  'missed',
] as const;
export const backupStateSchema = z.enum(BACKUP_STATES);
export type BackupState = z.infer<typeof backupStateSchema>;
export const TERMINAL_BACKUP_STATES: readonly BackupState[] = [
  'completed',
  'completed_with_errors',
  'failed',
  'stopped',
  'skipped',
  'missed',
];

export const RESTORE_STATES = [
  'start_requested',
  'queued',
  'preparing',
  'in_progress',
  'stop_requested',
  'completed',
  'completed_with_errors',
  'failed',
  'stopped',
] as const;
export const restoreStateSchema = z.enum(RESTORE_STATES);
export type RestoreState = z.infer<typeof restoreStateSchema>;
export const TERMINAL_RESTORE_STATES: readonly RestoreState[] = [
  'completed',
  'completed_with_errors',
  'failed',
  'stopped',
];

export const pathRuleSchema = z.object({
  type: z.enum(['file', 'folder']),
  path: z.string().check(z.minLength(1)),
});
export type PathRule = z.infer<typeof pathRuleSchema>;
