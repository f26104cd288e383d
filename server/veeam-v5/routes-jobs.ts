import type { Hono } from 'hono';
import type { SchedulePolicy } from '../../src/api/veeam-v5/wire';
import type { ServiceContext } from '../context';
import { openRestoreSession } from '../engine/veeam-restores';
import { nextRunAfter } from '../engine/veeam-schedule';
import { startJobSession, stopJobSession } from '../engine/veeam-sessions';
import { veeamStore } from '../store/veeam-store';
import { emptyOk, forbidden, guard, idParam, readJson, route, veeamError } from './http';
import { parseJobAction } from './job-action';
import { veeamLists } from './lists';
import { presentJob } from './present';
import { getOne } from './read-routes';

/** Jobs: the bare-array lists, one job, and `POST /Jobs/{id}/action` (seed 004). */
export function jobRoutes(app: Hono, ctx: ServiceContext): void {
  const store = veeamStore(ctx.db);
  const lists = veeamLists(ctx.db);
  const json = { 'content-type': 'application/json; charset=utf-8' };

  route(app, 'GET', '/v5/jobs', (c) => {
    const user = guard(ctx, c);
    return user instanceof Response ? user : c.body(lists.jobs(), 200, json);
  });

  getOne(app, ctx, '/v5/jobs/:id', 'job', (id) => store.job(id), presentJob);

  route(app, 'GET', '/v5/organizations/:id/jobs', (c) => {
    const user = guard(ctx, c);
    if (user instanceof Response) return user;
    const id = idParam(c);
    if (!store.organization(id)) return veeamError(c, 404, `There is no organization with id "${id}".`);
    return c.body(lists.jobs(id), 200, json);
  });

  route(app, 'POST', '/v5/jobs/:id/action', async (c) => {
    // Everyone signed in may ask; what the action needs is known only once the body is read.
    const user = guard(ctx, c);
    if (user instanceof Response) return user;
    const read = await readJson(c);
    if (read instanceof Response) return read;
    const action = parseJobAction(read.body);
    if (!action.ok) return veeamError(c, 400, action.message);
    const denied = forbidden(c, user, action.name);
    if (denied) return denied;
    const id = idParam(c);
    const job = store.job(id);
    if (!job) return veeamError(c, 404, `There is no job with id "${id}".`);
    const now = ctx.clock.now();
    const running = job.current_session_id ? store.jobSession(job.current_session_id) : undefined;

    switch (action.name) {
      case 'enable':
        if (job.is_enabled === 0) {
          const policy = JSON.parse(job.schedule_json) as SchedulePolicy;
          store.update('veeam_jobs', job.id, { is_enabled: 1, next_run: nextRunAfter(policy, now) });
        }
        return emptyOk();
      case 'disable':
        // A running session goes on to its end; only scheduled runs stop (documented choice).
        store.update('veeam_jobs', job.id, { is_enabled: 0, next_run: null });
        return emptyOk();
      case 'start':
        if (running) {
          return veeamError(
            c,
            409,
            `The job "${job.name}" is already running (session ${running.id}): wait for it to end or stop it first.`,
          );
        }
        if (job.is_enabled === 0) {
          return veeamError(c, 409, `The job "${job.name}" is disabled: enable it before starting it.`);
        }
        ctx.db.transaction(() => startJobSession(store, job, now, `started by ${user.username}`))();
        return emptyOk();
      case 'stop':
        if (!running)
          return veeamError(c, 409, `The job "${job.name}" is not running: there is nothing to stop.`);
        ctx.db.transaction(() => stopJobSession(store, running, now, user.username))();
        return emptyOk();
      case 'explore': {
        const org = store.organization(job.org_id);
        if (!org) return veeamError(c, 404, `The organization of job "${job.name}" no longer exists.`);
        ctx.db.transaction(() => openRestoreSession(store, job, org, action.explore, user.username, now))();
        return emptyOk();
      }
    }
  });
}
