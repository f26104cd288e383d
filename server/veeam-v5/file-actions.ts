import type { Context } from 'hono';
import type {
  OneDriveRestoreStats,
  SendStats,
  SharePointRestoreStats,
} from '../../src/api/veeam-v5/restore-wire';
import { unit } from './content/core';
import { documentBytes } from './content/documents';
import type { Scope } from './explore-http';
import { veeamError } from './http';
import type { ParsedAction } from './restore-run';
import { MAX_SAVE_BYTES, fileAnswer, perform, sizeText, statusOf } from './restore-run';
import { zip } from './zip';

/**
 * What OneDrive, SharePoint and Teams actions share: a selection of entries (documents, list items,
 * files), the counters of a restore, a save (the file itself or a ZIP), a send.
 */

export interface Entry {
  /** Path inside a ZIP ("Projects/Budget 2026.xlsx"). */
  path: string;
  name: string;
  sizeBytes: number;
  modified: number;
  /** The timeline key and index: what decides how the live copy differs (derived). */
  key: number;
  i: number;
  isDeleted: boolean;
  data(): Buffer;
}

export interface Selection {
  entries: Entry[];
  /** "3 documents of John's OneDrive" */
  what: string;
}

export const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
const capital = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/**
 * The counters of restoring entries to where they were: each is compared with the live copy (derived
 * per entry): the same → skipped (no changes); changed or gone → restored, unless changedItems or
 * deletedItems is false; one in 250 fails, one in 300 is refused by permissions. Elsewhere (another
 * OneDrive, list or site) every entry is restored but for the failures.
 */
export function fileRestoreCounts(
  sel: Selection,
  o: { changedItems?: boolean; deletedItems?: boolean },
  elsewhere: boolean,
): OneDriveRestoreStats {
  const stats = {
    totalItemsCount: sel.entries.length,
    restoredItemsCount: 0,
    failedItemsCount: 0,
    failedRestrictionsCount: 0,
    skippedItemsByErrorCount: 0,
    skippedItemsByNoChangesCount: 0,
  };
  for (const e of sel.entries) {
    if (unit(e.key, e.i, 91) < 0.004) stats.failedItemsCount++;
    else if (unit(e.key, e.i, 92) < 0.0033) stats.failedRestrictionsCount++;
    else if (elsewhere) stats.restoredItemsCount++;
    else {
      const u = unit(e.key, e.i, 90);
      const gone = e.isDeleted || u >= 0.85;
      const changed = !gone && u >= 0.6;
      if (
        (gone && o.deletedItems === false) ||
        (changed && o.changedItems === false) ||
        (!gone && !changed)
      ) {
        stats.skippedItemsByNoChangesCount++;
      } else stats.restoredItemsCount++;
    }
  }
  return stats;
}

export function restoreOutcome(
  sel: Selection,
  stats: OneDriveRestoreStats | SharePointRestoreStats,
  place: string,
) {
  const failed = stats.failedItemsCount + (stats.failedRestrictionsCount ?? 0);
  const status = statusOf(stats.totalItemsCount, failed);
  return {
    status,
    title:
      status === 'Success'
        ? 'Items are successfully restored.'
        : status === 'Warning'
          ? 'Items are restored with warnings.'
          : 'Items could not be restored.',
    message: `${capital(sel.what)} was restored to ${place} (total: ${stats.totalItemsCount}, restored: ${stats.restoredItemsCount}, skipped: ${stats.skippedItemsByNoChangesCount ?? 0}, failed: ${failed}).`,
    processed: stats.totalItemsCount,
    failed,
  };
}

/** Runs a restore whose counters `count` makes, as a Restore event. */
export function runRestore(
  s: Scope,
  c: Context,
  sel: Selection,
  place: string,
  count: () => OneDriveRestoreStats | SharePointRestoreStats,
): Promise<Response> {
  const bytes = sel.entries.reduce((sum, e) => sum + e.sizeBytes, 0);
  return perform(
    s,
    { type: 'Restore', title: `Restoring ${sel.what} to ${place}` },
    { bytes, items: sel.entries.length },
    () => {
      const stats = count();
      return { outcome: restoreOutcome(sel, stats, place), answer: () => c.json(stats) };
    },
  );
}

