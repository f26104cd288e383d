import type { Db } from './db';
import type { PageOptions } from './rackspace-sql';
import { pageClause, cached, allRows } from './rackspace-sql';
import type { BackupRow, BackupView, Scope } from './rackspace-types';

const VIEW = `
  SELECT b.*, c.uuid AS configuration_uuid, c.name AS configuration_name, c.deleted AS configuration_deleted,
    a.uuid AS agent_uuid, a.name AS agent_name, a.flavor AS agent_flavor, a.encrypted AS agent_encrypted,
    a.public_modulus AS agent_modulus
  FROM rs_backups b
  JOIN rs_configurations c ON c.id = b.configuration_id
  JOIN rs_agents a ON a.id = b.agent_id`;

export const TERMINAL_SQL = `('completed', 'completed_with_errors', 'failed', 'stopped', 'skipped', 'missed')`;

export interface BackupFilter extends PageOptions {
  configurationId?: number;
  restorable?: boolean;
}

export function listBackups(db: Db, scope: Scope, filter: BackupFilter = {}): BackupView[] {
  // With a configuration the (configuration_id, id) index serves; otherwise (tenant_id, region, id).
  const page = pageClause('b.id', filter);
  let where = 'b.tenant_id = ? AND b.region = ?';
  const params: (string | number)[] = [scope.tenant, scope.region];
  if (filter.configurationId !== undefined) {
    where += ' AND b.configuration_id = ?';
    params.push(filter.configurationId);
  }
  if (filter.restorable) where += ' AND b.restorable = 1';
  return allRows<BackupView>(
    db,
    `${VIEW} WHERE ${where}${page.where}${page.tail}`,
    ...params,
    ...page.params,
  );
}

export function findBackup(db: Db, scope: Scope, key: number | string): BackupView | undefined {
  const column = typeof key === 'number' ? 'b.id' : 'b.uuid';
  return cached(db, `${VIEW} WHERE ${column} = ? AND b.tenant_id = ? AND b.region = ?`).get(
    key,
    scope.tenant,
    scope.region,
  ) as BackupView | undefined;
}

export function getBackup(db: Db, id: number): BackupRow | undefined {
  return cached(db, 'SELECT * FROM rs_backups WHERE id = ?').get(id) as BackupRow | undefined;
}

/** The run of a configuration that has not ended, if any: there is never a second one. */
export function runningBackupOf(db: Db, configurationId: number): BackupRow | undefined {
  return cached(
    db,
    `SELECT * FROM rs_backups WHERE configuration_id = ? AND state NOT IN ${TERMINAL_SQL} LIMIT 1`,
  ).get(configurationId) as BackupRow | undefined;
}

/** Every backup in flight (served by the partial index rs_backups_in_flight). */
export function backupsInFlight(db: Db): BackupRow[] {
  return allRows<BackupRow>(db, `SELECT * FROM rs_backups WHERE state NOT IN ${TERMINAL_SQL} ORDER BY id`);
}

/** Recent backups of a region for the activity lists, newest change first. */
export function recentBackups(db: Db, scope: Scope, limit: number, agentId?: number): BackupView[] {
  const agent = agentId === undefined ? '' : ' AND b.agent_id = ?';
  const params = agentId === undefined ? [] : [agentId];
  return allRows<BackupView>(
    db,
    `${VIEW} WHERE b.tenant_id = ? AND b.region = ?${agent} ORDER BY b.changed_at DESC LIMIT ?`,
    scope.tenant,
    scope.region,
    ...params,
    limit,
  );
}
