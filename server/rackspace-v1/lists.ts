import type { Context } from 'hono';
import type { Db } from '../store/db';
import { onePerDb } from '../store/db';
import type { JsonBytes } from '../store/fragment-list';
import { FragmentList } from '../store/fragment-list';
import { tableVersion } from '../store/list-revs';
import { agentRevs, agentsByIds } from '../store/rackspace-agents';
import type { ConfigurationFilter } from '../store/rackspace-configurations';
import { configurationRevs, configurationsByIds } from '../store/rackspace-configurations';
import type { AgentRow, ConfigurationView, Scope } from '../store/rackspace-types';
import { presentAgent, presentConfiguration } from './present';
import { presentAvailable } from './present-runs';

/**
 * v1.0's whole lists (the vendor pages none of them) as kept JSON: configurations, backups available
 * for restore, agents. Each equals `rows.map(present)` of the plain queries (tested).
 */
export interface V1Lists {
  configurations(scope: Scope, filter?: Pick<ConfigurationFilter, 'agentId'>): JsonBytes;
  availableForRestore(scope: Scope): JsonBytes;
  agents(scope: Scope): JsonBytes;
}

function configurationList(db: Db, present: (c: ConfigurationView) => unknown) {
  const list = new FragmentList<ConfigurationView>({
    rows: (ids) => configurationsByIds(db, ids),
    keyOf: (c) => c.id,
    present,
  });
  return (scope: Scope, filter: ConfigurationFilter) =>
    list.answer(
      `${scope.tenant}/${scope.region}/${filter.agentId ?? ''}/${filter.restorable ? 1 : 0}`,
      tableVersion(db, 'rs_versions', 'rs_configurations'),
      () => list.array(configurationRevs(db, scope, filter)),
    );
}

function makeLists(db: Db): V1Lists {
  const configurations = configurationList(db, presentConfiguration);
  const available = configurationList(db, (c) => presentAvailable(c, c.last_completed_at));
  // The listed form of an agent does not depend on the time: the vendor's list always says Offline.
  const agents = new FragmentList<AgentRow>({
    rows: (ids) => agentsByIds(db, ids),
    keyOf: (a) => a.id,
    present: (a) => presentAgent(a, 0, true),
  });
  return {
    configurations: (scope, filter = {}) => configurations(scope, filter),
    availableForRestore: (scope) => available(scope, { restorable: true }),
    agents: (scope) =>
      agents.answer(`${scope.tenant}/${scope.region}`, tableVersion(db, 'rs_versions', 'rs_agents'), () =>
        agents.array(agentRevs(db, scope)),
      ),
  };
}

/** One set of kept lists per database (the routes of every door share it). */
export const v1Lists = onePerDb(makeLists);

/** A kept JSON answer, sent as c.json would send it. */
export function jsonBytes(c: Context, body: JsonBytes): Response {
  return c.body(body, 200, { 'content-type': 'application/json' });
}
