import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from '../../src/api/veeam-v5/restore-wire';
import {
  documentPageSchema,
  fileFolderPageSchema,
  sharePointRestoreStatsSchema,
  siteItemPageSchema,
  siteListPageSchema,
  sitePageSchema,
  siteSchema,
} from '../../src/api/veeam-v5/restore-wire';
import type { RestoreSession } from '../../src/api/veeam-v5/wire';
import { errorSchema, restoreSessionEventPageSchema } from '../../src/api/veeam-v5/wire';
import { explore, getJson, organizationNamed } from './explore-testing';
import type { VeeamTestService } from './testing';
import { startVeeam } from './testing';

/** SharePoint inside a restore session: sites and subsites, lists, libraries, folders, documents, items. */

let t: VeeamTestService;
let session: RestoreSession;
let sites: Site[];
let base: string;
const creds = { userName: 'admin@contoso.com', userPassword: 'secret' };

beforeAll(async () => {
  t = await startVeeam(['--speed', '100000']);
  session = await explore(t, await organizationNamed(t, 'contoso'), 'vesp', { showAllVersions: true });
  base = `/v5/RestoreSessions/${session.id}/Organization`;
  sites = sitePageSchema.parse(await getJson(t, `${base}/Sites?parentId=null`)).results;
});
afterAll(() => t.service.close());

const projects = () => sites.find((s) => s.name === 'Projects')!;

describe('browsing SharePoint', () => {
  it('lists top-level sites, subsites by parentId, and all sites without it', async () => {
    expect(sites.map((s) => s.name)).toEqual(['Communication site', 'Finance', 'HR', 'Projects']);
    expect(sites[0]!.url).toBe('https://contoso.sharepoint.com');
    const sub = sitePageSchema.parse(await getJson(t, projects()._links!.sites!.href)).results;
    expect(sub.map((s) => [s.name, s.parentId])).toEqual([
      ['Apollo', projects().id],
      ['Zephyr', projects().id],
    ]);
    expect(sitePageSchema.parse(await getJson(t, `${base}/Sites`)).results).toHaveLength(6);
    expect(siteSchema.parse(await getJson(t, sites[1]!._links!.self!.href))).toEqual(sites[1]);
  });

  it('gives lists and libraries, the folders and documents of a library, and list items with versions', async () => {
    const site = projects();
    const libraries = siteListPageSchema.parse(await getJson(t, site._links!.libraries!.href)).results;
    expect(libraries.map((l) => l.name)).toEqual(['Documents', 'Site Assets']);
    const lists = siteListPageSchema.parse(await getJson(t, site._links!.lists!.href)).results;
    expect(lists.map((l) => l.name)).toEqual(['Announcements', 'Tasks', 'Events']);
    const folders = fileFolderPageSchema.parse(await getJson(t, libraries[0]!._links!.folders!.href)).results;
    expect(folders.map((f) => f.name)).toEqual(['General', 'Policies', 'Templates']);
    const inPolicies = fileFolderPageSchema.parse(
      await getJson(t, folders[1]!._links!.folders!.href),
    ).results;
    expect(inPolicies.map((f) => f.name)).toEqual(['2025']);
    const docs = documentPageSchema.parse(
      await getJson(t, `${folders[0]!._links!.documents!.href}&limit=50`),
    ).results;
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.some((d) => d.isLatestVersion === false)).toBe(true);
    const items = siteItemPageSchema.parse(
      await getJson(t, `${lists[0]!._links!.items!.href}&limit=50`),
    ).results;
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]!.title.length).toBeGreaterThan(5);
    expect(await getJson(t, items[0]!._links!.self!.href)).toEqual(items[0]);
    await getJson(t, `${site._links!.self!.href}/Items?parentId=${libraries[0]!.id}`, 404);
    // v5 takes a list's id as the parent of Folders and Documents too; these lists hold items only.
    for (const kind of ['Folders', 'Documents']) {
      const page = await getJson(t, `${site._links!.self!.href}/${kind}?parentId=${lists[0]!.id}`);
      expect((page as { results: unknown[] }).results).toEqual([]);
    }
  });
});

