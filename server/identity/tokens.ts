import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import { cached } from '../store/rackspace-sql';
import type { User } from './users';
import { findUserById } from './users';

/**
 * A kind of token a service module issues: its name in the tokens table and, for a token that comes
 * with each request, the header (and scheme) that carries it. Each module declares its own kinds.
 */
export interface TokenKind {
  name: string;
  header?: string;
  /** `Bearer` for `Authorization: Bearer <token>`; none when the header is the token itself. */
  scheme?: string;
}

export interface IssuedToken {
  token: string;
  issuedAt: number;
  expiresAt: number;
}

/**
 * Tokens are stored as their SHA-256 digest, never as sent: a copy of the data folder holds no token
 * that works. (They are 128 random bits, so a fast digest is as good as a slow one.)
 */
export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

/** `family` ties a Veeam sign-in's tokens together across refreshes (see `server/identity/veeam.ts`). */
export function issueToken(
  db: Db,
  user: User,
  kind: TokenKind,
  ttlSeconds: number,
  now = Date.now(),
  family: string | null = null,
): IssuedToken {
  const token = randomBytes(16).toString('hex');
  const expiresAt = now + ttlSeconds * 1000;
  db.prepare(
    'INSERT INTO tokens (token, user_id, kind, issued_at, expires_at, family) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(tokenDigest(token), user.id, kind.name, now, expiresAt, family);
  // Old tokens are swept as new ones are made, so the table does not grow without bound.
  db.prepare('DELETE FROM tokens WHERE expires_at < ?').run(now - 24 * 3600 * 1000);
  return { token, issuedAt: now, expiresAt };
}

export type TokenCheck =
  | { ok: true; user: User; family: string | null }
  | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'spent'; family?: string | null };

export function checkToken(db: Db, token: string | undefined, kind: TokenKind, now = Date.now()): TokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  const row = cached(
    db,
    'SELECT user_id, expires_at, family, spent_at FROM tokens WHERE token = ? AND kind = ?',
  ).get(tokenDigest(token), kind.name) as
    { user_id: number; expires_at: number; family: string | null; spent_at: number | null } | undefined;
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.spent_at !== null) return { ok: false, reason: 'spent', family: row.family };
  if (row.expires_at <= now) return { ok: false, reason: 'expired' };
  const user = findUserById(db, row.user_id);
  return user ? { ok: true, user, family: row.family } : { ok: false, reason: 'unknown' };
}

/** Ends a token; true when there was one. */
export function revokeToken(db: Db, token: string): boolean {
  return db.prepare('DELETE FROM tokens WHERE token = ?').run(tokenDigest(token)).changes > 0;
}

/** The user a token (of any kind, even expired) belongs to, for revocation. */
export function tokenOwner(db: Db, token: string): number | undefined {
  const row = db.prepare('SELECT user_id FROM tokens WHERE token = ?').get(tokenDigest(token)) as
    { user_id: number } | undefined;
  return row?.user_id;
}

/** A spent refresh token is kept, marked, until it expires: its reuse is how a theft shows. */
export function spendToken(db: Db, token: string, now: number): void {
  db.prepare('UPDATE tokens SET spent_at = ? WHERE token = ?').run(now, tokenDigest(token));
}

/** Ends every token of a sign-in's family (what a reused refresh token produced, and the rest). */
export function revokeFamily(db: Db, family: string): number {
  return db.prepare('DELETE FROM tokens WHERE family = ? AND spent_at IS NULL').run(family).changes;
}

/** Expires every token at once: how tests and training sessions show an expired session. */
export function expireAllTokens(db: Db, now = Date.now()): number {
  return db.prepare('UPDATE tokens SET expires_at = ? WHERE expires_at > ?').run(now - 1, now).changes;
}
