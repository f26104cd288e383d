import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenMessage } from '../src/api/contract/roles';
import { listen } from './listen-test-support';
import type { Harness } from './rackspace-v1/test-support';
import { harness } from './rackspace-v1/test-support';

/**
 * Issue 9 §11, the writes Rackspace's Python SDK makes that the console does not: v1.0 backup
 * configurations created, updated and deleted, agent log levels (v1.0 and v2), v2's configuration
 * delete and agent activation. Over real HTTP: admin only, every refusal a 4xx with a message that
 * says what is wrong (never a 500), and the result kept where the lists and the scheduler read it.
 */
let h: Harness;
let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  h = await harness();
  server = await listen(h.service);
});
afterAll(async () => {
  await server.close();
  h.close();
});

type Json = Record<string, unknown>;
type Role = 'admin' | 'support' | 'viewer';

async function send(
  method: string,
  path: string,
  body?: unknown,
  opts: { role?: Role; type?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'X-Auth-Token': await h.token(opts.role ?? 'admin'),
      ...(body === undefined ? {} : { 'Content-Type': opts.type ?? 'application/json' }),
      ...opts.headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

/** The message of a v1.0 fault (`{"badRequest": {"code", "message", "details"}}`) or a v2 error. */
function message(answer: { json: unknown }): string {
  const body = answer.json as Record<string, unknown>;
  if (typeof body.message === 'string') return body.message;
  const fault = Object.values(body)[0] as { message?: string } | undefined;
  return fault?.message ?? '';
}

let agent: Json;
beforeAll(async () => {
  agent = ((await send('GET', '/v1.0/user/agents')).json as Json[])[0]!;
});

const valid = (over: Json = {}): Json => ({
  MachineAgentId: agent.MachineAgentId,
  BackupConfigurationName: `cfg-${Math.random().toString(36).slice(2, 10)}`,
  IsActive: true,
  VersionRetention: 30,
  MissedBackupActionId: 1,
  Frequency: 'Weekly',
  StartTimeHour: 7,
  StartTimeMinute: 30,
  StartTimeAmPm: 'PM',
  DayOfWeekId: 5,
  HourInterval: null,
  TimeZoneId: 'Eastern Standard Time',
  NotifyRecipients: 'test@my-email-address.com',
  NotifySuccess: true,
  NotifyFailure: true,
  Inclusions: [
    { FilePath: 'C:\\backup_up_file.txt', FileItemType: 'File' },
    { FilePath: 'C:\\backed_up_folder', FileItemType: 'Folder' },
  ],
  Exclusions: [{ FilePath: 'C:\\backed_up_folder\\excluded_file.txt', FileItemType: 'File' }],
  ...over,
});

async function create(over: Json = {}): Promise<Json> {
  const res = await send('POST', '/v1.0/backup-configuration', valid(over));
  expect(res.status, res.text).toBe(200);
  return res.json as Json;
}

describe('v1.0 backup configurations: create, update, delete', () => {
  it("creates the vendor's documented example and answers it whole, as GET shows it", async () => {
    const body = valid({ BackupConfigurationName: 'Weekly Website Backup' });
    const created = await create(body);
    // Every scalar as sent, with the machine's own fields and no run yet.
    const { Inclusions: _inclusions, Exclusions: _exclusions, ...scalars } = body;
    expect(created).toMatchObject({
      ...scalars,
      MachineName: agent.MachineName,
      Datacenter: agent.Datacenter,
      Flavor: agent.Flavor,
      IsEncrypted: agent.IsEncrypted,
      IsDeleted: false,
      LastRunTime: null,
      LastRunBackupReportId: null,
    });
    const id = created.BackupConfigurationId as number;
    expect(
      (created.Inclusions as Json[]).map((f) => [f.FilePath, f.FileItemType, f.Filter, f.ParentId]),
    ).toEqual([
      ['C:\\backup_up_file.txt', 'File', 'Include', id],
      ['C:\\backed_up_folder', 'Folder', 'Include', id],
    ]);
    // Friday 7:30 PM in New York, after the service's clock.
    const next = Number(/\d+/.exec(created.NextScheduledRunTime as string)![0]);
    expect(next).toBeGreaterThan(h.clock.now());
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
    }).format(next);
    expect(local).toBe('Fri 7:30 PM');
    expect((await send('GET', `/v1.0/backup-configuration/${id}`)).json).toEqual(created);
  });

  it('takes the vendor\'s "String" typing too: "true", "30", "7" as strings', async () => {
    const created = await create({
      IsActive: 'true',
      VersionRetention: '60',
      StartTimeHour: '7',
      DayOfWeekId: '0',
    });
    expect(created).toMatchObject({ IsActive: true, VersionRetention: 60, StartTimeHour: 7, DayOfWeekId: 0 });
  });

  it('refuses what is wrong with a 4xx that says what, never a 500', async () => {
    const cases: [unknown, number, RegExp, string?][] = [
      ['not json', 400, /not valid JSON/],
      ['<x/>', 415, /must be JSON/, 'application/xml'],
      [[], 400, /not valid/],
      [{}, 400, /MachineAgentId: is required.*BackupConfigurationName: is required/],
      [valid({ Frequency: 'Monthly' }), 400, /Frequency: must be "Manually", "Hourly", "Daily" or "Weekly"/],
      [valid({ StartTimeHour: 13 }), 400, /StartTimeHour: must be a whole number from 1 to 12/],
      [valid({ StartTimeHour: null }), 400, /StartTimeHour is required for a Weekly configuration/],
      [valid({ DayOfWeekId: null }), 400, /DayOfWeekId .* is required for a Weekly configuration/],
      [valid({ Frequency: 'Hourly', HourInterval: null }), 400, /HourInterval .* is required for an Hourly/],
      [
        valid({ Frequency: 'Hourly', HourInterval: 0 }),
        400,
        /HourInterval: must be a whole number from 1 to 23/,
      ],
      [valid({ StartTimeAmPm: 'AM|PM' }), 400, /StartTimeAmPm: must be "AM", "PM" or null/],
      [valid({ VersionRetention: 45 }), 400, /VersionRetention: must be 0 .*, 30 or 60/],
      [valid({ MissedBackupActionId: 3 }), 400, /MissedBackupActionId: must be 1 .* or 2/],
      [valid({ IsActive: 'yes' }), 400, /IsActive: must be true or false/],
      [
        valid({ TimeZoneId: 'Mars Standard Time' }),
        400,
        /"Mars Standard Time" is not a Windows time zone name/,
      ],
      [valid({ NotifyRecipients: '' }), 400, /NotifyRecipients needs an e-mail address/],
      [valid({ NotifyRecipients: 'ops at example' }), 400, /"ops at example" is not an e-mail address/],
      [valid({ BackupConfigurationName: '  ' }), 400, /BackupConfigurationName: must not be empty/],
      [valid({ BackupConfigurationName: 'x'.repeat(256) }), 400, /at most 255 characters/],
      [
        valid({ Inclusions: [{ FilePath: '/a', FileItemType: 'Disk' }] }),
        400,
        /FileItemType: must be "File" or "Folder"/,
      ],
      [
        valid({
          Inclusions: [
            { FilePath: '/a', FileItemType: 'Folder' },
            { FilePath: '/a', FileItemType: 'Folder' },
          ],
        }),
        400,
        /Inclusions lists "\/a" more than once/,
      ],
      [
        valid({
          Inclusions: [{ FilePath: '/a', FileItemType: 'Folder' }],
          Exclusions: [{ FilePath: '/a', FileItemType: 'Folder' }],
        }),
        400,
        /"\/a" is both included and excluded/,
      ],
      [valid({ MachineAgentId: 999999 }), 404, /No agent 999999 in this region/],
      [valid({ MachineAgentId: 'abc' }), 400, /MachineAgentId: must be a whole number/],
    ];
    for (const [body, status, pattern, type] of cases) {
      const res = await send('POST', '/v1.0/backup-configuration', body, { type });
      expect(res.status, `${JSON.stringify(body).slice(0, 120)} → ${res.text}`).toBe(status);
      expect(message(res), JSON.stringify(body).slice(0, 120)).toMatch(pattern);
    }
    // One agent keeps its configurations' names apart.
    const first = await create();
    const again = await send(
      'POST',
      '/v1.0/backup-configuration',
      valid({ BackupConfigurationName: first.BackupConfigurationName }),
    );
    expect(again.status, again.text).toBe(409);
    expect(message(again)).toMatch(/already has a backup configuration named/);
  });

  it('updates in place: 200 with no body; the machine and the schedule id stay its own', async () => {
    const created = await create();
    const id = created.BackupConfigurationId as number;
    const scheduleId = created.BackupConfigurationScheduleId;
    const changes = {
      BackupConfigurationName: 'Daily, now',
      BackupConfigurationScheduleId: scheduleId,
      Frequency: 'Daily',
      DayOfWeekId: null,
      StartTimeHour: 12,
      StartTimeMinute: 0,
      StartTimeAmPm: 'AM',
    };
    const res = await send('PUT', `/v1.0/backup-configuration/${id}`, valid({ ...changes, IsActive: false }));
    expect(res.status, res.text).toBe(200);
    expect(res.text).toBe('');
    const after = (await send('GET', `/v1.0/backup-configuration/${id}`)).json as Json;
    expect(after).toMatchObject({
      ...changes,
      BackupConfigurationId: id,
      IsActive: false,
      // Inactive: nothing is scheduled.
      NextScheduledRunTime: null,
    });

    const other = await send('GET', '/v1.0/user/agents');
    const elsewhere = (other.json as Json[]).find((a) => a.MachineAgentId !== agent.MachineAgentId)!;
    const refusals: [string, unknown, number, RegExp][] = [
      [
        `/v1.0/backup-configuration/${id}`,
        valid({ MachineAgentId: elsewhere.MachineAgentId }),
        400,
        /stays on its machine/,
      ],
      [
        `/v1.0/backup-configuration/${id}`,
        valid({ BackupConfigurationScheduleId: 1 }),
        400,
        /is not the schedule of backup configuration/,
      ],
      [
        `/v1.0/backup-configuration/${id}`,
        valid({ Frequency: 'Weekly', DayOfWeekId: 9 }),
        400,
        /DayOfWeekId: must be a whole number from 0 to 6/,
      ],
      ['/v1.0/backup-configuration/999999', valid(), 404, /No backup configuration 999999/],
    ];
    for (const [path, body, status, pattern] of refusals) {
      const r = await send('PUT', path, body);
      expect(r.status, r.text).toBe(status);
      expect(message(r)).toMatch(pattern);
    }
    const second = await create();
    const clash = await send(
      'PUT',
      `/v1.0/backup-configuration/${second.BackupConfigurationId as number}`,
      valid({ BackupConfigurationName: 'Daily, now' }),
    );
    expect(clash.status, clash.text).toBe(409);
  });

  it('an active created configuration is scheduled and runs; its backups name it', async () => {
    const created = await create({
      Frequency: 'Hourly',
      HourInterval: 1,
      StartTimeHour: null,
      StartTimeMinute: null,
      StartTimeAmPm: null,
      DayOfWeekId: null,
    });
    const id = created.BackupConfigurationId as number;
    expect(created).toMatchObject({
      Frequency: 'Hourly',
      HourInterval: 1,
      StartTimeHour: null,
      StartTimeAmPm: null,
    });
    const next = Number(/\d+/.exec(created.NextScheduledRunTime as string)![0]);
    expect(next - h.clock.now()).toBeLessThanOrEqual(3600_000);
    h.run(Math.ceil((next - h.clock.now()) / 60_000) + 2, 60_000);
    const activity = (await send('GET', '/v1.0/activity')).json as Json[];
    expect(activity.some((a) => a.Type === 'Backup' && a.ParentId === id)).toBe(true);
  });

  it('deletes: 200 with no body, gone from reads and lists, no longer started; refused while a backup of it runs', async () => {
    const created = await create({
      Frequency: 'Manually',
      StartTimeHour: null,
      StartTimeMinute: null,
      StartTimeAmPm: null,
      DayOfWeekId: null,
    });
    const id = created.BackupConfigurationId as number;
    const started = await send('POST', '/v1.0/backup/action-requested', { Action: 'StartManual', Id: id });
    expect(started.status, started.text).toBe(200);
    const busy = await send('DELETE', `/v1.0/backup-configuration/${id}`);
    expect(busy.status, busy.text).toBe(409);
    expect(message(busy)).toMatch(
      new RegExp(`Backup ${started.text} of backup configuration ${id} is running; stop it first`),
    );
    for (let i = 0; i < 200; i++) {
      const detail = (await send('GET', `/v1.0/backup/${started.text}`)).json as Json;
      if (
        ['Completed', 'CompletedWithErrors', 'Failed', 'Skipped', 'Missed', 'Stopped'].includes(
          detail.CurrentState as string,
        )
      )
        break;
      h.run(1, 5000);
    }
    const gone = await send('DELETE', `/v1.0/backup-configuration/${id}`);
    expect(gone.status, gone.text).toBe(200);
    expect(gone.text).toBe('');
    expect((await send('GET', `/v1.0/backup-configuration/${id}`)).status).toBe(404);
    expect(
      ((await send('GET', '/v1.0/backup-configuration')).json as Json[]).map((c) => c.BackupConfigurationId),
    ).not.toContain(id);
    expect((await send('DELETE', `/v1.0/backup-configuration/${id}`)).status).toBe(404);
    expect(
      (await send('POST', '/v1.0/backup/action-requested', { Action: 'StartManual', Id: id })).status,
    ).toBe(404);
    // Its backup stays, and says whose it was.
    const report = (await send('GET', `/v1.0/backup/report/${started.text}`)).json as Json;
    expect(report).toMatchObject({ BackupConfigurationId: id, BackupConfigurationIsDeleted: true });
  });

  it('is for admins: support and viewer are refused with the reason, and nothing changes', async () => {
    const created = await create();
    const id = created.BackupConfigurationId as number;
    for (const role of ['support', 'viewer'] as const) {
      const attempts = [
        await send('POST', '/v1.0/backup-configuration', valid(), { role }),
        await send('PUT', `/v1.0/backup-configuration/${id}`, valid({ IsActive: false }), { role }),
        await send('DELETE', `/v1.0/backup-configuration/${id}`, undefined, { role }),
        await send(
          'PUT',
          '/v1.0/agent/logging',
          { MachineAgentId: agent.MachineAgentId, LoggingLevelId: 6 },
          { role },
        ),
      ];
      for (const r of attempts) {
        expect(r.status, r.text).toBe(403);
        expect(message(r)).toBe(forbiddenMessage(role, 'configure'));
      }
      // Reading the level is reading.
      expect(
        (await send('GET', `/v1.0/agent/logging/${agent.MachineAgentId as number}`, undefined, { role }))
          .status,
      ).toBe(200);
    }
    expect((await send('GET', `/v1.0/backup-configuration/${id}`)).json).toEqual(created);
  });
});

