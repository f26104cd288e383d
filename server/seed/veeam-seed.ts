import type { SchedulePolicy } from '../../src/api/veeam-v5/wire';
import type { ServiceContext } from '../context';
import { humanBytes, logTime, planSession } from '../engine/veeam-plan';
import { nextRunAfter, typicalGapMs } from '../engine/veeam-schedule';
import type { VeeamStore } from '../store/veeam-store';
import { veeamStore } from '../store/veeam-store';
import type { OrgRow } from '../store/veeam-types';
import type { Random } from './random';
import { dailyPolicy, JOB_KINDS, orgNames, randomPolicy, SEED_JOB_ID } from './veeam-names';
import { seedInfrastructure, seedLicensedUsers, seedRestoreSessions } from './veeam-seed-extras';

/**
 * How many jobs a SCALE makes: about half of a small SCALE (the default 24 gives a dozen jobs in four
 * organizations), and one per unit from 50 up (SCALE=10000 → 10,000 jobs).
 */
export function veeamJobCount(scale: number): number {
  return scale < 50 ? Math.max(4, Math.round(scale / 2)) : scale;
}

interface HistoryInput {
  jobId: string;
  org: OrgRow;
  jobName: string;
  backupType: string;
  risk: number;
  start: number;
}

/** One finished session of the past, with its statistics and log; returns its status and end. */
function seedHistorySession(store: VeeamStore, r: Random, h: HistoryInput): { status: string; end: number } {
  const id = r.uuid();
  const plan = planSession(id, {
    organization: h.org.name,
    backupType: h.backupType,
    jobName: h.jobName,
    risk: h.risk,
  });
  const failAt = plan.log.find((l) => l.fails)?.at ?? 100;
  const fraction = failAt / 100;
  const runMs = plan.plannedMs * fraction;
  const end = h.start + plan.queuedMs + runMs;
  const rate = Math.round(plan.totalBytes / (plan.plannedMs / 1000));
  const warningCount = plan.log.filter((l) => l.title.startsWith('[Warning]')).length;
  const summary = `${plan.totalObjects} objects processed, ${humanBytes(plan.totalBytes)} transferred`;
  const lines: { title: string; at: number }[] = [
    { title: `[Success] Job started at ${logTime(h.start)} (scheduled)`, at: h.start },
  ];
  for (const l of plan.log.filter((l) => l.at <= failAt)) {
    lines.push({ title: l.title, at: h.start + plan.queuedMs + (plan.plannedMs * l.at) / 100 });
  }
  const final = {
    Success: `[Success] Job finished at ${logTime(end)}: ${summary}`,
    Warning: `[Warning] Job finished with warnings at ${logTime(end)}: ${summary}`,
    Failed: `[Failed] Job finished with error at ${logTime(end)}: ${plan.failure ?? ''}`,
  }[plan.outcome];
  lines.push({ title: final, at: end });
  store.insert('veeam_job_sessions', {
    id,
    job_id: h.jobId,
    creation_time: h.start,
    end_time: Math.round(end),
    status: plan.outcome,
    progress: plan.outcome === 'Failed' ? Math.floor(failAt) : 100,
    details:
      plan.outcome === 'Failed'
        ? (plan.failure ?? '')
        : plan.outcome === 'Warning'
          ? `Processing finished with ${warningCount} warning${warningCount === 1 ? '' : 's'}.`
          : '',
    retry_count: 0,
    total_objects: plan.totalObjects,
    total_bytes: plan.totalBytes,
    processed_objects: Math.round(plan.totalObjects * fraction),
    transferred_bytes: Math.round(plan.totalBytes * fraction),
    rate_bytes: rate,
    rate_items: Math.round((plan.totalObjects / (plan.plannedMs / 1000)) * 10) / 10,
    read_rate: Math.round(rate * 1.08),
    write_rate: Math.round(rate * 0.93),
    bottleneck: plan.bottleneck,
    outcome: plan.outcome,
    elapsed_ms: plan.queuedMs + runMs,
    queued_ms: plan.queuedMs,
    planned_ms: plan.plannedMs,
    plan_json: JSON.stringify({ log: plan.log, failure: plan.failure }),
    next_log: plan.log.length,
  });
  lines.forEach((line, i) =>
    store.insert('veeam_log_items', {
      id: r.uuid(),
      session_id: id,
      usn: i + 1,
      title: line.title,
      creation_time: Math.round(line.at),
      end_time: Math.round(line.at),
    }),
  );
  return { status: plan.outcome, end: Math.round(end) };
}

