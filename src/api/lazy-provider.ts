import type { Connection } from './domain';
import type { AdapterProvider, BackupProvider } from './provider';
import { newestFirst } from './run-parts';

/**
 * `load` run on the first call and its promise shared by every call after; one that failed (a chunk
 * that did not arrive) is run again at the next call, since it may arrive then.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    }));
}

/**
 * A provider whose connection and capabilities are there at once and whose calls load the adapter the
 * first time one is made. Every method is spelt out so that the compiler checks each signature.
 */
export function lazyProvider(
  connection: Connection,
  capabilities: BackupProvider['capabilities'],
  load: () => Promise<AdapterProvider>,
): BackupProvider {
  const adapter = loadOnce(load);
  return {
    connection,
    capabilities,
    listTargets: async (o) => (await adapter()).listTargets(o),
    getTarget: async (id, o) => (await adapter()).getTarget(id, o),
    listTargetRuns: async (id, o) => (await adapter()).listTargetRuns(id, o),
    listRuns: async (feed, o) => (await adapter()).listRuns(feed, o),
    listActivity: async (o) => {
      const a = await adapter();
      const feeds = await Promise.all(capabilities.runFeeds.map((feed) => a.listRuns(feed, o)));
      return newestFirst(feeds.flat());
    },
    getBackup: async (id, o) => (await adapter()).getBackup(id, o),
    getBackupRun: async (id, o) => (await adapter()).getBackupRun(id, o),
    listLogItems: async (id, o) => (await adapter()).listLogItems(id, o),
    listRestores: async (o) => (await adapter()).listRestores(o),
    getRestore: async (id, o) => (await adapter()).getRestore(id, o),
    listRestorePoints: async (id, o) => (await adapter()).listRestorePoints(id, o),
    listAgents: async (o) => (await adapter()).listAgents(o),
    listOrganizations: async (o) => (await adapter()).listOrganizations(o),
    listRestoreSessions: async (o) => (await adapter()).listRestoreSessions(o),
    getRestoreSession: async (id, o) => (await adapter()).getRestoreSession(id, o),
    listRestoreSessionEvents: async (id, o) => (await adapter()).listRestoreSessionEvents(id, o),
    getSessionContent: async (id, o) => (await adapter()).getSessionContent(id, o),
    listContentNodes: async (id, parentId, o) => (await adapter()).listContentNodes(id, parentId, o),
    getContentNode: async (id, nodeId, o) => (await adapter()).getContentNode(id, nodeId, o),
    listContentItems: async (id, nodeId, page, o) => (await adapter()).listContentItems(id, nodeId, page, o),
    getContentItem: async (id, nodeId, itemId, o) => (await adapter()).getContentItem(id, nodeId, itemId, o),
    contentActions: async (kind) => (await adapter()).contentActions(kind),
    runContentAction: async (id, input) => (await adapter()).runContentAction(id, input),
    startBackup: async (id) => (await adapter()).startBackup(id),
    stopBackup: async (target) => (await adapter()).stopBackup(target),
    setEnabled: async (id, enabled) => (await adapter()).setEnabled(id, enabled),
    createRestore: async (input, options) => (await adapter()).createRestore(input, options),
    startRestore: async (id, password) => (await adapter()).startRestore(id, password),
    stopRestore: async (id) => (await adapter()).stopRestore(id),
    explore: async (input) => (await adapter()).explore(input),
    stopRestoreSession: async (id) => (await adapter()).stopRestoreSession(id),
    wakeAgents: async () => (await adapter()).wakeAgents(),
  };
}
