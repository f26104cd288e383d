import type { Context, Hono } from 'hono';
import { sharePointActionSchemas } from '../../src/api/veeam-v5/restore-wire';
import type { ServiceContext } from '../context';
import type { Sequence } from './content/core';
import { KIND, ROOT, arraySequence, concatSequences } from './content/core';
import type { ListRow } from './content/drives';
import {
  SITE_LISTS,
  childSites,
  libraryTree,
  listRows,
  listTimeline,
  listsOfType,
  presentSite,
  presentSiteItem,
  presentSiteList,
  siteItemOf,
  siteName,
  siteUrl,
  sites,
} from './content/drives';
import type { DocRow, FileTree } from './content/trees';
import type { Scope } from './explore-http';
import { browse, notHere, pageOf, param, parentParam } from './explore-http';
import type { Entry, Selection } from './file-actions';
import { fileRestoreCounts, runRestore, runSave, runSend } from './file-actions';
import { veeamError } from './http';
import { actionRoute } from './restore-run';
import { treeEntries, treeSelection } from './routes-onedrive';

/** SharePoint inside a restore session: sites, lists and libraries, folders, documents, list items. */

const NAMES = { restoreto: 'restoreTo', sendto: 'sendTo', save: 'save' };

function siteOf(s: Scope, id: string): number | null {
  if (s.empty) return null;
  const x = s.content.decode(id, KIND.site);
  return x && sites(s.content).includes(x.a) ? x.a : null;
}

const libraries = listsOfType('Library');
const lists = listsOfType('List');

/** A list or library id of this site (of the wanted type), or null. */
function listOf(s: Scope, site: number, id: string, type?: 'Library' | 'List'): number | null {
  const x = s.content.decode(id, KIND.list);
  if (!x || x.a !== site || !SITE_LISTS[x.b] || (type && SITE_LISTS[x.b]!.type !== type)) return null;
  return x.b;
}

/** A folder id of one of the site's libraries: its tree and number. */
function folderOf(s: Scope, site: number, id: string): { tree: FileTree; f: number } | null {
  const x = s.content.decode(id, KIND.siteFolder);
  if (!x || x.a !== site || !libraries.includes(x.b)) return null;
  const tree = libraryTree(s.content, s.base, site, x.b);
  const f = tree.folderOf(id);
  return f === null ? null : { tree, f };
}

function docOf(s: Scope, site: number, id: string): { tree: FileTree; r: DocRow } | null {
  const x = s.content.decode(id, KIND.siteDocument);
  if (!x || x.a !== site || !libraries.includes(x.b)) return null;
  const tree = libraryTree(s.content, s.base, site, x.b);
  const r = tree.docOf(id, s.view);
  return r ? { tree, r } : null;
}

type Parent = { library: number } | { list: number } | { tree: FileTree; f: number } | null | undefined;

/**
 * parentId of Folders and Documents: a list, a library, a folder, null (every library's root) or none
 * (all). v5 takes a list's id there too; the seeded lists hold items only, so theirs are empty.
 */
function parentOf(s: Scope, c: Context, site: number): Parent | Response {
  return parentParam(
    c,
    'parentId',
    (id) => {
      const library = listOf(s, site, id, 'Library');
      if (library !== null) return { library };
      const list = listOf(s, site, id, 'List');
      return list !== null ? { list } : folderOf(s, site, id);
    },
    'list, library or folder',
  );
}

function listEntries(s: Scope, site: number, rows: Sequence<ListRow>): Entry[] {
  const out: Entry[] = [];
  for (let n = 0; n < rows.length; n++) {
    const r = rows.at(n);
    const item = presentSiteItem(s.content, s.base, site, r, s.view);
    const text = `${item.title}\r\nVersion ${item.version}, changed by ${item.modifiedBy} on ${item.modificationTime}\r\n`;
    out.push({
      path: `${SITE_LISTS[r.l]!.name}/${item.title.replace(/[\\/:*?"<>|]+/g, ' ')}.txt`,
      name: `${item.title}.txt`,
      sizeBytes: 1_500 + (r.i % 3_000),
      modified: Date.parse(item.modificationTime!),
      key: listTimeline(s.content, site, r.l).key,
      i: r.i,
      isDeleted: item.isDeleted ?? false,
      data: () => Buffer.from(text, 'utf8'),
    });
  }
  return out;
}

