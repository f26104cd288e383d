import { afterEach, describe, expect, it } from 'vitest';
import {
  availableForRestoreListSchema,
  completedBackupListSchema,
  restoreFileListSchema,
  restoreReportSchema,
  restoreSchema,
} from '../../src/api/rackspace-v1/wire';
import type { Restore as V2Restore } from '../../src/api/rackspace-v2/wire';
import { backupListSchema, restoreSchema as v2RestoreSchema } from '../../src/api/rackspace-v2/wire';
import type { Harness } from '../rackspace-v1/test-support';
import { harness } from '../rackspace-v1/test-support';

/** Restores through both doors: v1.0 creates (Creating), edits and starts; v2 starts at once. */
let h: Harness;
afterEach(() => h.close());

const ENDED = [3, 4, 5, 8];

describe('v1.0 restores', () => {
  it('creates, edits, chooses files, starts and follows a restore to its end', async () => {
    h = await harness();
    const available = availableForRestoreListSchema.parse(
      await (await h.call('GET', '/v1.0/110011/backup/availableforrestore')).json(),
    );
    const source = available.find((a) => a.BackupConfigurationId === 148325)!;
    expect(source.IsEncrypted).toBe(false);
    const completed = completedBackupListSchema.parse(
      await (await h.call('GET', '/v1.0/110011/backup/completed/148325')).json(),
    );
    const point = completed[0]!;
    const created = await h.call('PUT', '/v1.0/110011/restore', {
      role: 'support',
      body: {
        BackupId: String(point.BackupId),
        BackupMachineId: point.MachineAgentId,
        DestinationMachineId: point.MachineAgentId,
        DestinationPath: '/tmp/first',
        OverwriteFiles: false,
      },
    });
    expect(created.status).toBe(200);
    const restore = restoreSchema.parse(await created.json());
    expect(restore).toMatchObject({
      RestoreStateId: 0,
      DestinationPath: '/tmp/first',
      BackupConfigurationId: 148325,
    });

    const update = await h.call('POST', '/v1.0/restore', {
      body: { ...restore, DestinationPath: '/tmp/second', OverwriteFiles: true, RestoreStateId: 0 },
    });
    expect(update.status).toBe(204);
    const file = { FilePath: '/etc/hosts', Filter: 1, ParentId: restore.RestoreId, FileItemType: 0 };
    expect((await h.call('PUT', '/v1.0/110011/restore/files', { body: file })).status).toBe(200);
    const files = restoreFileListSchema.parse(
      await (await h.call('GET', `/v1.0/110011/restore/files/${restore.RestoreId}`)).json(),
    );
    expect(files).toEqual([
      { FilePath: '/etc/hosts', Filter: 1, RestoreId: restore.RestoreId, FileItemType: 0 },
    ]);

    const start = await h.call('POST', '/v1.0/110011/restore/action-requested', {
      body: { Action: 'StartManual', Id: restore.RestoreId, EncryptedPassword: null },
    });
    expect(start.status).toBe(204);
    const states = new Set<number>();
    for (let i = 0; i < 60; i++) {
      h.run(1);
      const now = restoreSchema.parse(
        await (await h.call('GET', `/v1.0/110011/restore/${restore.RestoreId}`)).json(),
      );
      states.add(now.RestoreStateId);
      if (ENDED.includes(now.RestoreStateId)) break;
    }
    // Queued (1), Preparing (9), InProgress (2), then an end state.
    expect([...states].slice(0, 3)).toEqual([1, 9, 2]);
    const report = restoreReportSchema.parse(
      await (await h.call('GET', `/v1.0/110011/restore/report/${restore.RestoreId}`)).json(),
    );
    expect(['Completed', 'CompletedWithErrors', 'Failed']).toContain(report.State);
    expect(report.RestoreDestination).toBe('/tmp/second');
    expect(report.NumBytesRestored).toMatch(/ (B|KB|MB|GB)$/);
    // Once it has left Creating it can no longer be edited.
    const late = await h.call('POST', '/v1.0/restore', { body: { ...restore, RestoreStateId: 0 } });
    expect(late.status).toBe(400);
  });

  it('refuses a restore of a backup that is not restorable and a machine that is not the backup’s', async () => {
    h = await harness();
    const failed = h.service.ctx.db
      .prepare(
        "SELECT id, agent_id FROM rs_backups WHERE region = 'DFW' AND restorable = 0 AND state = 'failed' LIMIT 1",
      )
      .get() as { id: number; agent_id: number };
    const res = await h.call('PUT', '/v1.0/restore', {
      body: { BackupId: failed.id, BackupMachineId: failed.agent_id, DestinationMachineId: failed.agent_id },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/cannot be restored: it ended Failed/);
    const good = h.service.ctx.db
      .prepare("SELECT id FROM rs_backups WHERE region = 'DFW' AND restorable = 1 LIMIT 1")
      .get() as { id: number };
    const wrongMachine = await h.call('PUT', '/v1.0/restore', {
      body: { BackupId: good.id, BackupMachineId: 1, DestinationMachineId: 198300 },
    });
    expect(wrongMachine.status).toBe(400);
    expect((await h.call('PUT', '/v1.0/restore', { role: 'viewer', body: {} })).status).toBe(403);
  });
  it('two starts of one restore at the same moment: one runs, the other is refused', async () => {
    h = await harness();
    const body = { Action: 'StartManual', Id: 13689, EncryptedPassword: 'demo-vault' };
    const [a, b] = await Promise.all([
      h.call('POST', '/v1.0/110011/restore/action-requested', { body }),
      h.call('POST', '/v1.0/110011/restore/action-requested', { body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([204, 400]);
  });
});

describe('v2 restores', () => {
  async function encryptedBackup(region = 'ord'): Promise<{ id: string; agent: string }> {
    const list = backupListSchema.parse(
      await (await h.call('GET', `/${region}/v2/110011/backups?restorable=true&limit=1000`)).json(),
    );
    const encrypted = h.service.ctx.db
      .prepare('SELECT uuid FROM rs_agents WHERE encrypted = 1 AND region = ?')
      .all(region.toUpperCase()) as {
      uuid: string;
    }[];
    const found = list.backups.find((b) => encrypted.some((a) => a.uuid === b.agent.id))!;
    return { id: found.id, agent: found.agent.id };
  }

  it('starts a restore of an encrypted backup with the hex-encoded vault password (201 + Location), and stops it', async () => {
    h = await harness();
    const backup = await encryptedBackup();
    const body = {
      backup_id: backup.id,
      destination_agent_id: backup.agent,
      destination_path: null,
      overwrite_files: false,
    };
    const wrong = await h.call('POST', '/ord/v2/110011/restores', {
      body: { ...body, encrypted_password_hex: 'abcd' },
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { message: string }).message).toMatch(/vault password is not right/);
    const missing = await h.call('POST', '/ord/v2/110011/restores', { body });
    expect(missing.status).toBe(400);

    const hex = Buffer.from('demo-vault').toString('hex');
    const res = await h.call('POST', '/ord/v2/110011/restores', {
      role: 'support',
      body: { ...body, encrypted_password_hex: hex },
    });
    expect(res.status).toBe(201);
    const restore: V2Restore = v2RestoreSchema.parse(await res.json());
    expect(res.headers.get('location')).toBe(restore.links[0]?.href);
    expect(restore.state).toBe('start_requested');
    h.run(3);
    const stop = [{ op: 'replace', path: '/state', value: 'stop_requested' }];
    expect(
      (await h.call('PATCH', `/ord/v2/110011/restores/${restore.id}`, { role: 'support', body: stop }))
        .status,
    ).toBe(204);
    h.run(2);
    const ended = v2RestoreSchema.parse(
      await (await h.call('GET', `/ord/v2/110011/restores/${restore.id}`)).json(),
    );
    expect(ended.state).toBe('stopped');
    const again = await h.call('PATCH', `/ord/v2/110011/restores/${restore.id}`, { body: stop });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toBe(
      'Modifying a restore that is already in a state of [stopped] is not allowed.',
    );
  });

  it('validates the body: missing destination, bad ids, unknown backup', async () => {
    h = await harness();
    const res = await h.call('POST', '/ord/v2/110011/restores', { body: { backup_id: 'x' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /backup_id must be a UUID.*destination_agent_id: is required/,
    );
    const unknown = await h.call('POST', '/ord/v2/110011/restores', {
      body: {
        backup_id: '00000000-0000-4000-8000-000000000000',
        destination_agent_id: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(unknown.status).toBe(404);
    expect((await h.call('POST', '/ord/v2/110011/restores', { role: 'viewer', body: {} })).status).toBe(403);
  });
});