describe('agent log levels', () => {
  it("v1.0: the vendor's form body and the SDK's JSON both set it (204); GET reads it as a JSON string", async () => {
    const id = agent.MachineAgentId as number;
    const form = await send('PUT', '/v1.0/agent/logging', `MachineAgentId=${id}&LoggingLevelId=6`, {
      type: 'application/x-www-form-urlencoded',
    });
    expect(form.status, form.text).toBe(204);
    const got = await send('GET', `/v1.0/agent/logging/${id}`);
    expect(got.text).toBe('"Trace"');
    expect(got.headers.get('content-type')).toMatch(/^application\/json/);
    expect(
      (await send('PUT', '/v1.0/agent/logging', { MachineAgentId: String(id), LoggingLevelid: '2' })).status,
    ).toBe(204);
    expect((await send('GET', `/v1.0/agent/logging/${id}`)).json).toBe('Error');
    expect(
      (await send('PUT', '/v1.0/agent/logging', { MachineAgentId: id, LoggingLevelId: 'Info' })).status,
    ).toBe(204);
    expect((await send('GET', `/v1.0/agent/logging/${id}`)).json).toBe('Info');
    const refusals: [unknown, number, RegExp, string?][] = [
      [
        { MachineAgentId: id, LoggingLevelid: 8 },
        400,
        /LoggingLevelId: must be a number from 1 \(Fatal\) to 7 \(All\)/,
      ],
      [{ MachineAgentId: id, LoggingLevelid: 'Verbose' }, 400, /LoggingLevelId: must be a number from 1/],
      [{ LoggingLevelid: 3 }, 400, /MachineAgentId: is required/],
      [`MachineAgentId=${id}`, 400, /LoggingLevelId: is required/, 'application/x-www-form-urlencoded'],
      [{ MachineAgentId: 999999, LoggingLevelid: 3 }, 404, /No agent 999999/],
      ['<level/>', 415, /must be JSON/, 'text/xml'],
    ];
    for (const [body, status, pattern, type] of refusals) {
      const r = await send('PUT', '/v1.0/agent/logging', body, { type });
      expect(r.status, r.text).toBe(status);
      expect(message(r)).toMatch(pattern);
    }
    expect((await send('GET', '/v1.0/agent/logging/999999')).status).toBe(404);
  });

  it("v2: PATCH /log_level takes the vendor's levels, refuses others, and is for admins", async () => {
    const headers = { 'X-Project-Id': '110011' };
    const { agents } = (await send('GET', '/v2/110011/agents', undefined, { headers })).json as {
      agents: Json[];
    };
    const path = `/v2/110011/agents/${String(agents[0]!.id)}`;
    const patch = (value: unknown, role: Role = 'admin') =>
      send('PATCH', path, [{ op: 'replace', path: '/log_level', value }], {
        headers,
        role,
        type: 'application/json-patch+json',
      });
    expect((await patch('warn')).status).toBe(204);
    expect(((await send('GET', path, undefined, { headers })).json as Json).log_level).toBe('warn');
    const loud = await patch('loud');
    expect(loud.status).toBe(400);
    expect(message(loud)).toBe('/log_level takes one of fatal, error, warn, info, debug, trace, all.');
    const both = await send(
      'PATCH',
      path,
      [
        { op: 'replace', path: '/enabled', value: true },
        { op: 'replace', path: '/log_level', value: 'all' },
      ],
      { headers },
    );
    expect(both.status, both.text).toBe(204);
    const support = await patch('info', 'support');
    expect(support.status).toBe(403);
    expect(((await send('GET', path, undefined, { headers })).json as Json).log_level).toBe('all');
  });
});

