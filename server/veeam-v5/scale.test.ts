import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { jobListSchema } from '../../src/api/veeam-v5/wire';
import { loadConfig } from '../config';
import type { ServiceContext } from '../context';
import { Engine } from '../engine/engine';
import { issueToken } from '../identity/tokens';
import { findUserById, seedDemoUsers } from '../identity/users';
import { veeamModule } from '../modules/veeam';
import { Random } from '../seed/random';
import { coreMigrations, migrate, openDatabase } from '../store/db';
import { veeamStore } from '../store/veeam-store';
import { presentJob } from './present';

/**
 * SCALE=10000: 10,000 jobs, and the lists that answer them. Only the Veeam module is composed here (the
 * Rackspace seed at that size is its own test's business); routing is the service's (lower-cased /v5).
 * Prints the figures; the bound is loose so a busy machine does not fail it, the figure is the point.
 */
describe('Veeam at SCALE=10000', () => {
  it('seeds 10,000 jobs and lists them quickly', { timeout: 120_000 }, async () => {
    const config = loadConfig(['--data-dir', ':memory:', '--scale', '10000'], {});
    const db = openDatabase(':memory:');
    migrate(db, [...coreMigrations, ...veeamModule.migrations]);
    const clock = { now: () => Date.UTC(2026, 10, 22, 12) };
    const ctx: ServiceContext = { db, config, clock, engine: new Engine(clock, 60, 250) };
    await seedDemoUsers(db);
    let started = performance.now();
    db.transaction(() => veeamModule.seed(ctx, new Random(42).fork('veeam'), 10000))();
    const seedMs = performance.now() - started;
    const app = new Hono({ getPath: (req) => new URL(req.url).pathname.toLowerCase() });
    veeamModule.routes(app, ctx);
    const jobsIds = veeamStore(db)
      .jobs()
      .slice(0, 3)
      .map((j) => j.id);
    const token = issueToken(db, findUserById(db, 1)!, 'veeam-access', 3600, clock.now()).token;
    const get = async (path: string) => {
      const t0 = performance.now();
      const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.text();
      return { ms: performance.now() - t0, text, status: res.status };
    };

    await get('/v5/Jobs'); // first call renders each job's unchanging parts once
    const figures: Record<string, number> = {};
    // A job changes before each of these, so the list is made again (not the kept answer).
    const rebuilt = [];
    for (let i = 0; i < 3; i++) {
      veeamStore(db).update('veeam_jobs', jobsIds[i]!, { last_status: 'Warning' });
      rebuilt.push(await get('/v5/Jobs'));
    }
    figures['/v5/Jobs after a change'] = Math.min(...rebuilt.map((r) => r.ms));
    for (const path of ['/v5/Jobs', '/v5/Organizations', '/v5/JobSessions', '/v5/RestoreSessions']) {
      const runs = [await get(path), await get(path), await get(path)];
      figures[path] = Math.min(...runs.map((r) => r.ms));
      expect(runs[0]!.status).toBe(200);
    }
    const jobs = jobListSchema.parse(JSON.parse((await get('/v5/Jobs')).text));
    expect(jobs).toHaveLength(10_000);
    // The fast list says exactly what the presenter of one job says.
    started = performance.now();
    expect(jobs).toEqual(veeamStore(db).jobs().map(presentJob));
    expect(jobs.slice(0, 3).map((j) => j.lastStatus)).toEqual(['Warning', 'Warning', 'Warning']);
    console.log(
      `Veeam SCALE=10000: seed ${Math.round(seedMs)} ms; ` +
        Object.entries(figures)
          .map(([p, ms]) => `${p} ${Math.round(ms)} ms`)
          .join(', '),
    );
    expect(figures['/v5/Jobs after a change']).toBeLessThan(1500);
    expect(figures['/v5/Jobs']).toBeLessThan(1000);
    expect(figures['/v5/JobSessions']).toBeLessThan(100);
    db.close();
  });
});
