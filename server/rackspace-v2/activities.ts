import type { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { findAgent } from '../store/rackspace-agents';
import { recentBackups } from '../store/rackspace-backups';
import { findConfiguration } from '../store/rackspace-configurations';
import { recentRestores } from '../store/rackspace-restores';
import type { V2Context, V2Env } from './http';
import { listLinks, methodNotAllowed, paging, v2Error } from './http';
import { backupActivity, restoreActivity } from './present-runs';

/** Activities cover the most recent runs (this many backups and restores each), newest change first. */
const WINDOW = 1000;

function activities(
  c: V2Context,
  ctx: ServiceContext,
  filter: { agentId?: number; configurationId?: number },
) {
  const page = paging(c);
  if (!page.ok) return v2Error(c, 400, page.message);
  const base = c.get('base');
  const scope = c.get('scope');
  const backups = recentBackups(ctx.db, scope, WINDOW, filter.agentId)
    .filter((b) => filter.configurationId === undefined || b.configuration_id === filter.configurationId)
    .map((b) => ({ at: b.changed_at, item: backupActivity(base, b) }));
  const restores =
    filter.configurationId !== undefined
      ? []
      : recentRestores(ctx.db, scope, WINDOW, filter.agentId).map((r) => ({
          at: r.changed_at,
          item: restoreActivity(base, r),
        }));
  let all = [...backups, ...restores]
    .sort((a, b) => (page.desc ? b.at - a.at : a.at - b.at))
    .map((a) => a.item);
  if (page.marker !== undefined) {
    const at = all.findIndex((a) => a.id === page.marker);
    if (at < 0)
      return v2Error(c, 400, `marker ${page.marker} is not a recent activity of this project and region.`);
    all = all.slice(at + 1);
  }
  const items = all.slice(0, page.limit);
  return c.json({ activities: items, links: listLinks(c, items, page.limit) });
}

export function activityRoutes(v2: Hono<V2Env>, ctx: ServiceContext): void {
  v2.get('/activities', (c) => activities(c, ctx, {}));
  methodNotAllowed(v2, '/activities', ['GET']);
  v2.get('/agents/:id/activities', (c) => {
    const agent = findAgent(ctx.db, c.get('scope'), c.req.param('id'));
    if (!agent) return v2Error(c, 404, `No agent ${c.req.param('id')} in this project and region.`);
    return activities(c, ctx, { agentId: agent.id });
  });
  v2.get('/configurations/:id/activities', (c) => {
    const config = findConfiguration(ctx.db, c.get('scope'), c.req.param('id'));
    if (!config) return v2Error(c, 404, `No configuration ${c.req.param('id')} in this project and region.`);
    return activities(c, ctx, { agentId: config.agent_id, configurationId: config.id });
  });
}
