import { Random } from '../seed/random';
import type { Db } from '../store/db';
import { addVaultBytes, getAgent, isOnline } from '../store/rackspace-agents';
import { getConfiguration, markRunEnded } from '../store/rackspace-configurations';
import { addEvent, addRunErrors } from '../store/rackspace-events';
import { updateRow } from '../store/rackspace-sql';
import type { BackupRow, PathRule } from '../store/rackspace-types';
import { errorList, failureReason, SOME_FILES } from './rackspace-failures';

/**
 * The backup state machine (docs/dialects/rackspace-v1.md and rackspace-v2.md, "States"), one step per tick and at most one transition:
 * start_requested|start_scheduled → queued → preparing → in_progress → completed |
 * completed_with_errors | failed; stop_requested → stopped. Durations are simulated milliseconds.
 */
export const PHASE_MS = { start: 10_000, queued: 20_000, preparing: 30_000, stop: 10_000 };
/** How long a request waits for an offline agent before it fails. */
export const AGENT_WAIT_MS = 10 * 60_000;
export const AGENT_OFFLINE =
  'The agent is offline and did not pick up the request. Wake agents (POST /user/wakeupagents) and try again.';

export function runRandom(seed: number, kind: string, id: number): Random {
  return new Random((seed * 7919 + id * 104_729) >>> 0).fork(kind);
}

/** Simulated run time of in_progress, from the amount of data and the rate. */
export function transferMs(bytes: number, rateBps: number): number {
  return Math.max(60_000, (bytes / Math.max(1, rateBps)) * 1000);
}

type Patch = Record<string, string | number | null>;

export function advanceBackup(db: Db, seed: number, b: BackupRow, now: number, simMs: number): void {
  const phase = b.phase_ms + simMs;
  const event = (name: string, bytes?: number) =>
    addEvent(db, {
      tenant_id: b.tenant_id,
      region: b.region,
      time: now,
      event: `backup_${name}`,
      agent_id: b.agent_id,
      configuration_id: b.configuration_id,
      backup_id: b.id,
      bytes_completed: bytes ?? null,
      total_bytes: bytes === undefined ? null : b.bytes_changed,
    });
  const move = (state: string, extra: Patch = {}) => {
    updateRow(db, 'rs_backups', b.id, { state, phase_ms: 0, changed_at: now, ...extra });
    event(state);
  };
  switch (b.state) {
    case 'start_requested':
    case 'start_scheduled': {
      const agent = getAgent(db, b.agent_id);
      if (!agent || !isOnline(agent, now) || !agent.enabled) {
        if (phase >= AGENT_WAIT_MS) endBackup(db, b, now, 'failed', ['agent_offline', AGENT_OFFLINE]);
        else updateRow(db, 'rs_backups', b.id, { phase_ms: phase });
        return;
      }
      if (phase >= PHASE_MS.start) move('queued');
      else updateRow(db, 'rs_backups', b.id, { phase_ms: phase });
      return;
    }
    case 'queued':
      if (phase >= PHASE_MS.queued) move('preparing', { started_at: now });
      else updateRow(db, 'rs_backups', b.id, { phase_ms: phase });
      return;
    case 'preparing':
      if (phase >= PHASE_MS.preparing) move('in_progress', { snapshot_id: b.id * 3 + 1 });
      else updateRow(db, 'rs_backups', b.id, { phase_ms: phase });
      return;
    case 'in_progress': {
      const runMs = b.run_ms + simMs;
      const p = Math.min(1, runMs / transferMs(b.bytes_changed, b.rate_bps));
      const stopAt = b.outcome === 'failed' ? Math.min(p, b.fail_at) : p;
      const searched = Math.min(1, stopAt * 1.6);
      const done = Math.round(b.bytes_changed * stopAt);
      updateRow(db, 'rs_backups', b.id, {
        run_ms: runMs,
        files_searched: Math.round(b.files_total * searched),
        bytes_searched: Math.round(b.bytes_total * searched),
        files_backed_up: Math.round(b.files_total * (b.bytes_changed / Math.max(1, b.bytes_total)) * stopAt),
        bytes_backed_up: done,
        bytes_in_db: Math.round(done * 0.62),
        bandwidth_avg_bps: Math.round(done / Math.max(1, runMs / 1000)),
        changed_at: now,
      });
      // A progress event for each twentieth of the way, as agents report it: what it tells remains is
      // what clients base a percent and an ETA on.
      if (Math.floor(p * 20) > Math.floor((b.run_ms / transferMs(b.bytes_changed, b.rate_bps)) * 20))
        event('progress', done);
      const random = runRandom(seed, 'backup-end', b.id);
      if (b.outcome === 'failed' && p >= b.fail_at)
        endBackup(db, b, now, 'failed', failureReason(random, 'backup'), seed);
      else if (p >= 1)
        endBackup(db, b, now, b.outcome, b.outcome === 'completed' ? ['', ''] : [...SOME_FILES.backup], seed);
      return;
    }
    case 'stop_requested':
      if (phase >= PHASE_MS.stop) endBackup(db, b, now, 'stopped', ['', 'The backup was stopped by a user.']);
      else updateRow(db, 'rs_backups', b.id, { phase_ms: phase });
      return;
    default:
      return;
  }
}

/** Ends a backup: final state, errors, the configuration's last run and the agent's vault. */
export function endBackup(
  db: Db,
  b: BackupRow,
  now: number,
  state: 'completed' | 'completed_with_errors' | 'failed' | 'stopped',
  [reason, diagnostics]: readonly [string, string],
  seed = 0,
): void {
  const restorable = state === 'completed' || state === 'completed_with_errors';
  let errorCount = 0;
  if (state === 'completed_with_errors') {
    const config = getConfiguration(db, b.configuration_id);
    const inclusions = config ? (JSON.parse(config.inclusions) as PathRule[]) : [];
    const errors = errorList(runRandom(seed, 'errors', b.id), inclusions);
    addRunErrors(db, 'backup', b.id, errors);
    errorCount = errors.length;
  }
  updateRow(db, 'rs_backups', b.id, {
    state,
    ended_at: now,
    changed_at: now,
    phase_ms: 0,
    restorable: restorable ? 1 : 0,
    error_count: errorCount,
    reason,
    diagnostics,
  });
  markRunEnded(db, b.configuration_id, b.id, restorable);
  if (restorable) addVaultBytes(db, b.agent_id, Math.round(b.bytes_changed * 0.62), now);
  addEvent(db, {
    tenant_id: b.tenant_id,
    region: b.region,
    time: now,
    event: `backup_${state === 'completed_with_errors' ? 'completed' : state}`,
    agent_id: b.agent_id,
    configuration_id: b.configuration_id,
    backup_id: b.id,
  });
}
