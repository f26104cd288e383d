import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailbox, MailboxFolder } from '../../src/api/veeam-v5/restore-wire';
import {
  appointmentItemSchema,
  contactItemSchema,
  mailItemSchema,
  mailboxFolderPageSchema,
  mailboxFolderSchema,
  mailboxItemPageSchema,
  mailboxPageSchema,
  mailboxSchema,
  restoreOrganizationSchema,
  taskItemSchema,
} from '../../src/api/veeam-v5/restore-wire';
import type { Organization, RestoreSession } from '../../src/api/veeam-v5/wire';
import { errorSchema } from '../../src/api/veeam-v5/wire';
import { forbiddenMessage } from '../../src/api/contract/roles';
import { allRows, explore, getJson, organizationNamed } from './explore-testing';
import type { VeeamTestService } from './testing';
import { startVeeam } from './testing';

/** Browsing an Exchange restore session: mailboxes, folders, items; point in time, deleted items, roles. */

let t: VeeamTestService;
let org: Organization;
let session: RestoreSession;
let base: string;
let john: Mailbox;
let folders: MailboxFolder[];
beforeAll(async () => {
  t = await startVeeam();
  org = await organizationNamed(t, 'contoso');
  session = await explore(t, org, 'vex');
  base = `/v5/RestoreSessions/${session.id}/Organization`;
  john = mailboxPageSchema.parse(await getJson(t, `${base}/Mailboxes`)).results[0]!;
  folders = mailboxFolderPageSchema.parse(await getJson(t, `${base}/Mailboxes/${john.id}/Folders`)).results;
});
afterAll(() => t.service.close());

const folder = (name: string) => folders.find((f) => f.name === name)!;
const itemsOf = (s: RestoreSession, f: MailboxFolder, query = '') =>
  `/v5/RestoreSessions/${s.id}/Organization/Mailboxes/${john.id}/Items?folderId=${f.id}${query}`;

describe('the organization of a restore session', () => {
  it('names the tenant and the point in time, and links to its mailboxes', async () => {
    const o = restoreOrganizationSchema.parse(
      await getJson(t, `/v5/restoresessions/${session.id}/organization`),
    );
    expect(o).toMatchObject({ id: org.id, type: 'Vex' });
    expect(o.name).toMatch(/^contoso\.onmicrosoft\.com \(\d+\/\d+\/\d{4} \d+:\d\d:\d\d [AP]M\)$/);
    expect(o._links?.mailboxes?.href).toBe(`${base}/Mailboxes`);
  });
});

describe('mailboxes', () => {
  it('lists each licensed user (and an archive for some), paged with first, prev and next links', async () => {
    const all = await allRows(t, `${base}/Mailboxes?limit=4`, (b) => mailboxPageSchema.parse(b));
    expect(all.length).toBeGreaterThan(10);
    expect(all[0]).toMatchObject({ name: 'John', email: 'john@contoso.com', isArchive: false });
    expect(all.filter((m) => m.isArchive)[0]?.name).toBe('In-Place Archive - John');
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    const second = mailboxPageSchema.parse(await getJson(t, `${base}/Mailboxes?offset=4&limit=4`));
    expect(second._links).toMatchObject({
      first: { href: `${base}/Mailboxes?offset=0&limit=4` },
      prev: { href: `${base}/Mailboxes?offset=0&limit=4` },
      self: { href: `${base}/Mailboxes?offset=4&limit=4` },
      next: { href: `${base}/Mailboxes?offset=8&limit=4` },
    });
    const one = mailboxSchema.parse(await getJson(t, `${base}/Mailboxes/${john.id}`));
    expect(one).toEqual(john);
  });

  it('answers in any case of the path and of the id', async () => {
    const res = await t.call(
      'support',
      `/V5/RESTORESESSIONS/${session.id}/organization/MAILBOXES/${john.id.toUpperCase()}`,
    );
    expect(res.status).toBe(200);
    expect(mailboxSchema.parse(await res.json()).id).toBe(john.id);
  });

  it('refuses bad paging with 400 and unknown mailboxes with 404', async () => {
    const bad = await t.call('support', `${base}/Mailboxes?limit=0`);
    expect(bad.status).toBe(400);
    expect(errorSchema.parse(await bad.json()).message).toMatch(
      /limit must be a whole number from 1 to 10000/,
    );
    for (const id of [
      'nope',
      '01000000-0000-0000-0000-000000000000',
      john.id.replace(/.$/, (d) => (d === '0' ? '1' : '0')),
    ]) {
      const res = await t.call('support', `${base}/Mailboxes/${id}`);
      expect(res.status).toBe(404);
      expect(errorSchema.parse(await res.json()).message).toMatch(/no mailbox with id/);
    }
  });
});

