import type { OneDrive, Site, SiteItem, SiteList } from '../../../src/api/veeam-v5/restore-wire';
import type { Ref, Sequence, Timeline, View } from './core';
import { DAY, KIND, concatSequences, iso, mapSequence, pick, rowsOf } from './core';
import type { OrgContent, Person } from './org';
import type { FolderDef } from './trees';
import { FileTree } from './trees';
import { POST_OPENERS, TASKS, TOPICS } from './words';

/** OneDrive for Business (each licensed user's drive) and SharePoint (sites, lists, libraries). */

const DRIVE_FOLDERS: readonly FolderDef[] = [
  { name: 'Projects', parent: null },
  { name: 'Finance', parent: null },
  { name: 'Presentations', parent: null },
  { name: 'Photos', parent: null },
  { name: 'Roadmap 2026', parent: 0 },
  { name: 'Customer proposals', parent: 0 },
  { name: 'Invoices', parent: 1 },
  { name: 'Budgets', parent: 1 },
];

export interface DriveRef {
  a: number;
  user: Person;
}

export function oneDrives(o: OrgContent): DriveRef[] {
  return o.org.is_sharepoint ? o.people.map((user, a) => ({ a, user })) : [];
}

/** A user's OneDrive: the first user's is the biggest (6% of the biggest mailbox's size in documents). */
export function driveTree(o: OrgContent, base: string, d: DriveRef): FileTree {
  const share = d.a === 0 ? 0.06 : o.share(0.01, 0.04, KIND.oneDrive, d.a);
  return new FileTree(
    o,
    { folder: KIND.driveFolder, document: KIND.driveDocument },
    d.a,
    0,
    DRIVE_FOLDERS,
    {
      root: o.big * share * 0.3,
      folder: (f) => o.big * share * o.share(0.05, 0.2, KIND.driveFolder, d.a, f),
    },
    `${base}/OneDrives/${o.id(KIND.oneDrive, d.a)}`,
  );
}

const personalUrl = (o: OrgContent, p: Person) =>
  `https://${o.tenant}-my.sharepoint.com/personal/${p.email.replace(/[@.]/g, '_')}`;

export function presentOneDrive(o: OrgContent, base: string, d: DriveRef): OneDrive {
  const id = o.id(KIND.oneDrive, d.a);
  const self = `${base}/OneDrives/${id}`;
  return {
    id,
    name: d.user.name,
    url: personalUrl(o, d.user),
    _links: {
      self: { href: self },
      folders: { href: `${self}/Folders?parentId=null` },
      documents: { href: `${self}/Documents?parentId=null` },
    },
  };
}

// ── SharePoint ────────────────────────────────────────────────────────────────────────────────────

interface SiteDef {
  name: string;
  path: string;
  parent: number | null;
}
const SITES: readonly SiteDef[] = [
  { name: 'Communication site', path: '', parent: null },
  { name: 'Finance', path: '/sites/finance', parent: null },
  { name: 'HR', path: '/sites/hr', parent: null },
  { name: 'Projects', path: '/sites/projects', parent: null },
  { name: 'Apollo', path: '/sites/projects/apollo', parent: 3 },
  { name: 'Zephyr', path: '/sites/projects/zephyr', parent: 3 },
];

interface ListDef {
  name: string;
  type: 'Library' | 'List';
  description: string;
}
export const SITE_LISTS: readonly ListDef[] = [
  { name: 'Documents', type: 'Library', description: 'Shared Documents' },
  { name: 'Site Assets', type: 'Library', description: 'Images and files used by the site' },
  { name: 'Announcements', type: 'List', description: 'News for everyone on the site' },
  { name: 'Tasks', type: 'List', description: 'Work the team tracks' },
  { name: 'Events', type: 'List', description: 'Meetings and deadlines' },
];
const LIBRARY_FOLDERS: readonly (readonly FolderDef[])[] = [
  [
    { name: 'General', parent: null },
    { name: 'Policies', parent: null },
    { name: 'Templates', parent: null },
    { name: '2025', parent: 1 },
  ],
  [{ name: 'SitePages', parent: null }],
];

export function sites(o: OrgContent): number[] {
  return o.org.is_sharepoint ? SITES.map((_, s) => s) : [];
}

export function childSites(o: OrgContent, parent: number | null | undefined): number[] {
  return sites(o).filter((s) => parent === undefined || SITES[s]!.parent === parent);
}

export const siteName = (s: number): string => SITES[s]!.name;

export function siteUrl(o: OrgContent, s: number): string {
  return `https://${o.tenant}.sharepoint.com${SITES[s]!.path}`;
}

