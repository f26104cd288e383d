import type { Context, Hono } from 'hono';
import type { ExchangeRestoreStats, SendStats } from '../../src/api/veeam-v5/restore-wire';
import { exchangeActionSchemas } from '../../src/api/veeam-v5/restore-wire';
import type { ServiceContext } from '../context';
import { unit } from './content/core';
import type { MailboxRef } from './content/exchange';
import { MAIL_FOLDERS, folderNumbers, folderTimeline, folderType, mailSizeBytes } from './content/exchange';
import type { Scope } from './explore-http';
import { notHere, param } from './explore-http';
import { veeamError } from './http';
import type { Outcome, ParsedAction } from './restore-run';
import { actionRoute, fileAnswer, perform, sizeText, statusOf, MAX_SAVE_BYTES } from './restore-run';
import { itemMsg, itemMsgName } from './msg/item-msg';
import { folderRows, mailFolderOf, mailItemOf, mailboxOf, presentMailItem } from './routes-exchange';
import { zip } from './zip';

/** Exchange restore actions: restore to the original place or another mailbox, save, send, export to PST. */

type Row = { f: number; i: number; v: number };

const NAMES: Record<string, string> = {
  restoretooriginallocation: 'restoretoOriginallocation',
  restoreto: 'restoreTo',
  savetomsg: 'savetoMsg',
  sendtodifferentaddress: 'sendtoDifferentAddress',
  sendtooriginaladdress: 'sendtoOriginalAddress',
  exporttopst: 'exportToPst',
};
/** A mailbox or a folder is restored or exported; items are also saved and sent. */
const mailboxLevel = {
  restoretooriginallocation: exchangeActionSchemas.restoretooriginallocation,
  restoreto: exchangeActionSchemas.restoreto,
  exporttopst: exchangeActionSchemas.exporttopst,
};
/** v6 names the send-to-owner action sendToDefaultAddress; both spellings are taken. */
const ITEM_SCHEMAS = {
  ...exchangeActionSchemas,
  sendtodefaultaddress: exchangeActionSchemas.sendtooriginaladdress,
};
const ITEM_NAMES = { ...NAMES, sendtodefaultaddress: 'sendToDefaultAddress' };

/** The message a server without 64-bit Outlook gives (wording ours). */
export const PST_REFUSAL =
  'Export to PST is not available on this server: it needs Microsoft Outlook 2013 or later (64-bit) installed on the Veeam Backup for Microsoft 365 server.';

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;

function rowsOfFolders(s: Scope, m: MailboxRef, folders: number[]): Row[] {
  const rows: Row[] = [];
  for (const f of folders) {
    const seq = folderRows(s, m, f);
    for (let n = 0; n < seq.length; n++) rows.push(seq.at(n));
  }
  return rows;
}

/** A folder and the folders under it. */
function folderAndBelow(m: MailboxRef, f: number): number[] {
  const below = folderNumbers(m).filter((g) => MAIL_FOLDERS[g]!.parent === f);
  return [f, ...below.flatMap((g) => folderAndBelow(m, g))];
}

interface Selection {
  mailbox: MailboxRef;
  rows: Row[];
  /** "mailbox john@contoso.com", "folder Inbox of john@contoso.com", "3 items of john@contoso.com". */
  what: string;
}

/** The items an action works on: the path's scope, or the `items` of the body (each of this mailbox). */
function select(
  s: Scope,
  c: Context,
  scope: 'mailbox' | 'folder' | 'items' | 'item',
  options: unknown,
): Selection | Response {
  const m = mailboxOf(s, param(c, 'mid'));
  if (!m) return notHere(c, 'mailbox', param(c, 'mid'));
  const listed = (options as { items?: { id: string }[] } | null)?.items;
  if (listed && scope !== 'items') {
    return veeamError(
      c,
      400,
      `items is for POST …/Mailboxes/{id}/Items/Action; this path names what to work on already.`,
    );
  }
  if (scope === 'mailbox')
    return { mailbox: m, rows: rowsOfFolders(s, m, folderNumbers(m)), what: `mailbox ${m.user.email}` };
  if (scope === 'folder') {
    const f = mailFolderOf(s, m, param(c, 'fid'));
    if (f === null) return notHere(c, 'folder', param(c, 'fid'));
    return {
      mailbox: m,
      rows: rowsOfFolders(s, m, folderAndBelow(m, f)),
      what: `folder ${MAIL_FOLDERS[f]!.name} of ${m.user.email}`,
    };
  }
  const ids =
    scope === 'item' ? [param(c, 'iid')] : [...new Set((listed ?? []).map((x) => x.id.toLowerCase()))];
  if (ids.length === 0) return veeamError(c, 400, 'items: list the items to work on, as [{"id": "…"}].');
  const rows: Row[] = [];
  for (const id of ids) {
    const r = mailItemOf(s, m, id);
    if (!r) return notHere(c, 'item', id);
    rows.push(r);
  }
  return {
    mailbox: m,
    rows,
    what: rows.length === 1 ? `1 item of ${m.user.email}` : `${rows.length} items of ${m.user.email}`,
  };
}

