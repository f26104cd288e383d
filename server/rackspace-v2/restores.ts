import type { Hono } from 'hono';
import { jsonPatchSchema, restoreCreateSchema } from '../../src/api/rackspace-v2/wire';
import type { ServiceContext } from '../context';
import { vaultGuard } from '../identity/throttle';
import { checkVaultPassword, createRestore, requestRestoreStop } from '../engine/rackspace-restore-actions';
import { readBody } from '../rackspace-v1/request';
import { findAgent, getAgent } from '../store/rackspace-agents';
import { findBackup } from '../store/rackspace-backups';
import { runErrors } from '../store/rackspace-events';
import { findRestore, listRestores, restoreFiles } from '../store/rackspace-restores';
import { addRestoreFile } from '../store/rackspace-restores';
import { isStopPatch, STOP_ONLY } from './backups';
import type { V2Env } from './http';
import { listLinks, methodNotAllowed, paging, v2Error, markerId } from './http';
import { v2Naming } from './present';
import { presentErrorList, presentRestore } from './present-runs';

export function restoreRoutes(v2: Hono<V2Env>, ctx: ServiceContext): void {
  const { db } = ctx;
  const now = () => ctx.clock.now();
  const noRestore = (id: string) => `No restore ${id} in this project and region.`;

  v2.post('/restores', async (c) => {
    const body = await readBody(c, restoreCreateSchema);
    if (!body.ok) return v2Error(c, body.status, body.message);
    const input = body.value;
    const scope = c.get('scope');
    const backup = findBackup(db, scope, input.backup_id);
    if (!backup) return v2Error(c, 404, `No backup ${input.backup_id} in this project and region.`);
    const destinationId = (input.destination_agent_id ?? input.destination_agent_ID)!;
    const destination = findAgent(db, scope, destinationId);
    if (!destination)
      return v2Error(c, 404, `No destination agent ${destinationId} in this project and region.`);
    const password = await checkVaultPassword(
      getAgent(db, backup.agent_id),
      input.encrypted_password_hex,
      vaultGuard(db, c, c.get('user').id, backup.id, now()),
    );
    if (!password.ok && password.retryAfterS) c.header('Retry-After', String(password.retryAfterS));
    if (!password.ok) return v2Error(c, password.retryAfterS ? 429 : 400, password.message);
    const created = createRestore(
      db,
      ctx.config.seed,
      {
        backup,
        destination,
        destinationPath: input.destination_path ?? null,
        overwrite: input.overwrite_files ?? false,
        state: 'start_requested',
      },
      now(),
      v2Naming,
    );
    if (!created.ok) return v2Error(c, 400, created.message);
    for (const [filter, rules] of [
      [1, input.inclusions ?? []],
      [2, input.exclusions ?? []],
    ] as const)
      for (const r of rules)
        addRestoreFile(db, created.value.id, { path: r.path, filter, item_type: r.type === 'file' ? 0 : 1 });
    const restore = presentRestore(
      c.get('base'),
      findRestore(db, scope, created.value.id)!,
      restoreFiles(db, created.value.id),
    );
    return c.json(restore, 201, { Location: restore.links[0]!.href });
  });

  v2.get('/restores', (c) => {
    const page = paging(c);
    if (!page.ok) return v2Error(c, 400, page.message);
    const scope = c.get('scope');
    const marker = markerId(c, db, page.marker, 'rs_restores');
    if (marker.error) return marker.error;
    const restores = listRestores(db, scope, { markerId: marker.id, limit: page.limit, desc: page.desc }).map(
      (r) => presentRestore(c.get('base'), r),
    );
    return c.json({ restores, links: listLinks(c, restores, page.limit) });
  });
  methodNotAllowed(v2, '/restores', ['GET', 'POST']);

  v2.get('/restores/:id', (c) => {
    const restore = findRestore(db, c.get('scope'), c.req.param('id'));
    if (!restore) return v2Error(c, 404, noRestore(c.req.param('id')));
    return c.json(presentRestore(c.get('base'), restore, restoreFiles(db, restore.id)));
  });

  v2.patch('/restores/:id', async (c) => {
    const body = await readBody(c, jsonPatchSchema);
    if (!body.ok) return v2Error(c, body.status, body.message);
    if (!isStopPatch(body.value)) return v2Error(c, 400, STOP_ONLY);
    const restore = findRestore(db, c.get('scope'), c.req.param('id'));
    if (!restore) return v2Error(c, 404, noRestore(c.req.param('id')));
    const stopped = requestRestoreStop(db, restore, now(), v2Naming);
    if (!stopped.ok)
      return v2Error(
        c,
        409,
        `Modifying a restore that is already in a state of [${restore.state}] is not allowed.`,
      );
    return c.body(null, 204);
  });
  methodNotAllowed(v2, '/restores/:id', ['GET', 'PATCH']);

  v2.get('/restores/:id/errors', (c) => {
    const restore = findRestore(db, c.get('scope'), c.req.param('id'));
    if (!restore) return v2Error(c, 404, noRestore(c.req.param('id')));
    return c.json(
      presentErrorList(
        c.get('base'),
        'restores',
        restore.uuid,
        restore,
        runErrors(db, 'restore', restore.id),
      ),
    );
  });
  methodNotAllowed(v2, '/restores/:id/errors', ['GET']);
}
