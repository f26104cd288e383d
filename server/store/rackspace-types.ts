import type { BackupState, RestoreState } from '../../src/api/rackspace-v2/wire';

/** Rows of the Rackspace model as SQLite returns them (see rackspace-schema.ts). */

export interface AgentRow {
  id: number;
  uuid: string;
  tenant_id: string;
  region: string;
  name: string;
  host_server_id: string;
  os_name: string;
  os_version: string;
  architecture: string;
  flavor: string;
  ip_address: string;
  agent_version: string;
  enabled: number;
  online: number;
  awake_until: number;
  encrypted: number;
  vault_password_hash: string | null;
  vault_uuid: string;
  vault_bytes: number;
  last_success_at: number | null;
  registered_at: number;
  use_service_net: number;
  log_level: string;
  public_modulus: string;
}

export type Frequency = 'Manually' | 'Hourly' | 'Daily' | 'Weekly';

export interface PathRule {
  type: 'file' | 'folder';
  path: string;
}

export interface ConfigurationRow {
  id: number;
  uuid: string;
  tenant_id: string;
  region: string;
  agent_id: number;
  name: string;
  enabled: number;
  deleted: number;
  frequency: Frequency;
  hour_interval: number | null;
  /** 0–23, in the configuration's zone. */
  start_hour: number | null;
  start_minute: number | null;
  /** 0 Sunday … 6 Saturday. */
  day_of_week: number | null;
  /** IANA name; v1.0 shows the Windows name. */
  time_zone: string;
  retention_days: number;
  missed_action: number;
  notify_recipients: string;
  notify_success: number;
  notify_failure: number;
  prescript: string;
  postscript: string;
  /** JSON PathRule[]. */
  inclusions: string;
  exclusions: string;
  bytes_estimate: number;
  files_estimate: number;
  next_run_at: number | null;
  last_run_at: number | null;
  last_backup_id: number | null;
  last_completed_backup_id: number | null;
  current_backup_id: number | null;
}

/** A configuration joined with its agent and its current and last runs, as the lists need it. */
export interface ConfigurationView extends ConfigurationRow {
  agent_uuid: string;
  agent_name: string;
  agent_flavor: string;
  agent_encrypted: number;
  agent_modulus: string;
  current_state: BackupState | null;
  last_state: BackupState | null;
  last_completed_uuid: string | null;
  last_completed_at: number | null;
}

export type Outcome = 'completed' | 'completed_with_errors' | 'failed';

export interface BackupRow {
  id: number;
  uuid: string;
  tenant_id: string;
  region: string;
  configuration_id: number;
  agent_id: number;
  state: BackupState;
  manual: number;
  requested_at: number;
  started_at: number | null;
  ended_at: number | null;
  changed_at: number;
  phase_ms: number;
  run_ms: number;
  outcome: Outcome;
  fail_at: number;
  snapshot_id: number | null;
  files_total: number;
  bytes_total: number;
  bytes_changed: number;
  rate_bps: number;
  files_searched: number;
  files_backed_up: number;
  bytes_searched: number;
  bytes_backed_up: number;
  bytes_in_db: number;
  bandwidth_avg_bps: number;
  error_count: number;
  reason: string;
  diagnostics: string;
  restorable: number;
}

/** A backup joined with its configuration and agent. */
export interface BackupView extends BackupRow {
  configuration_uuid: string;
  configuration_name: string;
  configuration_deleted: number;
  agent_uuid: string;
  agent_name: string;
  agent_flavor: string;
  agent_encrypted: number;
  agent_modulus: string;
}

export type StoredRestoreState = RestoreState | 'creating';

export interface RestoreRow {
  id: number;
  uuid: string;
  tenant_id: string;
  region: string;
  backup_id: number;
  source_agent_id: number;
  destination_agent_id: number;
  destination_path: string | null;
  overwrite: number;
  state: StoredRestoreState;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  changed_at: number;
  phase_ms: number;
  run_ms: number;
  outcome: Outcome;
  fail_at: number;
  files_total: number;
  bytes_total: number;
  rate_bps: number;
  files_restored: number;
  bytes_restored: number;
  error_count: number;
  reason: string;
  diagnostics: string;
  password_given: number;
}

/** A restore joined with its backup, configuration and both agents. */
export interface RestoreView extends RestoreRow {
  backup_uuid: string;
  backup_ended_at: number | null;
  configuration_id: number;
  configuration_name: string;
  configuration_deleted: number;
  source_uuid: string;
  source_name: string;
  source_flavor: string;
  source_encrypted: number;
  source_modulus: string;
  destination_uuid: string;
  destination_name: string;
}

export interface ErrorRow {
  idx: number;
  path: string;
  type: string;
  description: string;
  exception_code: number;
  exception_description: string;
  exception_details: string;
}

export interface EventRow {
  id: number;
  time: number;
  event: string;
  agent_uuid: string;
  configuration_uuid: string | null;
  backup_uuid: string | null;
  restore_uuid: string | null;
  bytes_completed: number | null;
  total_bytes: number | null;
}

/** Where a request looks: the tenant and the region of the door it came through. */
export interface Scope {
  tenant: string;
  region: string;
}
