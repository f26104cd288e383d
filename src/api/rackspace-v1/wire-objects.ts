import { z } from '../contract/zod';
import { backupStateSchema, msDateSchema, publicKeySchema, restoreStateSchema } from './wire-format';

/** The objects Cloud Backup v1.0 answers with (docs/dialects/rackspace-v1.md); field names are the vendor's. */

const id = z.int();
const msDate = z.nullable(msDateSchema);

export const agentSchema = z.object({
  AgentVersion: z.string(),
  Architecture: z.string(),
  Flavor: z.string(),
  BackupVaultSize: z.string(),
  BackupContainer: z.string(),
  CleanupAllowed: z.boolean(),
  Datacenter: z.string(),
  BackupDataCenter: z.string(),
  IPAddress: z.string(),
  IsDisabled: z.boolean(),
  IsEncrypted: z.boolean(),
  MachineAgentId: id,
  MachineName: z.string(),
  OperatingSystem: z.string(),
  OperatingSystemVersion: z.string(),
  PublicKey: publicKeySchema,
  Status: z.enum(['Online', 'Offline']),
  TimeOfLastSuccessfulBackup: msDate,
  UseServiceNet: z.boolean(),
  HostServerId: z.string(),
});
export type Agent = z.infer<typeof agentSchema>;

export const fileEntrySchema = z.object({
  FilePath: z.string(),
  ParentId: id,
  FileItemType: z.enum(['File', 'Folder']),
  FileId: id,
  FilePathEncoded: z.nullish(z.string()),
  Filter: z.enum(['Include', 'Exclude']),
});
export type FileEntry = z.infer<typeof fileEntrySchema>;

export const FREQUENCIES = ['Manually', 'Hourly', 'Daily', 'Weekly'] as const;

export const backupConfigurationSchema = z.object({
  BackupConfigurationId: id,
  MachineAgentId: id,
  MachineName: z.string(),
  Flavor: z.string(),
  IsEncrypted: z.boolean(),
  EncryptionKey: z.nullish(publicKeySchema),
  Datacenter: z.nullish(z.string()),
  BackupConfigurationName: z.string(),
  IsActive: z.boolean(),
  IsDeleted: z.boolean(),
  /** Days; 0 = forever. */
  VersionRetention: z.int(),
  BackupConfigurationScheduleId: id,
  /** 1 = notify ASAP, 2 = at the next scheduled time. */
  MissedBackupActionId: z.int(),
  Frequency: z.enum(FREQUENCIES),
  StartTimeHour: z.nullable(z.int()),
  StartTimeMinute: z.nullable(z.int()),
  StartTimeAmPm: z.nullable(z.enum(['AM', 'PM'])),
  DayOfWeekId: z.nullable(z.int()),
  HourInterval: z.nullable(z.int()),
  /** Windows zone name, "Eastern Standard Time". */
  TimeZoneId: z.string(),
  NextScheduledRunTime: msDate,
  LastRunTime: msDate,
  LastRunBackupReportId: z.nullable(id),
  /** InProgress | Skipped | Queued | "Not Available" (and the other backup states while one runs). */
  BackupState: z.nullish(z.string()),
  NotifyRecipients: z.string(),
  NotifySuccess: z.boolean(),
  NotifyFailure: z.boolean(),
  BackupPrescript: z.string(),
  BackupPostscript: z.string(),
  Inclusions: z.array(fileEntrySchema),
  Exclusions: z.array(fileEntrySchema),
});
export type BackupConfiguration = z.infer<typeof backupConfigurationSchema>;

export const backupDetailSchema = z.object({
  BackupId: id,
  BackupConfigurationId: id,
  BackupConfigurationName: z.string(),
  CurrentState: backupStateSchema,
  MachineAgentId: id,
  MachineName: z.string(),
  /** The machine's data centre and its vault's; the reference service sends both (its SDK reads them). */
  Datacenter: z.nullish(z.string()),
  BackupDatacenter: z.nullish(z.string()),
  StateChangeTime: msDate,
  IsEncrypted: z.boolean(),
  EncryptionKey: z.nullable(publicKeySchema),
});
export type BackupDetail = z.infer<typeof backupDetailSchema>;

export const reportErrorSchema = z.object({
  BackupReportID: z.optional(id),
  ListIndex: z.int(),
  ErrorType: z.string(),
  ErrorDesc: z.string(),
  ExceptionDesc: z.string(),
  ExceptionDetails: z.string(),
  ExceptionCode: z.int(),
  Path: z.string(),
});
export type ReportError = z.infer<typeof reportErrorSchema>;

