import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import {
  activityListSchema,
  agentListSchema,
  agentSchema,
  availableForRestoreListSchema,
  backupConfigurationListSchema,
  backupConfigurationSchema,
  backupDetailSchema,
  backupReportSchema,
  completedBackupListSchema,
  faultSchema,
  restoreFileListSchema,
  restoreReportSchema,
  restoreSchema,
} from '../../src/api/rackspace-v1/wire';
import type { Harness } from './test-support';
import { harness } from './test-support';

/** Every v1.0 read endpoint answers what the shared wire schemas expect, in every path form. */
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

async function get<S extends z.ZodMiniType>(path: string, schema: S): Promise<z.output<S>> {
  const res = await h.call('GET', path, { role: 'viewer' });
  expect(res.status, path).toBe(200);
  return schema.parse(await res.json());
}

describe('v1.0 reads', () => {
  it('agents: the list (Status always Offline, as the vendor), one by id and by host server', async () => {
    const agents = await get('/v1.0/110011/user/agents', agentListSchema);
    expect(agents.length).toBeGreaterThan(2);
    expect(new Set(agents.map((a) => a.Datacenter))).toEqual(new Set(['DFW']));
    expect(agents.every((a) => a.Status === 'Offline')).toBe(true);
    const one = await get('/v1.0/110011/agent/198300', agentSchema);
    expect(one).toMatchObject({ MachineAgentId: 198300, Status: 'Online', IsEncrypted: false });
    expect(one.BackupVaultSize).toMatch(/^\d+(\.\d)? (B|KB|MB|GB|TB)$/);
    expect(await get(`/v1.0/agent/server/${one.HostServerId}`, agentSchema)).toEqual(one);
    const ord = await get('/ord/v1.0/110011/user/agents', agentListSchema);
    expect(new Set(ord.map((a) => a.Datacenter))).toEqual(new Set(['ORD']));
  });

  it('answers the same with and without the tenant segment and the region prefix (no region = DFW)', async () => {
    const forms = [
      '/v1.0/110011/backup-configuration/148325',
      '/v1.0/backup-configuration/148325',
      '/dfw/v1.0/110011/backup-configuration/148325',
      '/DFW/v1.0/backup-configuration/148325',
    ];
    const answers = await Promise.all(forms.map((p) => get(p, backupConfigurationSchema)));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect((await h.call('GET', '/ord/v1.0/110011/backup-configuration/148325')).status).toBe(404);
    expect((await h.call('GET', '/iad/v1.0/110011/user/agents')).status).toBe(200);
    expect((await h.call('GET', '/xyz/v1.0/110011/user/agents')).status).toBe(404);
  });

  it('configurations: all, per agent, one; schedule fields in the vendor’s form', async () => {
    const all = await get('/v1.0/110011/backup-configuration', backupConfigurationListSchema);
    const seedConfig = all.find((c) => c.BackupConfigurationId === 148325)!;
    expect(seedConfig).toMatchObject({
      Frequency: 'Daily',
      IsActive: true,
      MachineAgentId: 198300,
      HourInterval: null,
    });
    expect(seedConfig.StartTimeHour).toBeGreaterThanOrEqual(1);
    expect(seedConfig.StartTimeHour).toBeLessThanOrEqual(12);
    expect(seedConfig.NextScheduledRunTime).toMatch(/^\/Date\(\d+\)\/$/);
    const hourly = all.find((c) => c.Frequency === 'Hourly')!;
    expect(hourly).toMatchObject({
      StartTimeHour: null,
      StartTimeAmPm: null,
      HourInterval: expect.any(Number) as number,
    });
    const perAgent = await get(
      '/v1.0/110011/backup-configuration/system/198300',
      backupConfigurationListSchema,
    );
    expect(perAgent.every((c) => c.MachineAgentId === 198300)).toBe(true);
    expect(perAgent.map((c) => c.BackupConfigurationId)).toContain(148325);
  });

  it('backups: detail, report, completed of a configuration, available for restore', async () => {
    const completed = await get('/v1.0/110011/backup/completed/148325', completedBackupListSchema);
    expect(completed.length).toBeGreaterThan(0);
    const last = completed[0]!;
    expect(last.CompletedTime).toMatch(/^\/Date\(\d+\)\/$/);
    const detail = await get(`/v1.0/110011/backup/${last.BackupId}`, backupDetailSchema);
    expect(['Completed', 'CompletedWithErrors']).toContain(detail.CurrentState);
    const report = await get(`/v1.0/backup/report/${last.BackupId}`, backupReportSchema);
    expect(report).toMatchObject({ BackupId: last.BackupId, CanRestore: true });
    expect(report.Duration).toMatch(/^\d\d:\d\d:\d\d$/);
    const available = await get('/v1.0/110011/backup/availableforrestore', availableForRestoreListSchema);
    expect(available.map((a) => a.BackupConfigurationId)).toContain(148325);
    expect(available.some((a) => a.IsEncrypted)).toBe(true);
  });

  it('restores: one, its report and files; activity of the tenant and of one agent', async () => {
    const restore = await get('/v1.0/110011/restore/13692', restoreSchema);
    expect(restore).toMatchObject({
      RestoreId: 13692,
      RestoreStateId: 0,
      IsEncrypted: false,
      EncryptedPassword: null,
    });
    expect(await get('/v1.0/110011/restore/13689', restoreSchema)).toMatchObject({ IsEncrypted: true });
    await get('/v1.0/110011/restore/report/13692', restoreReportSchema);
    expect(await get('/v1.0/110011/restore/files/13692', restoreFileListSchema)).toEqual([]);
    const activity = await get('/v1.0/110011/activity', activityListSchema);
    expect(new Set(activity.map((a) => a.Type))).toEqual(new Set(['Backup', 'Restore']));
    const times = activity.map((a) => Number(/\d+/.exec(a.TimeOfActivity ?? '')?.[0]));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const ofAgent = await get('/v1.0/110011/system/activity/198300', activityListSchema);
    expect(
      ofAgent.every((a) => a.SourceMachineAgentId === 198300 || a.DestinationMachineAgentId === 198300),
    ).toBe(true);
  });
});

