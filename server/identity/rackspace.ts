import type { Context, Hono } from 'hono';
import type { CatalogEntry, IdentityAnswer } from '../../src/api/rackspace-identity/wire';
import { identityRequestSchema } from '../../src/api/rackspace-identity/wire';
import type { ServiceContext } from '../context';
import { check, readJson } from '../rackspace-v1/request';
import { tokenFrom } from './auth';
import { rackspaceRoles } from './roles';
import { guess, signInKeys } from './throttle';
import type { TokenKind } from './tokens';
import { checkToken, issueToken, revokeToken, tokenOwner } from './tokens';

/** What a Rackspace Identity sign-in issues: sent back as `X-Auth-Token` to v1.0 and v2. */
export const RACKSPACE_TOKEN: TokenKind = { name: 'rackspace', header: 'X-Auth-Token' };
import type { User } from './users';
import { authenticateApiKey, authenticatePassword } from './users';

/** The regions of the demo tenant's machines; each gets a v1.0 and a v2 endpoint in the catalog. */
export const CATALOG_REGIONS = ['DFW', 'ORD'];

/** Identity's fault bodies: `{"unauthorized": {"code": 401, "message": "…"}}`. */
function identityFault(c: Context, status: 400 | 401 | 403 | 404 | 415 | 429, message: string): Response {
  const names = {
    400: 'badRequest',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'itemNotFound',
    415: 'unsupportedMediaType',
    429: 'overLimit',
  };
  const name = names[status];
  return c.json({ [name]: { code: status, message } }, status);
}

export function serviceCatalog(origin: string, tenant: string): CatalogEntry[] {
  const endpoints = (version: string) =>
    CATALOG_REGIONS.map((region) => ({
      region,
      tenantId: tenant,
      publicURL: `${origin}/${region.toLowerCase()}/${version}/${tenant}`,
    }));
  return [
    { name: 'cloudBackup', type: 'rax:backup', endpoints: endpoints('v1.0') },
    { name: 'cloudBackupV2', type: 'rax:backup', endpoints: endpoints('v2') },
  ];
}

/** The request's own origin, so that the catalog points back at whatever host the client used. */
export function requestOrigin(c: Context): string {
  const url = new URL(c.req.url);
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? url.host;
  const proto = c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '');
  return `${proto}://${host}`;
}

/**
 * Rackspace Identity v2.0: POST /v2.0/tokens with password or API-key credentials; DELETE
 * /v2.0/tokens (the caller's own token) and DELETE /v2.0/tokens/{tokenId} revoke a token (204). A user
 * may revoke their own tokens, an admin anyone's; the console signs out this way.
 */
export function mountRackspaceIdentity(app: Hono, ctx: ServiceContext): void {
  app.on('DELETE', ['/v2.0/tokens', '/v2.0/tokens/:id'], (c) => {
    const caller = checkToken(ctx.db, tokenFrom(c, RACKSPACE_TOKEN), RACKSPACE_TOKEN, ctx.clock.now());
    if (!caller.ok) return identityFault(c, 401, 'No valid token in X-Auth-Token: sign in first.');
    const id = c.req.param('id') ?? c.req.header('x-auth-token')!;
    const owner = tokenOwner(ctx.db, id);
    if (owner === undefined) return identityFault(c, 404, 'No such token: it may have been revoked already.');
    if (owner !== caller.user.id && caller.user.role !== 'admin')
      return identityFault(c, 403, 'You may revoke your own tokens only.');
    revokeToken(ctx.db, id);
    return c.body(null, 204);
  });

  app.post('/v2.0/tokens', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return identityFault(c, body.status, body.message);
    const parsed = check(identityRequestSchema, body.value);
    if (!parsed.ok) return identityFault(c, 400, parsed.message);
    const { auth } = parsed.value;
    const password = auth.passwordCredentials;
    const apiKey = auth['RAX-KSKEY:apiKeyCredentials'];
    const username = (password ?? apiKey)!.username;
    const now = ctx.clock.now();
    const tenantAsked = auth.tenantId ?? auth.tenantName;
    const secret = `${username.toLowerCase()}\0${password ? `password:${password.password}` : `key:${apiKey!.apiKey}`}`;
    const signedIn = await guess(ctx.db, c, signInKeys(c, username), secret, now, 'sign-ins', async () => {
      const user: User | undefined = password
        ? await authenticatePassword(ctx.db, username, password.password)
        : authenticateApiKey(ctx.db, username, apiKey!.apiKey);
      return user && (!tenantAsked || tenantAsked === user.tenantId) ? user : undefined;
    });
    if (!signedIn.ok && signedIn.status === 429) {
      c.header('Retry-After', String(signedIn.retryAfterS));
      return identityFault(c, 429, signedIn.message);
    }
    if (!signedIn.ok) return identityFault(c, 401, 'Username or api key is invalid.');
    const user = signedIn.value;

    const token = issueToken(ctx.db, user, RACKSPACE_TOKEN, ctx.config.tokenTtl, now);
    const answer: IdentityAnswer = {
      access: {
        token: {
          id: token.token,
          expires: new Date(token.expiresAt).toISOString(),
          tenant: { id: user.tenantId, name: user.tenantId },
          'RAX-AUTH:authenticatedBy': [password ? 'PASSWORD' : 'APIKEY'],
        },
        serviceCatalog: serviceCatalog(requestOrigin(c), user.tenantId),
        user: {
          id: String(user.id),
          name: user.username,
          roles: rackspaceRoles(user.role).map((r) => ({ ...r, tenantId: user.tenantId })),
          'RAX-AUTH:defaultRegion': 'DFW',
        },
      },
    };
    return c.json(answer, 200);
  });
}
