import type {
  AppointmentItem,
  ContactItem,
  Mailbox,
  MailboxFolder,
  MailItem,
  TaskItem,
} from '../../../src/api/veeam-v5/restore-wire';
import type { Timeline, View } from './core';
import { DAY, KIND, hash32, iso, pick, unit } from './core';
import type { OrgContent, Person } from './org';
import { CITIES, JOB_TITLES, LOCATIONS, MONTHS, SENTENCES, STREETS, TASKS, TOPICS } from './words';

/** Exchange content: each licensed user's mailbox (and an archive for every third), its folders and items. */

const ARCHIVE = 0x8000;

export interface MailboxRef {
  a: number;
  user: Person;
  isArchive: boolean;
}

type FolderType = 'None' | 'Appointment' | 'Contact' | 'Task';
interface FolderDef {
  name: string;
  type: FolderType;
  parent: number | null;
  /** Items at the first backup, as a share of the mailbox's size. */
  share: number;
}

/** The folder tree of every mailbox (an archive mailbox has the mail folders only). */
export const MAIL_FOLDERS: readonly FolderDef[] = [
  { name: 'Inbox', type: 'None', parent: null, share: 1 },
  { name: 'Projects', type: 'None', parent: 0, share: 0.12 },
  { name: 'Customers', type: 'None', parent: 0, share: 0.08 },
  { name: 'Newsletters', type: 'None', parent: 0, share: 0.15 },
  { name: 'Sent Items', type: 'None', parent: null, share: 0.45 },
  { name: 'Drafts', type: 'None', parent: null, share: 0.004 },
  { name: 'Deleted Items', type: 'None', parent: null, share: 0.06 },
  { name: 'Archive', type: 'None', parent: null, share: 0.3 },
  { name: 'Receipts', type: 'None', parent: 7, share: 0.05 },
  { name: 'Junk Email', type: 'None', parent: null, share: 0.02 },
  { name: 'Calendar', type: 'Appointment', parent: null, share: 0.08 },
  { name: 'Contacts', type: 'Contact', parent: null, share: 0.03 },
  { name: 'Tasks', type: 'Task', parent: null, share: 0.01 },
];
const ARCHIVE_FOLDERS = [0, 4, 7, 8];

export function mailboxes(o: OrgContent): MailboxRef[] {
  if (!o.org.is_exchange) return [];
  return o.people.flatMap((user, u) => [
    { a: u, user, isArchive: false },
    ...(u % 3 === 0 ? [{ a: u | ARCHIVE, user, isArchive: true }] : []),
  ]);
}

export function mailboxAt(o: OrgContent, a: number): MailboxRef | undefined {
  return mailboxes(o).find((m) => m.a === a);
}

export function folderNumbers(m: MailboxRef): number[] {
  return m.isArchive ? ARCHIVE_FOLDERS : MAIL_FOLDERS.map((_, f) => f);
}

/** The size of a mailbox as a share of the biggest: the first user's is the biggest. */
function mailboxShare(o: OrgContent, m: MailboxRef): number {
  const u = m.a & ~ARCHIVE;
  const base = u === 0 ? 1 : o.share(0.04, 0.5, KIND.mailbox, u);
  return m.isArchive ? base * 0.5 : base;
}

export function folderTimeline(o: OrgContent, m: MailboxRef, f: number): Timeline {
  const def = MAIL_FOLDERS[f]!;
  const size = Math.max(3, o.big * mailboxShare(o, m) * def.share);
  return o.timeline(KIND.mailItem, m.a, f, 0, def.type === 'Contact' ? Math.min(size, 2500) : size, false);
}

export function presentMailbox(o: OrgContent, base: string, m: MailboxRef): Mailbox {
  const id = o.id(KIND.mailbox, m.a);
  const self = `${base}/Mailboxes/${id}`;
  return {
    id,
    name: m.isArchive ? `In-Place Archive - ${m.user.name}` : m.user.name,
    email: m.user.email,
    isArchive: m.isArchive,
    _links: {
      self: { href: self },
      folders: { href: `${self}/Folders?parentId=null` },
      allfolders: { href: `${self}/Folders` },
    },
  };
}

