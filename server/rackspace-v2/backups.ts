import type { Hono } from 'hono';
import { backupCreateSchema, jsonPatchSchema } from '../../src/api/rackspace-v2/wire';
import type { JsonPatch } from '../../src/api/rackspace-v2/wire';
import type { ServiceContext } from '../context';
import { requestBackup, requestBackupStop } from '../engine/rackspace-actions';
import { readBody } from '../rackspace-v1/request';
import { getAgent } from '../store/rackspace-agents';
import { findBackup, listBackups } from '../store/rackspace-backups';
import { findConfiguration } from '../store/rackspace-configurations';
import { runErrors } from '../store/rackspace-events';
import type { V2Env } from './http';
import { listLinks, methodNotAllowed, paging, v2Error, markerId } from './http';
import { v2Naming } from './present';
import { presentBackup, presentErrorList } from './present-runs';

/** A user's PATCH of a run may only ask it to stop. */
export function isStopPatch(patch: JsonPatch): boolean {
  return patch.every(
    (op) => (op.op === 'replace' || op.op === 'add') && op.path === '/state' && op.value === 'stop_requested',
  );
}
export const STOP_ONLY =
  'A user may only request a stop: [{"op": "replace", "path": "/state", "value": "stop_requested"}].';

export function backupRoutes(v2: Hono<V2Env>, ctx: ServiceContext): void {
  const { db } = ctx;
  const now = () => ctx.clock.now();
  const noBackup = (id: string) => `No backup ${id} in this project and region.`;

  v2.post('/backups', async (c) => {
    const body = await readBody(c, backupCreateSchema);
    if (!body.ok) return v2Error(c, body.status, body.message);
    const config = findConfiguration(db, c.get('scope'), body.value.configuration_id);
    if (!config)
      return v2Error(c, 404, `No configuration ${body.value.configuration_id} in this project and region.`);
    const agentHeader = c.req.header('x-agent-id');
    if (body.value.state === 'start_scheduled') {
      if (!agentHeader)
        return v2Error(c, 400, 'start_scheduled is for agents: it needs the X-Agent-Id header.');
      if (agentHeader !== config.agent_uuid)
        return v2Error(c, 400, `X-Agent-Id ${agentHeader} is not the agent of configuration ${config.uuid}.`);
    }
    const started = requestBackup(
      db,
      ctx.config.seed,
      config,
      getAgent(db, config.agent_id)!,
      body.value.state,
      now(),
      v2Naming,
    );
    if (!started.ok) return v2Error(c, 409, started.message);
    const backup = presentBackup(c.get('base'), findBackup(db, c.get('scope'), started.value.id)!);
    return c.json(backup, 201, { Location: backup.links[0]!.href });
  });

  v2.get('/backups', (c) => {
    const page = paging(c);
    if (!page.ok) return v2Error(c, 400, page.message);
    const scope = c.get('scope');
    const { restorable: restorableText, configuration_id: configurationId } = c.req.query();
    // Python clients (Rackspace's own SDK, through requests) write a true flag as "True".
    const restorable = restorableText?.toLowerCase() === 'true';
    if (configurationId !== undefined && !restorable)
      return v2Error(c, 400, 'configuration_id can only be used with restorable=true.');
    const config = configurationId === undefined ? undefined : findConfiguration(db, scope, configurationId);
    if (configurationId !== undefined && !config)
      return v2Error(c, 404, `No configuration ${configurationId} in this project and region.`);
    const marker = markerId(c, db, page.marker, 'rs_backups');
    if (marker.error) return marker.error;
    const rows = listBackups(db, scope, {
      configurationId: config?.id,
      restorable,
      markerId: marker.id,
      limit: page.limit,
      desc: page.desc,
    });
    const backups = rows.map((b) => presentBackup(c.get('base'), b));
    return c.json({ backups, links: listLinks(c, backups, page.limit) });
  });
  methodNotAllowed(v2, '/backups', ['GET', 'POST']);

  v2.get('/backups/:id', (c) => {
    const backup = findBackup(db, c.get('scope'), c.req.param('id'));
    return backup
      ? c.json(presentBackup(c.get('base'), backup))
      : v2Error(c, 404, noBackup(c.req.param('id')));
  });

  v2.patch('/backups/:id', async (c) => {
    const body = await readBody(c, jsonPatchSchema);
    if (!body.ok) return v2Error(c, body.status, body.message);
    if (!isStopPatch(body.value)) return v2Error(c, 400, STOP_ONLY);
    const backup = findBackup(db, c.get('scope'), c.req.param('id'));
    if (!backup) return v2Error(c, 404, noBackup(c.req.param('id')));
    const stopped = requestBackupStop(db, backup, now(), v2Naming);
    if (!stopped.ok)
      return v2Error(
        c,
        409,
        `Modifying a backup that is already in a state of [${backup.state}] is not allowed.`,
      );
    return c.body(null, 204);
  });
  methodNotAllowed(v2, '/backups/:id', ['GET', 'PATCH']);

  v2.get('/backups/:id/errors', (c) => {
    const backup = findBackup(db, c.get('scope'), c.req.param('id'));
    if (!backup) return v2Error(c, 404, noBackup(c.req.param('id')));
    return c.json(
      presentErrorList(c.get('base'), 'backups', backup.uuid, backup, runErrors(db, 'backup', backup.id)),
    );
  });
  methodNotAllowed(v2, '/backups/:id/errors', ['GET']);
}
