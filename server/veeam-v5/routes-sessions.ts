import type { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { veeamStore } from '../store/veeam-store';
import { idParam } from './http';
import { presentJobSession, presentLogItem } from './present';
import { veeamLists } from './lists';
import { getKeptPage, getOne, getPage } from './read-routes';

/** Job sessions (per job and all, paged, newest first), one session, and its log items (paged). */
export function jobSessionRoutes(app: Hono, ctx: ServiceContext): void {
  const store = veeamStore(ctx.db);
  const job = { what: 'job', exists: (id: string) => store.job(id) !== undefined };
  const session = { what: 'job session', exists: (id: string) => store.jobSession(id) !== undefined };

  const lists = veeamLists(ctx.db);

  getKeptPage(app, ctx, '/v5/jobs/:id/jobsessions', (page, c) => lists.jobSessions(c, page, idParam(c)), job);
  getKeptPage(app, ctx, '/v5/jobsessions', (page, c) => lists.jobSessions(c, page));
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
