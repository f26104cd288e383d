/**
 * The vendor-neutral types the UI sees. Adapters map each dialect's wire objects to these; nothing
 * outside src/api knows a wire format.
 */

/** The name of a registered dialect (api/dialects.ts); config.json is checked against the registry. */
export type Dialect = string;

export type { Role } from './contract/roles';

/** One vendor-neutral set of run states; `vendorState` keeps the vendor's own word for display. */
export type RunState =
  'queued' | 'running' | 'stopping' | 'succeeded' | 'warning' | 'failed' | 'stopped' | 'skipped' | 'missed';

export const IN_FLIGHT_STATES: readonly RunState[] = ['queued', 'running', 'stopping'];

/** Every RunState, in the order of a run's life (for filters and legends). */
export const RUN_STATES: readonly RunState[] = [
  'queued',
  'running',
  'stopping',
  'succeeded',
  'warning',
  'failed',
  'stopped',
  'skipped',
  'missed',
];

export function isInFlight(state: RunState): boolean {
  return IN_FLIGHT_STATES.includes(state);
}

/** A connection from the runtime config (public/config.json). */
export interface Connection {
  id: string;
  label: string;
  dialect: Dialect;
  /** Veeam: the /v5 root. Rackspace: filled in from the service catalog after sign-in. */
  baseUrl?: string;
  /** Rackspace: the Identity v2.0 root. */
  identityUrl?: string;
  /** Rackspace: the region whose `rax:backup` endpoint to use. */
  region?: string;
  /**
   * Console mode: each person signs in to this connection with their own vendor account, through the
   * console server, which keeps their vendor token (`"signIn": "per-person"` of config.json).
   */
  personal?: boolean;
}

export interface Schedule {
  /** People's words, in the schedule's own zone: "Daily at 2:00 AM", "Every 4 hours", "Manually". */
  description: string;
  /** The clock the schedule's times are read on; null when the vendor tells nothing of it. */
  zone: ScheduleZone | null;
  manual: boolean;
}

/** The time zone a schedule runs in, as far as the vendor tells it. */
export interface ScheduleZone {
  /**
   * The zone as the vendor names it (v1.0 a Windows name, "Eastern Standard Time"; v2 an IANA name,
   * "America/Chicago"), or whose clock it is when the vendor names no zone ("Veeam server time").
   */
  name: string;
  /** The IANA zone, when known: its UTC offset at a given time follows from it. */
  iana: string | null;
  /** When no IANA zone is known: the UTC offset in minutes that the vendor's answer shows, if any. */
  offsetMinutes: number | null;
}

export interface RunError {
  path: string | null;
  type: string;
  description: string;
}

export interface RunProgress {
  /** 0..100 when known. */
  percent: number | null;
  filesSearched: number | null;
  filesDone: number | null;
  bytesSearched: number | null;
  bytesDone: number | null;
  /** Bytes per second. */
  rateBps: number | null;
  itemsPerSecond: number | null;
  /** Estimated seconds left, when it can be told. */
  etaSeconds: number | null;
}

export type RunKind = 'backup' | 'restore' | 'job-session' | 'restore-session';

/** A backup (Rackspace) or job session (Veeam), or a restore / restore session, as one shape. */
export interface Run {
  connectionId: string;
  kind: RunKind;
  id: string;
  /** The target (configuration or job) it belongs to. */
  parentId: string | null;
  parentName: string;
  machineName: string | null;
  state: RunState;
  vendorState: string;
  startedAt: string | null;
  endedAt: string | null;
  /** ISO time of the last state change when the vendor gives one. */
  updatedAt: string | null;
  progress: RunProgress;
  errorCount: number;
  reason: string | null;
  restorable: boolean | null;
  encrypted: boolean | null;
  initiatedBy: string | null;
  /**
   * Known from an activity list only (state and last change, no times or counters): the run's own
   * answer (`BackupProvider.getBackupRun`) tells the rest.
   */
  partial?: boolean;
}

/**
 * The vendor's word for what it backs up on a schedule: a Rackspace backup configuration, a Veeam
 * job. For display and routing only; what a connection has is told by `capabilities.targets`.
 */
export type TargetKind = 'configuration' | 'job';

