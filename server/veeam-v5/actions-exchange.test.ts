import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Mailbox, MailboxFolder, MailItem } from '../../src/api/veeam-v5/restore-wire';
import {
  exchangeRestoreStatsSchema,
  mailItemSchema,
  mailboxFolderPageSchema,
  mailboxItemPageSchema,
  mailboxPageSchema,
  sendStatsSchema,
} from '../../src/api/veeam-v5/restore-wire';
import type { RestoreSession } from '../../src/api/veeam-v5/wire';
import {
  errorSchema,
  restoreSessionEventPageSchema,
  restoreSessionSchema,
} from '../../src/api/veeam-v5/wire';
import { forbiddenMessage } from '../../src/api/contract/roles';
import { PST_REFUSAL } from './actions-exchange';
import { explore, getJson, organizationNamed } from './explore-testing';
import type { VeeamTestService } from './testing';
import { startVeeam } from './testing';

/** Exchange actions: restore (original, another mailbox), save, send, PST refused; counters, events, errors. */

let t: VeeamTestService;
let session: RestoreSession;
let mailbox: string;
let john: Mailbox;
let drafts: MailboxFolder;
let mails: MailItem[];
const creds = { userName: 'admin@contoso.com', userPassword: 'secret' };

beforeAll(async () => {
  t = await startVeeam(['--speed', '100000']);
  const org = await organizationNamed(t, 'contoso');
  session = await explore(t, org, 'vex', { showDeleted: true });
  const base = `/v5/RestoreSessions/${session.id}/Organization`;
  john = mailboxPageSchema.parse(await getJson(t, `${base}/Mailboxes`)).results[0]!;
  mailbox = `${base}/Mailboxes/${john.id}`;
  const folders = mailboxFolderPageSchema.parse(await getJson(t, `${mailbox}/Folders`)).results;
  drafts = folders.find((f) => f.name === 'Drafts')!;
  const inbox = folders.find((f) => f.name === 'Inbox')!;
  mails = mailboxItemPageSchema
    .parse(await getJson(t, `${mailbox}/Items?folderId=${inbox.id}&limit=400`))
    .results.map((r) => mailItemSchema.parse(r));
});
afterAll(() => t.service.close());

const events = async () =>
  restoreSessionEventPageSchema.parse(await getJson(t, `/v5/RestoreSessions/${session.id}/Events?limit=1000`))
    .results;

async function expectError(res: Response, status: number, pattern: RegExp) {
  const body = errorSchema.parse(await res.json());
  expect(res.status, body.message).toBe(status);
  expect(body.message).toMatch(pattern);
}

