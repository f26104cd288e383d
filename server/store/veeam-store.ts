import type Database from 'better-sqlite3';
import type { Db } from './db';
import type {
  EventRow,
  JobRow,
  LicensedUserRow,
  LogRow,
  OrgRow,
  PageQuery,
  ProxyRow,
  RepoRow,
  RestoreRow,
  SessionRow,
} from './veeam-types';

type Row = Record<string, string | number | null>;

export type VeeamTable =
  | 'veeam_organizations'
  | 'veeam_proxies'
  | 'veeam_repositories'
  | 'veeam_jobs'
  | 'veeam_job_sessions'
  | 'veeam_log_items'
  | 'veeam_restore_sessions'
  | 'veeam_restore_events'
  | 'veeam_licensed_users';

/**
 * The Veeam queries. Statements are prepared once per database and kept: the engine runs some of them
 * several times a second, and lists at 10,000 jobs should spend their time reading, not parsing SQL.
 */
export class VeeamStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Db) {}

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  insert(table: VeeamTable, row: Row): void {
    const keys = Object.keys(row);
    this.stmt(
      `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((k) => '@' + k).join(', ')})`,
    ).run(row);
  }

  /** Updates the given columns of the row with this id. */
  update(table: VeeamTable, id: string, changes: Row): void {
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    this.stmt(`UPDATE ${table} SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({
      ...changes,
      id,
    });
  }

  organizations(): OrgRow[] {
    return this.all('SELECT * FROM veeam_organizations ORDER BY n');
  }

  organization(id: string): OrgRow | undefined {
    return this.get('SELECT * FROM veeam_organizations WHERE id = ?', id);
  }

  jobs(orgId?: string): JobRow[] {
    return orgId
      ? this.all('SELECT * FROM veeam_jobs WHERE org_id = ? ORDER BY n', orgId)
      : this.all('SELECT * FROM veeam_jobs ORDER BY n');
  }

  job(id: string): JobRow | undefined {
    return this.get('SELECT * FROM veeam_jobs WHERE id = ?', id);
  }

  /** Enabled jobs whose next run is due, oldest first. */
  dueJobs(now: number): JobRow[] {
    return this.all(
      'SELECT * FROM veeam_jobs WHERE is_enabled = 1 AND next_run IS NOT NULL AND next_run <= ? ORDER BY next_run',
      now,
    );
  }

  /** A page of job sessions, newest first; one row more than asked tells whether a next page exists. */
  jobSessions(page: PageQuery, jobId?: string): SessionRow[] {
    return jobId
      ? this.all(
          'SELECT * FROM veeam_job_sessions WHERE job_id = ? ORDER BY creation_time DESC, n DESC LIMIT ? OFFSET ?',
          jobId,
          page.limit + 1,
          page.offset,
        )
      : this.all(
          'SELECT * FROM veeam_job_sessions ORDER BY creation_time DESC, n DESC LIMIT ? OFFSET ?',
          page.limit + 1,
          page.offset,
        );
  }

  jobSession(id: string): SessionRow | undefined {
    return this.get('SELECT * FROM veeam_job_sessions WHERE id = ?', id);
  }

  openJobSessions(): SessionRow[] {
    return this.all('SELECT * FROM veeam_job_sessions WHERE end_time IS NULL ORDER BY n');
  }

  logItems(sessionId: string, page: PageQuery): LogRow[] {
    return this.all(
      'SELECT * FROM veeam_log_items WHERE session_id = ? ORDER BY usn LIMIT ? OFFSET ?',
      sessionId,
      page.limit + 1,
      page.offset,
    );
  }

  lastUsn(sessionId: string): number {
    return (
      this.get<{ usn: number | null }>(
        'SELECT MAX(usn) AS usn FROM veeam_log_items WHERE session_id = ?',
        sessionId,
      )?.usn ?? 0
    );
  }

  restoreSessions(page: PageQuery, from: number | null, to: number | null): RestoreRow[] {
    return this.all(
      `SELECT * FROM veeam_restore_sessions WHERE creation_time >= ? AND creation_time <= ?
       ORDER BY creation_time DESC, n DESC LIMIT ? OFFSET ?`,
      from ?? -8.64e15,
      to ?? 8.64e15,
      page.limit + 1,
      page.offset,
    );
  }

  restoreSession(id: string): RestoreRow | undefined {
    return this.get('SELECT * FROM veeam_restore_sessions WHERE id = ?', id);
  }

  /** Working sessions; with `idleSince`, only those with no request since then. */
  workingRestoreSessions(idleSince = Infinity): RestoreRow[] {
    return this.all(
      "SELECT * FROM veeam_restore_sessions WHERE state = 'Working' AND COALESCE(last_activity_at, creation_time) < ? ORDER BY n",
      idleSince,
    );
  }

  /** A request to a Working session: its idle time starts again. */
  touchRestoreSession(id: string, now: number): void {
    this.stmt(
      "UPDATE veeam_restore_sessions SET last_activity_at = ? WHERE id = ? AND state = 'Working'",
    ).run(now, id);
  }

  restoreEvents(sessionId: string, page: PageQuery): EventRow[] {
    return this.all(
      'SELECT * FROM veeam_restore_events WHERE session_id = ? ORDER BY ord LIMIT ? OFFSET ?',
      sessionId,
      page.limit + 1,
      page.offset,
    );
  }

  lastEventOrder(sessionId: string): number {
    return (
      this.get<{ ord: number | null }>(
        'SELECT MAX(ord) AS ord FROM veeam_restore_events WHERE session_id = ?',
        sessionId,
      )?.ord ?? 0
    );
  }

  repositories(): RepoRow[] {
    return this.all('SELECT * FROM veeam_repositories ORDER BY n');
  }

  proxy(id: string): ProxyRow | undefined {
    return this.get('SELECT * FROM veeam_proxies WHERE id = ?', id);
  }

  proxies(): ProxyRow[] {
    return this.all('SELECT * FROM veeam_proxies ORDER BY n');
  }

  licensedUsers(page: PageQuery, orgId?: string): LicensedUserRow[] {
    return orgId
      ? this.all(
          'SELECT * FROM veeam_licensed_users WHERE org_id = ? ORDER BY n LIMIT ? OFFSET ?',
          orgId,
          page.limit + 1,
          page.offset,
        )
      : this.all(
          'SELECT * FROM veeam_licensed_users ORDER BY n LIMIT ? OFFSET ?',
          page.limit + 1,
          page.offset,
        );
  }

  licensing(orgId: string): { licensedUsers: number; newUsers: number } {
    const row = this.get<{ licensed: number | null; fresh: number | null }>(
      `SELECT SUM(license_state = 'Licensed') AS licensed, SUM(is_new) AS fresh
       FROM veeam_licensed_users WHERE org_id = ?`,
      orgId,
    );
    return { licensedUsers: row?.licensed ?? 0, newUsers: row?.fresh ?? 0 };
  }
}

const stores = new WeakMap<Db, VeeamStore>();

/** One store per database, shared by the routes, the engine and the seed. */
export function veeamStore(db: Db): VeeamStore {
  let store = stores.get(db);
  if (!store) {
    store = new VeeamStore(db);
    stores.set(db, store);
  }
  return store;
}
