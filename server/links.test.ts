import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './rackspace-v1/test-support';
import { harness } from './rackspace-v1/test-support';
import { SEED_JOB } from './veeam-v5/testing';

/**
 * Every link the service gives resolves: starting from the main lists of v2 and Veeam v5, every
 * `href` in an answer (v2 `links`, Veeam `_links`, refs, paging links) is followed, breadth first, and
 * must answer 200. Links of the same shape (the same path with other ids) are followed a few times
 * each, which keeps the walk short and still reaches every kind of link.
 */
let h: Harness;
let bearer: string;
beforeAll(async () => {
  h = await harness();
  const res = await h.service.app.request('/v5/Token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=support&password=demo',
  });
  bearer = ((await res.json()) as { access_token: string }).access_token;
  // Something of each kind in flight: a v2 backup, a Veeam job session and a restore session.
  const configs = (await (await h.call('GET', '/ord/v2/110011/configurations')).json()) as {
    configurations: { id: string }[];
  };
  await h.call('POST', '/ord/v2/110011/backups', {
    body: { configuration_id: configs.configurations[0]!.id, state: 'start_requested' },
  });
  for (const body of [{ start: null }, { explore: { datetime: '2026-11-22 11:00:00', type: 'vesp' } }]) {
    await veeam(`/v5/Jobs/${SEED_JOB}/action`, { method: 'POST', body: JSON.stringify(body) });
  }
});
afterAll(() => h.close());

function veeam(path: string, init: RequestInit = {}) {
  const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
  return h.service.app.request(path, { ...init, headers });
}

const get = (path: string) => (/^\/v5\//i.test(path) ? veeam(path) : h.call('GET', path, { role: 'viewer' }));

function hrefsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) hrefsIn(v, out);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (key === 'href' && typeof v === 'string') out.push(v);
      else hrefsIn(v, out);
    }
  return out;
}

/** A path with its ids and numbers made generic: links of one shape are followed only a few times. */
const shape = (path: string) =>
  path
    .toLowerCase()
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/g, '{id}')
    .replace(/=[^&]*/g, '=')
    .replace(/\/\d+(?=\/|$|\?)/g, '/{n}');

const START = [
  '/ord/v2/110011/agents',
  '/ord/v2/110011/configurations?limit=3',
  '/ord/v2/110011/backups?limit=3&sort_dir=desc',
  '/ord/v2/110011/restores?limit=3',
  '/ord/v2/110011/activities?limit=3',
  '/v5/Organizations',
  '/v5/Jobs',
  '/v5/JobSessions?limit=3',
  '/v5/RestoreSessions?limit=3',
  '/v5/BackupRepositories',
  '/v5/Proxies',
  '/v5/LicensedUsers?limit=3',
];

describe('links', () => {
  it('resolve, every one of them, from the main objects of v2 and Veeam v5', async () => {
    const queue = [...START];
    const seen = new Set<string>();
    const perShape = new Map<string, number>();
    const failures: string[] = [];
    const shapes = new Set<string>();
    while (queue.length > 0) {
      const path = queue.shift()!;
      const key = shape(path);
      if (seen.has(path) || (perShape.get(key) ?? 0) >= 3) continue;
      seen.add(path);
      perShape.set(key, (perShape.get(key) ?? 0) + 1);
      shapes.add(key);
      const res = await get(path);
      if (res.status !== 200) {
        failures.push(`${path} → ${res.status}`);
        continue;
      }
      for (const href of hrefsIn(await res.json())) {
        const url = new URL(href, 'http://localhost');
        queue.push(url.pathname + url.search);
      }
    }
    expect(failures).toEqual([]);
    // The walk reached the links of every main object, not only the lists it started from.
    for (const expected of [
      '/ord/v2/{n}/backups/{id}/errors',
      '/ord/v2/{n}/configurations/{id}/events',
      '/ord/v2/{n}/agents/{id}/activities',
      '/v5/jobs/{id}/selecteditems',
      '/v5/jobs/{id}/excludeditems',
      '/v5/organizations/{id}/users',
      '/v5/organizations/{id}/groups',
      '/v5/organizations/{id}/sites',
      '/v5/organizations/{id}/users/{id}',
      '/v5/jobsessions/{id}/logitems',
      '/v5/restoresessions/{id}/events',
      '/v5/proxies/{id}/repositories',
    ])
      expect([...shapes], expected).toContain(expected);
  });
});
