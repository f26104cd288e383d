import type { Hono } from 'hono';
import { configurationEnableSchema } from '../../src/api/rackspace-v1/wire';
import type { ServiceContext } from '../context';
import { nextRunAfter } from '../engine/rackspace-schedule';
import { findAgent } from '../store/rackspace-agents';
import { findConfiguration, setConfigurationEnabled } from '../store/rackspace-configurations';
import type { V1Env } from './http';
import { fault, pathId } from './http';
import { jsonBytes, v1Lists } from './lists';
import { presentConfiguration } from './present';
import { readBody } from './request';

export function configurationRoutes(v1: Hono<V1Env>, ctx: ServiceContext): void {
  const { db } = ctx;

  const lists = v1Lists(db);

  v1.get('/backup-configuration', (c) => jsonBytes(c, lists.configurations(c.get('scope'))));

  v1.get('/backup-configuration/system/:id{[0-9]+}', (c) => {
    const agent = findAgent(db, c.get('scope'), pathId(c));
    if (!agent) return fault(c, 404, `No agent ${c.req.param('id')} in this region.`);
    return jsonBytes(c, lists.configurations(c.get('scope'), { agentId: agent.id }));
  });

  v1.get('/backup-configuration/:id{[0-9]+}', (c) => {
    const config = findConfiguration(db, c.get('scope'), pathId(c));
    return config
      ? c.json(presentConfiguration(config))
      : fault(c, 404, `No backup configuration ${c.req.param('id')} in this region.`);
  });

  v1.post('/backup-configuration/enable/:id{[0-9]+}', async (c) => {
    const body = await readBody(c, configurationEnableSchema);
    if (!body.ok) return fault(c, body.status, body.message);
    const config = findConfiguration(db, c.get('scope'), pathId(c));
    if (!config) return fault(c, 404, `No backup configuration ${c.req.param('id')} in this region.`);
    const enable = body.value.enable;
    setConfigurationEnabled(db, config.id, enable, enable ? nextRunAfter(config, ctx.clock.now()) : null);
    return c.json(presentConfiguration(findConfiguration(db, c.get('scope'), config.id)!));
  });
}