export function sharePointRoutes(app: Hono, ctx: ServiceContext): void {
  const root = '/v5/restoresessions/:id/organization';
  browse(app, ctx, 'Vesp', `${root}/sites`, (s, c) => {
    const parent = parentParam(c, 'parentId', (id) => siteOf(s, id), 'site');
    if (parent instanceof Response) return parent;
    const found = s.empty ? [] : childSites(s.content, parent);
    return pageOf(c, arraySequence(found), (n) => presentSite(s.content, s.base, n));
  });
  const withSite = (path: string, answer: (s: Scope, site: number, c: Context) => Response) =>
    browse(app, ctx, 'Vesp', `${root}/sites/:sid${path}`, (s, c) => {
      const site = siteOf(s, param(c, 'sid'));
      return site === null ? notHere(c, 'site', param(c, 'sid')) : answer(s, site, c);
    });
  withSite('', (s, site, c) => c.json(presentSite(s.content, s.base, site)));
  for (const [segment, type] of [
    ['lists', 'List'],
    ['libraries', 'Library'],
  ] as const) {
    withSite(`/${segment}`, (s, site, c) =>
      pageOf(c, arraySequence(listsOfType(type)), (l) => presentSiteList(s.content, s.base, site, l)),
    );
    withSite(`/${segment}/:lid`, (s, site, c) => {
      const l = listOf(s, site, param(c, 'lid'), type);
      return l === null
        ? notHere(c, type.toLowerCase(), param(c, 'lid'))
        : c.json(presentSiteList(s.content, s.base, site, l));
    });
  }
  withSite('/folders', (s, site, c) => {
    const parent = parentOf(s, c, site);
    if (parent instanceof Response) return parent;
    const trees = libraries.map((l) => libraryTree(s.content, s.base, site, l));
    const rows =
      parent === undefined || parent === null
        ? trees.flatMap((tree) => tree.childFolders(parent).map((f) => ({ tree, f })))
        : 'list' in parent
          ? []
          : 'library' in parent
            ? trees[libraries.indexOf(parent.library)]!.childFolders(null).map((f) => ({
                tree: trees[libraries.indexOf(parent.library)]!,
                f,
              }))
            : parent.tree.childFolders(parent.f).map((f) => ({ tree: parent.tree, f }));
    return pageOf(c, arraySequence(rows), (x) => x.tree.presentFolder(x.f));
  });
  withSite('/folders/:fid', (s, site, c) => {
    const x = folderOf(s, site, param(c, 'fid'));
    return x ? c.json(x.tree.presentFolder(x.f)) : notHere(c, 'folder', param(c, 'fid'));
  });
  withSite('/documents', (s, site, c) => {
    const parent = parentOf(s, c, site);
    if (parent instanceof Response) return parent;
    const trees = libraries.map((l) => libraryTree(s.content, s.base, site, l));
    const parts =
      parent === undefined
        ? trees.map((tree) => ({ tree, rows: tree.allDocs(s.view) }))
        : parent === null
          ? trees.map((tree) => ({ tree, rows: tree.docs(ROOT, s.view) }))
          : 'list' in parent
            ? []
            : 'library' in parent
              ? [
                  {
                    tree: trees[libraries.indexOf(parent.library)]!,
                    rows: trees[libraries.indexOf(parent.library)]!.docs(ROOT, s.view),
                  },
                ]
              : [{ tree: parent.tree, rows: parent.tree.docs(parent.f, s.view) }];
    const seq = concatSequences(
      parts.map((p) => ({ length: p.rows.length, at: (n: number) => ({ tree: p.tree, r: p.rows.at(n) }) })),
    );
    return pageOf(c, seq, (x) => x.tree.presentDocument(x.r, s.view));
  });
  withSite('/documents/:did', (s, site, c) => {
    const x = docOf(s, site, param(c, 'did'));
    return x ? c.json(x.tree.presentDocument(x.r, s.view)) : notHere(c, 'document', param(c, 'did'));
  });
  withSite('/items', (s, site, c) => {
    const parent = parentParam(c, 'parentId', (id) => listOf(s, site, id, 'List'), 'list');
    if (parent instanceof Response) return parent;
    const rows = listRows(
      s.content,
      site,
      parent === undefined || parent === null ? lists : [parent],
      s.view,
    );
    return pageOf(c, rows, (r) => presentSiteItem(s.content, s.base, site, r, s.view));
  });
  withSite('/items/:iid', (s, site, c) => {
    const r = siteItemOf(s.content, site, param(c, 'iid'), s.view);
    return r
      ? c.json(presentSiteItem(s.content, s.base, site, r, s.view))
      : notHere(c, 'item', param(c, 'iid'));
  });

  const site = `${root}/sites/:sid`;
  const paths = [
    [`${site}/action`, 'site', 'a site'],
    [`${site}/lists/:lid/action`, 'list', 'a list'],
    [`${site}/libraries/:lid/action`, 'library', 'a library'],
    [`${site}/items/action`, 'items', 'list items'],
    [`${site}/items/:iid/action`, 'item', 'a list item'],
    [`${site}/documents/action`, 'documents', 'documents'],
    [`${site}/documents/:did/action`, 'document', 'a document'],
    [`${site}/folders/action`, 'folders', 'folders'],
    [`${site}/folders/:fid/action`, 'folder', 'a folder'],
  ] as const;
  for (const [path, scope, what] of paths) {
    const restoreOnly = scope === 'site' || scope === 'list' || scope === 'library';
    const schemas = restoreOnly ? { restoreto: sharePointActionSchemas.restoreto } : sharePointActionSchemas;
    actionRoute(
      app,
      ctx,
      'Vesp',
      path,
      what,
      schemas,
      restoreOnly ? { restoreto: 'restoreTo' } : NAMES,
      (s, c, action) => {
        const n = siteOf(s, param(c, 'sid'));
        if (n === null) return notHere(c, 'site', param(c, 'sid'));
        const sel = select(s, c, n, scope, action.options);
        if (sel instanceof Response) return sel;
        if (action.name === 'save') return runSave(s, c, sel, action, `${siteName(n)} site.zip`);
        if (action.name === 'sendto') return runSend(s, c, sel, action);
        const o = action.options as {
          list?: string;
          alias?: string;
          restoreSubsites?: boolean;
          changedItems?: boolean;
          deletedItems?: boolean;
        };
        if (o.alias !== undefined && scope !== 'site')
          return veeamError(
            c,
            400,
            'restoreTo: alias (another site) is for a whole site, POST …/Sites/{id}/Action.',
          );
        if (o.alias !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/i.test(o.alias)) {
          return veeamError(
            c,
            400,
            `restoreTo: alias must be a site alias such as "finance-restored" (letters, digits and dashes), not "${o.alias}".`,
          );
        }
        const elsewhere =
          o.alias !== undefined ||
          (o.list !== undefined && !SITE_LISTS.some((l) => l.name.toLowerCase() === o.list!.toLowerCase()));
        const place = o.alias
          ? `site https://${s.content.tenant}.sharepoint.com/sites/${o.alias.toLowerCase()}`
          : o.list
            ? `list ${o.list} of ${siteUrl(s.content, n)}`
            : 'the original location';
        const listsTouched =
          scope === 'site' ? SITE_LISTS.length : scope === 'list' || scope === 'library' ? 1 : 0;
        return runRestore(s, c, sel, place, () => ({
          ...fileRestoreCounts(sel, o, elsewhere),
          restoredWebsCount:
            scope === 'site' ? 1 + (o.restoreSubsites ? childSites(s.content, n).length : 0) : 0,
          failedWebsCount: 0,
          restoredListsCount: listsTouched,
          failedListsCount: 0,
        }));
      },
    );
  }
}

