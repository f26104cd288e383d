import type { Agent, BackupTarget, RestorePoint, Run, RunError, RunState, Schedule } from '../domain';
import { emptyProgress, isoOf, runOf, secondsOf } from '../run-parts';
import { clock12, dayName, everyHours } from '../schedule-words';
import type { Activity, Agent as WireAgent, BackupConfiguration, CompletedBackup, ReportError } from './wire';
import { zoneOfWindowsName } from './windows-zones';
import { fromMsDate, parseV1Size } from './wire';

/** v1.0 backup and restore state names → the vendor-neutral set (docs/dialects/rackspace-v1.md, "States"). */
const STATES: Record<string, RunState> = {
  // A restore being set up (PUT /restore) that nobody started: nothing runs, so it must not keep the
  // console polling fast or count as "runs now"; the badge shows the vendor's word, Creating.
  Creating: 'stopped',
  StartRequested: 'queued',
  StartScheduled: 'queued',
  Queued: 'queued',
  Preparing: 'running',
  InProgress: 'running',
  StopRequested: 'stopping',
  Completed: 'succeeded',
  CompletedWithErrors: 'warning',
  Failed: 'failed',
  Stopped: 'stopped',
  Skipped: 'skipped',
  Missed: 'missed',
};

/** An unknown word is shown as the vendor wrote it and treated as failed rather than hidden. */
export function v1State(vendor: string): RunState {
  return STATES[vendor] ?? 'failed';
}

export function isKnownV1State(vendor: string | null | undefined): vendor is string {
  return Boolean(vendor && vendor in STATES);
}

export const iso = (value: string | null | undefined) => isoOf(fromMsDate(value));

export function v1Schedule(c: BackupConfiguration): Schedule {
  const hour24 = c.StartTimeHour === null ? 0 : (c.StartTimeHour % 12) + (c.StartTimeAmPm === 'PM' ? 12 : 0);
  const at = clock12(hour24, c.StartTimeMinute ?? 0);
  const description = {
    Manually: 'Manually',
    Hourly: everyHours(c.HourInterval ?? 1),
    Daily: `Daily at ${at}`,
    Weekly: `Weekly on ${dayName(c.DayOfWeekId ?? 0)} at ${at}`,
  }[c.Frequency];
  // v1.0 names the zone as Windows does; its IANA zone tells the offset (windows-zones.ts).
  const zone = c.TimeZoneId
    ? { name: c.TimeZoneId, iana: zoneOfWindowsName(c.TimeZoneId) ?? null, offsetMinutes: null }
    : null;
  return { description, zone, manual: c.Frequency === 'Manually' };
}

/**
 * A run of the activity list. `TimeOfActivity` is the time of its last change (it moves with every
 * state update while the run is in flight, and is its end once it has ended), never its start:
 * `startedAt` is what the run's report said, when known (see run-starts.ts).
 */
export function activityRun(connectionId: string, a: Activity, startedAt: string | null = null): Run {
  const kind = a.Type === 'Restore' ? 'restore' : 'backup';
  const at = iso(a.TimeOfActivity);
  const state = v1State(a.CurrentState);
  const live = state === 'queued' || state === 'running' || state === 'stopping';
  return runOf({
    connectionId,
    kind,
    id: String(kind === 'backup' ? a.BackupId || a.ID : a.ID),
    parentId: String(a.ParentId),
    parentName: a.DisplayName,
    machineName: kind === 'restore' ? a.DestinationMachineName || a.SourceMachineName : a.SourceMachineName,
    state,
    vendorState: a.CurrentState,
    startedAt,
    endedAt: live ? null : at,
    updatedAt: at,
  });
}

/** An ended backup of GET /backup/completed; `state` from the activity list when it knows it. */
export function completedRun(connectionId: string, b: CompletedBackup, state: string | null): Run {
  const vendorState = state ?? (b.NumErrors > 0 ? 'CompletedWithErrors' : 'Completed');
  const mapped = v1State(vendorState);
  return runOf({
    connectionId,
    kind: 'backup',
    id: String(b.BackupId),
    parentId: String(b.BackupConfigurationId),
    parentName: b.BackupConfigurationName,
    machineName: b.MachineName,
    state: mapped,
    vendorState,
    endedAt: iso(b.CompletedTime),
    updatedAt: iso(b.CompletedTime),
    progress: { ...emptyProgress(), bytesSearched: parseV1Size(b.BytesSearched) },
    errorCount: b.NumErrors,
    restorable: mapped === 'succeeded' || mapped === 'warning',
  });
}

/** Busy states of v1.0's BackupState: the configuration's last run is still in flight. */
const BUSY = new Set([
  'StartRequested',
  'StartScheduled',
  'Queued',
  'Preparing',
  'InProgress',
  'StopRequested',
]);

/**
 * A configuration as its own answer tells it: BackupState is the state of its last (or current) run,
 * LastRunBackupReportId that run's id, LastRunTime when it started. The activity feed, laid over it
 * (`withLiveRuns`), brings the runs that move.
 */
export function v1Configuration(
  connectionId: string,
  c: BackupConfiguration,
  region: string | null,
): BackupTarget {
  const listState = isKnownV1State(c.BackupState) ? c.BackupState : null;
  const runId = c.LastRunBackupReportId ? String(c.LastRunBackupReportId) : null;
  return {
    connectionId,
    kind: 'configuration',
    id: String(c.BackupConfigurationId),
    name: c.BackupConfigurationName,
    description: '',
    type: null,
    machine: { agentId: String(c.MachineAgentId), name: c.MachineName },
    organization: null,
    enabled: c.IsActive,
    encrypted: c.IsEncrypted,
    schedule: v1Schedule(c),
    retentionDays: c.VersionRetention,
    inclusions: c.Inclusions.map((f) => f.FilePath),
    exclusions: c.Exclusions.map((f) => f.FilePath),
    lastRun: listState
      ? { id: runId, state: v1State(listState), vendorState: listState, at: iso(c.LastRunTime) }
      : null,
    nextRunAt: iso(c.NextScheduledRunTime),
    currentRunId: listState && BUSY.has(listState) ? runId : null,
    region: c.Datacenter ?? region,
  };
}

export function v1Errors(list: readonly ReportError[]): RunError[] {
  return list.map((e) => ({
    path: e.Path || null,
    type: e.ErrorType,
    description: [e.ErrorDesc, e.ExceptionDesc].filter(Boolean).join(': '),
  }));
}

export function v1Agent(connectionId: string, a: WireAgent): Agent {
  return {
    connectionId,
    id: String(a.MachineAgentId),
    name: a.MachineName,
    online: a.Status === 'Online',
    enabled: !a.IsDisabled,
    encrypted: a.IsEncrypted,
    os: `${a.OperatingSystem} ${a.OperatingSystemVersion}`.trim(),
    region: a.Datacenter || null,
    version: a.AgentVersion,
    lastBackupAt: iso(a.TimeOfLastSuccessfulBackup),
  };
}

export function v1RestorePoint(b: CompletedBackup, encrypted: boolean): RestorePoint {
  return {
    backupId: String(b.BackupId),
    configurationId: String(b.BackupConfigurationId),
    configurationName: b.BackupConfigurationName,
    agentId: String(b.MachineAgentId),
    machineName: b.MachineName,
    completedAt: iso(b.CompletedTime),
    encrypted,
  };
}

export const durationOf = secondsOf;
