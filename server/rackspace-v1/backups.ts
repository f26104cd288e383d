import type { Hono } from 'hono';
import { backupActionRequestSchema } from '../../src/api/rackspace-v1/wire';
import type { ServiceContext } from '../context';
import { requestBackup, requestBackupStop } from '../engine/rackspace-actions';
import { getAgent } from '../store/rackspace-agents';
import { findBackup, listBackups } from '../store/rackspace-backups';
import { findConfiguration } from '../store/rackspace-configurations';
import { runErrors } from '../store/rackspace-events';
import type { V1Env } from './http';
import { fault, forbidden, pathId } from './http';
import { jsonBytes, v1Lists } from './lists';
import { v1Naming } from './present';
import { presentBackupDetail, presentBackupReport, presentCompleted } from './present-runs';
import { readBody } from './request';

export function backupRoutes(v1: Hono<V1Env>, ctx: ServiceContext): void {
  const { db } = ctx;
  const now = () => ctx.clock.now();

  v1.post('/backup/action-requested', async (c) => {
    const body = await readBody(c, backupActionRequestSchema);
    if (!body.ok) return fault(c, body.status, body.message);
    const { Action, Id } = body.value;
    const denied = forbidden(c, Action);
    if (denied) return denied;
    const scope = c.get('scope');
    if (Action === 'StartManual') {
      const config = findConfiguration(db, scope, Id);
      if (!config)
        return fault(
          c,
          404,
          `No backup configuration ${Id} in this region (StartManual takes a BackupConfigurationId).`,
        );
      const started = requestBackup(
        db,
        ctx.config.seed,
        config,
        getAgent(db, config.agent_id)!,
        'start_requested',
        now(),
        v1Naming,
      );
      if (!started.ok) return fault(c, 400, started.message);
      // The vendor answers the new BackupId as a bare number.
      return c.body(String(started.value.id), 200, { 'content-type': 'application/json; charset=utf-8' });
    }
    const backup = findBackup(db, scope, Id);
    if (!backup) return fault(c, 404, `No backup ${Id} in this region (StopManual takes a BackupId).`);
    const stopped = requestBackupStop(db, backup, now(), v1Naming);
    return stopped.ok ? c.body(null, 204) : fault(c, 400, stopped.message);
  });

  v1.get('/backup/availableforrestore', (c) => jsonBytes(c, v1Lists(db).availableForRestore(c.get('scope'))));

  v1.get('/backup/completed/:id{[0-9]+}', (c) => {
    const config = findConfiguration(db, c.get('scope'), pathId(c));
    if (!config) return fault(c, 404, `No backup configuration ${c.req.param('id')} in this region.`);
    const backups = listBackups(db, c.get('scope'), {
      configurationId: config.id,
      restorable: true,
      desc: true,
    });
    return c.json(backups.map(presentCompleted));
  });

  v1.get('/backup/report/:id{[0-9]+}', (c) => {
    const backup = findBackup(db, c.get('scope'), pathId(c));
    if (!backup) return fault(c, 404, `No backup ${c.req.param('id')} in this region.`);
    return c.json(presentBackupReport(backup, runErrors(db, 'backup', backup.id), now()));
  });

  v1.get('/backup/:id{[0-9]+}', (c) => {
    const backup = findBackup(db, c.get('scope'), pathId(c));
    return backup
      ? c.json(presentBackupDetail(backup))
      : fault(c, 404, `No backup ${c.req.param('id')} in this region.`);
  });
}
