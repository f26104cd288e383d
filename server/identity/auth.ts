import type { Context } from 'hono';
import type { ServiceContext } from '../context';
import type { Action } from './roles';
import { forbiddenMessage, roleMay } from './roles';
import type { TokenKind } from './tokens';
import { checkToken } from './tokens';
import type { User } from './users';

/** Reads the caller's token from `X-Auth-Token` (Rackspace) or `Authorization: Bearer` (Veeam). */
export function tokenFrom(c: Context, kind: TokenKind): string | undefined {
  if (kind === 'rackspace') return c.req.header('x-auth-token') ?? undefined;
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim();
}

export type AuthResult = { ok: true; user: User } | { ok: false; status: 401; message: string };

/** Authenticates a request; each dialect turns a failure into its own error body. */
export function authenticate(ctx: ServiceContext, c: Context, kind: TokenKind): AuthResult {
  const check = checkToken(ctx.db, tokenFrom(c, kind), kind, ctx.clock.now());
  if (check.ok) return check;
  const header = kind === 'rackspace' ? 'X-Auth-Token' : 'Authorization: Bearer';
  const message = {
    missing: `No token: send one in the ${header} header (sign in first).`,
    unknown: 'The token is not valid: sign in again.',
    spent: 'The token is not valid: sign in again.',
    expired: 'The token has expired: sign in again.',
  }[check.reason];
  return { ok: false, status: 401, message };
}

export type AuthzResult = { ok: true } | { ok: false; status: 403; message: string };

export function authorize(user: User, action: Action): AuthzResult {
  return roleMay(user.role, action)
    ? { ok: true }
    : { ok: false, status: 403, message: forbiddenMessage(user.role, action) };
}
