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

/**
 * `BackupConfiguration.from_dict(…, source='backup-configuration')` on GET /v1.0/backup-configuration/{id}:
 * what it puts through its typed setters (MachineName only onto the object itself)…
 */
const CONFIGURATION_SET = [
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
] as const;
/** …and what it copies as it is. */
const CONFIGURATION_COPIED = [
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
const CONFIGURATION_READS = [...CONFIGURATION_SET, ...CONFIGURATION_COPIED] as const;

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

/** `AgentLogLevel`'s names, which `SetLogLevel` maps to 1–7 (a name outside them raises ValueError). */
const SDK_LOG_LEVELS = { Fatal: 1, Error: 2, Warn: 3, Info: 4, Debug: 5, Trace: 6, All: 7 } as const;

/**
 * `BackupConfiguration.CreateNamedBackupConfiguration(name, agentId)` as the SDK builds it, set to run
 * daily at 7:30 PM with one folder (`AddFolder`), then `to_creation_dict` (which drops the id and
 * `BackupConfigurationScheduled`).
 */
function sdkCreationDict(name: string, agentId: number): Json {
  return {
    BackupConfigurationName: name,
    MachineAgentId: agentId,
    IsActive: true,
    VersionRetention: 30,
    MissedBackupActionId: 1,
    Frequency: 'Daily',
    StartTimeHour: 7,
    StartTimeMinute: 30,
    StartTimeAmPm: 'PM',
    DayOfWeekId: null,
    HourInterval: null,
    // tz.get_timezone(): the machine's zone by its Windows name.
    TimeZoneId: 'Eastern Standard Time',
    NotifyRecipients: '',
    NotifySuccess: false,
    NotifyFailure: false,
    Inclusions: [{ FilePath: '/var/www', FileItemType: 'Folder' }],
    Exclusions: [],
  };
}

/**
 * `BackupConfiguration.from_dict(answer, source='backup-configuration')`: the template, what its
 * setters take from the answer, and the keys it copies; `to_update_dict` then drops
 * `LastRunBackupReportId` and `LastRunTime` and sends the rest back as it is.
 */
function sdkUpdateDict(answer: Json): Json {
  const d: Json = { BackupConfigurationScheduled: null };
  for (const key of [...CONFIGURATION_SET, ...CONFIGURATION_COPIED])
    if (key !== 'MachineName' && key !== 'LastRunBackupReportId' && key !== 'LastRunTime')
      d[key] = read(answer, key);
  return d;
}

describe('what cbu-sdk-python writes on v1.0', () => {
  it('CreateBackupConfiguration, RetrieveBackupConfiguration, UpdateBackupConfiguration and DeleteBackupConfiguration, seen in the lists', async () => {
    const { send, getJson } = await sdk();
    // The SDK's create and update send `Content-Type: application/json` and compare the status with 200.
    const json = { 'Content-Type': 'application/json' };
    const agent = (await getJson<Json[]>('/v1.0/user/agents'))[0]!;
    const created = await send(
      'POST',
      '/v1.0/backup-configuration',
      sdkCreationDict('sdk-nightly-www', agent.MachineAgentId as number),
      json,
    );
    expect(created.status, created.text).toBe(200);
    const answer = JSON.parse(created.text) as Json;
    // backupinfo.ConfigurationId = ret['BackupConfigurationId'] (its setter takes an integer only).
    const id = read(answer, 'BackupConfigurationId');
    expect(id).toEqual(expect.any(Number));
    // The answer is the whole configuration, as GET shows it.
    readAll(answer, CONFIGURATION_READS);
    expect(answer).toMatchObject({
      BackupConfigurationName: 'sdk-nightly-www',
      MachineAgentId: agent.MachineAgentId,
      MachineName: agent.MachineName,
      IsActive: true,
      IsDeleted: false,
      Frequency: 'Daily',
      StartTimeHour: 7,
      StartTimeMinute: 30,
      StartTimeAmPm: 'PM',
      TimeZoneId: 'Eastern Standard Time',
      VersionRetention: 30,
      Inclusions: [{ FilePath: '/var/www', FileItemType: 'Folder', Filter: 'Include', ParentId: id }],
    });
    expect(answer.NextScheduledRunTime).toMatch(/^\/Date\(\d+\)\/$/);
    expect(await getJson(`/v1.0/backup-configuration/${String(id)}`)).toEqual(answer);
    // The console's lists show it: v1.0's, the agent's, and v2's (the same configuration by its UUID).
    const listed = await getJson<Json[]>('/v1.0/backup-configuration');
    expect(listed.map((c) => c.BackupConfigurationId)).toContain(id);
    const ofAgent = await getJson<Json[]>(
      `/v1.0/backup-configuration/system/${String(agent.MachineAgentId)}`,
    );
    expect(ofAgent.map((c) => c.BackupConfigurationId)).toContain(id);
    const region = (agent.Datacenter as string).toLowerCase();
    const v2 = await getJson<{ configurations: Json[] }>(`/${region}/v2/110011/configurations?limit=1000`, {
      'X-Project-Id': '110011',
    });
    expect(v2.configurations.find((c) => c.name === 'sdk-nightly-www')).toMatchObject({
      enabled: true,
      schedule: {
        recurrence: ['RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=19;BYMINUTE=30'],
        time_zone: 'America/New_York',
      },
      retention: { days: 30 },
    });

    // RetrieveBackupConfiguration, a change through its setters, UpdateBackupConfiguration.
    const retrieved = await getJson(`/v1.0/backup-configuration/${String(id)}`);
    readAll(retrieved, CONFIGURATION_READS);
    const changes = {
      Frequency: 'Weekly',
      DayOfWeekId: 5,
      StartTimeHour: 6,
      StartTimeMinute: 15,
      StartTimeAmPm: 'AM',
      VersionRetention: 60,
      NotifyRecipients: 'ops@example.com',
      NotifyFailure: true,
    };
    const update = {
      ...sdkUpdateDict(retrieved),
      ...changes,
      Exclusions: [{ FilePath: '/var/www/cache', FileItemType: 'Folder' }],
    };
    const updated = await send('PUT', `/v1.0/backup-configuration/${String(id)}`, update, json);
    expect(updated.status, updated.text).toBe(200);
    expect(updated.text).toBe('');
    const after = await getJson(`/v1.0/backup-configuration/${String(id)}`);
    expect(after).toMatchObject({
      ...changes,
      BackupConfigurationId: id,
      Inclusions: [{ FilePath: '/var/www', FileItemType: 'Folder' }],
      Exclusions: [{ FilePath: '/var/www/cache', FileItemType: 'Folder', Filter: 'Exclude' }],
    });

    // DeleteBackupConfiguration: DELETE with no body, 200; then gone from reads and lists.
    const deleted = await send('DELETE', `/v1.0/backup-configuration/${String(id)}`, undefined, {});
    expect(deleted.status, deleted.text).toBe(200);
    expect((await send('GET', `/v1.0/backup-configuration/${String(id)}`)).status).toBe(404);
    const left = await getJson<Json[]>('/v1.0/backup-configuration');
    expect(left.map((c) => c.BackupConfigurationId)).not.toContain(id);
  });

  it('AgentLogLevel: GetLogLevel reads GET /v1.0/agent/logging/{id}, SetLogLevel gets its 204, PushLogLevel and PopLogLevel restore the level', async () => {
    const { send, getJson } = await sdk();
    const agentId = String((await getJson<Json[]>('/v1.0/user/agents'))[0]!.MachineAgentId);
    // GetLogLevel: `res.text.replace('"', '')` must be one of the names SetLogLevel takes back.
    const getLogLevel = async () => {
      const res = await send('GET', `/v1.0/agent/logging/${agentId}`);
      expect(res.status, res.text).toBe(200);
      return res.text.replace(/"/g, '');
    };
    // SetLogLevel: PUT /v1.0/agent/logging {MachineAgentId, LoggingLevelid}, True only on 204.
    const setLogLevel = async (level: keyof typeof SDK_LOG_LEVELS) => {
      const res = await send('PUT', '/v1.0/agent/logging', {
        MachineAgentId: Number(agentId),
        LoggingLevelid: SDK_LOG_LEVELS[level],
      });
      expect(res.status, res.text).toBe(204);
    };
    const before = await getLogLevel();
    expect(Object.keys(SDK_LOG_LEVELS)).toContain(before);
    // PushLogLevel: remember the level, set another; PopLogLevel: set the remembered one back.
    const stack = [before];
    await setLogLevel('Trace');
    expect(await getLogLevel()).toBe('Trace');
    stack.push(await getLogLevel());
    await setLogLevel('All');
    expect(await getLogLevel()).toBe('All');
    await setLogLevel(stack.pop() as keyof typeof SDK_LOG_LEVELS);
    expect(await getLogLevel()).toBe('Trace');
    await setLogLevel(stack.pop() as keyof typeof SDK_LOG_LEVELS);
    expect(await getLogLevel()).toBe(before);
    // v2 shows the same level in its words.
    const name = (await getJson(`/v1.0/agent/${agentId}`)).MachineName;
    const agents = await getJson<{ agents: Json[] }>('/v2/110011/agents', { 'X-Project-Id': '110011' });
    const same = agents.agents.find((a) => a.name === name);
    expect(same?.log_level).toBe(before.toLowerCase());
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

describe('what cbu-sdk-python writes on v2', () => {
  const headers = { 'X-Project-Id': '110011' };

  it('AgentLogLevel: GetLogLevel reads log_level from GET /v2/{project}/agents/{id}; SetLogLevel patches /log_level and gets its 204', async () => {
    const { send, getJson } = await sdk();
    const { agents } = await getJson<{ agents: Json[] }>('/v2/110011/agents', headers);
    const id = String(agents[0]!.id);
    const before = read(await getJson(`/v2/110011/agents/${id}`, headers), 'log_level') as string;
    // SetLogLevel(…, 'Debug'): `level.lower()` in one replace operation.
    const set = await send(
      'PATCH',
      `/v2/110011/agents/${id}`,
      [{ op: 'replace', path: '/log_level', value: 'debug' }],
      headers,
    );
    expect(set.status, set.text).toBe(204);
    expect(read(await getJson(`/v2/110011/agents/${id}`, headers), 'log_level')).toBe('debug');
    // v1.0 shows the same level, as its SDK names it.
    const v1 = await send('GET', `/v1.0/agent/logging/${String(await v1IdOf(getJson, agents[0]!))}`);
    expect(v1.text.replace(/"/g, '')).toBe('Debug');
    // PopLogLevel sets the remembered level back.
    const back = await send(
      'PATCH',
      `/v2/110011/agents/${id}`,
      [{ op: 'replace', path: '/log_level', value: before.toLowerCase() }],
      headers,
    );
    expect(back.status, back.text).toBe(204);
    expect(read(await getJson(`/v2/110011/agents/${id}`, headers), 'log_level')).toBe(before);
  });

  it('WakeAgents posts agent_activate to /v2/{project}/events and WakeSpecificAgent wants 202', async () => {
    const { h, send, getJson } = await sdk();
    const { agents } = await getJson<{ agents: Json[] }>('/v2/110011/agents', headers);
    const offline = [];
    for (const a of agents) {
      const status = await getJson<{ online: boolean }>(`/v2/110011/agents/${String(a.id)}/status`, headers);
      if (!status.online) offline.push(a.id);
    }
    expect(offline.length, 'the demo data has agents that sleep').toBeGreaterThan(0);
    const woken = await send(
      'POST',
      '/v2/110011/events',
      { event: 'agent_activate', mode: 'active' },
      headers,
    );
    expect(woken.status, woken.text).toBe(202);
    for (const id of offline) {
      const status = await getJson<{ online: boolean }>(`/v2/110011/agents/${String(id)}/status`, headers);
      expect(status.online).toBe(true);
    }
    h.clock.advance(16 * 60_000);
    const later = await getJson<{ online: boolean }>(
      `/v2/110011/agents/${String(offline[0])}/status`,
      headers,
    );
    expect(later.online).toBe(false);
  });

  it('DeleteBackupConfiguration on v2: DELETE /v2/{project}/configurations/{id} gets its 204, then the configuration is gone', async () => {
    const { send, getJson } = await sdk();
    const { configurations } = await getJson<{ configurations: Json[] }>(
      '/v2/110011/configurations?limit=1000',
      headers,
    );
    const one = configurations.find((c) => c.enabled === false) ?? configurations[0]!;
    const gone = await send('DELETE', `/v2/110011/configurations/${String(one.id)}`, undefined, headers);
    expect(gone.status, gone.text).toBe(204);
    expect(
      (await send('GET', `/v2/110011/configurations/${String(one.id)}`, undefined, headers)).status,
    ).toBe(404);
    const after = await getJson<{ configurations: Json[] }>('/v2/110011/configurations?limit=1000', headers);
    expect(after.configurations.map((c) => c.id)).not.toContain(one.id);
  });
});

/** The v1.0 id of a v2 agent: the agent of the same machine name in v1.0's list. */
async function v1IdOf(getJson: <T = Json>(path: string) => Promise<T>, agent: Json): Promise<number> {
  const v1 = await getJson<Json[]>('/v1.0/user/agents');
  return v1.find((a) => a.MachineName === agent.name)!.MachineAgentId as number;
}

describe('cbu-sdk-python beyond Cloud Backup, and what is not served', () => {
  it('Authentication.GetToken (API key): what AuthToken, IsExpired, AuthTenantId, AuthUserId and MossoId read', async () => {
    const { h } = await sdk();
    const res = await fetch(`${server!.url}/v2.0/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        auth: {
          'RAX-KSKEY:apiKeyCredentials': {
            username: 'viewer',
            apiKey: 'demo-viewer-9a8b7c6d5e4f40312a1b0c9d8e7f6a5b',
          },
        },
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    readAll(body, [
      'access.token.id',
      'access.token.expires',
      'access.token.tenant.id',
      'access.token.tenant.name',
      'access.user.id',
      'access.serviceCatalog',
    ]);
    // IsExpired parses it with strptime('%Y-%m-%dT%H:%M:%S.%fZ').
    expect(read(body, 'access.token.expires')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,6}Z$/);
    expect(Date.parse(read(body, 'access.token.expires') as string)).toBeGreaterThan(h.clock.now());
    // MossoId reads each service's name, and endpoints only of cloudFiles.
    for (const service of read(body, 'access.serviceCatalog') as Json[]) read(service, 'name');
  });

  it('answers the calls docs/rackspace-sdk.md lists as not served with the status it says', async () => {
    const { send, getJson } = await sdk();
    const v1Agent = String((await getJson<Json[]>('/v1.0/user/agents'))[0]!.MachineAgentId);
    const headers = { 'X-Project-Id': '110011' };
    const { agents } = await getJson<{ agents: Json[] }>('/v2/110011/agents', headers);
    const v2Agent = String(agents[0]!.id);
    const cases: [string, string, unknown, number][] = [
      ['GET', `/v1.0/agent/configuration/${v1Agent}`, undefined, 404],
      ['GET', `/v2/110011/agents/${v2Agent}/configuration`, undefined, 404],
      ['POST', '/v1.0/agent/delete', { MachineAgentId: Number(v1Agent) }, 404],
      ['DELETE', `/v2/110011/agents/${v2Agent}`, undefined, 405],
      ['POST', '/v2/110011/configurations', { agent_id: v2Agent, name: 'x' }, 405],
      ['GET', '/v2.0/users?name=admin', undefined, 404],
    ];
    for (const [method, path, body, status] of cases)
      expect((await send(method, path, body, headers)).status, `${method} ${path}`).toBe(status);
    // Agents stay: the refused removal removed nothing.
    expect((await send('GET', `/v1.0/agent/${v1Agent}`)).status).toBe(200);
  });
});
