import { ApiError } from '../api-error';
import { baseProvider } from '../base-provider';
import type { Capabilities } from '../capabilities';
import type { BackupTarget, Connection, Organization } from '../domain';
import type { HttpClient } from '../http';
import { path } from '../http';
import { loadOnce } from '../lazy-provider';
import type { AdapterProvider, ReadOptions } from '../provider';
import { directory, namesOf, newestFirst } from '../run-parts';
import {
  veeamEvent,
  veeamJob,
  veeamJobSession,
  veeamLogItem,
  veeamOrganization,
  veeamRestoreSession,
} from './map';
import {
  formatVeeamDateTime,
  jobListSchema,
  jobSchema,
  jobSessionPageSchema,
  logItemPageSchema,
  organizationListSchema,
  PAGE_MAX_LIMIT,
  restoreSessionEventPageSchema,
  restoreSessionPageSchema,
  restoreSessionSchema,
} from './wire';

/** How many of the newest sessions the activity view reads per tick. */
export const ACTIVITY_LIMIT = 200;

/**
 * How long the jobs' names that sessions refer to are used before the list is read again: half the
 * directory lists' time, since an operator renames jobs more often (what the adapter's memo kept before).
 */
const JOB_NAMES_STALE_MS = 30_000;

/** Veeam Backup for Microsoft 365 REST v5 (docs/dialects/veeam-v5.md) behind the BackupProvider interface. */
export function createVeeamV5Provider(
  connection: Connection,
  http: HttpClient,
  capabilities: Capabilities,
): AdapterProvider {
  const cid = connection.id;
  const get = <S extends Parameters<HttpClient['request']>[1]>(
    path: string,
    schema: S,
    o?: ReadOptions,
    query?: Record<string, number | string>,
  ) => http.request({ method: 'GET', path, signal: o?.signal, query }, schema);
  const action = (path: string, body: unknown) =>
    http.send({ method: 'POST', path, json: body }).then(() => undefined);

  // Jobs name their organization, sessions their job, by id: the names come from the organizations'
  // and the jobs' lists, read through the query layer's lookup (one cache entry each, see ReadOptions).
  const organizations = async (o?: ReadOptions): Promise<Organization[]> => {
    const list = await get('/organizations', organizationListSchema, o);
    return list.map((org) => veeamOrganization(cid, org));
  };
  const orgNames = async (o?: ReadOptions) => namesOf(await directory(o, 'organizations', organizations));
  const jobs = async (o?: ReadOptions): Promise<BackupTarget[]> => {
    const [list, names] = await Promise.all([get('/jobs', jobListSchema, o), orgNames(o)]);
    return list.map((j) => veeamJob(cid, j, names));
  };
  const jobNames = async (o?: ReadOptions) =>
    namesOf(await directory(o, 'targets', jobs, JOB_NAMES_STALE_MS));
  // The restore-session content code loads on first use (./content.ts).
  const contentModule = loadOnce(() => import('./content'));
  const content = loadOnce(async () => (await contentModule()).veeamContentReader(http));

  const provider: AdapterProvider = {
    ...baseProvider(connection, capabilities),

    listTargets: jobs,
    async getTarget(id, o) {
      const [job, names] = await Promise.all([get(path`/jobs/${id}`, jobSchema, o), orgNames(o)]);
      return veeamJob(cid, job, names);
    },
    async listTargetRuns(jobId, o) {
      const [page, names] = await Promise.all([
        get(path`/jobs/${jobId}/jobsessions`, jobSessionPageSchema, o, { limit: ACTIVITY_LIMIT }),
        jobNames(o),
      ]);
      return newestFirst(page.results.map((s) => veeamJobSession(cid, s, names, jobId)));
    },
    async listLogItems(sessionId, o) {
      const page = await get(path`/jobsessions/${sessionId}/logitems`, logItemPageSchema, o, {
        limit: PAGE_MAX_LIMIT,
      });
      return page.results.map(veeamLogItem);
    },
    async listRuns(feed, o) {
      if (feed === 'job-sessions') {
        const [page, names] = await Promise.all([
          get('/jobsessions', jobSessionPageSchema, o, { limit: ACTIVITY_LIMIT }),
          jobNames(o),
        ]);
        return newestFirst(page.results.map((s) => veeamJobSession(cid, s, names)));
      }
      if (feed === 'restore-sessions') {
        const page = await get('/restoresessions', restoreSessionPageSchema, o, { limit: ACTIVITY_LIMIT });
        return newestFirst(page.results.map((s) => veeamRestoreSession(cid, s)));
      }
      return [];
    },

    listOrganizations: organizations,
    async listRestoreSessions(o) {
      const page = await get('/restoresessions', restoreSessionPageSchema, o, { limit: PAGE_MAX_LIMIT });
      return newestFirst(page.results.map((s) => veeamRestoreSession(cid, s)));
    },
    async getRestoreSession(id, o) {
      return veeamRestoreSession(cid, await get(path`/restoresessions/${id}`, restoreSessionSchema, o));
    },
    async listRestoreSessionEvents(sessionId, o) {
      const page = await get(path`/restoresessions/${sessionId}/events`, restoreSessionEventPageSchema, o, {
        limit: PAGE_MAX_LIMIT,
      });
      return [...page.results].sort((a, b) => a.order - b.order).map(veeamEvent);
    },

    async getSessionContent(id, o) {
      const [reading, session] = await Promise.all([content(), provider.getRestoreSession(id, o)]);
      return reading.summary(id, session.sessionType, o);
    },
    listContentNodes: async (id, parentId, o) => (await content()).children(id, parentId, o),
    getContentNode: async (id, nodeId, o) => (await content()).one(id, nodeId, o),
    listContentItems: async (id, nodeId, page, o) => (await content()).items(id, nodeId, page, o),
    getContentItem: async (id, nodeId, itemId, o) => (await content()).item(id, nodeId, itemId, o),
    contentActions: async (kind) => (await contentModule()).contentActionsOf(kind),
    runContentAction: async (id, input) => (await contentModule()).runVeeamContentAction(http, id, input),

    startBackup: (jobId) =>
      action(path`/jobs/${jobId}/action`, { start: null }).then(() => ({ runId: null })),
    stopBackup: ({ targetId }) => action(path`/jobs/${targetId}/action`, { stop: null }),
    setEnabled: (jobId, enabled) =>
      action(path`/jobs/${jobId}/action`, enabled ? { enable: null } : { disable: null }),
    async explore(input) {
      const at = Date.parse(input.pointInTime);
      if (Number.isNaN(at))
        throw new ApiError({
          kind: 'http',
          status: 400,
          code: 'invalid-input',
          message: `The point in time "${input.pointInTime}" is not a date and time.`,
          connectionId: cid,
        });
      const before = Date.now();
      await action(path`/jobs/${input.jobId}/action`, {
        explore: {
          datetime: formatVeeamDateTime(at),
          type: input.type,
          showDeleted: input.showDeleted,
          showAllVersions: input.showAllVersions,
        },
      });
      // The answer is empty (seed 004); the new session is the newest one of this job.
      const sessions = await provider.listRestoreSessions();
      const mine = sessions.find(
        (s) => s.parentId === input.jobId && Date.parse(s.startedAt ?? '') >= before - 60_000,
      );
      return { sessionId: mine?.id ?? null };
    },
    stopRestoreSession: (sessionId) => action(path`/restoresessions/${sessionId}/action`, { stop: null }),
  };
  return provider;
}
