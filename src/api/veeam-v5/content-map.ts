import type { ContentItem, ItemKind } from '../restore-content';
import { normaliseIso } from '../run-parts';
import type { Document, MailboxItem, Post, SiteItem, TeamFile } from './restore-wire';
import { parseVeeamDateTime } from './wire-datetime';

type Fields = Record<string, string>;

/** Keeps the facts that have a value, in the order given. */
function facts(entries: [string, string | number | boolean | null | undefined][]): Fields {
  const out: Fields = {};
  for (const [label, value] of entries) {
    if (value === null || value === undefined || value === '') continue;
    out[label] = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
  }
  return out;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const time = (v: unknown): string | null => (typeof v === 'string' ? normaliseIso(v) : null);

function base(kind: ItemKind, id: string, marks: { isDeleted?: boolean; isLatestVersion?: boolean }) {
  return { kind, id, deleted: marks.isDeleted === true, earlierVersion: marks.isLatestVersion === false };
}

/** An Exchange item: its fields by `itemClass` (mail, appointment, contact, task, other). */
export function exchangeItem(item: MailboxItem): ContentItem {
  const r = item;
  const cls = item.itemClass.toLowerCase();
  const deletedAt = time(r.deletionTime);
  const common = { sizeBytes: null, version: null };
  if (cls.startsWith('ipm.appointment'))
    return {
      ...base('appointment', item.id, r),
      ...common,
      title: text(r.subject) ?? '(no subject)',
      from: text(r.organizer),
      to: text(r.attendees),
      at: time(r.startTime),
      fields: facts([
        ['Location', text(r.location)],
        ['Ends', time(r.endTime)],
        ['Recurring', r.recurring as boolean | undefined],
        ['Deleted', deletedAt],
      ]),
    };
  if (cls.startsWith('ipm.contact'))
    return {
      ...base('contact', item.id, r),
      ...common,
      title: text(r.fullName) ?? text(r.displayAs) ?? '(no name)',
      from: text(r.email),
      to: null,
      at: null,
      fields: facts([
        ['Company', text(r.company)],
        ['Job title', text(r.jobTitle)],
        ['Business phone', text(r.businessPhone)],
        ['Mobile', text(r.mobile)],
        ['Address', text(r.address)],
        ['Deleted', deletedAt],
      ]),
    };
  if (cls.startsWith('ipm.task'))
    return {
      ...base('task', item.id, r),
      ...common,
      title: text(r.subject) ?? '(no subject)',
      from: text(r.owner),
      to: null,
      at: time(r.dueDate),
      fields: facts([
        ['Status', text(r.status)],
        ['% complete', r.percentComplete as number | undefined],
        ['Starts', time(r.startDate)],
        ['Deleted', deletedAt],
      ]),
    };
  const mail = cls.startsWith('ipm.note') || cls.startsWith('ipm.schedule') || 'subject' in r;
  const attachments = Array.isArray(r.attachments) ? (r.attachments as string[]) : [];
  return {
    ...base(mail ? 'mail' : 'note', item.id, r),
    ...common,
    title: text(r.subject) ?? '(no subject)',
    from: text(r.from),
    to: text(r.to),
    at: time(r.received) ?? time(r.sent),
    fields: facts([
      ['Class', item.itemClass],
      ['Cc', text(r.cc)],
      ['Sent', time(r.sent)],
      ['Importance', text(r.importance)],
      ['Attachments', attachments.join(', ')],
      ['Deleted', deletedAt],
    ]),
  };
}

/** A OneDrive or SharePoint document. */
export function documentItem(d: Document): ContentItem {
  return {
    ...base('document', d.id, d),
    title: d.name,
    from: d.modifiedBy ?? d.createdBy ?? null,
    to: null,
    at: time(d.modificationTime) ?? time(d.creationTime),
    sizeBytes: d.sizeBytes,
    version: d.version,
    fields: facts([
      ['Created by', d.createdBy],
      ['Created', time(d.creationTime)],
      ['Inherited permissions', d.inheritedPermissions],
      ['Deleted', time(d.deletionTime)],
    ]),
  };
}

/** An item of a SharePoint list. */
export function siteListItem(i: SiteItem): ContentItem {
  return {
    ...base('list-item', i.id, i),
    title: i.title || i.name || '(no title)',
    from: i.modifiedBy ?? i.createdBy ?? null,
    to: null,
    at: time(i.modificationTime) ?? time(i.creationTime),
    sizeBytes: null,
    version: i.version ?? null,
    fields: facts([
      ['Created by', i.createdBy],
      ['Created', time(i.creationTime)],
      ['Deleted', time(i.deletionTime)],
    ]),
  };
}

export function postItem(p: Post): ContentItem {
  return {
    ...base('post', p.id, p),
    title: p.subject || (p.content ? p.content.slice(0, 80) : '(no subject)'),
    from: p.author,
    to: null,
    at: time(p.createdTime),
    sizeBytes: null,
    version: null,
    fields: facts([
      ['Message', p.content],
      ['Replies', p.replyCount],
      ['Reply to', p.parentId],
      ['Modified', time(p.lastModifiedTime)],
      ['Deleted', time(p.deletionTime)],
    ]),
  };
}

export function teamFileItem(f: TeamFile): ContentItem {
  return {
    ...base(f.isFolder ? 'folder' : 'file', f.id, f),
    title: f.name,
    from: f.modifiedBy ?? null,
    to: null,
    at: time(f.modificationTime),
    sizeBytes: f.sizeBytes ?? null,
    version: f.version ?? null,
    fields: facts([['Deleted', time(f.deletionTime)]]),
  };
}

/** "3/1/2021 11:00:02 PM", as v5 writes times in names (taken as UTC); null when it is not one. */
export function parseUsDateTime(text: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ?(AM|PM)$/i.exec(text.trim());
  if (!m) return null;
  const [month = 0, day = 0, year = 0, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map(Number);
  if (hour < 1 || hour > 12) return null;
  const h = (hour % 12) + (m[7]?.toUpperCase() === 'PM' ? 12 : 0);
  const at = Date.UTC(year, month - 1, day, h, minute, second);
  return new Date(at).getUTCDate() === day ? at : null;
}

/**
 * The point in time of a session from its organization's name, "<tenant> (<backup time>)" as v5
 * writes it; null when the parentheses hold no date.
 */
export function organizationNameParts(name: string): { tenant: string; pointInTime: string | null } {
  const m = /^(.*)\s\(([^()]+)\)\s*$/.exec(name);
  if (!m) return { tenant: name, pointInTime: null };
  const at = parseUsDateTime(m[2]!) ?? parseVeeamDateTime(m[2]!);
  return at === null
    ? { tenant: name, pointInTime: null }
    : { tenant: m[1]!, pointInTime: new Date(at).toISOString() };
}