export function presentMailFolder(o: OrgContent, base: string, m: MailboxRef, f: number): MailboxFolder {
  const def = MAIL_FOLDERS[f]!;
  const mailbox = `${base}/Mailboxes/${o.id(KIND.mailbox, m.a)}`;
  const id = o.id(KIND.mailFolder, m.a, f);
  return {
    id,
    name: def.name,
    type: def.type,
    description: '',
    _links: {
      self: { href: `${mailbox}/Folders/${id}` },
      mailbox: { href: mailbox },
      ...(def.parent !== null
        ? { parent: { href: `${mailbox}/Folders/${o.id(KIND.mailFolder, m.a, def.parent)}` } }
        : {}),
      folders: { href: `${mailbox}/Folders?parentId=${id}` },
      items: { href: `${mailbox}/Items?folderId=${id}` },
    },
  };
}

/** A mailbox item and what a save, send or restore needs of it besides its wire fields. */
export interface MailRecord {
  wire: MailItem | AppointmentItem | ContactItem | TaskItem;
  /** For events and file names. */
  title: string;
  /** Made-up size in bytes (Exchange items show none; restores take time by it). */
  sizeBytes: number;
  body: string;
  created: number;
}

const subjectOf = (o: OrgContent, key: number, i: number, folder: string): string => {
  const topic = pick(TOPICS, key, i, 20);
  const company = o.outsider(key, i).company;
  const n = 10_000 + (hash32(key, i, 21) % 89_999);
  const month = MONTHS[hash32(key, i, 22) % 12]!;
  if (folder === 'Newsletters') return `${company} Weekly \u2013 ${month} edition`;
  if (folder === 'Receipts') return `Your receipt #${n} from ${company}`;
  if (folder === 'Junk Email')
    return `You have won a ${pick(['voucher', 'prize', 'gift card'], key, i, 23)}!`;
  const forms = [
    `Re: ${topic}`,
    `${topic[0]!.toUpperCase()}${topic.slice(1)}`,
    `Invoice ${n} from ${company}`,
    `Meeting notes: ${topic}`,
    `${company} proposal v${1 + (n % 4)}`,
    `FW: ${topic}`,
    `Question about the ${topic}`,
    `Your order #${n} has shipped`,
  ];
  return pick(forms, key, i, 24);
};

const bodyOf = (key: number, i: number): string =>
  [0, 1, 2].map((k) => pick(SENTENCES, key, i, 30 + k)).join(' ');

/** The made-up size of item i of a folder of this type (no field shows it; restores take time by it). */
export function mailSizeBytes(t: Timeline, type: FolderType, i: number): number {
  const base = 4_000 + (hash32(t.key, i, 40) % 180_000);
  if (type === 'Contact') return 2_000 + (base % 8_000);
  if (type === 'Task') return 1_500 + (base % 6_000);
  if (type === 'Appointment') return base;
  return base + (unit(t.key, i, 73) < 0.2 ? 350_000 : 0);
}

export function folderType(f: number): FolderType {
  return MAIL_FOLDERS[f]!.type;
}

