import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { jobListSchema, jobSessionPageSchema } from '../../src/api/veeam-v5/wire';
import { loadConfig } from '../config';
import type { ServiceContext } from '../context';
import { Engine } from '../engine/engine';
import { VEEAM_ACCESS_TOKEN } from '../identity/veeam';
import { issueToken } from '../identity/tokens';
import { findUserById, seedDemoUsers } from '../identity/users';
import { veeamModule } from '../modules/veeam';
import { Random } from '../seed/random';
import { coreMigrations, migrate, openDatabase } from '../store/db';
import { veeamStore } from '../store/veeam-store';
import { presentJob } from './present';

/**
 * SCALE=10000: 10,000 jobs, and whole lists that answer all of them, equal to what the presenter of
 * one job says, before and after a change. Only the Veeam module is composed here (the Rackspace seed
 * at that size is its own test's business); routing is the service's (lower-cased /v5). How fast the
 * lists answer is measured by `npm run bench` (bench/server-lists.ts): timings flake in tests.
 */
describe('Veeam at SCALE=10000', () => {
  it('seeds 10,000 jobs and lists every one of them', { timeout: 120_000 }, async () => {
    const config = loadConfig(['--data-dir', ':memory:', '--scale', '10000'], {});
    const db = openDatabase(':memory:');
    migrate(db, [...coreMigrations, ...veeamModule.migrations]);
    const clock = { now: () => Date.UTC(2026, 10, 22, 12) };
    const ctx: ServiceContext = { db, config, clock, engine: new Engine(clock, 60, 250) };
    await seedDemoUsers(db);
    db.transaction(() => veeamModule.seed(ctx, new Random(42).fork('veeam'), 10000))();
    const app = new Hono({ getPath: (req) => new URL(req.url).pathname.toLowerCase() });
    veeamModule.routes(app, ctx);
    const token = issueToken(db, findUserById(db, 1)!, VEEAM_ACCESS_TOKEN, 3600, clock.now()).token;
    const get = async (path: string) => {
      const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(200);
      return JSON.parse(await res.text()) as unknown;
    };

    const store = veeamStore(db);
    const jobs = jobListSchema.parse(await get('/v5/Jobs'));
    expect(jobs).toHaveLength(10_000);
    expect(jobs).toEqual(store.jobs().map(presentJob));
    const changed = store
      .jobs()
      .slice(0, 3)
      .map((j) => j.id);
    for (const id of changed) store.update('veeam_jobs', id, { last_status: 'Warning' });
    const again = jobListSchema.parse(await get('/v5/Jobs'));
    expect(again.slice(0, 3).map((j) => j.lastStatus)).toEqual(['Warning', 'Warning', 'Warning']);
    expect(again).toEqual(store.jobs().map(presentJob));
    const sessions = jobSessionPageSchema.parse(await get('/v5/JobSessions?limit=10000'));
    expect(sessions.results).toHaveLength(10_000);
    expect(sessions._links?.next).toBeDefined();
    expect((await get('/v5/Organizations')) as unknown[]).toHaveLength(store.organizations().length);
    db.close();
  });
});
