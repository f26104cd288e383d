import type { Db } from '../store/db';
import { cached } from '../store/rackspace-sql';
import { hashPassword, verifyPassword } from './passwords';
import type { Role } from '../../src/api/contract/roles';

export interface User {
  id: number;
  username: string;
  role: Role;
  tenantId: string;
  displayName: string;
  apiKey: string | null;
}

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  api_key: string | null;
  role: Role;
  tenant_id: string;
  display_name: string;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    tenantId: row.tenant_id,
    displayName: row.display_name,
    apiKey: row.api_key,
  };
}

/** The demo tenant (Rackspace account / project id) that the demo users belong to. */
export const DEMO_TENANT = '110011';

/** The demo users exist only in the demo data set; their API keys are printed in the README. */
export const DEMO_USERS: { username: string; role: Role; displayName: string; apiKey: string }[] = [
  {
    username: 'admin',
    role: 'admin',
    displayName: 'Ada Admin',
    apiKey: 'demo-admin-0f6e9f63600142f0a970911583522217',
  },
  {
    username: 'support',
    role: 'support',
    displayName: 'Sam Support',
    apiKey: 'demo-support-5b1c3e2a7d9f4a60b2c8e1f0a3d4c5b6',
  },
  {
    username: 'viewer',
    role: 'viewer',
    displayName: 'Vic Viewer',
    apiKey: 'demo-viewer-9a8b7c6d5e4f40312a1b0c9d8e7f6a5b',
  },
];
export const DEMO_PASSWORD = 'demo';

export async function seedDemoUsers(db: Db): Promise<void> {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO users (username, password_hash, api_key, role, tenant_id, display_name)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const u of DEMO_USERS) {
    insert.run(u.username, await hashPassword(DEMO_PASSWORD), u.apiKey, u.role, DEMO_TENANT, u.displayName);
  }
}

export function findUserById(db: Db, id: number): User | undefined {
  const row = cached(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row && toUser(row);
}

/** Checks a password; undefined when the user is unknown or the password is wrong. */
export async function authenticatePassword(
  db: Db,
  username: string,
  password: string,
): Promise<User | undefined> {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  if (!row) {
    // Spend the same time as a real check so that a guesser cannot tell which user names exist.
    await verifyPassword(
      password,
      'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    );
    return undefined;
  }
  return (await verifyPassword(password, row.password_hash)) ? toUser(row) : undefined;
}

export function authenticateApiKey(db: Db, username: string, apiKey: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ? AND api_key = ?').get(username, apiKey) as
    UserRow | undefined;
  return row && toUser(row);
}
