import { unsupported } from './api-error';
import type { Capabilities } from './capabilities';
import type { Connection } from './domain';
import type { AdapterProvider } from './provider';

/**
 * What a dialect does not have: empty lists for reads, 'unsupported' for commands. Adapters spread it
 * and override what they can do, so every provider has every method.
 */
export function baseProvider(connection: Connection, capabilities: Capabilities): AdapterProvider {
  const none = <T>() => Promise.resolve<T[]>([]);
  const cannot = (what: string) => () => Promise.reject(unsupported(connection.dialect, what));
  return {
    connection,
    capabilities,
    listTargets: none,
    getTarget: cannot('show backup targets'),
    listTargetRuns: none,
    listRuns: none,
    getBackup: cannot('show backups'),
    getBackupRun: cannot('show backups'),
    listLogItems: none,
    listRestores: none,
    getRestore: cannot('show restores'),
    listRestorePoints: none,
    listAgents: none,
    listOrganizations: none,
    listRestoreSessions: none,
    getRestoreSession: cannot('show restore sessions'),
    listRestoreSessionEvents: none,
    getSessionContent: cannot('browse a restore session'),
    listContentNodes: none,
    getContentNode: cannot('browse a restore session'),
    listContentItems: () => Promise.resolve({ items: [], next: null }),
    getContentItem: cannot('browse a restore session'),
    contentActions: none,
    runContentAction: cannot('restore from a restore session'),
    startBackup: cannot('start a backup'),
    stopBackup: cannot('stop a backup'),
    setEnabled: cannot('enable or disable'),
    createRestore: cannot('create a restore'),
    startRestore: cannot('start a restore'),
    stopRestore: cannot('stop a restore'),
    explore: cannot('open a restore session'),
    stopRestoreSession: cannot('stop a restore session'),
    wakeAgents: cannot('wake agents'),
  };
}
