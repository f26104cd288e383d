import { ApiError, noBackupRunning } from '../api-error';
import { baseProvider } from '../base-provider';
import type { Capabilities } from '../capabilities';
import type { Connection, RestoreInput, Run } from '../domain';
import { isInFlight } from '../domain';
import type { HttpClient } from '../http';
import { path } from '../http';
import type { AdapterProvider, ReadOptions } from '../provider';
import { newestFirst } from '../run-parts';
import { activityRun, completedRun, iso, v1Agent, v1Configuration, v1RestorePoint, v1State } from './map';
import { reportProgress, restoreFromActivity, v1Backup, v1Restore } from './reports';
import { runStarts } from './run-starts';
import {
  activityListSchema,
  agentListSchema,
  agentSchema,
  availableForRestoreListSchema,
  backupConfigurationListSchema,
  backupConfigurationSchema,
  backupDetailSchema,
  backupReportSchema,
  completedBackupListSchema,
  fromMsDate,
  restoreReportSchema,
  restoreSchema,
  startBackupAnswerSchema,
} from './wire';
import type { Activity, Restore as WireRestore } from './wire';

/** Agents whose live status is asked for one by one (the wizard's destination list). */
const AGENT_STATUS_LIMIT = 50;

/** Restores a list reads at most for their destination (the rest are read by the next lists). */
const RESTORE_READS = 20;

/** How many configurations' backups a restore-point list without a configuration reads. */
export const RESTORE_POINT_CONFIGURATIONS = 25;

/** v1.0 ids are whole numbers; anything else cannot exist there (404 rather than a bad URL). */
function num(id: string): number {
  if (/^\d{1,15}$/.test(id)) return Number(id);
  throw new ApiError({
    kind: 'http',
    status: 404,
    code: 'not-found',
    message: `Not found: "${id}" is not a Rackspace v1.0 id.`,
  });
}

