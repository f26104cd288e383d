import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDetailSchema, backupReportSchema, restoreReportSchema } from '../src/api/rackspace-v1/wire';
import type { Harness } from './rackspace-v1/test-support';
import { FakeClock, harness } from './rackspace-v1/test-support';

/** A restart in the middle of runs, over a real data folder: nothing is lost, nothing is left hanging. */
let dir: string;
let h: Harness | undefined;
afterEach(() => {
  h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('restart', () => {
  it('keeps the data and fails the runs that were in flight with a reason', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rackspace-restart-'));
    const clock = new FakeClock();
    h = await harness({ dataDir: dir, clock });
    const start = await h.call('POST', '/v1.0/110011/backup/action-requested', {
      body: { Action: 'StartManual', Id: 148325 },
    });
    const backupId = Number(await start.text());
    expect(
      (
        await h.call('POST', '/v1.0/110011/restore/action-requested', {
          body: { Action: 'StartManual', Id: 13692 },
        })
      ).status,
    ).toBe(204);
    h.run(4);
    const before = backupDetailSchema.parse(
      await (await h.call('GET', `/v1.0/110011/backup/${backupId}`)).json(),
    );
    expect(['Queued', 'Preparing', 'InProgress']).toContain(before.CurrentState);
    const configsBefore = await (await h.call('GET', '/v1.0/110011/backup-configuration')).text();
    h.close();

    clock.advance(60_000);
    h = await harness({ dataDir: dir, clock });
    const report = backupReportSchema.parse(
      await (await h.call('GET', `/v1.0/110011/backup/report/${backupId}`)).json(),
    );
    expect(report.State).toBe('Failed');
    expect(report.Reason).toBe('ServiceRestarted');
    expect(report.Diagnostics).toBe('The service restarted while the backup was running.');
    const restore = restoreReportSchema.parse(
      await (await h.call('GET', '/v1.0/110011/restore/report/13692')).json(),
    );
    expect(restore.State).toBe('Failed');
    expect(restore.Diagnostics).toBe('The service restarted while the restore was running.');
    // The seeded in-flight backup (ORD) was recovered too; nothing is left running.
    const left = h.service.ctx.db
      .prepare(
        "SELECT COUNT(*) AS n FROM rs_backups WHERE state NOT IN ('completed','completed_with_errors','failed','stopped','skipped','missed')",
      )
      .get() as { n: number };
    expect(left.n).toBe(0);
    // Everything else is as it was (the configurations list differs only in its last run's state).
    const configsAfter = await (await h.call('GET', '/v1.0/110011/backup-configuration')).text();
    expect(configsAfter.replace(/"BackupState":"\w+"/g, '')).toBe(
      configsBefore.replace(/"BackupState":"\w+"/g, ''),
    );
    // A new run can start and gets the next id.
    const again = await h.call('POST', '/v1.0/110011/backup/action-requested', {
      body: { Action: 'StartManual', Id: 148325 },
    });
    expect(again.status).toBe(200);
    expect(Number(await again.text())).toBeGreaterThan(backupId);
  });
});
