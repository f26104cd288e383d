import type { Context, Hono } from 'hono';
import type { RestoreOrganization } from '../../src/api/veeam-v5/restore-wire';
import type { ServiceContext } from '../context';
import type { Ref, Sequence } from './content/core';
import { KIND, arraySequence, concatSequences, mapSequence, rowsOf } from './content/core';
import type { MailboxRef } from './content/exchange';
import {
  childFolders,
  folderNumbers,
  folderTimeline,
  mailItem,
  mailboxAt,
  mailboxes,
  presentMailFolder,
  presentMailbox,
} from './content/exchange';
import type { Scope } from './explore-http';
import { browse, notHere, pageOf, param, parentParam } from './explore-http';
import { logTime } from '../engine/veeam-plan';

/** The organization of a restore session, and Exchange browsing: mailboxes, folders, items. */

const ORG_LINKS = { Vex: 'mailboxes', Veod: 'onedrives', Vesp: 'sites', Vet: 'teams' } as const;
const ORG_PATHS = { Vex: 'Mailboxes', Veod: 'OneDrives', Vesp: 'Sites', Vet: 'Teams' } as const;

export function presentRestoreOrganization(s: Scope): RestoreOrganization {
  const type = s.session.type as keyof typeof ORG_LINKS;
  return {
    id: s.content.org.id,
    name: `${s.content.org.name} (${logTime(s.session.point_in_time)})`,
    type,
    _links: {
      self: { href: s.base },
      [ORG_LINKS[type]]: { href: `${s.base}/${ORG_PATHS[type]}` },
    },
  };
}

export function mailboxOf(s: Scope, id: string): MailboxRef | undefined {
  if (s.empty) return undefined;
  const x = s.content.decode(id, KIND.mailbox);
  return x ? mailboxAt(s.content, x.a) : undefined;
}

/** Folder number of a folder id in this mailbox, or null. */
export function mailFolderOf(s: Scope, m: MailboxRef, id: string): number | null {
  const x = s.content.decode(id, KIND.mailFolder);
  return x && x.a === m.a && folderNumbers(m).includes(x.b) ? x.b : null;
}

/** An item id of this mailbox that the session shows: its folder, index and version. */
export function mailItemOf(s: Scope, m: MailboxRef, id: string): { f: number; i: number; v: number } | null {
  const x = s.content.decode(id, KIND.mailItem);
  if (!x || x.a !== m.a || !folderNumbers(m).includes(x.b)) return null;
  return folderTimeline(s.content, m, x.b).shows(x.i, x.v, s.view) ? { f: x.b, i: x.i, v: x.v } : null;
}

/** The rows of a folder (newest first), as refs with the folder number. */
export function folderRows(s: Scope, m: MailboxRef, f: number): Sequence<Ref & { f: number }> {
  return mapSequence(rowsOf(folderTimeline(s.content, m, f), s.view), (r) => ({ ...r, f }));
}

export function presentMailItem(s: Scope, m: MailboxRef, r: { f: number; i: number; v: number }) {
  return mailItem(s.content, s.base, m, r.f, folderTimeline(s.content, m, r.f), r.i, r.v, s.view);
}

export function exchangeBrowseRoutes(app: Hono, ctx: ServiceContext): void {
  const root = '/v5/restoresessions/:id/organization';
  browse(app, ctx, null, root, (s, c) => c.json(presentRestoreOrganization(s)));

  browse(app, ctx, 'Vex', `${root}/mailboxes`, (s, c) =>
    pageOf(c, arraySequence(s.empty ? [] : mailboxes(s.content)), (m) =>
      presentMailbox(s.content, s.base, m),
    ),
  );

  /** The mailbox of `:mid`, or its 404. */
  const withMailbox = (path: string, answer: (s: Scope, m: MailboxRef, c: Context) => Response) =>
    browse(app, ctx, 'Vex', `${root}/mailboxes/:mid${path}`, (s, c) => {
      const m = mailboxOf(s, param(c, 'mid'));
      return m ? answer(s, m, c) : notHere(c, 'mailbox', param(c, 'mid'));
    });

  withMailbox('', (s, m, c) => c.json(presentMailbox(s.content, s.base, m)));
  withMailbox('/folders', (s, m, c) => {
    const parent = parentParam(c, 'parentId', (id) => mailFolderOf(s, m, id), 'folder');
    if (parent instanceof Response) return parent;
    return pageOf(c, arraySequence(childFolders(m, parent)), (f) =>
      presentMailFolder(s.content, s.base, m, f),
    );
  });
  withMailbox('/folders/:fid', (s, m, c) => {
    const f = mailFolderOf(s, m, param(c, 'fid'));
    return f === null
      ? notHere(c, 'folder', param(c, 'fid'))
      : c.json(presentMailFolder(s.content, s.base, m, f));
  });
  withMailbox('/items', (s, m, c) => {
    const folder = parentParam(c, 'folderId', (id) => mailFolderOf(s, m, id), 'folder');
    if (folder instanceof Response) return folder;
    // Without folderId (or with null), every folder's items one folder after another.
    const folders = folder === undefined || folder === null ? folderNumbers(m) : [folder];
    return pageOf(
      c,
      concatSequences(folders.map((f) => folderRows(s, m, f))),
      (r) => presentMailItem(s, m, r).wire,
    );
  });
  withMailbox('/items/:iid', (s, m, c) => {
    const r = mailItemOf(s, m, param(c, 'iid'));
    return r ? c.json(presentMailItem(s, m, r).wire) : notHere(c, 'item', param(c, 'iid'));
  });
}
