import type { Hono } from 'hono';
import { parseVeeamDateTime, restoreSessionActionSchema } from '../../src/api/veeam-v5/wire';
import type { ServiceContext } from '../context';
import { openRestoreSession, stopRestoreSession } from '../engine/veeam-restores';
import { veeamStore } from '../store/veeam-store';
import { emptyOk, guard, idParam, queryParam, readJson, route, veeamError } from './http';
import { parseJobAction } from './job-action';
import { veeamLists } from './lists';
import { getKeptPage, getOne, getPage } from './read-routes';
import { presentRestoreEvent, presentRestoreSession } from './present';

/** Restore sessions: the paged list (time filters), one, stop, and its events (paged). */
export function restoreSessionRoutes(app: Hono, ctx: ServiceContext): void {
  const store = veeamStore(ctx.db);

  const lists = veeamLists(ctx.db);

  getKeptPage(app, ctx, '/v5/restoresessions', (page, c) => {
    const bounds: (number | null)[] = [];
    for (const name of ['startTimeFrom', 'startTimeTo']) {
      const text = queryParam(c, name);
      const value = text ? parseVeeamDateTime(text) : null;
      if (text && value === null) {
        return veeamError(
          c,
          400,
          `${name} must be a date and time such as 2020-04-12T10:54:40Z, not "${text}".`,
        );
      }
      bounds.push(value);
    }
    return lists.restoreSessions(c, page, bounds[0] ?? null, bounds[1] ?? null);
  });
  // A request to a session (not the list of all) is activity: its idle time starts again.
  const used = (id: string) => {
    store.touchRestoreSession(id, ctx.clock.now());
    return store.restoreSession(id);
  };
  getOne(app, ctx, '/v5/restoresessions/:id', 'restore session', used, presentRestoreSession);
  getPage(
    app,
    ctx,
    '/v5/restoresessions/:id/events',
    (page, c) => store.restoreEvents(idParam(c), page),
    presentRestoreEvent,
    { what: 'restore session', exists: (id) => used(id) !== undefined },
  );

  // The organization-level explore (VB-PORTAL): same body, 201 with the new restore session.
  route(app, 'POST', '/v5/organizations/:id/action', async (c) => {
    const user = guard(ctx, c);
    if (user instanceof Response) return user;
    const read = await readJson(c);
    if (read instanceof Response) return read;
    const action = parseJobAction(read.body);
    if (!action.ok) return veeamError(c, 400, action.message);
    if (action.name !== 'explore') {
      return veeamError(
        c,
        400,
        `An organization takes one action, explore: "${action.name}" is for jobs (POST /v5/Jobs/{id}/action).`,
      );
    }
    const org = store.organization(idParam(c));
    if (!org) return veeamError(c, 404, `There is no organization with id "${idParam(c)}".`);
    const opened = ctx.db.transaction(() =>
      openRestoreSession(store, null, org, action.explore, user.username, ctx.clock.now()),
    )();
    return c.json(presentRestoreSession(opened), 201);
  });

  route(app, 'POST', '/v5/restoresessions/:id/action', async (c) => {
    const user = guard(ctx, c);
    if (user instanceof Response) return user;
    const read = await readJson(c);
    if (read instanceof Response) return read;
    if (!restoreSessionActionSchema.safeParse(read.body).success) {
      return veeamError(c, 400, 'A restore session takes one action, stop: send {"stop": null}.');
    }
    const id = idParam(c);
    const session = store.restoreSession(id);
    if (!session) return veeamError(c, 404, `There is no restore session with id "${id}".`);
    if (session.state !== 'Working') {
      return veeamError(c, 409, `The restore session "${session.name}" is already stopped.`);
    }
    ctx.db.transaction(() => stopRestoreSession(store, session, ctx.clock.now(), { by: user.username }))();
    return emptyOk();
  });
}
