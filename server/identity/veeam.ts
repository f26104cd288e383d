import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { OAUTH_ERROR } from '../../src/api/contract/error-forms';
import type { TokenAnswer } from '../../src/api/veeam-v5/wire';
import { tokenRequestSchema } from '../../src/api/veeam-v5/wire';
import type { ServiceContext } from '../context';
import { guess, signInKeys } from './throttle';
import type { TokenKind } from './tokens';
import { checkToken, issueToken, revokeFamily, spendToken } from './tokens';
import type { User } from './users';
import { authenticatePassword } from './users';

/** Veeam's access token, sent as `Authorization: Bearer`, and its refresh token, sent only to `/token`. */
export const VEEAM_ACCESS_TOKEN: TokenKind = {
  name: 'veeam-access',
  header: 'Authorization',
  scheme: 'Bearer',
};
export const VEEAM_REFRESH_TOKEN: TokenKind = { name: 'veeam-refresh' };

/** Refresh tokens outlive access tokens: a console can renew a session for a week. */
const REFRESH_TTL_MIN_SECONDS = 7 * 24 * 3600;

function tokenError(c: Context, error: string, description: string, status: ContentfulStatusCode = 400) {
  return c.json(OAUTH_ERROR.write(status, description, [error]), status);
}

/** A new pair; `family` is the sign-in's (a refresh continues it), so that a theft can end it all. */
function answer(ctx: ServiceContext, user: User, family: string = randomUUID()): TokenAnswer {
  const now = ctx.clock.now();
  const ttl = ctx.config.tokenTtl;
  const access = issueToken(ctx.db, user, VEEAM_ACCESS_TOKEN, ttl, now, family);
  const refreshTtl = Math.max(ttl, REFRESH_TTL_MIN_SECONDS);
  const refresh = issueToken(ctx.db, user, VEEAM_REFRESH_TOKEN, refreshTtl, now, family);
  return {
    access_token: access.token,
    token_type: 'bearer',
    expires_in: Math.round(ttl),
    refresh_token: refresh.token,
    userName: user.username,
    role: user.role,
    // OWIN's OAuth server writes these two as RFC 1123 dates.
    '.issued': new Date(access.issuedAt).toUTCString(),
    '.expires': new Date(access.expiresAt).toUTCString(),
  };
}

/**
 * `POST /v5/Token` (docs/dialects/veeam-v5.md, "Access"): form-urlencoded, grant_type password or refresh_token. Failures
 * answer 400 `{error, error_description}` as OAuth does; repeated bad passwords are slowed down.
 */
export function veeamTokenRoute(app: Hono, ctx: ServiceContext): void {
  app.on('POST', ['/v5/token', '/v5/token/'], async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
      const sent = type ? `"${type}"` : 'no Content-Type';
      return tokenError(
        c,
        'invalid_request',
        `The token endpoint reads a form (Content-Type: application/x-www-form-urlencoded) such as grant_type=password&username=NAME&password=PASSWORD; this request sent ${sent}.`,
      );
    }
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    if (!form.grant_type) {
      return tokenError(
        c,
        'invalid_request',
        'grant_type is missing: use grant_type=password or grant_type=refresh_token.',
      );
    }
    const parsed = tokenRequestSchema.safeParse(form);
    if (!parsed.success) {
      if (form.grant_type !== 'password' && form.grant_type !== 'refresh_token') {
        return tokenError(
          c,
          'unsupported_grant_type',
          `grant_type "${form.grant_type}" is not supported here: use password or refresh_token.`,
        );
      }
      const needs = form.grant_type === 'password' ? 'username and password' : 'refresh_token';
      return tokenError(c, 'invalid_request', `grant_type=${form.grant_type} needs ${needs}.`);
    }
    const request = parsed.data;
    if (request.grant_type === 'refresh_token') {
      const check = checkToken(ctx.db, request.refresh_token, VEEAM_REFRESH_TOKEN, ctx.clock.now());
      if (!check.ok && check.reason === 'spent') {
        // A refresh token works once. Its reuse means two parties hold it: the pair it produced (and
        // the rest of that sign-in's tokens) end, and whoever is real signs in again.
        if (check.family) revokeFamily(ctx.db, check.family);
        return tokenError(
          c,
          'invalid_grant',
          'The refresh token was already used, so the session it renewed has been ended: sign in again with your user name and password.',
        );
      }
      if (!check.ok) {
        const why = check.reason === 'expired' ? 'has expired' : 'is not valid';
        return tokenError(
          c,
          'invalid_grant',
          `The refresh token ${why}: sign in again with your user name and password.`,
        );
      }
      spendToken(ctx.db, request.refresh_token, ctx.clock.now());
      return c.json(answer(ctx, check.user, check.family ?? undefined));
    }
    const signedIn = await guess(
      ctx.db,
      c,
      signInKeys(c, request.username),
      `${request.username.toLowerCase()}\0password:${request.password}`,
      ctx.clock.now(),
      'sign-ins',
      () => authenticatePassword(ctx.db, request.username, request.password),
    );
    if (!signedIn.ok && signedIn.status === 429) {
      c.header('Retry-After', String(signedIn.retryAfterS));
      return tokenError(c, 'temporarily_unavailable', signedIn.message, 429);
    }
    if (!signedIn.ok) return tokenError(c, 'invalid_grant', 'The user name or password is incorrect.');
    const user = signedIn.value;
    return c.json(answer(ctx, user));
  });
}
