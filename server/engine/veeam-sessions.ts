import { randomUUID } from 'node:crypto';
import type { VeeamStore } from '../store/veeam-store';
import type { JobRow, PlannedLog, SessionRow } from '../store/veeam-types';
import { humanBytes, logTime, planSession } from './veeam-plan';

/** Job session life: Queued → Running → Success | Warning | Failed, or Stopped on request. */

export function writeLog(store: VeeamStore, sessionId: string, title: string, now: number): void {
  store.insert('veeam_log_items', {
    id: randomUUID(),
    session_id: sessionId,
    usn: store.lastUsn(sessionId) + 1,
    title: title.replace('{time}', logTime(now)),
    creation_time: now,
    end_time: now,
  });
}

/** Opens a new session of a job (the caller has checked that none runs) and marks the job Queued. */
export function startJobSession(store: VeeamStore, job: JobRow, now: number, why: string): SessionRow {
  const id = randomUUID();
  const org = store.organization(job.org_id);
  const plan = planSession(id, {
    organization: org?.name ?? 'organization',
    backupType: job.backup_type,
    jobName: job.name,
    risk: job.risk,
  });
  store.insert('veeam_job_sessions', {
    id,
    job_id: job.id,
    creation_time: now,
    end_time: null,
    status: 'Queued',
    progress: 0,
    details: '',
    retry_count: 0,
    total_objects: plan.totalObjects,
    total_bytes: plan.totalBytes,
    processed_objects: 0,
    transferred_bytes: 0,
    rate_bytes: 0,
    rate_items: 0,
    read_rate: 0,
    write_rate: 0,
    bottleneck: plan.bottleneck,
    outcome: plan.outcome,
    elapsed_ms: 0,
    queued_ms: plan.queuedMs,
    planned_ms: plan.plannedMs,
    plan_json: JSON.stringify({ log: plan.log, failure: plan.failure }),
    next_log: 0,
  });
  writeLog(store, id, `[Success] Job started at {time} (${why})`, now);
  store.update('veeam_jobs', job.id, { last_status: 'Queued', last_run: now, current_session_id: id });
  return store.jobSession(id)!;
}

/** Ends a session: its status, end time, details and last log line; the job follows its status. */
export function finishJobSession(
  store: VeeamStore,
  s: SessionRow,
  status: 'Success' | 'Warning' | 'Failed' | 'Stopped',
  now: number,
  details: string,
  title: string,
): void {
  const done = status === 'Success' || status === 'Warning';
  store.update('veeam_job_sessions', s.id, {
    status,
    end_time: now,
    details,
    ...(done ? { progress: 100, processed_objects: s.total_objects, transferred_bytes: s.total_bytes } : {}),
  });
  writeLog(store, s.id, title, now);
  const job = store.job(s.job_id);
  if (job?.current_session_id === s.id) {
    store.update('veeam_jobs', job.id, { last_status: status, current_session_id: null });
  }
  const org = job && store.organization(job.org_id);
  if (org && done) {
    store.update('veeam_organizations', org.id, {
      first_backup_at: org.first_backup_at ?? now,
      last_backup_at: now,
    });
  }
}

/** Moves one open session forward by `simulatedMs` of simulated time. */
export function advanceJobSession(store: VeeamStore, s: SessionRow, simulatedMs: number, now: number): void {
  const elapsed = s.elapsed_ms + simulatedMs;
  if (elapsed < s.queued_ms) {
    store.update('veeam_job_sessions', s.id, { elapsed_ms: elapsed });
    return;
  }
  if (s.status === 'Queued') {
    const proxy = store.proxy(store.job(s.job_id)?.proxy_id ?? '');
    if (proxy && proxy.status !== 'Online') {
      const reason = `Backup proxy ${proxy.host_name} is ${proxy.status.toLowerCase()}: the job could not be processed.`;
      store.update('veeam_job_sessions', s.id, { elapsed_ms: elapsed });
      finishJobSession(store, s, 'Failed', now, reason, `[Failed] ${reason}`);
      return;
    }
    store.update('veeam_jobs', s.job_id, { last_status: 'Running' });
  }
  const runningMs = elapsed - s.queued_ms;
  const fraction = Math.min(1, runningMs / s.planned_ms);
  const percent = fraction * 100;
  const plan = JSON.parse(s.plan_json) as { log: PlannedLog[]; failure: string | null };
  let next = s.next_log;
  let failed = false;
  while (next < plan.log.length && (plan.log[next]?.at ?? 101) <= percent) {
    const line = plan.log[next++]!;
    writeLog(store, s.id, line.title, now);
    if (line.fails) {
      failed = true;
      break;
    }
  }
  const transferred = Math.round(s.total_bytes * fraction);
  const processed = Math.round(s.total_objects * fraction);
  const seconds = Math.max(1, runningMs / 1000);
  const rate = Math.round(transferred / seconds);
  store.update('veeam_job_sessions', s.id, {
    status: 'Running',
    elapsed_ms: elapsed,
    next_log: next,
    progress: Math.min(99, Math.floor(percent)),
    processed_objects: processed,
    transferred_bytes: transferred,
    rate_bytes: rate,
    rate_items: Math.round((processed / seconds) * 10) / 10,
    read_rate: Math.round(rate * 1.08),
    write_rate: Math.round(rate * 0.93),
  });
  if (failed) {
    const reason = plan.failure ?? 'The job session failed.';
    finishJobSession(
      store,
      s,
      'Failed',
      now,
      reason,
      `[Failed] Job finished with error at {time}: ${reason}`,
    );
    return;
  }
  if (fraction < 1) return;
  const summary = `${s.total_objects} objects processed, ${humanBytes(s.total_bytes)} transferred`;
  if (s.outcome === 'Warning') {
    const count = plan.log.filter((l) => l.title.startsWith('[Warning]')).length;
    const details = `Processing finished with ${count} warning${count === 1 ? '' : 's'}.`;
    finishJobSession(
      store,
      s,
      'Warning',
      now,
      details,
      `[Warning] Job finished with warnings at {time}: ${summary}`,
    );
  } else {
    finishJobSession(store, s, 'Success', now, '', `[Success] Job finished at {time}: ${summary}`);
  }
}

/** A stop request: the session ends Stopped at once, with who stopped it in its log. */
export function stopJobSession(store: VeeamStore, s: SessionRow, now: number, who: string): void {
  finishJobSession(
    store,
    s,
    'Stopped',
    now,
    `Stopped by ${who}.`,
    `[Warning] Job stopped by ${who} at {time}`,
  );
}
