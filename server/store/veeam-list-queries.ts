import type { Db } from './db';
import type { Revs } from './fragment-list';
import { tableVersion } from './list-revs';
import { allRows, cached } from './rackspace-sql';
import type { PageQuery } from './veeam-types';

/**
 * The reads behind the kept Veeam lists (veeam-v5/lists.ts): `[n, rev]` of a list in its order from a
 * covering index, the rows of some `n`, and a table's version. Pages read one row more than asked,
 * which tells whether a next page exists.
 */

export type ListedTable = 'veeam_jobs' | 'veeam_job_sessions' | 'veeam_restore_sessions';

export const veeamVersion = (db: Db, table: ListedTable): number => tableVersion(db, 'veeam_versions', table);

const revs = (db: Db, sql: string, ...params: unknown[]): Revs =>
  cached(db, sql)
    .raw(true)
    .all(...params) as Revs;

export function jobRevs(db: Db, orgId?: string): Revs {
  return orgId
    ? revs(db, 'SELECT n, rev FROM veeam_jobs WHERE org_id = ? ORDER BY n', orgId)
    : revs(db, 'SELECT n, rev FROM veeam_jobs ORDER BY n');
}

export function jobSessionRevs(db: Db, page: PageQuery, jobId?: string): Revs {
  const order = 'ORDER BY creation_time DESC, n DESC LIMIT ? OFFSET ?';
  return jobId
    ? revs(
        db,
        `SELECT n, rev FROM veeam_job_sessions WHERE job_id = ? ${order}`,
        jobId,
        page.limit + 1,
        page.offset,
      )
    : revs(db, `SELECT n, rev FROM veeam_job_sessions ${order}`, page.limit + 1, page.offset);
}

export function restoreSessionRevs(db: Db, page: PageQuery, from: number | null, to: number | null): Revs {
  return revs(
    db,
    `SELECT n, rev FROM veeam_restore_sessions WHERE creation_time >= ? AND creation_time <= ?
     ORDER BY creation_time DESC, n DESC LIMIT ? OFFSET ?`,
    from ?? -8.64e15,
    to ?? 8.64e15,
    page.limit + 1,
    page.offset,
  );
}

/** Rows by `n` (a declared column of every table, so `*` carries it). */
export function rowsByN<T>(db: Db, table: ListedTable, ns: number[]) {
  return allRows<T & { n: number }>(
    db,
    `SELECT * FROM ${table} WHERE n IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ns),
  );
}
