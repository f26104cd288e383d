import type { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { findAgent } from '../store/rackspace-agents';
import { findBackup } from '../store/rackspace-backups';
import { findConfiguration } from '../store/rackspace-configurations';
import { runEvents } from '../store/rackspace-events';
import { findRestore } from '../store/rackspace-restores';
import type { V2Context, V2Env } from './http';
import { listLinks, methodNotAllowed, paging, v2Error } from './http';
import { presentEvent } from './present-runs';

type Parent = 'backup' | 'restore' | 'configuration' | 'agent';

/** Event streams (transient, oldest first by default) of a backup, restore, configuration or agent. */
export function eventRoutes(v2: Hono<V2Env>, ctx: ServiceContext): void {
  const find: Record<Parent, (c: V2Context, id: string) => { id: number } | undefined> = {
    backup: (c, id) => findBackup(ctx.db, c.get('scope'), id),
    restore: (c, id) => findRestore(ctx.db, c.get('scope'), id),
    configuration: (c, id) => findConfiguration(ctx.db, c.get('scope'), id),
    agent: (c, id) => findAgent(ctx.db, c.get('scope'), id),
  };
  for (const parent of Object.keys(find) as Parent[]) {
    const path = `/${parent}s/:id/events`;
    v2.get(path, (c) => {
      const page = paging(c, 'asc');
      if (!page.ok) return v2Error(c, 400, page.message);
      const id = c.req.param('id') ?? '';
      const row = find[parent](c, id);
      if (!row) return v2Error(c, 404, `No ${parent} ${id} in this project and region.`);
      const markerId = page.marker === undefined ? undefined : Number(page.marker);
      if (markerId !== undefined && !Number.isInteger(markerId))
        return v2Error(c, 400, 'marker must be an event id (a number).');
      const events = runEvents(ctx.db, parent, row.id, { markerId, limit: page.limit, desc: page.desc }).map(
        presentEvent,
      );
      return c.json({ events, links: listLinks(c, events, page.limit) });
    });
    methodNotAllowed(v2, path, ['GET']);
  }
}
