import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startMain } from '../server/process-test-support';
import { readEvents } from '../server/console/stream-test-support';
import { consoleCookie, send } from './http';
import type { LatencyFigures } from './latency';
import { connectionOf, measureLatency } from './latency';
import { ratePerSecond } from './rate';

/**
 * Live status for a whole team (issue 15, docs/live-push.md): the console server as `npm start` runs
 * it, in its own process, holding three connections (Rackspace v1.0 DFW, v2 ORD, Veeam) whose vendor
 * is its own reference service reached through a counting proxy in this process — so every request
 * the server sends to a vendor is counted by connection, and nothing else is. With 1, 10 and 50
 * consoles open on list pages while every connection runs something, it counts the vendor requests a
 * second per connection and reads the server's CPU and memory; and it measures how long a state
 * change on the vendor takes to reach a real page's screen, while something else runs and while the
 * connection is idle. Consoles past the real Chromium pages are stream clients: each signs in, holds
 * the stream, reads what a real page watches (the same paths, with the same `X-Console-Watch`), reads
 * a path again when the stream says it changed, and renews its watches every 30 s, as a page does.
 */
export interface ConsolesFigures {
  consoles: number;
  pages: number;
  clients: number;
  windowSeconds: number;
  /** Vendor requests a second, by connection (sign-ins at Identity apart). */
  perConnection: Record<string, number>;
  /** The console server's CPU over the window, in percent of one core. */
  cpuPercent: number;
  rssMb: number;
}

export interface PushFigures {
  consoles: ConsolesFigures[];
  busy: LatencyFigures;
  idle: LatencyFigures;
}

