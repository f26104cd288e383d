import type { Db } from './db';
import type { Revs } from './fragment-list';
import type { PageOptions } from './rackspace-sql';
import { pageClause, cached, allRows, insertRow } from './rackspace-sql';
import type { ConfigurationRow, ConfigurationView, Scope } from './rackspace-types';

const VIEW = `
  SELECT c.*, a.uuid AS agent_uuid, a.name AS agent_name, a.flavor AS agent_flavor,
    a.encrypted AS agent_encrypted, a.public_modulus AS agent_modulus,
    cb.state AS current_state, lb.state AS last_state, lc.uuid AS last_completed_uuid, lc.ended_at AS last_completed_at
  FROM rs_configurations c
  JOIN rs_agents a ON a.id = c.agent_id
  LEFT JOIN rs_backups cb ON cb.id = c.current_backup_id
  LEFT JOIN rs_backups lb ON lb.id = c.last_backup_id
  LEFT JOIN rs_backups lc ON lc.id = c.last_completed_backup_id`;

export interface ConfigurationFilter extends PageOptions {
  agentId?: number;
  /** Only those with a restorable backup. */
  restorable?: boolean;
}

function filterClause(scope: Scope, filter: ConfigurationFilter) {
  let where = 'c.tenant_id = ? AND c.region = ? AND c.deleted = 0';
  const params: (string | number)[] = [scope.tenant, scope.region];
  if (filter.agentId !== undefined) {
    where += ' AND c.agent_id = ?';
    params.push(filter.agentId);
  }
  if (filter.restorable) where += ' AND c.last_completed_backup_id IS NOT NULL';
  const page = pageClause('c.id', filter);
  return { sql: `WHERE ${where}${page.where}${page.tail}`, params: [...params, ...page.params] };
}

export function listConfigurations(
  db: Db,
  scope: Scope,
  filter: ConfigurationFilter = {},
): ConfigurationView[] {
  const q = filterClause(scope, filter);
  return allRows<ConfigurationView>(db, `${VIEW} ${q.sql}`, ...q.params);
}

/** `[id, rev]` of the same list, in its order, from the covering index rs_configurations_revs. */
export function configurationRevs(db: Db, scope: Scope, filter: ConfigurationFilter = {}): Revs {
  const q = filterClause(scope, filter);
  return cached(db, `SELECT c.id, c.rev FROM rs_configurations c ${q.sql}`)
    .raw(true)
    .all(...q.params) as Revs;
}

/** The configurations of these ids, joined as the lists show them (one query, any order). */
export function configurationsByIds(db: Db, ids: number[]): ConfigurationView[] {
  return allRows<ConfigurationView>(
    db,
    `${VIEW} WHERE c.id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ids),
  );
}

export function findConfiguration(db: Db, scope: Scope, key: number | string): ConfigurationView | undefined {
  const column = typeof key === 'number' ? 'c.id' : 'c.uuid';
  return cached(db, `${VIEW} WHERE ${column} = ? AND c.tenant_id = ? AND c.region = ? AND c.deleted = 0`).get(
    key,
    scope.tenant,
    scope.region,
  ) as ConfigurationView | undefined;
}

export function getConfiguration(db: Db, id: number): ConfigurationRow | undefined {
  return cached(db, 'SELECT * FROM rs_configurations WHERE id = ?').get(id) as ConfigurationRow | undefined;
}

export function setConfigurationEnabled(
  db: Db,
  id: number,
  enabled: boolean,
  nextRunAt: number | null,
): void {
  cached(db, 'UPDATE rs_configurations SET enabled = ?, next_run_at = ? WHERE id = ?').run(
    enabled ? 1 : 0,
    nextRunAt,
    id,
  );
}

/** Configurations whose scheduled time has come (enabled ones only carry a next_run_at). */
export function dueConfigurations(db: Db, now: number, limit = 500): ConfigurationRow[] {
  return allRows<ConfigurationRow>(
    db,
    'SELECT * FROM rs_configurations WHERE next_run_at IS NOT NULL AND next_run_at <= ? ORDER BY next_run_at LIMIT ?',
    now,
    limit,
  );
}

export function setNextRun(db: Db, id: number, nextRunAt: number | null): void {
  cached(db, 'UPDATE rs_configurations SET next_run_at = ? WHERE id = ?').run(nextRunAt, id);
}

/** Records a new run as the configuration's current and last one. */
export function markRunStarted(db: Db, id: number, backupId: number, at: number, inFlight: boolean): void {
  cached(
    db,
    'UPDATE rs_configurations SET last_backup_id = ?, last_run_at = ?, current_backup_id = ? WHERE id = ?',
  ).run(backupId, at, inFlight ? backupId : null, id);
}

export function markRunEnded(db: Db, id: number, backupId: number, restorable: boolean): void {
  cached(
    db,
    `UPDATE rs_configurations SET current_backup_id = NULL,
       last_completed_backup_id = CASE WHEN ? THEN ? ELSE last_completed_backup_id END
     WHERE id = ? AND (current_backup_id = ? OR current_backup_id IS NULL)`,
  ).run(restorable ? 1 : 0, backupId, id, backupId);
}

/** What a client may set on a configuration (v1.0 POST and PUT /backup-configuration). */
export type ConfigurationFields = Pick<
  ConfigurationRow,
  | 'name'
  | 'enabled'
  | 'frequency'
  | 'hour_interval'
  | 'start_hour'
  | 'start_minute'
  | 'day_of_week'
  | 'time_zone'
  | 'retention_days'
  | 'missed_action'
  | 'notify_recipients'
  | 'notify_success'
  | 'notify_failure'
  | 'prescript'
  | 'postscript'
  | 'inclusions'
  | 'exclusions'
  | 'next_run_at'
>;

/** A new configuration of an agent; its id is the next free one (ids of deleted ones are kept). */
export function insertConfiguration(
  db: Db,
  owner: Pick<ConfigurationRow, 'uuid' | 'tenant_id' | 'region' | 'agent_id'>,
  fields: ConfigurationFields,
  estimate: Pick<ConfigurationRow, 'bytes_estimate' | 'files_estimate'>,
): number {
  return insertRow(db, 'rs_configurations', { ...owner, ...fields, ...estimate, deleted: 0 });
}

export function updateConfiguration(db: Db, id: number, fields: ConfigurationFields): void {
  const keys = Object.keys(fields) as (keyof ConfigurationFields)[];
  cached(db, `UPDATE rs_configurations SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(
    ...keys.map((k) => fields[k]),
    id,
  );
}

/**
 * Deleted as the vendor deletes: gone from every list and lookup, never scheduled again, while its
 * backups and reports stay and say `BackupConfigurationIsDeleted`.
 */
export function deleteConfiguration(db: Db, id: number): void {
  cached(db, 'UPDATE rs_configurations SET deleted = 1, enabled = 0, next_run_at = NULL WHERE id = ?').run(
    id,
  );
}

/** Another live configuration of the same agent with this name, if any. */
export function configurationNamed(
  db: Db,
  agentId: number,
  name: string,
  except?: number,
): { id: number } | undefined {
  return cached(
    db,
    'SELECT id FROM rs_configurations WHERE agent_id = ? AND name = ? AND deleted = 0 AND id IS NOT ? LIMIT 1',
  ).get(agentId, name, except ?? null) as { id: number } | undefined;
}