describe('v2: configuration delete and agent activation', () => {
  const headers = { 'X-Project-Id': '110011' };

  it('DELETE /configurations/{id}: 204, 404 for an unknown one, 409 while a backup of it runs, 403 below admin', async () => {
    const { configurations } = (
      await send('GET', '/v2/110011/configurations?limit=1000', undefined, { headers })
    ).json as { configurations: Json[] };
    const one = configurations.find((c) => c.enabled === true)!;
    const started = await send(
      'POST',
      '/v2/110011/backups',
      { configuration_id: one.id, state: 'start_requested' },
      { headers },
    );
    expect(started.status, started.text).toBe(201);
    const busy = await send('DELETE', `/v2/110011/configurations/${String(one.id)}`, undefined, { headers });
    expect(busy.status, busy.text).toBe(409);
    expect(message(busy)).toMatch(/is running; stop it first/);
    const support = await send('DELETE', `/v2/110011/configurations/${String(one.id)}`, undefined, {
      headers,
      role: 'support',
    });
    expect(support.status).toBe(403);
    expect(message(support)).toBe(forbiddenMessage('support', 'configure'));
    const backupId = (started.json as Json).id as string;
    const stop = await send(
      'PATCH',
      `/v2/110011/backups/${backupId}`,
      [{ op: 'replace', path: '/state', value: 'stop_requested' }],
      { headers },
    );
    expect(stop.status, stop.text).toBe(204);
    for (let i = 0; i < 100; i++) {
      const b = (await send('GET', `/v2/110011/backups/${backupId}`, undefined, { headers })).json as Json;
      if (b.state === 'stopped') break;
      h.run(1, 5000);
    }
    expect(
      (await send('DELETE', `/v2/110011/configurations/${String(one.id)}`, undefined, { headers })).status,
    ).toBe(204);
    expect(
      (await send('DELETE', `/v2/110011/configurations/${String(one.id)}`, undefined, { headers })).status,
    ).toBe(404);
  });

  it('POST /events: agent_activate with a mode, 202; anything else is a 400 that says what it takes', async () => {
    expect(
      (await send('POST', '/v2/110011/events', { event: 'agent_activate', mode: 'real_time' }, { headers }))
        .status,
    ).toBe(202);
    expect(
      (await send('POST', '/v2/110011/events', { event: 'agent_activate', mode: 'idle' }, { headers }))
        .status,
    ).toBe(202);
    const wrong = await send('POST', '/v2/110011/events', { event: 'reboot', mode: 'fast' }, { headers });
    expect(wrong.status).toBe(400);
    expect(message(wrong)).toMatch(
      /event: must be "agent_activate"; mode: must be "idle", "active" or "real_time"/,
    );
    const viewer = await send(
      'POST',
      '/v2/110011/events',
      { event: 'agent_activate', mode: 'active' },
      { headers, role: 'viewer' },
    );
    expect(viewer.status).toBe(403);
  });
});
