import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSchema, jobListSchema } from '../../src/api/veeam-v5/wire';
import { veeamStore } from '../store/veeam-store';
import type { VeeamTestService } from './testing';
import { SEED_JOB, startVeeam } from './testing';

/** What an organization's users/groups/sites links and a job's selected/excluded items links answer. */
let t: VeeamTestService;
let orgId: string;
beforeAll(async () => {
  t = await startVeeam();
  orgId = veeamStore(t.service.ctx.db).job(SEED_JOB)!.org_id;
});
afterAll(() => t.service.close());

async function get<T>(path: string, status = 200): Promise<T> {
  const res = await t.call('viewer', path);
  expect(res.status, path).toBe(status);
  return (await res.json()) as T;
}

type User = {
  id: string;
  displayName: string;
  name: string;
  type: string;
  _links: Record<string, { href: string }>;
};
type Site = { id: string; url: string; isPersonal: boolean };

describe("an organization's users, groups and sites", () => {
  it('lists its users (bare array), each with links to itself and the organization', async () => {
    const users = await get<User[]>(`/v5/Organizations/${orgId}/Users`);
    const licensed = veeamStore(t.service.ctx.db).licensedUsers({ offset: 0, limit: 100 }, orgId);
    expect(users.map((u) => u.name)).toEqual(licensed.map((u) => u.name));
    const john = users.find((u) => u.name.startsWith('john@'))!;
    expect(john).toMatchObject({ displayName: 'John', type: 'User' });
    expect(john._links.self!.href).toBe(`/v5/Organizations/${orgId}/Users/${john.id}`);
    expect(await get<User>(john._links.self!.href)).toEqual(john);
    expect(errorSchema.parse(await get(`/v5/Organizations/${orgId}/Users/nobody`, 404)).message).toMatch(
      /no such/,
    );
  });

  it('has no groups in the demo, and a root site, plus personal sites when asked', async () => {
    expect(await get(`/v5/Organizations/${orgId}/Groups`)).toEqual([]);
    const root = await get<Site[]>(`/v5/Organizations/${orgId}/Sites`);
    expect(root).toEqual([
      expect.objectContaining({ url: 'https://contoso.sharepoint.com', isPersonal: false }),
    ]);
    const all = await get<Site[]>(`/v5/Organizations/${orgId}/Sites?includePersonalSites=true`);
    expect(all.filter((s) => s.isPersonal).map((s) => s.url)).toContain(
      'https://contoso-my.sharepoint.com/personal/john_contoso_com',
    );
    expect(await get<Site>(`/v5/Organizations/${orgId}/Sites/${all[1]!.id}`)).toEqual(all[1]);
    expect((await t.call('viewer', '/v5/Organizations/nope/Sites')).status).toBe(404);
    expect((await t.call(null, `/v5/Organizations/${orgId}/Users`)).status).toBe(401);
  });
});

describe("a job's selected and excluded items", () => {
  it("names its organization's users for a job of selected items, none for the entire organization", async () => {
    const items = await get<{ type: string; user: User; mailbox: boolean }[]>(
      `/v5/Jobs/${SEED_JOB}/SelectedItems`,
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ type: 'User', mailbox: true, user: { type: 'User' } });
    const jobs = jobListSchema.parse(await get('/v5/Jobs'));
    const whole = jobs.find((j) => j.backupType === 'EntireOrganization')!;
    expect(await get(`/v5/Jobs/${whole.id}/SelectedItems`)).toEqual([]);
    expect(await get(`/v5/Jobs/${SEED_JOB}/ExcludedItems`)).toEqual([]);
    expect((await t.call('viewer', '/v5/Jobs/nope/SelectedItems')).status).toBe(404);
  });
});
