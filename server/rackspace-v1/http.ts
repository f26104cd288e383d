import type { Context, MiddlewareHandler } from 'hono';
import { RACKSPACE_V1 } from '../../src/api/contract/apis';
import { DEFAULT_REGION, isRegion } from '../../src/api/contract/regions';
import type { ServiceContext } from '../context';
import { RACKSPACE_TOKEN } from '../identity/rackspace';
import { authenticate, authorizeAtDoor, authorizeRequest } from '../identity/auth';
import type { User } from '../identity/users';
import type { Scope } from '../store/rackspace-types';

/** Hono variables of a v1.0 request: who asks, and which tenant and region the door leads to. */
export type V1Env = { Variables: { user: User; scope: Scope } };
export type V1Context = Context<V1Env>;

/** v1.0's error body (our documented choice): `{"itemNotFound": {"code": 404, "message": "…", "details": ""}}`. */
export function fault(c: Context, status: number, message: string): Response {
  return c.json(RACKSPACE_V1.errorBody.write(status, message), status as 400);
}

/** The first segments of v1.0's operations: any other path is 404 for anyone, before asking who calls. */
const V1_RESOURCES = new Set(RACKSPACE_V1.operations.map((op) => op.path.split('/')[1]));

/**
 * Region and tenant come from the path (`/{region}/v1.0/{tenant}/…`, both optional; no region means
 * DFW, no tenant means the token's), the user from `X-Auth-Token`.
 */
export function v1Door(ctx: ServiceContext): MiddlewareHandler<V1Env> {
  return async (c, next) => {
    const m = RACKSPACE_V1.root.exec(c.req.path);
    const region = (m?.[1] ?? DEFAULT_REGION).toUpperCase();
    if (!isRegion(region)) return fault(c, 404, `There is no Cloud Backup region ${region}.`);
    // An unknown path is 404 for anyone, before asking who calls.
    if (!V1_RESOURCES.has(c.req.path.slice(m?.[0].length ?? 0).split('/')[1]))
      return fault(c, 404, `No such resource: ${c.req.method} ${c.req.path}`);
    const auth = authenticate(ctx, c, RACKSPACE_TOKEN);
    if (!auth.ok) return fault(c, 401, auth.message);
    const tenant = m?.[2] ?? auth.user.tenantId;
    if (tenant !== auth.user.tenantId)
      return fault(c, 403, `This token belongs to tenant ${auth.user.tenantId}, not ${tenant}.`);
    const allowed = authorizeAtDoor(auth.user, RACKSPACE_V1, c);
    if (!allowed.ok) return fault(c, 403, allowed.message);
    c.set('user', auth.user);
    c.set('scope', { tenant, region });
    await next();
    return undefined;
  };
}

/**
 * For a path whose body names the command (`action-requested`): a 403 fault when the user's role may
 * not do that command; undefined when it may. Every other path is authorized at the door.
 */
export function forbidden(c: V1Context, command: string): Response | undefined {
  const result = authorizeRequest(c.get('user'), RACKSPACE_V1, c, command);
  return result.ok ? undefined : fault(c, 403, result.message);
}

/** An integer id from the path; the routes only match digits, so this is a plain conversion. */
export function pathId(c: V1Context, name = 'id'): number {
  return Number(c.req.param(name));
}
