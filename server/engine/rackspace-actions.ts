import { randomUUID } from 'node:crypto';
import { verifyPassword } from '../identity/passwords';
import type { Db } from '../store/db';
import { getBackup, runningBackupOf } from '../store/rackspace-backups';
import { markRunStarted } from '../store/rackspace-configurations';
import { addEvent } from '../store/rackspace-events';
import { insertRow, updateRow, cached } from '../store/rackspace-sql';
import type { AgentRow, BackupRow, ConfigurationRow } from '../store/rackspace-types';
import { pickOutcome } from './rackspace-failures';
import { runRandom } from './rackspace-runs';

/**
 * What users (and the scheduler) ask of backups, shared by both doors. A refusal carries its kind;
 * each dialect turns it into its own status code (v1.0: 400; v2: 409 for a conflict).
 */
export type Refusal = {
  ok: false;
  kind: 'conflict' | 'invalid' | 'ended' | 'throttled';
  message: string;
  /** A throttled refusal: seconds until the next try is let through (`Retry-After`). */
  retryAfterS?: number;
};
export type Result<T> = { ok: true; value: T } | Refusal;

export const refuse = (kind: Refusal['kind'], message: string): Refusal => ({ ok: false, kind, message });

/** How a dialect names a run in messages: v1.0 by integer id and PascalCase state, v2 by UUID. */
export interface Naming {
  id(row: { id: number; uuid: string }): string;
  state(state: string): string;
}

export function requestBackup(
  db: Db,
  seed: number,
  config: ConfigurationRow,
  agent: AgentRow,
  how: 'start_requested' | 'start_scheduled',
  now: number,
  naming: Naming,
): Result<BackupRow> {
  const name = `"${config.name}" (${naming.id(config)})`;
  if (!config.enabled) return refuse('conflict', `The configuration ${name} is disabled: enable it first.`);
  if (!agent.enabled) return refuse('conflict', `The agent ${agent.name} is disabled: enable it first.`);
  const running = runningBackupOf(db, config.id);
  if (running)
    return refuse(
      'conflict',
      `A backup of the configuration ${name} is already running (backup ${naming.id(running)}, ` +
        `state ${naming.state(running.state)}); wait for it to end or stop it before starting another.`,
    );
  const id = nextId(db, 'rs_backups');
  const random = runRandom(seed, 'backup', id);
  const { outcome, failAt } = pickOutcome(random, how === 'start_requested');
  const bytesTotal = Math.round(config.bytes_estimate * (0.95 + random.next() * 0.1));
  const first = config.last_completed_backup_id === null;
  const bytesChanged = Math.round(bytesTotal * (first ? 1 : 0.2 + random.next() * 0.3));
  // 10–25 simulated minutes of transfer: at SPEED 60 a demo backup moves for 10–25 s on screen.
  const transferS = 600 + random.next() * 900;
  insertRow(db, 'rs_backups', {
    ...newBackup(id, config, how, now),
    manual: how === 'start_requested' ? 1 : 0,
    outcome,
    fail_at: failAt,
    files_total: Math.round(config.files_estimate * (0.95 + random.next() * 0.1)),
    bytes_total: bytesTotal,
    bytes_changed: bytesChanged,
    rate_bps: Math.max(1, Math.round(bytesChanged / transferS)),
  });
  markRunStarted(db, config.id, id, now, true);
  addEvent(db, {
    tenant_id: config.tenant_id,
    region: config.region,
    time: now,
    event: how === 'start_requested' ? 'backup_start_request' : 'backup_start_scheduled',
    agent_id: config.agent_id,
    configuration_id: config.id,
    backup_id: id,
  });
  return { ok: true, value: getBackup(db, id)! };
}

function newBackup(id: number, config: ConfigurationRow, state: string, now: number) {
  return {
    id,
    uuid: randomUUID(),
    tenant_id: config.tenant_id,
    region: config.region,
    configuration_id: config.id,
    agent_id: config.agent_id,
    state,
    requested_at: now,
    changed_at: now,
  };
}

/** A scheduled run that could not start: `missed` (agent offline) or `skipped` (one still runs). */
export function recordUnstartedRun(
  db: Db,
  config: ConfigurationRow,
  state: 'missed' | 'skipped',
  now: number,
): void {
  const id = nextId(db, 'rs_backups');
  const [reason, diagnostics] =
    state === 'missed'
      ? ['agent_offline', 'The agent was offline at the scheduled time.']
      : ['backup_running', 'The previous backup was still running at the scheduled time.'];
  insertRow(db, 'rs_backups', {
    ...newBackup(id, config, state, now),
    manual: 0,
    ended_at: now,
    outcome: 'failed',
    files_total: 0,
    bytes_total: 0,
    bytes_changed: 0,
    rate_bps: 1,
    reason,
    diagnostics,
  });
  // A skipped run leaves the running one current; a missed one is the configuration's last run.
  if (state === 'missed') markRunStarted(db, config.id, id, now, false);
  addEvent(db, {
    tenant_id: config.tenant_id,
    region: config.region,
    time: now,
    event: `backup_${state}`,
    agent_id: config.agent_id,
    configuration_id: config.id,
    backup_id: id,
  });
}

export function requestBackupStop(db: Db, backup: BackupRow, now: number, naming: Naming): Result<BackupRow> {
  if (isEnded(backup.state))
    return refuse(
      'ended',
      `The backup ${naming.id(backup)} has already ended (${naming.state(backup.state)}).`,
    );
  if (backup.state !== 'stop_requested') {
    updateRow(db, 'rs_backups', backup.id, { state: 'stop_requested', phase_ms: 0, changed_at: now });
    addEvent(db, {
      tenant_id: backup.tenant_id,
      region: backup.region,
      time: now,
      event: 'backup_stop_request',
      agent_id: backup.agent_id,
      configuration_id: backup.configuration_id,
      backup_id: backup.id,
    });
  }
  return { ok: true, value: getBackup(db, backup.id)! };
}

export function isEnded(state: string): boolean {
  return ['completed', 'completed_with_errors', 'failed', 'stopped', 'skipped', 'missed'].includes(state);
}

/** The next integer id of a table: the vendor's v1.0 ids are visible, so they are dense and ordered. */
export function nextId(db: Db, table: 'rs_backups' | 'rs_restores'): number {
  const row = cached(db, `SELECT seq FROM sqlite_sequence WHERE name = ?`).get(table) as
    { seq: number } | undefined;
  const max = (cached(db, `SELECT MAX(id) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0;
  return Math.max(row?.seq ?? 0, max) + 1;
}

/**
 * An encrypted vault's password, given plain or hex-encoded (v1.0 EncryptedPassword, v2
 * encrypted_password_hex). The vault keeps only its scrypt hash.
 */
export async function vaultPasswordMatches(agent: AgentRow, given: string): Promise<boolean> {
  if (!agent.vault_password_hash) return false;
  const candidates = [given];
  if (/^([0-9a-f]{2})+$/i.test(given)) candidates.push(Buffer.from(given, 'hex').toString('utf8'));
  for (const candidate of candidates)
    if (await verifyPassword(candidate, agent.vault_password_hash)) return true;
  return false;
}
