import type { Capabilities, Dialect } from './domain';

const RACKSPACE_V1: Capabilities = {
  configurations: true,
  jobs: false,
  startBackup: true,
  stopBackup: true,
  enableDisable: true,
  restores: true,
  restoreSessions: false,
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
    wakeAgents: false,
    progress: 'percent',
    runFeeds: ['job-sessions', 'restore-sessions'],
  },
};
