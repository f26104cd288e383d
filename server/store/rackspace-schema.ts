import type { Migration } from './db';
import { rackspaceListRevs } from './rackspace-list-revs';

/**
 * One Rackspace model behind both doors: v1.0 sees integer ids, v2 sees UUIDs, of the same rows.
 * Run states are stored in v2's words (start_requested … completed_with_errors; restores add
 * `creating`, which only v1.0 shows); v1.0 maps them to its own names. Times are epoch milliseconds.
 * Indexes follow the lists: by tenant + region + id, by parent, and partial ones for what is in flight.
 */
export const rackspaceMigrations: Migration[] = [
  {
    id: 'rackspace-1-model',
    sql: `
      CREATE TABLE rs_agents (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        host_server_id TEXT NOT NULL,
        os_name TEXT NOT NULL,
        os_version TEXT NOT NULL,
        architecture TEXT NOT NULL,
        flavor TEXT NOT NULL,
        ip_address TEXT NOT NULL,
        agent_version TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        online INTEGER NOT NULL,
        awake_until INTEGER NOT NULL DEFAULT 0,
        encrypted INTEGER NOT NULL,
        vault_password_hash TEXT,
        vault_uuid TEXT NOT NULL,
        vault_bytes INTEGER NOT NULL DEFAULT 0,
        last_success_at INTEGER,
        registered_at INTEGER NOT NULL,
        use_service_net INTEGER NOT NULL DEFAULT 0,
        log_level TEXT NOT NULL DEFAULT 'info',
        public_modulus TEXT NOT NULL
      );
      CREATE INDEX rs_agents_list ON rs_agents (tenant_id, region, id);

      CREATE TABLE rs_configurations (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL,
        region TEXT NOT NULL,
        agent_id INTEGER NOT NULL REFERENCES rs_agents(id),
        name TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        frequency TEXT NOT NULL CHECK (frequency IN ('Manually', 'Hourly', 'Daily', 'Weekly')),
        hour_interval INTEGER,
        start_hour INTEGER,
        start_minute INTEGER,
        day_of_week INTEGER,
        time_zone TEXT NOT NULL,
        retention_days INTEGER NOT NULL,
        missed_action INTEGER NOT NULL DEFAULT 1,
        notify_recipients TEXT NOT NULL,
        notify_success INTEGER NOT NULL,
        notify_failure INTEGER NOT NULL,
        prescript TEXT NOT NULL DEFAULT '',
        postscript TEXT NOT NULL DEFAULT '',
        inclusions TEXT NOT NULL,
        exclusions TEXT NOT NULL,
        bytes_estimate INTEGER NOT NULL,
        files_estimate INTEGER NOT NULL,
        next_run_at INTEGER,
        last_run_at INTEGER,
        last_backup_id INTEGER,
        last_completed_backup_id INTEGER,
        current_backup_id INTEGER
      );
      CREATE INDEX rs_configurations_list ON rs_configurations (tenant_id, region, id);
      CREATE INDEX rs_configurations_agent ON rs_configurations (agent_id);
      CREATE INDEX rs_configurations_due ON rs_configurations (next_run_at) WHERE next_run_at IS NOT NULL;

      CREATE TABLE rs_backups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL,
        region TEXT NOT NULL,
        configuration_id INTEGER NOT NULL REFERENCES rs_configurations(id),
        agent_id INTEGER NOT NULL REFERENCES rs_agents(id),
        state TEXT NOT NULL,
        manual INTEGER NOT NULL,
        requested_at INTEGER NOT NULL,
        started_at INTEGER,
        ended_at INTEGER,
        changed_at INTEGER NOT NULL,
        phase_ms INTEGER NOT NULL DEFAULT 0,
        run_ms INTEGER NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL,
        fail_at REAL NOT NULL DEFAULT 1,
        snapshot_id INTEGER,
        files_total INTEGER NOT NULL,
        bytes_total INTEGER NOT NULL,
        bytes_changed INTEGER NOT NULL,
        rate_bps INTEGER NOT NULL,
        files_searched INTEGER NOT NULL DEFAULT 0,
        files_backed_up INTEGER NOT NULL DEFAULT 0,
        bytes_searched INTEGER NOT NULL DEFAULT 0,
        bytes_backed_up INTEGER NOT NULL DEFAULT 0,
        bytes_in_db INTEGER NOT NULL DEFAULT 0,
        bandwidth_avg_bps INTEGER NOT NULL DEFAULT 0,
        error_count INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        diagnostics TEXT NOT NULL DEFAULT '',
        restorable INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX rs_backups_list ON rs_backups (tenant_id, region, id);
      CREATE INDEX rs_backups_configuration ON rs_backups (configuration_id, id);
      CREATE INDEX rs_backups_changed ON rs_backups (tenant_id, region, changed_at);
      CREATE INDEX rs_backups_in_flight ON rs_backups (state)
        WHERE state NOT IN ('completed', 'completed_with_errors', 'failed', 'stopped', 'skipped', 'missed');

      CREATE TABLE rs_restores (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL,
        region TEXT NOT NULL,
        backup_id INTEGER NOT NULL REFERENCES rs_backups(id),
        source_agent_id INTEGER NOT NULL REFERENCES rs_agents(id),
        destination_agent_id INTEGER NOT NULL REFERENCES rs_agents(id),
        destination_path TEXT,
        overwrite INTEGER NOT NULL,
        state TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        ended_at INTEGER,
        changed_at INTEGER NOT NULL,
        phase_ms INTEGER NOT NULL DEFAULT 0,
        run_ms INTEGER NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL,
        fail_at REAL NOT NULL DEFAULT 1,
        files_total INTEGER NOT NULL,
        bytes_total INTEGER NOT NULL,
        rate_bps INTEGER NOT NULL,
        files_restored INTEGER NOT NULL DEFAULT 0,
        bytes_restored INTEGER NOT NULL DEFAULT 0,
        error_count INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        diagnostics TEXT NOT NULL DEFAULT '',
        password_given INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX rs_restores_list ON rs_restores (tenant_id, region, id);
      CREATE INDEX rs_restores_changed ON rs_restores (tenant_id, region, changed_at);
      CREATE INDEX rs_restores_in_flight ON rs_restores (state)
        WHERE state NOT IN ('completed', 'completed_with_errors', 'failed', 'stopped', 'creating');

      CREATE TABLE rs_restore_files (
        id INTEGER PRIMARY KEY,
        restore_id INTEGER NOT NULL REFERENCES rs_restores(id),
        path TEXT NOT NULL,
        filter INTEGER NOT NULL,
        item_type INTEGER NOT NULL
      );
      CREATE INDEX rs_restore_files_restore ON rs_restore_files (restore_id);

      CREATE TABLE rs_errors (
        id INTEGER PRIMARY KEY,
        run_kind TEXT NOT NULL CHECK (run_kind IN ('backup', 'restore')),
        run_id INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        path TEXT NOT NULL,
        type TEXT NOT NULL,
        description TEXT NOT NULL,
        exception_code INTEGER NOT NULL,
        exception_description TEXT NOT NULL,
        exception_details TEXT NOT NULL
      );
      CREATE INDEX rs_errors_run ON rs_errors (run_kind, run_id, idx);

      CREATE TABLE rs_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL,
        region TEXT NOT NULL,
        time INTEGER NOT NULL,
        event TEXT NOT NULL,
        agent_id INTEGER NOT NULL,
        configuration_id INTEGER,
        backup_id INTEGER,
        restore_id INTEGER,
        bytes_completed INTEGER,
        total_bytes INTEGER
      );
      CREATE INDEX rs_events_backup ON rs_events (backup_id, id) WHERE backup_id IS NOT NULL;
      CREATE INDEX rs_events_restore ON rs_events (restore_id, id) WHERE restore_id IS NOT NULL;
      CREATE INDEX rs_events_time ON rs_events (time);
    `,
  },
  {
    id: 'rackspace-2-event-parents',
    sql: `
      CREATE INDEX rs_events_configuration ON rs_events (configuration_id, id) WHERE configuration_id IS NOT NULL;
      CREATE INDEX rs_events_agent ON rs_events (agent_id, id);
    `,
  },
  rackspaceListRevs,
];
