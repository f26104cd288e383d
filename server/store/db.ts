import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROLES } from '../../src/api/contract/roles';

export type Db = Database.Database;

export interface Migration {
  /** Unique and stable: `<module>-<n>-<what>`. */
  id: string;
  sql: string;
}

/**
 * Opens (or creates) the service's SQLite file in WAL mode. `:memory:` gives a throwaway database.
 * The console server keeps its own file in the same folder (`fileName`, server/console/store.ts).
 */
export function openDatabase(dataDir: string, fileName = 'backup-service.sqlite'): Db {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    // The folder holds tokens' digests, API keys and password hashes: only its owner may enter it
    // (a folder that already exists is left as its owner set it), and the files are 0600.
    if (mkdirSync(dataDir, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(dataDir, 0o700);
    file = join(dataDir, fileName);
    closeSync(openSync(file, 'a', 0o600));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`);
  return db;
}

/** `make(db)` once per database: kept lists and stores are shared by every route of a service. */
export function onePerDb<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) made.set(db, (value = make(db)));
    return value;
  };
}

/** Applies, in order and once each, the migrations that this database has not seen yet. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const seen = db.prepare('SELECT 1 FROM migrations WHERE id = ?');
  const mark = db.prepare('INSERT INTO migrations (id, applied_at) VALUES (?, ?)');
  for (const m of migrations) {
    if (seen.get(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      mark.run(m.id, Date.now());
    })();
  }
}

/** A small key-value table for facts about the data set itself (seeded, seed, scale). */
export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export const coreMigrations: Migration[] = [
  {
    id: 'core-1-meta-users-tokens',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL,
        api_key TEXT UNIQUE,
        role TEXT NOT NULL CHECK (role IN (${ROLES.map((r) => `'${r}'`).join(', ')})),
        tenant_id TEXT NOT NULL,
        display_name TEXT NOT NULL
      );
      CREATE TABLE tokens (
        token TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        kind TEXT NOT NULL CHECK (kind IN ('rackspace', 'veeam-access', 'veeam-refresh')),
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX tokens_expiry ON tokens (expires_at);
      CREATE TABLE sign_in_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_at INTEGER NOT NULL
      );
    `,
  },
  {
    // The sign-in throttle sweeps keys past its window (server/identity/throttle.ts).
    id: 'core-2-sign-in-failures-by-age',
    sql: `CREATE INDEX sign_in_failures_age ON sign_in_failures (last_at);`,
  },
  {
    // Tokens are kept as SHA-256 digests (server/identity/tokens.ts): the ones kept in plain text
    // before cannot be converted in SQL, so they end (everyone signs in again once). A Veeam sign-in's
    // tokens share a family; a spent refresh token is marked, not deleted, so that its reuse shows.
    id: 'core-3-tokens-hashed-families',
    sql: `
      DELETE FROM tokens;
      ALTER TABLE tokens ADD COLUMN family TEXT;
      ALTER TABLE tokens ADD COLUMN spent_at INTEGER;
      CREATE INDEX tokens_family ON tokens (family);
    `,
  },
  {
    // Token kinds are each service module's own (ServiceModule.tokenKinds): the table no longer
    // lists them, so that a new module needs no change here.
    id: 'core-4-tokens-of-any-kind',
    sql: `
      CREATE TABLE tokens_new (
        token TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        kind TEXT NOT NULL,
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        family TEXT,
        spent_at INTEGER
      );
      INSERT INTO tokens_new SELECT token, user_id, kind, issued_at, expires_at, family, spent_at FROM tokens;
      DROP TABLE tokens;
      ALTER TABLE tokens_new RENAME TO tokens;
      CREATE INDEX tokens_expiry ON tokens (expires_at);
      CREATE INDEX tokens_family ON tokens (family);
    `,
  },
];
