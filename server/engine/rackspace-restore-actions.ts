import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import { getAgent } from '../store/rackspace-agents';
import { getRestore } from '../store/rackspace-restores';
import { insertRow, updateRow } from '../store/rackspace-sql';
import type { AgentRow, BackupRow, RestoreRow } from '../store/rackspace-types';
import type { Naming, Result } from './rackspace-actions';
import type { Guessed } from '../identity/throttle';
import { nextId, refuse, vaultPasswordMatches } from './rackspace-actions';
import { pickOutcome } from './rackspace-failures';
import { runRandom } from './rackspace-runs';
import { restoreEvent } from './rackspace-restore-runs';

export interface RestoreRequest {
  backup: BackupRow;
  destination: AgentRow;
  destinationPath: string | null;
  overwrite: boolean;
  /** v1.0 creates in `creating` (started later); v2 starts at once. */
  state: 'creating' | 'start_requested';
}

/** Creates a restore of a restorable backup onto an agent of the same region. */
export function createRestore(
  db: Db,
  seed: number,
  req: RestoreRequest,
  now: number,
  naming: Naming,
): Result<RestoreRow> {
  const { backup } = req;
  if (!backup.restorable)
    return refuse(
      'invalid',
      `The backup ${naming.id(backup)} cannot be restored: it ended ${naming.state(backup.state)}.`,
    );
  if (req.destination.region !== backup.region)
    return refuse('invalid', 'The destination agent must be in the same region as the backup.');
  const id = nextId(db, 'rs_restores');
  const random = runRandom(seed, 'restore', id);
  const { outcome, failAt } = pickOutcome(random, true);
  const bytesTotal = Math.max(1, Math.round(backup.bytes_searched * (0.8 + random.next() * 0.2)));
  // 5–15 simulated minutes: a restore moves for 5–15 s on screen at SPEED 60.
  const transferS = 300 + random.next() * 600;
  insertRow(db, 'rs_restores', {
    id,
    uuid: randomUUID(),
    tenant_id: backup.tenant_id,
    region: backup.region,
    backup_id: backup.id,
    source_agent_id: backup.agent_id,
    destination_agent_id: req.destination.id,
    destination_path: req.destinationPath,
    overwrite: req.overwrite ? 1 : 0,
    state: req.state,
    created_at: now,
    changed_at: now,
    outcome,
    fail_at: failAt,
    files_total: Math.max(1, Math.round(backup.files_searched * 0.9)),
    bytes_total: bytesTotal,
    rate_bps: Math.max(1, Math.round(bytesTotal / transferS)),
  });
  const restore = getRestore(db, id)!;
  if (req.state === 'start_requested') restoreEvent(db, restore, now, 'start_request');
  return { ok: true, value: restore };
}

/**
 * Starts a restore that is being created. An encrypted vault needs its password (plain or hex); a
 * wrong or missing one is refused before anything runs.
 */
export async function startRestore(
  db: Db,
  restore: RestoreRow,
  password: string | null | undefined,
  now: number,
  naming: Naming,
  guard?: VaultGuard,
): Promise<Result<RestoreRow>> {
  if (restore.state !== 'creating') {
    const ended = ['completed', 'completed_with_errors', 'failed', 'stopped'].includes(restore.state);
    return refuse(
      ended ? 'ended' : 'conflict',
      ended
        ? `The restore ${naming.id(restore)} has already ended (${naming.state(restore.state)}); create a new one.`
        : `The restore ${naming.id(restore)} is already running (${naming.state(restore.state)}).`,
    );
  }
  const source = getAgent(db, restore.source_agent_id);
  const check = await checkVaultPassword(source, password, guard);
  if (!check.ok) return check;
  // The password check awaited: a concurrent start may have won meanwhile, and there is one run only.
  const current = getRestore(db, restore.id);
  if (current?.state !== 'creating')
    return refuse(
      'conflict',
      `The restore ${naming.id(restore)} is already running (${naming.state(current?.state ?? 'stopped')}).`,
    );
  updateRow(db, 'rs_restores', restore.id, {
    state: 'start_requested',
    phase_ms: 0,
    changed_at: now,
    password_given: password ? 1 : 0,
  });
  restoreEvent(db, restore, now, 'start_request');
  return { ok: true, value: getRestore(db, restore.id)! };
}

/** Runs a vault password check through the caller's throttle (`vaultGuard` in server/identity/throttle.ts). */
export type VaultGuard = (password: string, check: () => Promise<true | undefined>) => Promise<Guessed<true>>;

export async function checkVaultPassword(
  source: AgentRow | undefined,
  password: string | null | undefined,
  guard?: VaultGuard,
): Promise<Result<true>> {
  if (!source?.encrypted) return { ok: true, value: true };
  if (!password) return refuse('invalid', 'The backup is encrypted: send the vault password to restore it.');
  const matches = async () => (await vaultPasswordMatches(source, password)) || undefined;
  const checked = guard ? await guard(password, matches) : { ok: (await matches()) === true };
  if (!checked.ok && 'retryAfterS' in checked)
    return { ...refuse('throttled', checked.message), retryAfterS: checked.retryAfterS };
  if (!checked.ok)
    return refuse(
      'invalid',
      'The vault password is not right for this encrypted backup; nothing was restored.',
    );
  return { ok: true, value: true };
}

export function requestRestoreStop(
  db: Db,
  restore: RestoreRow,
  now: number,
  naming: Naming,
): Result<RestoreRow> {
  if (['completed', 'completed_with_errors', 'failed', 'stopped'].includes(restore.state))
    return refuse(
      'ended',
      `The restore ${naming.id(restore)} has already ended (${naming.state(restore.state)}).`,
    );
  if (restore.state === 'creating') {
    // Nothing runs yet: the restore is simply called off.
    updateRow(db, 'rs_restores', restore.id, {
      state: 'stopped',
      ended_at: now,
      changed_at: now,
      diagnostics: 'The restore was stopped before it started.',
    });
    restoreEvent(db, restore, now, 'stopped');
  } else if (restore.state !== 'stop_requested') {
    updateRow(db, 'rs_restores', restore.id, { state: 'stop_requested', phase_ms: 0, changed_at: now });
    restoreEvent(db, restore, now, 'stop_request');
  }
  return { ok: true, value: getRestore(db, restore.id)! };
}
