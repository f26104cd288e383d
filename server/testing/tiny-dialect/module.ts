/* Tests only: the service module of Tiny Backup v1, the seam test's own dialect. */
import { TINY_API } from '../../../src/api/testing/tiny-dialect/wire';
import type { ServiceModule } from '../../module';
import { mountTinyRoutes, TINY_TOKEN } from './routes';

/** Three targets, one table of runs; runs end only when a test says so (no ticker). */
export const tinyModule: ServiceModule = {
  name: 'tiny',
  apis: [TINY_API],
  tokenKinds: [TINY_TOKEN],
  migrations: [
    {
      id: 'tiny-1-targets-runs',
      sql: `CREATE TABLE tiny_targets (id TEXT PRIMARY KEY, title TEXT NOT NULL, active INTEGER NOT NULL);
            CREATE TABLE tiny_runs (id TEXT PRIMARY KEY, target_id TEXT NOT NULL, state TEXT NOT NULL,
              started_at TEXT NOT NULL);`,
    },
  ],
  seed(ctx) {
    const insert = ctx.db.prepare('INSERT INTO tiny_targets (id, title, active) VALUES (?, ?, 1)');
    for (const [id, title] of [
      ['t1', 'Tiny photos'],
      ['t2', 'Tiny mail'],
      ['t3', 'Tiny ledger'],
    ])
      insert.run(id, title);
  },
  tickers: () => [],
  routes: mountTinyRoutes,
};
