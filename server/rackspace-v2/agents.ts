import type { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { findAgent, isOnline, listAgents } from '../store/rackspace-agents';
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
}
