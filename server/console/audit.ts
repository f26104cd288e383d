import type { Db } from '../store/db';

/**
 * The audit log (issue 13 item 5): one row per sign-in and failed attempt, and per refusal and
 * mutating request of a person signed in (server/console/http.ts decides which requests are rows). Rows are only ever added: no API changes or deletes one, and the table refuses
 * an UPDATE. Rows older than the retention (CONSOLE_AUDIT_DAYS) are deleted, at most once an hour.
 */
export type Outcome = 'ok' | 'failed' | 'refused';
export const OUTCOMES: readonly Outcome[] = ['ok', 'failed', 'refused'];

export interface AuditEntry {
  /** When the request came, ms since the epoch. */
  at: number;
  /** The person (for a failed sign-in: the user name given), null when nobody is known. */
  who: string | null;
  role: string | null;
  address: string | null;
  /** The connection a forwarded request went to; null for the console's own actions. */
  connection: string | null;
  /** `sign-in`, `sign-out`, `user.add`…, or the contract's action of a forwarded request. */
  action: string;
  method: string;
  path: string;
  targetId: string | null;
  targetName: string | null;
  /** What the console answered. */
  status: number;
  /** What the vendor answered, for a forwarded request. */
  vendorStatus: number | null;
  durationMs: number;
  outcome: Outcome;
  /** The refusal's or failure's message. */
  message: string | null;
}

export interface AuditRow extends AuditEntry {
  id: number;
}

/** The table's columns under the names of `AuditRow`. */
const COLUMNS = `id, at, who, role, address, connection, action, method, path, target_id AS targetId,
  target_name AS targetName, status, vendor_status AS vendorStatus, duration_ms AS durationMs, outcome, message`;

