import type { FieldsData } from '@kenjiuno/msgreader';
import MsgReader from '@kenjiuno/msgreader';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { MailboxFolder } from '../../src/api/veeam-v5/restore-wire';
import {
  appointmentItemSchema,
  contactItemSchema,
  mailItemSchema,
  mailboxFolderPageSchema,
  mailboxItemPageSchema,
  mailboxPageSchema,
  taskItemSchema,
} from '../../src/api/veeam-v5/restore-wire';
import { explore, getJson, organizationNamed } from './explore-testing';
import type { VeeamTestService } from './testing';
import { startVeeam } from './testing';

/**
 * Saving Exchange items as Outlook .msg files, over HTTP, read back by an outside parser
 * (@kenjiuno/msgreader): what it reads must be what the browse API shows for the item.
 */

let t: VeeamTestService;
let mailbox: string;
let folders: MailboxFolder[];

beforeAll(async () => {
  t = await startVeeam(['--speed', '100000']);
  const org = await organizationNamed(t, 'contoso');
  const session = await explore(t, org, 'vex');
  const base = `/v5/RestoreSessions/${session.id}/Organization`;
  const john = mailboxPageSchema.parse(await getJson(t, `${base}/Mailboxes`)).results[0]!;
  mailbox = `${base}/Mailboxes/${john.id}`;
  folders = mailboxFolderPageSchema.parse(await getJson(t, `${mailbox}/Folders`)).results;
});
afterAll(() => t.service.close());

async function itemsOf(folder: string): Promise<unknown[]> {
  const f = folders.find((x) => x.name === folder)!;
  return mailboxItemPageSchema.parse(await getJson(t, `${mailbox}/Items?folderId=${f.id}&limit=300`)).results;
}

/** The item as the browse API shows it on its own. */
const shown = async (id: string) => getJson(t, `${mailbox}/Items/${id}`);

async function save(id: string): Promise<Buffer> {
  const res = await t.post('support', `${mailbox}/Items/${id}/Action`, { savetoMsg: null });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/octet-stream');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.msg"/);
  return Buffer.from(await res.arrayBuffer());
}

function parse(file: Buffer): { fields: FieldsData; reader: MsgReader } {
  const reader = new MsgReader(new Uint8Array(file).buffer);
  reader.parserConfig = { includeRawProps: true };
  const fields = reader.getFileData();
  expect(fields.error).toBeUndefined();
  expect(fields.dataType).toBe('msg');
  return { fields, reader };
}

/** The first item of a folder as the browse API shows it on its own, and its saved file as parsed. */
async function saveFirst<T extends { id: string }>(folder: string, schema: { parse(x: unknown): T }) {
  const first = schema.parse((await itemsOf(folder))[0]);
  const w = schema.parse(await shown(first.id));
  return { w, ...parse(await save(w.id)) };
}

const utc = (iso: string | null | undefined) => new Date(iso!).toUTCString();
const split = (list: string | undefined) => (list ? list.split('; ').filter(Boolean) : []);
/** A named property as the parser reads it, by property set and number. */
const named = (f: FieldsData, set: string, lid: number) =>
  f.rawProps?.find((p) => p.propertySet === set && parseInt(p.propertyLid ?? '', 16) === lid)
    ?.value as unknown;
const TASK_SET = '00062003-0000-0000-c000-000000000046';
const readable = (f: FieldsData) => expect(f.body).toMatch(/^[A-Z].{20,}\.$/);