const bytesOf = (s: Scope, sel: Selection) =>
  sel.rows.reduce(
    (sum, r) => sum + mailSizeBytes(folderTimeline(s.content, sel.mailbox, r.f), folderType(r.f), r.i),
    0,
  );

interface RestoreOptions {
  mailbox?: string;
  folder?: string;
  casServer?: string;
  userName?: string;
  changedItems?: boolean;
  deletedItems?: boolean;
  markRestoredAsUnread?: boolean;
  excludeDrafts?: boolean;
  excludeDeletedItems?: boolean;
}

/**
 * The counters of a restore. To the original mailbox each item is compared with what the mailbox
 * holds now (derived per item): unchanged → skipped; changed → merged (skipped without changedItems);
 * gone → created (skipped without deletedItems). To another mailbox every item is created. One item in
 * 250 fails, with its reason in `exceptions`.
 */
function restoreCounts(
  s: Scope,
  sel: Selection,
  o: RestoreOptions,
  elsewhere: boolean,
): ExchangeRestoreStats {
  const stats = {
    createdItemsCount: 0,
    mergedItemsCount: 0,
    skippedItemsCount: 0,
    failedItemsCount: 0,
    exceptions: [] as string[],
  };
  for (const r of sel.rows) {
    const name = MAIL_FOLDERS[r.f]!.name;
    if ((o.excludeDrafts && name === 'Drafts') || (o.excludeDeletedItems && name === 'Deleted Items'))
      continue;
    const t = folderTimeline(s.content, sel.mailbox, r.f);
    if (unit(t.key, r.i, 91) < 0.004) {
      stats.failedItemsCount++;
      if (stats.exceptions.length < 10) {
        const title = presentMailItem(s, sel.mailbox, r).title;
        stats.exceptions.push(
          `Item "${title}" in ${name} could not be restored: it exceeds the maximum message size of the target mailbox (35 MB).`,
        );
      }
      continue;
    }
    if (elsewhere) {
      stats.createdItemsCount++;
      continue;
    }
    const u = unit(t.key, r.i, 90);
    const gone = t.isDeleted(r.i, s.view.pit) || u >= 0.8;
    if (gone) {
      if (o.deletedItems === false) stats.skippedItemsCount++;
      else stats.createdItemsCount++;
    } else if (u >= 0.6 && o.changedItems !== false) stats.mergedItemsCount++;
    else stats.skippedItemsCount++;
  }
  return stats;
}

async function restore(s: Scope, c: Context, sel: Selection, action: ParsedAction): Promise<Response> {
  const o = action.options as RestoreOptions;
  const elsewhere = action.name === 'restoreto';
  let target = sel.mailbox.user.email;
  if (elsewhere) {
    target = (o.mailbox ?? '').trim();
    if (!EMAIL.test(target))
      return veeamError(c, 400, `restoreTo: mailbox must be an e-mail address, not "${target}".`);
    const [, domain = ''] = target.toLowerCase().split('@');
    if (domain === s.content.domain && !s.content.people.some((p) => p.email === target.toLowerCase())) {
      return veeamError(c, 400, `restoreTo: there is no mailbox ${target} in ${s.content.org.name}.`);
    }
    if (o.userName !== undefined && !o.casServer) {
      return veeamError(
        c,
        400,
        'restoreTo: casServer is required with userName and userPassword (for Microsoft 365: outlook.office365.com).',
      );
    }
  }
  const folder = elsewhere
    ? (o.folder ?? `Restored ${new Date(s.view.pit).toISOString().slice(0, 10)}`)
    : null;
  const place = elsewhere ? `mailbox ${target}, folder ${folder}` : 'the original location';
  return perform(
    s,
    { type: 'Restore', title: `Restoring ${sel.what} to ${place}` },
    { bytes: bytesOf(s, sel), items: sel.rows.length },
    () => {
      const stats = restoreCounts(s, sel, o, elsewhere);
      const done = stats.createdItemsCount + stats.mergedItemsCount + stats.skippedItemsCount;
      const status = statusOf(done + stats.failedItemsCount, stats.failedItemsCount);
      const outcome: Outcome = {
        status,
        title:
          status === 'Success'
            ? 'Items are successfully restored.'
            : status === 'Warning'
              ? 'Items are restored with warnings.'
              : 'Items could not be restored.',
        message: `${sel.what[0]!.toUpperCase()}${sel.what.slice(1)} was restored to ${place} (created: ${stats.createdItemsCount}, merged: ${stats.mergedItemsCount}, skipped: ${stats.skippedItemsCount}, failed: ${stats.failedItemsCount})${o.markRestoredAsUnread ? ', marked as unread' : ''}.`,
        processed: done + stats.failedItemsCount,
        failed: stats.failedItemsCount,
      };
      return { outcome, answer: () => c.json(stats) };
    },
  );
}

/**
 * Save answers Outlook item files as Veeam does: one item as its .msg, several as a ZIP of .msg files
 * (v5 leaves the archive format of a bulk save unsaid; ZIP is what this service saves files in).
 */
