import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import {
  activityListSchema,
  agentListSchema,
  agentSchema,
  agentStatusSchema,
  backupListSchema,
  backupSchema,
  configurationListSchema,
  configurationSchema,
  errorListSchema,
  eventListSchema,
  restoreListSchema,
  restoreSchema,
  v2ErrorSchema,
} from '../../src/api/rackspace-v2/wire';
import type { Harness } from '../rackspace-v1/test-support';
import { harness } from '../rackspace-v1/test-support';

/** Every v2 endpoint answers what the shared wire schemas expect; lists page with marker and limit. */
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const ORD = '/ord/v2/110011';

async function get<S extends z.ZodMiniType>(path: string, schema: S): Promise<z.output<S>> {
  const res = await h.call('GET', path, { role: 'viewer' });
  expect(res.status, path).toBe(200);
  return schema.parse(await res.json());
}

async function error(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  return v2ErrorSchema.parse(await res.json()).message;
}

describe('v2 reads', () => {
  it('agents: list (of the region), one, status, configurations, activities', async () => {
    const { agents } = await get(`${ORD}/agents`, agentListSchema);
    expect(agents.length).toBeGreaterThan(2);
    expect(new Set(agents.map((a) => a.host.region))).toEqual(new Set(['ORD']));
    const first = agents[0]!;
    expect(await get(`${ORD}/agents/${first.id}`, agentSchema)).toEqual(first);
    expect(first.links[0]!.href).toMatch(new RegExp(`/ord/v2/110011/agents/${first.id}$`));
    expect(
      (await get(`${ORD}/agents?host_machine_id=${first.host.machine.id}`, agentListSchema)).agents,
    ).toHaveLength(1);
    expect(await get(`${ORD}/agents/${first.id}/status`, agentStatusSchema)).toEqual({
      busy: expect.any(Boolean) as boolean,
      online: true,
    });
    const configs = await get(`${ORD}/agents/${first.id}/configurations`, configurationListSchema);
    expect(configs.configurations.every((c) => c.agent.id === first.id)).toBe(true);
    await get(`${ORD}/agents/${first.id}/activities`, activityListSchema);
  });

  it('configurations: summary list paged by marker, one in full with its RRULE, restorable filter', async () => {
    const page1 = await get(`${ORD}/configurations?limit=3`, configurationListSchema);
    expect(page1.configurations).toHaveLength(3);
    expect(page1.configurations[0]).not.toHaveProperty('inclusions');
    const next = page1.links!.find((l) => l.rel === 'next')!;
    const page2 = await get(new URL(next.href).pathname + new URL(next.href).search, configurationListSchema);
    expect(page2.configurations[0]!.id).not.toBe(page1.configurations[2]!.id);
    const all = await get(`${ORD}/configurations?limit=1000`, configurationListSchema);
    expect(all.links).toEqual([]);
    expect(all.configurations.slice(0, 6).map((c) => c.id)).toEqual(
      [...page1.configurations, ...page2.configurations.slice(0, 3)].map((c) => c.id),
    );
    const full = await get(`${ORD}/configurations/${all.configurations[0]!.id}`, configurationSchema);
    expect(full.inclusions.length).toBeGreaterThan(0);
    expect(full.notifications[0]!.on_failure).toBe(true);
    expect(all.configurations.some((c) => c.schedule?.recurrence[0]?.startsWith('RRULE:FREQ=HOURLY;'))).toBe(
      true,
    );
    const restorable = await get(`${ORD}/configurations?restorable=true&limit=1000`, configurationListSchema);
    expect(restorable.configurations.every((c) => c.backups.last_completed !== null)).toBe(true);
  });

  it('backups: list newest first, asc, restorable of a configuration, one, errors, events', async () => {
    const desc = await get(`${ORD}/backups?limit=5`, backupListSchema);
    const asc = await get(`${ORD}/backups?limit=5&sort_dir=asc`, backupListSchema);
    expect(desc.backups[0]!.id).not.toBe(asc.backups[0]!.id);
    const config = (await get(`${ORD}/configurations?restorable=true`, configurationListSchema))
      .configurations[0]!;
    const points = await get(
      `${ORD}/backups?restorable=true&configuration_id=${config.id}`,
      backupListSchema,
    );
    expect(points.backups.length).toBeGreaterThan(0);
    expect(points.backups.every((b) => b.restorable && b.configuration.id === config.id)).toBe(true);
    const one = await get(`${ORD}/backups/${points.backups[0]!.id}`, backupSchema);
    expect(one.id).toBe(points.backups[0]!.id);
    const errors = await get(`${ORD}/backups/${one.id}/errors`, errorListSchema);
    expect(errors.count).toBe(errors.list.length);
    const events = await h.call('GET', `${ORD}/backups/${one.id}/events`);
    expect(events.status).toBe(200);
  });

  it('restores and activities', async () => {
    const restores = await get('/v2/110011/restores', restoreListSchema);
    expect(restores.restores.length).toBeGreaterThan(0);
    await get(`/v2/110011/restores/${restores.restores[0]!.id}`, restoreSchema);
    await get(`/v2/110011/restores/${restores.restores[0]!.id}/errors`, errorListSchema);
    const activities = await get(`${ORD}/activities?limit=10`, activityListSchema);
    expect(activities.activities).toHaveLength(10);
    const times = activities.activities.map((a) => Date.parse(a.last_updated_time));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const more = await get(
      `${ORD}/activities?limit=10&marker=${activities.activities[9]!.id}`,
      activityListSchema,
    );
    expect(more.activities[0]!.id).not.toBe(activities.activities[9]!.id);
  });
});

