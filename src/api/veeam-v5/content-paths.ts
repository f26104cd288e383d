import type { ContentKind, ItemKind, NodeKind } from '../restore-content';

/**
 * A place in a Veeam restore session, parsed from the node ids the adapter hands out. A node id is
 * the place's kind and the ids that lead to it, each URL-encoded and joined by "/", so that it is
 * safe in a URL and says everything needed to read it again (a deep link needs no other state).
 */
export type Place =
  | { kind: 'mailbox'; mailbox: string }
  | { kind: 'mail-folder'; mailbox: string; folder: string }
  | { kind: 'onedrive'; onedrive: string }
  | { kind: 'onedrive-folder'; onedrive: string; folder: string }
  | { kind: 'site'; site: string }
  | { kind: 'list' | 'library'; site: string; list: string }
  | { kind: 'list-folder' | 'library-folder'; site: string; folder: string }
  | { kind: 'team'; team: string }
  | { kind: 'channel' | 'posts'; team: string; channel: string }
  | { kind: 'files'; team: string; channel: string; folder: string | null };

const enc = encodeURIComponent;

export function nodeIdOf(p: Place): string {
  switch (p.kind) {
    case 'mailbox':
      return `mailbox/${enc(p.mailbox)}`;
    case 'mail-folder':
      return `mailbox/${enc(p.mailbox)}/folder/${enc(p.folder)}`;
    case 'onedrive':
      return `onedrive/${enc(p.onedrive)}`;
    case 'onedrive-folder':
      return `onedrive/${enc(p.onedrive)}/folder/${enc(p.folder)}`;
    case 'site':
      return `site/${enc(p.site)}`;
    case 'list':
    case 'library':
      return `site/${enc(p.site)}/${p.kind}/${enc(p.list)}`;
    case 'list-folder':
    case 'library-folder':
      return `site/${enc(p.site)}/${p.kind}/${enc(p.folder)}`;
    case 'team':
      return `team/${enc(p.team)}`;
    case 'channel':
    case 'posts':
      return `team/${enc(p.team)}/${p.kind}/${enc(p.channel)}`;
    case 'files':
      return `team/${enc(p.team)}/files/${enc(p.channel)}${p.folder ? `/${enc(p.folder)}` : ''}`;
  }
}

/** The place a node id names; null for anything the adapter did not hand out. */
export function placeOf(nodeId: string): Place | null {
  let parts: string[];
  try {
    parts = nodeId.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
  if (parts.some((x) => x === '')) return null;
  const [root, a, sub, b, c] = parts;
  if (!a) return null;
  const n = parts.length;
  if (root === 'mailbox') {
    if (n === 2) return { kind: 'mailbox', mailbox: a };
    if (n === 4 && sub === 'folder' && b) return { kind: 'mail-folder', mailbox: a, folder: b };
  }
  if (root === 'onedrive') {
    if (n === 2) return { kind: 'onedrive', onedrive: a };
    if (n === 4 && sub === 'folder' && b) return { kind: 'onedrive-folder', onedrive: a, folder: b };
  }
  if (root === 'site') {
    if (n === 2) return { kind: 'site', site: a };
    if (n === 4 && b && (sub === 'list' || sub === 'library')) return { kind: sub, site: a, list: b };
    if (n === 4 && b && (sub === 'list-folder' || sub === 'library-folder'))
      return { kind: sub, site: a, folder: b };
  }
  if (root === 'team') {
    if (n === 2) return { kind: 'team', team: a };
    if (n === 4 && b && (sub === 'channel' || sub === 'posts')) return { kind: sub, team: a, channel: b };
    if ((n === 4 || n === 5) && b && sub === 'files')
      return { kind: 'files', team: a, channel: b, folder: c ?? null };
  }
  return null;
}

/** The tree's word for a place (a list folder and a library folder are both folders). */
export function nodeKindOf(p: Place): NodeKind {
  switch (p.kind) {
    case 'onedrive-folder':
    case 'list-folder':
    case 'library-folder':
      return 'folder';
    case 'files':
      return p.folder ? 'folder' : 'files';
    default:
      return p.kind;
  }
}

/** What a place holds as items, when it holds any (a mail folder's kind comes from its type). */
export function placeItems(p: Place): ItemKind | null {
  switch (p.kind) {
    case 'onedrive':
    case 'onedrive-folder':
    case 'library':
    case 'library-folder':
      return 'document';
    case 'list':
    case 'list-folder':
      return 'list-item';
    case 'posts':
      return 'post';
    case 'files':
      return 'file';
    default:
      return null;
  }
}

/** Exchange folder types → the kind of their items. */
export function folderItems(type: string): ItemKind {
  switch (type.toLowerCase()) {
    case 'appointment':
      return 'appointment';
    case 'contact':
      return 'contact';
    case 'task':
      return 'task';
    case 'stickynote':
    case 'journal':
      return 'note';
    default:
      return 'mail';
  }
}

/** The Explorer a place belongs to. */
export function explorerOf(p: Place): ContentKind {
  if (p.kind === 'mailbox' || p.kind === 'mail-folder') return 'exchange';
  if (p.kind === 'onedrive' || p.kind === 'onedrive-folder') return 'onedrive';
  if ('site' in p) return 'sharepoint';
  return 'teams';
}

/** The session type on the wire (Vex, Veod, Vesp, Vet) → the Explorer. */
export function contentKindOf(sessionType: string): ContentKind {
  switch (sessionType.toLowerCase()) {
    case 'veod':
      return 'onedrive';
    case 'vesp':
      return 'sharepoint';
    case 'vet':
      return 'teams';
    default:
      return 'exchange';
  }
}
