import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Db } from '../store/db';
import { onePerDb } from '../store/db';
import { passwordGate } from './hash-gate';

/**
 * Slows repeated wrong guesses — sign-in passwords and API keys per user name and per client address,
 * vault passwords per user and per backup. Each key has a number of free guesses (3 per user name,
 * user or backup; 10 per address, which people behind one proxy share); after those, the next guess
 * may come 0.5 s after the one before, doubling up to 8 s, and earlier ones are answered 429 with
 * `Retry-After` without being checked. A key is forgotten 15 minutes after its last guess, and a
 * right answer clears it, so the real user is never locked out for longer than that wait.
 *
 * A guess is counted when it is let through, before its answer is known: guesses sent at once see
 * each other, so sending in parallel gains nothing. The same guess sent again within the window (a
 * console signing in to several connections with one password, a retry) is not counted twice: it
 * tells the guesser nothing new. Guesses are remembered as keyed digests in memory only, never on disk.
 */
export const FORGET_AFTER_MS = 15 * 60 * 1000;
export const MAX_WAIT_MS = 8000;
export const USER_FREE_GUESSES = 3;
export const ADDRESS_FREE_GUESSES = 10;

export interface ThrottleKey {
  key: string;
  free: number;
}

export type Admission = { ok: true } | { ok: false; retryAfterS: number };

/** How long after the last guess the next may come, once `failures` guesses have been counted. */
export function waitAfter(failures: number, free: number): number {
  return failures < free ? 0 : Math.min(MAX_WAIT_MS, 500 * 2 ** (failures - free));
}

/** The guesses each key has counted in the window, as digests under a key that lives in memory only. */
const guessesOf = onePerDb(() => ({
  secret: randomBytes(32),
  byKey: new Map<string, Map<string, number>>(),
}));

function digest(db: Db, key: string, guess: string): string {
  return createHmac('sha256', guessesOf(db).secret).update(`${key}\0${guess}`).digest('base64');
}

/**
 * Lets a guess through (counting it) or says how long to wait; also sweeps keys past the window.
 * `guess` names everything guessed (a user name and its password), so that an address's key tells
 * one user's guess from another's.
 */
export function admit(db: Db, keys: ThrottleKey[], guess: string, now: number): Admission {
  const { byKey } = guessesOf(db);
  const get = db.prepare('SELECT failures, last_at FROM sign_in_failures WHERE key = ?');
  return db.transaction((): Admission => {
    db.prepare('DELETE FROM sign_in_failures WHERE last_at < ?').run(now - FORGET_AFTER_MS);
    const fresh = keys.filter(({ key }) => {
      const seen = byKey.get(key)?.get(digest(db, key, guess));
      return seen === undefined || now - seen >= FORGET_AFTER_MS;
    });
    let retryAt = now;
    for (const { key, free } of fresh) {
      const row = get.get(key) as { failures: number; last_at: number } | undefined;
      if (row) retryAt = Math.max(retryAt, row.last_at + waitAfter(row.failures, free));
    }
    if (retryAt > now) return { ok: false, retryAfterS: Math.ceil((retryAt - now) / 1000) };
    const count = db.prepare(
      `INSERT INTO sign_in_failures (key, failures, last_at) VALUES (?, 1, ?)
       ON CONFLICT(key) DO UPDATE SET failures = failures + 1, last_at = excluded.last_at`,
    );
    for (const { key } of fresh) {
      count.run(key, now);
      let seen = byKey.get(key);
      if (!seen) byKey.set(key, (seen = new Map<string, number>()));
      seen.set(digest(db, key, guess), now);
      // Many guesses on one key: keep the newest few hundred.
      if (seen.size > 256) seen.delete(seen.keys().next().value!);
    }
    for (const [key, seen] of byKey) {
      for (const [d, at] of seen) if (now - at >= FORGET_AFTER_MS) seen.delete(d);
      if (!seen.size) byKey.delete(key);
    }
    return { ok: true };
  })();
}

/** A right answer clears its keys: the count and the remembered guesses. */
export function clear(db: Db, keys: ThrottleKey[]): void {
  const remove = db.prepare('DELETE FROM sign_in_failures WHERE key = ?');
  for (const { key } of keys) {
    remove.run(key);
    guessesOf(db).byKey.delete(key);
  }
}

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
export function signInKeys(c: Context, username: string): ThrottleKey[] {
  const address = clientAddress(c);
  return [
    { key: `user:${username.toLowerCase()}`, free: USER_FREE_GUESSES },
    ...(address ? [{ key: `ip:${address}`, free: ADDRESS_FREE_GUESSES }] : []),
  ];
}

export type Guessed<T> =
  | { ok: true; value: T; status?: undefined }
  | { ok: false; status: 401; message?: undefined }
  | { ok: false; status: 429; message: string; retryAfterS: number };

/**
 * One guess through the throttle and the password gate: `check` (which hashes) runs only when the
 * throttle lets the guess through and the gate has room for the caller's address.
 */
export async function guess<T>(
  db: Db,
  c: Context,
  keys: ThrottleKey[],
  secret: string,
  now: number,
  what: string,
  check: () => Promise<T | undefined>,
): Promise<Guessed<T>> {
  const admission = admit(db, keys, secret, now);
  if (!admission.ok) {
    const s = admission.retryAfterS;
    return {
      ok: false,
      status: 429,
      retryAfterS: s,
      message: `Too many wrong ${what}: try again in ${s} second${s === 1 ? '' : 's'}.`,
    };
  }
  const same = digest(db, `check:${what}:${keys.map((k) => k.key).join(',')}`, secret);
  const checked = await passwordGate.run(clientAddress(c) ?? 'in-process', same, check);
  if (!checked.ok) {
    return {
      ok: false,
      status: 429,
      retryAfterS: 1,
      message: 'Too many password checks at once from your address: try again in a second.',
    };
  }
  if (checked.value === undefined) return { ok: false, status: 401 };
  clear(db, keys);
  return { ok: true, value: checked.value };
}

/** Vault password guesses of a restore, counted per user and per backup. */
export function vaultGuard(
  db: Db,
  c: Context,
  userId: number,
  backupId: number,
  now: number,
): (password: string, check: () => Promise<true | undefined>) => Promise<Guessed<true>> {
  const keys = [
    { key: `vault-user:${userId}`, free: USER_FREE_GUESSES },
    { key: `vault-backup:${backupId}`, free: USER_FREE_GUESSES },
  ];
  return (password, check) => guess(db, c, keys, password, now, 'vault passwords for this backup', check);
}
