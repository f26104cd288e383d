import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../rackspace-v1/test-support';
import { FakeClock, harness } from '../rackspace-v1/test-support';

/** The demo data set has what a demo, the seeds' examples and e2e need, and SEED makes it repeatable. */
let open: Harness[] = [];
afterEach(() => {
  for (const h of open) h.close();
  open = [];
});

async function make(options: Parameters<typeof harness>[0] = {}): Promise<Harness> {
  const h = await harness(options);
  open.push(h);
  return h;
}

const count = (h: Harness, sql: string): number => (h.service.ctx.db.prepare(sql).get() as { n: number }).n;

describe('the Rackspace demo data set', () => {
  it('has a dozen machines in DFW and ORD with every mix a demo needs', async () => {
    const h = await make();
    expect(count(h, 'SELECT COUNT(*) AS n FROM rs_agents')).toBe(12);
    expect(count(h, 'SELECT COUNT(*) AS n FROM rs_configurations')).toBe(24);
    for (const region of ['DFW', 'ORD']) {
      const where = `region = '${region}'`;
      expect(count(h, `SELECT COUNT(*) AS n FROM rs_agents WHERE ${where}`)).toBe(6);
      expect(
        count(h, `SELECT COUNT(*) AS n FROM rs_agents WHERE ${where} AND encrypted = 1`),
      ).toBeGreaterThan(0);
      // e2e starts a backup in each region: an enabled configuration of an online, enabled agent.
      expect(
        count(
          h,
          `SELECT COUNT(*) AS n FROM rs_configurations c JOIN rs_agents a ON a.id = c.agent_id
           WHERE c.${where} AND c.enabled = 1 AND a.enabled = 1 AND a.online = 1 AND c.current_backup_id IS NULL`,
        ),
      ).toBeGreaterThan(0);
    }
    expect(count(h, 'SELECT COUNT(*) AS n FROM rs_agents WHERE online = 0')).toBeGreaterThan(0);
    expect(count(h, 'SELECT COUNT(*) AS n FROM rs_agents WHERE enabled = 0')).toBeGreaterThan(0);
    expect(count(h, 'SELECT COUNT(*) AS n FROM rs_configurations WHERE enabled = 0')).toBeGreaterThan(0);
    expect(
      count(h, "SELECT COUNT(*) AS n FROM rs_configurations WHERE frequency = 'Hourly' AND enabled = 1"),
    ).toBeGreaterThan(0);
    for (const state of ['completed', 'completed_with_errors', 'failed'])
      expect(
        count(h, `SELECT COUNT(*) AS n FROM rs_backups WHERE state = '${state}'`),
        state,
      ).toBeGreaterThan(0);
    expect(
      count(
        h,
        'SELECT COUNT(*) AS n FROM rs_backups b JOIN rs_agents a ON a.id = b.agent_id WHERE b.restorable = 1 AND a.encrypted = 1',
      ),
    ).toBeGreaterThan(0);
    // Errors lists exist for the runs that ended with errors.
    expect(
      count(
        h,
        "SELECT COUNT(*) AS n FROM rs_backups b WHERE state = 'completed_with_errors' AND error_count = 0",
      ),
    ).toBe(0);
    expect(count(h, "SELECT COUNT(*) AS n FROM rs_errors WHERE run_kind = 'backup'")).toBeGreaterThan(0);
  });

  it('is the same for the same SEED and differs for another', async () => {
    const clock = new FakeClock();
    const ids = (h: Harness) =>
      JSON.stringify(
        h.service.ctx.db.prepare('SELECT uuid, state, bytes_total, reason FROM rs_backups ORDER BY id').all(),
      );
    const a = await make({ clock });
    const b = await make({ clock });
    expect(ids(a)).toBe(ids(b));
    const other = await make({ clock, seed: 7 });
    expect(ids(other)).not.toBe(ids(a));
    // The fixed ids of the seeds' examples stay whatever the seed.
    expect(count(other, 'SELECT COUNT(*) AS n FROM rs_configurations WHERE id = 148325')).toBe(1);
  });

  it('grows with SCALE', async () => {
    const h = await make({ scale: 200 });
    expect(count(h, 'SELECT COUNT(*) AS n FROM rs_configurations')).toBe(200);
    expect(count(h, 'SELECT COUNT(*) AS n FROM rs_agents')).toBe(100);
  });
});
