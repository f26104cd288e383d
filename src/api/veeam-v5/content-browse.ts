import type { z } from 'zod/mini';
import { ApiError } from '../api-error';
import type { HttpClient } from '../http';
import { path } from '../http';
import type { ReadOptions } from '../provider';
import type { ContentItem, ContentNode, ContentPage, SessionContent } from '../restore-content';
import {
  documentItem,
  exchangeItem,
  organizationNameParts,
  postItem,
  siteListItem,
  teamFileItem,
} from './content-map';
import type { Place } from './content-paths';
import { contentKindOf, folderItems, nodeIdOf, nodeKindOf, placeItems, placeOf } from './content-paths';
import {
  channelPageSchema,
  channelSchema,
  documentPageSchema,
  documentSchema,
  fileFolderPageSchema,
  fileFolderSchema,
  mailboxFolderPageSchema,
  mailboxFolderSchema,
  mailboxItemPageSchema,
  mailboxItemSchema,
  mailboxPageSchema,
  mailboxSchema,
  oneDrivePageSchema,
  oneDriveSchema,
  postPageSchema,
  postSchema,
  restoreOrganizationSchema,
  siteItemPageSchema,
  siteItemSchema,
  siteListPageSchema,
  siteListSchema,
  sitePageSchema,
  siteSchema,
  teamFilePageSchema,
  teamFileSchema,
  teamPageSchema,
  teamSchema,
} from './restore-wire';
import { PAGE_MAX_LIMIT } from './wire';
import { linkId } from './wire-common';

type Query = Record<string, string | number>;
type PagedSchema = z.ZodMiniType<{ results: unknown[]; limit: number }>;

/**
 * Reading inside a Veeam restore session (`/RestoreSessions/{rid}/Organization/…`): the tree, the
 * items of a place page by page, and single items. Tree levels are read whole (page after page);
 * items one page at a time, as the list scrolls.
 */
