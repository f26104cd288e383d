import type {
  Agent,
  BackupTarget,
  Restore,
  RestorePoint,
  Run,
  RunDetail,
  RunState,
  ScheduleZone,
} from '../domain';
import { isInFlight } from '../domain';
import { emptyProgress, etaOf, normaliseIso, runOf } from '../run-parts';
import { rruleWords } from '../schedule-words';
import type {
  Activity,
  Agent as WireAgent,
  Backup,
  ConfigurationSummary,
  ErrorList,
  Event,
  Restore as WireRestore,
} from './wire';

/** v2 state names → the vendor-neutral set (docs/dialects/rackspace-v2.md, "States"). */
const STATES: Record<string, RunState> = {
  start_requested: 'queued',
  start_scheduled: 'queued',
  queued: 'queued',
  preparing: 'running',
  in_progress: 'running',
  stop_requested: 'stopping',
  completed: 'succeeded',
  completed_with_errors: 'warning',
  failed: 'failed',
  stopped: 'stopped',
  skipped: 'skipped',
  missed: 'missed',
};

export function v2State(vendor: string): RunState {
  return STATES[vendor] ?? 'failed';
}

/** Names the lists refer to by id only. */
export interface Names {
  configurations: ReadonlyMap<string, string>;
  agents: ReadonlyMap<string, string>;
  /** Backup id → its configuration id, as far as known (a restore names only its backup). */
  backups?: ReadonlyMap<string, string>;
  /** Backup id → the agent it backed up, as far as known (a restore's source machine). */
  backupAgents?: ReadonlyMap<string, string>;
}

/** What the newest event that counts bytes says of a backup: its total and how much of it remains. */
export interface Remaining {
  total: number;
  remaining: number;
}

/** The newest byte count among a backup's events (`backup_progress`), if any. */
export function remainingOf(events: readonly Event[]): Remaining | null {
  let newest: Event | null = null;
  for (const e of events)
    if (e.total_bytes !== undefined && e.bytes_remaining !== undefined)
      if (!newest || Number(e.id) > Number(newest.id)) newest = e;
  return newest ? { total: newest.total_bytes ?? 0, remaining: newest.bytes_remaining ?? 0 } : null;
}

/**
 * Counters → progress. A backup's own counters do not tell how much is left (bytes searched grow as
 * the agent walks the disk), so percent and ETA come only from what its events say remains; without
 * such an event there is no percent rather than a wrong one.
 */
function backupProgress(b: Backup, left: Remaining | null): Run['progress'] {
  const state = v2State(b.state);
  const running = isInFlight(state);
  const told = running && left !== null && left.total > 0;
  // Ended: whole only when it completed; a failed or stopped backup did not get to 100%.
  const ended = state === 'succeeded' || state === 'warning' ? 100 : null;
  return {
    ...emptyProgress(),
    percent: running
      ? told
        ? Math.min(99, Math.floor((1 - left.remaining / left.total) * 100))
        : null
      : ended,
    filesSearched: b.files_searched,
    filesDone: b.files_backed_up,
    bytesSearched: b.bytes_searched,
    bytesDone: b.bytes_backed_up,
    rateBps: b.bandwidth_avg_bps || null,
    etaSeconds: told ? etaOf(left.remaining, b.bandwidth_avg_bps) : null,
  };
}

/** A backup; `left`: what its newest events say remains, when they were read (a run in flight). */
export function v2Backup(connectionId: string, b: Backup, names: Names, left: Remaining | null = null): Run {
  return {
    connectionId,
    kind: 'backup',
    id: b.id,
    parentId: b.configuration.id,
    parentName: names.configurations.get(b.configuration.id) ?? b.configuration.id,
    machineName: names.agents.get(b.agent.id) ?? null,
    state: v2State(b.state),
    vendorState: b.state,
    startedAt: normaliseIso(b.started_time),
    endedAt: normaliseIso(b.ended_time),
    updatedAt: normaliseIso(b.ended_time ?? b.started_time),
    progress: backupProgress(b, left),
    errorCount: b.errors.count,
    reason: b.errors.reason || null,
    restorable: b.restorable,
    encrypted: null,
    initiatedBy: null,
  };
}

export function withErrors<T extends Run>(run: T, errors: ErrorList | null): T & RunDetail {
  const start = Date.parse(run.startedAt ?? '');
  const end = Date.parse(run.endedAt ?? '');
  return {
    ...run,
    errors: (errors?.list ?? []).map((e) => ({
      path: e.path || null,
      type: e.type,
      description: e.description,
    })),
    diagnostics: errors?.diagnostics || null,
    durationSeconds: Number.isNaN(start) || Number.isNaN(end) ? null : Math.round((end - start) / 1000),
  };
}

