import type { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { veeamStore } from '../store/veeam-store';
import { guard, idParam, paged, readPage, route, veeamError } from './http';
import { presentJobSession, presentLogItem } from './present';

/** Job sessions (per job and all, paged, newest first), one session, and its log items (paged). */
export function jobSessionRoutes(app: Hono, ctx: ServiceContext): void {
  const store = veeamStore(ctx.db);

  route(app, 'GET', '/v5/jobs/:id/jobsessions', (c) => {
    const user = guard(ctx, c, 'read');
    if (user instanceof Response) return user;
    const page = readPage(c);
    if (page instanceof Response) return page;
    const id = idParam(c);
    if (!store.job(id)) return veeamError(c, 404, `There is no job with id "${id}".`);
    return c.json(paged(c, store.jobSessions(page, id), page, presentJobSession));
  });

  route(app, 'GET', '/v5/jobsessions', (c) => {
    const user = guard(ctx, c, 'read');
    if (user instanceof Response) return user;
    const page = readPage(c);
    if (page instanceof Response) return page;
    return c.json(paged(c, store.jobSessions(page), page, presentJobSession));
  });

  route(app, 'GET', '/v5/jobsessions/:id', (c) => {
    const user = guard(ctx, c, 'read');
    if (user instanceof Response) return user;
    const session = store.jobSession(idParam(c));
    return session
      ? c.json(presentJobSession(session))
      : veeamError(c, 404, `There is no job session with id "${idParam(c)}".`);
  });

  route(app, 'GET', '/v5/jobsessions/:id/logitems', (c) => {
    const user = guard(ctx, c, 'read');
    if (user instanceof Response) return user;
    const page = readPage(c);
    if (page instanceof Response) return page;
    const id = idParam(c);
    if (!store.jobSession(id)) return veeamError(c, 404, `There is no job session with id "${id}".`);
    return c.json(paged(c, store.logItems(id, page), page, presentLogItem));
  });
}
