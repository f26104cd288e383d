import type { Context, Hono } from 'hono';
import type { Post, Team, TeamFile, TeamsRestoreStats } from '../../src/api/veeam-v5/restore-wire';
import { teamsActionSchemas } from '../../src/api/veeam-v5/restore-wire';
import type { ServiceContext } from '../context';
import type { Sequence } from './content/core';
import {
  KIND,
  ROOT,
  arraySequence,
  concatSequences,
  hash32,
  iso,
  mapSequence,
  pick,
  rowsOf,
} from './content/core';
import { documentRecord } from './content/documents';
import type { OrgContent } from './content/org';
import { CHANNEL_NAMES, POST_OPENERS, SENTENCES, TOPICS } from './content/words';
import type { Scope } from './explore-http';
import { browse, notHere, pageOf, param, parentParam } from './explore-http';
import type { Entry, Selection } from './file-actions';
import { documentEntry, fileRestoreCounts, runSave, runSend } from './file-actions';
import { veeamError } from './http';
import { actionRoute, fileAnswer, perform } from './restore-run';

/** Teams inside a restore session: teams, channels, posts and replies, channel files; restore, save, export, send. */

const TEAMS = [
  { name: 'All Company', privacy: 'OrgWide' },
  { name: 'Sales', privacy: 'Private' },
  { name: 'Engineering', privacy: 'Private' },
  { name: 'Marketing', privacy: 'Public' },
  { name: 'Support', privacy: 'Public' },
];
const teamNumbers = (o: OrgContent) => (o.org.is_teams ? TEAMS.map((_, n) => n) : []);
/** General and two more per team. */
const channelNames = (o: OrgContent, team: number) => [
  'General',
  pick(CHANNEL_NAMES, o.seed, team, 1),
  pick(
    CHANNEL_NAMES.filter((n) => n !== pick(CHANNEL_NAMES, o.seed, team, 1)),
    o.seed,
    team,
    2,
  ),
];
const FOLDER = 0xfffe;

const postTimeline = (o: OrgContent, team: number, ch: number) =>
  o.timeline(KIND.post, team, ch, 0, o.big * (team === 0 ? 0.05 : 0.02) * (ch === 0 ? 1 : 0.5), false);
const fileTimeline = (o: OrgContent, team: number, ch: number, folder: number) =>
  o.timeline(KIND.teamFile, team, ch, folder, o.big * 0.01 * (folder === ROOT ? 1 : 0.5), true);
const replyCount = (key: number, i: number) => hash32(key, i, 80) % 4;

interface PostRow {
  ch: number;
  i: number;
  /** 0: the post; n: its n-th reply. */
  reply: number;
}
interface FileRow {
  ch: number;
  folder: number;
  i: number;
  v: number;
}

function presentTeam(s: Scope, team: number): Team {
  const id = s.content.id(KIND.team, team);
  const self = `${s.base}/Teams/${id}`;
  const alias = TEAMS[team]!.name.toLowerCase().replace(/\s+/g, '');
  return {
    id,
    displayName: TEAMS[team]!.name,
    description: `${TEAMS[team]!.name} team of ${s.content.org.office_name}`,
    groupEmail: `${alias}@${s.content.domain}`,
    alias,
    privacy: TEAMS[team]!.privacy,
    isArchived: false,
    _links: {
      self: { href: self },
      channels: { href: `${self}/Channels` },
      posts: { href: `${self}/Posts` },
      files: { href: `${self}/Files` },
    },
  };
}