describe('v2 event streams', () => {
  it('a started backup’s events show under the backup, its configuration and its agent, oldest first', async () => {
    const config = '7c8ee069-568f-4d5a-932f-fb2af86b5fd5';
    const res = await h.call('POST', '/v2/110011/backups', {
      body: { configuration_id: config, state: 'start_requested' },
    });
    const backup = backupSchema.parse(await res.json());
    h.run(3);
    const own = await get(`/v2/110011/backups/${backup.id}/events`, eventListSchema);
    expect(own.events.map((e) => e.event).slice(0, 2)).toEqual(['backup_start_request', 'backup_queued']);
    const ofConfig = await get(`/v2/110011/configurations/${config}/events`, eventListSchema);
    expect(ofConfig.events.map((e) => e.id)).toEqual(own.events.map((e) => e.id));
    const ofAgent = await get(
      `/v2/110011/agents/${backup.agent.id}/events?sort_dir=desc&limit=2`,
      eventListSchema,
    );
    expect(ofAgent.events).toHaveLength(2);
    expect(Number(ofAgent.events[0]!.id)).toBeGreaterThan(Number(ofAgent.events[1]!.id));
    expect(
      await error(await h.call('GET', `/v2/110011/configurations/${config}/events?marker=x`), 400),
    ).toMatch(/marker/);
    expect((await h.call('POST', `/v2/110011/configurations/${config}/events`)).status).toBe(405);
  });
});

describe('v2 changes and errors', () => {
  it('PATCH /enabled of a configuration and an agent (admin only), 204', async () => {
    const { configurations } = await get(`${ORD}/configurations?limit=1`, configurationListSchema);
    const id = configurations[0]!.id;
    const off = [{ op: 'replace', path: '/enabled', value: false }];
    expect(
      await error(await h.call('PATCH', `${ORD}/configurations/${id}`, { role: 'support', body: off }), 403),
    ).toMatch(/admin/);
    const res = await h.call('PATCH', `${ORD}/configurations/${id}`, {
      body: off,
      headers: { 'content-type': 'application/json-patch+json' },
    });
    expect(res.status).toBe(204);
    const after = await get(`${ORD}/configurations/${id}`, configurationSchema);
    expect(after.enabled).toBe(false);
    expect(after.backups.next.scheduled_time).toBeNull();
    await h.call('PATCH', `${ORD}/configurations/${id}`, {
      body: [{ op: 'replace', path: '/enabled', value: true }],
    });
    expect((await get(`${ORD}/configurations/${id}`, configurationSchema)).enabled).toBe(true);
    const agent = configurations[0]!.agent.id;
    expect((await h.call('PATCH', `${ORD}/agents/${agent}`, { body: off })).status).toBe(204);
    expect((await get(`${ORD}/agents/${agent}`, agentSchema)).enabled).toBe(false);
    await h.call('PATCH', `${ORD}/agents/${agent}`, { body: [{ op: 'add', path: '/enabled', value: true }] });
  });

  it('bad patches and queries: 400 with a message', async () => {
    const { configurations } = await get(`${ORD}/configurations?limit=1`, configurationListSchema);
    const path = `${ORD}/configurations/${configurations[0]!.id}`;
    expect(await error(await h.call('PATCH', path, { body: { enabled: false } }), 400)).toMatch(
      /expected array/,
    );
    expect(await error(await h.call('PATCH', path, { body: [] }), 400)).toMatch(/empty/);
    expect(
      await error(await h.call('PATCH', path, { body: [{ op: 'replace', path: '/name', value: 'x' }] }), 400),
    ).toMatch(/\/name cannot be changed/);
    expect(
      await error(
        await h.call('PATCH', path, { body: [{ op: 'replace', path: '/enabled', value: 'no' }] }),
        400,
      ),
    ).toMatch(/true or false/);
    expect(await error(await h.call('GET', `${ORD}/backups?limit=0`), 400)).toMatch(/limit/);
    expect(await error(await h.call('GET', `${ORD}/backups?sort_dir=up`), 400)).toMatch(/sort_dir/);
    expect(await error(await h.call('GET', `${ORD}/backups?marker=nope`), 400)).toMatch(/marker/);
    expect(
      await error(await h.call('GET', `${ORD}/backups?configuration_id=${configurations[0]!.id}`), 400),
    ).toMatch(/restorable=true/);
    const backup = (await get(`${ORD}/backups?limit=1`, backupListSchema)).backups[0]!;
    expect(
      await error(
        await h.call('PATCH', `${ORD}/backups/${backup.id}`, {
          body: [{ op: 'replace', path: '/state', value: 'completed' }],
        }),
        400,
      ),
    ).toMatch(/only request a stop/);
    expect(
      await error(
        await h.call('POST', `${ORD}/backups`, {
          body: 'configuration_id=1',
          headers: { 'content-type': 'text/plain' },
        }),
        415,
      ),
    ).toMatch(/must be JSON/);
  });

  it('unknown ids 404, other methods 405 with Allow, other projects 403, no token 401', async () => {
    const zero = '00000000-0000-4000-8000-000000000000';
    for (const kind of ['agents', 'configurations', 'backups', 'restores'])
      await error(await h.call('GET', `${ORD}/${kind}/${zero}`), 404);
    await error(await h.call('GET', `${ORD}/backups/${zero}/events`), 404);
    const del = await h.call('DELETE', `${ORD}/backups/${zero}`);
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, PATCH');
    expect((await h.call('POST', `${ORD}/activities`)).status).toBe(405);
    expect(await error(await h.call('GET', '/ord/v2/999999/agents'), 403)).toMatch(/project 110011/);
    expect(await error(await h.call('GET', `${ORD}/agents`, { role: null }), 401)).toMatch(/X-Auth-Token/);
    await error(await h.call('GET', `${ORD}/nothing`), 404);
  });
});