/** Save: one entry as itself (unless asZip is true), several as a ZIP with their folder paths. */
export function runSave(
  s: Scope,
  c: Context,
  sel: Selection,
  action: ParsedAction,
  zipName: string,
): Promise<Response> | Response {
  const asZip = (action.options as { asZip?: boolean } | null)?.asZip;
  if (sel.entries.length === 0)
    return veeamError(c, 400, `There is nothing to save: ${sel.what} hold no items at this point in time.`);
  if (asZip === false && sel.entries.length > 1) {
    return veeamError(
      c,
      400,
      `save: asZip false gives one file, so it needs exactly one document; ${sel.what} are ${sel.entries.length}.`,
    );
  }
  const bytes = sel.entries.reduce((sum, e) => sum + e.sizeBytes, 0);
  if (bytes > MAX_SAVE_BYTES) {
    return veeamError(
      c,
      400,
      `save: ${sel.what} come to ${sizeText(bytes)}, more than one download may hold (${sizeText(MAX_SAVE_BYTES)}); select fewer items.`,
    );
  }
  return perform(
    s,
    { type: 'Save', title: `Saving ${sel.what}` },
    { bytes, items: sel.entries.length },
    () => {
      const one = sel.entries.length === 1 && asZip !== true ? sel.entries[0]! : null;
      const file = one
        ? one.data()
        : zip(sel.entries.map((e) => ({ name: e.path, data: e.data(), modified: new Date(e.modified) })));
      const name = one ? one.name : zipName;
      return {
        outcome: {
          status: 'Success',
          title: 'Items are successfully saved.',
          message: `${capital(sel.what)} was saved as ${name} (${sizeText(file.length)}).`,
          processed: sel.entries.length,
          failed: 0,
        },
        answer: () => fileAnswer(file, name, one ? 'application/octet-stream' : 'application/zip'),
      };
    },
  );
}

export function runSend(
  s: Scope,
  c: Context,
  sel: Selection,
  action: ParsedAction,
): Promise<Response> | Response {
  const o = (action.options ?? {}) as { to?: string; from?: string; subject?: string };
  const addresses = (o.to ?? '')
    .split(/[;,]/)
    .map((a) => a.trim())
    .filter(Boolean);
  const bad = addresses.find((a) => !EMAIL.test(a));
  if (addresses.length === 0 || bad)
    return veeamError(c, 400, `to must be one or more e-mail addresses, not "${bad ?? o.to ?? ''}".`);
  if (o.from !== undefined && !EMAIL.test(o.from))
    return veeamError(c, 400, `from must be an e-mail address, not "${o.from}".`);
  if (sel.entries.length === 0)
    return veeamError(c, 400, `There is nothing to send: ${sel.what} hold no items at this point in time.`);
  const bytes = sel.entries.reduce((sum, e) => sum + e.sizeBytes, 0);
  return perform(
    s,
    { type: 'Send', title: `Sending ${sel.what} to ${addresses.join(', ')}` },
    { bytes, items: sel.entries.length },
    () => {
      const answer: SendStats = { sentItemsCount: sel.entries.length, failedItemsCount: 0 };
      return {
        outcome: {
          status: 'Success',
          title: 'Items are successfully sent.',
          message: `${capital(sel.what)} was sent to ${addresses.join(', ')}${o.subject ? ` with the subject "${o.subject}"` : ''}.`,
          processed: sel.entries.length,
          failed: 0,
        },
        answer: () => c.json(answer),
      };
    },
  );
}

/** An entry of a document record. */
export function documentEntry(
  rec: {
    name: string;
    sizeBytes: number;
    version: string;
    modifiedBy: string;
    modificationTime: string;
    isDeleted: boolean;
  },
  folderPath: string,
  key: number,
  i: number,
): Entry {
  return {
    path: `${folderPath}${rec.name}`,
    name: rec.name,
    sizeBytes: rec.sizeBytes,
    modified: Date.parse(rec.modificationTime),
    key,
    i,
    isDeleted: rec.isDeleted,
    data: () => documentBytes(rec),
  };
}