export function veeamContentReader(http: HttpClient) {
  const get = <S extends z.ZodMiniType>(p: string, schema: S, o?: ReadOptions, query?: Query) =>
    http.request({ method: 'GET', path: p, signal: o?.signal, query }, schema);

  /** Every page of a list (tree levels are small; v5 has no totals, so until a short page). */
  async function all<S extends PagedSchema>(p: string, schema: S, o?: ReadOptions, query: Query = {}) {
    const out: z.output<S>['results'] = [];
    for (let offset = 0; ; offset += PAGE_MAX_LIMIT) {
      const page = await get(p, schema, o, { ...query, offset, limit: PAGE_MAX_LIMIT });
      out.push(...page.results);
      if (page.results.length < page.limit) return out;
    }
  }

  const notFound = (cid: string, nodeId: string) =>
    new ApiError({
      kind: 'http',
      status: 404,
      code: 'not-found',
      message: `There is no place "${nodeId}" in this restore session.`,
      connectionId: cid,
    });
  const placeOrThrow = (nodeId: string): Place => {
    const p = placeOf(nodeId);
    if (!p) throw notFound(http.connectionId, nodeId);
    return p;
  };

  const node = (place: Place, name: string, detail: string | null, extra: Partial<ContentNode> = {}) =>
    ({
      id: nodeIdOf(place),
      name,
      kind: nodeKindOf(place),
      detail,
      expandable: true,
      items: placeItems(place),
      parentId: null,
      ...extra,
    }) satisfies ContentNode;

  const root = (rid: string) => path`/restoresessions/${rid}/organization`;

  /** The places under `parentId` (the roots for null), each naming it as its parent. */
  async function children(rid: string, parentId: string | null, o?: ReadOptions): Promise<ContentNode[]> {
    return (await listChildren(rid, parentId, o)).map((n) => ({ ...n, parentId }));
  }

  async function listChildren(rid: string, parentId: string | null, o?: ReadOptions): Promise<ContentNode[]> {
    const r = root(rid);
    if (parentId === null) {
      const org = await get(r, restoreOrganizationSchema, o);
      switch (contentKindOf(org.type ?? '')) {
        case 'exchange':
          return (await all(`${r}/mailboxes`, mailboxPageSchema, o)).map((m) =>
            node({ kind: 'mailbox', mailbox: m.id }, m.name, m.email),
          );
        case 'onedrive':
          return (await all(`${r}/onedrives`, oneDrivePageSchema, o)).map((d) =>
            node({ kind: 'onedrive', onedrive: d.id }, d.name, d.url ?? null),
          );
        case 'sharepoint':
          return (await all(`${r}/sites`, sitePageSchema, o, { parentId: 'null' })).map((s) =>
            node({ kind: 'site', site: s.id }, s.name, s.url),
          );
        case 'teams':
          return (await all(`${r}/teams`, teamPageSchema, o)).map((t) =>
            node({ kind: 'team', team: t.id }, t.displayName, t.groupEmail ?? null),
          );
      }
    }
    const p = placeOrThrow(parentId);
    switch (p.kind) {
      case 'mailbox':
      case 'mail-folder': {
        const parent = p.kind === 'mailbox' ? 'null' : p.folder;
        const list = await all(path`${r}/mailboxes/${p.mailbox}/folders`, mailboxFolderPageSchema, o, {
          parentId: parent,
        });
        return list.map((f) =>
          node({ kind: 'mail-folder', mailbox: p.mailbox, folder: f.id }, f.name, null, {
            items: folderItems(f.type),
          }),
        );
      }
      case 'onedrive':
      case 'onedrive-folder': {
        const parent = p.kind === 'onedrive' ? 'null' : p.folder;
        const list = await all(path`${r}/onedrives/${p.onedrive}/folders`, fileFolderPageSchema, o, {
          parentId: parent,
        });
        return list.map((f) =>
          node({ kind: 'onedrive-folder', onedrive: p.onedrive, folder: f.id }, f.name, null),
        );
      }
      case 'site': {
        const [subsites, lists, libraries] = await Promise.all([
          all(`${r}/sites`, sitePageSchema, o, { parentId: p.site }),
          all(path`${r}/sites/${p.site}/lists`, siteListPageSchema, o),
          all(path`${r}/sites/${p.site}/libraries`, siteListPageSchema, o),
        ]);
        return [
          ...libraries.map((l) =>
            node({ kind: 'library', site: p.site, list: l.id }, l.name, l.description ?? null),
          ),
          ...lists.map((l) =>
            node({ kind: 'list', site: p.site, list: l.id }, l.name, l.description ?? null),
          ),
          ...subsites.map((s) => node({ kind: 'site', site: s.id }, s.name, s.url)),
        ];
      }
      case 'list':
      case 'library':
      case 'list-folder':
      case 'library-folder': {
        const parent = 'list' in p ? p.list : p.folder;
        const kind = p.kind.startsWith('list') ? 'list-folder' : 'library-folder';
        const list = await all(path`${r}/sites/${p.site}/folders`, fileFolderPageSchema, o, {
          parentId: parent,
        });
        return list.map((f) => node({ kind, site: p.site, folder: f.id }, f.name, null));
      }
      case 'team':
        return (await all(path`${r}/teams/${p.team}/channels`, channelPageSchema, o)).map((c) =>
          node({ kind: 'channel', team: p.team, channel: c.id }, c.displayName, c.description ?? null),
        );
      case 'channel':
        return [
          node({ kind: 'posts', team: p.team, channel: p.channel }, 'Posts', null, { expandable: false }),
          node({ kind: 'files', team: p.team, channel: p.channel, folder: null }, 'Files', null),
        ];
      case 'posts':
        return [];
      case 'files': {
        const list = await all(path`${r}/teams/${p.team}/files`, teamFilePageSchema, o, {
          channelId: p.channel,
          parentId: p.folder ?? 'null',
        });
        return list
          .filter((f) => f.isFolder)
          .map((f) => node({ kind: 'files', team: p.team, channel: p.channel, folder: f.id }, f.name, null));
      }
    }
  }

  /**
   * The list or library whose top folders hold `folder`: a top folder's answer names no parent, so
   * each of the site's lists (or libraries) is asked for its top folders until one has it.
   */
  async function listHolding(
    r: string,
    site: string,
    kind: 'list' | 'library',
    folder: string,
    o?: ReadOptions,
  ): Promise<Place | null> {
    const lists = await all(
      path`${r}/sites/${site}/${kind === 'list' ? 'lists' : 'libraries'}`,
      siteListPageSchema,
      o,
    );
    for (const l of lists) {
      const top = await all(path`${r}/sites/${site}/folders`, fileFolderPageSchema, o, { parentId: l.id });
      if (top.some((f) => f.id === folder)) return { kind, site, list: l.id };
    }
    return null;
  }

  /** One place, read again from its id (a deep link), with the place above it. */
  async function one(rid: string, nodeId: string, o?: ReadOptions): Promise<ContentNode> {
    const r = root(rid);
    const p = placeOrThrow(nodeId);
    switch (p.kind) {
      case 'mailbox': {
        const m = await get(path`${r}/mailboxes/${p.mailbox}`, mailboxSchema, o);
        return node(p, m.name, m.email);
      }
      case 'mail-folder': {
        const f = await get(path`${r}/mailboxes/${p.mailbox}/folders/${p.folder}`, mailboxFolderSchema, o);
        const up = linkId(f._links, 'parent');
        const parent: Place = up
          ? { kind: 'mail-folder', mailbox: p.mailbox, folder: up }
          : { kind: 'mailbox', mailbox: p.mailbox };
        return node(p, f.name, null, { items: folderItems(f.type), parentId: nodeIdOf(parent) });
      }
      case 'onedrive': {
        const d = await get(path`${r}/onedrives/${p.onedrive}`, oneDriveSchema, o);
        return node(p, d.name, d.url ?? null);
      }
      case 'onedrive-folder': {
        const f = await get(path`${r}/onedrives/${p.onedrive}/folders/${p.folder}`, fileFolderSchema, o);
        const up = linkId(f._links, 'parent');
        const parent: Place = up
          ? { kind: 'onedrive-folder', onedrive: p.onedrive, folder: up }
          : { kind: 'onedrive', onedrive: p.onedrive };
        return node(p, f.name, null, { parentId: nodeIdOf(parent) });
      }
      case 'site': {
        const s = await get(path`${r}/sites/${p.site}`, siteSchema, o);
        const up = s.parentId ?? linkId(s._links, 'parent');
        return node(p, s.name, s.url, { parentId: up ? nodeIdOf({ kind: 'site', site: up }) : null });
      }
      case 'list':
      case 'library': {
        const l = await get(
          path`${r}/sites/${p.site}/${p.kind === 'list' ? 'lists' : 'libraries'}/${p.list}`,
          siteListSchema,
          o,
        );
        return node(p, l.name, l.description ?? null, {
          parentId: nodeIdOf({ kind: 'site', site: p.site }),
        });
      }
      case 'list-folder':
      case 'library-folder': {
        const f = await get(path`${r}/sites/${p.site}/folders/${p.folder}`, fileFolderSchema, o);
        const up = linkId(f._links, 'parent');
        const parent: Place | null = up
          ? { kind: p.kind, site: p.site, folder: up }
          : await listHolding(r, p.site, p.kind === 'list-folder' ? 'list' : 'library', f.id, o);
        return node(p, f.name, null, { parentId: parent && nodeIdOf(parent) });
      }
      case 'team': {
        const t = await get(path`${r}/teams/${p.team}`, teamSchema, o);
        return node(p, t.displayName, t.groupEmail ?? null);
      }
      case 'channel':
      case 'posts': {
        const c = await get(path`${r}/teams/${p.team}/channels/${p.channel}`, channelSchema, o);
        const parentId = nodeIdOf(
          p.kind === 'channel'
            ? { kind: 'team', team: p.team }
            : { kind: 'channel', team: p.team, channel: p.channel },
        );
        return p.kind === 'channel'
          ? node(p, c.displayName, c.description ?? null, { parentId })
          : node(p, `Posts · ${c.displayName}`, null, { expandable: false, parentId });
      }
      case 'files': {
        if (!p.folder) {
          const c = await get(path`${r}/teams/${p.team}/channels/${p.channel}`, channelSchema, o);
          return node(p, `Files · ${c.displayName}`, null, {
            parentId: nodeIdOf({ kind: 'channel', team: p.team, channel: p.channel }),
          });
        }
        const f = await get(path`${r}/teams/${p.team}/files/${p.folder}`, teamFileSchema, o);
        const up = linkId(f._links, 'parent');
        return node(p, f.name, null, {
          parentId: nodeIdOf({ kind: 'files', team: p.team, channel: p.channel, folder: up }),
        });
      }
    }
  }

  async function items(
    rid: string,
    nodeId: string,
    page: { offset: number; limit: number },
    o?: ReadOptions,
  ): Promise<ContentPage> {
    const r = root(rid);
    const p = placeOrThrow(nodeId);
    const q = { offset: page.offset, limit: page.limit };
    const read = async <T>(
      answer: Promise<{ results: T[]; limit: number; offset: number }>,
      map: (x: T) => ContentItem,
    ) => {
      const a = await answer;
      return {
        items: a.results.map(map),
        next: a.results.length < a.limit ? null : a.offset + a.results.length,
      };
    };
    switch (p.kind) {
      case 'mail-folder':
        return read(
          get(path`${r}/mailboxes/${p.mailbox}/items`, mailboxItemPageSchema, o, {
            ...q,
            folderId: p.folder,
          }),
          exchangeItem,
        );
      case 'onedrive':
      case 'onedrive-folder':
        return read(
          get(path`${r}/onedrives/${p.onedrive}/documents`, documentPageSchema, o, {
            ...q,
            parentId: p.kind === 'onedrive' ? 'null' : p.folder,
          }),
          documentItem,
        );
      case 'library':
      case 'library-folder':
        return read(
          get(path`${r}/sites/${p.site}/documents`, documentPageSchema, o, {
            ...q,
            parentId: 'list' in p ? p.list : p.folder,
          }),
          documentItem,
        );
      case 'list':
      case 'list-folder':
        return read(
          get(path`${r}/sites/${p.site}/items`, siteItemPageSchema, o, {
            ...q,
            parentId: 'list' in p ? p.list : p.folder,
          }),
          siteListItem,
        );
      case 'posts':
        return read(
          get(path`${r}/teams/${p.team}/posts`, postPageSchema, o, { ...q, channelId: p.channel }),
          postItem,
        );
      case 'files':
        return read(
          get(path`${r}/teams/${p.team}/files`, teamFilePageSchema, o, {
            ...q,
            channelId: p.channel,
            parentId: p.folder ?? 'null',
          }),
          teamFileItem,
        );
      default:
        return { items: [], next: null };
    }
  }

  async function item(rid: string, nodeId: string, itemId: string, o?: ReadOptions): Promise<ContentItem> {
    const r = root(rid);
    const p = placeOrThrow(nodeId);
    switch (p.kind) {
      case 'mail-folder':
        return exchangeItem(
          await get(path`${r}/mailboxes/${p.mailbox}/items/${itemId}`, mailboxItemSchema, o),
        );
      case 'onedrive':
      case 'onedrive-folder':
        return documentItem(
          await get(path`${r}/onedrives/${p.onedrive}/documents/${itemId}`, documentSchema, o),
        );
      case 'library':
      case 'library-folder':
        return documentItem(await get(path`${r}/sites/${p.site}/documents/${itemId}`, documentSchema, o));
      case 'list':
      case 'list-folder':
        return siteListItem(await get(path`${r}/sites/${p.site}/items/${itemId}`, siteItemSchema, o));
      case 'posts':
        return postItem(await get(path`${r}/teams/${p.team}/posts/${itemId}`, postSchema, o));
      case 'files':
        return teamFileItem(await get(path`${r}/teams/${p.team}/files/${itemId}`, teamFileSchema, o));
      default:
        throw notFound(http.connectionId, `${nodeId} → ${itemId}`);
    }
  }

  async function summary(rid: string, sessionType: string, o?: ReadOptions): Promise<SessionContent> {
    const org = await get(root(rid), restoreOrganizationSchema, o);
    const { tenant, pointInTime } = organizationNameParts(org.name);
    return { kind: contentKindOf(org.type ?? sessionType), organizationName: tenant, pointInTime };
  }

  return { children, one, items, item, summary };
}
