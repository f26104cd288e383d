import type {
  BackupRepository,
  Job,
  JobSession,
  LicensedUser,
  LogItem,
  Organization,
  Proxy,
  RestoreSession,
  RestoreSessionEvent,
  SchedulePolicy,
} from '../../src/api/veeam-v5/wire';
import type {
  EventRow,
  JobRow,
  LicensedUserRow,
  LogRow,
  OrgRow,
  ProxyRow,
  RepoRow,
  RestoreRow,
  SessionRow,
} from '../store/veeam-types';
import { iso } from './http';

/** Rows of the model as Veeam v5 shows them. Links are paths on this origin (`/v5/...`). */

const link = (href: string) => ({ href });

export function presentOrganization(o: OrgRow): Organization {
  const self = `/v5/Organizations/${o.id}`;
  return {
    id: o.id,
    name: o.name,
    officeName: o.office_name,
    type: o.type,
    region: o.region,
    isExchangeOnline: o.is_exchange === 1,
    isSharePointOnline: o.is_sharepoint === 1,
    isTeamsOnline: o.is_teams === 1,
    isBackedup: o.last_backup_at !== null,
    firstBackuptime: iso(o.first_backup_at),
    lastBackuptime: iso(o.last_backup_at),
    _links: {
      self: link(self),
      jobs: link(`${self}/Jobs`),
      users: link(`${self}/Users`),
      groups: link(`${self}/Groups`),
      sites: link(`${self}/Sites`),
      usedRepositories: link(`${self}/UsedRepositories`),
    },
  };
}

export function presentJob(j: JobRow): Job {
  const self = `/v5/Jobs/${j.id}`;
  return {
    id: j.id,
    name: j.name,
    description: j.description,
    lastStatus: j.last_status,
    lastRun: iso(j.last_run),
    nextRun: iso(j.next_run),
    isEnabled: j.is_enabled === 1,
    backupType: j.backup_type,
    schedulePolicy: JSON.parse(j.schedule_json) as SchedulePolicy,
    _links: {
      self: link(self),
      organization: link(`/v5/Organizations/${j.org_id}`),
      backupRepository: link(`/v5/BackupRepositories/${j.repository_id}`),
      jobsessions: link(`${self}/JobSessions`),
      selectedItems: link(`${self}/SelectedItems`),
      excludedItems: link(`${self}/ExcludedItems`),
    },
  };
}

export function presentJobSession(s: SessionRow): JobSession {
  const self = `/v5/JobSessions/${s.id}`;
  return {
    id: s.id,
    creationTime: iso(s.creation_time)!,
    endTime: iso(s.end_time),
    progress: s.progress,
    status: s.status,
    details: s.details,
    retryCount: s.retry_count,
    statistics: {
      processingRateBytesPS: s.rate_bytes,
      processingRateItemsPS: s.rate_items,
      readRateBytesPS: s.read_rate,
      writeRateBytesPS: s.write_rate,
      transferredDataBytes: s.transferred_bytes,
      processedObjects: s.processed_objects,
      bottleneck: s.bottleneck,
    },
    _links: { self: link(self), log: link(`${self}/LogItems`), job: link(`/v5/Jobs/${s.job_id}`) },
  };
}

export function presentLogItem(l: LogRow): LogItem {
  return {
    id: l.id,
    usn: l.usn,
    title: l.title,
    creationTime: iso(l.creation_time)!,
    endTime: iso(l.end_time),
    _links: { jobSession: link(`/v5/JobSessions/${l.session_id}`) },
  };
}

export function presentRestoreSession(r: RestoreRow): RestoreSession {
  const self = `/v5/RestoreSessions/${r.id}`;
  return {
    id: r.id,
    name: r.name,
    organization: r.organization,
    type: r.type,
    creationTime: iso(r.creation_time)!,
    endTime: iso(r.end_time),
    state: r.state,
    result: r.result,
    initiatedBy: r.initiated_by,
    details: r.details,
    _links: {
      self: link(self),
      organization: link(`/v5/Organizations/${r.org_id}`),
      restoreSessionEvents: link(`${self}/Events`),
      ...(r.job_id ? { job: link(`/v5/Jobs/${r.job_id}`) } : {}),
    },
  };
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

export function presentRestoreEvent(e: EventRow): RestoreSessionEvent {
  return {
    id: e.id,
    type: e.type,
    status: e.status,
    startTime: iso(e.start_time)!,
    endTime: iso(e.end_time),
    duration: duration((e.end_time ?? e.start_time) - e.start_time),
    title: e.title,
    message: e.message,
    order: e.ord,
  };
}

export function presentRepository(r: RepoRow): BackupRepository {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    path: r.path,
    capacityBytes: r.capacity_bytes,
    freeSpaceBytes: r.free_space_bytes,
    retentionType: r.retention_type,
    retentionPeriodType: 'Yearly',
    yearlyRetentionPeriod: r.retention_period,
    objectStorageId: null,
    _links: { self: link(`/v5/BackupRepositories/${r.id}`), proxy: link(`/v5/Proxies/${r.proxy_id}`) },
  };
}

export function presentProxy(p: ProxyRow): Proxy {
  return {
    id: p.id,
    hostName: p.host_name,
    description: p.description,
    port: p.port,
    threadsNumber: p.threads_number,
    status: p.status,
    _links: { self: link(`/v5/Proxies/${p.id}`), repositories: link(`/v5/Proxies/${p.id}/repositories`) },
  };
}

export function presentLicensedUser(u: LicensedUserRow): LicensedUser {
  return {
    id: u.id,
    name: u.name,
    isBackedUp: u.is_backed_up === 1,
    lastBackupDate: iso(u.last_backup_date),
    licenseState: u.license_state,
    organizationId: u.org_id,
    _links: { organization: link(`/v5/Organizations/${u.org_id}`) },
  };
}
