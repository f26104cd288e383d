import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backupRepositoryListSchema,
  errorSchema,
  jobListSchema,
  jobSchema,
  jobSessionPageSchema,
  jobSessionSchema,
  licensedUserPageSchema,
  licensingInformationSchema,
  linkId,
  logItemPageSchema,
  organizationListSchema,
  organizationSchema,
  proxyListSchema,
  restoreSessionEventPageSchema,
  restoreSessionPageSchema,
  restoreSessionSchema,
} from '../../src/api/veeam-v5/wire';
import type { VeeamTestService } from './testing';
import { SEED_JOB, startVeeam } from './testing';

/** Every read endpoint: shape (parsed with the shared wire schemas), case, paging, filters, 404s. */

let t: VeeamTestService;
beforeAll(async () => {
  t = await startVeeam();
});
afterAll(() => t.service.close());

async function get(path: string): Promise<unknown> {
  const res = await t.call('viewer', path);
  expect(res.status, `${path} → ${res.status}`).toBe(200);
  return res.json();
}

async function expectError(path: string, status: number, pattern: RegExp): Promise<void> {
  const res = await t.call('viewer', path);
  expect(res.status).toBe(status);
  expect(errorSchema.parse(await res.json()).message).toMatch(pattern);
}

describe('organizations', () => {
  it('lists a bare array and answers one, its jobs and its licensing information', async () => {
    const orgs = organizationListSchema.parse(await get('/v5/Organizations'));
    expect(orgs.length).toBeGreaterThanOrEqual(3);
    const contoso = orgs.find((o) => o.name === 'contoso.onmicrosoft.com')!;
    expect(contoso.firstBackuptime).toBeTruthy();
    expect(contoso.lastBackuptime).toBeTruthy();
    expect(organizationSchema.parse(await get(`/v5/organizations/${contoso.id}`)).id).toBe(contoso.id);
    const jobs = jobListSchema.parse(await get(`/v5/Organizations/${contoso.id}/Jobs`));
    expect(jobs.map((j) => j.id)).toContain(SEED_JOB);
    expect(jobs.every((j) => linkId(j._links, 'organization') === contoso.id)).toBe(true);
    const licensing = licensingInformationSchema.parse(
      await get(`/v5/Organizations/${contoso.id}/LicensingInformation`),
    );
    expect(licensing.licensedUsers).toBeGreaterThan(0);
  });

  it('answers 404 with a message for an unknown organization', async () => {
    await expectError('/v5/Organizations/nope', 404, /no organization with id "nope"/);
    await expectError('/v5/Organizations/nope/Jobs', 404, /no organization/);
    await expectError('/v5/Organizations/nope/LicensingInformation', 404, /no organization/);
  });
});

describe('jobs', () => {
  it('lists a bare array with both backup types, schedules and some disabled', async () => {
    const jobs = jobListSchema.parse(await get('/v5/Jobs'));
    expect(jobs.length).toBe(12);
    expect(new Set(jobs.map((j) => j.backupType))).toEqual(new Set(['SelectedItems', 'EntireOrganization']));
    expect(new Set(jobs.map((j) => j.schedulePolicy?.type))).toEqual(new Set(['Daily', 'Periodically']));
    expect(jobs.some((j) => !j.isEnabled)).toBe(true);
    expect(jobs.filter((j) => !j.isEnabled).every((j) => j.nextRun === null)).toBe(true);
    expect(new Set(jobs.map((j) => j.lastStatus))).toContain('Success');
  });

  it('answers one job under any case of its path, with or without a trailing slash', async () => {
    for (const path of [
      `/v5/Jobs/${SEED_JOB}`,
      `/V5/JOBS/${SEED_JOB.toUpperCase()}`,
      `/v5/jobs/${SEED_JOB}/`,
    ]) {
      expect(jobSchema.parse(await get(path)).id).toBe(SEED_JOB);
    }
    expect(jobListSchema.parse(await get('/v5/jobs/')).length).toBe(12);
  });

  it('answers a malformed %-escape in a path with 404, never a 500', async () => {
    await expectError('/v5/Jobs/%E0%A4%A', 404, /no job with id/);
  });

  it('answers 404 with a message for an unknown job', async () => {
    await expectError('/v5/Jobs/4c1e0000-0000-4000-8000-000000000000', 404, /no job with id/);
    await expectError('/v5/Jobs/4c1e0000-0000-4000-8000-000000000000/JobSessions', 404, /no job with id/);
  });
});

