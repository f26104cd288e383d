import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../rackspace-v1/test-support';
import { harness } from '../rackspace-v1/test-support';
import { SEED_JOB } from '../veeam-v5/testing';

/**
 * Every query the big lists run reads through an index: no full scan of a table, no sort in a
 * temporary b-tree. This is what keeps them quick at 10,000 rows (timed in bench/server-lists.ts); a
 * plan does not depend on the data's size, so a small data set shows it. The queries are recorded as
 * the service prepares them while it answers, and each is explained with its parameters left null.
 */
let h: Harness;
let veeamToken: string;
let explain: (sql: string) => { detail: string }[];
const recorded = new Set<string>();

beforeAll(async () => {
  h = await harness();
  await h.token('viewer');
  const res = await h.service.app.request('/v5/Token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=viewer&password=demo',
  });
  veeamToken = ((await res.json()) as { access_token: string }).access_token;
  const db = h.service.ctx.db;
  const prepare = db.prepare.bind(db);
  explain = (sql) => {
    const params = (sql.match(/\?/g) ?? []).map(() => null);
    return prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  };
  db.prepare = (sql: string) => {
    recorded.add(sql);
    return prepare(sql);
  };
});
afterAll(() => h.close());

const RACKSPACE = [
  '/v1.0/110011/backup-configuration',
  '/v1.0/110011/backup-configuration/system/198300',
  '/v1.0/110011/backup/availableforrestore',
  '/v1.0/110011/user/agents',
  '/v1.0/110011/activity',
  '/ord/v2/110011/configurations?limit=3',
  '/ord/v2/110011/configurations?restorable=true&sort_dir=desc',
  '/ord/v2/110011/backups?limit=1000&sort_dir=desc',
  '/ord/v2/110011/restores',
  '/ord/v2/110011/activities',
];
const VEEAM = [
  '/v5/Jobs',
  `/v5/Jobs/${SEED_JOB}/JobSessions?limit=10000`,
  '/v5/JobSessions?limit=10000&offset=2',
  '/v5/RestoreSessions?limit=10000&startTimeFrom=2020-01-01T00:00:00Z',
];

const plan = (sql: string): string[] => explain(sql).map((r) => r.detail);

describe('the big lists', () => {
  it('read every row through an index, never a full table scan or a sort', async () => {
    for (const path of RACKSPACE)
      expect((await h.call('GET', path, { role: 'viewer' })).status, path).toBe(200);
    for (const path of VEEAM) {
      const res = await h.service.app.request(path, { headers: { authorization: `Bearer ${veeamToken}` } });
      expect(res.status, path).toBe(200);
    }
    const reads = [...recorded].filter((sql) => /^\s*SELECT/i.test(sql));
    expect(reads.length).toBeGreaterThan(10);
    for (const sql of reads) {
      for (const step of plan(sql)) {
        expect(step, sql).not.toMatch(/^SCAN (rs|veeam)_\w+$|^SCAN \w+$/);
        expect(step, sql).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  it('read the revs of a whole list from a covering index alone', () => {
    const revs = [...recorded].filter((sql) => /SELECT (c\.)?(id|n), (c\.)?rev FROM/.test(sql));
    expect(revs.length).toBeGreaterThanOrEqual(5);
    for (const sql of revs) expect(plan(sql).join(' | '), sql).toMatch(/USING COVERING INDEX \w+_revs/);
  });
});
