import { ApiError } from '../api-error';
import { isInFlight } from '../domain';
import type { HttpClient } from '../http';
import { path } from '../http';
import type { BackupSource, Lookup, ReadOptions } from '../provider';
import type { Agent, BackupTarget } from '../domain';
import { directory, namesOf, newestFirst } from '../run-parts';
import type { Names } from './map';
import { remainingOf, v2ActivityRun, v2Agent, v2Backup, v2Configuration, v2State } from './map';
import { readAll } from './pages';
import type { Backup, Restore as WireRestore } from './wire';
import {
  activityListSchema,
  agentListSchema,
  backupListSchema,
  backupSchema,
  configurationListSchema,
  errorListSchema,
  eventListSchema,
} from './wire';

/** How many of the newest runs the activity view reads per tick. */
export const ACTIVITY_LIMIT = 200;
/** The query of a run feed's read: the newest first (the runs the activity view reads per tick). */
export const FEED_QUERY = { sort_dir: 'desc' } as const;
/** Events read of a backup in flight, newest first: its last progress report is among them. */
const EVENTS_READ = 20;

/**
 * The reads the v2 adapter builds on: whole lists, the names that lists refer to by id (through the
 * reader's lookup), the configuration of a restore's backup, and a run's error list.
 */
export function v2Lookups(http: HttpClient, cid: string, region: string | null) {
  const get = <S extends Parameters<HttpClient['request']>[1]>(p: string, schema: S, o?: ReadOptions) =>
    http.request({ method: 'GET', path: p, signal: o?.signal }, schema);

  // Lists refer to configurations and agents by id: their names come from the configurations' and
  // the agents' lists, read through the query layer's lookup (one cache entry each, see ReadOptions).
  const agents = async (o?: ReadOptions): Promise<Agent[]> =>
    (await readAll(http, '/agents', agentListSchema, (p) => p.agents, o)).map((a) => v2Agent(cid, a, null));
  const agentNames = async (o?: ReadOptions) => namesOf(await directory(o, 'agents', agents));
  /** The configurations (not the deleted ones), with their machines' names. */
  const configurations = async (o?: ReadOptions): Promise<BackupTarget[]> => {
    const [list, agentsById] = await Promise.all([
      readAll(http, '/configurations', configurationListSchema, (p) => p.configurations, o),
      agentNames(o),
    ]);
    const n = { configurations: new Map<string, string>(), agents: agentsById };
    return list.filter((c) => !c.deleted).map((c) => v2Configuration(cid, c, n, region));
  };
  const names = async (o?: ReadOptions): Promise<Names> => {
    const [cs, as] = await Promise.all([directory(o, 'targets', configurations), agentNames(o)]);
    return { configurations: namesOf(cs), agents: as };
  };
  // Backups never change configuration: what any answer tells of a backup's source is kept as an
  // entry of the query layer's (ReadOptions' lookup), or for this one read without one.
  const sourcesOf = (o?: ReadOptions): Lookup['backupSource'] => {
    if (o?.lookup) return o.lookup.backupSource;
    const m = new Map<string, BackupSource>();
    return { get: (id) => m.get(id), set: (id, s) => void m.set(id, s) };
  };
  const remember = (backups: readonly Backup[], o?: ReadOptions, sources = sourcesOf(o)) => {
    for (const b of backups) sources.set(b.id, { configurationId: b.configuration.id, agentId: b.agent.id });
    return backups;
  };
  // The backups feed's reads under way. A restore's backup that is not known yet is nearly always
  // among the backups such a read is bringing at that moment (the Overview asks for both feeds at once,
  // and the restores' answer, the smaller, comes first): restoreNames waits for them rather than ask
  // the vendor for each of those backups on its own, a second round trip before the page can show.
  const feedReads = new Set<Promise<unknown>>();
  /** The newest backups (the run feed), their sources kept as soon as the list is in. */
  const backupsFeed = (o?: ReadOptions): Promise<readonly Backup[]> => {
    const read = readAll(http, '/backups', backupListSchema, (p) => p.backups, {
      ...o,
      query: FEED_QUERY,
      max: ACTIVITY_LIMIT,
    }).then((backups) => remember(backups, o));
    feedReads.add(read);
    const done = () => void feedReads.delete(read);
    read.then(done, done);
    return read;
  };
  /** Names, plus the configuration and machine of each restore's backup (asked for the few not yet known). */
  const restoreNames = async (restores: readonly WireRestore[], o?: ReadOptions): Promise<Names> => {
    const sources = sourcesOf(o);
    const ids = [...new Set(restores.map((r) => r.backup.id))];
    if (feedReads.size > 0 && ids.some((id) => !sources.get(id))) await Promise.allSettled([...feedReads]);
    await Promise.all(
      ids
        .filter((id) => !sources.get(id))
        .slice(0, 20)
        .map((id) =>
          // What a backup was made of never changes: the server need not poll it with the feed.
          http
            .request(
              { method: 'GET', path: path`/backups/${id}`, signal: o?.signal, keep: true },
              backupSchema,
            )
            .then(
              (b) => remember([b], o, sources),
              () => [],
            ),
        ),
    );
    const backups = new Map<string, string>();
    const backupAgents = new Map<string, string>();
    for (const id of ids) {
      const source = sources.get(id);
      if (!source) continue;
      backups.set(id, source.configurationId);
      backupAgents.set(id, source.agentId);
    }
    return { ...(await names(o)), backups, backupAgents };
  };
  const activities = async (o?: ReadOptions, from = '/activities') => {
    const [list, n] = await Promise.all([
      readAll(http, from, activityListSchema, (p) => p.activities, { ...o, max: ACTIVITY_LIMIT }),
      names(o),
    ]);
    return newestFirst(list.filter((a) => a.type !== 'cleanup').map((a) => v2ActivityRun(cid, a, n)));
  };
  const errorsOf = (kind: 'backups' | 'restores', id: string, o?: ReadOptions) =>
    get(path`/${kind}/${id}/errors`, errorListSchema, o).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    });

  /** How much a backup in flight has left, as its newest events say (they are transient: none, no answer). */
  const leftOf = (backupId: string, o?: ReadOptions) =>
    http
      .request(
        {
          method: 'GET',
          path: path`/backups/${backupId}/events`,
          signal: o?.signal,
          query: { sort_dir: 'desc', limit: EVENTS_READ },
        },
        eventListSchema,
      )
      .then(
        (page) => remainingOf(page.events),
        () => null,
      );
  /** One backup as its own answer tells it, with what its events say remains while it runs. */
  const backupOf = async (id: string, n: Names, o?: ReadOptions) => {
    const b = await get(path`/backups/${id}`, backupSchema, o);
    return v2Backup(cid, b, n, isInFlight(v2State(b.state)) ? await leftOf(b.id, o) : null);
  };

  return {
    get,
    configurations,
    agents,
    agentNames,
    names,
    remember,
    backupsFeed,
    restoreNames,
    activities,
    errorsOf,
    backupOf,
  };
}
