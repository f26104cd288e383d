import type { Hono } from 'hono';
import type { JsonPatch } from '../../src/api/rackspace-v2/wire';
import { jsonPatchSchema } from '../../src/api/rackspace-v2/wire';
import type { ServiceContext } from '../context';
import { nextRunAfter } from '../engine/rackspace-schedule';
import { findAgent, setAgentEnabled } from '../store/rackspace-agents';
import { findConfiguration, setConfigurationEnabled } from '../store/rackspace-configurations';
import { readBody } from '../rackspace-v1/request';
import type { V2Context, V2Env } from './http';
import { v2Error } from './http';

/** The value of a `replace`/`add` of `/enabled`, or a message saying what is wrong with the patch. */
export function enabledFrom(
  patch: JsonPatch,
): { ok: true; enabled: boolean } | { ok: false; message: string } {
  let enabled: boolean | undefined;
  for (const op of patch) {
    if (op.path !== '/enabled')
      return {
        ok: false,
        message: `The path ${op.path} cannot be changed here; this service changes /enabled.`,
      };
    if (op.op !== 'replace' && op.op !== 'add')
      return { ok: false, message: `The operation "${op.op}" is not supported on /enabled; use "replace".` };
    if (typeof op.value !== 'boolean') return { ok: false, message: '/enabled takes true or false.' };
    enabled = op.value;
  }
  return enabled === undefined
    ? { ok: false, message: 'The JSON Patch array is empty.' }
    : { ok: true, enabled };
}

async function readEnabled(c: V2Context) {
  const body = await readBody(c, jsonPatchSchema);
  if (!body.ok) return { response: v2Error(c, body.status, body.message) };
  const change = enabledFrom(body.value);
  return change.ok ? { enabled: change.enabled } : { response: v2Error(c, 400, change.message) };
}

/** PATCH /agents/{id} and /configurations/{id}: JSON Patch of `/enabled` (admin), 204. */
export function patchRoutes(v2: Hono<V2Env>, ctx: ServiceContext): void {
  const { db } = ctx;
  v2.patch('/agents/:id', async (c) => {
    const agent = findAgent(db, c.get('scope'), c.req.param('id'));
    const change = await readEnabled(c);
    if (change.response) return change.response;
    if (!agent) return v2Error(c, 404, `No agent ${c.req.param('id')} in this project and region.`);
    setAgentEnabled(db, agent.id, change.enabled);
    return c.body(null, 204);
  });
  v2.patch('/configurations/:id', async (c) => {
    const config = findConfiguration(db, c.get('scope'), c.req.param('id'));
    const change = await readEnabled(c);
    if (change.response) return change.response;
    if (!config) return v2Error(c, 404, `No configuration ${c.req.param('id')} in this project and region.`);
    const next = change.enabled ? nextRunAfter(config, ctx.clock.now()) : null;
    setConfigurationEnabled(db, config.id, change.enabled, next);
    return c.body(null, 204);
  });
}
