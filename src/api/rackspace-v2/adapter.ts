import { noBackupRunning } from '../api-error';
import { baseProvider } from '../base-provider';
import type { Capabilities } from '../capabilities';
import type { Connection, Run } from '../domain';
import { isInFlight } from '../domain';
import type { HttpClient } from '../http';
import { path } from '../http';
import type { AdapterProvider, ReadOptions } from '../provider';
import { directory, newestFirst } from '../run-parts';
import { ACTIVITY_LIMIT, FEED_QUERY, v2Lookups } from './lookups';
import { v2Backup, v2Configuration, v2Restore, v2RestorePoint, withErrors } from './map';
import { readAll } from './pages';
import {
  agentStatusSchema,
  backupListSchema,
  backupSchema,
  configurationSchema,
  enablePatch,
  restoreListSchema,
  restoreSchema,
  STOP_PATCH,
} from './wire';

/** Agents whose online status is asked for one by one. */
const AGENT_STATUS_LIMIT = 50;

const hex = (text: string) =>
  Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');

/** Rackspace Cloud Backup v2 (docs/dialects/rackspace-v2.md) behind the BackupProvider interface. */
export function createRackspaceV2Provider(
  connection: Connection,
  http: HttpClient,
  capabilities: Capabilities,
): AdapterProvider {
  const cid = connection.id;
  const region = connection.region ?? null;

  const lookups = v2Lookups(http, cid, region);
  const { get, names, agentNames, remember, backupsFeed, restoreNames, activities, errorsOf, backupOf } =
    lookups;
  const agents = (o?: ReadOptions) => directory(o, 'agents', lookups.agents);

  const provider: AdapterProvider = {
    ...baseProvider(connection, capabilities),

    listTargets: lookups.configurations,
    async getTarget(id, o) {
      const [config, agentsById] = await Promise.all([
        get(path`/configurations/${id}`, configurationSchema, o),
        agentNames(o),
      ]);
      return v2Configuration(cid, config, { configurations: new Map(), agents: agentsById }, region);
    },
    async listTargetRuns(configurationId, o) {
      const [runs, restorable, n] = await Promise.all([
        activities(o, path`/configurations/${configurationId}/activities`),
        readAll(http, '/backups', backupListSchema, (p) => p.backups, {
          ...o,
          query: { restorable: true, configuration_id: configurationId },
        }),
        names(o),
      ]);
      remember(restorable, o);
      const full = new Map(restorable.map((b) => [b.id, v2Backup(cid, b, n)]));
      // Counters of the runs in flight (few) come from their own answers; the ended ones that are not
      // restorable stay `partial` (the backups list finds them only with restorable=true) and are read
      // one by one, once, by the page (configurationQueries.endedBackup), since they no longer change.
      const live = await Promise.all(
        runs
          .filter((r) => r.kind === 'backup' && !full.has(r.id) && isInFlight(r.state))
          .slice(0, 5)
          .map((r) => backupOf(r.id, n, o)),
      );
      for (const b of live) full.set(b.id, b);
      const merged: Run[] = runs.filter((r) => r.kind === 'backup').map((r) => full.get(r.id) ?? r);
      for (const b of full.values()) if (!merged.some((r) => r.id === b.id)) merged.push(b);
      return newestFirst(merged);
    },
    async getBackup(backupId, o) {
      const n = await names(o);
      const [b, errors] = await Promise.all([backupOf(backupId, n, o), errorsOf('backups', backupId, o)]);
      return withErrors(b, errors);
    },
    async getBackupRun(backupId, o) {
      return backupOf(backupId, await names(o), o);
    },
    async listRuns(feed, o) {
      if (feed === 'backups') {
        const [backups, n] = await Promise.all([backupsFeed(o), names(o)]);
        return newestFirst(backups.map((b) => v2Backup(cid, b, n)));
      }
      if (feed === 'restores') {
        const restores = await readAll(http, '/restores', restoreListSchema, (p) => p.restores, {
          ...o,
          query: FEED_QUERY,
          max: ACTIVITY_LIMIT,
        });
        const rn = await restoreNames(restores, o);
        return newestFirst(restores.map((r) => v2Restore(cid, r, rn)));
      }
      return [];
    },

    async listRestores(o) {
      const list = await readAll(http, '/restores', restoreListSchema, (p) => p.restores, {
        ...o,
        query: { sort_dir: 'desc' },
      });
      const n = await restoreNames(list, o);
      return newestFirst(list.map((r) => v2Restore(cid, r, n)));
    },
    async getRestore(id, o) {
      const [r, errors] = await Promise.all([
        get(path`/restores/${id}`, restoreSchema, o),
        errorsOf('restores', id, o),
      ]);
      const restore = v2Restore(cid, r, await restoreNames([r], o));
      return { ...restore, ...withErrors(restore, errors) };
    },
    async listRestorePoints(configurationId, o) {
      const query: Record<string, string | boolean> = { restorable: true };
      if (configurationId) query.configuration_id = configurationId;
      const [backups, n, as] = await Promise.all([
        readAll(http, '/backups', backupListSchema, (p) => p.backups, { ...o, query }),
        names(o),
        agents(o),
      ]);
      const encrypted = new Map(as.map((a) => [a.id, a.encrypted]));
      remember(backups, o);
      return backups.map((b) => v2RestorePoint(b, n, encrypted.get(b.agent.id) ?? false));
    },
    async listAgents(o) {
      const list = await agents(o);
      // Online/busy is a resource of its own; asked for the first agents only (the wizard's list).
      const online = await Promise.all(
        list.map((a, i) =>
          i < AGENT_STATUS_LIMIT
            ? get(path`/agents/${a.id}/status`, agentStatusSchema, o).then(
                (s) => s.online,
                () => null,
              )
            : Promise.resolve(null),
        ),
      );
      return list.map((a, i) => ({ ...a, online: online[i] ?? false }));
    },

    async startBackup(configurationId) {
      const b = await http.request(
        {
          method: 'POST',
          path: '/backups',
          json: { configuration_id: configurationId, state: 'start_requested' },
        },
        backupSchema,
      );
      return { runId: b.id };
    },
    async stopBackup({ targetId, runId }) {
      const id =
        runId ??
        (await activities(undefined, path`/configurations/${targetId}/activities`)).find(
          (r) => r.kind === 'backup' && isInFlight(r.state),
        )?.id;
      if (!id) throw noBackupRunning(cid);
      await http.send({ method: 'PATCH', path: path`/backups/${id}`, patch: STOP_PATCH });
    },
    async setEnabled(configurationId, enabled) {
      await http.send({
        method: 'PATCH',
        path: path`/configurations/${configurationId}`,
        patch: enablePatch(enabled),
      });
    },
    async createRestore(input, { password }) {
      // v2 has no draft restores: creating one starts it, so the password goes with the create call.
      const r = await http.request(
        {
          method: 'POST',
          path: '/restores',
          json: {
            backup_id: input.backupId,
            destination_agent_id: input.destinationAgentId,
            destination_path: input.destinationPath,
            overwrite_files: input.overwrite,
            ...(password ? { encrypted_password_hex: hex(password) } : {}),
          },
        },
        restoreSchema,
      );
      return v2Restore(cid, r, await restoreNames([r]));
    },
    async stopRestore(restoreId) {
      await http.send({ method: 'PATCH', path: path`/restores/${restoreId}`, patch: STOP_PATCH });
    },
  };
  return provider;
}
