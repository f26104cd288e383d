import { afterEach, describe, expect, it } from 'vitest';
import { listen } from './listen-test-support';
import type { Harness } from './rackspace-v1/test-support';
import { harness } from './rackspace-v1/test-support';

/**
 * Issue 9 §11: Rackspace's own Python SDK (rackerlabs/cbu-sdk-python, `cloudbackup/client/backup.py`
 * and `agents.py`) works against the service unchanged. Each test replays, over real HTTP, the
 * requests one of its methods sends (same paths, same headers) and reads every field that method
 * reads, with the types and values its code needs. The field lists are the SDK's; docs/rackspace-sdk.md
 * says which method reads what.
 */
let h: Harness | undefined;
let server: Awaited<ReturnType<typeof listen>> | undefined;
afterEach(async () => {
  await server?.close();
  h?.close();
  h = server = undefined;
});

type Json = Record<string, unknown>;

async function sdk() {
  h = await harness();
  server = await listen(h.service);
  const token = await h.token('admin');
  const url = server.url;
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, {
      method,
      // The SDK's Command.ReInit sends these on every request, GETs included.
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'RCBU-Integration-Tests/1.0',
        'X-Auth-Token': token,
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };
  const getJson = async <T = Json>(path: string, headers?: Record<string, string>) => {
    const res = await send('GET', path, undefined, headers);
    expect(res.status, `GET ${path}: ${res.text}`).toBe(200);
    return JSON.parse(res.text) as T;
  };
  return { h, send, getJson };
}

/** `obj['a']['b']`, as Python indexes it: a missing key fails, as it would raise KeyError there. */
function read(obj: unknown, path: string): unknown {
  let at: unknown = obj;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object' || !(key in at))
      throw new Error(`the SDK reads ${path}; "${key}" is missing from ${JSON.stringify(obj).slice(0, 300)}`);
    at = (at as Json)[key];
  }
  return at;
}

function readAll(obj: unknown, paths: readonly string[]): void {
  for (const p of paths) read(obj, p);
}

/** What `Backups.MonitorBackupProgress` logs from GET /v1.0/backup/{id} on every poll (API v1). */
const MONITOR_BACKUP_READS = [
  'BackupId',
  'CurrentState',
  'BackupConfigurationId',
  'BackupConfigurationName',
  'MachineAgentId',
  'MachineName',
  'Datacenter',
  'BackupDatacenter',
  'StateChangeTime',
  'IsEncrypted',
  'EncryptionKey.ModulusHex',
  'EncryptionKey.ExponentHex',
] as const;
const V1_STOP_STATES = ['Completed', 'Skipped', 'Missed', 'Stopped', 'Failed', 'CompletedWithErrors'];

/** `BackupConfiguration.from_dict(…, source='backup-configuration')` on GET /v1.0/backup-configuration/{id}. */
const CONFIGURATION_READS = [
  'IsActive',
  'BackupConfigurationId',
  'BackupConfigurationName',
  'DayOfWeekId',
  'Frequency',
  'HourInterval',
  'MachineAgentId',
  'MachineName',
  'MissedBackupActionId',
  'NotifyFailure',
  'NotifyRecipients',
  'NotifySuccess',
  'StartTimeAmPm',
  'StartTimeHour',
  'StartTimeMinute',
  'TimeZoneId',
  'VersionRetention',
  // copied as they are
  'BackupConfigurationScheduleId',
  'BackupPostscript',
  'BackupPrescript',
  'Datacenter',
  'EncryptionKey',
  'Exclusions',
  'Flavor',
  'Inclusions',
  'IsDeleted',
  'IsEncrypted',
  'LastRunBackupReportId',
  'LastRunTime',
  'NextScheduledRunTime',
] as const;

/** `Backups.GetBackupReport` (its documented example) and `StartBackupRetry` (SnapshotId, Reason, Diagnostics). */
const REPORT_READS = [
  'CanRestore',
  'ComputerName',
  'BytesSearched',
  'Diagnostics',
  'BackupConfigurationId',
  'Datacenter',
  'BytesBackedUp',
  'FilesBackedUp',
  'FilesSearched',
  'State',
  'CompletedTime',
  'BackupConfigurationIsDeleted',
  'BackupConfigurationName',
  'Reason',
  'StartTime',
  'MachineAgentId',
  'Duration',
  'BackupId',
  'ErrorList',
  'NumErrors',
  'BackupDatacenter',
  'SnapshotId',
] as const;

