import type { MailRecord } from './exchange';

/**
 * A mailbox item as a file of its own kind: a mail as an RFC 5322 message (.eml), an appointment or a
 * task as iCalendar (.ics), a contact as a vCard (.vcf): files any mail or calendar program opens.
 */

const rfc5322Date = (iso: string) => new Date(iso).toUTCString().replace('GMT', '+0000');
const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** RFC 2047 for a header with non-ASCII text. */
const header = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
const escapeIcs = (text: string) => text.replace(/[\\;,]/g, (ch) => `\\${ch}`).replace(/\n/g, '\\n');

export function itemFileName(r: MailRecord): string {
  const stem =
    r.title
      .replace(/[\\/:*?"<>|\r\n]+/g, ' ')
      .trim()
      .slice(0, 80) || 'item';
  return `${stem}.${itemExtension(r)}`;
}

function itemExtension(r: MailRecord): string {
  const cls = r.wire.itemClass;
  if (cls.startsWith('IPM.Contact')) return 'vcf';
  if (cls.startsWith('IPM.Appointment') || cls.startsWith('IPM.Task')) return 'ics';
  return 'eml';
}

export function itemFile(r: MailRecord, domain: string): Buffer {
  const w = r.wire as Record<string, unknown> & { id: string };
  const text = (k: string) => (typeof w[k] === 'string' ? w[k] : '');
  const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
  const ext = itemExtension(r);
  if (ext === 'vcf') {
    return crlf([
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${text('fullName')}`,
      `N:${text('fileAs').replace(', ', ';')};;;`,
      `ORG:${text('company')}`,
      `TITLE:${text('jobTitle')}`,
      `EMAIL;TYPE=INTERNET:${text('email')}`,
      `TEL;TYPE=WORK:${text('businessPhone')}`,
      `TEL;TYPE=CELL:${text('mobile')}`,
      `ADR;TYPE=WORK:;;${text('address')};;;;`,
      `URL:${text('webPage')}`,
      'END:VCARD',
    ]);
  }
  if (ext === 'ics') {
    const task = r.wire.itemClass.startsWith('IPM.Task');
    const stamp = icsTime(new Date(r.created).toISOString());
    const body = task
      ? [
          'BEGIN:VTODO',
          `UID:${w.id}@${domain}`,
          `DTSTAMP:${stamp}`,
          `SUMMARY:${escapeIcs(text('subject'))}`,
          `DTSTART:${icsTime(text('startDate'))}`,
          `DUE:${icsTime(text('dueDate'))}`,
          `PERCENT-COMPLETE:${typeof w.percentComplete === 'number' ? w.percentComplete : 0}`,
          `STATUS:${text('status') === 'Completed' ? 'COMPLETED' : text('status') === 'InProgress' ? 'IN-PROCESS' : 'NEEDS-ACTION'}`,
          'END:VTODO',
        ]
      : [
          'BEGIN:VEVENT',
          `UID:${w.id}@${domain}`,
          `DTSTAMP:${stamp}`,
          `SUMMARY:${escapeIcs(text('subject'))}`,
          `DTSTART:${icsTime(text('startTime'))}`,
          `DTEND:${icsTime(text('endTime'))}`,
          `LOCATION:${escapeIcs(text('location'))}`,
          `ORGANIZER:mailto:${text('organizer')}`,
          ...text('attendees')
            .split('; ')
            .filter(Boolean)
            .map((a) => `ATTENDEE:mailto:${a}`),
          `DESCRIPTION:${escapeIcs(r.body)}`,
          'END:VEVENT',
        ];
    return crlf([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Backup Console//Reference service//EN',
      ...body,
      'END:VCALENDAR',
    ]);
  }
  const date = text('sent') || text('received') || new Date(r.created).toISOString();
  return crlf([
    `From: ${text('from')}`,
    `To: ${text('to')}`,
    ...(text('cc') ? [`Cc: ${text('cc')}`] : []),
    `Subject: ${header(text('subject'))}`,
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: <${w.id}@${domain}>`,
    `Importance: ${text('importance') || 'Normal'}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    r.body,
  ]);
}
