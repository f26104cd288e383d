import type {
  Agent,
  BackupConfiguration,
  BackupState,
  FileEntry,
  RestoreState,
} from '../../src/api/rackspace-v1/wire';
import { formatV1Size, toMsDate } from '../../src/api/rackspace-v1/wire';
import type { Naming } from '../engine/rackspace-actions';
import { v1StartTime, windowsZone } from '../engine/rackspace-schedule';
import { isOnline } from '../store/rackspace-agents';
import type { AgentRow, ConfigurationView, PathRule } from '../store/rackspace-types';

/** Stored rows → v1.0 wire objects: integer ids, PascalCase states, /Date(ms)/ dates, human sizes. */

export const msDate = (ms: number | null | undefined): string | null => (ms == null ? null : toMsDate(ms));

/** v2's snake_case state → v1.0's PascalCase name (`in_progress` → `InProgress`, `creating` → `Creating`). */
export function v1State(state: string): BackupState & RestoreState {
  return state.replace(/(^|_)(\w)/g, (_, _sep: string, ch: string) => ch.toUpperCase()) as BackupState &
    RestoreState;
}

/** v1.0 reasons are PascalCase too: `unable_to_process_some_files` → `UnableToProcessSomeFiles`. */
export function v1Reason(reason: string, state: string): string {
  if (reason) return v1State(reason);
  return state === 'completed' ? 'Success' : '';
}

export const v1Naming: Naming = { id: (row) => String(row.id), state: v1State };

export function publicKey(modulus: string) {
  return { ModulusHex: modulus, ExponentHex: '010001' };
}

export function presentAgent(a: AgentRow, now: number, listed = false): Agent {
  return {
    AgentVersion: a.agent_version,
    Architecture: a.architecture,
    Flavor: a.flavor,
    BackupVaultSize: formatV1Size(a.vault_bytes),
    BackupContainer: `https://storage101.${a.region.toLowerCase()}1.clouddrive.com/v1/MossoCloudFS_${a.tenant_id}/z_DO_NOT_DELETE_CloudBackup_v2_0_${a.vault_uuid}`,
    CleanupAllowed: true,
    Datacenter: a.region,
    BackupDataCenter: a.region,
    IPAddress: a.ip_address,
    IsDisabled: !a.enabled,
    IsEncrypted: Boolean(a.encrypted),
    MachineAgentId: a.id,
    MachineName: a.name,
    OperatingSystem: a.os_name,
    OperatingSystemVersion: a.os_version,
    PublicKey: publicKey(a.public_modulus),
    // The vendor's user-level agent list always says Offline (docs/dialects/rackspace-v1.md); the detail tells.
    Status: !listed && isOnline(a, now) ? 'Online' : 'Offline',
    TimeOfLastSuccessfulBackup: msDate(a.last_success_at),
    UseServiceNet: Boolean(a.use_service_net),
    HostServerId: a.host_server_id,
  };
}

function files(
  rules: PathRule[],
  configId: number,
  filter: 'Include' | 'Exclude',
  offset: number,
): FileEntry[] {
  return rules.map((r, i) => ({
    FilePath: r.path,
    ParentId: configId,
    FileItemType: r.type === 'file' ? 'File' : 'Folder',
    FileId: configId * 100 + offset + i,
    Filter: filter,
  }));
}

/** The id of a configuration's schedule: the model keeps one schedule per configuration. */
export const scheduleIdOf = (configurationId: number): number => configurationId + 500_000;

export function presentConfiguration(c: ConfigurationView): BackupConfiguration {
  const start = v1StartTime(c);
  return {
    BackupConfigurationId: c.id,
    MachineAgentId: c.agent_id,
    MachineName: c.agent_name,
    Flavor: c.agent_flavor,
    IsEncrypted: Boolean(c.agent_encrypted),
    EncryptionKey: c.agent_encrypted ? publicKey(c.agent_modulus) : null,
    Datacenter: c.region,
    BackupConfigurationName: c.name,
    IsActive: Boolean(c.enabled),
    IsDeleted: Boolean(c.deleted),
    VersionRetention: c.retention_days,
    BackupConfigurationScheduleId: scheduleIdOf(c.id),
    MissedBackupActionId: c.missed_action,
    Frequency: c.frequency,
    StartTimeHour: start.hour,
    StartTimeMinute: start.minute,
    StartTimeAmPm: start.ampm,
    DayOfWeekId: c.frequency === 'Weekly' ? c.day_of_week : null,
    HourInterval: c.frequency === 'Hourly' ? c.hour_interval : null,
    TimeZoneId: windowsZone(c.time_zone),
    NextScheduledRunTime: msDate(c.next_run_at),
    LastRunTime: msDate(c.last_run_at),
    LastRunBackupReportId: c.last_backup_id,
    BackupState: c.current_state
      ? v1State(c.current_state)
      : c.last_state
        ? v1State(c.last_state)
        : 'Not Available',
    NotifyRecipients: c.notify_recipients,
    NotifySuccess: Boolean(c.notify_success),
    NotifyFailure: Boolean(c.notify_failure),
    BackupPrescript: c.prescript,
    BackupPostscript: c.postscript,
    Inclusions: files(JSON.parse(c.inclusions) as PathRule[], c.id, 'Include', 0),
    Exclusions: files(JSON.parse(c.exclusions) as PathRule[], c.id, 'Exclude', 50),
  };
}
