import { randomUUID } from 'node:crypto';
import type { Explore } from '../../src/api/veeam-v5/wire';
import { parseVeeamDateTime } from '../../src/api/veeam-v5/wire';
import type { VeeamStore } from '../store/veeam-store';
import type { JobRow, OrgRow, RestoreRow } from '../store/veeam-types';
import { logTime } from './veeam-plan';

/** Restore session life: explore opens it Working; a stop, its idle timeout or a restart ends it. */

const TYPE_NAMES = { vex: 'Vex', vesp: 'Vesp', veod: 'Veod', vet: 'Vet' } as const;
const EXPLORERS = {
  vex: 'Veeam Explorer for Microsoft Exchange',
  vesp: 'Veeam Explorer for Microsoft SharePoint',
  veod: 'Veeam Explorer for Microsoft OneDrive for Business',
  vet: 'Veeam Explorer for Microsoft Teams',
} as const;

export function addRestoreEvent(
  store: VeeamStore,
  sessionId: string,
  now: number,
  event: { title: string; message: string; status?: string; type?: string },
): void {
  store.insert('veeam_restore_events', {
    id: randomUUID(),
    session_id: sessionId,
    ord: store.lastEventOrder(sessionId) + 1,
    type: event.type ?? 'None',
    status: event.status ?? 'Success',
    start_time: now,
    end_time: now,
    title: event.title,
    message: event.message,
  });
}

/**
 * Opens a restore session on a job's backups (or, without a job, the whole organization's) at a point
 * in time. Before the organization's first
 * backup the session is empty; after its last one it shows the latest restore point (VB-DOC5).
 */
export function openRestoreSession(
  store: VeeamStore,
  job: JobRow | null,
  org: OrgRow,
  explore: Explore,
  who: string,
  now: number,
): RestoreRow {
  const id = randomUUID();
  const asked = parseVeeamDateTime(explore.datetime) ?? now;
  const empty = org.first_backup_at === null || asked < org.first_backup_at;
  const point = empty ? asked : Math.min(asked, org.last_backup_at ?? asked);
  const details = empty
    ? `No restore point at or before ${logTime(asked)} UTC: the session shows no items.`
    : '0 items processed (0 successfully, 0 failed)';
  store.insert('veeam_restore_sessions', {
    id,
    job_id: job?.id ?? null,
    org_id: org.id,
    name: `${org.name}: ${job?.name ?? `${org.office_name} organization`} - ${logTime(point)}`,
    organization: org.name,
    type: TYPE_NAMES[explore.type],
    creation_time: now,
    end_time: null,
    state: 'Working',
    result: null,
    initiated_by: who,
    details,
    point_in_time: point,
    show_deleted: explore.showDeleted ? 1 : 0,
    show_all_versions: explore.showAllVersions ? 1 : 0,
    last_activity_at: now,
  });
  addRestoreEvent(store, id, now, {
    title: 'Restore session started',
    message: `${EXPLORERS[explore.type]} session started by ${who} for ${job ? `job ${job.name}` : `organization ${org.name}`}.`,
  });
  addRestoreEvent(store, id, now, {
    title: empty ? 'No restore point found' : 'Restore point mounted',
    message: empty ? details : `Restore point of ${logTime(point)} UTC is mounted.`,
    status: empty ? 'Warning' : 'Success',
  });
  return store.restoreSession(id)!;
}

/** Why a session ends: a user's stop, its idle time running out, or a failure (a restart). */
export type StopReason = { by: string } | { idleMinutes: number } | { failure: string };

/** Ends a Working restore session at `at`: Stopped, a result, an end time and an event saying why. */
export function stopRestoreSession(store: VeeamStore, r: RestoreRow, at: number, reason: StopReason): void {
  const failure = 'failure' in reason ? reason.failure : null;
  const idle =
    'idleMinutes' in reason
      ? `The restore session was stopped after ${reason.idleMinutes} minutes without activity.`
      : null;
  store.update('veeam_restore_sessions', r.id, {
    state: 'Stopped',
    result: failure ? 'Failed' : 'Success',
    end_time: at,
    ...(failure || idle ? { details: failure ?? idle } : {}),
  });
  addRestoreEvent(store, r.id, at, {
    title: 'Restore session stopped',
    message:
      failure ?? idle ?? `The restore session was stopped by ${'by' in reason ? reason.by : 'the service'}.`,
    status: failure ? 'Failed' : idle ? 'Warning' : 'Success',
  });
}

/**
 * Stops the sessions that had no request for `idleMinutes` (0 = never), each at the moment its idle
 * time ran out: the end time does not depend on how often the engine ticks.
 */
export function stopIdleRestoreSessions(store: VeeamStore, now: number, idleMinutes: number): void {
  if (idleMinutes <= 0) return;
  const idleMs = idleMinutes * 60_000;
  for (const r of store.workingRestoreSessions(now - idleMs + 1)) {
    const deadline = (r.last_activity_at ?? r.creation_time) + idleMs;
    stopRestoreSession(store, r, Math.min(now, deadline), { idleMinutes });
  }
}
