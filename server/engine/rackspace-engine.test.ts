import { afterEach, describe, expect, it } from 'vitest';
import { backupReportSchema } from '../../src/api/rackspace-v1/wire';
import type { Backup } from '../../src/api/rackspace-v2/wire';
import { backupSchema, errorListSchema, eventListSchema } from '../../src/api/rackspace-v2/wire';
import type { Harness } from '../rackspace-v1/test-support';
import { harness } from '../rackspace-v1/test-support';

/** The backup state machine, driven tick by tick with engine.step() and a fake clock (SPEED 60). */
let h: Harness;
afterEach(() => h.close());

const CONFIG = '7c8ee069-568f-4d5a-932f-fb2af86b5fd5';

async function start(): Promise<Backup> {
  const res = await h.call('POST', '/v2/110011/backups', {
    body: { configuration_id: CONFIG, state: 'start_requested' },
  });
  expect(res.status).toBe(201);
  return backupSchema.parse(await res.json());
}

async function read(id: string): Promise<Backup> {
  return backupSchema.parse(await (await h.call('GET', `/v2/110011/backups/${id}`)).json());
}

/** Ticks one real second at a time until the backup ends; returns every state and snapshot seen. */
async function runToEnd(
  id: string,
  maxTicks = 120,
): Promise<{ states: string[]; seen: Backup[]; ticks: number }> {
  const seen: Backup[] = [await read(id)];
  for (let tick = 1; tick <= maxTicks; tick++) {
    h.run(1);
    const b = await read(id);
    seen.push(b);
    if (['completed', 'completed_with_errors', 'failed', 'stopped'].includes(b.state))
      return { states: [...new Set(seen.map((s) => s.state))], seen, ticks: tick };
  }
  throw new Error(`backup ${id} did not end in ${maxTicks} ticks`);
}

function forceOutcome(id: string, outcome: string, failAt = 0.5): void {
  h.service.ctx.db
    .prepare('UPDATE rs_backups SET outcome = ?, fail_at = ? WHERE uuid = ?')
    .run(outcome, failAt, id);
}

describe('the Rackspace backup state machine', () => {
  it('moves a manual backup start_requested → queued → preparing → in_progress → completed with growing counters', async () => {
    h = await harness();
    const backup = await start();
    forceOutcome(backup.id, 'completed');
    const { states, seen, ticks } = await runToEnd(backup.id);
    expect(states).toEqual(['start_requested', 'queued', 'preparing', 'in_progress', 'completed']);
    // At SPEED 60 a demo backup takes 10–30 s of real time, so e2e can watch it move.
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(ticks).toBeLessThanOrEqual(30);
    const progress = seen.filter((b) => b.state === 'in_progress').map((b) => b.bytes_backed_up);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const done = seen[seen.length - 1]!;
    expect(done.restorable).toBe(true);
    expect(done.bytes_backed_up).toBeGreaterThan(1024 ** 3);
    expect(done.bandwidth_avg_bps).toBeGreaterThan(1024 ** 2);
    expect(done.snapshot_id).toEqual(expect.any(Number));
    expect(done.started_time).not.toBeNull();
    expect(done.ended_time).not.toBeNull();
    const events = eventListSchema.parse(
      await (await h.call('GET', `/v2/110011/backups/${backup.id}/events?limit=1000`)).json(),
    );
    const names = events.events.map((e) => e.event);
    expect(names[0]).toBe('backup_start_request');
    expect(names).toContain('backup_progress');
    expect(names[names.length - 1]).toBe('backup_completed');
  });

  it('ends with real-looking errors when some files cannot be backed up; v1.0 reports them too', async () => {
    h = await harness();
    const backup = await start();
    forceOutcome(backup.id, 'completed_with_errors');
    await runToEnd(backup.id);
    const errors = errorListSchema.parse(
      await (await h.call('GET', `/v2/110011/backups/${backup.id}/errors`)).json(),
    );
    expect(errors.reason).toBe('unable_to_process_some_files');
    expect(errors.count).toBe(errors.list.length);
    expect(errors.list.length).toBeGreaterThan(0);
    for (const e of errors.list)
      expect(['file_or_folder_missing', 'file_missing_blocks', 'phx_exception']).toContain(e.type);
    const report = backupReportSchema.parse(
      await (await h.call('GET', '/v1.0/110011/backup/report/368785')).json(),
    );
    expect(report).toMatchObject({
      State: 'CompletedWithErrors',
      CanRestore: true,
      Reason: 'UnableToProcessSomeFiles',
    });
    expect(report.ErrorList.map((e) => e.Path)).toEqual(errors.list.map((e) => e.path));
    expect(report.BytesBackedUp).toMatch(/^\d+(\.\d)? (MB|GB)$/);
  });

  it('fails part-way with a reason and is not restorable', async () => {
    h = await harness();
    const backup = await start();
    forceOutcome(backup.id, 'failed', 0.4);
    const { states, seen } = await runToEnd(backup.id);
    expect(states[states.length - 1]).toBe('failed');
    const end = seen[seen.length - 1]!;
    expect(end.restorable).toBe(false);
    expect(end.errors.reason).not.toBe('');
    expect(end.errors.diagnostics).not.toBe('');
  });

  it('stops on request: stop_requested → stopped (204), then 409 with the documented message', async () => {
    h = await harness();
    const backup = await start();
    h.run(5);
    const stop = [{ op: 'replace', path: '/state', value: 'stop_requested' }];
    const res = await h.call('PATCH', `/v2/110011/backups/${backup.id}`, {
      body: stop,
      headers: { 'content-type': 'application/json-patch+json' },
    });
    expect(res.status).toBe(204);
    expect((await read(backup.id)).state).toBe('stop_requested');
    const { states } = await runToEnd(backup.id);
    expect(states[states.length - 1]).toBe('stopped');
    const again = await h.call('PATCH', `/v2/110011/backups/${backup.id}`, { body: stop });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      message: 'Modifying a backup that is already in a state of [stopped] is not allowed.',
      errors: [],
    });
  });

  it('a backup for an offline agent waits, then fails with a reason that says to wake the agent', async () => {
    h = await harness();
    h.service.ctx.db
      .prepare("UPDATE rs_agents SET online = 0 WHERE uuid = '8f135b4f-7a69-4b8a-947f-5e80d772fd97'")
      .run();
    const backup = await start();
    h.run(3);
    expect((await read(backup.id)).state).toBe('start_requested');
    const { states, seen } = await runToEnd(backup.id);
    expect(states).toEqual(['start_requested', 'failed']);
    expect(seen[seen.length - 1]!.errors.diagnostics).toMatch(/Wake agents/);
  });
});
