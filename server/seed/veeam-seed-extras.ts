import { logTime } from '../engine/veeam-plan';
import type { VeeamStore } from '../store/veeam-store';
import type { OrgRow, RepoRow } from '../store/veeam-types';
import type { Random } from './random';
import { PEOPLE } from './veeam-names';

/** The Veeam demo's proxies, repositories, licensed users and past restore sessions. */

const TB = 1024 ** 4;

export function seedInfrastructure(
  store: VeeamStore,
  r: Random,
  jobCount: number,
): { repositories: RepoRow[]; offlineRepository: RepoRow } {
  const proxyIds: string[] = [];
  const proxies = Math.max(2, Math.ceil(jobCount / 1000));
  for (let i = 0; i < proxies; i++) {
    const id = r.uuid();
    proxyIds.push(id);
    store.insert('veeam_proxies', {
      id,
      host_name: i === 0 ? 'vbo365.backup.local' : `vbo-proxy-${String(i).padStart(2, '0')}.backup.local`,
      description: i === 0 ? 'Default backup proxy' : 'Remote backup proxy',
      port: 9193,
      threads_number: i === 0 ? 64 : 32,
      status: 'Online',
    });
  }
  const repositories: RepoRow[] = [];
  const count = Math.max(3, Math.ceil(jobCount / 250));
  for (let i = 0; i < count; i++) {
    const capacity = r.int(2, 16) * TB;
    const repo: RepoRow = {
      id: r.uuid(),
      name: i === 0 ? 'Default Backup Repository' : `Backup repository ${i + 1}`,
      description: i === 0 ? 'Created by Veeam Backup for Microsoft 365' : 'Item-level retention, 3 years',
      path: i === 0 ? 'C:\\VeeamRepository' : `E:\\Repositories\\Repo${i + 1}`,
      proxy_id: proxyIds[i % proxyIds.length]!,
      capacity_bytes: capacity,
      free_space_bytes: Math.round(capacity * (0.15 + r.next() * 0.6)),
      retention_type: i % 2 === 0 ? 'ItemLevel' : 'SnapshotBased',
      retention_period: 'Years3',
    };
    repositories.push(repo);
    store.insert('veeam_repositories', { ...repo });
  }
  // A proxy that is down, and its repository: the one job that backs up there fails until it is back.
  // Drawn from a fork so the rest of the data set does not shift.
  const dr = r.fork('offline-proxy');
  const proxyId = dr.uuid();
  store.insert('veeam_proxies', {
    id: proxyId,
    host_name: 'vbo-proxy-dr.backup.local',
    description: 'Disaster recovery site proxy',
    port: 9193,
    threads_number: 16,
    status: 'Offline',
  });
  const offlineRepository: RepoRow = {
    id: dr.uuid(),
    name: 'DR site repository',
    description: 'Second copy at the disaster recovery site',
    path: 'D:\\DR\\Repository',
    proxy_id: proxyId,
    capacity_bytes: 4 * TB,
    free_space_bytes: Math.round(1.7 * TB),
    retention_type: 'SnapshotBased',
    retention_period: 'Years1',
  };
  store.insert('veeam_repositories', { ...offlineRepository });
  return { repositories, offlineRepository };
}

export function seedLicensedUsers(store: VeeamStore, r: Random, orgs: OrgRow[]): void {
  const perOrg = orgs.length <= 16 ? PEOPLE.length : 3;
  for (const org of orgs) {
    const domain = org.name.replace(/\.onmicrosoft\.com$/, '.com');
    for (let i = 0; i < perOrg; i++) {
      const backedUp = org.last_backup_at !== null && !r.chance(0.1);
      store.insert('veeam_licensed_users', {
        id: r.uuid(),
        org_id: org.id,
        name: `${PEOPLE[i % PEOPLE.length] ?? 'user'}@${domain}`,
        is_backed_up: backedUp ? 1 : 0,
        last_backup_date: backedUp ? org.last_backup_at : null,
        license_state: backedUp || r.chance(0.5) ? 'Licensed' : 'Unlicensed',
        is_new: r.chance(0.1) ? 1 : 0,
      });
    }
  }
}

/** Past restore sessions, all Stopped: the demo starts with none open. */
export function seedRestoreSessions(
  store: VeeamStore,
  r: Random,
  orgs: OrgRow[],
  count: number,
  now: number,
): void {
  const types = ['Vex', 'Vesp', 'Veod', 'Vet'];
  for (let i = 0; i < count; i++) {
    const org = orgs[i % orgs.length]!;
    const job = store.jobs(org.id)[0];
    if (!job || org.last_backup_at === null) continue;
    const created = now - r.int(2, 20 * 24) * 3600_000;
    const ended = created + r.int(5, 90) * 60_000;
    const items = r.int(1, 60);
    const id = r.uuid();
    const who = r.pick(['support', 'admin']);
    store.insert('veeam_restore_sessions', {
      id,
      job_id: job.id,
      org_id: org.id,
      name: `${org.name}: ${job.name} - ${logTime(created - 3600_000)}`,
      organization: org.name,
      type: types[i % types.length]!,
      creation_time: created,
      end_time: ended,
      state: 'Stopped',
      result: 'Success',
      initiated_by: who,
      details: `${items} items processed (${items} successfully, 0 failed)`,
      point_in_time: created - 3600_000,
      show_deleted: 0,
      show_all_versions: 0,
    });
    const events = [
      ['Restore session started', `Restore session started by ${who} for job ${job.name}.`, created],
      ['Restore point mounted', `Restore point of ${logTime(created - 3600_000)} UTC is mounted.`, created],
      ['Items restored', `${items} items restored to the original location.`, ended - 60_000],
      ['Restore session stopped', `The restore session was stopped by ${who}.`, ended],
    ] as const;
    events.forEach(([title, message, at], k) =>
      store.insert('veeam_restore_events', {
        id: r.uuid(),
        session_id: id,
        ord: k + 1,
        type: 'None',
        status: 'Success',
        start_time: at,
        end_time: at,
        title,
        message,
      }),
    );
  }
}
