import type { TargetKind } from './domain';

/**
 * What a dialect can do (each plug-in states its own); the UI offers only what both the role and the
 * dialect allow, and pages branch on these, never on the dialect's name.
 */
export interface Capabilities {
  /**
   * The dialect's backup targets (`BackupTarget`) and the vendor's word for them, which names the page
   * that lists them: configurations (Configurations page), jobs (Jobs page); null when it has none.
   */
  targets: TargetKind | null;
  startBackup: boolean;
  stopBackup: boolean;
  enableDisable: boolean;
  restores: boolean;
  restoreSessions: boolean;
  /** Browse inside a restore session and restore, save or send what it holds. */
  restoreSessionContent: boolean;
  wakeAgents: boolean;
  /** Runs report bytes/files counters (v2), percent and rates (Veeam), or only states (v1). */
  progress: 'counters' | 'percent' | 'state-only';
  /** The lists of newest runs the dialect has, each polled on its own (see `RunFeed`). */
  runFeeds: readonly RunFeed[];
}

/**
 * A list of a connection's newest runs, read in one request: v1.0's activity (backups and restores),
 * v2's backups and restores, Veeam's job sessions and restore sessions. Each is polled at its own
 * pace, fast only while it has something in flight.
 */
export type RunFeed = 'activity' | 'backups' | 'restores' | 'job-sessions' | 'restore-sessions';

/** The console's lists of a connection's resources, each shown for the connections that have it. */
export type ListArea = 'configurations' | 'jobs' | 'restores' | 'restoreSessions';

const TARGET_AREA: Record<TargetKind, ListArea> = { configuration: 'configurations', job: 'jobs' };

/** Whether a connection with these capabilities shows in a list (the Jobs page lists targets that are jobs). */
export function hasArea(capabilities: Capabilities, area: ListArea): boolean {
  if (area === 'restores' || area === 'restoreSessions') return capabilities[area];
  return capabilities.targets !== null && TARGET_AREA[capabilities.targets] === area;
}
