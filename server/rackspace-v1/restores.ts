import type { Hono } from 'hono';
import {
  restoreActionRequestSchema,
  restoreCreateSchema,
  restoreFileInputSchema,
  restoreUpdateSchema,
} from '../../src/api/rackspace-v1/wire';
import type { ServiceContext } from '../context';
import { vaultGuard } from '../identity/throttle';
import type { Refusal } from '../engine/rackspace-actions';
import { createRestore, requestRestoreStop, startRestore } from '../engine/rackspace-restore-actions';
import { findAgent } from '../store/rackspace-agents';
import { findBackup } from '../store/rackspace-backups';
import { runErrors } from '../store/rackspace-events';
import { addRestoreFile, clearRestoreFiles, findRestore, restoreFiles } from '../store/rackspace-restores';
import { updateRow } from '../store/rackspace-sql';
import type { V1Context, V1Env } from './http';
import { fault, forbidden, pathId } from './http';
import { v1Naming } from './present';
import { presentRestore, presentRestoreReport } from './present-runs';
import { readBody } from './request';

export function restoreRoutes(v1: Hono<V1Env>, ctx: ServiceContext): void {
  const { db } = ctx;
  const now = () => ctx.clock.now();
  const notFound = (c: V1Context, id: number | string) => fault(c, 404, `No restore ${id} in this region.`);
  const guard = (c: V1Context, restore: { backup_id: number | null }) =>
    vaultGuard(db, c, c.get('user').id, restore.backup_id ?? 0, now());
  const refused = (c: V1Context, r: Refusal) => {
    if (r.retryAfterS) c.header('Retry-After', String(r.retryAfterS));
    return fault(c, r.retryAfterS ? 429 : 400, r.message);
  };

  /** The backup, its machine and the destination of a create or update body, checked together. */
  function target(
    c: V1Context,
    b: { BackupId: number; BackupMachineId: number; DestinationMachineId: number },
  ) {
    const scope = c.get('scope');
    const backup = findBackup(db, scope, b.BackupId);
    if (!backup) return { error: fault(c, 404, `No backup ${b.BackupId} in this region.`) };
    if (backup.agent_id !== b.BackupMachineId)
      return {
        error: fault(
          c,
          400,
          `BackupMachineId ${b.BackupMachineId} is not the machine of backup ${backup.id} (${backup.agent_id}).`,
        ),
      };
    const destination = findAgent(db, scope, b.DestinationMachineId);
    if (!destination)
      return { error: fault(c, 404, `No destination agent ${b.DestinationMachineId} in this region.`) };
    return { backup, destination };
  }

  v1.put('/restore', async (c) => {
    const body = await readBody(c, restoreCreateSchema);
    if (!body.ok) return fault(c, body.status, body.message);
    const t = target(c, body.value);
    if (t.error) return t.error;
    const created = createRestore(
      db,
      ctx.config.seed,
      {
        backup: t.backup,
        destination: t.destination,
        destinationPath: body.value.DestinationPath || null,
        overwrite: body.value.OverwriteFiles,
        state: 'creating',
      },
      now(),
      v1Naming,
    );
    if (!created.ok) return refused(c, created);
    return c.json(presentRestore(findRestore(db, c.get('scope'), created.value.id)!, []));
  });

  v1.post('/restore', async (c) => {
    const body = await readBody(c, restoreUpdateSchema);
    if (!body.ok) return fault(c, body.status, body.message);
    const restore = findRestore(db, c.get('scope'), body.value.RestoreId);
    if (!restore) return notFound(c, body.value.RestoreId);
    if (restore.state !== 'creating')
      return fault(
        c,
        400,
        `The restore ${restore.id} can only be changed while it is being created (it is ${v1Naming.state(restore.state)}).`,
      );
    const t = target(c, body.value);
    if (t.error) return t.error;
    if (!t.backup.restorable) return fault(c, 400, `The backup ${t.backup.id} cannot be restored.`);
    updateRow(db, 'rs_restores', restore.id, {
      backup_id: t.backup.id,
      source_agent_id: t.backup.agent_id,
      destination_agent_id: t.destination.id,
      destination_path: body.value.DestinationPath || null,
      overwrite: body.value.OverwriteFiles ? 1 : 0,
      changed_at: now(),
    });
    return c.body(null, 204);
  });

  v1.post('/restore/action-requested', async (c) => {
    const body = await readBody(c, restoreActionRequestSchema);
    if (!body.ok) return fault(c, body.status, body.message);
    const denied = forbidden(c, body.value.Action);
    if (denied) return denied;
    const restore = findRestore(db, c.get('scope'), body.value.Id);
    if (!restore) return notFound(c, body.value.Id);
    const result =
      body.value.Action === 'StartManual'
        ? await startRestore(db, restore, body.value.EncryptedPassword, now(), v1Naming, guard(c, restore))
        : requestRestoreStop(db, restore, now(), v1Naming);
    return result.ok ? c.body(null, 204) : refused(c, result);
  });

  v1.put('/restore/files', async (c) => {
    const body = await readBody(c, restoreFileInputSchema);
    if (!body.ok) return fault(c, body.status, body.message);
    const restore = findRestore(db, c.get('scope'), body.value.ParentId);
    if (!restore) return notFound(c, body.value.ParentId);
    if (restore.state !== 'creating')
      return fault(
        c,
        400,
        `Files can only be chosen while the restore is being created (it is ${v1Naming.state(restore.state)}).`,
      );
    addRestoreFile(db, restore.id, {
      path: body.value.FilePath,
      filter: body.value.Filter,
      item_type: body.value.FileItemType,
    });
    return c.body(null, 200);
  });

  v1.get('/restore/files/:id{[0-9]+}', (c) => {
    const restore = findRestore(db, c.get('scope'), pathId(c));
    if (!restore) return notFound(c, c.req.param('id'));
    return c.json(
      restoreFiles(db, restore.id).map((f) => ({
        FilePath: f.path,
        Filter: f.filter,
        RestoreId: restore.id,
        FileItemType: f.item_type,
      })),
    );
  });

  v1.delete('/restore/files/:id{[0-9]+}', (c) => {
    const restore = findRestore(db, c.get('scope'), pathId(c));
    if (!restore) return notFound(c, c.req.param('id'));
    clearRestoreFiles(db, restore.id);
    return c.body(null, 204);
  });

  v1.get('/restore/report/:id{[0-9]+}', (c) => {
    const restore = findRestore(db, c.get('scope'), pathId(c));
    if (!restore) return notFound(c, c.req.param('id'));
    return c.json(presentRestoreReport(restore, runErrors(db, 'restore', restore.id), now()));
  });

  v1.get('/restore/:id{[0-9]+}', (c) => {
    const restore = findRestore(db, c.get('scope'), pathId(c));
    if (!restore) return notFound(c, c.req.param('id'));
    return c.json(presentRestore(restore, restoreFiles(db, restore.id)));
  });
}
