import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentConfiguration } from './rackspace-v1/present';
import type { Harness } from './rackspace-v1/test-support';
import { harness } from './rackspace-v1/test-support';
import { listConfigurations } from './store/rackspace-configurations';

/**
 * The whole lists at SCALE=10000 (10,000 configurations, 5,000 machines, ~30,000 backups) are complete
 * and say what the presenters say. Seeding that many takes a while, so this runs only when asked:
 * `RACKSPACE_SCALE=10000 npx vitest run server/rackspace-scale.test.ts`. How fast they answer is
 * measured by `npm run bench` (bench/server-lists.ts), not here: timings flake on a busy machine.
 * That they read through indexes is checked on every run (server/store/list-plans.test.ts).
 */
const scale = Number(process.env.RACKSPACE_SCALE ?? 0);
let h: Harness;

describe.skipIf(!scale)(`Rackspace lists at SCALE=${scale}`, () => {
  beforeAll(async () => {
    h = await harness({ scale });
    await h.token('viewer');
  }, 180_000);
  afterAll(() => h?.close());

  async function list<T>(path: string): Promise<T> {
    const res = await h.call('GET', path, { role: 'viewer' });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  it('answers whole v1.0 lists (the vendor has no paging), each complete', async () => {
    const configs = await list<unknown[]>('/v1.0/110011/backup-configuration');
    expect(configs).toHaveLength(scale / 2);
    const plain = listConfigurations(h.service.ctx.db, { tenant: '110011', region: 'DFW' });
    expect(configs).toEqual(JSON.parse(JSON.stringify(plain.map(presentConfiguration))));
    expect(await list<unknown[]>('/v1.0/110011/user/agents')).toHaveLength(scale / 4);
    const available = await list<unknown[]>('/v1.0/110011/backup/availableforrestore');
    expect(available).toHaveLength(plain.filter((c) => c.last_completed_backup_id !== null).length);
    expect((await list<unknown[]>('/v1.0/110011/activity')).length).toBe(500);
  });

  it('pages every v2 configuration of a region exactly once', async () => {
    const ids: string[] = [];
    let path: string | undefined = '/ord/v2/110011/configurations?limit=1000';
    while (path) {
      type Page = { configurations: { id: string }[]; links: { href: string; rel: string }[] };
      const page: Page = await list<Page>(path);
      ids.push(...page.configurations.map((c) => c.id));
      const next = page.links.find((l) => l.rel === 'next');
      path = next ? new URL(next.href).pathname + new URL(next.href).search : undefined;
    }
    expect(ids).toHaveLength(scale / 2);
    expect(new Set(ids).size).toBe(scale / 2);
  });
});