describe('saving Exchange items as .msg', () => {
  it('saves a mail with its sender, recipients, dates, body and attachments', async () => {
    const mails = (await itemsOf('Inbox')).map((r) => mailItemSchema.parse(r));
    const pick = mails.find((m) => m.cc && (m.attachments ?? []).length > 0 && m.itemClass === 'IPM.Note');
    const w = mailItemSchema.parse(await shown(pick!.id));
    const { fields: f, reader } = parse(await save(w.id));
    expect(f.messageClass).toBe('IPM.Note');
    expect(f.subject).toBe(w.subject);
    expect(f.senderEmail).toBe(w.from);
    expect(f.senderSmtpAddress).toBe(w.from);
    expect(f.senderName).toMatch(/^[A-Z]/);
    expect(f.clientSubmitTime).toBe(utc(w.sent));
    expect(f.messageDeliveryTime).toBe(utc(w.received));
    readable(f);
    expect(f.recipients?.map((r) => [r.email, r.recipType])).toEqual([
      ...split(w.to).map((a) => [a, 'to']),
      ...split(w.cc).map((a) => [a, 'cc']),
    ]);
    expect(f.attachments?.map((a) => a.fileName)).toEqual(w.attachments);
    const pdf = Buffer.from(reader.getAttachment(0).content).toString('latin1');
    expect(pdf).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
  });

  it('saves an appointment with its organizer, attendees, start, end and location', async () => {
    const { w, fields: f } = await saveFirst('Calendar', appointmentItemSchema);
    expect(f.messageClass).toBe('IPM.Appointment');
    expect(f.subject).toBe(w.subject);
    expect(f.senderEmail).toBe(w.organizer);
    expect(f.recipients?.map((r) => r.email)).toEqual(split(w.attendees));
    expect(f.apptStartWhole).toBe(utc(w.startTime));
    expect(f.apptEndWhole).toBe(utc(w.endTime));
    expect(f.apptLocation).toBe(w.location);
    readable(f);
  });

  it('saves a contact with its name, e-mail address, company and phones', async () => {
    const { w, fields: f } = await saveFirst('Contacts', contactItemSchema);
    const extra = f as FieldsData & { email1EmailAddress?: string };
    expect(f.messageClass).toBe('IPM.Contact');
    expect(f.subject).toBe(w.fullName);
    expect(extra.email1EmailAddress).toBe(w.email);
    expect(f.companyName).toBe(w.company);
    expect(f.title).toBe(w.jobTitle);
    expect(f.businessTelephoneNumber).toBe(w.businessPhone);
    expect(f.mobileTelephoneNumber).toBe(w.mobile);
    expect(f.fileUnder).toBe(w.fileAs);
    expect(f.workAddress).toBe(w.address);
    expect(f.recipients).toEqual([]);
  });

  it('saves a task with its start and due dates, owner, status and percent complete', async () => {
    const { w, fields: f } = await saveFirst('Tasks', taskItemSchema);
    expect(f.messageClass).toBe('IPM.Task');
    expect(f.subject).toBe(w.subject);
    expect(named(f, TASK_SET, 0x8104)).toBe(utc(w.startDate));
    expect(named(f, TASK_SET, 0x8105)).toBe(utc(w.dueDate));
    expect(named(f, TASK_SET, 0x811f)).toBe(w.owner);
    const percent = named(f, TASK_SET, 0x8102) as Uint8Array;
    expect(Buffer.from(percent).readDoubleLE(0)).toBeCloseTo(w.percentComplete / 100);
    readable(f);
  });

  it('saves several items as a ZIP of .msg files that all parse', async () => {
    const picks = await Promise.all(
      ['Inbox', 'Calendar', 'Contacts', 'Tasks'].map(
        async (folder) => (await itemsOf(folder))[1] as { id: string; itemClass: string },
      ),
    );
    const res = await t.post('support', `${mailbox}/Items/Action`, {
      savetomsg: { items: picks.map((p) => ({ id: p.id })) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/filename=".+ items\.zip"/);
    const dir = mkdtempSync(join(tmpdir(), 'veeam-msg-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'items.zip'), Buffer.from(await res.arrayBuffer()));
    execFileSync('unzip', ['-q', 'items.zip', '-d', 'out'], { cwd: dir });
    const files = readdirSync(join(dir, 'out'));
    expect(files).toHaveLength(4);
    expect(files.every((name) => name.endsWith('.msg'))).toBe(true);
    const classes = files.map((name) => parse(readFileSync(join(dir, 'out', name))).fields.messageClass);
    expect(classes.sort()).toEqual(picks.map((p) => p.itemClass).sort());
    // The same item saved alone is the same file as in the archive.
    const alone = await save(picks[2]!.id);
    expect(files.some((name) => readFileSync(join(dir, 'out', name)).equals(alone))).toBe(true);
  });

  it('fails to parse when the container is damaged (the parser reads the real structure)', async () => {
    const mail = mailItemSchema.parse((await itemsOf('Inbox'))[0]);
    const file = await save(mail.id);
    expect(parse(file).fields.subject).toBe(mail.subject);
    const subjectOf = (bytes: Buffer) => {
      try {
        return new MsgReader(new Uint8Array(bytes).buffer).getFileData().subject ?? null;
      } catch {
        return null;
      }
    };
    // Point the directory at the FAT sector instead of the directory.
    const damaged = Buffer.from(file);
    damaged.writeUInt32LE(damaged.readUInt32LE(76), 48);
    expect(subjectOf(damaged)).not.toBe(mail.subject);
    // A signature that is not a compound file's.
    const unsigned = Buffer.from(file);
    unsigned[0] = 0;
    expect(subjectOf(unsigned)).toBeNull();
  });
});
