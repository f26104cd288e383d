import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Document, OneDrive } from '../../src/api/veeam-v5/restore-wire';
import {
  documentPageSchema,
  documentSchema,
  fileFolderPageSchema,
  oneDrivePageSchema,
  oneDriveRestoreStatsSchema,
  sendStatsSchema,
} from '../../src/api/veeam-v5/restore-wire';
import type { Organization, RestoreSession } from '../../src/api/veeam-v5/wire';
import { errorSchema, restoreSessionEventPageSchema } from '../../src/api/veeam-v5/wire';
import { explore, getJson, organizationNamed } from './explore-testing';
import type { VeeamTestService } from './testing';
import { startVeeam } from './testing';

/** OneDrive inside a restore session: drives, folders, documents with versions; save, restore, copy, send. */

let t: VeeamTestService;
let org: Organization;
let session: RestoreSession;
let drive: OneDrive;
let self: string;
const creds = { userName: 'admin@contoso.com', userPassword: 'secret' };

beforeAll(async () => {
  t = await startVeeam(['--speed', '100000']);
  org = await organizationNamed(t, 'contoso');
  session = await explore(t, org, 'veod');
  drive = oneDrivePageSchema.parse(
    await getJson(t, `/v5/RestoreSessions/${session.id}/Organization/OneDrives`),
  ).results[0]!;
  self = drive._links!.self!.href;
});
afterAll(() => t.service.close());

const docs = async (s: RestoreSession, query: string) =>
  documentPageSchema.parse(
    await getJson(t, `/v5/RestoreSessions/${s.id}/Organization/OneDrives/${drive.id}/Documents${query}`),
  ).results;

describe('browsing OneDrives', () => {
  it("lists each user's OneDrive with its URL, its root folders and their subfolders", async () => {
    expect(drive).toMatchObject({
      name: 'John',
      url: 'https://contoso-my.sharepoint.com/personal/john_contoso_com',
    });
    const roots = fileFolderPageSchema.parse(await getJson(t, drive._links!.folders!.href)).results;
    expect(roots.map((f) => f.name)).toEqual(['Projects', 'Finance', 'Presentations', 'Photos']);
    const sub = fileFolderPageSchema.parse(await getJson(t, roots[0]!._links!.folders!.href)).results;
    expect(sub.map((f) => f.name)).toEqual(['Roadmap 2026', 'Customer proposals']);
    expect(sub[0]!._links?.parent?.href).toBe(roots[0]!._links!.self!.href);
    expect(fileFolderPageSchema.parse(await getJson(t, `${self}/Folders`)).results).toHaveLength(8);
  });

  it('lists documents with names, sizes, versions and authors; one by id; pages with links', async () => {
    const page = documentPageSchema.parse(await getJson(t, `${self}/Documents?parentId=null&limit=20`));
    expect(page.results).toHaveLength(20);
    expect(page._links?.next?.href).toBe(`${self}/Documents?parentId=null&limit=20&offset=20`);
    const doc = page.results[0]!;
    expect(doc.name).toMatch(/\.\w{3,4}$/);
    expect(doc.sizeBytes).toBeGreaterThan(0);
    expect(doc.version).toMatch(/^\d+\.0$/);
    expect(documentSchema.parse(await getJson(t, doc._links!.self!.href))).toEqual(doc);
    const all = await docs(session, '?limit=10000');
    expect(all.length).toBeGreaterThan(page.results.length);
    expect(all.every((d) => d.isLatestVersion && !d.isDeleted)).toBe(true);
  });

  it('adds earlier versions with showAllVersions and deleted documents with showDeleted', async () => {
    const full = await explore(t, org, 'veod', { showAllVersions: true, showDeleted: true });
    const latest = await docs(session, '?limit=10000');
    const every = await docs(full, '?limit=10000');
    const earlier = every.filter((d) => !d.isLatestVersion);
    const deleted = every.filter((d) => d.isDeleted && d.isLatestVersion);
    expect(earlier.length).toBeGreaterThan(0);
    expect(deleted.length).toBeGreaterThan(0);
    expect(every.filter((d) => d.isLatestVersion).length).toBe(latest.length + deleted.length);
    const older = earlier[0]!;
    const newest = every.find(
      (d) => d.isLatestVersion && d.name === older.name && d.creationTime === older.creationTime,
    )!;
    expect(Number(older.version)).toBeLessThan(Number(newest.version));
    expect(Date.parse(older.modificationTime!)).toBeLessThan(Date.parse(newest.modificationTime!));
    // The plain session does not show an earlier version.
    const path = `/v5/RestoreSessions/${session.id}/Organization/OneDrives/${drive.id}/Documents/${older.id}`;
    await getJson(t, path, 404);
  });
});