describe('folders', () => {
  it('gives root folders for parentId=null, the children of a folder, or every folder', async () => {
    const roots = mailboxFolderPageSchema.parse(await getJson(t, john._links!.folders!.href)).results;
    expect(roots.map((f) => f.name)).toEqual([
      'Inbox',
      'Sent Items',
      'Drafts',
      'Deleted Items',
      'Archive',
      'Junk Email',
      'Calendar',
      'Contacts',
      'Tasks',
    ]);
    for (const f of roots) expect(f._links?.parent).toBeUndefined();
    const inbox = roots[0]!;
    const children = mailboxFolderPageSchema.parse(await getJson(t, inbox._links!.folders!.href)).results;
    expect(children.map((f) => f.name)).toEqual(['Projects', 'Customers', 'Newsletters']);
    expect(children[0]!._links?.parent?.href).toBe(inbox._links!.self!.href);
    expect(folders).toHaveLength(13);
    expect(folders.map((f) => f.type)).toEqual(
      expect.arrayContaining(['None', 'Appointment', 'Contact', 'Task']),
    );
    expect(mailboxFolderSchema.parse(await getJson(t, inbox._links!.self!.href))).toEqual(inbox);
    await getJson(t, `${base}/Mailboxes/${john.id}/Folders?parentId=nope`, 404);
  });
});

describe('items', () => {
  it('holds thousands of mails in the biggest Inbox, newest first, with the fields of a mail', async () => {
    const page = mailboxItemPageSchema.parse(
      await getJson(t, itemsOf(session, folder('Inbox'), '&limit=10000')),
    );
    expect(page.results.length).toBeGreaterThan(3000);
    const mails = page.results.map((r) => mailItemSchema.parse(r));
    expect(mails[0]!.to).toBe('john@contoso.com');
    const received = mails.map((m) => m.received!);
    expect([...received].sort().reverse()).toEqual(received);
    expect(new Set(mails.map((m) => m.subject)).size).toBeGreaterThan(100);
    expect(mails.every((m) => m.isDeleted === false)).toBe(true);
    expect(page._links?.next).toBeUndefined();
  });

  it('gives appointments, contacts and tasks their own fields', async () => {
    const first = async (name: string) =>
      mailboxItemPageSchema.parse(await getJson(t, itemsOf(session, folder(name), '&limit=1'))).results[0];
    expect(appointmentItemSchema.parse(await first('Calendar')).itemClass).toBe('IPM.Appointment');
    const contact = contactItemSchema.parse(await first('Contacts'));
    expect(contact.fileAs).toMatch(/^\S+, \S+$/);
    const task = taskItemSchema.parse(await first('Tasks'));
    expect(['NotStarted', 'InProgress', 'Completed', 'WaitingOnsomeoneelse', 'Deferred']).toContain(
      task.status,
    );
  });

  it('answers one item by id, the same as in its list; 404 for an item of another mailbox', async () => {
    const listed = mailboxItemPageSchema.parse(
      await getJson(t, itemsOf(session, folder('Sent Items'), '&limit=3')),
    ).results;
    const one = await getJson(t, listed[2]!._links!.self!.href);
    expect(one).toEqual(listed[2]);
    expect(mailItemSchema.parse(one).from).toBe('john@contoso.com');
    const anna = mailboxPageSchema
      .parse(await getJson(t, `${base}/Mailboxes`))
      .results.find((m) => m.name === 'Anna')!;
    await getJson(t, `${base}/Mailboxes/${anna.id}/Items/${listed[2]!.id}`, 404);
  });

  it('shows the state of the point in time: later mails are absent', async () => {
    const earlier = await explore(t, org, 'vex', { datetime: org.firstBackuptime! });
    const early = mailboxItemPageSchema.parse(
      await getJson(t, itemsOf(earlier, folder('Inbox'), '&limit=10000')),
    ).results;
    const late = mailboxItemPageSchema.parse(
      await getJson(t, itemsOf(session, folder('Inbox'), '&limit=10000')),
    ).results;
    const pit = Date.parse(org.firstBackuptime!);
    expect(early.every((m) => Date.parse(mailItemSchema.parse(m).received!) <= pit)).toBe(true);
    const newer = late.filter((m) => Date.parse(mailItemSchema.parse(m).received!) > pit);
    expect(newer.length).toBeGreaterThan(0);
    // What the later session holds from before that time, the earlier one holds too (unless deleted since).
    const earlyIds = new Set(early.map((m) => m.id));
    const older = late.filter((m) => Date.parse(mailItemSchema.parse(m).received!) <= pit);
    expect(older.every((m) => earlyIds.has(m.id))).toBe(true);
    expect(early.length).toBeGreaterThanOrEqual(older.length);
    const path = `/v5/RestoreSessions/${earlier.id}/Organization/Mailboxes/${john.id}/Items/${newer[0]!.id}`;
    expect(errorSchema.parse(await getJson(t, path, 404)).message).toMatch(/no item with id/);
  });

  it('adds items deleted before the point in time with showDeleted, marked', async () => {
    const withDeleted = await explore(t, org, 'vex', { showDeleted: true });
    const plain = mailboxItemPageSchema.parse(
      await getJson(t, itemsOf(session, folder('Inbox'), '&limit=10000')),
    ).results;
    const all = mailboxItemPageSchema.parse(
      await getJson(t, itemsOf(withDeleted, folder('Inbox'), '&limit=10000')),
    ).results;
    const deleted = all.filter((m) => m.isDeleted);
    expect(deleted.length).toBeGreaterThan(0);
    expect(all.length).toBe(plain.length + deleted.length);
    for (const m of deleted)
      expect(Date.parse(m.deletionTime!)).toBeLessThanOrEqual(Date.parse(org.lastBackuptime!));
    await getJson(t, itemsOf(session, folder('Inbox')).replace(/Items\?.*/, `Items/${deleted[0]!.id}`), 404);
  });

  it('lists every folder one after another without folderId', async () => {
    const page = mailboxItemPageSchema.parse(await getJson(t, `${base}/Mailboxes/${john.id}/Items?limit=5`));
    expect(page.results).toHaveLength(5);
    expect(page._links?.next?.href).toBe(`${base}/Mailboxes/${john.id}/Items?limit=5&offset=5`);
  });
});

