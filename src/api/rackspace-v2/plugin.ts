import { RACKSPACE_V2_ERROR } from '../contract/error-forms';
import { RACKSPACE_V2 } from '../contract/apis';
import { rackspaceDialect } from '../rackspace-identity/plugin';
import { rackspaceV1 } from '../rackspace-v1/plugin';

/** Rackspace Cloud Backup v2: as v1.0, with byte counters on runs and separate backup and restore feeds. */
export const rackspaceV2 = rackspaceDialect({
  name: 'rackspace-v2',
  label: 'Rackspace Cloud Backup v2',
  version: 'v2',
  api: RACKSPACE_V2,
  capabilities: {
    ...rackspaceV1.capabilities,
    // v2 has no user call to wake agents (v1.0's /user/wakeupagents); its agents poll on their own.
    wakeAgents: false,
    progress: 'counters',
    runFeeds: ['backups', 'restores'],
  },
  errorForms: [RACKSPACE_V2_ERROR],
  loadAdapter: () => import('./adapter').then((m) => m.createRackspaceV2Provider),
  overviewReads: [
    { path: '/backups?sort_dir=desc&limit=200', pace: 'feed' },
    { path: '/restores?sort_dir=desc&limit=200', pace: 'feed' },
    { path: '/configurations?limit=1000', pace: 'idle' },
    { path: '/agents?limit=1000', pace: 'keep' },
  ],
});