async function save(s: Scope, c: Context, sel: Selection): Promise<Response> {
  const bytes = bytesOf(s, sel);
  if (bytes > MAX_SAVE_BYTES) {
    return veeamError(
      c,
      400,
      `savetoMsg: ${sel.what} come to ${sizeText(bytes)}, more than one download may hold (${sizeText(MAX_SAVE_BYTES)}); select fewer items.`,
    );
  }
  return perform(s, { type: 'Save', title: `Saving ${sel.what}` }, { bytes, items: sel.rows.length }, () => {
    const records = sel.rows.map((r) => presentMailItem(s, sel.mailbox, r));
    const one = records.length === 1 ? records[0]! : null;
    const file = one
      ? itemMsg(one, s.content.domain)
      : zip(
          records.map((r) => ({
            name: itemMsgName(r),
            data: itemMsg(r, s.content.domain),
            modified: new Date(r.created),
          })),
        );
    const name = one ? itemMsgName(one) : `${sel.mailbox.user.email} items.zip`;
    return {
      outcome: {
        status: 'Success',
        title: 'Items are successfully saved.',
        message: `${sel.what[0]!.toUpperCase()}${sel.what.slice(1)} was saved as ${name} (${sizeText(file.length)}).`,
        processed: records.length,
        failed: 0,
      },
      answer: () => fileAnswer(file, name, one ? 'application/octet-stream' : 'application/zip'),
    };
  });
}

async function send(s: Scope, c: Context, sel: Selection, action: ParsedAction): Promise<Response> {
  const o = (action.options ?? {}) as { to?: string; from?: string; subject?: string };
  const toOwner = action.name !== 'sendtodifferentaddress';
  const to = toOwner ? sel.mailbox.user.email : (o.to ?? '');
  const addresses = to
    .split(/[;,]/)
    .map((a) => a.trim())
    .filter(Boolean);
  const bad = addresses.find((a) => !EMAIL.test(a));
  if (addresses.length === 0 || bad)
    return veeamError(
      c,
      400,
      `${NAMES[action.name] ?? action.name}: to must be one or more e-mail addresses, not "${bad ?? to}".`,
    );
  if (o.from !== undefined && !EMAIL.test(o.from))
    return veeamError(c, 400, `from must be an e-mail address, not "${o.from}".`);
  return perform(
    s,
    { type: 'Send', title: `Sending ${sel.what} to ${addresses.join(', ')}` },
    { bytes: bytesOf(s, sel), items: sel.rows.length },
    () => {
      const answer: SendStats = { sentItemsCount: sel.rows.length, failedItemsCount: 0 };
      return {
        outcome: {
          status: 'Success',
          title: 'Items are successfully sent.',
          message: `${sel.what[0]!.toUpperCase()}${sel.what.slice(1)} was sent to ${addresses.join(', ')} from ${o.from ?? `noreply@${s.content.domain}`}${o.subject ? ` with the subject "${o.subject}"` : ''}.`,
          processed: sel.rows.length,
          failed: 0,
        },
        answer: () => c.json(answer),
      };
    },
  );
}

/** PST needs Outlook on the server; ours has none, so the export fails at once with an event saying so. */
async function exportPst(s: Scope, c: Context, sel: Selection): Promise<Response> {
  const res = await perform(
    s,
    { type: 'Export', title: `Exporting ${sel.what} to PST` },
    { bytes: 0, items: 0 },
    () => ({
      outcome: {
        status: 'Failed',
        title: 'Export to PST failed.',
        message: PST_REFUSAL,
        processed: 0,
        failed: 0,
      },
      answer: () => veeamError(c, 409, PST_REFUSAL),
    }),
  );
  return res;
}

export function exchangeActionRoutes(app: Hono, ctx: ServiceContext): void {
  const mailbox = '/v5/restoresessions/:id/organization/mailboxes/:mid';
  const paths = [
    [`${mailbox}/action`, 'mailbox', 'a mailbox', mailboxLevel],
    [`${mailbox}/folders/:fid/action`, 'folder', 'a mailbox folder', mailboxLevel],
    [`${mailbox}/items/action`, 'items', 'mailbox items', ITEM_SCHEMAS],
    [`${mailbox}/items/:iid/action`, 'item', 'a mailbox item', ITEM_SCHEMAS],
  ] as const;
  for (const [path, scope, what, schemas] of paths) {
    const names = Object.fromEntries(
      Object.keys(schemas).map((k) => [k, ITEM_NAMES[k as keyof typeof ITEM_NAMES] ?? k]),
    );
    actionRoute(app, ctx, 'Vex', path, what, schemas, names, (s, c, action) => {
      const sel = select(s, c, scope, action.options);
      if (sel instanceof Response) return sel;
      if (action.name === 'exporttopst') return exportPst(s, c, sel);
      if (action.name === 'savetomsg') return save(s, c, sel);
      if (action.name.startsWith('send')) return send(s, c, sel, action);
      return restore(s, c, sel, action);
    });
  }
}
