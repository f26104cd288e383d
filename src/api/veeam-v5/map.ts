import type {
  BackupTarget,
  LogItem,
  Organization,
  RestoreSession,
  Run,
  RunState,
  ScheduleZone,
} from '../domain';
import { etaOf, normaliseIso } from '../run-parts';
import { emptyProgress } from '../run-parts';
import { veeamPolicyWords } from '../schedule-words';
import type {
  Job as WireJob,
  JobSession,
  LogItem as WireLogItem,
  Organization as WireOrganization,
  RestoreSession as WireRestoreSession,
  RestoreSessionEvent,
  SchedulePolicy,
} from './wire';
import { linkId } from './wire';

/** Job lastStatus / JobSession status (v5) → the vendor-neutral set (docs/dialects/veeam-v5.md, "Objects and states"). */
const STATES: Record<string, RunState> = {
  Queued: 'queued',
  Running: 'running',
  Stopping: 'stopping',
  Success: 'succeeded',
  Warning: 'warning',
  Failed: 'failed',
  Stopped: 'stopped',
  // An unreachable proxy or organization ends the run as a failure; an unconfigured job is skipped.
  Disconnected: 'failed',
  NotConfigured: 'skipped',
};

export function veeamState(vendor: string): RunState {
  return STATES[vendor] ?? 'failed';
}

/** Restore sessions end Stopped; their `result` tells how it went. */
export function restoreSessionState(state: string, result: string | null | undefined): RunState {
  if (state === 'Working' || state === 'Starting') return 'running';
  if (state === 'Stopping') return 'stopping';
  if (result === 'Failed') return 'failed';
  if (result === 'Warning') return 'warning';
  return 'stopped';
}

/** The name of the clock a Veeam job's schedule runs on: its server's, which the API does not name. */
export const VEEAM_SERVER_TIME = 'Veeam server time';

/**
 * The zone of a Veeam job's schedule. Veeam runs schedules on the Veeam server's clock and its API
 * names no zone, so the console does not pretend to know one: a daily job's `dailyTime` is the
 * server's wall clock and its `nextRun` an instant, so the two together tell the server's UTC offset
 * on that day (a whole quarter hour, or nothing); otherwise the offset stays unknown.
 */
export function veeamServerZone(
  policy: Pick<SchedulePolicy, 'type' | 'dailyTime' | 'scheduleEnabled'>,
  nextRun: string | null | undefined,
): ScheduleZone {
  return { name: VEEAM_SERVER_TIME, iana: null, offsetMinutes: dailyOffset(policy, nextRun) };
}

function dailyOffset(
  policy: Pick<SchedulePolicy, 'type' | 'dailyTime' | 'scheduleEnabled'>,
  nextRun: string | null | undefined,
): number | null {
  if (policy.type !== 'Daily' || policy.scheduleEnabled === false || !nextRun) return null;
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(policy.dailyTime ?? '');
  const at = Date.parse(nextRun);
  if (!clock || Number.isNaN(at)) return null;
  const wall = Number(clock[1]) * 60 + Number(clock[2]);
  const next = new Date(at);
  const utc = next.getUTCHours() * 60 + next.getUTCMinutes();
  let offset = (((wall - utc) % 1440) + 1440) % 1440;
  if (offset > 14 * 60) offset -= 1440;
  return offset % 15 === 0 ? offset : null;
}

export function veeamJob(
  connectionId: string,
  j: WireJob,
  orgNames: ReadonlyMap<string, string>,
): BackupTarget {
  const organizationId = linkId(j._links, 'organization');
  const policy = j.schedulePolicy;
  return {
    connectionId,
    kind: 'job',
    id: j.id,
    name: j.name,
    description: j.description ?? '',
    type: j.backupType,
    machine: null,
    organization: {
      id: organizationId,
      name: (organizationId && orgNames.get(organizationId)) ?? '',
    },
    encrypted: null,
    region: null,
    enabled: j.isEnabled,
    schedule: policy
      ? {
          description: veeamPolicyWords(policy),
          zone: veeamServerZone(policy, j.nextRun),
          manual: policy.scheduleEnabled === false,
        }
      : { description: 'Manually', zone: null, manual: true },
    // Veeam names no run: its last status and when it ran. A job that tells a time but no status
    // has no last run to show.
    lastRun: j.lastStatus
      ? { id: null, state: veeamState(j.lastStatus), vendorState: j.lastStatus, at: normaliseIso(j.lastRun) }
      : null,
    nextRunAt: normaliseIso(j.nextRun),
    currentRunId: null,
  };
}

