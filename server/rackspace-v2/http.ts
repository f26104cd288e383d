import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { ServiceContext } from '../context';
import type { Db } from '../store/db';
import { idOfUuid } from '../store/rackspace-sql';
import { RACKSPACE_V2 } from '../../src/api/contract/apis';
import { DEFAULT_REGION, isRegion } from '../../src/api/contract/regions';
import { RACKSPACE_TOKEN } from '../identity/rackspace';
import { authenticate, authorizeAtDoor } from '../identity/auth';
import { requestOrigin } from '../identity/rackspace';
import type { User } from '../identity/users';
import type { Scope } from '../store/rackspace-types';

/** Hono variables of a v2 request: the user, tenant + region, and the base URL for links. */
export type V2Env = { Variables: { user: User; scope: Scope; base: string } };
export type V2Context = Context<V2Env>;

/** v2's error body: `{"message": "…", "errors": ["…"]}`. */
export function v2Error(c: Context, status: number, message: string, errors: string[] = []): Response {
  return c.json(RACKSPACE_V2.errorBody.write(status, message, errors), status as 400);
}

/** The first segments of v2's operations: any other path is 404 for anyone, before asking who calls. */
const V2_RESOURCES = new Set(RACKSPACE_V2.operations.map((op) => op.path.split('/')[1]));

/** `/{region}/v2/{project_id}/…` (no region = DFW); the project must be the token's tenant. */
export function v2Door(ctx: ServiceContext): MiddlewareHandler<V2Env> {
  return async (c, next) => {
    const m = RACKSPACE_V2.root.exec(c.req.path);
    const region = (m?.[1] ?? DEFAULT_REGION).toUpperCase();
    const rest = m ? c.req.path.slice(m[0].length) : '';
    if (!m?.[2] || !isRegion(region) || !V2_RESOURCES.has(rest.split('/')[1]))
      return v2Error(c, 404, `No such resource: ${c.req.method} ${c.req.path}`);
    const auth = authenticate(ctx, c, RACKSPACE_TOKEN);
    if (!auth.ok) return v2Error(c, 401, auth.message);
    const project = m[2];
    if (project !== auth.user.tenantId)
      return v2Error(c, 403, `This token belongs to project ${auth.user.tenantId}, not ${project}.`);
    const allowed = authorizeAtDoor(auth.user, RACKSPACE_V2, c);
    if (!allowed.ok) return v2Error(c, 403, allowed.message);
    c.set('user', auth.user);
    c.set('scope', { tenant: project, region });
    c.set('base', `${requestOrigin(c)}${m[0]}`);
    await next();
    return undefined;
  };
}

/** 405 for any other method on a resource the routes above registered (RFC 9110: with `Allow`). */
export function methodNotAllowed(v2: Hono<V2Env>, path: string, allow: string[]): void {
  v2.all(path, (c) =>
    c.body(
      JSON.stringify({
        message: `${c.req.method} is not allowed on ${c.req.path}; use ${allow.join(' or ')}.`,
        errors: [],
      }),
      405,
      {
        'content-type': 'application/json',
        allow: allow.join(', '),
      },
    ),
  );
}

export type Paging =
  { ok: true; limit: number; desc: boolean; marker?: string } | { ok: false; message: string };

/** `marker`, `limit` (1–1000, default 100) and `sort_dir` (asc|desc, default `dir`). */
export function paging(c: V2Context, dir: 'asc' | 'desc' = 'desc'): Paging {
  const { marker, limit, sort_dir: sortDir } = c.req.query();
  const n = limit === undefined ? 100 : Number(limit);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    return { ok: false, message: `limit must be a whole number from 1 to 1000, not "${limit}".` };
  if (sortDir !== undefined && sortDir !== 'asc' && sortDir !== 'desc')
    return { ok: false, message: `sort_dir must be "asc" or "desc", not "${sortDir}".` };
  return { ok: true, limit: n, desc: (sortDir ?? dir) === 'desc', marker: marker || undefined };
}

/** The list's `links`: `next` when a full page came back. */
export function listLinks(c: V2Context, items: { id: string }[], limit: number) {
  return pageLinks(c, items.length < limit ? undefined : items[items.length - 1]?.id, limit);
}

/** `links` with `next` after `lastId` (the last item of a full page), or none. */
export function pageLinks(c: V2Context, lastId: string | undefined, limit: number) {
  if (lastId === undefined) return [];
  const url = new URL(c.req.url);
  url.searchParams.set('marker', lastId);
  url.searchParams.set('limit', String(limit));
  return [{ href: `${requestOrigin(c)}${url.pathname}${url.search}`, rel: 'next' }];
}

/** The row id behind a list's `marker` (a UUID of that list), or the 400 that says it is unknown. */
export function markerId(
  c: V2Context,
  db: Db,
  marker: string | undefined,
  table: 'rs_configurations' | 'rs_backups' | 'rs_restores',
): { id?: number; error?: Response } {
  if (marker === undefined) return {};
  const id = idOfUuid(db, table, marker, c.get('scope'));
  if (id !== undefined) return { id };
  const what = table.slice(3, -1);
  return { error: v2Error(c, 400, `marker ${marker} is not a ${what} of this project and region.`) };
}