/** `Backups.GetCompletedBackup` over GET /v1.0/backup/completed/{configurationId}. */
const COMPLETED_READS = [
  'BackupId',
  'BackupConfigurationId',
  'BackupConfigurationName',
  'MachineAgentId',
  'MachineName',
  'CompletedTime',
  'BytesSearched',
  'NumErrors',
] as const;

/** `Backups.GetBackupsForRestore` (its documented item) over GET /v1.0/backup/availableforrestore. */
const AVAILABLE_FOR_RESTORE_READS = [
  'BackupConfigurationId',
  'BackupConfigurationName',
  'MachineName',
  'MachineAgentId',
  'IsEncrypted',
  'PublicKeyHex',
  'PublicKeyMod',
  'Flavor',
  'LastSuccessfulBackupTime',
] as const;

/** `AgentDetails(details, 1)` checks these before anything else (GET /v1.0/agent/{id}). */
const AGENT_READS = [
  'MachineAgentId',
  'AgentVersion',
  'Architecture',
  'Flavor',
  'BackupVaultSize',
  'CleanupAllowed',
  'Datacenter',
  'IPAddress',
  'IsDisabled',
  'IsEncrypted',
  'MachineName',
  'OperatingSystem',
  'OperatingSystemVersion',
  'PublicKey',
  'Status',
  'TimeOfLastSuccessfulBackup',
  'UseServiceNet',
  'HostServerId',
] as const;

describe('Rackspace Cloud Backup v1.0 as cbu-sdk-python reads it', () => {
  it('StartBackup then MonitorBackupProgress: every poll of GET /v1.0/backup/{id} has what it logs, for an encrypted and a plain machine', async () => {
    const { h, send, getJson } = await sdk();
    const configurations = await getJson<Json[]>('/v1.0/backup-configuration');
    const encrypted = configurations.find((c) => c.IsEncrypted === true && c.IsActive === true)!;
    const plain = configurations.find((c) => c.IsEncrypted === false && c.IsActive === true)!;
    for (const config of [encrypted, plain]) {
      // StartBackup: the answer's text is the id MonitorBackupProgress polls.
      const started = await send('POST', '/v1.0/backup/action-requested', {
        Action: 'StartManual',
        Id: config.BackupConfigurationId,
      });
      expect(started.status, started.text).toBe(200);
      const snapshotId = started.text;
      let detail: Json = {};
      for (let poll = 0; poll < 400; poll++) {
        detail = await getJson(`/v1.0/backup/${snapshotId}`);
        readAll(detail, MONITOR_BACKUP_READS);
        if (V1_STOP_STATES.includes(detail.CurrentState as string)) break;
        h.run(1, 5000);
      }
      expect(V1_STOP_STATES, 'the run ends within the polls').toContain(detail.CurrentState);
      expect(String(detail.BackupId)).toBe(snapshotId);
      expect(detail.Datacenter).toBe('DFW');
      expect(detail.BackupDatacenter).toBe('DFW');
      expect(detail.IsEncrypted).toBe(config.IsEncrypted);
      const key = detail.EncryptionKey as Json;
      expect(key.ModulusHex).toMatch(/^[0-9a-f]{256}$/);
      expect(key.ExponentHex).toBe('010001');
      // The same machine, the same key, wherever it is shown.
      const agent = await getJson(`/v1.0/agent/${String(config.MachineAgentId)}`);
      expect(agent.PublicKey).toEqual(key);

      // StartBackupRetry then reads the report's SnapshotId (an invalid one means: try again).
      const report = await getJson(`/v1.0/backup/report/${snapshotId}`);
      readAll(report, REPORT_READS);
      expect(report.SnapshotId).toEqual(expect.any(Number));
      expect(report.Datacenter).toBe('DFW');
      expect(report.BackupDatacenter).toBe('DFW');
    }
  });

  it('RetrieveBackupConfiguration: from_dict finds every key, with values its setters accept', async () => {
    const { getJson } = await sdk();
    const list = await getJson<Json[]>('/v1.0/backup-configuration');
    for (const frequency of ['Manually', 'Hourly', 'Daily', 'Weekly']) {
      const one = list.find((c) => c.Frequency === frequency);
      if (!one) continue;
      const c = await getJson(`/v1.0/backup-configuration/${String(one.BackupConfigurationId)}`);
      readAll(c, CONFIGURATION_READS);
      expect(c.BackupConfigurationId).toEqual(expect.any(Number));
      expect(c.MachineAgentId).toEqual(expect.any(Number));
      expect(typeof c.IsActive).toBe('boolean');
      expect([0, 30, 60]).toContain(c.VersionRetention);
      expect([1, 2]).toContain(c.MissedBackupActionId);
      expect(['Manually', 'Hourly', 'Daily', 'Weekly']).toContain(c.Frequency);
      expect(typeof c.TimeZoneId).toBe('string');
      expect(typeof c.NotifyRecipients).toBe('string');
      expect(typeof c.NotifySuccess).toBe('boolean');
      expect(typeof c.NotifyFailure).toBe('boolean');
      if (c.StartTimeHour !== null) expect(c.StartTimeHour).toBeGreaterThanOrEqual(1);
      if (c.StartTimeHour !== null) expect(c.StartTimeHour).toBeLessThanOrEqual(12);
      if (c.StartTimeAmPm !== null) expect(['AM', 'PM']).toContain(c.StartTimeAmPm);
      if (c.DayOfWeekId !== null) expect(c.DayOfWeekId).toBeLessThanOrEqual(6);
      if (c.HourInterval !== null) expect(c.HourInterval).toBeLessThanOrEqual(23);
      expect(c.Datacenter).toBe('DFW');
    }
  });

  it('GetCompletedBackup, GetBackupsForRestore and AgentDetails find what they read', async () => {
    const { getJson } = await sdk();
    const available = await getJson<Json[]>('/v1.0/backup/availableforrestore');
    expect(available.length).toBeGreaterThan(0);
    for (const item of available) readAll(item, AVAILABLE_FOR_RESTORE_READS);
    const completed = await getJson<Json[]>(
      `/v1.0/backup/completed/${String(available[0]!.BackupConfigurationId)}`,
    );
    expect(completed.length).toBeGreaterThan(0);
    for (const item of completed) readAll(item, COMPLETED_READS);
    const agents = await getJson<Json[]>('/v1.0/user/agents');
    for (const a of agents) readAll(await getJson(`/v1.0/agent/${String(a.MachineAgentId)}`), AGENT_READS);
  });
});