describe('who may browse, and which sessions', () => {
  it('refuses a viewer with 403 naming who may, while the session itself stays readable', async () => {
    const res = await t.call('viewer', `${base}/Mailboxes`);
    expect(res.status).toBe(403);
    const { message } = errorSchema.parse(await res.json());
    expect(message).toBe(forbiddenMessage('viewer', 'restore-content.browse'));
    expect(message).toMatch(/support or admin/);
    expect((await t.call('viewer', `/v5/RestoreSessions/${session.id}`)).status).toBe(200);
    expect((await t.call('admin', `${base}/Mailboxes`)).status).toBe(200);
    expect((await t.call(null, `${base}/Mailboxes`)).status).toBe(401);
  });

  it('answers 404 for a session of another type and for an unknown session', async () => {
    const drives = await explore(t, org, 'veod');
    const msg = errorSchema.parse(
      await getJson(t, `/v5/RestoreSessions/${drives.id}/Organization/Mailboxes`, 404),
    );
    expect(msg.message).toMatch(/OneDrive for Business session/);
    await getJson(t, '/v5/RestoreSessions/nope/Organization/Mailboxes', 404);
  });

  it('answers 409 once the session is stopped', async () => {
    const other = await explore(t, org, 'vex');
    expect((await t.post('support', `/v5/RestoreSessions/${other.id}/action`, { stop: null })).status).toBe(
      200,
    );
    const msg = errorSchema.parse(
      await getJson(t, `/v5/RestoreSessions/${other.id}/Organization/Mailboxes`, 409),
    );
    expect(msg.message).toMatch(/is stopped: its content can no longer be browsed/);
  });

  it('shows nothing in a session opened before the first backup', async () => {
    const before = new Date(Date.parse(org.firstBackuptime!) - 86_400_000).toISOString();
    const empty = await explore(t, org, 'vex', { datetime: before });
    const page = mailboxPageSchema.parse(
      await getJson(t, `/v5/RestoreSessions/${empty.id}/Organization/Mailboxes`),
    );
    expect(page.results).toEqual([]);
  });
});
