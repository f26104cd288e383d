import type {
  Activity,
  AvailableForRestore,
  BackupDetail,
  BackupReport,
  CompletedBackup,
  ReportError,
  Restore,
  RestoreReport,
} from '../../src/api/rackspace-v1/wire';
import { formatV1Duration, formatV1Size, RESTORE_STATES } from '../../src/api/rackspace-v1/wire';
import type { RestoreFileRow } from '../store/rackspace-restores';
import type { BackupView, ConfigurationView, ErrorRow, RestoreView } from '../store/rackspace-types';
import { msDate, publicKey, v1Reason, v1State } from './present';

/** Backups, restores and activity as v1.0 shows them. */

export function presentBackupDetail(b: BackupView): BackupDetail {
  return {
    BackupId: b.id,
    BackupConfigurationId: b.configuration_id,
    BackupConfigurationName: b.configuration_name,
    CurrentState: v1State(b.state),
    MachineAgentId: b.agent_id,
    MachineName: b.agent_name,
    // The machine's data centre and its vault's (one region here, as the agent details say).
    Datacenter: b.region,
    BackupDatacenter: b.region,
    StateChangeTime: msDate(b.changed_at),
    IsEncrypted: Boolean(b.agent_encrypted),
    // Always the agent's key, encrypted or not: Rackspace's SDK reads its two halves on every poll.
    EncryptionKey: publicKey(b.agent_modulus),
  };
}

function reportErrors(errors: ErrorRow[], reportId: number): ReportError[] {
  return errors.map((e) => ({
    BackupReportID: reportId,
    ListIndex: e.idx,
    ErrorType: e.type,
    ErrorDesc: e.description,
    ExceptionDesc: e.exception_description,
    ExceptionDetails: e.exception_details,
    ExceptionCode: e.exception_code,
    Path: e.path,
  }));
}

function duration(start: number | null, end: number | null, now: number): string {
  return start === null ? '00:00:00' : formatV1Duration((end ?? now) - start);
}

export function presentBackupReport(b: BackupView, errors: ErrorRow[], now: number): BackupReport {
  return {
    BackupId: b.id,
    BackupConfigurationId: b.configuration_id,
    BackupConfigurationName: b.configuration_name,
    BackupConfigurationIsDeleted: Boolean(b.configuration_deleted),
    ComputerName: b.agent_name,
    MachineAgentId: b.agent_id,
    Datacenter: b.region,
    BackupDatacenter: b.region,
    // The agent's snapshot of the run; null until it takes one (a run that never started).
    SnapshotId: b.snapshot_id,
    State: v1State(b.state),
    CanRestore: Boolean(b.restorable),
    StartTime: msDate(b.started_at),
    CompletedTime: msDate(b.ended_at),
    Duration: duration(b.started_at, b.ended_at, now),
    FilesSearched: b.files_searched,
    BytesSearched: formatV1Size(b.bytes_searched),
    FilesBackedUp: b.files_backed_up,
    BytesBackedUp: formatV1Size(b.bytes_backed_up),
    NumErrors: b.error_count,
    Reason: v1Reason(b.reason, b.state),
    Diagnostics: b.diagnostics,
    ErrorList: reportErrors(errors, b.id),
  };
}

export function presentCompleted(b: BackupView): CompletedBackup {
  return {
    BackupId: b.id,
    BackupConfigurationId: b.configuration_id,
    BackupConfigurationName: b.configuration_name,
    MachineAgentId: b.agent_id,
    MachineName: b.agent_name,
    CompletedTime: msDate(b.ended_at),
    BytesSearched: formatV1Size(b.bytes_searched),
    NumErrors: b.error_count,
  };
}

export function presentAvailable(c: ConfigurationView, lastSuccessAt: number | null): AvailableForRestore {
  return {
    BackupConfigurationId: c.id,
    BackupConfigurationName: c.name,
    MachineName: c.agent_name,
    MachineAgentId: c.agent_id,
    IsEncrypted: Boolean(c.agent_encrypted),
    PublicKeyHex: '010001',
    PublicKeyMod: c.agent_modulus,
    Flavor: c.agent_flavor,
    LastSuccessfulBackupTime: msDate(lastSuccessAt),
  };
}