function select(s: Scope, c: Context, site: number, scope: string, options: unknown): Selection | Response {
  const o = (options ?? {}) as {
    items?: { id: string }[];
    documents?: { id: string }[];
    folders?: { id: string }[];
  };
  const where = `site ${siteName(site)}`;
  if (o.items && scope !== 'items') return veeamError(c, 400, 'items is for POST …/Sites/{id}/Items/Action.');
  if (scope === 'site') {
    const entries = [
      ...libraries.flatMap((l) => {
        const tree = libraryTree(s.content, s.base, site, l);
        return treeEntries(tree, tree.allDocs(s.view), s);
      }),
      ...listEntries(s, site, listRows(s.content, site, lists, s.view)),
    ];
    return { entries, what: where };
  }
  if (scope === 'list' || scope === 'library') {
    const l = listOf(s, site, param(c, 'lid'), scope === 'list' ? 'List' : 'Library');
    if (l === null) return notHere(c, scope, param(c, 'lid'));
    const what = `${scope} ${SITE_LISTS[l]!.name} of ${where}`;
    if (scope === 'list')
      return { entries: listEntries(s, site, listRows(s.content, site, [l], s.view)), what };
    const tree = libraryTree(s.content, s.base, site, l);
    return { entries: treeEntries(tree, tree.allDocs(s.view), s), what };
  }
  if (scope === 'items' || scope === 'item') {
    const ids = scope === 'item' ? [param(c, 'iid')] : (o.items ?? []).map((x) => x.id);
    if (ids.length === 0) return veeamError(c, 400, 'items: list the items to work on, as [{"id": "…"}].');
    const rows: ListRow[] = [];
    for (const id of new Set(ids.map((x) => x.toLowerCase()))) {
      const r = siteItemOf(s.content, site, id, s.view);
      if (!r) return notHere(c, 'item', id);
      rows.push(r);
    }
    return {
      entries: listEntries(s, site, arraySequence(rows)),
      what: `${rows.length === 1 ? '1 list item' : `${rows.length} list items`} of ${where}`,
    };
  }
  // Documents and folders: one library's tree, found from the first id.
  const first =
    scope === 'document'
      ? param(c, 'did')
      : scope === 'folder'
        ? param(c, 'fid')
        : (scope === 'documents' ? o.documents : o.folders)?.[0]?.id;
  if (!first) return veeamError(c, 400, `${scope}: list the ${scope} to work on, as [{"id": "…"}].`);
  const kind = scope.startsWith('document') ? KIND.siteDocument : KIND.siteFolder;
  const x = s.content.decode(first, kind);
  if (!x || x.a !== site || !libraries.includes(x.b)) return notHere(c, scope.replace(/s$/, ''), first);
  const tree = libraryTree(s.content, s.base, site, x.b);
  return treeSelection(
    s,
    c,
    tree,
    scope as 'documents',
    options,
    `library ${SITE_LISTS[x.b]!.name} of ${where}`,
  );
}