describe('SharePoint actions', () => {
  it('restores a list in place, documents to another list and a site to another site, with counters and events', async () => {
    const site = projects();
    const lists = siteListPageSchema.parse(await getJson(t, site._links!.lists!.href)).results;
    const list = await t.post('support', `${site._links!.self!.href}/Lists/${lists[1]!.id}/Action`, {
      restoreTo: creds,
    });
    const stats = sharePointRestoreStatsSchema.parse(await list.json());
    expect(stats).toMatchObject({ restoredListsCount: 1 });
    expect(stats.totalItemsCount).toBeGreaterThan(0);
    const docs = documentPageSchema.parse(
      await getJson(t, `${site._links!.self!.href}/Documents?limit=2`),
    ).results;
    const moved = await t.post('support', `${site._links!.self!.href}/Documents/Action`, {
      restoreTo: { ...creds, list: 'Recovered files', documents: docs.map((d) => ({ id: d.id })) },
    });
    expect(sharePointRestoreStatsSchema.parse(await moved.json())).toMatchObject({ totalItemsCount: 2 });
    const whole = await t.post('support', `${site._links!.self!.href}/Action`, {
      restoreTo: { ...creds, alias: 'projects-restored', restoreSubsites: true },
    });
    expect(sharePointRestoreStatsSchema.parse(await whole.json())).toMatchObject({
      restoredWebsCount: 3,
      restoredListsCount: 5,
    });
    const events = restoreSessionEventPageSchema.parse(
      await getJson(t, `/v5/RestoreSessions/${session.id}/Events`),
    ).results;
    expect(events.at(-1)?.message).toMatch(
      /^Site Projects was restored to site https:\/\/contoso.sharepoint.com\/sites\/projects-restored \(total: \d+/,
    );
  });

  it('saves list items and documents, sends them, and refuses what does not fit', async () => {
    const site = projects();
    const items = siteItemPageSchema.parse(
      await getJson(t, `${site._links!.self!.href}/Items?limit=3`),
    ).results;
    const saved = await t.post('support', `${site._links!.self!.href}/Items/Action`, {
      save: { items: items.map((i) => ({ id: i.id })) },
    });
    expect(saved.headers.get('content-type')).toBe('application/zip');
    const sent = await t.post('support', `${site._links!.self!.href}/Items/${items[0]!.id}/Action`, {
      sendTo: { to: 'anna@contoso.com' },
    });
    expect(sent.status).toBe(200);
    const bad = [
      [
        `${site._links!.self!.href}/Action`,
        { save: null },
        400,
        /not an action of a site: use one of restoreTo/,
      ],
      [
        `${site._links!.self!.href}/Items/Action`,
        { restoreTo: { ...creds, alias: 'x', items: [{ id: items[0]!.id }] } },
        400,
        /alias \(another site\) is for a whole site/,
      ],
      [
        `${site._links!.self!.href}/Action`,
        { restoreTo: { ...creds, alias: 'no spaces please' } },
        400,
        /alias must be a site alias/,
      ],
      [
        `${site._links!.self!.href}/Documents/Action`,
        { save: { documents: [{ id: items[0]!.id }] } },
        404,
        /no document/,
      ],
      [`${base}/Sites/nope/Action`, { restoreTo: creds }, 404, /no site/],
    ] as const;
    for (const [path, body, status, pattern] of bad) {
      const res = await t.post('support', path, body);
      const { message } = errorSchema.parse(await res.json());
      expect(res.status, message).toBe(status);
      expect(message).toMatch(pattern);
    }
    expect(
      (await t.post('viewer', `${site._links!.self!.href}/Items/${items[0]!.id}/Action`, { save: null }))
        .status,
    ).toBe(403);
  });
});
