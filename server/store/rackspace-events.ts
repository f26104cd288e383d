import type { Db } from './db';
import type { PageOptions } from './rackspace-sql';
import { pageClause, cached } from './rackspace-sql';
import type { ErrorRow, EventRow } from './rackspace-types';

/** Errors of a run (backup or restore), in list order. */
export function runErrors(db: Db, kind: 'backup' | 'restore', runId: number): ErrorRow[] {
  return cached(
    db,
    `SELECT idx, path, type, description, exception_code, exception_description, exception_details
       FROM rs_errors WHERE run_kind = ? AND run_id = ? ORDER BY idx`,
  ).all(kind, runId) as ErrorRow[];
}

export function addRunErrors(db: Db, kind: 'backup' | 'restore', runId: number, errors: ErrorRow[]): void {
  const insert = cached(
    db,
    `INSERT INTO rs_errors (run_kind, run_id, idx, path, type, description, exception_code,
       exception_description, exception_details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of errors)
    insert.run(
      kind,
      runId,
      e.idx,
      e.path,
      e.type,
      e.description,
      e.exception_code,
      e.exception_description,
      e.exception_details,
    );
}

export interface NewEvent {
  tenant_id: string;
  region: string;
  time: number;
  event: string;
  agent_id: number;
  configuration_id?: number | null;
  backup_id?: number | null;
  restore_id?: number | null;
  bytes_completed?: number | null;
  total_bytes?: number | null;
}

export function addEvent(db: Db, e: NewEvent): void {
  cached(
    db,
    `INSERT INTO rs_events (tenant_id, region, time, event, agent_id, configuration_id, backup_id, restore_id,
       bytes_completed, total_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.tenant_id,
    e.region,
    e.time,
    e.event,
    e.agent_id,
    e.configuration_id ?? null,
    e.backup_id ?? null,
    e.restore_id ?? null,
    e.bytes_completed ?? null,
    e.total_bytes ?? null,
  );
}

/** Events of one backup, restore, configuration or agent; events are transient, as with the vendor (see pruneEvents). */
export function runEvents(
  db: Db,
  kind: 'backup' | 'restore' | 'configuration' | 'agent',
  runId: number,
  page: PageOptions,
): EventRow[] {
  const p = pageClause('e.id', page);
  return cached(
    db,
    `SELECT e.id, e.time, e.event, a.uuid AS agent_uuid, c.uuid AS configuration_uuid, b.uuid AS backup_uuid,
         r.uuid AS restore_uuid, e.bytes_completed, e.total_bytes
       FROM rs_events e JOIN rs_agents a ON a.id = e.agent_id
       LEFT JOIN rs_configurations c ON c.id = e.configuration_id
       LEFT JOIN rs_backups b ON b.id = e.backup_id
       LEFT JOIN rs_restores r ON r.id = e.restore_id
       WHERE e.${kind}_id = ?${p.where}${p.tail}`,
  ).all(runId, ...p.params) as EventRow[];
}

/** The vendor keeps events about a minute; we keep them an hour so that a slow poller still sees them. */
export function pruneEvents(db: Db, olderThan: number): void {
  cached(db, 'DELETE FROM rs_events WHERE time < ?').run(olderThan);
}
