import { expect } from 'vitest';
import type { Organization, RestoreSession } from '../../src/api/veeam-v5/wire';
import { organizationListSchema, restoreSessionSchema } from '../../src/api/veeam-v5/wire';
import type { Role } from '../../src/api/contract/roles';
import type { VeeamTestService } from './testing';

/** Tests only: open restore sessions of an organization and read what they hold. */

export async function organizationNamed(t: VeeamTestService, stem: string): Promise<Organization> {
  const orgs = organizationListSchema.parse(await (await t.call('viewer', '/v5/Organizations')).json());
  const org = orgs.find((o) => o.name.startsWith(`${stem}.`));
  if (!org) throw new Error(`no organization ${stem}`);
  return org;
}

/** Opens a session (organization-level explore) and answers it. */
export async function explore(
  t: VeeamTestService,
  org: Organization,
  type: 'vex' | 'veod' | 'vesp' | 'vet',
  options: { datetime?: string; showDeleted?: boolean; showAllVersions?: boolean } = {},
): Promise<RestoreSession> {
  const res = await t.post('support', `/v5/Organizations/${org.id}/Action`, {
    explore: { datetime: options.datetime ?? org.lastBackuptime, type, ...options },
  });
  expect(res.status).toBe(201);
  return restoreSessionSchema.parse(await res.json());
}

/** GET as `role`, expecting `status`; the parsed JSON. */
export async function getJson(
  t: VeeamTestService,
  path: string,
  status = 200,
  role: Role = 'support',
): Promise<unknown> {
  const res = await t.call(role, path);
  const body = (await res.json()) as unknown;
  expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(status);
  return body;
}

/** Every row of a paged list, following `_links.next`. */
export async function allRows<T>(
  t: VeeamTestService,
  path: string,
  parse: (body: unknown) => { results: T[]; _links?: Record<string, { href: string }> },
): Promise<T[]> {
  const rows: T[] = [];
  let next: string | undefined = path;
  while (next) {
    const page = parse(await getJson(t, next));
    rows.push(...page.results);
    next = page._links?.next?.href;
  }
  return rows;
}
