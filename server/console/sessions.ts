import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import { cached } from '../store/rackspace-sql';
import type { ConsoleConfig } from './config';
import type { ConsoleUser } from './users';
import { findUserById } from './users';

/**
 * Console sessions (issue 13 item 3). The cookie holds 256 random bits; the server keeps only their
 * SHA-256 digest with the user, the sign-in time, the last request's time and the absolute end, so a
 * copy of the data folder holds no session that works. A session ends after `sessionIdleS` without
 * a request, `sessionMaxS` after its sign-in, on sign-out, and when its user is disabled or gets a
 * new password.
 */
export const SESSION_COOKIE = 'console_session';

/** A session's last-request time is written at most this often (a request a second writes none). */
const TOUCH_EVERY_MS = 5000;

const digest = (token: string): string => createHash('sha256').update(token).digest('base64');

export interface Session {
  id: string;
  user: ConsoleUser;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

interface SessionRow {
  id: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export function createSession(
  db: Db,
  user: ConsoleUser,
  config: ConsoleConfig,
  now: number,
): { token: string; session: Session } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + config.sessionMaxS * 1000;
  const id = digest(token);
  db.prepare(
    'INSERT INTO console_sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(id, user.id, now, now, expiresAt);
  return { token, session: { id, user, createdAt: now, lastSeenAt: now, expiresAt } };
}

export type SessionCheck =
  | { ok: true; session: Session }
  | { ok: false; reason: 'missing' | 'unknown' | 'idle' | 'expired' | 'disabled'; message: string };

/** The session a cookie names, if it is still good; a session past its end is deleted. */
export function checkSession(
  db: Db,
  token: string | undefined,
  config: ConsoleConfig,
  now: number,
): SessionCheck {
  if (!token)
    return { ok: false, reason: 'missing', message: 'Not signed in: sign in to the console first.' };
  const row = /^[A-Za-z0-9_-]{43}$/.test(token)
    ? (cached(db, 'SELECT * FROM console_sessions WHERE id = ?').get(digest(token)) as SessionRow | undefined)
    : undefined;
  if (!row)
    return {
      ok: false,
      reason: 'unknown',
      message: 'Your session is not valid (it was ended, or is not one of this console): sign in again.',
    };
  return checkRow(db, row, config, now, true);
}

/**
 * The session of a server-side id (an open stream's), if it is still good, without counting as a
 * request: a stream left open is not a person at work, so it does not hold the session past its idle
 * timeout.
 */
export function sessionById(db: Db, id: string, config: ConsoleConfig, now: number): SessionCheck {
  const row = cached(db, 'SELECT * FROM console_sessions WHERE id = ?').get(id) as SessionRow | undefined;
  if (!row) return { ok: false, reason: 'unknown', message: 'Your session ended: sign in again.' };
  return checkRow(db, row, config, now, false);
}

/** `1 minute`, `30 minutes`: the settings are whole minutes and hours, so one is a real case. */
const count = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

function checkRow(db: Db, row: SessionRow, config: ConsoleConfig, now: number, touch: boolean): SessionCheck {
  const end = (reason: 'idle' | 'expired' | 'disabled', message: string): SessionCheck => {
    db.prepare('DELETE FROM console_sessions WHERE id = ?').run(row.id);
    return { ok: false, reason, message };
  };
  if (now >= row.expires_at)
    return end(
      'expired',
      `Your session reached its limit of ${count(config.sessionMaxS / 3600, 'hour')}: sign in again.`,
    );
  if (now - row.last_seen_at >= config.sessionIdleS * 1000)
    return end(
      'idle',
      `Your session ended after ${count(config.sessionIdleS / 60, 'minute')} without a request: sign in again.`,
    );
  const user = findUserById(db, row.user_id);
  if (!user || user.disabled) return end('disabled', 'Your account is disabled: ask an administrator.');
  let lastSeenAt = row.last_seen_at;
  if (touch && now - lastSeenAt >= TOUCH_EVERY_MS) {
    cached(db, 'UPDATE console_sessions SET last_seen_at = ? WHERE id = ?').run(now, row.id);
    lastSeenAt = now;
  }
  return {
    ok: true,
    session: { id: row.id, user, createdAt: row.created_at, lastSeenAt, expiresAt: row.expires_at },
  };
}

export function endSession(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM console_sessions WHERE id = ?').run(id).changes > 0;
}

/** Ends every session of a user (but `keep`, the caller's own, when given); how many ended. */
export function endSessionsOf(db: Db, userId: number, keep?: string): number {
  return db.prepare('DELETE FROM console_sessions WHERE user_id = ? AND id <> ?').run(userId, keep ?? '')
    .changes;
}

/** Deletes the sessions past their end or idle for longer than allowed. */
export function sweepSessions(db: Db, config: ConsoleConfig, now: number): void {
  db.prepare('DELETE FROM console_sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(
    now,
    now - config.sessionIdleS * 1000,
  );
}
