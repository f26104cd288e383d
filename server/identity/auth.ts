import type { Context } from 'hono';
import type { ServiceContext } from '../context';
import type { ApiContract } from '../../src/api/contract/operations';
import { operationFor, operationsAt } from '../../src/api/contract/operations';
import type { Action } from '../../src/api/contract/roles';
import { forbiddenMessage, roleMay } from '../../src/api/contract/roles';
import type { TokenKind } from './tokens';
import { checkToken } from './tokens';
import type { User } from './users';

/** Reads the caller's token from the header its kind names (`X-Auth-Token`, `Authorization: Bearer`). */
export function tokenFrom(c: Context, kind: TokenKind): string | undefined {
  if (!kind.header) return undefined;
  const value = c.req.header(kind.header);
  if (!kind.scheme) return value ?? undefined;
  const match = new RegExp(`^${kind.scheme}\\s+(.+)$`, 'i').exec(value ?? '');
  return match?.[1]?.trim();
}

export type AuthResult = { ok: true; user: User } | { ok: false; status: 401; message: string };

/** Authenticates a request; each dialect turns a failure into its own error body. */
export function authenticate(ctx: ServiceContext, c: Context, kind: TokenKind): AuthResult {
  const check = checkToken(ctx.db, tokenFrom(c, kind), kind, ctx.clock.now());
  if (check.ok) return check;
  const header = kind.scheme ? `${kind.header}: ${kind.scheme}` : kind.header;
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

/**
 * Authorizes a request by its API's table of operations (src/api/contract/apis.ts): the action of its
 * rule, and the user's role. Where the body names the command (several rules on one path), a call
 * without `command` passes and the route asks again once it has read the body. A request no rule
 * covers is refused.
 */
export function authorizeRequest(user: User, api: ApiContract, c: Context, command?: string): AuthzResult {
  const { method, path } = c.req;
  if (command === undefined) {
    const rules = operationsAt(api, method, path);
    if (rules.length > 0 && rules.every((r) => r.command !== undefined)) return { ok: true };
  }
  const rule = operationFor(api, method, path, command);
  if (!rule) return { ok: false, status: 403, message: `No rule allows ${method} ${path}.` };
  return rule.action === 'sign-in' || rule.action === 'sign-out'
    ? { ok: true }
    : authorize(user, rule.action);
}

/**
 * The same at an API's door, before any route: a path with no rule passes on to the routes, which
 * answer it 404 or 405 (a test proves that every route the service registers has a rule).
 */
export function authorizeAtDoor(user: User, api: ApiContract, c: Context): AuthzResult {
  return operationsAt(api, c.req.method, c.req.path).length === 0
    ? { ok: true }
    : authorizeRequest(user, api, c);
}
