import type { Hono } from 'hono';
import type { JsonPatch } from '../../src/api/rackspace-v2/wire';
import { jsonPatchSchema } from '../../src/api/rackspace-v2/wire';
import type { ServiceContext } from '../context';
import { nextRunAfter } from '../engine/rackspace-schedule';
import type { LogLevel } from '../store/rackspace-agents';
import { findAgent, LOG_LEVELS, setAgentEnabled, setAgentLogLevel } from '../store/rackspace-agents';
import { findConfiguration, setConfigurationEnabled } from '../store/rackspace-configurations';
import { readBody } from '../rackspace-v1/request';
import type { V2Context, V2Env } from './http';
import { v2Error } from './http';

type Change = { enabled?: boolean; logLevel?: LogLevel };

/** What each path this service changes takes, and how it is read from an operation's value. */
const PATHS = {
  '/enabled': (v: unknown): Change | string =>
    typeof v === 'boolean' ? { enabled: v } : '/enabled takes true or false.',
  '/log_level': (v: unknown): Change | string => {
    const level = typeof v === 'string' ? LOG_LEVELS.find((l) => l === v.toLowerCase()) : undefined;
    return level ? { logLevel: level } : `/log_level takes one of ${LOG_LEVELS.join(', ')}.`;
  },
} as const;
type PatchPath = keyof typeof PATHS;

/**
 * The changes of a patch of `allowed` paths (`replace`, or `add`, which the vendor treats alike), or
 * a message saying what is wrong with it.
 */
export function changesFrom(
  patch: JsonPatch,
  allowed: readonly PatchPath[],
): { ok: true; change: Change } | { ok: false; message: string } {
  const change: Change = {};
  for (const op of patch) {
    const path = allowed.find((p) => p === op.path);
    if (!path)
      return {
        ok: false,
        message: `The path ${op.path} cannot be changed here; this service changes ${allowed.join(' and ')}.`,
      };
    if (op.op !== 'replace' && op.op !== 'add')
      return { ok: false, message: `The operation "${op.op}" is not supported on ${path}; use "replace".` };
    const read = PATHS[path](op.value);
    if (typeof read === 'string') return { ok: false, message: read };
    Object.assign(change, read);
  }
  return { ok: true, change };
}

async function readChanges(c: V2Context, allowed: readonly PatchPath[]) {
  const body = await readBody(c, jsonPatchSchema);
  if (!body.ok) return { response: v2Error(c, body.status, body.message) };
  const read = changesFrom(body.value, allowed);
  return read.ok ? { change: read.change } : { response: v2Error(c, 400, read.message) };
}

/**
 * PATCH /agents/{id} (JSON Patch of `/enabled` and `/log_level`) and /configurations/{id} (of
 * `/enabled`), admin only, 204.
 */
export function patchRoutes(v2: Hono<V2Env>, ctx: ServiceContext): void {
  const { db } = ctx;
  v2.patch('/agents/:id', async (c) => {
    const agent = findAgent(db, c.get('scope'), c.req.param('id'));
    const read = await readChanges(c, ['/enabled', '/log_level']);
    if (read.response) return read.response;
    if (!agent) return v2Error(c, 404, `No agent ${c.req.param('id')} in this project and region.`);
    const { enabled, logLevel } = read.change;
    db.transaction(() => {
      if (enabled !== undefined) setAgentEnabled(db, agent.id, enabled);
      if (logLevel !== undefined) setAgentLogLevel(db, agent.id, logLevel);
    })();
    return c.body(null, 204);
  });
  v2.patch('/configurations/:id', async (c) => {
    const config = findConfiguration(db, c.get('scope'), c.req.param('id'));
    const read = await readChanges(c, ['/enabled']);
    if (read.response) return read.response;
    if (!config) return v2Error(c, 404, `No configuration ${c.req.param('id')} in this project and region.`);
    const enabled = read.change.enabled!;
    const next = enabled ? nextRunAfter(config, ctx.clock.now()) : null;
    setConfigurationEnabled(db, config.id, enabled, next);
    return c.body(null, 204);
  });
}