export const backupReportSchema = z.object({
  BackupId: id,
  BackupConfigurationId: id,
  BackupConfigurationName: z.string(),
  BackupConfigurationIsDeleted: z.boolean(),
  ComputerName: z.string(),
  MachineAgentId: id,
  Datacenter: z.nullish(z.string()),
  BackupDatacenter: z.nullish(z.string()),
  /** The agent's snapshot of the run (null before it took one). */
  SnapshotId: z.nullish(z.int()),
  State: backupStateSchema,
  CanRestore: z.boolean(),
  StartTime: msDate,
  CompletedTime: msDate,
  /** "hh:mm:ss". */
  Duration: z.string(),
  FilesSearched: z.int(),
  BytesSearched: z.string(),
  FilesBackedUp: z.int(),
  BytesBackedUp: z.string(),
  NumErrors: z.int(),
  Reason: z.string(),
  Diagnostics: z.string(),
  ErrorList: z.array(reportErrorSchema),
});
export type BackupReport = z.infer<typeof backupReportSchema>;

/** An item of GET /backup/completed/{backupConfigurationId}. */
export const completedBackupSchema = z.object({
  BackupId: id,
  BackupConfigurationId: id,
  BackupConfigurationName: z.string(),
  MachineAgentId: id,
  MachineName: z.string(),
  CompletedTime: msDate,
  BytesSearched: z.string(),
  NumErrors: z.int(),
});
export type CompletedBackup = z.infer<typeof completedBackupSchema>;

/** An item of GET /backup/availableforrestore: one per configuration with a restorable backup. */
export const availableForRestoreSchema = z.object({
  BackupConfigurationId: id,
  BackupConfigurationName: z.string(),
  MachineName: z.string(),
  MachineAgentId: id,
  IsEncrypted: z.boolean(),
  PublicKeyHex: z.string(),
  PublicKeyMod: z.string(),
  Flavor: z.string(),
  LastSuccessfulBackupTime: msDate,
});
export type AvailableForRestore = z.infer<typeof availableForRestoreSchema>;

export const restoreSchema = z.object({
  RestoreId: id,
  BackupId: id,
  BackupMachineId: id,
  DestinationMachineId: id,
  OverwriteFiles: z.boolean(),
  BackupDataCenter: z.nullable(z.string()),
  BackupConfigurationId: id,
  BackupConfigurationName: z.string(),
  BackupRestorePoint: msDate,
  BackupMachineName: z.string(),
  BackupFlavor: z.string(),
  DestinationMachineName: z.string(),
  DestinationPath: z.string(),
  IsEncrypted: z.boolean(),
  EncryptedPassword: z.nullable(z.string()),
  PublicKey: z.nullable(publicKeySchema),
  /** 0 Creating … 9 Preparing: the index into RESTORE_STATES. */
  RestoreStateId: z.int().check(z.minimum(0), z.maximum(9)),
  Inclusions: z.array(fileEntrySchema),
  Exclusions: z.array(fileEntrySchema),
});
export type Restore = z.infer<typeof restoreSchema>;

export const restoreReportSchema = z.object({
  RestoreId: id,
  BackupConfigurationId: id,
  BackupConfigurationName: z.string(),
  BackupReportId: id,
  RestorePoint: msDate,
  StartTime: msDate,
  CompletedTime: msDate,
  Duration: z.string(),
  OriginatingComputerName: z.string(),
  State: restoreStateSchema,
  NumFilesRestored: z.int(),
  NumBytesRestored: z.string(),
  RestoreDestination: z.string(),
  RestoreDestinationMachineId: id,
  NumErrors: z.int(),
  Reason: z.string(),
  Diagnostics: z.string(),
  ErrorList: z.array(reportErrorSchema),
});
export type RestoreReport = z.infer<typeof restoreReportSchema>;

/** A file rule of a restore (GET /restore/files/{restoreId}). Filter 1 = include, 2 = exclude. */
export const restoreFileSchema = z.object({
  FilePath: z.string(),
  Filter: z.int(),
  RestoreId: id,
  FileItemType: z.int(),
});
export type RestoreFile = z.infer<typeof restoreFileSchema>;

export const activitySchema = z.object({
  ID: id,
  Type: z.enum(['Backup', 'Restore', 'Cleanup']),
  /** The configuration id. */
  ParentId: id,
  DisplayName: z.string(),
  IsBackupConfigurationDeleted: z.boolean(),
  SourceMachineAgentId: id,
  SourceMachineName: z.string(),
  /** 0 for backups. */
  DestinationMachineAgentId: id,
  DestinationMachineName: z.string(),
  /** A backup state, or a restore state name for restores. */
  CurrentState: z.string(),
  TimeOfActivity: msDate,
  BackupId: id,
});
export type Activity = z.infer<typeof activitySchema>;

export const agentListSchema = z.array(agentSchema);
export const backupConfigurationListSchema = z.array(backupConfigurationSchema);
export const completedBackupListSchema = z.array(completedBackupSchema);
export const availableForRestoreListSchema = z.array(availableForRestoreSchema);
export const activityListSchema = z.array(activitySchema);
export const restoreFileListSchema = z.array(restoreFileSchema);

/** StartManual answers the new BackupId as a bare number in the body: `368785`. */
export const startBackupAnswerSchema = z.coerce.number().check(z.int(), z.positive());