export function presentSite(o: OrgContent, base: string, s: number): Site {
  const id = o.id(KIND.site, s);
  const self = `${base}/Sites/${id}`;
  const parent = SITES[s]!.parent;
  return {
    id,
    name: SITES[s]!.name,
    url: siteUrl(o, s),
    parentId: parent === null ? null : o.id(KIND.site, parent),
    _links: {
      self: { href: self },
      sites: { href: `${base}/Sites?parentId=${id}` },
      lists: { href: `${self}/Lists` },
      libraries: { href: `${self}/Libraries` },
      ...(parent !== null ? { parent: { href: `${base}/Sites/${o.id(KIND.site, parent)}` } } : {}),
    },
  };
}

export const listsOfType = (type: 'Library' | 'List'): number[] =>
  SITE_LISTS.map((_, l) => l).filter((l) => SITE_LISTS[l]!.type === type);

export function presentSiteList(o: OrgContent, base: string, s: number, l: number): SiteList {
  const def = SITE_LISTS[l]!;
  const site = `${base}/Sites/${o.id(KIND.site, s)}`;
  const id = o.id(KIND.list, s, l);
  const self = `${site}/${def.type === 'Library' ? 'Libraries' : 'Lists'}/${id}`;
  return {
    id,
    name: def.name,
    description: def.description,
    creationTime: iso(o.anchor - (720 - s * 20 - l) * DAY),
    type: def.type,
    _links: {
      self: { href: self },
      site: { href: site },
      ...(def.type === 'Library'
        ? {
            folders: { href: `${site}/Folders?parentId=${id}` },
            documents: { href: `${site}/Documents?parentId=${id}` },
          }
        : { items: { href: `${site}/Items?parentId=${id}` } }),
    },
  };
}

/** The size of a site as a share of the biggest mailbox: the root site and Projects are the busiest. */
const siteShare = (o: OrgContent, s: number) =>
  s === 0 || s === 3 ? 0.15 : o.share(0.02, 0.08, KIND.site, s);

export function libraryTree(o: OrgContent, base: string, s: number, l: number): FileTree {
  const share = siteShare(o, s) * (l === 0 ? 1 : 0.1);
  return new FileTree(
    o,
    { folder: KIND.siteFolder, document: KIND.siteDocument },
    s,
    l,
    LIBRARY_FOLDERS[l] ?? [],
    { root: o.big * share * 0.2, folder: (f) => o.big * share * o.share(0.1, 0.3, KIND.siteFolder, s, l, f) },
    `${base}/Sites/${o.id(KIND.site, s)}`,
  );
}

export function listTimeline(o: OrgContent, s: number, l: number): Timeline {
  return o.timeline(KIND.siteItem, s, l, 0, o.big * siteShare(o, s) * 0.05, true);
}

export interface ListRow extends Ref {
  l: number;
}

export function listRows(o: OrgContent, s: number, lists: number[], view: View): Sequence<ListRow> {
  return concatSequences(
    lists.map((l) => mapSequence(rowsOf(listTimeline(o, s, l), view), (r) => ({ ...r, l }))),
  );
}

export function siteItemOf(o: OrgContent, s: number, id: string, view: View): ListRow | null {
  const x = o.decode(id, KIND.siteItem);
  if (!x || x.a !== s || SITE_LISTS[x.b]?.type !== 'List') return null;
  return listTimeline(o, s, x.b).shows(x.i, x.v, view) ? { l: x.b, i: x.i, v: x.v } : null;
}

export function presentSiteItem(o: OrgContent, base: string, s: number, r: ListRow, view: View): SiteItem {
  const t = listTimeline(o, s, r.l);
  const key = t.key;
  const list = SITE_LISTS[r.l]!.name;
  const topic = pick(TOPICS, key, r.i, 1);
  const title =
    list === 'Announcements'
      ? `${pick(POST_OPENERS, key, r.i, 2)} ${topic}`
      : list === 'Tasks'
        ? `${pick(TASKS, key, r.i, 3)} ${o.outsider(key, r.i).company}`
        : `${topic[0]!.toUpperCase()}${topic.slice(1)} (${iso(t.created(r.i)).slice(0, 10)})`;
  const id = o.id(KIND.siteItem, s, r.l, 0, r.i, r.v);
  const deleted = t.deletedAt(r.i);
  const isDeleted = deleted !== null && deleted <= view.pit;
  const site = `${base}/Sites/${o.id(KIND.site, s)}`;
  return {
    id,
    title,
    name: `${r.i + 1}_.000`,
    version: `${r.v}.0`,
    isLatestVersion: r.v === t.versionAt(r.i, view.pit),
    createdBy: o.person(key, r.i, 4).name,
    creationTime: iso(t.created(r.i)),
    modifiedBy: o.person(key, r.i, r.v, 5).name,
    modificationTime: iso(t.versionTime(r.i, r.v)),
    isDeleted,
    ...(isDeleted ? { deletionTime: iso(deleted) } : {}),
    _links: {
      self: { href: `${site}/Items/${id}` },
      parent: { href: `${site}/Lists/${o.id(KIND.list, s, r.l)}` },
    },
  };
}
