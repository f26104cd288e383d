import { z } from '../contract/zod';
import { v1IdSchema } from './wire-format';

/** Request bodies of Cloud Backup v1.0 (docs/dialects/rackspace-v1.md). Ids accept numbers or numeric strings. */

const actionSchema = z.enum(['StartManual', 'StopManual'], {
  error: 'Action must be "StartManual" or "StopManual"',
});

/** POST /backup/action-requested: StartManual takes a BackupConfigurationId, StopManual a BackupId. */
export const backupActionRequestSchema = z.object({
  Action: actionSchema,
  Id: v1IdSchema,
});
export type BackupActionRequest = z.input<typeof backupActionRequestSchema>;

/**
 * POST /restore/action-requested. `EncryptedPassword` only with StartManual, null or absent for an
 * unencrypted vault; for an encrypted one the vault password, plain or hex-encoded (see ./wire.ts).
 */
export const restoreActionRequestSchema = z.object({
  Action: actionSchema,
  Id: v1IdSchema,
  EncryptedPassword: z.nullish(z.string()),
});
export type RestoreActionRequest = z.input<typeof restoreActionRequestSchema>;

/** PUT /restore creates a restore in state Creating (RestoreStateId 0). */
export const restoreCreateSchema = z.object({
  BackupId: v1IdSchema,
  BackupMachineId: v1IdSchema,
  DestinationMachineId: v1IdSchema,
  /** Empty = the original place. */
  DestinationPath: z._default(z.string().check(z.maxLength(1024)), ''),
  OverwriteFiles: z._default(z.boolean(), false),
  BackupDataCenter: z.nullish(z.string()),
});
export type RestoreCreate = z.input<typeof restoreCreateSchema>;

/** POST /restore updates a restore while it is still Creating. */
export const restoreUpdateSchema = z.extend(restoreCreateSchema, {
  RestoreId: v1IdSchema,
  BackupConfigurationId: z.optional(v1IdSchema),
  RestoreStateId: z.optional(z.int()),
});
export type RestoreUpdate = z.input<typeof restoreUpdateSchema>;

/** PUT /restore/files: a file rule. Filter 1 = include, 2 = exclude; FileItemType 0 file, 1 folder. */
export const restoreFileInputSchema = z.object({
  FilePath: z.string().check(z.minLength(1), z.maxLength(1024)),
  FilePathEncoded: z.nullish(z.string()),
  Filter: z.union([z.literal(1), z.literal(2)]),
  ParentId: v1IdSchema,
  FileItemType: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  FileId: z.nullish(z.int()),
});
export type RestoreFileInput = z.input<typeof restoreFileInputSchema>;

/**
 * POST /backup-configuration/enable/{id}: the docs say `Enable`; RS-SDK's old client posts `Enabled`.
 * Both are accepted; `enable` is the value that counts.
 */
export const configurationEnableSchema = z.pipe(
  z.object({ Enable: z.optional(z.boolean()), Enabled: z.optional(z.boolean()) }).check(
    z.refine((b) => b.Enable !== undefined || b.Enabled !== undefined, {
      message: 'Enable (true or false) is required',
    }),
  ),
  z.transform((b) => ({ enable: (b.Enable ?? b.Enabled) as boolean })),
);
export type ConfigurationEnable = z.input<typeof configurationEnableSchema>;

/** POST /agent/enable. */
export const agentEnableSchema = z.object({
  MachineAgentId: v1IdSchema,
  Enable: z.boolean(),
});
export type AgentEnable = z.input<typeof agentEnableSchema>;
