import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  channelPageSchema,
  postPageSchema,
  postSchema,
  teamFilePageSchema,
  teamPageSchema,
  teamsRestoreStatsSchema,
} from '../../src/api/veeam-v5/restore-wire';
import type { RestoreSession } from '../../src/api/veeam-v5/wire';
import { errorSchema } from '../../src/api/veeam-v5/wire';
import { explore, getJson, organizationNamed } from './explore-testing';
import type { VeeamTestService } from './testing';
import { startVeeam } from './testing';

/** Teams inside a restore session: teams, channels, posts and replies, files; restore, save, export. */

let t: VeeamTestService;
let session: RestoreSession;
beforeAll(async () => {
  t = await startVeeam(['--speed', '100000']);
  session = await explore(t, await organizationNamed(t, 'contoso'), 'vet');
});
afterAll(() => t.service.close());

describe('Teams', () => {
  it('browses teams, channels, posts with replies and files, and acts on them', async () => {
    const teams = teamPageSchema.parse(
      await getJson(t, `/v5/RestoreSessions/${session.id}/Organization/Teams`),
    ).results;
    expect(teams.map((x) => x.displayName)).toEqual([
      'All Company',
      'Sales',
      'Engineering',
      'Marketing',
      'Support',
    ]);
    const team = teams[1]!;
    const channels = channelPageSchema.parse(await getJson(t, team._links!.channels!.href)).results;
    expect(channels[0]!.displayName).toBe('General');
    const posts = postPageSchema.parse(
      await getJson(t, `${channels[0]!._links!.posts!.href}&limit=50`),
    ).results;
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((p) => p.parentId === null)).toBe(true);
    const withReplies = posts.find((p) => (p.replyCount ?? 0) > 0)!;
    const replies = postPageSchema.parse(
      await getJson(t, `${team._links!.self!.href}/Posts?parentId=${withReplies.id}`),
    ).results;
    expect(replies).toHaveLength(withReplies.replyCount!);
    expect(replies.every((r) => r.parentId === withReplies.id)).toBe(true);
    expect(postSchema.parse(await getJson(t, replies[0]!._links!.self!.href))).toEqual(replies[0]);
    const files = teamFilePageSchema.parse(
      await getJson(t, `${channels[0]!._links!.files!.href}&limit=5`),
    ).results;
    expect(files[0]).toMatchObject({ name: 'Meeting notes', isFolder: true });
    const inFolder = teamFilePageSchema.parse(await getJson(t, files[0]!._links!.children!.href)).results;
    expect(inFolder.length).toBeGreaterThan(0);

    const restored = await t.post(
      'support',
      `${team._links!.self!.href}/Channels/${channels[0]!.id}/Action`,
      {
        restore: {
          userName: 'admin@contoso.com',
          userPassword: 'secret',
          restoreChangedItems: true,
          restoreMissingItems: true,
        },
      },
    );
    expect(teamsRestoreStatsSchema.parse(await restored.json()).totalItemsCount).toBeGreaterThan(
      posts.length,
    );
    const saved = await t.post('support', `${team._links!.self!.href}/Files/${inFolder[0]!.id}/Action`, {
      save: null,
    });
    expect(saved.headers.get('content-disposition')).toContain(encodeURIComponent(inFolder[0]!.name));
    const exported = await t.post('support', `${team._links!.self!.href}/Posts/${withReplies.id}/Action`, {
      export: null,
    });
    expect(exported.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await exported.text()).toContain(withReplies.subject);
    const bad = await t.post('support', `${team._links!.self!.href}/Action`, { save: null });
    expect(bad.status).toBe(400);
    expect(errorSchema.parse(await bad.json()).message).toMatch(
      /not an action of a team: use one of restore/,
    );
    expect((await t.call('viewer', team._links!.channels!.href)).status).toBe(403);
    expect(
      (await t.post('support', `${team._links!.self!.href}/Files/Action`, { save: { files: [{ id: 'x' }] } }))
        .status,
    ).toBe(404);
  });
});