function presentPost(s: Scope, team: number, r: PostRow): Post {
  const t = postTimeline(s.content, team, r.ch);
  const key = t.key;
  const created =
    t.created(r.i) + r.reply * Math.round((0.05 + (hash32(key, r.i, r.reply) % 100) / 40) * 3_600_000);
  const id = s.content.id(KIND.post, team, r.ch, r.reply, r.i);
  const deleted = r.reply === 0 && t.isDeleted(r.i, s.view.pit);
  const topic = pick(TOPICS, key, r.i, 1);
  return {
    id,
    author: s.content.person(key, r.i, r.reply, 2).name,
    subject: r.reply === 0 ? `${pick(POST_OPENERS, key, r.i, 3)} ${topic}` : '',
    createdTime: iso(created),
    lastModifiedTime: iso(created),
    content: pick(SENTENCES, key, r.i, r.reply, 4),
    parentId: r.reply === 0 ? null : s.content.id(KIND.post, team, r.ch, 0, r.i),
    ...(r.reply === 0 ? { replyCount: replyCount(key, r.i) } : {}),
    isDeleted: deleted,
    ...(deleted ? { deletionTime: iso(t.deletedAt(r.i)!) } : {}),
    _links: { self: { href: `${s.base}/Teams/${s.content.id(KIND.team, team)}/Posts/${id}` } },
  };
}

function presentFile(s: Scope, team: number, r: FileRow): TeamFile {
  const id = s.content.id(KIND.teamFile, team, r.ch, r.folder, r.i, r.v);
  const self = `${s.base}/Teams/${s.content.id(KIND.team, team)}/Files/${id}`;
  if (r.folder === FOLDER) {
    return {
      id,
      name: 'Meeting notes',
      isFolder: true,
      isDeleted: false,
      _links: {
        self: { href: self },
        children: { href: `${s.base}/Teams/${s.content.id(KIND.team, team)}/Files?parentId=${id}` },
      },
    };
  }
  const rec = documentRecord(s.content, fileTimeline(s.content, team, r.ch, r.folder), r.i, r.v, s.view);
  return { id, ...rec, isFolder: false, _links: { self: { href: self } } };
}

/** Top-level posts of a channel (newest first), or the replies of one post. */
function posts(s: Scope, team: number, ch: number, parent: number | null | undefined): Sequence<PostRow> {
  const t = postTimeline(s.content, team, ch);
  if (typeof parent === 'number') {
    return arraySequence(
      Array.from({ length: replyCount(t.key, parent) }, (_, k) => ({ ch, i: parent, reply: k + 1 })),
    );
  }
  const tops = mapSequence(rowsOf(t, s.view), (r) => ({ ch, i: r.i, reply: 0 }));
  if (parent === null) return tops;
  // Every post with its replies after it.
  const rows: PostRow[] = [];
  for (let n = 0; n < tops.length; n++) {
    const p = tops.at(n);
    rows.push(p);
    for (let k = 1; k <= replyCount(t.key, p.i); k++) rows.push({ ch, i: p.i, reply: k });
  }
  return arraySequence(rows);
}

function files(s: Scope, team: number, ch: number, folder: number | null | undefined): Sequence<FileRow> {
  const docs = (f: number) =>
    mapSequence(rowsOf(fileTimeline(s.content, team, ch, f), s.view), (r) => ({
      ch,
      folder: f,
      i: r.i,
      v: r.v,
    }));
  if (folder === 0) return docs(0);
  const root = concatSequences([arraySequence([{ ch, folder: FOLDER, i: 0, v: 0 }]), docs(ROOT)]);
  return folder === null ? root : concatSequences([root, docs(0)]);
}

