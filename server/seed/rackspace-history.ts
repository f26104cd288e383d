import type { ServiceContext } from '../context';
import { errorList, failureReason, SOME_FILES } from '../engine/rackspace-failures';
import { addRunErrors } from '../store/rackspace-events';
import { insertRow, cached } from '../store/rackspace-sql';
import type { ConfigurationRow, PathRule } from '../store/rackspace-types';
import type { Random } from './random';
import { seedRestores } from './rackspace-restores';

type Row = Record<string, string | number | null> & { configuration_id: number; requested_at: number };

/** The id the next manual backup gets in a fresh demo data set: seed 000's answer. */
export const NEXT_BACKUP_ID = 368785;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function interval(c: ConfigurationRow, random: Random): number {
  if (c.frequency === 'Hourly') return (c.hour_interval ?? 1) * HOUR;
  if (c.frequency === 'Daily') return DAY;
  if (c.frequency === 'Weekly') return 7 * DAY;
  return random.int(3, 10) * DAY;
}

/** Past backups of every configuration (oldest first, ids dense below NEXT_BACKUP_ID), one in flight. */
export function seedHistory(
  ctx: ServiceContext,
  random: Random,
  configs: ConfigurationRow[],
  now: number,
): void {
  const rows: Row[] = [];
  const small = configs.length <= 200;
  for (const [j, c] of configs.entries()) {
    const count = small ? random.int(3, 7) : random.int(2, 4);
    const step = interval(c, random);
    for (let k = count; k >= 1; k--) {
      const at = (c.next_run_at ?? now) - (k + (c.next_run_at ? 0 : 1)) * step - random.int(0, 90) * 1000;
      rows.push(pastBackup(random, c, at, k === count, j < 4 && k === 1));
    }
  }
  const inFlight = configs[13];
  if (inFlight) rows.push(runningBackup(random, inFlight, now));
  rows.sort((a, b) => a.requested_at - b.requested_at);
  const base = rows.length < NEXT_BACKUP_ID - 1 ? NEXT_BACKUP_ID - rows.length : 1;
  const { db } = ctx;
  const byConfig = new Map(configs.map((c) => [c.id, c]));
  rows.forEach((row, i) => {
    row.id = base + i;
    row.uuid = random.uuid();
    insertRow(db, 'rs_backups', row);
    const c = byConfig.get(row.configuration_id)!;
    if (row.state === 'completed_with_errors') {
      const errors = errorList(random, JSON.parse(c.inclusions) as PathRule[]);
      addRunErrors(db, 'backup', row.id, errors);
      cached(db, 'UPDATE rs_backups SET error_count = ? WHERE id = ?').run(errors.length, row.id);
    }
    const restorable = row.restorable === 1;
    cached(
      db,
      `UPDATE rs_configurations SET last_backup_id = ?, last_run_at = ?,
         last_completed_backup_id = CASE WHEN ? THEN ? ELSE last_completed_backup_id END,
         current_backup_id = CASE WHEN ? THEN ? ELSE NULL END WHERE id = ?`,
    ).run(row.id, row.requested_at, restorable ? 1 : 0, row.id, row.ended_at === null ? 1 : 0, row.id, c.id);
    if (restorable)
      cached(
        db,
        'UPDATE rs_agents SET vault_bytes = vault_bytes + ?, last_success_at = MAX(COALESCE(last_success_at, 0), ?) WHERE id = ?',
      ).run(row.bytes_in_db, row.ended_at, c.agent_id);
  });
  cached(db, "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'rs_backups'").run(
    NEXT_BACKUP_ID - 1,
  );
  seedRestores(ctx, random.fork('restores'), configs, now);
}

function pastBackup(random: Random, c: ConfigurationRow, at: number, first: boolean, forceOk: boolean): Row {
  const roll = random.next();
  const state = forceOk
    ? 'completed'
    : roll < 0.7
      ? 'completed'
      : roll < 0.84
        ? 'completed_with_errors'
        : roll < 0.92 || c.frequency === 'Manually'
          ? 'failed'
          : 'missed';
  const bytesTotal = Math.round(c.bytes_estimate * (0.9 + random.next() * 0.2));
  const changed = Math.round(bytesTotal * (first ? 1 : 0.1 + random.next() * 0.3));
  const rate = random.int(20, 60) * 1024 ** 2;
  const share = state === 'failed' ? 0.2 + random.next() * 0.7 : state === 'missed' ? 0 : 1;
  const done = Math.round(changed * share);
  const runMs = Math.round((done / rate) * 1000) + 60_000;
  const started = state === 'missed' ? null : at + 60_000;
  const [reason, diagnostics] =
    state === 'failed'
      ? failureReason(random, 'backup')
      : state === 'missed'
        ? ['agent_offline', 'The agent was offline at the scheduled time.']
        : state === 'completed_with_errors'
          ? SOME_FILES.backup
          : ['', ''];
  return {
    ...base(c, at, state, c.frequency === 'Manually' ? 1 : 0),
    started_at: started,
    ended_at: started === null ? at : started + runMs,
    changed_at: started === null ? at : started + runMs,
    outcome: state === 'missed' ? 'failed' : state,
    snapshot_id: started === null ? null : random.int(1000, 99_999),
    files_total: c.files_estimate,
    bytes_total: bytesTotal,
    bytes_changed: changed,
    rate_bps: rate,
    files_searched: Math.round(c.files_estimate * Math.min(1, share * 1.6)),
    files_backed_up: Math.round(c.files_estimate * (changed / bytesTotal) * share),
    bytes_searched: Math.round(bytesTotal * Math.min(1, share * 1.6)),
    bytes_backed_up: done,
    bytes_in_db: Math.round(done * 0.62),
    bandwidth_avg_bps: started === null ? 0 : Math.round(done / (runMs / 1000)),
    reason,
    diagnostics,
    restorable: state === 'completed' || state === 'completed_with_errors' ? 1 : 0,
  };
}

/** A backup half-way through when the demo starts, so the overview shows something running. */
function runningBackup(random: Random, c: ConfigurationRow, now: number): Row {
  const bytesTotal = c.bytes_estimate;
  const changed = Math.round(bytesTotal * 0.3);
  const transferS = 900;
  return {
    ...base(c, now - 5 * 60_000, 'in_progress', 0),
    started_at: now - 4 * 60_000,
    ended_at: null,
    changed_at: now,
    run_ms: transferS * 400,
    outcome: 'completed',
    snapshot_id: random.int(1000, 99_999),
    files_total: c.files_estimate,
    bytes_total: bytesTotal,
    bytes_changed: changed,
    rate_bps: Math.round(changed / transferS),
  };
}

function base(c: ConfigurationRow, at: number, state: string, manual: number) {
  return {
    tenant_id: c.tenant_id,
    region: c.region,
    configuration_id: c.id,
    agent_id: c.agent_id,
    state,
    manual,
    requested_at: at,
  };
}
