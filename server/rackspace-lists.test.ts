import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentAgent, presentConfiguration } from './rackspace-v1/present';
import { presentAvailable } from './rackspace-v1/present-runs';
import type { Harness } from './rackspace-v1/test-support';
import { harness } from './rackspace-v1/test-support';
import { presentConfigurationSummary } from './rackspace-v2/present';
import { tableVersion } from './store/list-revs';
import { listAgents } from './store/rackspace-agents';
import { listConfigurations } from './store/rackspace-configurations';

/**
 * The kept whole lists (store/fragment-list.ts) say, byte for byte, what the plain queries and
 * presenters say, and every kind of write shows in the very next answer: API writes through either
 * door, engine ticks, and a write from outside the code (SQL), which only the triggers can see.
 */
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const DFW = { tenant: '110011', region: 'DFW' };
const ORD = { tenant: '110011', region: 'ORD' };
const V1 = '/v1.0/110011';
const V2 = '/ord/v2/110011';

async function text(path: string): Promise<string> {
  const res = await h.call('GET', path, { role: 'viewer' });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json');
  return res.text();
}

/** What the lists answered before they were kept: the plain query, mapped by the presenter. */
function plain() {
  const db = h.service.ctx.db;
  const base = `http://localhost${V2}`;
  return {
    configurations: JSON.stringify(listConfigurations(db, DFW).map(presentConfiguration)),
    available: JSON.stringify(
      listConfigurations(db, DFW, { restorable: true }).map((c) => presentAvailable(c, c.last_completed_at)),
    ),
    agents: JSON.stringify(listAgents(db, DFW).map((a) => presentAgent(a, h.clock.now(), true))),
    v2: listConfigurations(db, ORD, { limit: 100 }).map((c) => presentConfigurationSummary(base, c)),
  };
}

async function expectAsPlain(): Promise<void> {
  const want = plain();
  expect(await text(`${V1}/backup-configuration`)).toBe(want.configurations);
  expect(await text(`${V1}/backup/availableforrestore`)).toBe(want.available);
  expect(await text(`${V1}/user/agents`)).toBe(want.agents);
  const page = JSON.parse(await text(`${V2}/configurations`)) as { configurations: unknown[]; links: [] };
  expect(page).toEqual({ configurations: want.v2, links: [] });
}

type V1Config = {
  BackupConfigurationId: number;
  BackupState: string;
  IsActive: boolean;
  MachineName: string;
};
const v1Configs = async () => JSON.parse(await text(`${V1}/backup-configuration`)) as V1Config[];
const stateOf = async (id: number) =>
  (await v1Configs()).find((c) => c.BackupConfigurationId === id)?.BackupState;

describe('kept whole lists', () => {
  it('answer what the presenters make, and the same again while nothing changes', async () => {
    await expectAsPlain();
    const first = await text(`${V1}/backup-configuration`);
    expect(await text(`${V1}/backup-configuration`)).toBe(first);
    expect(JSON.parse(first)).toHaveLength(listConfigurations(h.service.ctx.db, DFW).length);
  });

  it('show a start, each engine step and a stop in the next answer', async () => {
    const idle = (await v1Configs()).find(
      (c) => c.IsActive && !/Requested|Queued|Preparing|InProgress/.test(c.BackupState),
    );
    const id = idle!.BackupConfigurationId;
    const start = await h.call('POST', `${V1}/backup/action-requested`, {
      body: { Action: 'StartManual', Id: id },
    });
    expect(start.status).toBe(200);
    expect(await stateOf(id)).toBe('StartRequested');
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      h.run(1, 200); // 12 simulated seconds at SPEED 60: queued, preparing, in progress in turn
      seen.add((await stateOf(id))!);
      await expectAsPlain();
    }
    expect([...seen]).toEqual(['Queued', 'Preparing', 'InProgress']);
    const stop = await h.call('POST', `${V1}/backup/action-requested`, {
      body: { Action: 'StopManual', Id: Number(await start.text()) },
    });
    expect(stop.status).toBe(204);
    expect(await stateOf(id)).toBe('StopRequested');
    h.run(40, 1000);
    await expectAsPlain();
  });

  it('show an enable or disable through either door', async () => {
    const [config] = await v1Configs();
    const enable = (Enable: boolean) =>
      h.call('POST', `${V1}/backup-configuration/enable/${config!.BackupConfigurationId}`, {
        body: { Enable },
      });
    expect((await enable(!config!.IsActive)).status).toBe(200);
    expect((await v1Configs())[0]!.IsActive).toBe(!config!.IsActive);
    await expectAsPlain();
    const v2Id = plain().v2[0]!.id;
    const patch = [{ op: 'replace', path: '/enabled', value: false }];
    expect((await h.call('PATCH', `${V2}/configurations/${v2Id}`, { body: patch })).status).toBe(204);
    await expectAsPlain();
    const agent = await h.call('POST', `${V1}/agent/enable`, {
      body: { MachineAgentId: 198300, Enable: false },
    });
    expect(agent.status).toBe(204);
    await expectAsPlain();
  });

  it('show a write that no route made (the triggers see every writer)', async () => {
    await expectAsPlain();
    h.service.ctx.db.prepare("UPDATE rs_agents SET name = 'renamed-by-sql' WHERE id = 198300").run();
    expect((await v1Configs()).filter((c) => c.MachineName === 'renamed-by-sql').length).toBeGreaterThan(0);
    await expectAsPlain();
  });

  it('stay kept through writes that no list shows (waking agents)', async () => {
    await text(`${V1}/user/agents`);
    const db = h.service.ctx.db;
    const before = ['rs_agents', 'rs_configurations'].map((t) => tableVersion(db, 'rs_versions', t));
    expect((await h.call('POST', `${V1}/user/wakeupagents`)).status).toBe(200);
    expect(['rs_agents', 'rs_configurations'].map((t) => tableVersion(db, 'rs_versions', t))).toEqual(before);
    await expectAsPlain();
  });
});