export function teamsRoutes(app: Hono, ctx: ServiceContext): void {
  const root = '/v5/restoresessions/:id/organization';
  browse(app, ctx, 'Vet', `${root}/teams`, (s, c) =>
    pageOf(c, arraySequence(s.empty ? [] : teamNumbers(s.content)), (n) => presentTeam(s, n)),
  );
  const withTeam = (path: string, answer: (s: Scope, team: number, c: Context) => Response) =>
    browse(app, ctx, 'Vet', `${root}/teams/:tid${path}`, (s, c) => {
      const team = teamOf(s, param(c, 'tid'));
      return team === null ? notHere(c, 'team', param(c, 'tid')) : answer(s, team, c);
    });
  const presentChannel = (s: Scope, team: number, ch: number) => {
    const id = s.content.id(KIND.channel, team, ch);
    const teamPath = `${s.base}/Teams/${s.content.id(KIND.team, team)}`;
    return {
      id,
      displayName: channelNames(s.content, team)[ch]!,
      description: ch === 0 ? 'Everything for the whole team' : '',
      _links: {
        self: { href: `${teamPath}/Channels/${id}` },
        posts: { href: `${teamPath}/Posts?channelId=${id}&parentId=-1` },
        files: { href: `${teamPath}/Files?channelId=${id}&parentId=null` },
      },
    };
  };
  withTeam('', (s, team, c) => c.json(presentTeam(s, team)));
  withTeam('/channels', (s, team, c) =>
    pageOf(c, arraySequence([0, 1, 2]), (ch) => presentChannel(s, team, ch)),
  );
  withTeam('/channels/:cid', (s, team, c) => {
    const ch = channelOf(s, team, param(c, 'cid'));
    return ch === null ? notHere(c, 'channel', param(c, 'cid')) : c.json(presentChannel(s, team, ch));
  });
  withTeam('/posts', (s, team, c) => {
    const ch = parentParam(c, 'channelId', (id) => channelOf(s, team, id), 'channel');
    if (ch instanceof Response) return ch;
    const parent = parentParam(c, 'parentId', (id) => postOf(s, team, id), 'post');
    if (parent instanceof Response) return parent;
    if (parent && parent.reply !== 0) return pageOf(c, arraySequence([]), () => null);
    const chans = parent ? [parent.ch] : typeof ch === 'number' ? [ch] : [0, 1, 2];
    return pageOf(c, concatSequences(chans.map((n) => posts(s, team, n, parent ? parent.i : parent))), (r) =>
      presentPost(s, team, r),
    );
  });
  withTeam('/posts/:pid', (s, team, c) => {
    const r = postOf(s, team, param(c, 'pid'));
    return r ? c.json(presentPost(s, team, r)) : notHere(c, 'post', param(c, 'pid'));
  });
  withTeam('/files', (s, team, c) => {
    const ch = parentParam(c, 'channelId', (id) => channelOf(s, team, id), 'channel');
    if (ch instanceof Response) return ch;
    const parent = parentParam(c, 'parentId', (id) => fileOf(s, team, id), 'folder');
    if (parent instanceof Response) return parent;
    if (parent && parent.folder !== FOLDER)
      return veeamError(c, 400, 'parentId must be a folder, not a file.');
    const chans = parent ? [parent.ch] : typeof ch === 'number' ? [ch] : [0, 1, 2];
    return pageOf(c, concatSequences(chans.map((n) => files(s, team, n, parent ? 0 : parent))), (r) =>
      presentFile(s, team, r),
    );
  });
  withTeam('/files/:fid', (s, team, c) => {
    const r = fileOf(s, team, param(c, 'fid'));
    return r ? c.json(presentFile(s, team, r)) : notHere(c, 'file', param(c, 'fid'));
  });

  const team = `${root}/teams/:tid`;
  const NAMES = { restore: 'restore', save: 'save', export: 'export', send: 'send' };
  const paths = [
    [`${team}/action`, 'team', 'a team', ['restore']],
    [`${team}/channels/:cid/action`, 'channel', 'a channel', ['restore']],
    [`${team}/posts/action`, 'posts', 'posts', ['restore', 'export', 'send']],
    [`${team}/posts/:pid/action`, 'post', 'a post', ['restore', 'export', 'send']],
    [`${team}/files/action`, 'files', 'files', ['restore', 'save', 'send']],
    [`${team}/files/:fid/action`, 'file', 'a file', ['restore', 'save', 'send']],
  ] as const;
  for (const [path, scope, what, actions] of paths) {
    const schemas = Object.fromEntries(actions.map((a) => [a, teamsActionSchemas[a]]));
    const names = Object.fromEntries(actions.map((a) => [a, NAMES[a]]));
    actionRoute(app, ctx, 'Vet', path, what, schemas, names, (s, c, action) => {
      const n = teamOf(s, param(c, 'tid'));
      if (n === null) return notHere(c, 'team', param(c, 'tid'));
      const sel = select(s, c, n, scope, action.options);
      if (sel instanceof Response) return sel;
      if (action.name === 'save') return runSave(s, c, sel, action, `${TEAMS[n]!.name} files.zip`);
      if (action.name === 'send') return runSend(s, c, sel, action);
      if (action.name === 'export') {
        return perform(
          s,
          { type: 'Export', title: `Exporting ${sel.what}` },
          { bytes: sel.entries.length * 4000, items: sel.entries.length },
          () => {
            const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${TEAMS[n]!.name} posts</title><body>${sel.entries.map((e) => `<article>${e.data().toString('utf8')}</article>`).join('\n')}</body></html>`;
            const file = Buffer.from(html, 'utf8');
            return {
              outcome: {
                status: 'Success',
                title: 'Items are successfully exported.',
                message: `${sel.what[0]!.toUpperCase()}${sel.what.slice(1)} was exported as ${TEAMS[n]!.name} posts.html.`,
                processed: sel.entries.length,
                failed: 0,
              },
              answer: () => fileAnswer(file, `${TEAMS[n]!.name} posts.html`, 'text/html; charset=utf-8'),
            };
          },
        );
      }
      const o = action.options as { restoreChangedItems?: boolean; restoreMissingItems?: boolean };
      const bytes = sel.entries.reduce((sum, e) => sum + e.sizeBytes, 0);
      return perform(
        s,
        { type: 'Restore', title: `Restoring ${sel.what} to the original team` },
        { bytes, items: sel.entries.length },
        () => {
          const f = fileRestoreCounts(
            sel,
            { changedItems: o.restoreChangedItems, deletedItems: o.restoreMissingItems },
            false,
          );
          const stats: TeamsRestoreStats = {
            totalItemsCount: f.totalItemsCount,
            restoredItemsCount: f.restoredItemsCount,
            failedItemsCount: f.failedItemsCount + f.failedRestrictionsCount!,
            skippedItemsCount: f.skippedItemsByNoChangesCount!,
          };
          const status =
            stats.failedItemsCount === 0
              ? 'Success'
              : stats.failedItemsCount >= stats.totalItemsCount
                ? 'Failed'
                : 'Warning';
          return {
            outcome: {
              status,
              title:
                status === 'Success'
                  ? 'Items are successfully restored.'
                  : 'Items are restored with warnings.',
              message: `${sel.what[0]!.toUpperCase()}${sel.what.slice(1)} was restored to the original team (total: ${stats.totalItemsCount}, restored: ${stats.restoredItemsCount}, skipped: ${stats.skippedItemsCount}, failed: ${stats.failedItemsCount}).`,
              processed: stats.totalItemsCount,
              failed: stats.failedItemsCount,
            },
            answer: () => c.json(stats),
          };
        },
      );
    });
  }
}

function teamOf(s: Scope, id: string): number | null {
  if (s.empty) return null;
  const x = s.content.decode(id, KIND.team);
  return x && teamNumbers(s.content).includes(x.a) ? x.a : null;
}
function channelOf(s: Scope, team: number, id: string): number | null {
  const x = s.content.decode(id, KIND.channel);
  return x && x.a === team && x.b < 3 ? x.b : null;
}
function postOf(s: Scope, team: number, id: string): PostRow | null {
  const x = s.content.decode(id, KIND.post);
  if (!x || x.a !== team || x.b >= 3) return null;
  const t = postTimeline(s.content, team, x.b);
  if (!t.shows(x.i, 1, s.view) || x.c > replyCount(t.key, x.i)) return null;
  return { ch: x.b, i: x.i, reply: x.c };
}
function fileOf(s: Scope, team: number, id: string): FileRow | null {
  const x = s.content.decode(id, KIND.teamFile);
  if (!x || x.a !== team || x.b >= 3) return null;
  if (x.c === FOLDER) return x.i === 0 ? { ch: x.b, folder: FOLDER, i: 0, v: 0 } : null;
  if (x.c !== ROOT && x.c !== 0) return null;
  return fileTimeline(s.content, team, x.b, x.c).shows(x.i, x.v, s.view)
    ? { ch: x.b, folder: x.c, i: x.i, v: x.v }
    : null;
}

function postEntries(s: Scope, team: number, rows: PostRow[]): Entry[] {
  return rows.map((r) => {
    const p = presentPost(s, team, r);
    const t = postTimeline(s.content, team, r.ch);
    return {
      path: `${p.id}.html`,
      name: `${p.subject || 'Reply'}.html`,
      sizeBytes: 3_000,
      modified: Date.parse(p.createdTime),
      key: t.key,
      i: r.i * 8 + r.reply,
      isDeleted: p.isDeleted ?? false,
      data: () =>
        Buffer.from(
          `<h2>${escapeHtml(p.subject || 'Reply')}</h2><p>${escapeHtml(p.author)}, ${p.createdTime}</p><p>${escapeHtml(p.content ?? '')}</p>`,
          'utf8',
        ),
    };
  });
}
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

function fileEntries(s: Scope, team: number, rows: FileRow[]): Entry[] {
  return rows
    .filter((r) => r.folder !== FOLDER)
    .map((r) => {
      const t = fileTimeline(s.content, team, r.ch, r.folder);
      const channel = channelNames(s.content, team)[r.ch]!;
      return documentEntry(
        documentRecord(s.content, t, r.i, r.v, s.view),
        `${channel}/${r.folder === 0 ? 'Meeting notes/' : ''}`,
        t.key,
        r.i,
      );
    });
}

const all = <T>(seq: Sequence<T>): T[] => Array.from({ length: seq.length }, (_, n) => seq.at(n));

function select(s: Scope, c: Context, team: number, scope: string, options: unknown): Selection | Response {
  const o = (options ?? {}) as { channelId?: string; posts?: { id: string }[]; files?: { id: string }[] };
  const name = TEAMS[team]!.name;
  let chans = [0, 1, 2];
  if (o.channelId !== undefined) {
    const ch = channelOf(s, team, o.channelId);
    if (ch === null) return notHere(c, 'channel', o.channelId);
    chans = [ch];
  }
  if (scope === 'team' || scope === 'channel') {
    if (scope === 'channel') {
      const ch = channelOf(s, team, param(c, 'cid'));
      if (ch === null) return notHere(c, 'channel', param(c, 'cid'));
      chans = [ch];
    }
    const entries = chans.flatMap((ch) => [
      ...postEntries(s, team, all(posts(s, team, ch, undefined))),
      ...fileEntries(s, team, all(files(s, team, ch, undefined))),
    ]);
    return {
      entries,
      what:
        scope === 'team'
          ? `team ${name}`
          : `channel ${channelNames(s.content, team)[chans[0]!]} of team ${name}`,
    };
  }
  if (scope === 'posts' || scope === 'post') {
    const ids = scope === 'post' ? [param(c, 'pid')] : (o.posts ?? []).map((p) => p.id);
    const rows: PostRow[] = [];
    if (ids.length === 0) chans.forEach((ch) => rows.push(...all(posts(s, team, ch, undefined))));
    for (const id of ids) {
      const r = postOf(s, team, id);
      if (!r) return notHere(c, 'post', id);
      rows.push(r);
    }
    return {
      entries: postEntries(s, team, rows),
      what: `${rows.length === 1 ? '1 post' : `${rows.length} posts`} of team ${name}`,
    };
  }
  const ids = scope === 'file' ? [param(c, 'fid')] : (o.files ?? []).map((f) => f.id);
  if (ids.length === 0) return veeamError(c, 400, 'files: list the files to work on, as [{"id": "…"}].');
  const rows: FileRow[] = [];
  for (const id of ids) {
    const r = fileOf(s, team, id);
    if (!r) return notHere(c, 'file', id);
    if (r.folder === FOLDER) rows.push(...all(files(s, team, r.ch, 0)));
    else rows.push(r);
  }
  const entries = fileEntries(s, team, rows);
  return {
    entries,
    what: `${entries.length === 1 ? `file ${entries[0]!.name}` : `${entries.length} files`} of team ${name}`,
  };
}