export function v2Restore(connectionId: string, r: WireRestore, names: Names): Restore {
  const configurationId = names.backups?.get(r.backup.id) ?? null;
  const sourceAgentId = names.backupAgents?.get(r.backup.id) ?? null;
  const run = runOf({
    connectionId,
    kind: 'restore',
    id: r.id,
    parentId: configurationId,
    parentName:
      (configurationId && names.configurations.get(configurationId)) ?? `Backup ${r.backup.id.slice(0, 8)}`,
    machineName: names.agents.get(r.destination_agent.id) ?? null,
    state: v2State(r.state),
    vendorState: r.state,
    startedAt: normaliseIso(r.started_time),
    endedAt: normaliseIso(r.ended_time),
    updatedAt: normaliseIso(r.ended_time ?? r.started_time),
    progress: { ...emptyProgress(), filesDone: r.files_restored, bytesDone: r.bytes_restored },
    errorCount: r.errors.count,
    reason: r.errors.reason || null,
  });

  return {
    ...withErrors(run, null),
    backupId: r.backup.id,
    sourceAgentId,
    sourceMachineName: (sourceAgentId && names.agents.get(sourceAgentId)) ?? null,
    destinationAgentId: r.destination_agent.id,
    destinationMachineName: names.agents.get(r.destination_agent.id) ?? null,
    destinationPath: r.destination_path,
    overwrite: r.overwrite_files,
    draft: false,
  };
}

/** A run known from the activity list only (no times, no counters): `partial`. */
export function v2ActivityRun(connectionId: string, a: Activity, names: Names): Run {
  const parentId = a.configuration?.id ?? null;
  return runOf({
    partial: true,
    connectionId,
    kind: a.type === 'restore' ? 'restore' : 'backup',
    id: a.id,
    parentId,
    parentName: (parentId && names.configurations.get(parentId)) ?? '',
    machineName: names.agents.get(a.agent.id) ?? null,
    state: v2State(a.state),
    vendorState: a.state,
    updatedAt: normaliseIso(a.last_updated_time),
  });
}

/** v2 names a schedule's zone by its IANA name ("America/Chicago"), which is also its IANA zone. */
function v2Zone(name: string | null | undefined): ScheduleZone | null {
  return name ? { name, iana: name, offsetMinutes: null } : null;
}

/**
 * A configuration as its own answer tells it (v2 names only the last completed backup); the backups
 * feed, laid over it (`withLiveRuns`), brings the runs that move.
 */
export function v2Configuration(
  connectionId: string,
  c: ConfigurationSummary & { inclusions?: { path: string }[]; exclusions?: { path: string }[] },
  names: Names,
  region: string | null,
): BackupTarget {
  const rule = c.schedule?.recurrence[0];
  return {
    connectionId,
    kind: 'configuration',
    id: c.id,
    name: c.name,
    description: '',
    type: null,
    machine: { agentId: c.agent.id, name: names.agents.get(c.agent.id) ?? c.agent.id },
    organization: null,
    enabled: c.enabled,
    encrypted: false,
    schedule: rule
      ? { description: rruleWords(rule), zone: v2Zone(c.schedule?.time_zone), manual: false }
      : { description: 'Manually', zone: null, manual: true },
    retentionDays: c.retention.days,
    inclusions: (c.inclusions ?? []).map((p) => p.path),
    exclusions: (c.exclusions ?? []).map((p) => p.path),
    lastRun: c.backups.last_completed
      ? { id: c.backups.last_completed.id, state: 'succeeded', vendorState: 'completed', at: null }
      : null,
    nextRunAt: normaliseIso(c.backups.next.scheduled_time),
    currentRunId: null,
    region,
  };
}

export function v2Agent(connectionId: string, a: WireAgent, online: boolean | null): Agent {
  return {
    connectionId,
    id: a.id,
    name: a.name,
    online: online ?? false,
    enabled: a.enabled,
    encrypted: a.vault.encrypted,
    os: `${a.host.os.name} ${a.host.os.version}`.trim(),
    region: a.host.region || null,
    version: a.version,
    lastBackupAt: null,
  };
}

export function v2RestorePoint(b: Backup, names: Names, encrypted: boolean): RestorePoint {
  return {
    backupId: b.id,
    configurationId: b.configuration.id,
    configurationName: names.configurations.get(b.configuration.id) ?? b.configuration.id,
    agentId: b.agent.id,
    machineName: names.agents.get(b.agent.id) ?? b.agent.id,
    completedAt: normaliseIso(b.ended_time),
    encrypted,
  };
}
