import { ApiError } from '../api-error';
import type { HttpClient } from '../http';
import { parseAnswer, path } from '../http';
import type { ContentActionInput, ContentActionOutcome, ContentKind } from '../restore-content';
import { contentActionSpec } from './content-actions';
import type { Place } from './content-paths';
import { explorerOf, placeOf } from './content-paths';
import { restoreStatsSchema } from './restore-wire';

/** Restores run synchronously in v5 and may take long: the call waits up to this. */
export const ACTION_TIMEOUT_MS = 15 * 60_000;

/** People's words for v5's counters; a counter not named here shows under its own name. */
const COUNTER_LABELS: Record<string, string> = {
  createdItemsCount: 'Created',
  mergedItemsCount: 'Merged',
  skippedItemsCount: 'Skipped',
  failedItemsCount: 'Failed',
  totalItemsCount: 'Total',
  restoredItemsCount: 'Restored',
  failedRestrictionsCount: 'Refused by permissions',
  skippedItemsByErrorCount: 'Skipped after an error',
  skippedItemsByNoChangesCount: 'Skipped, unchanged',
  restoredWebsCount: 'Sites restored',
  failedWebsCount: 'Sites failed',
  restoredListsCount: 'Lists restored',
  failedListsCount: 'Lists failed',
  sentItemsCount: 'Sent',
};

export function countersOf(answer: Record<string, unknown>): ContentActionOutcome['counters'] {
  return Object.entries(answer)
    .filter((e): e is [string, number] => e[0].endsWith('Count') && typeof e[1] === 'number')
    .map(([key, value]) => ({ label: COUNTER_LABELS[key] ?? key.replace(/Count$/, ''), value }));
}

/** The endpoint of a selection of items in a place, and the body field that lists them. */
function selectionOf(
  rid: string,
  p: Place,
): { url: string; field: string; extra: Record<string, unknown> } | null {
  const r = path`/restoresessions/${rid}/organization`;
  switch (p.kind) {
    case 'mail-folder':
      return { url: path`${r}/mailboxes/${p.mailbox}/items/action`, field: 'items', extra: {} };
    case 'onedrive':
    case 'onedrive-folder':
      return { url: path`${r}/onedrives/${p.onedrive}/documents/action`, field: 'documents', extra: {} };
    case 'library':
    case 'library-folder':
      return { url: path`${r}/sites/${p.site}/documents/action`, field: 'documents', extra: {} };
    case 'list':
    case 'list-folder':
      return { url: path`${r}/sites/${p.site}/items/action`, field: 'items', extra: {} };
    case 'posts':
      return {
        url: path`${r}/teams/${p.team}/posts/action`,
        field: 'posts',
        extra: { channelId: p.channel },
      };
    case 'files':
      return {
        url: path`${r}/teams/${p.team}/files/action`,
        field: 'files',
        extra: { channelId: p.channel },
      };
    default:
      return null;
  }
}

/** The options object of one action, in v5's names. */
function optionsOf(kind: ContentKind, key: string, input: ContentActionInput, count: number) {
  const on = (k: string) => input.options[k] === true;
  const creds = input.credentials
    ? { userName: input.credentials.userName, userPassword: input.credentials.password }
    : {};
  const mail = input.mail ? { to: input.mail.to, subject: input.mail.subject, text: input.mail.text } : {};
  const version = on('allVersions') ? 'all' : 'last';
  if (key === 'send') return mail;
  if (key === 'save') return kind === 'exchange' ? {} : { asZip: count > 1 };
  if (key === 'export') return {};
  switch (kind) {
    case 'exchange':
      return {
        ...creds,
        changedItems: on('changedItems'),
        deletedItems: on('deletedItems'),
        markRestoredAsUnread: on('markRestoredAsUnread'),
        ...(key === 'restore-to'
          ? {
              mailbox: input.target,
              casServer: 'outlook.office365.com',
              ...(input.folder ? { folder: input.folder } : {}),
            }
          : {}),
      };
    case 'onedrive':
      return key === 'restore-to'
        ? {
            ...creds,
            oneDrive: input.target,
            ...(input.folder ? { folder: input.folder } : {}),
            documentVersion: version,
            restorePermissions: on('restorePermissions'),
          }
        : { ...creds, documentVersion: version, documentAction: on('overwrite') ? 'overwrite' : 'keep' };
    case 'sharepoint':
      return {
        ...creds,
        ...(key === 'restore-to' ? { list: input.target } : {}),
        restorePermissions: on('restorePermissions'),
        documentVersion: version,
        documentLastVersionAction: on('overwrite') ? 'overwrite' : 'merge',
      };
    case 'teams':
      return {
        ...creds,
        restoreChangedItems: on('restoreChangedItems'),
        restoreMissingItems: on('restoreMissingItems'),
      };
  }
}

/** `filename="x"` or `filename*=UTF-8''x` of a Content-Disposition header. */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*[^']*''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]?.trim() ?? null;
}

function fileNameOf(headers: Headers, input: ContentActionInput, key: string): string {
  const named = dispositionName(headers.get('content-disposition'));
  if (named) return named;
  const type = headers.get('content-type') ?? '';
  const ext = /zip/i.test(type) ? '.zip' : key === 'save' ? '.msg' : key === 'export' ? '.html' : '';
  const base = (input.suggestedName ?? 'restore').replace(/[\\/:*?"<>|]+/g, '_');
  return base.toLowerCase().endsWith(ext) ? base : `${base}${ext}`;
}

/** Runs one action on a selection of items and reads its counters, or the file it answers. */
export async function runVeeamContentAction(
  http: HttpClient,
  rid: string,
  input: ContentActionInput,
): Promise<ContentActionOutcome> {
  const place = placeOf(input.nodeId);
  const kind = place && explorerOf(place);
  const action = kind && contentActionSpec(kind, input.action);
  const selection = place && selectionOf(rid, place);
  const refuse = (message: string) =>
    new ApiError({
      kind: 'http',
      status: 400,
      code: 'invalid-input',
      message,
      connectionId: http.connectionId,
    });
  if (!selection || !kind) throw refuse('Choose items in a folder, list or channel first.');
  if (!action) throw refuse(`There is no action "${input.action}" here.`);
  if (input.itemIds.length === 0) throw refuse('Choose at least one item.');
  const body = {
    [action.wireKey]: {
      ...optionsOf(kind, input.action, input, input.itemIds.length),
      ...selection.extra,
      [selection.field]: input.itemIds.map((id) => ({ id })),
    },
  };
  const spec = { method: 'POST' as const, path: selection.url, json: body, timeoutMs: ACTION_TIMEOUT_MS };
  if (action.download) {
    const answer = await http.send({ ...spec, binary: true });
    const blob = answer.body instanceof Blob ? answer.body : new Blob([JSON.stringify(answer.body ?? '')]);
    return {
      counters: [],
      messages: [],
      file: { name: fileNameOf(answer.headers, input, input.action), blob },
    };
  }
  const answer = await http.send(spec);
  const stats: Record<string, unknown> =
    answer.body === undefined
      ? {}
      : parseAnswer(
          restoreStatsSchema,
          answer.body,
          { method: 'POST', url: selection.url },
          http.connectionId,
        );
  const exceptions: unknown = stats.exceptions;
  const messages = Array.isArray(exceptions)
    ? exceptions.filter((x): x is string => typeof x === 'string')
    : [];
  return { counters: countersOf(stats), messages, file: null };
}