/** Rackspace Cloud Backup v1.0 (docs/dialects/rackspace-v1.md) behind the BackupProvider interface. */
export function createRackspaceV1Provider(
  connection: Connection,
  http: HttpClient,
  capabilities: Capabilities,
): AdapterProvider {
  const cid = connection.id;
  const region = connection.region ?? null;
  const get = <S extends Parameters<HttpClient['request']>[1]>(path: string, schema: S, o?: ReadOptions) =>
    http.request({ method: 'GET', path, signal: o?.signal }, schema);
  /** A report exists only once a run has one; 404 means "not yet". */
  const optional = <T>(p: Promise<T>) =>
    p.catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    });

  // The activity list answers several reads of one tick (configurations, activity, the Overview):
  // callers at the same moment share one request.
  let pending: Promise<Activity[]> | null = null;
  const rawActivity = (o?: ReadOptions): Promise<Activity[]> => {
    pending ??= get('/activity', activityListSchema, o).finally(() => {
      pending = null;
    });
    return pending;
  };
  const backupReport = (id: number, o?: ReadOptions) =>
    optional(get(`/backup/report/${id}`, backupReportSchema, o));
  const reportOf = (a: Activity, o?: ReadOptions) =>
    a.Type === 'Restore'
      ? optional(get(`/restore/report/${a.ID}`, restoreReportSchema, o))
      : backupReport(a.BackupId || a.ID, o);
  const starts = runStarts(async (a, o) => iso((await reportOf(a, o))?.StartTime));

  // Runs only: cleanups are not the console's, and a restore still being created (a draft, shown on
  // the Restores page) has not run.
  const runsOf = async (list: Activity[], o?: ReadOptions): Promise<Run[]> => {
    const startOf = await starts.fill(list, o);
    return newestFirst(
      list
        .filter((a) => a.Type !== 'Cleanup' && !(a.Type === 'Restore' && a.CurrentState === 'Creating'))
        .map((a) => activityRun(cid, a, startOf(a))),
    );
  };
  const activity = async (o?: ReadOptions) => runsOf(await rawActivity(o), o);

  const restoreAnswers = new Map<number, WireRestore>();

  const provider: AdapterProvider = {
    ...baseProvider(connection, capabilities),

    async listTargets(o) {
      const configs = await get('/backup-configuration', backupConfigurationListSchema, o);
      return configs.filter((c) => !c.IsDeleted).map((c) => v1Configuration(cid, c, region));
    },
    async getTarget(id, o) {
      const config = await get(`/backup-configuration/${num(id)}`, backupConfigurationSchema, o);
      return v1Configuration(cid, config, region);
    },
    async listTargetRuns(configurationId, o) {
      const [completed, list] = await Promise.all([
        get(`/backup/completed/${num(configurationId)}`, completedBackupListSchema, o),
        rawActivity(o),
      ]);
      // The runs in flight (few) are read from their reports: start, counters and rate move live.
      const inFlight = list
        .filter((a) => a.Type === 'Backup' && String(a.ParentId) === configurationId)
        .filter((a) => isInFlight(v1State(a.CurrentState)))
        .slice(0, 5);
      const reports = new Map(
        await Promise.all(
          inFlight.map(async (a) => {
            const report = await backupReport(a.BackupId || a.ID, o);
            starts.learn(a, iso(report?.StartTime));
            return [String(a.BackupId || a.ID), report] as const;
          }),
        ),
      );
      const mine = (await runsOf(list, o))
        .filter((r) => r.kind === 'backup' && r.parentId === configurationId)
        .map((r) => (reports.has(r.id) ? { ...r, ...reportProgress(reports.get(r.id) ?? null) } : r));
      const stateOf = new Map(mine.map((r) => [r.id, r.vendorState]));
      const done = completed.map((b) => completedRun(cid, b, stateOf.get(String(b.BackupId)) ?? null));
      const doneIds = new Set(done.map((r) => r.id));
      // Runs in flight (and ended ones the completed list leaves out, e.g. failed or missed) come
      // from the activity list.
      return newestFirst([...mine.filter((r) => !doneIds.has(r.id)), ...done]);
    },
    async getBackup(backupId, o) {
      const [detail, report] = await Promise.all([
        get(`/backup/${num(backupId)}`, backupDetailSchema, o),
        backupReport(num(backupId), o),
      ]);
      return v1Backup(cid, detail, report);
    },
    listRuns: (feed, o) => (feed === 'activity' ? activity(o) : Promise.resolve([])),

    async listRestores(o) {
      const list = (await rawActivity(o)).filter((a) => a.Type === 'Restore');
      // Where a restore goes is set when it is created: each is read once, a few per list.
      const unread = list.filter((a) => !restoreAnswers.has(a.ID)).slice(0, RESTORE_READS);
      await Promise.all(
        unread.map((a) =>
          get(`/restore/${a.ID}`, restoreSchema, o).then(
            (r) => void restoreAnswers.set(a.ID, r),
            () => undefined,
          ),
        ),
      );
      return newestFirst(
        list.map((a) => restoreFromActivity(activityRun(cid, a), a, restoreAnswers.get(a.ID) ?? null)),
      );
    },
    async getRestore(id, o) {
      const [restore, report] = await Promise.all([
        get(`/restore/${num(id)}`, restoreSchema, o),
        optional(get(`/restore/report/${num(id)}`, restoreReportSchema, o)),
      ]);
      return v1Restore(cid, restore, report);
    },
    async listRestorePoints(configurationId, o) {
      const available = await get('/backup/availableforrestore', availableForRestoreListSchema, o);
      // v1.0 lists a configuration's backups one configuration at a time: without one, only the
      // most recently backed-up configurations are read, so that a large account costs few requests.
      const configs = available
        .filter((a) => configurationId === null || String(a.BackupConfigurationId) === configurationId)
        .sort(
          (a, b) =>
            (fromMsDate(b.LastSuccessfulBackupTime) ?? 0) - (fromMsDate(a.LastSuccessfulBackupTime) ?? 0),
        )
        .slice(0, RESTORE_POINT_CONFIGURATIONS);
      const lists = await Promise.all(
        configs.map(async (a) => {
          const completed = await get(
            path`/backup/completed/${a.BackupConfigurationId}`,
            completedBackupListSchema,
            o,
          );
          return completed.map((b) => v1RestorePoint(b, a.IsEncrypted));
        }),
      );
      return lists.flat().sort((a, b) => Date.parse(b.completedAt ?? '') - Date.parse(a.completedAt ?? ''));
    },
    async listAgents(o) {
      const agents = await get('/user/agents', agentListSchema, o);
      // The list always says Offline (docs/dialects/rackspace-v1.md); each agent's own answer tells the truth.
      const live = await Promise.all(
        agents
          .slice(0, AGENT_STATUS_LIMIT)
          .map((a) => get(path`/agent/${a.MachineAgentId}`, agentSchema, o).catch(() => a)),
      );
      return [...live, ...agents.slice(AGENT_STATUS_LIMIT)].map((a) => v1Agent(cid, a));
    },

    async startBackup(configurationId) {
      const body = { Action: 'StartManual', Id: num(configurationId) };
      const runId = await http.request(
        { method: 'POST', path: '/backup/action-requested', json: body },
        startBackupAnswerSchema,
      );
      return { runId: String(runId) };
    },
    async stopBackup({ targetId, runId }) {
      const id = runId ?? (await activity()).find((r) => r.parentId === targetId && isInFlight(r.state))?.id;
      if (!id) throw noBackupRunning(cid);
      await http.send({
        method: 'POST',
        path: '/backup/action-requested',
        json: { Action: 'StopManual', Id: num(id) },
      });
    },
    async setEnabled(configurationId, enabled) {
      await http.send({
        method: 'POST',
        path: `/backup-configuration/enable/${num(configurationId)}`,
        json: { Enable: enabled },
      });
    },
    async createRestore(input: RestoreInput, { start, password }) {
      const created = await http.request(
        {
          method: 'PUT',
          path: '/restore',
          json: {
            BackupId: num(input.backupId),
            BackupMachineId: num(input.sourceAgentId),
            DestinationMachineId: num(input.destinationAgentId),
            DestinationPath: input.destinationPath ?? '',
            OverwriteFiles: input.overwrite,
          },
        },
        restoreSchema,
      );
      // Without `start` the restore stays a draft (Creating) and no password is sent: the wizard starts
      // it next with startRestore, so that a refused start (a wrong vault password) keeps the draft's id.
      if (start) await provider.startRestore(String(created.RestoreId), password);
      return provider.getRestore(String(created.RestoreId));
    },
    async startRestore(restoreId, password) {
      const body: Record<string, unknown> = { Action: 'StartManual', Id: num(restoreId) };
      if (password) body.EncryptedPassword = password;
      await http.send({ method: 'POST', path: '/restore/action-requested', json: body });
    },
    async stopRestore(restoreId) {
      await http.send({
        method: 'POST',
        path: '/restore/action-requested',
        json: { Action: 'StopManual', Id: num(restoreId) },
      });
    },
    async wakeAgents() {
      await http.send({ method: 'POST', path: '/user/wakeupagents' });
    },
  };
  return provider;
}
