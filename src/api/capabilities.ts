import type { Dialect } from './domain';

/** What a dialect can do; the UI offers only what both the role and the dialect allow. */
export interface Capabilities {
  configurations: boolean;
  jobs: boolean;
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

const RACKSPACE_V1: Capabilities = {
  configurations: true,
  jobs: false,
  startBackup: true,
  stopBackup: true,
  enableDisable: true,
  restores: true,
  restoreSessions: false,
  restoreSessionContent: false,
  wakeAgents: true,
  progress: 'state-only',
  runFeeds: ['activity'],
};

/**
 * What each dialect can do. It lives apart from the adapters (and their zod wire schemas) because the
 * shell reads it synchronously on the first page, before any adapter is loaded.
 */
export const DIALECT_CAPABILITIES: Record<Dialect, Capabilities> = {
  'rackspace-v1': RACKSPACE_V1,
  // v2 has no user call to wake agents (v1.0's /user/wakeupagents); its agents poll on their own.
  'rackspace-v2': {
    ...RACKSPACE_V1,
    wakeAgents: false,
    progress: 'counters',
    runFeeds: ['backups', 'restores'],
  },
  'veeam-v5': {
    ...RACKSPACE_V1,
    configurations: false,
    jobs: true,
    restores: false,
    restoreSessions: true,
    restoreSessionContent: true,
    wakeAgents: false,
    progress: 'percent',
    runFeeds: ['job-sessions', 'restore-sessions'],
  },
};