/** `BackupConfigurationV2.convert_backup_report_to_v1` over GET /v2/{project}/backups/{id}. */
const V2_REPORT_READS = [
  'restorable',
  'bytes_searched',
  'configuration.id',
  'bytes_backed_up',
  'files_backed_up',
  'files_searched',
  'state',
  'ended_time',
  'started_time',
  'agent.id',
  'id',
  'errors',
  'snapshot_id',
] as const;
/** `convert_listed_backup_to_v1` and `GetCompletedBackup` over GET /v2/{project}/backups?restorable&configuration_id. */
const V2_LISTED_READS = ['configuration.id', 'agent.id', 'ended_time', 'id', 'snapshot_id'] as const;
const V2_STATES = [
  'completed',
  'skipped',
  'missed',
  'stopped',
  'failed',
  'completed_with_errors',
  'queued',
  'in_progress',
];

describe('Rackspace Cloud Backup v2 as cbu-sdk-python reads it', () => {
  it('GetBackupReport, GetCompletedBackups and GetBackupsForRestore on v2 find every field', async () => {
    const { getJson } = await sdk();
    const headers = { 'X-Project-Id': '110011' };
    const { configurations } = await getJson<{ configurations: Json[] }>(
      '/ORD/v2/110011/configurations',
      headers,
    );
    const config = configurations[0]!;
    const { backups } = await getJson<{ backups: Json[] }>(
      `/ORD/v2/110011/backups?restorable=True&configuration_id=${String(config.id)}`,
      headers,
    );
    expect(backups.length).toBeGreaterThan(0);
    for (const b of backups) readAll(b, V2_LISTED_READS);
    const report = await getJson(`/ORD/v2/110011/backups/${String(backups[0]!.id)}`, headers);
    readAll(report, V2_REPORT_READS);
    expect(V2_STATES).toContain(report.state);
  });
});