export function restoreStateId(state: string): number {
  return RESTORE_STATES.indexOf(v1State(state));
}

export function presentRestore(r: RestoreView, files: RestoreFileRow[]): Restore {
  const rule = (f: RestoreFileRow) => ({
    FilePath: f.path,
    ParentId: r.id,
    FileItemType: f.item_type === 0 ? ('File' as const) : ('Folder' as const),
    FileId: r.id * 1000 + files.indexOf(f),
    Filter: f.filter === 1 ? ('Include' as const) : ('Exclude' as const),
  });
  return {
    RestoreId: r.id,
    BackupId: r.backup_id,
    BackupMachineId: r.source_agent_id,
    DestinationMachineId: r.destination_agent_id,
    OverwriteFiles: Boolean(r.overwrite),
    BackupDataCenter: r.region,
    BackupConfigurationId: r.configuration_id,
    BackupConfigurationName: r.configuration_name,
    BackupRestorePoint: msDate(r.backup_ended_at),
    BackupMachineName: r.source_name,
    BackupFlavor: r.source_flavor,
    DestinationMachineName: r.destination_name,
    DestinationPath: r.destination_path ?? '',
    IsEncrypted: Boolean(r.source_encrypted),
    // The vault password is never given back.
    EncryptedPassword: null,
    PublicKey: r.source_encrypted ? publicKey(r.source_modulus) : null,
    RestoreStateId: restoreStateId(r.state),
    Inclusions: files.filter((f) => f.filter === 1).map(rule),
    Exclusions: files.filter((f) => f.filter === 2).map(rule),
  };
}

export function presentRestoreReport(r: RestoreView, errors: ErrorRow[], now: number): RestoreReport {
  return {
    RestoreId: r.id,
    BackupConfigurationId: r.configuration_id,
    BackupConfigurationName: r.configuration_name,
    BackupReportId: r.backup_id,
    RestorePoint: msDate(r.backup_ended_at),
    StartTime: msDate(r.started_at),
    CompletedTime: msDate(r.ended_at),
    Duration: duration(r.started_at, r.ended_at, now),
    OriginatingComputerName: r.source_name,
    State: v1State(r.state),
    NumFilesRestored: r.files_restored,
    NumBytesRestored: formatV1Size(r.bytes_restored),
    RestoreDestination: r.destination_path ?? '(original location)',
    RestoreDestinationMachineId: r.destination_agent_id,
    NumErrors: r.error_count,
    Reason: v1Reason(r.reason, r.state),
    Diagnostics: r.diagnostics,
    ErrorList: reportErrors(errors, r.id),
  };
}

export function backupActivity(b: BackupView): Activity {
  return {
    ID: b.id,
    Type: 'Backup',
    ParentId: b.configuration_id,
    DisplayName: b.configuration_name,
    IsBackupConfigurationDeleted: Boolean(b.configuration_deleted),
    SourceMachineAgentId: b.agent_id,
    SourceMachineName: b.agent_name,
    DestinationMachineAgentId: 0,
    DestinationMachineName: '',
    CurrentState: v1State(b.state),
    TimeOfActivity: msDate(b.changed_at),
    BackupId: b.id,
  };
}

export function restoreActivity(r: RestoreView): Activity {
  return {
    ID: r.id,
    Type: 'Restore',
    ParentId: r.configuration_id,
    DisplayName: r.configuration_name,
    IsBackupConfigurationDeleted: Boolean(r.configuration_deleted),
    SourceMachineAgentId: r.source_agent_id,
    SourceMachineName: r.source_name,
    DestinationMachineAgentId: r.destination_agent_id,
    DestinationMachineName: r.destination_name,
    CurrentState: v1State(r.state),
    TimeOfActivity: msDate(r.changed_at),
    BackupId: r.backup_id,
  };
}
