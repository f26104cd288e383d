import type { Migration } from './db';
import { veeamListRevs, veeamRestoreIdle } from './veeam-list-revs';

/**
 * Veeam v5 model. Times are epoch milliseconds (UTC). Every table has an integer `n` for stable ordering
 * and a text `id` (a GUID) that the API shows. Lists read through the indexes below, so that they stay
 * quick at 10,000 jobs and their history.
 */
export const veeamMigrations: Migration[] = [
  {
    id: 'veeam-1-model',
    sql: `
      CREATE TABLE veeam_organizations (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        office_name TEXT NOT NULL,
        type TEXT NOT NULL,
        region TEXT NOT NULL,
        is_exchange INTEGER NOT NULL,
        is_sharepoint INTEGER NOT NULL,
        is_teams INTEGER NOT NULL,
        first_backup_at INTEGER,
        last_backup_at INTEGER
      );
      CREATE TABLE veeam_proxies (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        host_name TEXT NOT NULL,
        description TEXT NOT NULL,
        port INTEGER NOT NULL,
        threads_number INTEGER NOT NULL,
        status TEXT NOT NULL
      );
      CREATE TABLE veeam_repositories (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        path TEXT NOT NULL,
        proxy_id TEXT NOT NULL,
        capacity_bytes INTEGER NOT NULL,
        free_space_bytes INTEGER NOT NULL,
        retention_type TEXT NOT NULL,
        retention_period TEXT NOT NULL
      );
      CREATE TABLE veeam_jobs (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        org_id TEXT NOT NULL REFERENCES veeam_organizations(id),
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        backup_type TEXT NOT NULL,
        schedule_json TEXT NOT NULL,
        is_enabled INTEGER NOT NULL,
        repository_id TEXT NOT NULL,
        proxy_id TEXT NOT NULL,
        last_status TEXT NOT NULL,
        last_run INTEGER,
        next_run INTEGER,
        current_session_id TEXT,
        -- share (0..1) of this job's runs that warn or fail: the demo keeps one job that never does
        risk REAL NOT NULL
      );
      CREATE INDEX veeam_jobs_org ON veeam_jobs (org_id, n);
      CREATE INDEX veeam_jobs_due ON veeam_jobs (next_run) WHERE is_enabled = 1;
      CREATE TABLE veeam_job_sessions (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        job_id TEXT NOT NULL REFERENCES veeam_jobs(id),
        creation_time INTEGER NOT NULL,
        end_time INTEGER,
        status TEXT NOT NULL,
        progress INTEGER NOT NULL,
        details TEXT NOT NULL,
        retry_count INTEGER NOT NULL,
        total_objects INTEGER NOT NULL,
        total_bytes INTEGER NOT NULL,
        processed_objects INTEGER NOT NULL,
        transferred_bytes INTEGER NOT NULL,
        rate_bytes INTEGER NOT NULL,
        rate_items REAL NOT NULL,
        read_rate INTEGER NOT NULL,
        write_rate INTEGER NOT NULL,
        bottleneck TEXT NOT NULL,
        -- the simulation: planned outcome, simulated time spent and planned, log lines still to come
        outcome TEXT NOT NULL,
        elapsed_ms REAL NOT NULL,
        queued_ms REAL NOT NULL,
        planned_ms REAL NOT NULL,
        plan_json TEXT NOT NULL,
        next_log INTEGER NOT NULL
      );
      CREATE INDEX veeam_job_sessions_job ON veeam_job_sessions (job_id, creation_time DESC, n DESC);
      CREATE INDEX veeam_job_sessions_time ON veeam_job_sessions (creation_time DESC, n DESC);
      CREATE INDEX veeam_job_sessions_open ON veeam_job_sessions (end_time) WHERE end_time IS NULL;
      CREATE TABLE veeam_log_items (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL REFERENCES veeam_job_sessions(id),
        usn INTEGER NOT NULL,
        title TEXT NOT NULL,
        creation_time INTEGER NOT NULL,
        end_time INTEGER
      );
      CREATE INDEX veeam_log_items_session ON veeam_log_items (session_id, usn);
      CREATE TABLE veeam_restore_sessions (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        job_id TEXT,
        org_id TEXT NOT NULL,
        name TEXT NOT NULL,
        organization TEXT NOT NULL,
        type TEXT NOT NULL,
        creation_time INTEGER NOT NULL,
        end_time INTEGER,
        state TEXT NOT NULL,
        result TEXT,
        initiated_by TEXT NOT NULL,
        details TEXT NOT NULL,
        point_in_time INTEGER NOT NULL,
        show_deleted INTEGER NOT NULL,
        show_all_versions INTEGER NOT NULL
      );
      CREATE INDEX veeam_restore_sessions_time ON veeam_restore_sessions (creation_time DESC, n DESC);
      CREATE INDEX veeam_restore_sessions_open ON veeam_restore_sessions (state) WHERE state = 'Working';
      CREATE TABLE veeam_restore_events (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL REFERENCES veeam_restore_sessions(id),
        ord INTEGER NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        start_time INTEGER NOT NULL,
        end_time INTEGER,
        title TEXT NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX veeam_restore_events_session ON veeam_restore_events (session_id, ord);
      CREATE TABLE veeam_licensed_users (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        org_id TEXT NOT NULL,
        name TEXT NOT NULL,
        is_backed_up INTEGER NOT NULL,
        last_backup_date INTEGER,
        license_state TEXT NOT NULL,
        is_new INTEGER NOT NULL
      );
      CREATE INDEX veeam_licensed_users_org ON veeam_licensed_users (org_id, n);
    `,
  },
  veeamListRevs,
  veeamRestoreIdle,
];
