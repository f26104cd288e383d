import type { Db } from './db';
import type { PageOptions } from './rackspace-sql';
import { pageClause, cached, allRows } from './rackspace-sql';
import type { RestoreRow, RestoreView, Scope } from './rackspace-types';

const VIEW = `
  SELECT r.*, b.uuid AS backup_uuid, b.ended_at AS backup_ended_at, c.id AS configuration_id,
    c.name AS configuration_name, c.deleted AS configuration_deleted,
    s.uuid AS source_uuid, s.name AS source_name, s.flavor AS source_flavor, s.encrypted AS source_encrypted,
    s.public_modulus AS source_modulus, d.uuid AS destination_uuid, d.name AS destination_name
  FROM rs_restores r
  JOIN rs_backups b ON b.id = r.backup_id
  JOIN rs_configurations c ON c.id = b.configuration_id
  JOIN rs_agents s ON s.id = r.source_agent_id
  JOIN rs_agents d ON d.id = r.destination_agent_id`;

const ENDED_SQL = `('completed', 'completed_with_errors', 'failed', 'stopped')`;

export function listRestores(db: Db, scope: Scope, page: PageOptions = {}): RestoreView[] {
  const p = pageClause('r.id', page);
  return allRows<RestoreView>(
    db,
    `${VIEW} WHERE r.tenant_id = ? AND r.region = ?${p.where}${p.tail}`,
    scope.tenant,
    scope.region,
    ...p.params,
  );
}

export function findRestore(db: Db, scope: Scope, key: number | string): RestoreView | undefined {
  const column = typeof key === 'number' ? 'r.id' : 'r.uuid';
  return cached(db, `${VIEW} WHERE ${column} = ? AND r.tenant_id = ? AND r.region = ?`).get(
    key,
    scope.tenant,
    scope.region,
  ) as RestoreView | undefined;
}

export function getRestore(db: Db, id: number): RestoreRow | undefined {
  return cached(db, 'SELECT * FROM rs_restores WHERE id = ?').get(id) as RestoreRow | undefined;
}

/** Restores that run (Creating ones wait for a start and are not in flight). */
export function restoresInFlight(db: Db): RestoreRow[] {
  return allRows<RestoreRow>(
    db,
    `SELECT * FROM rs_restores WHERE state NOT IN ${ENDED_SQL} AND state != 'creating' ORDER BY id`,
  );
}

/** The restore of a destination agent that runs now: an agent restores one thing at a time. */
export function runningRestoreTo(db: Db, agentId: number): RestoreRow | undefined {
  return cached(
    db,
    `SELECT * FROM rs_restores WHERE destination_agent_id = ? AND state NOT IN ${ENDED_SQL} AND state != 'creating' LIMIT 1`,
  ).get(agentId) as RestoreRow | undefined;
}

export function recentRestores(db: Db, scope: Scope, limit: number, agentId?: number): RestoreView[] {
  const agent = agentId === undefined ? '' : ' AND (r.source_agent_id = ? OR r.destination_agent_id = ?)';
  const params = agentId === undefined ? [] : [agentId, agentId];
  return allRows<RestoreView>(
    db,
    `${VIEW} WHERE r.tenant_id = ? AND r.region = ?${agent} ORDER BY r.changed_at DESC LIMIT ?`,
    scope.tenant,
    scope.region,
    ...params,
    limit,
  );
}

export interface RestoreFileRow {
  path: string;
  filter: number;
  item_type: number;
}

export function restoreFiles(db: Db, restoreId: number): RestoreFileRow[] {
  return allRows<RestoreFileRow>(
    db,
    'SELECT path, filter, item_type FROM rs_restore_files WHERE restore_id = ? ORDER BY id',
    restoreId,
  );
}

export function addRestoreFile(db: Db, restoreId: number, file: RestoreFileRow): void {
  cached(db, 'INSERT INTO rs_restore_files (restore_id, path, filter, item_type) VALUES (?, ?, ?, ?)').run(
    restoreId,
    file.path,
    file.filter,
    file.item_type,
  );
}

export function clearRestoreFiles(db: Db, restoreId: number): void {
  cached(db, 'DELETE FROM rs_restore_files WHERE restore_id = ?').run(restoreId);
}