/** The deterministic Veeam demo data set (see veeamJobCount for its size). */
export function seedVeeam(ctx: ServiceContext, r: Random, scale: number): void {
  const store = veeamStore(ctx.db);
  const now = ctx.clock.now();
  const jobCount = veeamJobCount(scale);
  const orgCount = Math.max(3, Math.ceil(jobCount / 3));
  const { repositories, offlineRepository } = seedInfrastructure(store, r, jobCount);
  const orgs: OrgRow[] = [];
  for (let i = 0; i < orgCount; i++) {
    const names = orgNames(i);
    const org: OrgRow = {
      id: r.uuid(),
      name: names.name,
      office_name: names.officeName,
      type: 'Office365',
      region: 'Worldwide',
      is_exchange: 1,
      is_sharepoint: 1,
      is_teams: i % 4 === 3 ? 0 : 1,
      first_backup_at: null,
      last_backup_at: null,
    };
    orgs.push(org);
    store.insert('veeam_organizations', { ...org });
  }
  const history = jobCount < 50 ? 6 : 2;
  for (let i = 0; i < jobCount; i++) {
    // Each job draws from its own fork: how many past runs fit before now must not shift the others.
    const jr = r.fork(`job-${i}`);
    const org = orgs[i % orgCount]!;
    const kind = JOB_KINDS[Math.floor(i / orgCount) % JOB_KINDS.length]!;
    const first = i === 0;
    const id = first ? SEED_JOB_ID : jr.uuid();
    const policy: SchedulePolicy = first ? dailyPolicy('03:30:00') : randomPolicy(jr);
    const enabled = first || i === orgCount || i === jobCount - 1 || (i !== orgCount + 1 && !jr.chance(0.12));
    // The seed's job never warns or fails (e2e relies on it); its organization's next job often does,
    // to show how; the job after that is always disabled.
    const risk = first ? 0 : i === orgCount ? 0.6 : 0.05 + jr.next() * 0.3;
    const picked = jr.pick(repositories);
    const repo = i === jobCount - 1 ? offlineRepository : picked;
    const name = `${org.office_name} ${kind.name}`;
    const gap = typicalGapMs(policy);
    const shift = enabled ? 0 : 3 * 24 * 3600_000;
    const nextRun = nextRunAfter(policy, now - shift) ?? now;
    store.insert('veeam_jobs', {
      id,
      org_id: org.id,
      name,
      description: kind.description,
      backup_type: kind.backupType,
      schedule_json: JSON.stringify(policy),
      is_enabled: enabled ? 1 : 0,
      repository_id: repo.id,
      proxy_id: repo.proxy_id,
      last_status: 'NotConfigured',
      last_run: null,
      next_run: enabled ? nextRunAfter(policy, now) : null,
      current_session_id: null,
      risk,
    });
    let last: { status: string; end: number; start: number } | null = null;
    for (let k = history; k >= 1; k--) {
      const start = Math.round(nextRun - k * gap - jr.int(0, 120) * 1000);
      if (start >= now - 3600_000) continue; // a past run has ended: runs last at most ~31 min
      const h = seedHistorySession(store, jr, {
        jobId: id,
        org,
        jobName: name,
        backupType: kind.backupType,
        risk,
        start,
      });
      last = { ...h, start };
      if (h.status !== 'Failed') {
        org.first_backup_at = Math.min(org.first_backup_at ?? h.end, h.end);
        org.last_backup_at = Math.max(org.last_backup_at ?? h.end, h.end);
      }
    }
    if (last) store.update('veeam_jobs', id, { last_status: last.status, last_run: last.start });
  }
  for (const org of orgs) {
    store.update('veeam_organizations', org.id, {
      first_backup_at: org.first_backup_at,
      last_backup_at: org.last_backup_at,
    });
  }
  seedLicensedUsers(store, r, orgs);
  seedRestoreSessions(store, r, orgs, jobCount < 50 ? 3 : Math.ceil(jobCount / 50), now);
}
