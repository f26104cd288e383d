import type { Activity, Backup, ErrorList, Event, Restore } from '../../src/api/rackspace-v2/wire';
import type { RestoreFileRow } from '../store/rackspace-restores';
import type { BackupView, ErrorRow, EventRow, PathRule, RestoreView } from '../store/rackspace-types';
import { iso, ref } from './present';

/** Backups, restores, their errors and events, and activities as v2 shows them. */

function errorsSummary(
  base: string,
  kind: string,
  id: string,
  r: { error_count: number; reason: string; diagnostics: string },
) {
  return {
    count: r.error_count,
    reason: r.reason,
    diagnostics: r.diagnostics,
    links: [{ href: `${base}/${kind}/${id}/errors`, rel: 'full' }],
  };
}

export function presentBackup(base: string, b: BackupView): Backup {
  return {
    project_id: b.tenant_id,
    id: b.uuid,
    agent: ref(base, 'agents', b.agent_uuid),
    configuration: ref(base, 'configurations', b.configuration_uuid),
    state: b.state,
    started_time: iso(b.started_at),
    ended_time: iso(b.ended_at),
    snapshot_id: b.snapshot_id,
    errors: errorsSummary(base, 'backups', b.uuid, b),
    files_searched: b.files_searched,
    files_backed_up: b.files_backed_up,
    bytes_searched: b.bytes_searched,
    bytes_backed_up: b.bytes_backed_up,
    bytes_in_db: b.bytes_in_db,
    bandwidth_avg_bps: b.bandwidth_avg_bps,
    restorable: Boolean(b.restorable),
    links: [
      { href: `${base}/backups/${b.uuid}`, rel: 'self' },
      { href: `${base}/backups/${b.uuid}/events`, rel: 'events' },
    ],
  };
}

export function presentErrorList(
  base: string,
  kind: 'backups' | 'restores',
  id: string,
  r: { error_count: number; reason: string; diagnostics: string },
  errors: ErrorRow[],
): ErrorList {
  return {
    ...errorsSummary(base, kind, id, r),
    list: errors.map((e) => ({
      index: e.idx,
      path: e.path,
      type: e.type,
      description: e.description,
      exception: {
        code: e.exception_code,
        description: e.exception_description,
        details: e.exception_details,
      },
    })),
    links: [{ href: `${base}/${kind}/${id}/errors`, rel: 'self' }],
  };
}

export function presentRestore(base: string, r: RestoreView, files: RestoreFileRow[] = []): Restore {
  const rules = (filter: number): PathRule[] =>
    files
      .filter((f) => f.filter === filter)
      .map((f) => ({ type: f.item_type === 0 ? 'file' : 'folder', path: f.path }));
  return {
    project_id: r.tenant_id,
    id: r.uuid,
    backup: ref(base, 'backups', r.backup_uuid),
    destination_agent: ref(base, 'agents', r.destination_uuid),
    destination_path: r.destination_path,
    overwrite_files: Boolean(r.overwrite),
    inclusions: rules(1),
    exclusions: rules(2),
    // v2 has no `creating`: a restore still being created in v1.0 shows as requested.
    state: r.state === 'creating' ? 'start_requested' : r.state,
    started_time: iso(r.started_at),
    ended_time: iso(r.ended_at),
    errors: errorsSummary(base, 'restores', r.uuid, r),
    files_restored: r.files_restored,
    bytes_restored: r.bytes_restored,
    links: [
      { href: `${base}/restores/${r.uuid}`, rel: 'self' },
      { href: `${base}/restores/${r.uuid}/events`, rel: 'events' },
    ],
  };
}

export function presentEvent(e: EventRow): Event {
  return {
    id: String(e.id),
    time: new Date(e.time).toISOString(),
    event: e.event,
    agent: { id: e.agent_uuid },
    ...(e.configuration_uuid ? { configuration: { id: e.configuration_uuid } } : {}),
    ...(e.backup_uuid ? { backup: { id: e.backup_uuid } } : {}),
    ...(e.restore_uuid ? { restore: { id: e.restore_uuid } } : {}),
    ...(e.bytes_completed !== null && e.total_bytes !== null
      ? {
          bytes_completed: e.bytes_completed,
          bytes_remaining: Math.max(0, e.total_bytes - e.bytes_completed),
          total_bytes: e.total_bytes,
        }
      : {}),
  };
}

export function backupActivity(base: string, b: BackupView): Activity {
  return {
    id: b.uuid,
    type: 'backup',
    last_updated_time: new Date(b.changed_at).toISOString(),
    state: b.state,
    agent: ref(base, 'agents', b.agent_uuid),
    configuration: ref(base, 'configurations', b.configuration_uuid),
    links: [{ href: `${base}/backups/${b.uuid}`, rel: 'full' }],
  };
}

export function restoreActivity(base: string, r: RestoreView): Activity {
  return {
    id: r.uuid,
    type: 'restore',
    last_updated_time: new Date(r.changed_at).toISOString(),
    state: r.state === 'creating' ? 'start_requested' : r.state,
    agent: ref(base, 'agents', r.destination_uuid),
    links: [{ href: `${base}/restores/${r.uuid}`, rel: 'full' }],
  };
}
