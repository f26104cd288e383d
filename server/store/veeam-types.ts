/** Rows of the Veeam tables (server/store/veeam-schema.ts). Times are epoch milliseconds. */

export interface OrgRow {
  id: string;
  name: string;
  office_name: string;
  type: string;
  region: string;
  is_exchange: number;
  is_sharepoint: number;
  is_teams: number;
  first_backup_at: number | null;
  last_backup_at: number | null;
}

export interface ProxyRow {
  id: string;
  host_name: string;
  description: string;
  port: number;
  threads_number: number;
  status: string;
}

export interface RepoRow {
  id: string;
  name: string;
  description: string;
  path: string;
  proxy_id: string;
  capacity_bytes: number;
  free_space_bytes: number;
  retention_type: string;
  retention_period: string;
}

export interface JobRow {
  id: string;
  org_id: string;
  name: string;
  description: string;
  backup_type: string;
  schedule_json: string;
  is_enabled: number;
  repository_id: string;
  proxy_id: string;
  last_status: string;
  last_run: number | null;
  next_run: number | null;
  current_session_id: string | null;
  risk: number;
}

/** One planned log line of a running session: written once its progress reaches `at` (0..100). */
export interface PlannedLog {
  at: number;
  /** `{time}` is replaced by the time the line is written. */
  title: string;
  /** The line that makes a Failed run fail. */
  fails?: boolean;
}

export type SessionOutcome = 'Success' | 'Warning' | 'Failed';

export interface SessionRow {
  id: string;
  job_id: string;
  creation_time: number;
  end_time: number | null;
  status: string;
  progress: number;
  details: string;
  retry_count: number;
  total_objects: number;
  total_bytes: number;
  processed_objects: number;
  transferred_bytes: number;
  rate_bytes: number;
  rate_items: number;
  read_rate: number;
  write_rate: number;
  bottleneck: string;
  outcome: SessionOutcome;
  elapsed_ms: number;
  queued_ms: number;
  planned_ms: number;
  plan_json: string;
  next_log: number;
}

export interface LogRow {
  id: string;
  session_id: string;
  usn: number;
  title: string;
  creation_time: number;
  end_time: number | null;
}

export interface RestoreRow {
  id: string;
  job_id: string | null;
  org_id: string;
  name: string;
  organization: string;
  type: string;
  creation_time: number;
  end_time: number | null;
  state: 'Working' | 'Stopped';
  result: string | null;
  initiated_by: string;
  details: string;
  point_in_time: number;
  show_deleted: number;
  show_all_versions: number;
  /** The last request made to the session (opening it counts): what its idle timeout runs from. */
  last_activity_at: number | null;
}

export interface EventRow {
  id: string;
  session_id: string;
  ord: number;
  type: string;
  status: string;
  start_time: number;
  end_time: number | null;
  title: string;
  message: string;
}

export interface LicensedUserRow {
  id: string;
  org_id: string;
  name: string;
  is_backed_up: number;
  last_backup_date: number | null;
  license_state: string;
  is_new: number;
}

/** A page request as the API reads it: rows `offset`..`offset+limit`. */
export interface PageQuery {
  offset: number;
  limit: number;
}
