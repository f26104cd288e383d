import type { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { veeamStore } from '../store/veeam-store';
import { guard, idParam, paged, queryParam, readPage, route, veeamError } from './http';
import { presentLicensedUser, presentOrganization, presentProxy, presentRepository } from './present';

/** Organizations, licensing, licensed users, backup repositories and proxies (read-only). */
export function organizationRoutes(app: Hono, ctx: ServiceContext): void {
  const store = veeamStore(ctx.db);

  route(app, 'GET', '/v5/organizations', (c) => {
    const user = guard(ctx, c, 'read');
    return user instanceof Response ? user : c.json(store.organizations().map(presentOrganization));
  });

  route(app, 'GET', '/v5/organizations/:id', (c) => {
    const user = guard(ctx, c, 'read');
    if (user instanceof Response) return user;
    const org = store.organization(idParam(c));
    return org
      ? c.json(presentOrganization(org))
      : veeamError(c, 404, `There is no organization with id "${idParam(c)}".`);
  });

  route(app, 'GET', '/v5/organizations/:id/licensinginformation', (c) => {
    const user = guard(ctx, c, 'read');
    if (user instanceof Response) return user;
    const id = idParam(c);
    if (!store.organization(id)) return veeamError(c, 404, `There is no organization with id "${id}".`);
    return c.json({ ...store.licensing(id), _links: { organization: { href: `/v5/Organizations/${id}` } } });
  });

  route(app, 'GET', '/v5/licensedusers', (c) => {
    const user = guard(ctx, c, 'read');
    if (user instanceof Response) return user;
    const page = readPage(c);
    if (page instanceof Response) return page;
    const orgId = queryParam(c, 'organizationId')?.toLowerCase() || undefined;
    if (orgId && !store.organization(orgId)) {
      return veeamError(c, 404, `There is no organization with id "${orgId}".`);
    }
    return c.json(paged(c, store.licensedUsers(page, orgId), page, presentLicensedUser));
  });

  route(app, 'GET', '/v5/backuprepositories', (c) => {
    const user = guard(ctx, c, 'read');
    return user instanceof Response ? user : c.json(store.repositories().map(presentRepository));
  });

  route(app, 'GET', '/v5/backuprepositories/:id', (c) => {
    const user = guard(ctx, c, 'read');
    if (user instanceof Response) return user;
    const repo = store.repositories().find((r) => r.id === idParam(c));
    return repo
      ? c.json(presentRepository(repo))
      : veeamError(c, 404, `There is no backup repository with id "${idParam(c)}".`);
  });

  route(app, 'GET', '/v5/proxies', (c) => {
    const user = guard(ctx, c, 'read');
    return user instanceof Response ? user : c.json(store.proxies().map(presentProxy));
  });

  route(app, 'GET', '/v5/proxies/:id', (c) => {
    const user = guard(ctx, c, 'read');
    if (user instanceof Response) return user;
    const proxy = store.proxies().find((p) => p.id === idParam(c));
    return proxy
      ? c.json(presentProxy(proxy))
      : veeamError(c, 404, `There is no proxy with id "${idParam(c)}".`);
  });
}
