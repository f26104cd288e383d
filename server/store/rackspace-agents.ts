import { cached, allRows } from './rackspace-sql';
import type { Db } from './db';
import type { Revs } from './fragment-list';
import type { AgentRow, Scope } from './rackspace-types';

/** Agents of a tenant's region; `online` counts an agent woken by POST /user/wakeupagents. */
export function listAgents(db: Db, scope: Scope): AgentRow[] {
  return allRows<AgentRow>(
    db,
    'SELECT * FROM rs_agents WHERE tenant_id = ? AND region = ? ORDER BY id',
    scope.tenant,
    scope.region,
  );
}

/** `[id, rev]` of the same list, in its order, from the covering index rs_agents_revs. */
export function agentRevs(db: Db, scope: Scope): Revs {
  return cached(db, 'SELECT id, rev FROM rs_agents WHERE tenant_id = ? AND region = ? ORDER BY id')
    .raw(true)
    .all(scope.tenant, scope.region) as Revs;
}

export function agentsByIds(db: Db, ids: number[]): AgentRow[] {
  return allRows<AgentRow>(
    db,
    'SELECT * FROM rs_agents WHERE id IN (SELECT value FROM json_each(?))',
    JSON.stringify(ids),
  );
}

export function findAgent(db: Db, scope: Scope, key: number | string): AgentRow | undefined {
  const column = typeof key === 'number' ? 'id' : 'uuid';
  return cached(db, `SELECT * FROM rs_agents WHERE ${column} = ? AND tenant_id = ? AND region = ?`).get(
    key,
    scope.tenant,
    scope.region,
  ) as AgentRow | undefined;
}

export function findAgentByHost(db: Db, scope: Scope, hostServerId: string): AgentRow | undefined {
  return cached(db, 'SELECT * FROM rs_agents WHERE host_server_id = ? AND tenant_id = ? AND region = ?').get(
    hostServerId,
    scope.tenant,
    scope.region,
  ) as AgentRow | undefined;
}

export function getAgent(db: Db, id: number): AgentRow | undefined {
  return cached(db, 'SELECT * FROM rs_agents WHERE id = ?').get(id) as AgentRow | undefined;
}

export function isOnline(agent: Pick<AgentRow, 'online' | 'awake_until'>, now: number): boolean {
  return agent.online === 1 || agent.awake_until > now;
}

export function setAgentEnabled(db: Db, id: number, enabled: boolean): void {
  cached(db, 'UPDATE rs_agents SET enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id);
}

/** Wakes every agent of the tenant (all regions, as the vendor's call does) until `until`. */
export function wakeAgents(db: Db, tenant: string, until: number): number {
  return cached(db, 'UPDATE rs_agents SET awake_until = ? WHERE tenant_id = ? AND awake_until < ?').run(
    until,
    tenant,
    until,
  ).changes;
}

export function addVaultBytes(db: Db, id: number, bytes: number, successAt: number | null): void {
  cached(
    db,
    'UPDATE rs_agents SET vault_bytes = vault_bytes + ?, last_success_at = COALESCE(?, last_success_at) WHERE id = ?',
  ).run(bytes, successAt, id);
}

/**
 * An agent's log levels in v2's words, least detail first; v1.0 numbers them from 1 (`fatal`) to 7
 * (`all`) and names them capitalized (`Fatal` … `All`).
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'all'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function setAgentLogLevel(db: Db, id: number, level: LogLevel): void {
  cached(db, 'UPDATE rs_agents SET log_level = ? WHERE id = ?').run(level, id);
}
