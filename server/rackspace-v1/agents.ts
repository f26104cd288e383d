import type { Hono } from 'hono';
import { agentEnableSchema } from '../../src/api/rackspace-v1/wire';
import type { ServiceContext } from '../context';
import {
  findAgent,
  findAgentByHost,
  LOG_LEVELS,
  setAgentEnabled,
  setAgentLogLevel,
  wakeAgents,
} from '../store/rackspace-agents';
import { recentBackups } from '../store/rackspace-backups';
import { recentRestores } from '../store/rackspace-restores';
import type { Scope } from '../store/rackspace-types';
import type { V1Env } from './http';
import { fault, pathId } from './http';
import { jsonBytes, v1Lists } from './lists';
import { presentAgent } from './present';
import { backupActivity, restoreActivity } from './present-runs';
import { readBody } from './request';
import { readLoggingBody, v1LogLevelName } from './agent-logging';

/** How long POST /user/wakeupagents keeps agents awake (real time). */
export const WAKE_MS = 15 * 60_000;
/** v1.0 activity lists have no paging: the most recent changes, newest first. */
const ACTIVITY_LIMIT = 500;

export function agentRoutes(v1: Hono<V1Env>, ctx: ServiceContext): void {
  const { db } = ctx;
  const now = () => ctx.clock.now();

  v1.get('/user/agents', (c) => jsonBytes(c, v1Lists(db).agents(c.get('scope'))));

  v1.get('/agent/server/:host', (c) => {
    const agent = findAgentByHost(db, c.get('scope'), c.req.param('host'));
    return agent
      ? c.json(presentAgent(agent, now()))
      : fault(c, 404, `No agent runs on server ${c.req.param('host')}.`);
  });

  v1.get('/agent/:id{[0-9]+}', (c) => {
    const agent = findAgent(db, c.get('scope'), pathId(c));
    return agent
      ? c.json(presentAgent(agent, now()))
      : fault(c, 404, `No agent ${c.req.param('id')} in this region.`);
  });

  // The agent's log level: a JSON string ("Info"), which Rackspace's SDK reads with its quotes removed.
  v1.get('/agent/logging/:id{[0-9]+}', (c) => {
    const agent = findAgent(db, c.get('scope'), pathId(c));
    return agent
      ? c.json(v1LogLevelName(agent.log_level))
      : fault(c, 404, `No agent ${c.req.param('id')} in this region.`);
  });

  // The vendor documents a form body and 200; its SDK sends JSON and takes only 204 (docs/rackspace-sdk.md).
  v1.put('/agent/logging', async (c) => {
    const body = await readLoggingBody(c);
    if (!body.ok) return fault(c, body.status, body.message);
    const agent = findAgent(db, c.get('scope'), body.value.MachineAgentId);
    if (!agent) return fault(c, 404, `No agent ${body.value.MachineAgentId} in this region.`);
    setAgentLogLevel(db, agent.id, LOG_LEVELS[body.value.LoggingLevelId - 1]!);
    return c.body(null, 204);
  });

  v1.post('/agent/enable', async (c) => {
    const body = await readBody(c, agentEnableSchema);
    if (!body.ok) return fault(c, body.status, body.message);
    const agent = findAgent(db, c.get('scope'), body.value.MachineAgentId);
    if (!agent) return fault(c, 404, `No agent ${body.value.MachineAgentId} in this region.`);
    setAgentEnabled(db, agent.id, body.value.Enable);
    return c.body(null, 204);
  });

  v1.post('/user/wakeupagents', (c) => {
    wakeAgents(db, c.get('scope').tenant, now() + WAKE_MS);
    return c.body(null, 200);
  });

  v1.get('/activity', (c) => c.json(activity(ctx, c.get('scope'))));

  v1.get('/system/activity/:id{[0-9]+}', (c) => {
    const agent = findAgent(db, c.get('scope'), pathId(c));
    if (!agent) return fault(c, 404, `No agent ${c.req.param('id')} in this region.`);
    return c.json(activity(ctx, c.get('scope'), agent.id));
  });
}

function activity(ctx: ServiceContext, scope: Scope, agentId?: number) {
  const backups = recentBackups(ctx.db, scope, ACTIVITY_LIMIT, agentId).map((b) => ({
    at: b.changed_at,
    item: backupActivity(b),
  }));
  const restores = recentRestores(ctx.db, scope, ACTIVITY_LIMIT, agentId).map((r) => ({
    at: r.changed_at,
    item: restoreActivity(r),
  }));
  return [...backups, ...restores]
    .sort((a, b) => b.at - a.at)
    .slice(0, ACTIVITY_LIMIT)
    .map((a) => a.item);
}
