import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMain } from '../server/process-test-support';
import { percentile } from './browser';
import type { Headers } from './http';
import { consoleCookie, send as sendOver } from './http';

/**
 * The console server's overhead per forwarded request (issue 13): `server/main.ts` in its own
 * process, as `npm start` runs it (without the built console, which plays no part here), with
 * CONSOLE_CONNECTIONS naming a connections file whose three connections reach its own reference
 * service. The same vendor read is asked directly with a vendor token and through
 * `/console/api/connections/{id}/…` with the console's session cookie, one pair after the other,
 * which goes first alternating, so that the machine's load weighs on both alike; every dialect is
 * warmed before any is measured. A time runs from sending the request to the answer's last byte, over
 * kept-alive connections.
 */
export interface ForwardFigures {
  dialect: string;
  read: string;
  direct: { medianMs: number; p95Ms: number };
  forwarded: { medianMs: number; p95Ms: number };
  overhead: { medianMs: number; p95Ms: number };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const send = (url: string, method = 'GET', headers: Headers = {}, body?: string) =>
  sendOver(url, method, headers, body, agent);

async function json<T>(url: string, method = 'GET', headers: Headers = {}, body?: string): Promise<T> {
  const res = await send(url, method, headers, body);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.body}`);
  return JSON.parse(res.body) as T;
}

async function timed(url: string, headers: Headers): Promise<number> {
  const t0 = performance.now();
  const res = await send(url, 'GET', headers);
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.body.slice(0, 200)}`);
  return ms;
}

const figures = (ms: number[]) => ({ medianMs: percentile(ms, 50), p95Ms: percentile(ms, 95) });

/**
 * Measures `samples` (1,000) pairs per dialect, after `warmUp` (300) pairs of every dialect, all of them
 * before the first is measured.
 */
export async function benchForwardOverhead(
  options: { samples?: number; warmUp?: number } = {},
): Promise<ForwardFigures[]> {
  const samples = options.samples ?? 1000;
  const warmUp = options.warmUp ?? 300;
  const dir = mkdtempSync(join(tmpdir(), 'backup-console-bench-forward-'));
  const credentials = { username: 'admin', password: { env: 'BENCH_VENDOR_PW' } };
  writeFileSync(
    join(dir, 'connections.json'),
    JSON.stringify({
      connections: [
        { id: 'veeam', label: 'Veeam', dialect: 'veeam-v5', baseUrl: '/v5', credentials },
        {
          id: 'dfw',
          label: 'DFW',
          dialect: 'rackspace-v1',
          identityUrl: '/v2.0',
          region: 'DFW',
          credentials,
        },
        {
          id: 'ord',
          label: 'ORD',
          dialect: 'rackspace-v2',
          identityUrl: '/v2.0',
          region: 'ORD',
          credentials,
        },
      ],
    }),
  );
  const main = await startMain(['--data-dir', join(dir, 'data')], {
    env: { CONSOLE_CONNECTIONS: join(dir, 'connections.json'), BENCH_VENDOR_PW: 'demo' },
  });
  try {
    const base = main.url;
    const cookie = await consoleCookie(base, 'admin', agent);
    const veeam = await json<{ access_token: string }>(
      `${base}/v5/Token`,
      'POST',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'grant_type=password&username=admin&password=demo',
    );
    const rackspace = await json<{ access: { token: { id: string } } }>(
      `${base}/v2.0/tokens`,
      'POST',
      { 'content-type': 'application/json' },
      JSON.stringify({ auth: { passwordCredentials: { username: 'admin', password: 'demo' } } }),
    );
    const vm = { authorization: `Bearer ${veeam.access_token}` };
    const rs = { 'x-auth-token': rackspace.access.token.id };
    const jobs = await json<{ id: string }[]>(`${base}/v5/Jobs`, 'GET', vm);
    const v1 = await json<{ BackupConfigurationId: number }[]>(
      `${base}/dfw/v1.0/110011/backup-configuration`,
      'GET',
      rs,
    );
    const v2 = await json<{ configurations: { id: string }[] }>(
      `${base}/ord/v2/110011/configurations`,
      'GET',
      rs,
    );
    const reads = [
      {
        dialect: 'Veeam v5',
        read: 'GET Jobs/{id}',
        direct: `${base}/v5/Jobs/${jobs[0]!.id}`,
        headers: vm,
        forwarded: `${base}/console/api/connections/veeam/Jobs/${jobs[0]!.id}`,
      },
      {
        dialect: 'Rackspace v1.0',
        read: 'GET backup-configuration/{id}',
        direct: `${base}/dfw/v1.0/110011/backup-configuration/${v1[0]!.BackupConfigurationId}`,
        headers: rs,
        forwarded: `${base}/console/api/connections/dfw/backup-configuration/${v1[0]!.BackupConfigurationId}`,
      },
      {
        dialect: 'Rackspace v2',
        read: 'GET configurations/{id}',
        direct: `${base}/ord/v2/110011/configurations/${v2.configurations[0]!.id}`,
        headers: rs,
        forwarded: `${base}/console/api/connections/ord/configurations/${v2.configurations[0]!.id}`,
      },
    ];
    /** One pair, the direct read and the forwarded one, which goes first alternating with `i`. */
    const pair = async (r: (typeof reads)[number], i: number): Promise<{ d: number; f: number }> => {
      // Which of the pair goes first alternates: neither always meets a warm or a busy moment.
      if (i % 2 === 0) {
        const d = await timed(r.direct, r.headers);
        return { d, f: await timed(r.forwarded, { cookie }) };
      }
      const f = await timed(r.forwarded, { cookie });
      return { d: await timed(r.direct, r.headers), f };
    };
    // Every dialect warmed, direct and forwarded, before any is measured: else the first one measured
    // would carry the server's own warm-up (its JIT, its connections, its statements) for the others.
    for (const r of reads) for (let i = 0; i < warmUp; i++) await pair(r, i);
    const out: ForwardFigures[] = [];
    for (const r of reads) {
      const direct: number[] = [];
      const forwarded: number[] = [];
      const overhead: number[] = [];
      for (let i = 0; i < samples; i++) {
        const { d, f } = await pair(r, i);
        direct.push(d);
        forwarded.push(f);
        overhead.push(f - d);
      }
      out.push({
        dialect: r.dialect,
        read: r.read,
        direct: figures(direct),
        forwarded: figures(forwarded),
        overhead: figures(overhead),
      });
    }
    return out;
  } finally {
    await main.stop();
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