/** A proxy to `target()` that notes when each request came, by the connection its path belongs to. */
async function countingProxy(target: () => string) {
  const times = new Map<string, number[]>();
  const server = createServer((req, res) => {
    const connection = connectionOf(`http://proxy${req.url ?? '/'}`) ?? 'other';
    const list = times.get(connection) ?? [];
    list.push(Date.now());
    times.set(connection, list);
    const to = new URL(target());
    // The Host header stays the proxy's: Identity's catalog then points back here.
    const out = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Requests a second to each connection between `from` and `to` (see ratePerSecond). */
    rates: (from: number, to: number) =>
      new Map([...times].map(([c, list]) => [c, ratePerSecond(list, from, to)] as const)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The process's CPU time (ms) and resident memory (MB), from /proc (Linux). */
function processUse(pid: number): { cpuMs: number; rssMb: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of the line (11 and 12 after the name), in ticks of 10 ms.
    const cpuMs = (Number(fields[11]) + Number(fields[12])) * 10;
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return { cpuMs, rssMb: Number(rss ?? 0) / 1024 };
  } catch {
    return { cpuMs: Number.NaN, rssMb: Number.NaN };
  }
}

/** A console without a browser: the stream, and the reads a real page watches (see above). */
async function streamClient(url: string, watched: Map<string, string>): Promise<() => void> {
  const cookie = await consoleCookie(url, 'viewer');
  const read = (path: string) =>
    send(`${url}${path}`, 'GET', { cookie, 'x-console-watch': watched.get(path) ?? 'idle' }).catch(
      () => undefined,
    );
  await Promise.all([...watched.keys()].map(read));
  const renew = setInterval(() => void Promise.all([...watched.keys()].map(read)), 30_000);
  const req = request(`${url}/console/api/stream`, { headers: { cookie } }, (res) => {
    readEvents(res, ({ event, data }) => {
      if (event === 'change')
        void read(`/console/api/connections/${String(data.connection)}${String(data.path)}`);
    });
  });
  req.on('error', () => undefined);
  req.end();
  return () => {
    clearInterval(renew);
    req.destroy();
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LIST_PAGES = ['/jobs', '/configurations'];

/**
 * Starts a run on each connection at the vendor directly (not through the proxy, so not counted): a
 * Veeam job, a v1.0 configuration's backup, a v2 configuration's backup.
 */
async function runSomethingEverywhere(vendor: string): Promise<() => Promise<void>> {
  const veeam = JSON.parse(
    (
      await send(
        `${vendor}/v5/Token`,
        'POST',
        { 'content-type': 'application/x-www-form-urlencoded' },
        'grant_type=password&username=admin&password=demo',
      )
    ).body,
  ) as { access_token: string };
  const rackspace = JSON.parse(
    (
      await send(
        `${vendor}/v2.0/tokens`,
        'POST',
        { 'content-type': 'application/json' },
        JSON.stringify({ auth: { passwordCredentials: { username: 'admin', password: 'demo' } } }),
      )
    ).body,
  ) as { access: { token: { id: string; tenant: { id: string } } } };
  const vm = { authorization: `Bearer ${veeam.access_token}`, 'content-type': 'application/json' };
  const rs = { 'x-auth-token': rackspace.access.token.id, 'content-type': 'application/json' };
  const tenant = rackspace.access.token.tenant.id;
  const jobs = JSON.parse((await send(`${vendor}/v5/Jobs`, 'GET', vm)).body) as {
    id: string;
    isEnabled: boolean;
    lastStatus: string;
  }[];
  // The last idle enabled job: measureLatency starts and stops the first ones.
  const job = jobs.filter((j) => j.isEnabled && !['Running', 'Queued'].includes(j.lastStatus)).at(-1);
  if (job) await send(`${vendor}/v5/Jobs/${job.id}/action`, 'POST', vm, JSON.stringify({ start: null }));
  const v1 = JSON.parse(
    (await send(`${vendor}/dfw/v1.0/${tenant}/backup-configuration`, 'GET', rs)).body,
  ) as { BackupConfigurationId: number; IsActive?: boolean }[];
  const v1Id = v1[0]?.BackupConfigurationId;
  let v1Run: number | null = null;
  if (v1Id !== undefined) {
    const started = await send(
      `${vendor}/dfw/v1.0/${tenant}/backup/action-requested`,
      'POST',
      rs,
      JSON.stringify({ Action: 'StartManual', Id: v1Id }),
    );
    v1Run = Number(started.body) || null;
  }
  const v2 = JSON.parse((await send(`${vendor}/ord/v2/${tenant}/configurations`, 'GET', rs)).body) as {
    configurations?: { id: string }[];
  };
  const v2Id = v2.configurations?.[0]?.id;
  let v2Run: string | null = null;
  if (v2Id) {
    const started = await send(
      `${vendor}/ord/v2/${tenant}/backups`,
      'POST',
      rs,
      JSON.stringify({ configuration_id: v2Id, state: 'start_requested' }),
    );
    v2Run = (JSON.parse(started.body || '{}') as { id?: string }).id ?? null;
  }
  return async () => {
    if (job) await send(`${vendor}/v5/Jobs/${job.id}/action`, 'POST', vm, JSON.stringify({ stop: null }));
    if (v1Run)
      await send(
        `${vendor}/dfw/v1.0/${tenant}/backup/action-requested`,
        'POST',
        rs,
        JSON.stringify({ Action: 'StopManual', Id: v1Run }),
      );
    if (v2Run)
      await send(
        `${vendor}/ord/v2/${tenant}/backups/${v2Run}`,
        'PATCH',
        { ...rs, 'content-type': 'application/json-patch+json' },
        JSON.stringify([{ op: 'replace', path: '/state', value: 'stop_requested' }]),
      );
  };
}

export async function benchPush(
  browser: Browser,
  dist: string,
  newContext: (browser: Browser) => Promise<BrowserContext>,
  options: { counts?: number[]; maxPages?: number; windowS?: number } = {},
): Promise<PushFigures> {
  const counts = options.counts ?? [1, 10, 50];
  const maxPages = options.maxPages ?? 10;
  const windowS = options.windowS ?? 20;
  const dir = mkdtempSync(join(tmpdir(), 'backup-console-bench-push-'));
  let mainUrl = '';
  const proxy = await countingProxy(() => mainUrl);
  const credentials = { username: 'admin', password: { env: 'BENCH_VENDOR_PW' } };
  writeFileSync(
    join(dir, 'connections.json'),
    JSON.stringify({
      connections: [
        {
          id: 'rackspace-dfw',
          label: 'Rackspace DFW (v1.0)',
          dialect: 'rackspace-v1',
          identityUrl: `${proxy.url}/v2.0`,
          region: 'DFW',
          credentials,
        },
        {
          id: 'rackspace-ord',
          label: 'Rackspace ORD (v2)',
          dialect: 'rackspace-v2',
          identityUrl: `${proxy.url}/v2.0`,
          region: 'ORD',
          credentials,
        },
        { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: `${proxy.url}/v5`, credentials },
      ],
    }),
  );
  const main = await startMain(['--serve-console', dist, '--data-dir', join(dir, 'data')], {
    env: { CONSOLE_CONNECTIONS: join(dir, 'connections.json'), BENCH_VENDOR_PW: 'demo' },
  });
  mainUrl = main.url;
  const contexts: BrowserContext[] = [];
  const clients: (() => void)[] = [];
  try {
    const stopRuns = await runSomethingEverywhere(main.url);
    /** What a real page watches: the forwarded paths it reads with X-Console-Watch, and at which pace. */
    const watched = new Map<string, string>();
    const openPage = async (i: number): Promise<Page> => {
      const context = await newContext(browser);
      contexts.push(context);
      const page = await context.newPage();
      page.on('request', (r) => {
        const pace = r.headers()['x-console-watch'];
        if (pace) {
          const u = new URL(r.url());
          watched.set(u.pathname + u.search, pace);
        }
      });
      const signedIn = await page.request.post(`${main.url}/console/api/session`, {
        data: { username: 'viewer', password: 'demo' },
      });
      if (!signedIn.ok()) throw new Error(`console sign-in: ${signedIn.status()}`);
      await page.goto(`${main.url}${LIST_PAGES[i % LIST_PAGES.length]}`);
      await page.waitForSelector('tr[data-status], tbody tr', { timeout: 60_000 });
      return page;
    };

    const figures: ConsolesFigures[] = [];
    let pages = 0;
    for (const count of counts) {
      while (pages < Math.min(count, maxPages)) await openPage(pages++);
      while (pages + clients.length < count) clients.push(await streamClient(main.url, watched));
      // Settle (sign-ins, first reads), then count over the window.
      await sleep(5_000);
      const use = processUse(main.child.pid!);
      const t0 = Date.now();
      await sleep(windowS * 1000);
      const seconds = (Date.now() - t0) / 1000;
      const rates = proxy.rates(t0, Date.now());
      const used = processUse(main.child.pid!);
      const perConnection: Record<string, number> = {};
      for (const [connection, rate] of rates)
        if (connection !== 'identity' && connection !== 'other')
          perConnection[connection] = Number(rate.toFixed(2));
      figures.push({
        consoles: count,
        pages,
        clients: clients.length,
        windowSeconds: seconds,
        perConnection,
        cpuPercent: ((used.cpuMs - use.cpuMs) / (seconds * 1000)) * 100,
        rssMb: used.rssMb,
      });
    }
    for (const close of clients.splice(0)) close();
    for (const context of contexts.splice(0)) await context.close();
    await stopRuns();

    // A page of its own for the latency, the others closed: what is measured is the push, not the load.
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await page.request.post(`${main.url}/console/api/session`, {
      data: { username: 'viewer', password: 'demo' },
    });
    const busy = await measureLatency(page, main.url, 20, { keeper: true });
    const idle = await measureLatency(page, main.url, 20, { keeper: false });
    return { consoles: figures, busy, idle };
  } finally {
    for (const close of clients) close();
    for (const context of contexts) await context.close().catch(() => undefined);
    await main.stop();
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