export function veeamJobSession(
  connectionId: string,
  s: JobSession,
  jobNames: ReadonlyMap<string, string>,
  fallbackJobId: string | null = null,
): Run {
  const jobId = linkId(s._links, 'job') ?? fallbackJobId;
  const state = veeamState(s.status);
  const stats = s.statistics;
  const rate = stats?.processingRateBytesPS ?? null;
  const percent = Math.max(0, Math.min(100, s.progress));
  const transferred = stats?.transferredDataBytes ?? null;
  // Veeam gives percent and a rate: the bytes left follow from what was moved so far.
  const remaining =
    transferred !== null && percent > 0 && percent < 100 ? (transferred * (100 - percent)) / percent : null;
  return {
    connectionId,
    kind: 'job-session',
    id: s.id,
    parentId: jobId,
    parentName: (jobId && jobNames.get(jobId)) ?? '',
    machineName: null,
    state,
    vendorState: s.status,
    startedAt: normaliseIso(s.creationTime),
    endedAt: normaliseIso(s.endTime),
    updatedAt: normaliseIso(s.endTime ?? s.creationTime),
    progress: {
      ...emptyProgress(),
      percent,
      filesDone: stats?.processedObjects ?? null,
      bytesDone: transferred,
      rateBps: rate,
      itemsPerSecond: stats?.processingRateItemsPS ?? null,
      etaSeconds: state === 'running' ? etaOf(remaining, rate) : null,
    },
    errorCount: state === 'failed' ? 1 : 0,
    reason: s.details || null,
    restorable: null,
    encrypted: null,
    initiatedBy: null,
  };
}

const LEVEL = /^\s*\[(success|warning|error|failed|info)\]/i;

export function logLevel(text: string): LogItem['level'] {
  const word = LEVEL.exec(text)?.[1]?.toLowerCase();
  if (word === 'failed' || word === 'error') return 'error';
  if (word === 'success' || word === 'warning') return word;
  return 'info';
}

export function veeamLogItem(item: WireLogItem): LogItem {
  return {
    id: item.id,
    title: item.title,
    level: logLevel(item.title),
    at: normaliseIso(item.creationTime),
    endedAt: normaliseIso(item.endTime),
  };
}

export function veeamEvent(e: RestoreSessionEvent): LogItem {
  const status = e.status.toLowerCase();
  return {
    id: e.id,
    title: e.message ? `${e.title}: ${e.message}` : e.title,
    level:
      status === 'failed'
        ? 'error'
        : status === 'warning'
          ? 'warning'
          : status === 'success'
            ? 'success'
            : 'info',
    at: normaliseIso(e.startTime),
    endedAt: normaliseIso(e.endTime),
  };
}

export function veeamRestoreSession(connectionId: string, s: WireRestoreSession): RestoreSession {
  const jobId = linkId(s._links, 'job');
  const state = restoreSessionState(s.state, s.result);
  return {
    connectionId,
    kind: 'restore-session',
    id: s.id,
    parentId: jobId,
    parentName: s.name,
    machineName: null,
    state,
    vendorState: s.result && s.state === 'Stopped' ? `${s.state} (${s.result})` : s.state,
    startedAt: normaliseIso(s.creationTime),
    endedAt: normaliseIso(s.endTime),
    updatedAt: normaliseIso(s.endTime ?? s.creationTime),
    progress: emptyProgress(),
    errorCount: s.result === 'Failed' ? 1 : 0,
    reason: s.details || null,
    restorable: null,
    encrypted: null,
    initiatedBy: s.initiatedBy ?? null,
    sessionType: s.type,
    organizationName: s.organization,
    result: s.result ?? null,
  };
}

export function veeamOrganization(connectionId: string, o: WireOrganization): Organization {
  return {
    connectionId,
    id: o.id,
    name: o.name,
    type: o.type,
    region: o.region ?? '',
    firstBackupAt: normaliseIso(o.firstBackuptime),
    lastBackupAt: normaliseIso(o.lastBackuptime),
  };
}
