import type { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { z } from '../../src/api/contract/zod';
import { WAKE_MS } from '../rackspace-v1/agents';
import { readBody } from '../rackspace-v1/request';
import { findAgent, isOnline, listAgents, wakeAgents } from '../store/rackspace-agents';
import { runningBackupOf } from '../store/rackspace-backups';
import { listConfigurations } from '../store/rackspace-configurations';
import { runningRestoreTo } from '../store/rackspace-restores';
import type { V2Env } from './http';
import { methodNotAllowed, v2Error } from './http';
import { presentAgent, presentConfigurationSummary } from './present';

export function agentRoutes(v2: Hono<V2Env>, ctx: ServiceContext): void {
  const { db } = ctx;
  const noAgent = (id: string) => `No agent ${id} in this project and region.`;

  v2.get('/agents', (c) => {
    const host = c.req.query('host_machine_id');
    const agents = listAgents(db, c.get('scope')).filter((a) => !host || a.host_server_id === host);
    return c.json({ agents: agents.map((a) => presentAgent(c.get('base'), a)), links: [] });
  });
  methodNotAllowed(v2, '/agents', ['GET']);

  v2.get('/agents/:id', (c) => {
    const agent = findAgent(db, c.get('scope'), c.req.param('id'));
    return agent ? c.json(presentAgent(c.get('base'), agent)) : v2Error(c, 404, noAgent(c.req.param('id')));
  });

  v2.get('/agents/:id/status', (c) => {
    const agent = findAgent(db, c.get('scope'), c.req.param('id'));
    if (!agent) return v2Error(c, 404, noAgent(c.req.param('id')));
    const busy =
      listConfigurations(db, c.get('scope'), { agentId: agent.id }).some((conf) =>
        runningBackupOf(db, conf.id),
      ) || Boolean(runningRestoreTo(db, agent.id));
    return c.json({ busy, online: isOnline(agent, ctx.clock.now()) });
  });
  methodNotAllowed(v2, '/agents/:id/status', ['GET']);

  v2.get('/agents/:id/configurations', (c) => {
    const agent = findAgent(db, c.get('scope'), c.req.param('id'));
    if (!agent) return v2Error(c, 404, noAgent(c.req.param('id')));
    const configs = listConfigurations(db, c.get('scope'), { agentId: agent.id });
    return c.json({
      configurations: configs.map((x) => presentConfigurationSummary(c.get('base'), x)),
      links: [],
    });
  });
  methodNotAllowed(v2, '/agents/:id/configurations', ['GET']);

  // The project's agents check in `active` or `real_time` for a while (as v1.0's wakeupagents); `idle` is their default.
  v2.post('/events', async (c) => {
    const body = await readBody(c, projectEventSchema);
    if (!body.ok) return v2Error(c, body.status, body.message);
    if (body.value.mode !== 'idle') wakeAgents(db, c.get('scope').tenant, ctx.clock.now() + WAKE_MS);
    return c.body(null, 202);
  });
  methodNotAllowed(v2, '/events', ['POST']);
}

/** POST /events: the one event a user posts, `agent_activate`, with how often agents should check in. */
const projectEventSchema = z.object({
  event: z.literal('agent_activate', { error: 'must be "agent_activate"' }),
  mode: z.enum(['idle', 'active', 'real_time'], { error: 'must be "idle", "active" or "real_time"' }),
});
