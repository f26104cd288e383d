import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiError } from './api-error';
import type { ExploreType } from './domain';
import type { BackupProvider } from './provider';
import type { ContentNode } from './restore-content';
import type { InProcess } from './testing/in-process-service';
import { startInProcess } from './testing/in-process-service';

/** Opens a restore session of the first job as the signed-in person; its id. */
export async function openSession(p: BackupProvider, now: number, type: ExploreType, showDeleted = false) {
  const job = (await p.listJobs())[0]!;
  const { sessionId } = await p.explore({
    jobId: job.id,
    pointInTime: new Date(now).toISOString(),
    type,
    showDeleted,
    showAllVersions: false,
  });
  if (!sessionId) throw new Error('the service named no restore session');
  return sessionId;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as ApiError,
  );

/**
 * Inside a restore session, as every adapter with `capabilities.restoreSessionContent` must answer:
 * the tree, items page by page, single items, and the roles' limits.
 */
export function restoreContentContract(connectionId: string) {
  describe(`restore session content: ${connectionId}`, () => {
    let t: InProcess;
    let p: BackupProvider;
    let sid: string;
    let mailbox: ContentNode;
    let inbox: ContentNode;
    beforeAll(async () => {
      t = await startInProcess();
      await t.runtime.signIn(connectionId, { username: 'support', password: 'demo' });
      p = t.runtime.provider(connectionId);
      sid = await openSession(p, t.clock.now(), 'vex', true);
      mailbox = (await p.listContentNodes(sid, null))[0]!;
      inbox = (await p.listContentNodes(sid, mailbox.id)).find((f) => f.name === 'Inbox')!;
    });
    afterAll(() => t.close());

    test('the capability is there, with the organization and the point in time of the session', async () => {
      expect(p.capabilities.restoreSessionContent).toBe(true);
      const content = await p.getSessionContent(sid);
      expect(content.kind).toBe('exchange');
      expect(content.organizationName).toMatch(/\S/);
      expect(content.organizationName).not.toMatch(/\(/);
      expect(Date.parse(content.pointInTime ?? '')).not.toBeNaN();
    });

    test('the tree: mailboxes, then their folders, each with the kind of its items', async () => {
      expect(mailbox).toMatchObject({ kind: 'mailbox', items: null, expandable: true });
      expect(mailbox.detail).toMatch(/@/);
      expect(inbox).toMatchObject({ kind: 'mail-folder', items: 'mail' });
      const folders = await p.listContentNodes(sid, mailbox.id);
      expect(folders.find((f) => f.name === 'Calendar')?.items).toBe('appointment');
      expect(folders.find((f) => f.name === 'Contacts')?.items).toBe('contact');
      // A node id read again gives the same place (a deep link).
      expect(await p.getContentNode(sid, inbox.id)).toEqual(inbox);
    });

    test('items come page by page without overlap; a single item reads the same', async () => {
      const first = await p.listContentItems(sid, inbox.id, { offset: 0, limit: 25 });
      expect(first.items).toHaveLength(25);
      expect(first.next).toBe(25);
      const second = await p.listContentItems(sid, inbox.id, { offset: 25, limit: 25 });
      const ids = new Set(first.items.map((i) => i.id));
      expect(second.items.some((i) => ids.has(i.id))).toBe(false);
      const mail = first.items[0]!;
      expect(mail).toMatchObject({ kind: 'mail', earlierVersion: false });
      expect(mail.title).toMatch(/\S/);
      expect(mail.from).toMatch(/\S/);
      expect(Date.parse(mail.at ?? '')).not.toBeNaN();
      expect(await p.getContentItem(sid, inbox.id, mail.id)).toEqual(mail);
    });

    test('following next to the end reads every item once; the last page says there is no next', async () => {
      const whole = await p.listContentItems(sid, inbox.id, { offset: 0, limit: 10_000 });
      expect(whole.next).toBeNull();
      const seen: string[] = [];
      for (let offset: number | null = 0; offset !== null;) {
        const page = await p.listContentItems(sid, inbox.id, { offset, limit: 500 });
        seen.push(...page.items.map((i) => i.id));
        offset = page.next;
      }
      expect(seen).toEqual(whole.items.map((i) => i.id));
    }, 90_000);

    test('with "show deleted items" some items are marked deleted', async () => {
      const deleted = await p.listContentNodes(sid, mailbox.id);
      const pages = await Promise.all(
        deleted
          .filter((f) => f.items === 'mail')
          .map((f) => p.listContentItems(sid, f.id, { offset: 0, limit: 10_000 })),
      );
      expect(pages.flatMap((x) => x.items).some((i) => i.deleted)).toBe(true);
    });

    test('restore to another mailbox answers the counters and writes an event on the session', async () => {
      const actions = await p.contentActions('exchange');
      const restoreTo = actions.find((a) => a.key === 'restore-to')!;
      expect(restoreTo).toMatchObject({ verb: 'restore', credentials: true });
      expect(restoreTo.target?.label).toMatch(/mailbox/i);
      const mailboxes = await p.listContentNodes(sid, null);
      const other = mailboxes.find((m) => m.id !== mailbox.id && m.detail && !/archive/i.test(m.name))!;
      const { items } = await p.listContentItems(sid, inbox.id, { offset: 0, limit: 3 });
      const before = (await p.listRestoreSessionEvents(sid)).length;
      const outcome = await p.runContentAction(sid, {
        action: 'restore-to',
        nodeId: inbox.id,
        itemIds: items.map((i) => i.id),
        target: other.detail!,
        folder: 'Recovered',
        options: { changedItems: true, deletedItems: true, markRestoredAsUnread: true },
        credentials: { userName: 'admin@contoso.com', password: 'secret' },
      });
      expect(outcome.file).toBeNull();
      expect(outcome.counters.map((c) => c.label)).toEqual(['Created', 'Merged', 'Skipped', 'Failed']);
      expect(outcome.counters.reduce((n, c) => n + c.value, 0)).toBe(3);
      const events = await p.listRestoreSessionEvents(sid);
      expect(events.length).toBeGreaterThan(before);
      expect(t.requests.some((r) => r.url.includes('secret'))).toBe(false);
    });

    test('save answers the file itself, named; a refused export says why', async () => {
      const { items } = await p.listContentItems(sid, inbox.id, { offset: 0, limit: 1 });
      const saved = await p.runContentAction(sid, {
        action: 'save',
        nodeId: inbox.id,
        itemIds: [items[0]!.id],
        options: {},
        suggestedName: items[0]!.title,
      });
      expect(saved.file?.blob.size).toBeGreaterThan(100);
      expect(saved.file?.name).toMatch(/\.(eml|msg)$/);
      expect(await saved.file!.blob.text()).toContain(items[0]!.title);
      const e = await refusal(
        p.runContentAction(sid, { action: 'export', nodeId: inbox.id, itemIds: [items[0]!.id], options: {} }),
      );
      expect(e?.status).toBeGreaterThanOrEqual(400);
      expect(e?.status).toBeLessThan(500);
      expect(e?.message).toMatch(/Outlook/);
    });

    test('an id the adapter did not hand out is a 404 with a message', async () => {
      const e = await refusal(p.getContentNode(sid, 'nowhere/at/all'));
      expect(e).toMatchObject({ status: 404 });
      expect(e?.message).toMatch(/nowhere/);
    });

    test('a viewer may not browse; a stopped session cannot be browsed', async () => {
      await t.runtime.signIn(connectionId, { username: 'viewer', password: 'demo' });
      try {
        expect(await refusal(p.listContentNodes(sid, null))).toMatchObject({ status: 403 });
      } finally {
        await t.runtime.signIn(connectionId, { username: 'support', password: 'demo' });
      }
      const other = await openSession(p, t.clock.now(), 'vex');
      await p.stopRestoreSession(other);
      const e = await refusal(p.listContentNodes(other, null));
      expect(e?.status).toBeGreaterThanOrEqual(400);
      expect(e?.status).toBeLessThan(500);
      expect(e?.message).toMatch(/stopped/);
    });
  });
}
