import type {
  AppointmentItem,
  ContactItem,
  MailItem,
  TaskItem,
} from '../../../src/api/veeam-v5/restore-wire';
import type { MailRecord } from '../content/exchange';
import { displayNameOf } from '../content/org';
import { LID, MSGFLAG, STORE_UNICODE_OK, TAG } from './mapi-tags';
import type { MsgMessage, Prop } from './msg';
import { msgFile, prop } from './msg';
import { placeholderPdf } from './placeholder-pdf';

/**
 * A backed-up mailbox item as the Outlook item file (.msg) Veeam saves it as: a mail as IPM.Note
 * (or the meeting request it is), an appointment as IPM.Appointment, a contact as IPM.Contact, a task
 * as IPM.Task, each with the properties Outlook shows for that kind (docs/msg-format.md).
 */

/** "Meeting notes trade show.msg": the item's title made safe as a file name. */
export function itemMsgName(r: MailRecord): string {
  const stem =
    r.title
      .replace(/[\\/:*?"<>|\r\n]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'item';
  return `${stem}.msg`;
}

const addresses = (list: string | undefined) =>
  (list ?? '')
    .split(/[;,]/)
    .map((a) => a.trim())
    .filter(Boolean);
const names = (list: string[]) => list.map(displayNameOf).join('; ');
/** MAPI_TO, MAPI_CC, MAPI_BCC. */
type RecipientType = 1 | 2 | 3;
const IMPORTANCE: Record<string, number> = { Low: 0, Normal: 1, High: 2 };
const TASK_STATUS: Record<string, number> = {
  NotStarted: 0,
  InProgress: 1,
  Completed: 2,
  WaitingOnsomeoneelse: 3,
  Deferred: 4,
};

function recipient(email: string, type: RecipientType, row: number): Prop[] {
  const name = displayNameOf(email);
  return [
    prop.long(TAG.rowid, row),
    prop.long(TAG.recipientType, type),
    prop.long(TAG.objectType, 6), // MAPI_MAILUSER
    prop.long(TAG.displayType, 0), // DT_MAILUSER
    prop.unicode(TAG.displayName, name),
    prop.unicode(TAG.recipientDisplayName, name),
    prop.unicode(TAG.addressType, 'SMTP'),
    prop.unicode(TAG.emailAddress, email),
    prop.unicode(TAG.smtpAddress, email),
  ];
}

function recipients(...lists: [string[], RecipientType][]): Prop[][] {
  const all = lists.flatMap(([list, type]) => list.map((email) => ({ email, type })));
  return all.map((r, row) => recipient(r.email, r.type, row));
}

/** The sender, and the same person as the one the mail is sent for. */
function sender(email: string): Prop[] {
  const name = displayNameOf(email);
  return [
    prop.unicode(TAG.senderName, name),
    prop.unicode(TAG.senderAddressType, 'SMTP'),
    prop.unicode(TAG.senderEmailAddress, email),
    prop.unicode(TAG.senderSmtpAddress, email),
    prop.unicode(TAG.sentRepresentingName, name),
    prop.unicode(TAG.sentRepresentingAddressType, 'SMTP'),
    prop.unicode(TAG.sentRepresentingEmailAddress, email),
    prop.unicode(TAG.sentRepresentingSmtpAddress, email),
  ];
}

function common(r: MailRecord, subject: string, flags: number): Prop[] {
  const normalized = subject.replace(/^(re|fw|fwd):\s*/i, '');
  return [
    prop.unicode(TAG.messageClass, r.wire.itemClass),
    prop.unicode(TAG.subject, subject),
    prop.unicode(TAG.normalizedSubject, normalized),
    prop.unicode(TAG.conversationTopic, normalized),
    prop.unicode(TAG.body, r.body),
    prop.time(TAG.creationTime, r.created),
    prop.time(TAG.lastModificationTime, r.created),
    prop.long(TAG.messageFlags, flags),
    prop.long(TAG.storeSupportMask, STORE_UNICODE_OK),
  ];
}

/** An attachment by value (ATTACH_BY_VALUE): a PDF standing in for the file the item names. */
function pdfAttachment(fileName: string, subject: string, n: number, created: number): Prop[] {
  const data = placeholderPdf(fileName, `Attached to "${subject}".`);
  const stem = fileName.replace(/\.[^.]*$/, '');
  return [
    prop.long(TAG.attachNumber, n),
    prop.long(TAG.attachMethod, 1),
    prop.long(TAG.renderingPosition, -1),
    prop.long(TAG.attachSize, data.length),
    prop.unicode(TAG.displayName, fileName),
    prop.unicode(TAG.attachLongFilename, fileName),
    prop.unicode(TAG.attachFilename, `${stem.replace(/[^\w]/g, '').slice(0, 6).toUpperCase()}~${n + 1}.PDF`),
    prop.unicode(TAG.attachExtension, '.pdf'),
    prop.unicode(TAG.attachMimeTag, 'application/pdf'),
    prop.time(TAG.creationTime, created),
    prop.time(TAG.lastModificationTime, created),
    prop.binary(TAG.attachDataBinary, data),
  ];
}

function mail(r: MailRecord, w: MailItem, domain: string): MsgMessage {
  const to = addresses(w.to);
  const cc = addresses(w.cc);
  const bcc = addresses(w.bcc);
  const files = w.attachments ?? [];
  const flags = MSGFLAG.read | (w.sent ? 0 : MSGFLAG.unsent) | (files.length > 0 ? MSGFLAG.hasAttach : 0);
  return {
    props: [
      ...common(r, w.subject, flags),
      ...sender(w.from),
      prop.unicode(TAG.displayTo, names(to)),
      prop.unicode(TAG.displayCc, names(cc)),
      prop.unicode(TAG.displayBcc, names(bcc)),
      prop.long(TAG.importance, IMPORTANCE[w.importance ?? 'Normal'] ?? 1),
      prop.boolean(TAG.hasAttachments, files.length > 0),
      prop.unicode(TAG.internetMessageId, `<${w.id}@${domain}>`),
      prop.boolean(LID.reminderSet, w.reminder ?? false),
      ...(w.sent ? [prop.time(TAG.clientSubmitTime, w.sent)] : []),
      ...(w.received ? [prop.time(TAG.messageDeliveryTime, w.received)] : []),
    ],
    recipients: recipients([to, 1], [cc, 2], [bcc, 3]),
    attachments: files.map((f, n) => pdfAttachment(f, w.subject, n, r.created)),
  };
}

function appointment(r: MailRecord, w: AppointmentItem): MsgMessage {
  const attendees = addresses(w.attendees);
  return {
    props: [
      ...common(r, w.subject, MSGFLAG.read),
      ...sender(w.organizer),
      prop.unicode(TAG.displayTo, names(attendees)),
      prop.time(TAG.startDate, w.startTime),
      prop.time(TAG.endDate, w.endTime),
      prop.time(LID.appointmentStartWhole, w.startTime),
      prop.time(LID.appointmentEndWhole, w.endTime),
      prop.unicode(LID.location, w.location),
      prop.long(LID.busyStatus, 2), // olBusy
      prop.boolean(LID.appointmentSubType, false), // not all-day
      prop.boolean(LID.recurring, w.recurring),
    ],
    recipients: recipients([attendees, 1]),
    attachments: [],
  };
}

function contact(r: MailRecord, w: ContactItem): MsgMessage {
  const [given = '', ...rest] = w.fullName.split(' ');
  const optional = (id: number, value: string | undefined) => (value ? [prop.unicode(id, value)] : []);
  return {
    props: [
      ...common(r, w.fullName, MSGFLAG.read),
      prop.unicode(TAG.displayName, w.fullName),
      prop.unicode(TAG.givenName, given),
      prop.unicode(TAG.surname, rest.join(' ')),
      ...optional(TAG.companyName, w.company),
      ...optional(TAG.title, w.jobTitle),
      ...optional(TAG.businessTelephoneNumber, w.businessPhone),
      ...optional(TAG.homeTelephoneNumber, w.homePhone),
      ...optional(TAG.mobileTelephoneNumber, w.mobile),
      ...optional(TAG.businessFaxNumber, w.fax),
      ...optional(TAG.businessHomePage, w.webPage),
      prop.unicode(LID.fileUnder, w.fileAs ?? w.fullName),
      prop.unicode(LID.email1EmailAddress, w.email),
      prop.unicode(LID.email1AddressType, 'SMTP'),
      prop.unicode(LID.email1DisplayName, w.displayAs ?? w.fullName),
      ...(w.address ? [prop.unicode(LID.workAddress, w.address)] : []),
      ...(w.imAddress ? [prop.unicode(LID.instantMessagingAddress, w.imAddress)] : []),
    ],
    recipients: [],
    attachments: [],
  };
}

function task(r: MailRecord, w: TaskItem): MsgMessage {
  return {
    props: [
      ...common(r, w.subject, MSGFLAG.read),
      prop.long(LID.taskStatus, TASK_STATUS[w.status] ?? 0),
      prop.double(LID.percentComplete, w.percentComplete / 100),
      prop.boolean(LID.taskComplete, w.status === 'Completed'),
      prop.unicode(LID.taskOwner, w.owner),
      ...(w.startDate ? [prop.time(LID.taskStartDate, w.startDate)] : []),
      ...(w.dueDate ? [prop.time(LID.taskDueDate, w.dueDate)] : []),
    ],
    recipients: [],
    attachments: [],
  };
}

/** The .msg file of a backed-up item; `domain` makes a mail's Internet message id. */
export function itemMsg(r: MailRecord, domain: string): Buffer {
  const cls = r.wire.itemClass;
  if (cls.startsWith('IPM.Appointment')) return msgFile(appointment(r, r.wire as AppointmentItem));
  if (cls.startsWith('IPM.Contact')) return msgFile(contact(r, r.wire as ContactItem));
  if (cls.startsWith('IPM.Task')) return msgFile(task(r, r.wire as TaskItem));
  return msgFile(mail(r, r.wire as MailItem, domain));
}
