import type { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { runningBackupOf } from '../store/rackspace-backups';
import { deleteConfiguration, findConfiguration } from '../store/rackspace-configurations';
import type { V2Env } from './http';
import { methodNotAllowed, paging, v2Error, markerId } from './http';
import { v2ConfigurationPages } from './lists';
import { presentConfiguration } from './present';

export function configurationRoutes(v2: Hono<V2Env>, ctx: ServiceContext): void {
  const { db } = ctx;
  const pages = v2ConfigurationPages(db);

  v2.get('/configurations', (c) => {
    const page = paging(c, 'asc');
    if (!page.ok) return v2Error(c, 400, page.message);
    const marker = markerId(c, db, page.marker, 'rs_configurations');
    if (marker.error) return marker.error;
    const restorable = c.req.query('restorable');
    if (restorable !== undefined && restorable !== 'true' && restorable !== 'false')
      return v2Error(c, 400, `restorable must be "true" or "false", not "${restorable}".`);
    const body = pages(c, {
      restorable: restorable === 'true',
      markerId: marker.id,
      limit: page.limit,
      desc: page.desc,
    });
    return c.body(body, 200, { 'content-type': 'application/json' });
  });
  methodNotAllowed(v2, '/configurations', ['GET']);

  v2.get('/configurations/:id', (c) => {
    const config = findConfiguration(db, c.get('scope'), c.req.param('id'));
    return config
      ? c.json(presentConfiguration(c.get('base'), config))
      : v2Error(c, 404, `No configuration ${c.req.param('id')} in this project and region.`);
  });

  // As v1.0 deletes it (the same configuration): gone from every list; refused while a backup of it runs.
  v2.delete('/configurations/:id', (c) => {
    const config = findConfiguration(db, c.get('scope'), c.req.param('id'));
    if (!config) return v2Error(c, 404, `No configuration ${c.req.param('id')} in this project and region.`);
    const running = runningBackupOf(db, config.id);
    if (running)
      return v2Error(
        c,
        409,
        `Backup ${running.uuid} of configuration ${config.uuid} is running; stop it first (PATCH /backups/${running.uuid} with state stop_requested).`,
      );
    deleteConfiguration(db, config.id);
    return c.body(null, 204);
  });
}
