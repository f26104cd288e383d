import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './rackspace-v1/test-support';
import { harness } from './rackspace-v1/test-support';

/**
 * Lists at SCALE=10000 (10,000 configurations, 5,000 machines, ~30,000 backups), from indexed queries.
 * Seeding that many takes a while, so this runs only when asked: `RACKSPACE_SCALE=10000 npx vitest run
 * server/rackspace-scale.test.ts`. It prints each list's time; v2 pages must stay within ~100 ms.
 */
const scale = Number(process.env.RACKSPACE_SCALE ?? 0);
let h: Harness;

describe.skipIf(!scale)(`Rackspace lists at SCALE=${scale}`, () => {
  beforeAll(async () => {
    h = await harness({ scale });
    await h.token('viewer');
  }, 180_000);
  afterAll(() => h?.close());

  async function timed(path: string): Promise<{ ms: number; items: number }> {
    await h.call('GET', path, { role: 'viewer' }); // warm the statement cache
    const t0 = performance.now();
    const res = await h.call('GET', path, { role: 'viewer' });
    const text = await res.text();
    const ms = performance.now() - t0;
    const body = JSON.parse(text) as unknown[] | Record<string, unknown[]>;
    expect(res.status).toBe(200);
    const items = Array.isArray(body) ? body.length : (Object.values(body).find(Array.isArray)?.length ?? 0);
    console.log(`${path}: ${items} items, ${(text.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
    return { ms, items };
  }

  it('answers v2 pages within about 100 ms', async () => {
    for (const path of [
      '/ord/v2/110011/configurations',
      '/ord/v2/110011/configurations?limit=100&sort_dir=desc',
      '/ord/v2/110011/backups',
      '/ord/v2/110011/restores',
      '/ord/v2/110011/activities',
    ]) {
      const { ms, items } = await timed(path);
      expect(items).toBeGreaterThan(0);
      expect(ms).toBeLessThan(150);
    }
  });

  it('answers the whole v1.0 lists (the vendor has no paging) and reports their times', async () => {
    expect((await timed('/v1.0/110011/backup-configuration')).items).toBe(scale / 2);
    await timed('/v1.0/110011/user/agents');
    await timed('/v1.0/110011/backup/availableforrestore');
    await timed('/v1.0/110011/activity');
    await timed('/ord/v2/110011/configurations?limit=1000');
  });

  it('ticks the engine over the whole data set quickly', () => {
    const t0 = performance.now();
    h.run(1);
    const ms = performance.now() - t0;
    console.log(`engine tick: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(250);
  });
});