describe('v1.0 errors', () => {
  async function faultOf(res: Response, status: number, name: string): Promise<string> {
    expect(res.status).toBe(status);
    const body = faultSchema.parse(await res.json());
    expect(Object.keys(body)).toEqual([name]);
    expect(body[name]!.code).toBe(status);
    return body[name]!.message;
  }

  it('unknown ids and paths: 404 itemNotFound with a message', async () => {
    expect(await faultOf(await h.call('GET', '/v1.0/110011/agent/1'), 404, 'itemNotFound')).toMatch(
      /No agent 1/,
    );
    await faultOf(await h.call('GET', '/v1.0/110011/backup/1'), 404, 'itemNotFound');
    await faultOf(await h.call('GET', '/v1.0/110011/restore/report/1'), 404, 'itemNotFound');
    await faultOf(await h.call('GET', '/v1.0/110011/backup/abc'), 404, 'itemNotFound');
    await faultOf(await h.call('GET', '/v1.0/110011/nothing'), 404, 'itemNotFound');
  });

  it('another tenant in the path: 403; no token: 401', async () => {
    expect(await faultOf(await h.call('GET', '/v1.0/999999/user/agents'), 403, 'forbidden')).toMatch(
      /tenant 110011, not 999999/,
    );
    expect(
      await faultOf(await h.call('GET', '/v1.0/110011/user/agents', { role: null }), 401, 'unauthorized'),
    ).toMatch(/X-Auth-Token/);
  });

  it('bad bodies: wrong types, missing fields, unknown action, non-JSON content type — 400/415, never 500', async () => {
    const post = (body: unknown, headers?: Record<string, string>) =>
      h.call('POST', '/v1.0/110011/backup/action-requested', { body, headers });
    expect(await faultOf(await post({ Action: 'StartManual' }), 400, 'badRequest')).toMatch(
      /Id: is required/,
    );
    expect(await faultOf(await post({ Action: 'StartManual', Id: 'abc' }), 400, 'badRequest')).toMatch(
      /Id: must be a whole number/,
    );
    expect(await faultOf(await post({ Action: 'StartManual', Id: true }), 400, 'badRequest')).toMatch(/Id/);
    expect(await faultOf(await post({ Action: 'Go', Id: 1 }), 400, 'badRequest')).toMatch(/StartManual/);
    expect(await faultOf(await post([1, 2]), 400, 'badRequest')).toMatch(/expected object, received array/);
    expect(await faultOf(await post('null'), 400, 'badRequest')).toMatch(/JSON object/);
    expect(await faultOf(await post(''), 400, 'badRequest')).toMatch(/needs a JSON body/);
    await faultOf(
      await post('Action=StartManual&Id=1', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupportedMediaType',
    );
    expect(
      (
        await post(
          { Action: 'StopManual', Id: 368780 },
          { 'content-type': 'application/json; charset=utf-8' },
        )
      ).status,
    ).not.toBe(415);
    await faultOf(
      await h.call('POST', '/v1.0/110011/backup-configuration/enable/148325', { body: { Enable: 'yes' } }),
      400,
      'badRequest',
    );
    await faultOf(
      await h.call('POST', '/v1.0/110011/agent/enable', { body: { MachineAgentId: 198300 } }),
      400,
      'badRequest',
    );
  });

  it('accepts a JSON body under any JSON content type, or none', async () => {
    const enable = (headers: Record<string, string>) =>
      h.call('POST', '/v1.0/110011/backup-configuration/enable/148325', { body: { Enable: true }, headers });
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'application/vnd.rackspace+json',
      'text/json',
    ])
      expect((await enable({ 'content-type': type })).status, type).toBe(200);
    const none = await h.service.app.request('/v1.0/110011/backup-configuration/enable/148325', {
      method: 'POST',
      headers: { 'x-auth-token': await h.token('admin') },
      body: new TextEncoder().encode('{"Enable": true}'),
    });
    expect(none.status).toBe(200);
  });

  it('an oversized body: 413, never a crash', async () => {
    const big = JSON.stringify({ Action: 'StartManual', Id: 148325, Pad: 'x'.repeat(2 * 1024 * 1024) });
    const res = await h.call('POST', '/v1.0/110011/backup/action-requested', { body: big });
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/larger than/);
  });

  it('stopping a backup that has ended: 400 with its state', async () => {
    const completed = await get('/v1.0/110011/backup/completed/148325', completedBackupListSchema);
    const res = await h.call('POST', '/v1.0/110011/backup/action-requested', {
      body: { Action: 'StopManual', Id: completed[0]!.BackupId },
    });
    expect(await faultOf(res, 400, 'badRequest')).toMatch(/has already ended \(Completed/);
  });
});
