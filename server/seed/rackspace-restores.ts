import type { ServiceContext } from '../context';
import { errorList, failureReason, SOME_FILES } from '../engine/rackspace-failures';
import { addRunErrors } from '../store/rackspace-events';
import { insertRow, cached } from '../store/rackspace-sql';
import type { BackupRow, ConfigurationRow, PathRule } from '../store/rackspace-types';
import type { Random } from './random';

/**
 * Past restores with ids 13680–13692, so that seed 001's examples find theirs: 13689 is being
 * created from an encrypted backup (DFW), 13692 from an unencrypted one (DFW); the others ended.
 */
export const SEED_RESTORES = { encrypted: 13689, unencrypted: 13692 };
const FIRST = 13680;

export function seedRestores(
  ctx: ServiceContext,
  random: Random,
  configs: ConfigurationRow[],
  now: number,
): void {
  const { db } = ctx;
  const restorable = (c: ConfigurationRow | undefined) =>
    c &&
    (cached(
      db,
      'SELECT b.* FROM rs_backups b WHERE b.id = (SELECT last_completed_backup_id FROM rs_configurations WHERE id = ?)',
    ).get(c.id) as BackupRow | undefined);
  for (let i = 0; i <= SEED_RESTORES.unencrypted - FIRST; i++) {
    const id = FIRST + i;
    // 13689: configuration 2 (encrypted, DFW); 13692: configuration 0 (DFW); others cycle 0–3.
    const config =
      id === SEED_RESTORES.encrypted
        ? configs[2]
        : id === SEED_RESTORES.unencrypted
          ? configs[0]
          : configs[i % 4];
    const backup = restorable(config);
    if (!config || !backup) continue;
    const creating = id === SEED_RESTORES.encrypted || id === SEED_RESTORES.unencrypted;
    const roll = random.next();
    const state = creating
      ? 'creating'
      : roll < 0.7
        ? 'completed'
        : roll < 0.85
          ? 'completed_with_errors'
          : 'failed';
    const at = creating ? now - random.int(5, 60) * 60_000 : now - (13 - i) * 18 * 3600_000;
    const share = state === 'failed' ? 0.3 + random.next() * 0.5 : state === 'creating' ? 0 : 1;
    const bytes = backup.bytes_searched;
    const rate = random.int(30, 80) * 1024 ** 2;
    const runMs = Math.round(((bytes * share) / rate) * 1000) + 60_000;
    const [reason, diagnostics] =
      state === 'failed'
        ? failureReason(random, 'restore')
        : state === 'completed_with_errors'
          ? SOME_FILES.restore
          : ['', ''];
    insertRow(db, 'rs_restores', {
      id,
      uuid: random.uuid(),
      tenant_id: backup.tenant_id,
      region: backup.region,
      backup_id: backup.id,
      source_agent_id: backup.agent_id,
      destination_agent_id: backup.agent_id,
      destination_path: random.chance(0.5) ? null : backup.region === 'DFW' ? '/tmp/restore' : 'D:\\Restore',
      overwrite: random.chance(0.3) ? 1 : 0,
      state,
      created_at: at,
      started_at: creating ? null : at + 30_000,
      ended_at: creating ? null : at + 30_000 + runMs,
      changed_at: creating ? at : at + 30_000 + runMs,
      outcome: state === 'creating' ? 'completed' : state,
      files_total: Math.round(backup.files_searched * 0.9),
      bytes_total: bytes,
      rate_bps: rate,
      files_restored: Math.round(backup.files_searched * 0.9 * share),
      bytes_restored: Math.round(bytes * share),
      reason,
      diagnostics,
    });
    if (state === 'completed_with_errors') {
      const errors = errorList(random, JSON.parse(config.inclusions) as PathRule[]);
      addRunErrors(db, 'restore', id, errors);
      cached(db, 'UPDATE rs_restores SET error_count = ? WHERE id = ?').run(errors.length, id);
    }
  }
}