describe('restoring mailbox items', () => {
  it('restores selected items to another mailbox: every item created, an event with the counters', async () => {
    const items = mails.slice(0, 3).map((m) => ({ id: m.id }));
    const res = await t.post('support', `${mailbox}/Items/Action`, {
      restoreTo: {
        ...creds,
        mailbox: 'anna@contoso.com',
        casServer: 'outlook.office365.com',
        folder: 'Recovered',
        markRestoredAsUnread: true,
        items,
      },
    });
    expect(res.status).toBe(200);
    const stats = exchangeRestoreStatsSchema.parse(await res.json());
    expect(stats.createdItemsCount + stats.failedItemsCount).toBe(3);
    expect(stats.mergedItemsCount).toBe(0);
    const last = (await events()).at(-1)!;
    expect(last).toMatchObject({ type: 'Restore', status: stats.failedItemsCount ? 'Warning' : 'Success' });
    expect(last.message).toBe(
      `3 items of john@contoso.com was restored to mailbox anna@contoso.com, folder Recovered (created: ${stats.createdItemsCount}, merged: 0, skipped: 0, failed: ${stats.failedItemsCount}), marked as unread.`,
    );
    const s = restoreSessionSchema.parse(await getJson(t, `/v5/RestoreSessions/${session.id}`));
    expect(s.details).toMatch(/^3 items processed \(\d successfully, \d failed\)$/);
  });

  it('restores a folder to its original place: created, merged and skipped as the live mailbox differs', async () => {
    const res = await t.post('admin', `${mailbox}/Folders/${drafts.id}/Action`, {
      RestoreToOriginalLocation: creds,
    });
    const stats = exchangeRestoreStatsSchema.parse(await res.json());
    expect(res.status).toBe(200);
    const all =
      stats.createdItemsCount + stats.mergedItemsCount + stats.skippedItemsCount + stats.failedItemsCount;
    const listed = mailboxItemPageSchema.parse(
      await getJson(t, `${mailbox}/Items?folderId=${drafts.id}&limit=10000`),
    );
    expect(all).toBe(listed.results.length);
    const again = exchangeRestoreStatsSchema.parse(
      await (
        await t.post('admin', `${mailbox}/Folders/${drafts.id}/Action`, { restoretoOriginallocation: creds })
      ).json(),
    );
    expect(again).toEqual(stats);
    const noChanged = exchangeRestoreStatsSchema.parse(
      await (
        await t.post('admin', `${mailbox}/Folders/${drafts.id}/Action`, {
          restoretoOriginallocation: { ...creds, changedItems: 'false', deletedItems: false },
        })
      ).json(),
    );
    expect(noChanged.createdItemsCount + noChanged.mergedItemsCount).toBe(0);
    expect(noChanged.skippedItemsCount).toBe(all - stats.failedItemsCount);
  });

  it('takes simulated time by size: the event lasts longer for a whole mailbox than for one item', async () => {
    await t.post('support', `${mailbox}/Items/${mails[5]!.id}/Action`, { restoretoOriginallocation: creds });
    const one = (await events()).at(-1)!;
    await t.post('support', `${mailbox}/Action`, { restoretoOriginallocation: creds });
    const whole = (await events()).at(-1)!;
    const ms = (e: { startTime: string; endTime?: string | null }) =>
      Date.parse(e.endTime!) - Date.parse(e.startTime);
    expect(ms(one)).toBeGreaterThanOrEqual(2000);
    expect(ms(whole)).toBeGreaterThan(ms(one) * 10);
    expect(whole.message).toMatch(
      /^Mailbox john@contoso.com was restored to the original location \(created: \d+/,
    );
  });
});

describe('saving, sending and exporting', () => {
  it('saves one mail as an Outlook .msg file (a compound file) and writes a Save event', async () => {
    const mail = mails[0]!;
    const res = await t.post('support', `${mailbox}/Items/${mail.id}/Action`, { savetoMsg: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.msg"/);
    const file = Buffer.from(await res.arrayBuffer());
    expect(file.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
    expect(file.toString('utf16le')).toContain(mail.subject);
    expect((await events()).at(-1)).toMatchObject({ type: 'Save', status: 'Success' });
  });

  it('saves several items as a ZIP that unzip reads', async () => {
    const items = mails.slice(0, 4).map((m) => ({ id: m.id }));
    const res = await t.post('support', `${mailbox}/Items/Action`, { savetomsg: { items } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const dir = mkdtempSync(join(tmpdir(), 'veeam-save-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'items.zip');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(listing.match(/\.msg/g)).toHaveLength(4);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });

  it('sends items to another address and to the owner', async () => {
    const items = [{ id: mails[1]!.id }];
    const res = await t.post('support', `${mailbox}/Items/Action`, {
      sendtoDifferentAddress: { to: 'helpdesk@contoso.com', subject: 'Your mail', items },
    });
    expect(sendStatsSchema.parse(await res.json())).toEqual({ sentItemsCount: 1, failedItemsCount: 0 });
    expect((await events()).at(-1)?.message).toMatch(/was sent to helpdesk@contoso.com/);
    const owner = await t.post('support', `${mailbox}/Items/${mails[1]!.id}/Action`, {
      sendToDefaultAddress: null,
    });
    expect(owner.status).toBe(200);
    expect((await events()).at(-1)?.message).toMatch(/was sent to john@contoso.com/);
  });

  it('refuses export to PST as a server without Outlook does, and says so in an event', async () => {
    const res = await t.post('support', `${mailbox}/Action`, {
      exportToPst: { enablePstSizeLimit: true, pstSizeLimitBytes: 5368709120 },
    });
    await expectError(res, 409, /needs Microsoft Outlook/);
    expect((await events()).at(-1)).toMatchObject({ type: 'Export', status: 'Failed', message: PST_REFUSAL });
  });
});

describe('refusals', () => {
  it('answers 400 for bad bodies, naming what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      ['[1]', /JSON object with one action/],
      [{}, /exactly one action/],
      [{ restoreTo: {}, savetoMsg: null }, /exactly one action .*not restoreTo and savetoMsg/],
      [{ start: null }, /"start" is not an action of mailbox items/],
      [{ restoreTo: null }, /restoreTo: needs an object of options/],
      [{ restoreTo: { ...creds, items: [{ id: mails[0]!.id }] } }, /mailbox/],
      [{ restoreTo: { mailbox: 'anna@contoso.com', items: [{ id: mails[0]!.id }] } }, /needs credentials/],
      [{ restoreTo: { ...creds, userCode: 'X', mailbox: 'a@b.c' } }, /one family of credentials/],
      [
        { restoreTo: { ...creds, mailbox: 'not an address', casServer: 'x', items: [{ id: mails[0]!.id }] } },
        /must be an e-mail address/,
      ],
      [
        {
          restoreTo: {
            ...creds,
            mailbox: 'ghost@contoso.com',
            casServer: 'x',
            items: [{ id: mails[0]!.id }],
          },
        },
        /no mailbox ghost@contoso.com/,
      ],
      [
        { restoreTo: { ...creds, mailbox: 'anna@contoso.com', items: [{ id: mails[0]!.id }] } },
        /casServer is required/,
      ],
      [
        { restoretoOriginallocation: { ...creds, changedItems: 'maybe', items: [] } },
        /changedItems: must be true or false/,
      ],
      [{ restoretoOriginallocation: { ...creds, bogus: 1 } }, /Unrecognized key/],
      [{ restoretoOriginallocation: { ...creds, items: [] } }, /items: list the items/],
      [
        { sendtoDifferentAddress: { to: 'nobody', items: [{ id: mails[0]!.id }] } },
        /to must be one or more e-mail addresses/,
      ],
      [{ savetoMsg: { items: 'all' } }, /items: must be a list/],
    ];
    for (const [body, pattern] of cases) {
      await expectError(await t.post('support', `${mailbox}/Items/Action`, body), 400, pattern);
    }
    await expectError(
      await t.post('support', `${mailbox}/Action`, { savetoMsg: null }),
      400,
      /not an action of a mailbox: use one of/,
    );
    await expectError(
      await t.post('support', `${mailbox}/Action`, { restoretoOriginallocation: { ...creds, items: [] } }),
      400,
      /items is for/,
    );
    const form = await t.call('support', `${mailbox}/Action`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(form.status).toBe(415);
  });

  it('answers 404 for unknown ids and for items of another session or mailbox', async () => {
    await expectError(
      await t.post('support', `${mailbox}/Items/Action`, { savetoMsg: { items: [{ id: 'nope' }] } }),
      404,
      /no item with id "nope"/,
    );
    await expectError(
      await t.post('support', `${mailbox}/Folders/nope/Action`, { restoretoOriginallocation: creds }),
      404,
      /no folder/,
    );
    await expectError(
      await t.post('support', `/v5/RestoreSessions/${session.id}/Organization/Mailboxes/nope/Action`, {
        restoretoOriginallocation: creds,
      }),
      404,
      /no mailbox/,
    );
    const fabrikam = await explore(t, await organizationNamed(t, 'fabrikam'), 'vex');
    const theirs = mailboxPageSchema.parse(
      await getJson(t, `/v5/RestoreSessions/${fabrikam.id}/Organization/Mailboxes`),
    ).results[0]!;
    const path = `/v5/RestoreSessions/${fabrikam.id}/Organization/Mailboxes/${theirs.id}/Items/${mails[0]!.id}/Action`;
    await expectError(await t.post('support', path, { savetoMsg: null }), 404, /no item with id/);
  });

  it('refuses a viewer (403 naming who may) and a stopped session (409)', async () => {
    const res = await t.post('viewer', `${mailbox}/Items/${mails[0]!.id}/Action`, { savetoMsg: null });
    await expectError(res, 403, /support or admin/);
    expect(forbiddenMessage('viewer', 'restore-content.restore')).toMatch(
      /may not restore, save or send backed-up items/,
    );
    const other = await explore(t, await organizationNamed(t, 'contoso'), 'vex');
    const path = `/v5/RestoreSessions/${other.id}/Organization/Mailboxes/${john.id}/Items/${mails[0]!.id}/Action`;
    expect((await t.post('support', path, { savetoMsg: null })).status).toBe(200);
    await t.post('support', `/v5/RestoreSessions/${other.id}/action`, { stop: null });
    await expectError(await t.post('support', path, { savetoMsg: null }), 409, /is stopped/);
  });
});
