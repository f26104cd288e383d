import type { Db, Migration } from '../store/db';
import { migrate, openDatabase } from '../store/db';
import { ROLES } from '../../src/api/contract/roles';
import { auditMigration } from './audit';

/**
 * The console server's own database: `console.sqlite` in DATA_DIR, beside the reference service's
 * file and apart from it (a real deployment has no reference service, and the vendor tables are
 * not the console's). Same folder and file modes (0700, 0600), WAL mode.
 */
export const CONSOLE_DB_FILE = 'console.sqlite';

const roleList = ROLES.map((r) => `'${r}'`).join(', ');

export const consoleMigrations: Migration[] = [
  {
    // `sign_in_failures` has the shape the sign-in throttle reads (server/identity/throttle.ts).
    id: 'console-1-users',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE console_users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN (${roleList})),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at INTEGER NOT NULL,
        changed_at INTEGER NOT NULL
      );
      CREATE TABLE sign_in_failures (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_at INTEGER NOT NULL);
      CREATE INDEX sign_in_failures_age ON sign_in_failures (last_at);
    `,
  },
  {
    // Sessions by the SHA-256 digest of their cookie (server/console/sessions.ts).
    id: 'console-2-sessions',
    sql: `
      CREATE TABLE console_sessions (
        id TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES console_users(id),
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX console_sessions_user ON console_sessions (user_id);
    `,
  },
  auditMigration,
  {
    // People who sign in through OpenID Connect (server/console/oidc.ts): one row per issuer and
    // subject, linked to their console user (role, disabled, sessions, audit name).
    id: 'console-4-oidc-users',
    sql: `
      CREATE TABLE console_oidc_users (
        issuer TEXT NOT NULL,
        subject TEXT NOT NULL,
        user_id INTEGER NOT NULL UNIQUE REFERENCES console_users(id),
        display_name TEXT NOT NULL,
        email TEXT,
        claimed TEXT NOT NULL,
        first_sign_in_at INTEGER NOT NULL,
        last_sign_in_at INTEGER NOT NULL,
        PRIMARY KEY (issuer, subject)
      );
    `,
  },
];

/** Opens (or creates) the console's database and brings its tables up to date. */
export function openConsoleDb(dataDir: string, migrations: readonly Migration[] = consoleMigrations): Db {
  const db = openDatabase(dataDir, CONSOLE_DB_FILE);
  migrate(db, migrations);
  return db;
}
