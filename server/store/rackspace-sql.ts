import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const statements = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per database: lists and ticks run the same SQL again and again. */
export function cached(db: Db, sql: string): Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map<string, Statement>()));
  let stmt = map.get(sql);
  if (!stmt) map.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

type RawQuery = { stmt: Statement; build: (row: unknown[]) => unknown };
const rawStatements = new WeakMap<Db, Map<string, RawQuery>>();

/**
 * Every row of a query as objects, built from raw arrays by a constructor compiled for its columns:
 * better-sqlite3 builds wide row objects key by key, and this is 2–3× faster for lists of thousands.
 */
export function allRows<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  let map = rawStatements.get(db);
  if (!map) rawStatements.set(db, (map = new Map<string, RawQuery>()));
  let entry = map.get(sql);
  if (!entry) {
    const stmt = db.prepare(sql).raw(true);
    const fields = stmt.columns().map((c, i) => `${JSON.stringify(c.name)}: row[${i}]`);
    // The column names are our own SQL's, never input; the function only copies fields.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const build = new Function('row', `return { ${fields.join(', ')} };`) as (row: unknown[]) => unknown;
    map.set(sql, (entry = { stmt, build }));
  }
  return (entry.stmt.all(...params) as unknown[][]).map(entry.build) as T[];
}

/** Keyset paging over an integer id column: what v2's `marker`/`limit`/`sort_dir` become in SQL. */
export interface PageOptions {
  /** The id of the last item already seen (exclusive). */
  markerId?: number;
  /** Absent = no limit (v1.0 lists are whole). */
  limit?: number;
  desc?: boolean;
}

export function pageClause(
  column: string,
  opts: PageOptions,
): { where: string; tail: string; params: number[] } {
  const params: number[] = [];
  let where = '';
  if (opts.markerId !== undefined) {
    where = ` AND ${column} ${opts.desc ? '<' : '>'} ?`;
    params.push(opts.markerId);
  }
  let tail = ` ORDER BY ${column} ${opts.desc ? 'DESC' : 'ASC'}`;
  if (opts.limit !== undefined) tail += ` LIMIT ${Math.max(0, Math.floor(opts.limit))}`;
  return { where, tail, params };
}

/** `UPDATE table SET k = ?, … WHERE id = ?` for the keys of a patch (column names are ours, not input). */
export function updateRow(
  db: Db,
  table: string,
  id: number,
  patch: Record<string, string | number | null>,
): void {
  const keys = Object.keys(patch);
  if (keys.length === 0) return;
  cached(db, `UPDATE ${table} SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(
    ...keys.map((k) => patch[k] ?? null),
    id,
  );
}

/** Inserts a row from an object's keys; returns the new rowid. */
export function insertRow(db: Db, table: string, row: Record<string, string | number | null>): number {
  const keys = Object.keys(row);
  const info = cached(
    db,
    `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
  ).run(...keys.map((k) => row[k] ?? null));
  return Number(info.lastInsertRowid);
}

/** The integer id behind a v2 UUID (a `marker`), scoped to the tenant's region. */
export function idOfUuid(
  db: Db,
  table: 'rs_agents' | 'rs_configurations' | 'rs_backups' | 'rs_restores',
  uuid: string,
  scope: { tenant: string; region: string },
): number | undefined {
  const row = cached(db, `SELECT id FROM ${table} WHERE uuid = ? AND tenant_id = ? AND region = ?`).get(
    uuid,
    scope.tenant,
    scope.region,
  ) as { id: number } | undefined;
  return row?.id;
}