describe('job sessions and log items', () => {
  it('pages the sessions of a job, newest first, with statistics and links', async () => {
    const page = jobSessionPageSchema.parse(await get(`/v5/Jobs/${SEED_JOB}/JobSessions`));
    expect(page).toMatchObject({ offset: 0, limit: 30 });
    expect(page.results.length).toBeGreaterThan(2);
    const times = page.results.map((s) => Date.parse(s.creationTime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.results.every((s) => linkId(s._links, 'job') === SEED_JOB)).toBe(true);
    expect(page.results[0]!.statistics?.transferredDataBytes).toBeGreaterThan(0);
    const one = jobSessionSchema.parse(await get(`/V5/JobSessions/${page.results[0]!.id}`));
    expect(one.id).toBe(page.results[0]!.id);
  });

  it('pages all sessions with offset and limit and next/prev links', async () => {
    const first = jobSessionPageSchema.parse(await get('/v5/JobSessions?limit=5'));
    expect(first.results).toHaveLength(5);
    expect(first._links?.next?.href).toBe('/v5/JobSessions?limit=5&offset=5');
    expect(first._links?.prev).toBeUndefined();
    const second = jobSessionPageSchema.parse(await get('/v5/JobSessions?offset=5&Limit=5'));
    expect(second.offset).toBe(5);
    expect(second.results[0]!.id).not.toBe(first.results[0]!.id);
    expect(second._links?.prev?.href).toContain('offset=0');
    const all = jobSessionPageSchema.parse(await get('/v5/JobSessions?limit=10000'));
    expect(all._links?.next).toBeUndefined();
    expect(all.results.length).toBeGreaterThan(30);
    const beyond = jobSessionPageSchema.parse(await get('/v5/JobSessions?offset=100000'));
    expect(beyond.results).toEqual([]);
  });

  it.each(['limit=0', 'limit=10001', 'limit=ten', 'offset=-1', 'offset=1.5'])(
    'refuses %s with 400 and the rule',
    async (query) => {
      await expectError(`/v5/JobSessions?${query}`, 400, /must be a whole number from/);
    },
  );

  it('pages a session log in order, and answers 404 for an unknown session', async () => {
    const page = jobSessionPageSchema.parse(await get(`/v5/Jobs/${SEED_JOB}/JobSessions?limit=1`));
    const log = logItemPageSchema.parse(await get(`/v5/JobSessions/${page.results[0]!.id}/LogItems`));
    expect(log.results[0]!.title).toMatch(/^\[Success\] Job started at /);
    expect(log.results.map((l) => l.usn)).toEqual(log.results.map((_, i) => i + 1));
    expect(log.results.at(-1)!.title).toMatch(/^\[Success\] Job finished at /);
    await expectError('/v5/JobSessions/nope', 404, /no job session/);
    await expectError('/v5/JobSessions/nope/LogItems', 404, /no job session/);
  });

  it('shows warnings and failures with real-looking log items in the history', async () => {
    const all = jobSessionPageSchema.parse(await get('/v5/JobSessions?limit=10000'));
    const statuses = new Set(all.results.map((s) => s.status));
    expect(statuses).toEqual(new Set(['Success', 'Warning', 'Failed']));
    const warned = all.results.find((s) => s.status === 'Warning')!;
    const log = logItemPageSchema.parse(await get(`/v5/JobSessions/${warned.id}/LogItems`));
    expect(log.results.some((l) => l.title.startsWith('[Warning] '))).toBe(true);
    const failed = all.results.find((s) => s.status === 'Failed')!;
    expect(failed.details).toBeTruthy();
  });
});

describe('restore sessions', () => {
  it('pages the list with time filters; answers one and its events', async () => {
    const page = restoreSessionPageSchema.parse(await get('/v5/RestoreSessions'));
    expect(page.results.length).toBeGreaterThan(0);
    expect(page.results.every((r) => r.state === 'Stopped')).toBe(true);
    const r = page.results[0]!;
    expect(restoreSessionSchema.parse(await get(`/v5/RestoreSessions/${r.id}`)).id).toBe(r.id);
    const events = restoreSessionEventPageSchema.parse(await get(`/v5/RestoreSessions/${r.id}/Events`));
    expect(events.results.map((e) => e.order)).toEqual(events.results.map((_, i) => i + 1));
    const at = encodeURIComponent(r.creationTime);
    const from = restoreSessionPageSchema.parse(await get(`/v5/RestoreSessions?startTimeFrom=${at}`));
    expect(from.results.every((x) => x.creationTime >= r.creationTime)).toBe(true);
    expect(from.results.map((x) => x.id)).toContain(r.id);
    const to = restoreSessionPageSchema.parse(
      await get(`/v5/RestoreSessions?startTimeTo=2000-01-01 00:00:00.000`),
    );
    expect(to.results).toEqual([]);
    await expectError('/v5/RestoreSessions?startTimeFrom=soon', 400, /startTimeFrom must be a date and time/);
    await expectError('/v5/RestoreSessions/nope', 404, /no restore session/);
    await expectError('/v5/RestoreSessions/nope/Events', 404, /no restore session/);
  });
});

describe('repositories, proxies, licensed users', () => {
  it('lists repositories and proxies as bare arrays with what monitoring scripts read', async () => {
    const repos = backupRepositoryListSchema.parse(await get('/v5/BackupRepositories'));
    expect(repos[0]!.capacityBytes).toBeGreaterThan(repos[0]!.freeSpaceBytes);
    expect((await t.call('viewer', `/v5/BackupRepositories/${repos[0]!.id}`)).status).toBe(200);
    const proxies = proxyListSchema.parse(await get('/v5/Proxies/'));
    expect(proxies[0]).toMatchObject({ status: 'Online' });
    expect((await t.call('viewer', `/v5/Proxies/${proxies[0]!.id}`)).status).toBe(200);
    await expectError('/v5/Proxies/nope', 404, /no proxy/);
    const ofProxy = backupRepositoryListSchema.parse(await get(`/v5/Proxies/${proxies[0]!.id}/Repositories`));
    expect(ofProxy.map((r) => r.id)).toContain(repos[0]!.id);
    const orgs = organizationListSchema.parse(await get('/v5/Organizations'));
    const used = backupRepositoryListSchema.parse(
      await get(`/v5/Organizations/${orgs[0]!.id}/UsedRepositories`),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(used.length).toBeLessThanOrEqual(repos.length);
    await expectError('/v5/BackupRepositories/nope', 404, /no backup repository/);
  });

  it('pages licensed users, filtered by organization', async () => {
    const orgs = organizationListSchema.parse(await get('/v5/Organizations'));
    const all = licensedUserPageSchema.parse(await get('/v5/LicensedUsers?limit=10000'));
    const mine = licensedUserPageSchema.parse(await get(`/v5/LicensedUsers?organizationId=${orgs[1]!.id}`));
    expect(mine.results.length).toBeGreaterThan(0);
    expect(mine.results.length).toBeLessThan(all.results.length);
    expect(mine.results.every((u) => u.name.endsWith('@fabrikam.com'))).toBe(true);
    await expectError('/v5/LicensedUsers?organizationId=nope', 404, /no organization/);
  });
});

describe('every endpoint needs a token', () => {
  it.each([
    '/v5/Organizations',
    '/v5/Jobs',
    `/v5/Jobs/${SEED_JOB}/JobSessions`,
    '/v5/JobSessions',
    '/v5/RestoreSessions',
    '/v5/BackupRepositories',
    '/v5/Proxies',
    '/v5/LicensedUsers',
  ])('%s → 401 without one', async (path) => {
    const res = await t.call(null, path);
    expect(res.status).toBe(401);
    expect(errorSchema.parse(await res.json()).message).toMatch(/No token/);
  });
});

describe('reads are open to every role, under any case of the path', () => {
  it.each(['viewer', 'support', 'admin'] as const)('%s reads every list', async (role) => {
    const orgs = organizationListSchema.parse(await get('/v5/Organizations'));
    const session = jobSessionPageSchema.parse(await get('/v5/JobSessions?limit=1')).results[0]!;
    const restore = restoreSessionPageSchema.parse(await get('/v5/RestoreSessions?limit=1')).results[0]!;
    const paths = [
      '/V5/ORGANIZATIONS',
      `/v5/organizations/${orgs[0]!.id.toUpperCase()}/JOBS`,
      `/v5/Organizations/${orgs[0]!.id}/licensingInformation`,
      '/v5/jobs',
      `/v5/JOBS/${SEED_JOB}/jobSessions`,
      '/v5/jobsessions',
      `/v5/JobSessions/${session.id}/logitems`,
      '/v5/restoreSessions',
      `/v5/RESTORESESSIONS/${restore.id}/EVENTS`,
      '/v5/backupRepositories',
      '/v5/PROXIES',
      '/v5/licensedUsers',
    ];
    for (const path of paths) expect((await t.call(role, path)).status, path).toBe(200);
  });
});

describe('paging of log items and events', () => {
  it('walks a session log two items at a time, in usn order', async () => {
    const session = jobSessionPageSchema.parse(await get(`/v5/Jobs/${SEED_JOB}/JobSessions?limit=1`))
      .results[0]!;
    const all = logItemPageSchema.parse(await get(`/v5/JobSessions/${session.id}/LogItems`)).results;
    const walked: number[] = [];
    let href: string | undefined = `/v5/JobSessions/${session.id}/LogItems?limit=2`;
    while (href) {
      const page = logItemPageSchema.parse(await get(href));
      expect(page.results.length).toBeLessThanOrEqual(2);
      walked.push(...page.results.map((l) => l.usn));
      href = page._links?.next?.href;
    }
    expect(walked).toEqual(all.map((l) => l.usn));
    const restore = restoreSessionPageSchema.parse(await get('/v5/RestoreSessions?limit=1')).results[0]!;
    const events = restoreSessionEventPageSchema.parse(
      await get(`/v5/RestoreSessions/${restore.id}/Events?limit=1&offset=1`),
    );
    expect(events.results.map((e) => e.order)).toEqual([2]);
  });
});
