import { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { agentRoutes } from './agents';
import { backupRoutes } from './backups';
import { configurationRoutes } from './configurations';
import type { V1Env } from './http';
import { fault, v1Door } from './http';
import { restoreRoutes } from './restores';

/**
 * Cloud Backup v1.0 in every form real clients use (docs/dialects/rackspace-v1.md, "Access"): with and without the region
 * prefix (none = DFW) and with and without the tenant segment (none = the token's tenant).
 */
export function mountRackspaceV1(app: Hono, ctx: ServiceContext): void {
  const v1 = new Hono<V1Env>();
  v1.use('*', v1Door(ctx));
  agentRoutes(v1, ctx);
  configurationRoutes(v1, ctx);
  backupRoutes(v1, ctx);
  restoreRoutes(v1, ctx);
  v1.all('*', (c) => fault(c, 404, `No such resource: ${c.req.method} ${c.req.path}`));
  for (const base of [
    '/:region{[a-zA-Z]{3}}/v1.0/:tenant{[0-9]+}',
    '/:region{[a-zA-Z]{3}}/v1.0',
    '/v1.0/:tenant{[0-9]+}',
    '/v1.0',
  ])
    app.route(base, v1);
}
