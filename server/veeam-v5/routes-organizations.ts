import type { Hono } from 'hono';
import type { ServiceContext } from '../context';
import { veeamStore } from '../store/veeam-store';
import { queryParam, veeamError } from './http';
import { presentLicensedUser, presentOrganization, presentProxy, presentRepository } from './present';
import { getArray, getOne, getPage } from './read-routes';

/** Organizations, licensing, licensed users, backup repositories and proxies (read-only). */
export function organizationRoutes(app: Hono, ctx: ServiceContext): void {
  const store = veeamStore(ctx.db);

  getArray(app, ctx, '/v5/organizations', () => store.organizations().map(presentOrganization));
  getOne(
    app,
    ctx,
    '/v5/organizations/:id',
    'organization',
    (id) => store.organization(id),
    presentOrganization,
  );
  getOne(
    app,
    ctx,
    '/v5/organizations/:id/licensinginformation',
    'organization',
    (id) => store.organization(id),
    (org) => ({
      ...store.licensing(org.id),
      _links: { organization: { href: `/v5/Organizations/${org.id}` } },
    }),
  );
  getPage(
    app,
    ctx,
    '/v5/licensedusers',
    (page, c) => {
      const orgId = queryParam(c, 'organizationId')?.toLowerCase() || undefined;
      if (orgId && !store.organization(orgId)) {
        return veeamError(c, 404, `There is no organization with id "${orgId}".`);
      }
      return store.licensedUsers(page, orgId);
    },
    presentLicensedUser,
  );
  getArray(app, ctx, '/v5/backuprepositories', () => store.repositories().map(presentRepository));
  getOne(
    app,
    ctx,
    '/v5/backuprepositories/:id',
    'backup repository',
    (id) => store.repositories().find((r) => r.id === id),
    presentRepository,
  );
  getOne(
    app,
    ctx,
    '/v5/organizations/:id/usedrepositories',
    'organization',
    (id) => store.organization(id),
    (org) => {
      const used = new Set(store.jobs(org.id).map((j) => j.repository_id));
      return store
        .repositories()
        .filter((r) => used.has(r.id))
        .map(presentRepository);
    },
  );
  getArray(app, ctx, '/v5/proxies', () => store.proxies().map(presentProxy));
  getOne(
    app,
    ctx,
    '/v5/proxies/:id/repositories',
    'proxy',
    (id) => store.proxy(id),
    (proxy) =>
      store
        .repositories()
        .filter((r) => r.proxy_id === proxy.id)
        .map(presentRepository),
  );
  getOne(
    app,
    ctx,
    '/v5/proxies/:id',
    'proxy',
    (id) => store.proxies().find((p) => p.id === id),
    presentProxy,
  );
}
