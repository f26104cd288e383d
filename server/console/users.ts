import type { Role } from '../../src/api/contract/roles';
import { isRole, ROLES } from '../../src/api/contract/roles';
import { hashPassword, verifyPassword } from '../identity/passwords';
import type { Db } from '../store/db';
import { cached } from '../store/rackspace-sql';

/**
 * The people who sign in to the console (issue 13 item 2): a user name, a role, a scrypt hash of the
 * password (server/identity/passwords.ts) and a disabled flag. Users are never deleted, only
 * disabled, so that the audit log's names keep meaning someone.
 */
export interface ConsoleUser {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
  changedAt: number;
}

interface UserRow {
  id: number;
  username: string;
  role: Role;
  password_hash: string;
  disabled: 0 | 1;
  created_at: number;
  changed_at: number;
}

const toUser = (row: UserRow): ConsoleUser => ({
  id: row.id,
  username: row.username,
  role: row.role,
  disabled: row.disabled === 1,
  createdAt: row.created_at,
  changedAt: row.changed_at,
});

export type Done<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; message: string };

export const DEMO_CONSOLE_USERS: readonly { username: string; role: Role }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'support', role: 'support' },
  { username: 'viewer', role: 'viewer' },
];
export const DEMO_CONSOLE_PASSWORD = 'demo';
export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 1024;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function usernameProblem(username: unknown): string | undefined {
  if (typeof username !== 'string' || !USERNAME.test(username))
    return 'A user name is 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.';
  return undefined;
}

export function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
    return `A password has at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `A password has at most ${MAX_PASSWORD_LENGTH} characters.`;
  return undefined;
}

export function roleProblem(role: unknown): string | undefined {
  return isRole(role) ? undefined : `A role is one of ${ROLES.join(', ')}, not ${JSON.stringify(role)}.`;
}

/** The demo users, on a console that has no user yet, when the demo data set is on. */
export async function seedDemoConsoleUsers(db: Db, now: number): Promise<void> {
  const count = db.prepare('SELECT COUNT(*) AS n FROM console_users').get() as { n: number };
  if (count.n > 0) return;
  const hashes = await Promise.all(DEMO_CONSOLE_USERS.map(() => hashPassword(DEMO_CONSOLE_PASSWORD)));
  const insert = db.prepare(
    `INSERT OR IGNORE INTO console_users (username, role, password_hash, created_at, changed_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  db.transaction(() =>
    DEMO_CONSOLE_USERS.forEach((u, i) => insert.run(u.username, u.role, hashes[i], now, now)),
  )();
}

export function listUsers(db: Db): ConsoleUser[] {
  return (db.prepare('SELECT * FROM console_users ORDER BY username').all() as UserRow[]).map(toUser);
}

export function findUser(db: Db, username: string): ConsoleUser | undefined {
  const row = db.prepare('SELECT * FROM console_users WHERE username = ?').get(username) as
    UserRow | undefined;
  return row && toUser(row);
}

export function findUserById(db: Db, id: number): ConsoleUser | undefined {
  // Read on every request (the session's person): the statement is prepared once per database.
  const row = cached(db, 'SELECT * FROM console_users WHERE id = ?').get(id) as UserRow | undefined;
  return row && toUser(row);
}

export async function addUser(
  db: Db,
  input: { username: unknown; role: unknown; password: unknown },
  now: number,
): Promise<Done<ConsoleUser>> {
  const problem =
    usernameProblem(input.username) ?? roleProblem(input.role) ?? passwordProblem(input.password);
  if (problem) return { ok: false, status: 400, message: problem };
  const username = input.username as string;
  if (findUser(db, username))
    return { ok: false, status: 409, message: `There is already a user ${username}.` };
  const hash = await hashPassword(input.password as string);
  const added = db
    .prepare(
      `INSERT OR IGNORE INTO console_users (username, role, password_hash, created_at, changed_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(username, input.role, hash, now, now);
  if (added.changes === 0) return { ok: false, status: 409, message: `There is already a user ${username}.` };
  return { ok: true, value: findUser(db, username)! };
}

/** The active administrators other than `username`: the last one may not be demoted or disabled. */
function otherActiveAdmins(db: Db, username: string): number {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS n FROM console_users WHERE role = 'admin' AND disabled = 0 AND username <> ?`,
    )
    .get(username) as { n: number };
  return row.n;
}

/** Changes a user's role or disabled flag; the console keeps at least one active administrator. */
export function changeUser(
  db: Db,
  username: string,
  change: { role?: unknown; disabled?: unknown },
  now: number,
): Done<ConsoleUser> {
  const user = findUser(db, username);
  if (!user) return { ok: false, status: 404, message: `There is no user ${username}.` };
  if (change.role === undefined && change.disabled === undefined)
    return { ok: false, status: 400, message: 'Say what changes: a role, or disabled true or false.' };
  if (change.role !== undefined) {
    const problem = roleProblem(change.role);
    if (problem) return { ok: false, status: 400, message: problem };
  }
  if (change.disabled !== undefined && typeof change.disabled !== 'boolean')
    return { ok: false, status: 400, message: 'disabled is true or false.' };
  const role = (change.role as Role | undefined) ?? user.role;
  const disabled = change.disabled ?? user.disabled;
  if (
    user.role === 'admin' &&
    !user.disabled &&
    (role !== 'admin' || disabled) &&
    otherActiveAdmins(db, username) === 0
  )
    return {
      ok: false,
      status: 409,
      message: `${user.username} is the last active administrator: add or enable another one first.`,
    };
  db.prepare('UPDATE console_users SET role = ?, disabled = ?, changed_at = ? WHERE id = ?').run(
    role,
    disabled ? 1 : 0,
    now,
    user.id,
  );
  return { ok: true, value: findUserById(db, user.id)! };
}

export async function setPassword(
  db: Db,
  username: string,
  password: unknown,
  now: number,
): Promise<Done<ConsoleUser>> {
  const user = findUser(db, username);
  if (!user) return { ok: false, status: 404, message: `There is no user ${username}.` };
  const problem = passwordProblem(password);
  if (problem) return { ok: false, status: 400, message: problem };
  const hash = await hashPassword(password as string);
  db.prepare('UPDATE console_users SET password_hash = ?, changed_at = ? WHERE id = ?').run(
    hash,
    now,
    user.id,
  );
  return { ok: true, value: findUserById(db, user.id)! };
}

/** A hash of nothing, checked for an unknown user so that the answer takes as long as for a known one. */
const NOBODY = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** The user whose password this is (disabled or not: the caller tells them apart); undefined otherwise. */
export async function checkPassword(
  db: Db,
  username: string,
  password: string,
): Promise<ConsoleUser | undefined> {
  const row = db.prepare('SELECT * FROM console_users WHERE username = ?').get(username) as
    UserRow | undefined;
  const right = await verifyPassword(password, row?.password_hash ?? NOBODY);
  return row && right ? toUser(row) : undefined;
}
