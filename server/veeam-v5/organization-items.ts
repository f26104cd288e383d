import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { ServiceContext } from '../context';
import type { VeeamStore } from '../store/veeam-store';
import type { JobRow, LicensedUserRow, OrgRow } from '../store/veeam-types';
import { veeamStore } from '../store/veeam-store';
import { guard, idParam, queryParam, route, veeamError } from './http';

/**
 * What an organization's and a job's `_links` point at (docs/dialects/veeam-v5.md), read-only, as bare arrays as
 * the v5 pages show them: an organization's users (its licensed users), groups (the demo has none) and
 * SharePoint sites (a root site, and with includePersonalSites=true each user's OneDrive site); a
 * job's selected items (its organization's users, for a job of selected items) and excluded items
 * (none in the demo). Ids that the model does not keep are derived from stable names.
 */

const link = (href: string) => ({ href });

/** A GUID made from a name, the same every time: for sites and job items, which the model derives. */
export function derivedGuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function displayName(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local.replace(/(^|[._])(\w)/g, (_, sep: string, ch: string) => (sep ? ' ' : '') + ch.toUpperCase());
}

export function presentOrgUser(u: LicensedUserRow) {
  return {
    id: u.id,
    displayName: displayName(u.name),
    name: u.name,
    type: 'User',
    _links: {
      self: link(`/v5/Organizations/${u.org_id}/Users/${u.id}`),
      organization: link(`/v5/Organizations/${u.org_id}`),
    },
  };
}

function sites(org: OrgRow, users: LicensedUserRow[], personal: boolean) {
  if (!org.is_sharepoint) return [];
  const tenant = org.name.replace(/\.onmicrosoft\.com$/, '');
  const site = (id: string, url: string, name: string, isPersonal: boolean) => ({
    id,
    url,
    name,
    title: name,
    isCloud: true,
    isPersonal,
    _links: {
      self: link(`/v5/Organizations/${org.id}/Sites/${id}`),
      organization: link(`/v5/Organizations/${org.id}`),
    },
  });
  const root = site(
    derivedGuid(`site:${org.id}`),
    `https://${tenant}.sharepoint.com`,
    org.office_name,
    false,
  );
  if (!personal) return [root];
  const mine = users.map((u) =>
    site(
      derivedGuid(`site:${org.id}:${u.id}`),
      `https://${tenant}-my.sharepoint.com/personal/${u.name.replace(/[@.]/g, '_')}`,
      displayName(u.name),
      true,
    ),
  );
  return [root, ...mine];
}

const usersOf = (store: VeeamStore, orgId: string) =>
  store.licensedUsers({ offset: 0, limit: 10_000 }, orgId);

function selectedItems(store: VeeamStore, job: JobRow) {
  if (job.backup_type !== 'SelectedItems') return [];
  return usersOf(store, job.org_id).map((u) => ({
    type: 'User',
    id: derivedGuid(`item:${job.id}:${u.id}`),
    user: presentOrgUser(u),
    mailbox: true,
    oneDrive: true,
    archiveMailbox: false,
    personalSite: false,
    _links: {},
  }));
}

export function organizationItemRoutes(app: Hono, ctx: ServiceContext): void {
  const store = veeamStore(ctx.db);
  /** The answer for a resource of an organization (404 for an unknown one). */
  const ofOrg = (path: string, answer: (org: OrgRow, c: Context) => unknown) =>
    route(app, 'GET', path, (c) => {
      const user = guard(ctx, c);
      if (user instanceof Response) return user;
      const org = store.organization(idParam(c));
      if (!org) return veeamError(c, 404, `There is no organization with id "${idParam(c)}".`);
      const body = answer(org, c);
      return body === undefined
        ? veeamError(c, 404, `There is no such item in "${org.name}".`)
        : c.json(body);
    });
  const personal = (c: Context) => queryParam(c, 'includePersonalSites') === 'true';

  ofOrg('/v5/organizations/:id/users', (org) => usersOf(store, org.id).map(presentOrgUser));
  ofOrg('/v5/organizations/:id/users/:item', (org, c) => {
    const u = usersOf(store, org.id).find((x) => x.id === c.req.param('item'));
    return u && presentOrgUser(u);
  });
  ofOrg('/v5/organizations/:id/groups', () => []);
  ofOrg('/v5/organizations/:id/sites', (org, c) => sites(org, usersOf(store, org.id), personal(c)));
  ofOrg('/v5/organizations/:id/sites/:item', (org, c) =>
    sites(org, usersOf(store, org.id), true).find((s) => s.id === c.req.param('item')),
  );

  for (const [path, items] of [
    ['/v5/jobs/:id/selecteditems', selectedItems],
    ['/v5/jobs/:id/excludeditems', () => []],
  ] as const) {
    route(app, 'GET', path, (c) => {
      const user = guard(ctx, c);
      if (user instanceof Response) return user;
      const job = store.job(idParam(c));
      return job ? c.json(items(store, job)) : veeamError(c, 404, `There is no job with id "${idParam(c)}".`);
    });
  }
}