/** A target's last (or current) run as the target's own answer tells it, or the run feeds laid over it. */
export interface LastRun {
  /** null when the vendor names no run (Veeam tells only the last status and time). */
  id: string | null;
  state: RunState;
  vendorState: string;
  at: string | null;
}

/**
 * What is backed up on a schedule, whatever the dialect: one normalised shape. A field a dialect has
 * no word for is null (or '' for text); what only some dialects have is an optional extra, as on `Run`.
 */
export interface BackupTarget {
  connectionId: string;
  kind: TargetKind;
  id: string;
  name: string;
  /** The vendor's free text about it; '' when none. */
  description: string;
  /** What it backs up, in the vendor's word (Veeam's backup type); null when the dialect has one kind. */
  type: string | null;
  enabled: boolean;
  schedule: Schedule;
  lastRun: LastRun | null;
  nextRunAt: string | null;
  /** The run in flight right now, if the list answer (or the feed laid over it) says. */
  currentRunId: string | null;
  /** The machine it backs up (Rackspace: the agent's). */
  machine: { agentId: string; name: string } | null;
  /** The tenant it backs up (Veeam: the organization; its name '' when not known). */
  organization: { id: string | null; name: string } | null;
  /** Whether its backups are encrypted; null when the dialect does not tell. */
  encrypted: boolean | null;
  region: string | null;
  /* Dialect extras (Rackspace configurations): what the target's own answer adds. */
  /** Days its backups are kept (0: forever); null when not told. */
  retentionDays?: number | null;
  inclusions?: string[];
  exclusions?: string[];
}

export interface Agent {
  connectionId: string;
  id: string;
  name: string;
  online: boolean;
  enabled: boolean;
  encrypted: boolean;
  os: string;
  region: string | null;
  version: string;
  lastBackupAt: string | null;
}

export interface Organization {
  connectionId: string;
  id: string;
  name: string;
  type: string;
  region: string;
  firstBackupAt: string | null;
  lastBackupAt: string | null;
}

/** A restore point offered by the restore wizard. */
export interface RestorePoint {
  backupId: string;
  configurationId: string;
  configurationName: string;
  agentId: string;
  machineName: string;
  completedAt: string | null;
  encrypted: boolean;
}

export interface RestoreInput {
  backupId: string;
  sourceAgentId: string;
  destinationAgentId: string;
  /** null = the original place. */
  destinationPath: string | null;
  overwrite: boolean;
}

export type ExploreType = 'vex' | 'vesp' | 'veod' | 'vet';

export interface ExploreInput {
  jobId: string;
  /** ISO-8601 point in time. */
  pointInTime: string;
  type: ExploreType;
  showDeleted: boolean;
  showAllVersions: boolean;
}

export interface LogItem {
  id: string;
  title: string;
  /** success / warning / error / info, read from the title or type. */
  level: 'info' | 'success' | 'warning' | 'error';
  at: string | null;
  endedAt: string | null;
}

/* Added by the API module (additive): richer shapes of some runs, and the overview summary. */

/** A run with its error list, as the run's report gives it. */
export interface RunDetail extends Run {
  errors: RunError[];
  diagnostics: string | null;
  durationSeconds: number | null;
}

/** A Rackspace restore: a run plus where it goes. */
export interface Restore extends RunDetail {
  backupId: string;
  sourceAgentId: string | null;
  /** The machine whose backup it restores, when known. */
  sourceMachineName: string | null;
  destinationAgentId: string;
  destinationMachineName: string | null;
  /** null = the original place; undefined = not known (a v1.0 list entry whose restore was not read). */
  destinationPath: string | null | undefined;
  overwrite: boolean;
  /**
   * Rackspace v1.0 creates a restore (state Creating) and starts it in a second call: true while it is
   * created and nobody started it, so that it can still be started. Always false on v2 (its create starts).
   */
  draft: boolean;
}

/** A Veeam restore session (explore): a run plus its type and organization. */
export interface RestoreSession extends Run {
  /** The Veeam Explorer: Vex, Vesp, Veod, Vet. */
  sessionType: string;
  organizationName: string;
  /** Success / Warning / Failed once it has ended. */
  result: string | null;
}

/** Credentials of one sign-in form: a password, or (Rackspace only) an API key. */
export interface Credentials {
  username: string;
  password?: string;
  apiKey?: string;
}
