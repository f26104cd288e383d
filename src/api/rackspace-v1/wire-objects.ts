import { z } from 'zod';
import { backupStateSchema, msDateSchema, publicKeySchema, restoreStateSchema } from './wire-format';

/** The objects Cloud Backup v1.0 answers with (docs/dialects/rackspace-v1.md); field names are the vendor's. */

const id = z.number().int();
const msDate = msDateSchema.nullable();

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
  FilePathEncoded: z.string().nullable().optional(),
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
  EncryptionKey: publicKeySchema.nullable().optional(),
  Datacenter: z.string().nullable().optional(),
  BackupConfigurationName: z.string(),
  IsActive: z.boolean(),
  IsDeleted: z.boolean(),
  /** Days; 0 = forever. */
  VersionRetention: z.number().int(),
  BackupConfigurationScheduleId: id,
  /** 1 = notify ASAP, 2 = at the next scheduled time. */
  MissedBackupActionId: z.number().int(),
  Frequency: z.enum(FREQUENCIES),
  StartTimeHour: z.number().int().nullable(),
  StartTimeMinute: z.number().int().nullable(),
  StartTimeAmPm: z.enum(['AM', 'PM']).nullable(),
  DayOfWeekId: z.number().int().nullable(),
  HourInterval: z.number().int().nullable(),
  /** Windows zone name, "Eastern Standard Time". */
  TimeZoneId: z.string(),
  NextScheduledRunTime: msDate,
  LastRunTime: msDate,
  LastRunBackupReportId: id.nullable(),
  /** InProgress | Skipped | Queued | "Not Available" (and the other backup states while one runs). */
  BackupState: z.string().nullable().optional(),
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
  Datacenter: z.string().nullable().optional(),
  BackupDatacenter: z.string().nullable().optional(),
  StateChangeTime: msDate,
  IsEncrypted: z.boolean(),
  EncryptionKey: publicKeySchema.nullable(),
});
export type BackupDetail = z.infer<typeof backupDetailSchema>;

export const reportErrorSchema = z.object({
  BackupReportID: id.optional(),
  ListIndex: z.number().int(),
  ErrorType: z.string(),
  ErrorDesc: z.string(),
  ExceptionDesc: z.string(),
  ExceptionDetails: z.string(),
  ExceptionCode: z.number().int(),
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
  Datacenter: z.string().nullable().optional(),
  BackupDatacenter: z.string().nullable().optional(),
  /** The agent's snapshot of the run (null before it took one). */
  SnapshotId: z.number().int().nullable().optional(),
  State: backupStateSchema,
  CanRestore: z.boolean(),
  StartTime: msDate,
  CompletedTime: msDate,
  /** "hh:mm:ss". */
  Duration: z.string(),
  FilesSearched: z.number().int(),
  BytesSearched: z.string(),
  FilesBackedUp: z.number().int(),
  BytesBackedUp: z.string(),
  NumErrors: z.number().int(),
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
  NumErrors: z.number().int(),
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
  BackupDataCenter: z.string().nullable(),
  BackupConfigurationId: id,
  BackupConfigurationName: z.string(),
  BackupRestorePoint: msDate,
  BackupMachineName: z.string(),
  BackupFlavor: z.string(),
  DestinationMachineName: z.string(),
  DestinationPath: z.string(),
  IsEncrypted: z.boolean(),
  EncryptedPassword: z.string().nullable(),
  PublicKey: publicKeySchema.nullable(),
  /** 0 Creating … 9 Preparing: the index into RESTORE_STATES. */
  RestoreStateId: z.number().int().min(0).max(9),
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
  NumFilesRestored: z.number().int(),
  NumBytesRestored: z.string(),
  RestoreDestination: z.string(),
  RestoreDestinationMachineId: id,
  NumErrors: z.number().int(),
  Reason: z.string(),
  Diagnostics: z.string(),
  ErrorList: z.array(reportErrorSchema),
});
export type RestoreReport = z.infer<typeof restoreReportSchema>;

/** A file rule of a restore (GET /restore/files/{restoreId}). Filter 1 = include, 2 = exclude. */
export const restoreFileSchema = z.object({
  FilePath: z.string(),
  Filter: z.number().int(),
  RestoreId: id,
  FileItemType: z.number().int(),
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
export const startBackupAnswerSchema = z.coerce.number().int().positive();
