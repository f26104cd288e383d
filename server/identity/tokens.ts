import { randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import type { User } from './users';
import { findUserById } from './users';

export type TokenKind = 'rackspace' | 'veeam-access' | 'veeam-refresh';

export interface IssuedToken {
  token: string;
  issuedAt: number;
  expiresAt: number;
}

export function issueToken(
  db: Db,
  user: User,
  kind: TokenKind,
  ttlSeconds: number,
  now = Date.now(),
): IssuedToken {
  const token = randomBytes(16).toString('hex');
  const expiresAt = now + ttlSeconds * 1000;
  db.prepare('INSERT INTO tokens (token, user_id, kind, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    token,
    user.id,
    kind,
    now,
    expiresAt,
  );
  // Old tokens are swept as new ones are made, so the table does not grow without bound.
  db.prepare('DELETE FROM tokens WHERE expires_at < ?').run(now - 24 * 3600 * 1000);
  return { token, issuedAt: now, expiresAt };
}

export type TokenCheck = { ok: true; user: User } | { ok: false; reason: 'missing' | 'unknown' | 'expired' };

export function checkToken(db: Db, token: string | undefined, kind: TokenKind, now = Date.now()): TokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  const row = db
    .prepare('SELECT user_id, expires_at FROM tokens WHERE token = ? AND kind = ?')
    .get(token, kind) as { user_id: number; expires_at: number } | undefined;
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.expires_at <= now) return { ok: false, reason: 'expired' };
  const user = findUserById(db, row.user_id);
  return user ? { ok: true, user } : { ok: false, reason: 'unknown' };
}

export function revokeToken(db: Db, token: string): void {
  db.prepare('DELETE FROM tokens WHERE token = ?').run(token);
}

/** Expires every token at once: how tests and training sessions show an expired session. */
export function expireAllTokens(db: Db, now = Date.now()): number {
  return db.prepare('UPDATE tokens SET expires_at = ? WHERE expires_at > ?').run(now - 1, now).changes;
}
