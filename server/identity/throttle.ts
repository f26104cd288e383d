import type { Context } from 'hono';
import type { Db } from '../store/db';

/**
 * Slows repeated failed sign-ins per user name and per client address: after 3 failures each further
 * attempt waits longer (0.5 s doubling, at most 8 s), and the count fades 15 minutes after the last
 * failure. A success clears it.
 */
const FREE_FAILURES = 3;
const FORGET_AFTER_MS = 15 * 60 * 1000;

/**
 * The caller's address, from the socket under @hono/node-server; none for in-process requests (tests).
 * Never X-Forwarded-For: a client writes that header itself, and a new value per attempt would escape
 * the throttle. (Behind a reverse proxy every client shares the proxy's address; the user-name key
 * still counts per user.)
 */
export function clientAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/** The throttle keys of a sign-in: the user name, and the address when there is one. */
export function signInKeys(c: Context, username: string): string[] {
  const address = clientAddress(c);
  return [`user:${username.toLowerCase()}`, ...(address ? [`ip:${address}`] : [])];
}

export function signInDelayMs(db: Db, keys: string[], now = Date.now()): number {
  let failures = 0;
  const get = db.prepare('SELECT failures, last_at FROM sign_in_failures WHERE key = ?');
  for (const key of keys) {
    const row = get.get(key) as { failures: number; last_at: number } | undefined;
    if (row && now - row.last_at < FORGET_AFTER_MS) failures = Math.max(failures, row.failures);
  }
  if (failures < FREE_FAILURES) return 0;
  return Math.min(8000, 500 * 2 ** (failures - FREE_FAILURES));
}

export function recordSignIn(db: Db, keys: string[], ok: boolean, now = Date.now()): void {
  for (const key of keys) {
    if (ok) {
      db.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(key);
    } else {
      db.prepare(
        `INSERT INTO sign_in_failures (key, failures, last_at) VALUES (?, 1, ?)
         ON CONFLICT(key) DO UPDATE SET
           failures = CASE WHEN ? - last_at > ${FORGET_AFTER_MS} THEN 1 ELSE failures + 1 END,
           last_at = excluded.last_at`,
      ).run(key, now, now);
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