/** Item i (version v) of folder f: a pure function of the organization, mailbox, folder and index. */
export function mailItem(
  o: OrgContent,
  base: string,
  m: MailboxRef,
  f: number,
  t: Timeline,
  i: number,
  v: number,
  view: View,
): MailRecord {
  const def = MAIL_FOLDERS[f]!;
  const key = t.key;
  const created = t.created(i);
  const mailbox = `${base}/Mailboxes/${o.id(KIND.mailbox, m.a)}`;
  const id = o.id(KIND.mailItem, m.a, f, 0, i, v);
  const deletedAt = t.deletedAt(i);
  const deleted = deletedAt !== null && deletedAt <= view.pit;
  const common = {
    id,
    ...(deleted ? { isDeleted: true, deletionTime: iso(deletedAt) } : { isDeleted: false }),
    _links: {
      self: { href: `${mailbox}/Items/${id}` },
      parent: { href: `${mailbox}/Folders/${o.id(KIND.mailFolder, m.a, f)}` },
      mailbox: { href: mailbox },
    },
  };
  const body = bodyOf(key, i);
  const sizeBytes = mailSizeBytes(t, def.type, i);
  if (def.type === 'Appointment') {
    const topic = pick(TOPICS, key, i, 20);
    const start = created + Math.round((1 + unit(key, i, 41) * 20) * DAY);
    const startTime = Math.floor(start / 1_800_000) * 1_800_000;
    const attendees = [0, 1, 2]
      .slice(0, 1 + (hash32(key, i, 42) % 3))
      .map((k) => o.person(key, i, 43 + k).email);
    const wire: AppointmentItem = {
      ...common,
      itemClass: 'IPM.Appointment',
      subject: `${topic[0]!.toUpperCase()}${topic.slice(1)}`,
      organizer: (unit(key, i, 44) < 0.5 ? m.user : o.person(key, i, 45)).email,
      attendees: attendees.join('; '),
      location: pick(LOCATIONS, key, i, 46),
      startTime: iso(startTime),
      endTime: iso(startTime + (hash32(key, i, 47) % 3 === 0 ? 3_600_000 : 1_800_000)),
      recurring: unit(key, i, 48) < 0.15,
    };
    return { wire, title: wire.subject, sizeBytes, body, created };
  }
  if (def.type === 'Contact') {
    const p = o.outsider(key, i);
    const [first = '', last = ''] = p.name.split(' ');
    const phone = (k: number) =>
      `+47 ${String(20_000_000 + (hash32(key, i, k) % 79_999_999)).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
    const wire: ContactItem = {
      ...common,
      itemClass: 'IPM.Contact',
      fullName: p.name,
      displayAs: `${p.name} (${p.email})`,
      email: p.email,
      company: p.company,
      jobTitle: pick(JOB_TITLES, key, i, 50),
      businessPhone: phone(51),
      homePhone: '',
      mobile: phone(52),
      fax: '',
      address: `${1 + (hash32(key, i, 53) % 120)} ${pick(STREETS, key, i, 54)}, ${pick(CITIES, key, i, 55)}`,
      imAddress: p.email,
      webPage: `https://www.${p.email.split('@')[1]}`,
      fileAs: `${last}, ${first}`,
    };
    return { wire, title: p.name, sizeBytes, body, created };
  }
  if (def.type === 'Task') {
    const status = pick(
      ['NotStarted', 'InProgress', 'Completed', 'Completed', 'WaitingOnsomeoneelse', 'Deferred'],
      key,
      i,
      60,
    );
    const wire: TaskItem = {
      ...common,
      itemClass: 'IPM.Task',
      subject: `${pick(TASKS, key, i, 61)} ${o.outsider(key, i).company}`,
      status,
      percentComplete:
        status === 'Completed' ? 100 : status === 'InProgress' ? 10 * (1 + (hash32(key, i, 62) % 9)) : 0,
      startDate: iso(Math.floor(created / DAY) * DAY),
      dueDate: iso(Math.floor(created / DAY) * DAY + (2 + (hash32(key, i, 63) % 30)) * DAY),
      owner: m.user.email,
    };
    return { wire, title: wire.subject, sizeBytes, body, created };
  }
  const sent = def.name === 'Sent Items' || def.name === 'Drafts';
  const other = o.person(key, i, 70);
  const from = sent ? m.user : other;
  const to = sent ? other : m.user;
  const cc = unit(key, i, 71) < 0.25 ? o.person(key, i, 72).email : '';
  const subject = subjectOf(o, key, i, def.name);
  const attachments =
    unit(key, i, 73) < 0.2
      ? [
          `${
            subject
              .replace(/[^\w -]+/g, '')
              .slice(0, 24)
              .trim() || 'Attachment'
          }.pdf`,
        ]
      : [];
  const wire: MailItem = {
    ...common,
    itemClass: unit(key, i, 74) < 0.04 && !sent ? 'IPM.Schedule.Meeting.Request' : 'IPM.Note',
    from: from.email,
    to: to.email,
    cc,
    bcc: '',
    subject,
    sent: def.name === 'Drafts' ? null : iso(created - 2_000 - (hash32(key, i, 75) % 90_000)),
    received: def.name === 'Drafts' ? null : iso(created),
    reminder: unit(key, i, 76) < 0.05,
    importance: unit(key, i, 77) < 0.06 ? 'High' : unit(key, i, 78) < 0.03 ? 'Low' : 'Normal',
    attachments,
  };
  return { wire, title: subject, sizeBytes, body, created };
}

/** The folder numbers under `parent` (null: the root folders; undefined: every folder). */
export function childFolders(m: MailboxRef, parent: number | null | undefined): number[] {
  return folderNumbers(m).filter((f) => {
    if (parent === undefined) return true;
    const p = MAIL_FOLDERS[f]!.parent;
    return m.isArchive && parent === null ? p === null || !ARCHIVE_FOLDERS.includes(p) : p === parent;
  });
}
