import { Agent, request } from 'node:http';
import { percentile } from './browser';
import { startService } from './service';

/**
 * Whole lists of the reference service at SCALE=10000 over real HTTP (issue 3 §7: "a whole list answers
 * within about 100 ms"). Each list is asked `samples` (20) times in a row ("repeat": nothing written in
 * between, as most polls are) and `samples` times each right after a write that changes what it lists
 * ("after a write": a backup, job or restore session started, an agent disabled or enabled), so that
 * the service must make its answer again. A time runs from sending the request to the answer's last
 * byte. The service runs in this process with its engine ticking, as under `npm start`.
 */
export interface ListTiming {
  name: string;
  bytes: number;
  repeat: { medianMs: number; p95Ms: number };
  afterWrite: { medianMs: number; p95Ms: number };
}

type Headers = Record<string, string>;
const agent = new Agent({ keepAlive: true });

/**
 * One request; the answer's bytes are kept only when `keep` (the timed lists are counted and dropped,
 * so that the measuring client does not make garbage of its own beside the service it measures).
 */
function send(url: string, method = 'GET', headers: Headers = {}, body?: string, keep = true) {
  return new Promise<{ status: number; bytes: number; body: Buffer }>((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (keep) chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function json<T>(url: string, method = 'GET', headers: Headers = {}, body?: string): Promise<T> {
  const res = await send(url, method, headers, body);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.body.toString()}`);
  return JSON.parse(res.body.toString()) as T;
}

/** Hands out ids one by one: each write starts something on an idle configuration or job of its own. */
function pool<T>(ids: T[]): () => T {
  let next = 0;
  return () => {
    if (next >= ids.length) throw new Error('ran out of idle configurations or jobs to start');
    return ids[next++]!;
  };
}

interface ListCase {
  name: string;
  url: string;
  headers: Headers;
  write: () => Promise<{ status: number }>;
}

async function cases(base: string): Promise<ListCase[]> {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const jsonType = { 'content-type': 'application/json' };
  const credentials = { auth: { passwordCredentials: { username: 'admin', password: 'demo' } } };
  const rackspace = await json<{ access: { token: { id: string } } }>(
    `${base}/v2.0/tokens`,
    'POST',
    jsonType,
    JSON.stringify(credentials),
  );
  const veeam = await json<{ access_token: string }>(
    `${base}/v5/Token`,
    'POST',
    form,
    'grant_type=password&username=admin&password=demo',
  );
  const rs = { ...jsonType, 'x-auth-token': rackspace.access.token.id };
  const vm = { ...jsonType, authorization: `Bearer ${veeam.access_token}` };
  const v1 = `${base}/dfw/v1.0/110011`;
  const v2 = `${base}/ord/v2/110011`;

  type V1Agent = { MachineAgentId: number; IsDisabled: boolean };
  type V1Config = { BackupConfigurationId: number; IsActive: boolean; MachineAgentId: number };
  const agents = await json<V1Agent[]>(`${v1}/user/agents`, 'GET', rs);
  // One agent is switched off and on by the agent list's writes; the starts stay off its machine.
  const toggled = agents.find((a) => !a.IsDisabled)!.MachineAgentId;
  const usable = new Set(
    agents.filter((a) => !a.IsDisabled && a.MachineAgentId !== toggled).map((a) => a.MachineAgentId),
  );
  const v1Configs = await json<V1Config[]>(`${v1}/backup-configuration`, 'GET', rs);
  const nextV1 = pool(
    v1Configs.filter((c) => c.IsActive && usable.has(c.MachineAgentId)).map((c) => c.BackupConfigurationId),
  );
  const v2Page = await json<{ configurations: { id: string; enabled: boolean }[] }>(
    `${v2}/configurations?limit=1000`,
    'GET',
    rs,
  );
  const nextV2 = pool(v2Page.configurations.filter((c) => c.enabled).map((c) => c.id));
  const jobs = await json<{ id: string; isEnabled: boolean; lastStatus: string }[]>(
    `${base}/v5/Jobs`,
    'GET',
    vm,
  );
  const nextJob = pool(
    jobs.filter((j) => j.isEnabled && !/^(Running|Queued)$/.test(j.lastStatus)).map((j) => j.id),
  );

  // A start refused for a run already going (one started by its schedule) is still a written request.
  const startV1 = () =>
    send(
      `${v1}/backup/action-requested`,
      'POST',
      rs,
      JSON.stringify({ Action: 'StartManual', Id: nextV1() }),
    );
  const startV2 = () =>
    send(
      `${v2}/backups`,
      'POST',
      rs,
      JSON.stringify({ configuration_id: nextV2(), state: 'start_requested' }),
    );
  const jobAction = (body: unknown) => () =>
    send(`${base}/v5/Jobs/${nextJob()}/action`, 'POST', vm, JSON.stringify(body));
  let enabled = true;
  const toggleAgent = () => {
    enabled = !enabled;
    return send(
      `${v1}/agent/enable`,
      'POST',
      rs,
      JSON.stringify({ MachineAgentId: toggled, Enable: enabled }),
    );
  };
  const explore = { explore: { datetime: new Date().toISOString(), type: 'vex' } };
  return [
    {
      name: 'v1.0 backup-configuration (DFW, all)',
      url: `${v1}/backup-configuration`,
      headers: rs,
      write: startV1,
    },
    {
      name: 'v1.0 backup/availableforrestore',
      url: `${v1}/backup/availableforrestore`,
      headers: rs,
      write: startV1,
    },
    { name: 'v1.0 user/agents', url: `${v1}/user/agents`, headers: rs, write: toggleAgent },
    { name: 'v1.0 activity', url: `${v1}/activity`, headers: rs, write: startV1 },
    {
      name: 'v2 configurations (ORD, 1st page of 1000)',
      url: `${v2}/configurations?limit=1000`,
      headers: rs,
      write: startV2,
    },
    {
      name: 'v2 backups (ORD, 1st page of 1000)',
      url: `${v2}/backups?limit=1000&sort_dir=desc`,
      headers: rs,
      write: startV2,
    },
    { name: 'v5 Jobs (all)', url: `${base}/v5/Jobs`, headers: vm, write: jobAction({ start: null }) },
    {
      name: 'v5 JobSessions (limit 10000)',
      url: `${base}/v5/JobSessions?limit=10000`,
      headers: vm,
      write: jobAction({ start: null }),
    },
    {
      name: 'v5 RestoreSessions (limit 10000)',
      url: `${base}/v5/RestoreSessions?limit=10000`,
      headers: vm,
      write: jobAction(explore),
    },
  ];
}

async function timeOnce(c: ListCase): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await send(c.url, 'GET', c.headers, undefined, false);
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${c.url}: ${res.status}`);
  return { ms, bytes: res.bytes };
}

const figures = (ms: number[]) => ({ medianMs: percentile(ms, 50), p95Ms: percentile(ms, 95) });

/** Measures every big list of a service running at `base` (which it writes to: use a fresh one). */
export async function measureServerLists(base: string, samples = 20): Promise<ListTiming[]> {
  const out: ListTiming[] = [];
  for (const c of await cases(base)) {
    const { bytes } = await timeOnce(c); // the first answer also makes the kept parts
    const repeat: number[] = [];
    const afterWrite: number[] = [];
    for (let i = 0; i < samples; i++) repeat.push((await timeOnce(c)).ms);
    for (let i = 0; i < samples; i++) {
      const written = await c.write();
      if (written.status >= 500) throw new Error(`the write before ${c.name} failed: ${written.status}`);
      afterWrite.push((await timeOnce(c)).ms);
    }
    out.push({ name: c.name, bytes, repeat: figures(repeat), afterWrite: figures(afterWrite) });
  }
  return out;
}

/** A new service over a fresh SCALE=10000 data set, measured, then closed. */
export async function benchServerLists(options: { scale?: number; samples?: number } = {}) {
  const service = await startService({ scale: options.scale ?? 10_000, speed: 1 });
  try {
    return { seedMs: service.seedMs, lists: await measureServerLists(service.url, options.samples) };
  } finally {
    await service.close();
  }
}
