import type { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { veeamStore } from '../store/veeam-store';
import { idParam } from './http';
import { presentJobSession, presentLogItem } from './present';
import { getOne, getPage } from './read-routes';

/** Job sessions (per job and all, paged, newest first), one session, and its log items (paged). */
export function jobSessionRoutes(app: Hono, ctx: ServiceContext): void {
  const store = veeamStore(ctx.db);
  const job = { what: 'job', exists: (id: string) => store.job(id) !== undefined };
  const session = { what: 'job session', exists: (id: string) => store.jobSession(id) !== undefined };

  getPage(
    app,
    ctx,
    '/v5/jobs/:id/jobsessions',
    (page, c) => store.jobSessions(page, idParam(c)),
    presentJobSession,
    job,
  );
  getPage(app, ctx, '/v5/jobsessions', (page) => store.jobSessions(page), presentJobSession);
  getOne(app, ctx, '/v5/jobsessions/:id', 'job session', (id) => store.jobSession(id), presentJobSession);
  getPage(
    app,
    ctx,
    '/v5/jobsessions/:id/logitems',
    (page, c) => store.logItems(idParam(c), page),
    presentLogItem,
    session,
  );
}