export const auditMigration = {
  id: 'console-3-audit',
  sql: `
    CREATE TABLE console_audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      who TEXT,
      role TEXT,
      address TEXT,
      connection TEXT,
      action TEXT NOT NULL,
      method TEXT NOT NULL,
      path TEXT NOT NULL,
      target_id TEXT,
      target_name TEXT,
      status INTEGER NOT NULL,
      vendor_status INTEGER,
      duration_ms INTEGER NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed', 'refused')),
      message TEXT
    );
    CREATE INDEX console_audit_at ON console_audit (at);
    CREATE INDEX console_audit_who ON console_audit (who COLLATE NOCASE, id);
    CREATE TRIGGER console_audit_append_only BEFORE UPDATE ON console_audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
};

const HOUR = 3600 * 1000;
const clip = (text: string | null, max = 500): string | null => (text === null ? null : text.slice(0, max));

export class AuditLog {
  private lastSweep = -Infinity;

  constructor(
    private readonly db: Db,
    private readonly retentionDays: number,
  ) {}

  append(entry: AuditEntry): void {
    this.db
      .prepare(
        `INSERT INTO console_audit (at, who, role, address, connection, action, method, path, target_id,
           target_name, status, vendor_status, duration_ms, outcome, message)
         VALUES (@at, @who, @role, @address, @connection, @action, @method, @path, @targetId, @targetName,
           @status, @vendorStatus, @durationMs, @outcome, @message)`,
      )
      .run({
        ...entry,
        who: clip(entry.who, 100),
        path: clip(entry.path, 1000),
        targetName: clip(entry.targetName),
        message: clip(entry.message),
        durationMs: Math.round(entry.durationMs),
      });
    this.sweep(entry.at);
  }

  /** Deletes rows past the retention, at most once an hour (and at once when `force`). */
  sweep(now: number, force = false): number {
    if (this.retentionDays === 0 || (!force && now - this.lastSweep < HOUR)) return 0;
    this.lastSweep = now;
    return this.db.prepare('DELETE FROM console_audit WHERE at < ?').run(now - this.retentionDays * 24 * HOUR)
      .changes;
  }

  /** Newest first, `limit` rows below the id `before` (the next page's cursor). */
  query(filter: AuditFilter, limit: number, before?: number): AuditRow[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (sql: string, value: string | number | undefined) => {
      if (value === undefined || value === '') return;
      where.push(sql);
      args.push(value);
    };
    add('who = ? COLLATE NOCASE', filter.person);
    add('action = ?', filter.action);
    add('connection = ?', filter.connection);
    add('outcome = ?', filter.outcome);
    add('at >= ?', filter.from);
    add('at <= ?', filter.to);
    add('id < ?', before);
    const sql = `SELECT ${COLUMNS} FROM console_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id DESC LIMIT ?`;
    return this.db.prepare(sql).all(...args, limit) as AuditRow[];
  }
}

export interface AuditFilter {
  person?: string;
  action?: string;
  connection?: string;
  outcome?: Outcome;
  from?: number;
  to?: number;
}

/** The filters of `GET /console/api/audit`, each checked; a message for the first one that is wrong. */
export function parseAuditQuery(
  params: URLSearchParams,
):
  | { ok: true; filter: AuditFilter; limit: number; before?: number; csv: boolean }
  | { ok: false; message: string } {
  const known = ['person', 'action', 'connection', 'outcome', 'from', 'to', 'limit', 'before', 'format'];
  for (const key of params.keys())
    if (!known.includes(key))
      return { ok: false, message: `Unknown filter "${key}": use ${known.join(', ')}.` };
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const time = (key: string): number | undefined | string => {
    const raw = text(key);
    if (raw === undefined) return undefined;
    const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
    return Number.isFinite(ms)
      ? ms
      : `${key} is a time (ISO 8601, such as 2026-12-03T08:00:00Z, or ms), not "${raw}".`;
  };
  const outcome = text('outcome');
  if (outcome !== undefined && !(OUTCOMES as readonly string[]).includes(outcome))
    return { ok: false, message: `outcome is one of ${OUTCOMES.join(', ')}, not "${outcome}".` };
  const from = time('from');
  const to = time('to');
  if (typeof from === 'string') return { ok: false, message: from };
  if (typeof to === 'string') return { ok: false, message: to };
  if (from !== undefined && to !== undefined && from > to) return { ok: false, message: 'from is after to.' };
  const format = text('format');
  if (format !== undefined && format !== 'csv' && format !== 'json')
    return { ok: false, message: `format is csv or json, not "${format}".` };
  const csv = format === 'csv';
  const whole = (key: string, min: number, max: number, fallback: number | undefined) => {
    const raw = text(key);
    if (raw === undefined) return fallback;
    return /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max
      ? Number(raw)
      : `${key} is a whole number from ${min} to ${max}, not "${raw}".`;
  };
  const limit = whole('limit', 1, csv ? 100_000 : 1000, csv ? 100_000 : 100);
  const before = whole('before', 1, Number.MAX_SAFE_INTEGER, undefined);
  if (typeof limit === 'string') return { ok: false, message: limit };
  if (typeof before === 'string') return { ok: false, message: before };
  return {
    ok: true,
    filter: {
      person: text('person'),
      action: text('action'),
      connection: text('connection'),
      outcome: outcome as Outcome | undefined,
      from,
      to,
    },
    limit: limit!,
    before,
    csv,
  };
}

const CSV_COLUMNS: readonly [string, (r: AuditRow) => string | number | null][] = [
  ['time', (r) => new Date(r.at).toISOString()],
  ['person', (r) => r.who],
  ['role', (r) => r.role],
  ['address', (r) => r.address],
  ['connection', (r) => r.connection],
  ['action', (r) => r.action],
  ['method', (r) => r.method],
  ['path', (r) => r.path],
  ['target id', (r) => r.targetId],
  ['target name', (r) => r.targetName],
  ['status', (r) => r.status],
  ['vendor status', (r) => r.vendorStatus],
  ['duration ms', (r) => r.durationMs],
  ['outcome', (r) => r.outcome],
  ['message', (r) => r.message],
];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe.
 */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map(([, get]) => csvField(get(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
