import type { Context, MiddlewareHandler } from 'hono';
import type { FaultName } from '../../src/api/rackspace-v1/identity-wire';
import type { ServiceContext } from '../context';
import { authenticate, authorize } from '../identity/auth';
import type { Action } from '../identity/roles';
import type { User } from '../identity/users';
import type { Scope } from '../store/rackspace-types';

/** Hono variables of a v1.0 request: who asks, and which tenant and region the door leads to. */
export type V1Env = { Variables: { user: User; scope: Scope } };
export type V1Context = Context<V1Env>;

export const REGIONS = ['DFW', 'ORD', 'IAD', 'LON', 'HKG', 'SYD'];

const FAULTS: Record<number, FaultName> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badRequest',
  409: 'conflict',
  413: 'overLimit',
  415: 'unsupportedMediaType',
  429: 'overLimit',
  500: 'instanceFault',
  503: 'serviceUnavailable',
};

/** v1.0's error body (our documented choice): `{"itemNotFound": {"code": 404, "message": "…", "details": ""}}`. */
export function fault(c: Context, status: number, message: string): Response {
  const name = FAULTS[status] ?? 'badRequest';
  return c.json({ [name]: { code: status, message, details: '' } }, status as 400);
}

const V1_RESOURCES = /^(user|agent|backup-configuration|backup|restore|system|activity)(\/|$)/;

/**
 * Region and tenant come from the path (`/{region}/v1.0/{tenant}/…`, both optional; no region means
 * DFW, no tenant means the token's), the user from `X-Auth-Token`.
 */
export function v1Door(ctx: ServiceContext): MiddlewareHandler<V1Env> {
  return async (c, next) => {
    const m = /^\/(?:([a-z]{3})\/)?v1\.0(?:\/(\d+))?(?:\/|$)/i.exec(c.req.path);
    const region = (m?.[1] ?? 'dfw').toUpperCase();
    if (!REGIONS.includes(region)) return fault(c, 404, `There is no Cloud Backup region ${region}.`);
    // An unknown path is 404 for anyone, before asking who calls.
    if (!V1_RESOURCES.test(c.req.path.slice(m?.[0].length ?? 0)))
      return fault(c, 404, `No such resource: ${c.req.method} ${c.req.path}`);
    const auth = authenticate(ctx, c, 'rackspace');
    if (!auth.ok) return fault(c, 401, auth.message);
    const tenant = m?.[2] ?? auth.user.tenantId;
    if (tenant !== auth.user.tenantId)
      return fault(c, 403, `This token belongs to tenant ${auth.user.tenantId}, not ${tenant}.`);
    c.set('user', auth.user);
    c.set('scope', { tenant, region });
    await next();
    return undefined;
  };
}

/** A 403 fault when the user's role may not do `action`; undefined when it may. */
export function forbidden(c: V1Context, action: Action): Response | undefined {
  const result = authorize(c.get('user'), action);
  return result.ok ? undefined : fault(c, 403, result.message);
}

/** An integer id from the path; the routes only match digits, so this is a plain conversion. */
export function pathId(c: V1Context, name = 'id'): number {
  return Number(c.req.param(name));
}
