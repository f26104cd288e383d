import type { Context, Hono } from 'hono';
import { oneDriveActionSchemas } from '../../src/api/veeam-v5/restore-wire';
import type { ServiceContext } from '../context';
import type { Sequence } from './content/core';
import { KIND, ROOT, arraySequence } from './content/core';
import type { DriveRef } from './content/drives';
import { driveTree, oneDrives, presentOneDrive } from './content/drives';
import type { DocRow, FileTree } from './content/trees';
import type { Scope } from './explore-http';
import { browse, notHere, pageOf, param, parentParam } from './explore-http';
import { veeamError } from './http';
import type { Entry, Selection } from './file-actions';
import { documentEntry, fileRestoreCounts, runRestore, runSave, runSend } from './file-actions';
import { actionRoute } from './restore-run';

/** OneDrive for Business inside a restore session: drives, folders, documents, and their actions. */

const NAMES = {
  restoretooriginallocation: 'restoretoOriginallocation',
  copyto: 'copyTo',
  sendto: 'sendTo',
  save: 'save',
};

function driveOf(s: Scope, id: string): DriveRef | undefined {
  if (s.empty) return undefined;
  const x = s.content.decode(id, KIND.oneDrive);
  return x ? oneDrives(s.content).find((d) => d.a === x.a) : undefined;
}

/** Every document of a tree's folders (and those below them) as entries. */
export function treeEntries(tree: FileTree, rows: Sequence<DocRow>, s: Scope): Entry[] {
  const out: Entry[] = [];
  for (let n = 0; n < rows.length; n++) {
    const r = rows.at(n);
    out.push(documentEntry(tree.record(r, s.view), tree.path(r.folder), tree.timeline(r.folder).key, r.i));
  }
  return out;
}

/** The documents an action works on: by path, or by the body's `documents`/`folders` ids. */
export function treeSelection(
  s: Scope,
  c: Context,
  tree: FileTree,
  scope: 'all' | 'documents' | 'document' | 'folders' | 'folder',
  options: unknown,
  owner: string,
): Selection | Response {
  const o = (options ?? {}) as { documents?: { id: string }[]; folders?: { id: string }[] };
  if ((o.documents || o.folders) && scope !== 'documents' && scope !== 'folders') {
    return veeamError(
      c,
      400,
      'documents and folders are for …/Documents/Action and …/Folders/Action; this path names what to work on already.',
    );
  }
  if (scope === 'all') return { entries: treeEntries(tree, tree.allDocs(s.view), s), what: owner };
  if (scope === 'document' || scope === 'documents') {
    const ids = scope === 'document' ? [param(c, 'did')] : (o.documents ?? []).map((d) => d.id);
    if (ids.length === 0)
      return veeamError(c, 400, 'documents: list the documents to work on, as [{"id": "…"}].');
    const rows: DocRow[] = [];
    for (const id of new Set(ids.map((x) => x.toLowerCase()))) {
      const r = tree.docOf(id, s.view);
      if (!r) return notHere(c, 'document', id);
      rows.push(r);
    }
    const entries = treeEntries(tree, arraySequence(rows), s);
    return {
      entries,
      what:
        entries.length === 1
          ? `document ${entries[0]!.name} of ${owner}`
          : `${entries.length} documents of ${owner}`,
    };
  }
  const ids = scope === 'folder' ? [param(c, 'fid')] : (o.folders ?? []).map((d) => d.id);
  if (ids.length === 0) return veeamError(c, 400, 'folders: list the folders to work on, as [{"id": "…"}].');
  const folders: number[] = [];
  for (const id of ids) {
    const f = tree.folderOf(id);
    if (f === null) return notHere(c, 'folder', id);
    folders.push(...tree.below(f));
  }
  const names = ids.map((id) => tree.folders[tree.folderOf(id)!]!.name);
  return {
    entries: treeEntries(tree, tree.docsOf([...new Set(folders)], s.view), s),
    what: `${names.length === 1 ? `folder ${names[0]}` : `${names.length} folders`} of ${owner}`,
  };
}

