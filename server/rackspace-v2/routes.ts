import { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { activityRoutes } from './activities';
import { agentRoutes } from './agents';
import { backupRoutes } from './backups';
import { configurationRoutes } from './configurations';
import { eventRoutes } from './events';
import type { V2Env } from './http';
import { methodNotAllowed, v2Door, v2Error } from './http';
import { patchRoutes } from './patch';
import { restoreRoutes } from './restores';

/** Cloud Backup v2 under `/{region}/v2/{project_id}` and `/v2/{project_id}` (= DFW). */
export function mountRackspaceV2(app: Hono, ctx: ServiceContext): void {
  const v2 = new Hono<V2Env>();
  v2.use('*', v2Door(ctx));
  activityRoutes(v2, ctx);
  eventRoutes(v2, ctx);
  agentRoutes(v2, ctx);
  configurationRoutes(v2, ctx);
  patchRoutes(v2, ctx);
  backupRoutes(v2, ctx);
  restoreRoutes(v2, ctx);
  // Other methods on the resources registered above answer 405, after their own methods.
  methodNotAllowed(v2, '/agents/:id', ['GET', 'PATCH']);
  methodNotAllowed(v2, '/configurations/:id', ['GET', 'PATCH', 'DELETE']);
  v2.all('*', (c) => v2Error(c, 404, `No such resource: ${c.req.method} ${c.req.path}`));
  for (const base of ['/:region{[a-zA-Z]{3}}/v2/:project', '/v2/:project']) app.route(base, v2);
}
