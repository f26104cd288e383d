import type { Db } from '../store/db';
import { getAgent, isOnline } from '../store/rackspace-agents';
import { getConfiguration } from '../store/rackspace-configurations';
import { addEvent, addRunErrors } from '../store/rackspace-events';
import { updateRow } from '../store/rackspace-sql';
import type { PathRule, RestoreRow } from '../store/rackspace-types';
import { getBackup } from '../store/rackspace-backups';
import { errorList, failureReason, SOME_FILES } from './rackspace-failures';
import { AGENT_OFFLINE, AGENT_WAIT_MS, PHASE_MS, runRandom, transferMs } from './rackspace-runs';

/**
 * The restore state machine: (creating →, v1.0 only) start_requested → queued → preparing →
 * in_progress → completed | completed_with_errors | failed; stop_requested → stopped.
 */
export function advanceRestore(db: Db, seed: number, r: RestoreRow, now: number, simMs: number): void {
  const phase = r.phase_ms + simMs;
  const wait = () => updateRow(db, 'rs_restores', r.id, { phase_ms: phase });
  const move = (state: string, extra: Record<string, number> = {}) => {
    updateRow(db, 'rs_restores', r.id, { state, phase_ms: 0, changed_at: now, ...extra });
    restoreEvent(db, r, now, state);
  };
  switch (r.state) {
    case 'start_requested': {
      const agent = getAgent(db, r.destination_agent_id);
      if (!agent || !isOnline(agent, now)) {
        if (phase >= AGENT_WAIT_MS) endRestore(db, seed, r, now, 'failed', ['agent_offline', AGENT_OFFLINE]);
        else wait();
      } else if (phase >= PHASE_MS.start) move('queued');
      else wait();
      return;
    }
    case 'queued':
      if (phase >= PHASE_MS.queued) move('preparing', { started_at: now });
      else wait();
      return;
    case 'preparing':
      if (phase >= PHASE_MS.preparing) move('in_progress');
      else wait();
      return;
    case 'in_progress': {
      const runMs = r.run_ms + simMs;
      const p = Math.min(1, runMs / transferMs(r.bytes_total, r.rate_bps));
      const at = r.outcome === 'failed' ? Math.min(p, r.fail_at) : p;
      updateRow(db, 'rs_restores', r.id, {
        run_ms: runMs,
        files_restored: Math.round(r.files_total * at),
        bytes_restored: Math.round(r.bytes_total * at),
        changed_at: now,
      });
      const random = runRandom(seed, 'restore-end', r.id);
      if (r.outcome === 'failed' && p >= r.fail_at)
        endRestore(db, seed, r, now, 'failed', failureReason(random, 'restore'));
      else if (p >= 1)
        endRestore(
          db,
          seed,
          r,
          now,
          r.outcome,
          r.outcome === 'completed' ? ['', ''] : [...SOME_FILES.restore],
        );
      return;
    }
    case 'stop_requested':
      if (phase >= PHASE_MS.stop)
        endRestore(db, seed, r, now, 'stopped', ['', 'The restore was stopped by a user.']);
      else wait();
      return;
    default:
      return;
  }
}

export function endRestore(
  db: Db,
  seed: number,
  r: RestoreRow,
  now: number,
  state: 'completed' | 'completed_with_errors' | 'failed' | 'stopped',
  [reason, diagnostics]: readonly [string, string],
): void {
  let errorCount = 0;
  if (state === 'completed_with_errors') {
    const backup = getBackup(db, r.backup_id);
    const config = backup && getConfiguration(db, backup.configuration_id);
    const errors = errorList(
      runRandom(seed, 'restore-errors', r.id),
      config ? (JSON.parse(config.inclusions) as PathRule[]) : [],
    );
    addRunErrors(db, 'restore', r.id, errors);
    errorCount = errors.length;
  }
  updateRow(db, 'rs_restores', r.id, {
    state,
    ended_at: now,
    changed_at: now,
    phase_ms: 0,
    error_count: errorCount,
    reason,
    diagnostics,
  });
  restoreEvent(db, r, now, state === 'completed_with_errors' ? 'completed' : state);
}

export function restoreEvent(db: Db, r: RestoreRow, now: number, name: string): void {
  addEvent(db, {
    tenant_id: r.tenant_id,
    region: r.region,
    time: now,
    event: `restore_${name}`,
    agent_id: r.destination_agent_id,
    backup_id: r.backup_id,
    restore_id: r.id,
  });
}