export function oneDriveRoutes(app: Hono, ctx: ServiceContext): void {
  const root = '/v5/restoresessions/:id/organization';
  browse(app, ctx, 'Veod', `${root}/onedrives`, (s, c) =>
    pageOf(c, arraySequence(s.empty ? [] : oneDrives(s.content)), (d) =>
      presentOneDrive(s.content, s.base, d),
    ),
  );
  const withDrive = (path: string, answer: (s: Scope, tree: FileTree, d: DriveRef, c: Context) => Response) =>
    browse(app, ctx, 'Veod', `${root}/onedrives/:oid${path}`, (s, c) => {
      const d = driveOf(s, param(c, 'oid'));
      return d ? answer(s, driveTree(s.content, s.base, d), d, c) : notHere(c, 'OneDrive', param(c, 'oid'));
    });
  withDrive('', (s, _t, d, c) => c.json(presentOneDrive(s.content, s.base, d)));
  withDrive('/folders', (_s, tree, _d, c) => {
    const parent = parentParam(c, 'parentId', (id) => tree.folderOf(id), 'folder');
    if (parent instanceof Response) return parent;
    return pageOf(c, arraySequence(tree.childFolders(parent)), (f) => tree.presentFolder(f));
  });
  withDrive('/folders/:fid', (_s, tree, _d, c) => {
    const f = tree.folderOf(param(c, 'fid'));
    return f === null ? notHere(c, 'folder', param(c, 'fid')) : c.json(tree.presentFolder(f));
  });
  withDrive('/documents', (s, tree, _d, c) => {
    const parent = parentParam(c, 'parentId', (id) => tree.folderOf(id), 'folder');
    if (parent instanceof Response) return parent;
    const rows = parent === undefined ? tree.allDocs(s.view) : tree.docs(parent ?? ROOT, s.view);
    return pageOf(c, rows, (r) => tree.presentDocument(r, s.view));
  });
  withDrive('/documents/:did', (s, tree, _d, c) => {
    const r = tree.docOf(param(c, 'did'), s.view);
    return r ? c.json(tree.presentDocument(r, s.view)) : notHere(c, 'document', param(c, 'did'));
  });

  const drive = `${root}/onedrives/:oid`;
  const paths = [
    [`${drive}/action`, 'all', 'a OneDrive'],
    [`${drive}/documents/action`, 'documents', 'OneDrive documents'],
    [`${drive}/documents/:did/action`, 'document', 'a OneDrive document'],
    [`${drive}/folders/action`, 'folders', 'OneDrive folders'],
    [`${drive}/folders/:fid/action`, 'folder', 'a OneDrive folder'],
  ] as const;
  for (const [path, scope, what] of paths) {
    actionRoute(app, ctx, 'Veod', path, what, oneDriveActionSchemas, NAMES, (s, c, action) => {
      const d = driveOf(s, param(c, 'oid'));
      if (!d) return notHere(c, 'OneDrive', param(c, 'oid'));
      const tree = driveTree(s.content, s.base, d);
      const owner = `${d.user.name}'s OneDrive`;
      const sel = treeSelection(s, c, tree, scope, action.options, owner);
      if (sel instanceof Response) return sel;
      if (action.name === 'save') return runSave(s, c, sel, action, `${d.user.name} OneDrive.zip`);
      if (action.name === 'sendto') return runSend(s, c, sel, action);
      const o = action.options as {
        oneDrive?: string | { id?: string; name?: string };
        folder?: string;
        changedItems?: boolean;
        deletedItems?: boolean;
      };
      if (action.name === 'copyto') {
        const wanted =
          typeof o.oneDrive === 'string' ? o.oneDrive : (o.oneDrive?.id ?? o.oneDrive?.name ?? '');
        const target = oneDrives(s.content).find(
          (x) =>
            x.user.email === wanted.toLowerCase() ||
            x.user.name.toLowerCase() === wanted.toLowerCase() ||
            s.content.id(KIND.oneDrive, x.a) === wanted.toLowerCase(),
        );
        if (!target)
          return veeamError(
            c,
            400,
            `copyTo: oneDrive "${wanted}" is not a OneDrive of ${s.content.org.name}; give its id or its user's e-mail.`,
          );
        const folder = o.folder ?? `Restored ${new Date(s.view.pit).toISOString().slice(0, 10)}`;
        return runRestore(s, c, sel, `${target.user.name}'s OneDrive, folder ${folder}`, () =>
          fileRestoreCounts(sel, o, true),
        );
      }
      return runRestore(s, c, sel, 'the original location', () => fileRestoreCounts(sel, o, false));
    });
  }
}
