import MsgReader from '@kenjiuno/msgreader';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiError } from './api-error';
import type { ExploreType } from './domain';
import type { BackupProvider } from './provider';
import type { ContentNode } from './restore-content';
import type { InProcess } from './testing/in-process-service';
import { startInProcess } from './testing/in-process-service';

/** Opens a restore session of the first job as the signed-in person; its id. */
export async function openSession(p: BackupProvider, now: number, type: ExploreType, showDeleted = false) {
  const job = (await p.listTargets())[0]!;
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
      // An Outlook .msg (a compound file): read back, its subject is the item's title.
      expect(saved.file?.name).toMatch(/\.msg$/);
      const bytes = await saved.file!.blob.arrayBuffer();
      expect(new MsgReader(bytes).getFileData().subject).toBe(items[0]!.title);
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

    test('a deep link to a nested place names its parent, up to a root that names none', async () => {
      // A folder below the Inbox (or below any mail folder that has one), read from its id alone.
      const folders = await p.listContentNodes(sid, mailbox.id);
      let parent: ContentNode | undefined;
      let child: ContentNode | undefined;
      for (const f of folders) {
        child = (await p.listContentNodes(sid, f.id))[0];
        if (child) {
          parent = f;
          break;
        }
      }
      expect(child, 'a mail folder with a folder below it').toBeDefined();
      expect((await p.getContentNode(sid, child!.id)).parentId).toBe(parent!.id);
      expect((await p.getContentNode(sid, parent!.id)).parentId).toBe(mailbox.id);
      expect((await p.getContentNode(sid, mailbox.id)).parentId).toBeNull();
      // Listed children name the place they were listed under.
      expect(folders.every((f) => f.parentId === mailbox.id)).toBe(true);
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

/** Walks a session's tree from its roots, `depth` levels down: every place with the path to it. */
async function walk(p: BackupProvider, sid: string, depth: number) {
  const out: { node: ContentNode; path: ContentNode[] }[] = [];
  const visit = async (parent: ContentNode | null, path: ContentNode[], level: number) => {
    const nodes = await p.listContentNodes(sid, parent?.id ?? null);
    for (const node of nodes.slice(0, 4)) {
      out.push({ node, path });
      if (level < depth && node.expandable) await visit(node, [...path, node], level + 1);
    }
  };
  await visit(null, [], 1);
  return out;
}

/**
 * OneDrive, SharePoint and Teams sessions through the same adapter: the tree each Explorer shows, the
 * kind of items in each place, items read page by page and again by id, and every place read again
 * from its id alone (a deep link) with the parent it was listed under.
 */
export function restoreContentExplorersContract(connectionId: string) {
  const cases = [
    {
      type: 'veod',
      kind: 'onedrive',
      roots: ['onedrive'],
      below: ['folder'],
      items: ['document'],
    },
    {
      type: 'vesp',
      kind: 'sharepoint',
      roots: ['site'],
      below: ['library', 'list', 'folder', 'site'],
      items: ['document', 'list-item'],
    },
    {
      type: 'vet',
      kind: 'teams',
      roots: ['team'],
      below: ['channel', 'posts', 'files', 'folder'],
      items: ['post', 'file'],
    },
  ] as const;
  describe.each(cases)(`restore session content, $kind: ${connectionId}`, (c) => {
    let t: InProcess;
    let p: BackupProvider;
    let sid: string;
    let places: { node: ContentNode; path: ContentNode[] }[];
    beforeAll(async () => {
      t = await startInProcess();
      await t.runtime.signIn(connectionId, { username: 'support', password: 'demo' });
      p = t.runtime.provider(connectionId);
      sid = await openSession(p, t.clock.now(), c.type);
      places = await walk(p, sid, 4);
    }, 90_000);
    afterAll(() => t.close());

    test('the session says what it holds, and its tree has the places that Explorer shows', async () => {
      expect((await p.getSessionContent(sid)).kind).toBe(c.kind);
      const roots = places.filter((x) => x.path.length === 0);
      expect(roots.length).toBeGreaterThan(0);
      for (const r of roots) expect(c.roots).toContain(r.node.kind);
      const kinds = new Set(places.filter((x) => x.path.length > 0).map((x) => x.node.kind));
      for (const k of kinds) expect(c.below as readonly string[]).toContain(k);
      expect(kinds.size).toBeGreaterThan(0);
    });

    test('every place read again from its id is the same place, under the parent it was listed under', async () => {
      for (const { node, path } of places) {
        const again = await p.getContentNode(sid, node.id);
        // Alone, a channel's Posts and Files say which channel ("Posts · General").
        expect(again.name, node.id).toContain(node.name);
        expect({ ...again, name: '' }, node.id).toEqual({ ...node, name: '' });
        expect(again.parentId, node.id).toBe(path.at(-1)?.id ?? null);
      }
    }, 90_000);

    test('items of each kind that Explorer holds, page by page, each read again by id', async () => {
      const seen = new Set<string>();
      for (const { node } of places.filter((x) => x.node.items)) {
        const first = await p.listContentItems(sid, node.id, { offset: 0, limit: 5 });
        if (first.items.length === 0) continue;
        for (const item of first.items) seen.add(item.kind);
        for (const item of first.items) {
          // A place lists its folders among its items, as the Explorers do.
          expect([node.items, 'folder'], `${node.id} → ${item.id}`).toContain(item.kind);
          expect(item.title).toMatch(/\S/);
        }
        if (first.next !== null) {
          const second = await p.listContentItems(sid, node.id, { offset: first.next, limit: 5 });
          const ids = new Set(first.items.map((i) => i.id));
          expect(second.items.some((i) => ids.has(i.id))).toBe(false);
        }
        const one = first.items[0]!;
        expect(await p.getContentItem(sid, node.id, one.id)).toEqual(one);
      }
      for (const kind of c.items) expect([...seen], `items of kind ${kind}`).toContain(kind);
    }, 90_000);
  });
}
