import { RACKSPACE_V1 } from '../contract/apis';
import { rackspaceDialect } from '../rackspace-identity/plugin';

/** Rackspace Cloud Backup v1.0: configurations, agents, backups and restores, one activity feed. */
export const rackspaceV1 = rackspaceDialect({
  name: 'rackspace-v1',
  label: 'Rackspace Cloud Backup v1.0',
  version: 'v1.0',
  api: RACKSPACE_V1,
  capabilities: {
    targets: 'configuration',
    startBackup: true,
    stopBackup: true,
    enableDisable: true,
    restores: true,
    restoreSessions: false,
    restoreSessionContent: false,
    wakeAgents: true,
    progress: 'state-only',
    runFeeds: ['activity'],
  },
  // v1.0 answers in Rackspace's fault form, as Identity does.
  errorForms: [],
  loadAdapter: () => import('./adapter').then((m) => m.createRackspaceV1Provider),
  overviewReads: [
    { path: '/activity', pace: 'feed' },
    { path: '/backup-configuration', pace: 'idle' },
  ],
});
