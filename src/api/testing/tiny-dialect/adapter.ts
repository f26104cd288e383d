/* Tests only: Tiny Backup v1 behind the BackupProvider interface (see wire.ts). */
import { baseProvider } from '../../base-provider';
import type { Capabilities } from '../../capabilities';
import type { BackupTarget, Connection, RunState } from '../../domain';
import type { HttpClient } from '../../http';
import { path } from '../../http';
import type { AdapterProvider } from '../../provider';
import { runOf } from '../../run-parts';
import type { TinyRun, TinyTarget } from './wire';
import { runListSchema, targetListSchema } from './wire';

const STATES: Record<TinyTarget['lastState'], RunState | null> = {
  idle: null,
  running: 'running',
  done: 'succeeded',
  broken: 'failed',
};

export function createTinyProvider(
  connection: Connection,
  http: HttpClient,
  capabilities: Capabilities,
): AdapterProvider {
  const cid = connection.id;
  const target = (t: TinyTarget): BackupTarget => {
    const state = STATES[t.lastState];
    return {
      connectionId: cid,
      kind: 'job',
      id: t.id,
      name: t.title,
      description: '',
      type: 'Files',
      enabled: t.active,
      schedule: { description: 'Manually', zone: null, manual: true },
      lastRun: state ? { id: null, state, vendorState: t.lastState, at: t.lastRunAt } : null,
      nextRunAt: null,
      currentRunId: null,
      machine: null,
      organization: null,
      encrypted: null,
      region: null,
    };
  };
  const run = (r: TinyRun, names: Map<string, string>) =>
    runOf({
      connectionId: cid,
      kind: 'job-session',
      id: r.id,
      parentId: r.targetId,
      parentName: names.get(r.targetId) ?? r.targetId,
      state: STATES[r.state] ?? 'failed',
      vendorState: r.state,
      startedAt: r.startedAt,
    });
  const targets = async (signal?: AbortSignal) =>
    http.request({ method: 'GET', path: '/targets', signal }, targetListSchema);
  const runs = async (signal?: AbortSignal) => {
    const [list, all] = await Promise.all([
      http.request({ method: 'GET', path: '/runs', signal }, runListSchema),
      targets(signal),
    ]);
    const names = new Map(all.map((t) => [t.id, t.title]));
    return list.map((r) => run(r, names));
  };
  return {
    ...baseProvider(connection, capabilities),
    listTargets: async (o) => (await targets(o?.signal)).map(target),
    async getTarget(id, o) {
      const found = (await targets(o?.signal)).find((t) => t.id === id);
      if (!found) throw new Error(`No target ${id}.`);
      return target(found);
    },
    listTargetRuns: async (targetId, o) => (await runs(o?.signal)).filter((r) => r.parentId === targetId),
    listRuns: async (feed, o) => (feed === 'job-sessions' ? runs(o?.signal) : []),
    async startBackup(targetId) {
      const answer = await http.send({ method: 'POST', path: path`/targets/${targetId}/runs` });
      const id = (answer.body as { id?: unknown } | undefined)?.id;
      return { runId: typeof id === 'string' ? id : null };
    },
  };
}