describe('OneDrive actions', () => {
  let doc: Document;
  beforeAll(async () => {
    doc = (await docs(session, '?parentId=null&limit=1'))[0]!;
  });

  it('saves one document as the document itself', async () => {
    const res = await t.post('support', `${self}/Documents/${doc.id}/Action`, { save: { asZip: false } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(doc.name));
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(/\.(txt|csv)$/.test(doc.name) ? Math.min(doc.sizeBytes, 65536) : doc.sizeBytes);
    expect(body.toString('utf8', 0, 200)).toContain(doc.name);
  });

  it('saves a folder as a ZIP holding its documents under their folder paths', async () => {
    const roots = fileFolderPageSchema.parse(await getJson(t, drive._links!.folders!.href)).results;
    const finance = roots.find((f) => f.name === 'Finance')!;
    const res = await t.post('support', `${self}/Folders/${finance.id}/Action`, { save: null });
    expect(res.headers.get('content-type')).toBe('application/zip');
    const dir = mkdtempSync(join(tmpdir(), 'veeam-od-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'finance.zip');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(listing).toContain('Finance/Invoices/');
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    await expectError(
      await t.post('support', `${self}/Folders/${finance.id}/Action`, { save: { asZip: false } }),
      400,
      /needs exactly one document/,
    );
  });

  it('restores to the original place and copies to another OneDrive, with v5 counters and events', async () => {
    const original = oneDriveRestoreStatsSchema.parse(
      await (
        await t.post('support', `${self}/Action`, {
          restoretoOriginallocation: { ...creds, documentVersion: 'last', documentAction: 'overwrite' },
        })
      ).json(),
    );
    expect(original.totalItemsCount).toBe((await docs(session, '?limit=10000')).length);
    expect(
      original.restoredItemsCount +
        original.failedItemsCount +
        original.failedRestrictionsCount! +
        original.skippedItemsByNoChangesCount!,
    ).toBe(original.totalItemsCount);
    expect(original.skippedItemsByNoChangesCount).toBeGreaterThan(0);
    const copy = await t.post('support', `${self}/Documents/Action`, {
      copyTo: { ...creds, oneDrive: 'anna@contoso.com', documents: [{ id: doc.id }] },
    });
    expect(oneDriveRestoreStatsSchema.parse(await copy.json())).toMatchObject({ totalItemsCount: 1 });
    const events = restoreSessionEventPageSchema.parse(
      await getJson(t, `/v5/RestoreSessions/${session.id}/Events`),
    ).results;
    expect(events.at(-1)?.message).toMatch(
      new RegExp(
        `^Document .+ of John's OneDrive was restored to Anna's OneDrive, folder Restored \\d{4}-\\d\\d-\\d\\d \\(total: 1`,
      ),
    );
  });

  it('sends documents by e-mail', async () => {
    const res = await t.post('support', `${self}/Documents/Action`, {
      sendTo: { to: 'anna@contoso.com', documents: [{ id: doc.id }] },
    });
    expect(sendStatsSchema.parse(await res.json())).toEqual({ sentItemsCount: 1, failedItemsCount: 0 });
  });

  it('refuses bad bodies, unknown ids, other targets and viewers', async () => {
    await expectError(
      await t.post('support', `${self}/Documents/Action`, { save: { documents: [] } }),
      400,
      /documents: list the documents/,
    );
    await expectError(
      await t.post('support', `${self}/Documents/Action`, { save: { documents: [{ id: 'x' }] } }),
      404,
      /no document with id "x"/,
    );
    await expectError(
      await t.post('support', `${self}/Action`, { copyTo: { ...creds, oneDrive: 'ghost@contoso.com' } }),
      400,
      /not a OneDrive of contoso/,
    );
    await expectError(
      await t.post('support', `${self}/Action`, {
        restoretoOriginallocation: { ...creds, documentVersion: 'some' },
      }),
      400,
      /documentVersion/,
    );
    await expectError(
      await t.post('support', `${self}/Action`, { restoreTo: creds }),
      400,
      /not an action of a OneDrive: use one of restoretoOriginallocation, copyTo, sendTo, save/,
    );
    await expectError(await t.post('viewer', `${self}/Action`, { save: null }), 403, /support or admin/);
    await expectError(await t.call('viewer', `${self}/Documents`), 403, /browse the backed-up content/);
  });
});

async function expectError(res: Response, status: number, pattern: RegExp) {
  const body = errorSchema.parse(await res.json());
  expect(res.status, body.message).toBe(status);
  expect(body.message).toMatch(pattern);
}
